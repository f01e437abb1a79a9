package dev.scopecut.sandbox;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The sandbox's parts, present only when {@link SandboxEnvironment} switched it on: in a
 * production configuration nothing under {@code /sandbox} exists, the page included.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(SandboxEnvironment.ENABLED)
class SandboxConfig implements WebMvcConfigurer {

	/** Scopecut's clock too while the sandbox runs, so a skipped day is one for both. */
	@Bean
	@Primary
	SandboxClock sandboxClock() {
		return new SandboxClock(Clock.systemUTC());
	}

	@Bean
	Workspace sandboxWorkspace(Clock clock) {
		return new Workspace(clock);
	}

	@Bean
	SlackDelivery sandboxDelivery(Workspace workspace, Environment environment, Clock clock) {
		return new SlackDelivery(workspace, environment.getRequiredProperty(SandboxEnvironment.SIGNING_SECRET),
				environment.getRequiredProperty("scopecut.slack.api-url"), clock);
	}

	@Bean
	SandboxEvents sandboxEvents(Workspace workspace) {
		return new SandboxEvents(workspace);
	}

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler("/sandbox/**").addResourceLocations("classpath:/sandbox/");
	}

	@Override
	public void addViewControllers(ViewControllerRegistry registry) {
		registry.addViewController("/sandbox").setViewName("forward:/sandbox/index.html");
	}

}
