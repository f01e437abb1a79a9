package dev.scopecut.support;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link EndToEndBase} in single-workspace mode: the one bot token of the tests. */
public abstract class EndToEndTest extends EndToEndBase {

	@DynamicPropertySource
	static void endpoints(DynamicPropertyRegistry registry) {
		TestSettings.register(registry, redis, slack);
	}

}
