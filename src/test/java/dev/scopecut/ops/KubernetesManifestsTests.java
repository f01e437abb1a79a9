package dev.scopecut.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code deploy/kubernetes} read as Kubernetes reads it and checked against the app's own
 * settings (application.yml): the probes on the public port at the health groups' paths,
 * metrics on the management port, at least two replicas that a disruption budget and a
 * rolling update keep serving, the Slack settings from Secrets under the variables the
 * app reads, and the Sentinel master the Redis chart's values name.
 */
class KubernetesManifestsTests {

	static final Path KUBERNETES = DeployedQueries.DEPLOY.resolve("kubernetes");

	static final Path APPLICATION = Path.of(System.getProperty("basedir", "."), "src/main/resources/application.yml");

	/** "${NAME:default}", as application.yml takes a setting from the environment. */
	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z_]+):([^}]*)}");

	private final List<Map<String, Object>> manifests = documents(KUBERNETES.resolve("scopecut.yaml"));

	private final Map<String, Object> application = documents(APPLICATION).get(0);

	private final Map<String, Object> deployment = kind("Deployment");

	private final Map<String, Object> container = only(
			list(map(map(map(this.deployment, "spec"), "template"), "spec"), "containers"));

	@Test
	void atLeastTwoReplicasServeAndARollingUpdateOrADrainNeverTakesTheLastOne() {
		Map<String, Object> spec = map(this.deployment, "spec");
		assertThat((Integer) spec.get("replicas")).isGreaterThanOrEqualTo(2);
		assertThat(map(map(spec, "strategy"), "rollingUpdate")).containsEntry("maxUnavailable", 0);

		Map<String, Object> budget = kind("PodDisruptionBudget");
		assertThat(map(map(budget, "spec"), "selector")).isEqualTo(map(spec, "selector"));
		assertThat((Integer) map(budget, "spec").get("minAvailable")).isBetween(1, (Integer) spec.get("replicas") - 1);
		assertThat(map(map(map(spec, "template"), "metadata"), "labels"))
			.containsAllEntriesOf(map(map(spec, "selector"), "matchLabels"));
	}

	@Test
	void theProbesAskThePublicPortForTheAppsReadinessAndLivenessPaths() {
		Map<String, Object> groups = map(map(map(map(this.application, "management"), "endpoint"), "health"), "group");
		assertThat(probe("readinessProbe")).containsEntry("path", publicPath(groups, "readiness"))
			.containsEntry("port", "http");
		assertThat(probe("livenessProbe")).containsEntry("path", publicPath(groups, "liveness"))
			.containsEntry("port", "http");
		assertThat(probe("startupProbe")).containsEntry("port", "http");

		String port = setting(map(this.application, "server").get("port"), "PORT");
		assertThat(containerPort("http")).isEqualTo(Integer.parseInt(env("PORT").orElse(port)));
		Map<String, Object> service = map(kind("Service"), "spec");
		assertThat(only(list(service, "ports"))).containsEntry("targetPort", "http");
		assertThat(map(service, "selector"))
			.isEqualTo(map(map(map(this.deployment, "spec"), "selector"), "matchLabels"));
	}

	@Test
	void metricsAreScrapedOnTheManagementPortAndNotRoutedByTheService() {
		String port = setting(map(map(this.application, "management"), "server").get("port"), "MANAGEMENT_PORT");
		int management = Integer.parseInt(env("MANAGEMENT_PORT").orElse(port));
		assertThat(containerPort("management")).isEqualTo(management);
		assertThat(map(map(map(map(this.deployment, "spec"), "template"), "metadata"), "annotations"))
			.containsEntry("prometheus.io/port", Integer.toString(management))
			.containsEntry("prometheus.io/path", "/actuator/prometheus");
		assertThat(map(map(map(this.application, "management"), "endpoints"), "web").toString()).contains("prometheus");
		assertThat(list(map(kind("Service"), "spec"), "ports")).noneMatch((servicePort) -> {
			Object target = ((Map<?, ?>) servicePort).get("targetPort");
			return "management".equals(target) || Integer.valueOf(management).equals(target);
		});
	}

	@Test
	void theSlackSettingsComeFromSecretsUnderTheVariablesTheAppReads() {
		Map<String, Object> slack = map(map(this.application, "scopecut"), "slack");
		for (String setting : List.of("signing-secret", "client-id", "client-secret")) {
			String variable = variableOf(slack.get(setting));
			assertThat(envEntry(variable)).as(variable).isPresent();
			assertThat(map(envEntry(variable).get(), "valueFrom")).as(variable).containsKey("secretKeyRef");
		}
		for (Object entry : list(this.container, "env")) {
			String name = (String) ((Map<?, ?>) entry).get("name");
			assertThat(name).as("a variable the app or Spring Boot reads")
				.matches("PORT|MANAGEMENT_PORT|SLACK_[A-Z_]+|REDIS_URL|REDIS_PASSWORD|SPRING_DATA_REDIS_[A-Z_]+|"
						+ "LOGGING_STRUCTURED_FORMAT_CONSOLE");
		}
	}

	@Test
	void scopecutFindsTheMasterTheSentinelsOfTheRedisChartWatch() {
		Map<String, Object> redis = documents(KUBERNETES.resolve("redis-values.yaml")).get(0);
		Map<String, Object> sentinel = map(redis, "sentinel");
		assertThat(sentinel).containsEntry("enabled", true);
		assertThat(env("SPRING_DATA_REDIS_SENTINEL_MASTER")).contains((String) sentinel.get("masterSet"));
		assertThat(env("SPRING_DATA_REDIS_SENTINEL_NODES"))
			.hasValueSatisfying((nodes) -> assertThat(nodes).endsWith(":26379"));
		assertThat((String) redis.get("commonConfiguration")).contains("appendonly yes");
		assertThat((Integer) map(redis, "replica").get("replicaCount")).isGreaterThanOrEqualTo(2);
	}

	@Test
	void aStoppingInstanceHasTimeToFinishItsJobsAndDrainItsRequests() {
		// 10 s for the jobs it holds (DueJobPoller), then Spring's 30 s shutdown phase.
		assertThat((Integer) map(map(map(this.deployment, "spec"), "template"), "spec")
			.get("terminationGracePeriodSeconds")).isGreaterThan(40);
	}

	private Map<String, Object> probe(String name) {
		return map(map(this.container, name), "httpGet");
	}

	/** "server:/readyz" in a health group: the path on the public port. */
	private static String publicPath(Map<String, Object> groups, String group) {
		String path = (String) map(groups, group).get("additional-path");
		assertThat(path).startsWith("server:");
		return path.substring("server:".length());
	}

	private int containerPort(String name) {
		return list(this.container, "ports").stream()
			.map((port) -> (Map<?, ?>) port)
			.filter((port) -> name.equals(port.get("name")))
			.map((port) -> (Integer) port.get("containerPort"))
			.findFirst()
			.orElseThrow();
	}

	private Optional<Map<String, Object>> envEntry(String name) {
		return list(this.container, "env").stream()
			.map(KubernetesManifestsTests::asMap)
			.filter((entry) -> name.equals(entry.get("name")))
			.findFirst();
	}

	private Optional<String> env(String name) {
		return envEntry(name).map((entry) -> (String) entry.get("value"));
	}

	/** The default of a "${NAME:default}" setting, checking it reads that variable. */
	private static String setting(Object value, String variable) {
		Matcher placeholder = PLACEHOLDER.matcher(String.valueOf(value));
		assertThat(placeholder.matches()).as("%s reads a variable", value).isTrue();
		assertThat(placeholder.group(1)).isEqualTo(variable);
		return placeholder.group(2);
	}

	private static String variableOf(Object value) {
		Matcher placeholder = PLACEHOLDER.matcher(String.valueOf(value));
		assertThat(placeholder.matches()).as("%s reads a variable", value).isTrue();
		return placeholder.group(1);
	}

	private Map<String, Object> kind(String kind) {
		List<Map<String, Object>> found = this.manifests.stream()
			.filter((doc) -> kind.equals(doc.get("kind")))
			.toList();
		assertThat(found).as("one %s", kind).hasSize(1);
		return found.get(0);
	}

	private static Map<String, Object> only(List<Object> items) {
		assertThat(items).hasSize(1);
		return asMap(items.get(0));
	}

	private static Map<String, Object> map(Map<String, Object> parent, String key) {
		assertThat(parent).containsKey(key);
		return asMap(parent.get(key));
	}

	@SuppressWarnings("unchecked")
	private static List<Object> list(Map<String, Object> parent, String key) {
		assertThat(parent).containsKey(key);
		return (List<Object>) parent.get(key);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> asMap(Object value) {
		return (Map<String, Object>) value;
	}

	private static List<Map<String, Object>> documents(Path file) {
		List<Map<String, Object>> documents = new ArrayList<>();
		try {
			for (Object document : new Yaml().loadAll(Files.readString(file))) {
				if (document != null) {
					documents.add(asMap(document));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return documents;
	}

}
