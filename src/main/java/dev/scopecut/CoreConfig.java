package dev.scopecut;

import java.time.Clock;
import java.util.random.RandomGenerator;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.scopecut.app.CheckIns;
import dev.scopecut.app.CutEditService;
import dev.scopecut.app.port.CheckInNotifier;
import dev.scopecut.app.port.CheckInStore;
import dev.scopecut.app.CutJobs;
import dev.scopecut.app.port.CutNotifier;
import dev.scopecut.app.CutService;
import dev.scopecut.app.port.CutStore;
import dev.scopecut.app.HomeService;
import dev.scopecut.app.NextCuts;
import dev.scopecut.app.port.JobQueue;
import dev.scopecut.app.port.Metrics;
import dev.scopecut.app.port.ReminderMarks;
import dev.scopecut.app.port.ReminderNotifier;
import dev.scopecut.app.port.ReminderPace;
import dev.scopecut.app.Reminders;
import dev.scopecut.app.port.WorkspaceCuts;

/** Wires the framework-free core to its adapters. */
@Configuration(proxyBeanMethods = false)
class CoreConfig {

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	CutService cutService(CutStore store, WorkspaceCuts workspaceCuts, JobQueue jobs, CutNotifier notifier,
			Clock clock) {
		return new CutService(store, workspaceCuts, jobs, notifier, clock, RandomGenerator.of("L64X128MixRandom"));
	}

	@Bean
	CutEditService cutEditService(CutStore store, CutService cuts, Clock clock) {
		return new CutEditService(store, cuts, clock);
	}

	@Bean
	NextCuts nextCuts(CutStore store, CutService cuts) {
		return new NextCuts(store, cuts);
	}

	@Bean
	Reminders reminders(CutStore store, JobQueue jobs, CutNotifier notifier, ReminderNotifier messages,
			ReminderMarks marks, ReminderPace pace, Clock clock, Metrics metrics) {
		return new Reminders(store, jobs, notifier, messages, marks, pace, clock, metrics);
	}

	@Bean
	HomeService homeService(WorkspaceCuts cuts) {
		return new HomeService(cuts);
	}

	@Bean
	CheckIns checkIns(CutStore store, CheckInStore checkIns, JobQueue jobs, CheckInNotifier notifier, Clock clock) {
		return new CheckIns(store, checkIns, jobs, notifier, clock);
	}

	@Bean
	CutJobs cutJobs(CutStore store, JobQueue jobs, CutNotifier notifier, CutService service, Reminders reminders,
			CheckIns checkIns, Clock clock, Metrics metrics) {
		return new CutJobs(store, jobs, notifier, service, reminders, checkIns, clock, metrics);
	}

}
