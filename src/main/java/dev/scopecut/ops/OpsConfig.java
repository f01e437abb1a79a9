package dev.scopecut.ops;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.scopecut.app.port.Metrics;

/**
 * What an operator watches: the core's counts as Micrometer meters, the Slack requests
 * and Web API calls timed, and health kept on the public port when the actuator has a
 * port of its own ({@link PublicHealth}). Exposition, probes and graceful shutdown are
 * Spring Boot's own ({@code management.*} in application.yml).
 */
@Configuration(proxyBeanMethods = false)
class OpsConfig {

	@Bean
	Metrics metrics(MeterRegistry registry) {
		return new MicrometerMetrics(registry);
	}

	@Bean
	static MeteredSlack meteredSlack(ObjectProvider<MeterRegistry> registry) {
		return new MeteredSlack(registry);
	}

}
