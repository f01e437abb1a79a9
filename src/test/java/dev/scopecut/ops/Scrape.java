package dev.scopecut.ops;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One read of {@code /actuator/prometheus}: each sample by its name and labels, e.g.
 * {@code scopecut_votes_recorded_total{change="first"}}, labels in name order.
 */
record Scrape(Map<String, Double> samples) {

	static Scrape of(int managementPort) {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + managementPort + "/actuator/prometheus"))
			.build();
		try {
			HttpResponse<String> response = HttpClient.newHttpClient()
				.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IllegalStateException("The scrape answered " + response.statusCode());
			}
			return parse(response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static Scrape parse(String text) {
		Map<String, Double> samples = new LinkedHashMap<>();
		for (String line : text.split("\n")) {
			if (line.isBlank() || line.startsWith("#")) {
				continue;
			}
			int brace = line.indexOf('{');
			int end = (brace >= 0) ? line.lastIndexOf('}') + 1 : line.indexOf(' ');
			String name = (brace >= 0) ? line.substring(0, brace) : line.substring(0, end);
			Map<String, String> labels = new TreeMap<>();
			if (brace >= 0) {
				for (String pair : line.substring(brace + 1, end - 1).split("\",")) {
					int equals = pair.indexOf('=');
					if (equals > 0) {
						labels.put(pair.substring(0, equals).strip(),
								pair.substring(equals + 1).replaceAll("^\"|\"$", "").replace("\"", ""));
					}
				}
			}
			String value = line.substring(end).strip().split(" ")[0];
			samples.put(key(name, labels), Double.parseDouble(value));
		}
		return new Scrape(samples);
	}

	/** A sample's value, 0 when it is not there. */
	double value(String name, String... labels) {
		Map<String, String> wanted = new TreeMap<>();
		for (int i = 0; i + 1 < labels.length; i += 2) {
			wanted.put(labels[i], labels[i + 1]);
		}
		return this.samples.getOrDefault(key(name, wanted), 0.0);
	}

	/** The sum of every sample of the name whose labels include the given ones. */
	double sum(String name, String... labels) {
		double sum = 0;
		for (Map.Entry<String, Double> sample : this.samples.entrySet()) {
			String key = sample.getKey();
			if (!key.equals(name) && !key.startsWith(name + "{")) {
				continue;
			}
			boolean matches = true;
			for (int i = 0; i + 1 < labels.length; i += 2) {
				matches &= key.contains(labels[i] + "=\"" + labels[i + 1] + "\"");
			}
			if (matches) {
				sum += sample.getValue();
			}
		}
		return sum;
	}

	/** The names of the samples, without labels. */
	Set<String> names() {
		return this.samples.keySet()
			.stream()
			.map((key) -> (key.indexOf('{') >= 0) ? key.substring(0, key.indexOf('{')) : key)
			.collect(Collectors.toSet());
	}

	private static String key(String name, Map<String, String> labels) {
		if (labels.isEmpty()) {
			return name;
		}
		return name + labels.entrySet()
			.stream()
			.map((label) -> label.getKey() + "=\"" + label.getValue() + "\"")
			.collect(Collectors.joining(",", "{", "}"));
	}

}
