package dev.scopecut.store;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the store keeps cuts.
 *
 * @param retention how long a closed or cancelled cut is kept before it expires
 */
@ConfigurationProperties("scopecut.store")
record StoreProperties(@DefaultValue("90d") Duration retention) {

	StoreProperties {
		if (retention.isNegative() || retention.isZero()) {
			throw new IllegalArgumentException("scopecut.store.retention must be positive, not " + retention);
		}
	}

}
