package dev.scopecut.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import org.yaml.snakeyaml.Yaml;

/**
 * The PromQL of {@code deploy/}: every dashboard target and every alerting rule, and the
 * metric names they query.
 */
final class DeployedQueries {

	static final Path DEPLOY = Path.of(System.getProperty("basedir", "."), "deploy");

	static final Path DASHBOARD = DEPLOY.resolve("grafana/scopecut-dashboard.json");

	static final Path RULES = DEPLOY.resolve("prometheus/scopecut-alerts.yml");

	/** Our metrics and the Redis client's: what the deploy files may query. */
	private static final Pattern METRIC = Pattern.compile("\\b(scopecut_[a-z_]+|lettuce_[a-z_]+)\\b");

	private static final Pattern SELECTOR = Pattern.compile("\\b(scopecut_[a-z_]+|lettuce_[a-z_]+)\\{([^}]*)\\}");

	private static final Pattern MATCHER = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=~|!~|!=|=)\\s*\"([^\"]*)\"");

	private DeployedQueries() {
	}

	static List<String> expressions() {
		List<String> expressions = new ArrayList<>();
		JsonElement dashboard = JsonParser.parseString(read(DASHBOARD));
		dashboard.getAsJsonObject()
			.getAsJsonArray("panels")
			.forEach((panel) -> panel.getAsJsonObject()
				.getAsJsonArray("targets")
				.forEach((target) -> expressions.add(target.getAsJsonObject().get("expr").getAsString())));
		Map<String, List<Map<String, Object>>> rules = new Yaml().load(read(RULES));
		for (Map<String, Object> group : rules.get("groups")) {
			@SuppressWarnings("unchecked")
			List<Map<String, Object>> groupRules = (List<Map<String, Object>>) group.get("rules");
			groupRules.forEach((rule) -> expressions.add(rule.get("expr").toString()));
		}
		return expressions;
	}

	static Set<String> metrics() {
		Set<String> names = new TreeSet<>();
		for (String expression : expressions()) {
			Matcher metric = METRIC.matcher(expression);
			while (metric.find()) {
				names.add(metric.group(1));
			}
		}
		return names;
	}

	/**
	 * The label matchers of every selector on one of our metrics, e.g.
	 * {@code scopecut_jobs_runs_total{outcome!="done"}}: metric, label name, and the
	 * value matched (a regular expression for {@code =~} and {@code !~}).
	 */
	static List<Selector> selectors() {
		List<Selector> selectors = new ArrayList<>();
		for (String expression : expressions()) {
			Matcher selector = SELECTOR.matcher(expression);
			while (selector.find()) {
				Matcher matcher = MATCHER.matcher(selector.group(2));
				while (matcher.find()) {
					selectors
						.add(new Selector(selector.group(1), matcher.group(1), matcher.group(2), matcher.group(3)));
				}
			}
		}
		return selectors;
	}

	record Selector(String metric, String label, String operator, String value) {
	}

	private static String read(Path path) {
		try {
			return Files.readString(path, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
