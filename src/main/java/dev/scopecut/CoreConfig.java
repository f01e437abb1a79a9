package dev.scopecut;

import java.time.Clock;
import java.util.random.RandomGenerator;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.scopecut.app.CutJobs;
import dev.scopecut.app.CutNotifier;
import dev.scopecut.app.CutService;
import dev.scopecut.app.CutStore;
import dev.scopecut.app.JobQueue;

/** Wires the framework-free core to its adapters. */
@Configuration(proxyBeanMethods = false)
class CoreConfig {

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	CutService cutService(CutStore store, JobQueue jobs, CutNotifier notifier, Clock clock) {
		return new CutService(store, jobs, notifier, clock, RandomGenerator.of("L64X128MixRandom"));
	}

	@Bean
	CutJobs cutJobs(CutStore store, JobQueue jobs, CutNotifier notifier, CutService service, Clock clock) {
		return new CutJobs(store, jobs, notifier, service, clock);
	}

}
