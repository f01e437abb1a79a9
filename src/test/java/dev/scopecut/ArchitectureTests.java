package dev.scopecut;

import com.slack.api.Slack;
import com.slack.api.bolt.App;
import com.slack.api.bolt.handler.BoltEventHandler;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;

import dev.scopecut.cut.InvalidCutException;
import dev.scopecut.slack.SlackListener;
import dev.scopecut.slack.outbound.WorkspaceTokens;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

@AnalyzeClasses(packages = "dev.scopecut", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	@ArchTest
	static final ArchRule theDomainDependsOnNothingButTheJdk = classes().that()
		.resideInAPackage("dev.scopecut.cut..")
		.should()
		.onlyDependOnClassesThat()
		.resideInAnyPackage("java..", "dev.scopecut.cut..");

	/**
	 * The domain's tests assert the reasons it raises; the words people read are the
	 * Slack side's, tested there. Test classes only, so outside the classes analysed
	 * above; the dependency counts however far it goes through other test classes (a
	 * helper in support, say).
	 */
	@Test
	void theDomainsTestsDependOnNothingOfTheSlackAdapter() {
		JavaClasses tests = new ClassFileImporter().withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
			.importPackages("dev.scopecut");

		noClasses().that()
			.resideInAPackage("dev.scopecut.cut..")
			.should()
			.transitivelyDependOnClassesThat()
			.resideInAPackage("dev.scopecut.slack..")
			.check(tests);
	}

	@ArchTest
	static final ArchRule theUseCasesDependOnlyOnTheJdkLoggingAndTheDomain = classes().that()
		.resideInAPackage("dev.scopecut.app..")
		.should()
		.onlyDependOnClassesThat()
		.resideInAnyPackage("java..", "org.slf4j..", "dev.scopecut.cut..", "dev.scopecut.app..");

	/**
	 * The ports and what they carry are what the adapters implement: they know no use
	 * case, so an adapter never reaches one through them.
	 */
	@ArchTest
	static final ArchRule thePortsKnowNoUseCase = noClasses().that()
		.resideInAPackage("dev.scopecut.app.port..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("dev.scopecut.app");

	/**
	 * Each outbound call shares Slack's waits: only the one client builds the raw one.
	 */
	@ArchTest
	static final ArchRule onlyTheSharedClientBuildsTheRawWebApi = noClasses().that()
		.doNotHaveSimpleName("SharedRetryAfterWebApi")
		.should()
		.callConstructor("dev.scopecut.slack.outbound.SlackWebApi", Slack.class.getName(),
				WorkspaceTokens.class.getName());

	@ArchTest
	static final ArchRule theSlackAdapterNeverTouchesTheStore = noClasses().that()
		.resideInAPackage("dev.scopecut.slack..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("dev.scopecut.store..");

	@ArchTest
	static final ArchRule theStoreNeverTouchesTheSlackAdapter = noClasses().that()
		.resideInAPackage("dev.scopecut.store..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("dev.scopecut.slack..");

	@ArchTest
	static final ArchRule theSandboxOnlySpeaksSlacksHttpContract = noClasses().that()
		.resideInAPackage("dev.scopecut.sandbox..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("dev.scopecut.cut..", "dev.scopecut.app..", "dev.scopecut.store..", "dev.scopecut.slack..",
				"dev.scopecut.schedule..", "com.slack.api..");

	/** Block Kit is built by pure functions: no Bolt, no Web API, no other room. */
	@ArchTest
	static final ArchRule renderingIsPureFunctionsOfTheDomainAndTheUseCases = classes().that()
		.resideInAPackage("dev.scopecut.slack.blocks..")
		.should()
		.onlyDependOnClassesThat()
		.resideInAnyPackage("java..", "com.slack.api.model..", "dev.scopecut.cut..", "dev.scopecut.app..",
				"dev.scopecut.slack.blocks..");

	/** Beside the store (above), no Redis client either: Redis is the store's alone. */
	@ArchTest
	static final ArchRule theSlackAdapterNeverTouchesARedisClient = noClasses().that()
		.resideInAPackage("dev.scopecut.slack..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.springframework.data..", "io.lettuce..");

	/** What comes in is checked and parsed only: it never calls Slack or a listener. */
	@ArchTest
	static final ArchRule inboundNeverCallsTheWebApiNorAListener = noClasses().that()
		.resideInAPackage("dev.scopecut.slack.inbound..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("dev.scopecut.slack.outbound..", "dev.scopecut.slack.installs..",
				"dev.scopecut.slack.commands..", "dev.scopecut.slack.actions..", "dev.scopecut.slack.views..",
				"dev.scopecut.slack.shortcuts..", "dev.scopecut.slack.home..", "dev.scopecut.slack.blocks..",
				"com.slack.api.methods..");

	/**
	 * What goes out knows neither requests, nor listeners, nor how tokens are installed.
	 */
	@ArchTest
	static final ArchRule outboundNeverDependsOnRequestsListenersOrInstalls = noClasses().that()
		.resideInAPackage("dev.scopecut.slack.outbound..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("dev.scopecut.slack.inbound..", "dev.scopecut.slack.installs..",
				"dev.scopecut.slack.commands..", "dev.scopecut.slack.actions..", "dev.scopecut.slack.views..",
				"dev.scopecut.slack.shortcuts..", "dev.scopecut.slack.home..", "com.slack.api.bolt..");

	/** Settings are bound and checked values, handed to the wiring. */
	@ArchTest
	static final ArchRule settingsDependOnNothingButSpringBoot = classes().that()
		.resideInAPackage("dev.scopecut.slack.settings..")
		.should()
		.onlyDependOnClassesThat()
		.resideInAnyPackage("java..", "org.springframework.boot..", "dev.scopecut.slack.settings..");

	/** Bolt calls each listener: no surface reaches into another's listeners. */
	@ArchTest
	static final ArchRule noSurfaceReachesIntoAnothersListeners = classes()
		.should(new ArchCondition<JavaClass>("depend on no listener of another package") {

			@Override
			public void check(JavaClass origin, ConditionEvents events) {
				for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
					JavaClass target = dependency.getTargetClass();
					if (target.isAssignableTo(SlackListener.class) && !target.isInterface()
							&& !target.getPackageName().equals(origin.getPackageName())) {
						events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
					}
				}
			}

		});

	@ArchTest
	static final ArchRule theRoomsOfTheSlackAdapterDependOnEachOtherOneWay = slices()
		.matching("dev.scopecut.slack.(*)..")
		.should()
		.beFreeOfCycles();

	/** Slack retries events; only EventDeduplication's registration runs each once. */
	@ArchTest
	static final ArchRule everyEventListenerIsRegisteredToRunOncePerEvent = noClasses().that()
		.doNotHaveSimpleName("EventDeduplication")
		.should()
		.callMethod(App.class, "event", Class.class, BoltEventHandler.class);

}
