package dev.scopecut;

import com.slack.api.bolt.App;
import com.slack.api.bolt.handler.BoltEventHandler;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "dev.scopecut", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	@ArchTest
	static final ArchRule theDomainDependsOnNothingButTheJdk = classes().that()
		.resideInAPackage("dev.scopecut.cut..")
		.should()
		.onlyDependOnClassesThat()
		.resideInAnyPackage("java..", "dev.scopecut.cut..");

	@ArchTest
	static final ArchRule theUseCasesDependOnlyOnTheJdkLoggingAndTheDomain = classes().that()
		.resideInAPackage("dev.scopecut.app..")
		.should()
		.onlyDependOnClassesThat()
		.resideInAnyPackage("java..", "org.slf4j..", "dev.scopecut.cut..", "dev.scopecut.app..");

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

	/** Slack retries events; only EventDeduplication's registration runs each once. */
	@ArchTest
	static final ArchRule everyEventListenerIsRegisteredToRunOncePerEvent = noClasses().that()
		.doNotHaveSimpleName("EventDeduplication")
		.should()
		.callMethod(App.class, "event", Class.class, BoltEventHandler.class);

}
