package dev.scopecut.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;

import dev.scopecut.support.fakeslack.FakeSlack;
import dev.scopecut.support.processes.AppProcess;
import dev.scopecut.support.processes.RedisProcess;
import dev.scopecut.support.fakeslack.SignedRequests;

/**
 * Scopecut's vote path under load, in figures. Starts a real redis-server, the fake Slack
 * Web API and the packaged app (target/scopecut-*.jar) in its own JVM, floods it with
 * signed vote clicks on several cuts at a fixed rate and at full speed, checks the
 * tallies are exact, then measures a bare baseline (signature check and one HSET) with
 * the same load. Prints the figures and writes them to BENCHMARKS.md. Run it with
 * {@code ./mvnw -B -Pbenchmark verify}.
 */
public final class VoteBenchmark {

	static final int CUTS = 10;

	static final int ITEMS = 10;

	static final int USERS = 2000;

	static final double RATE = 1000;

	/** How long each measured phase lasts; {@code -Dbench.seconds=5} for a quick look. */
	static final double PHASE_SECONDS = Double.parseDouble(System.getProperty("bench.seconds", "20"));

	static final String SECRET = "bench-signing-secret";

	/**
	 * The container size the README recommends; MaxRAM makes the JVM size itself as in
	 * one.
	 */
	static final String CONTAINER_MEMORY = "384m";

	static final Pattern COUNTS = Pattern.compile("Ship (\\d+) · Defer (\\d+)");

	private VoteBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		Path jar = packagedJar();
		String report;
		try (RedisProcess redis = RedisProcess.start(true); FakeSlack slack = FakeSlack.start()) {
			int port = RedisProcess.freePort();
			List<String> command = new ArrayList<>(jvm("scopecut"));
			command.addAll(List.of("-jar", jar.toString()));
			command.addAll(settings(port, redis, slack));
			int basePort = RedisProcess.freePort();
			List<String> baseCommand = new ArrayList<>(jvm("baseline"));
			baseCommand.addAll(List.of("-cp", testClasspath(), BaselineApp.class.getName()));
			baseCommand.addAll(settings(basePort, redis, slack));
			try (AppProcess app = AppProcess.start("scopecut", command, Map.of(), port,
					Path.of("target/benchmark/scopecut.log"));
					AppProcess base = AppProcess.start("baseline", baseCommand, Map.of(), basePort,
							Path.of("target/benchmark/baseline.log"))) {
				report = measure(app, port, base, basePort, redis, slack);
			}
		}
		System.out.println(report);
		write(Path.of("BENCHMARKS.md"), report);
		System.out.println("Written to BENCHMARKS.md");
	}

	record Figures(long readyMillis, VoteLoad.Result fixed, VoteLoad.Result full, long peakRssMib,
			double maxUpdatesPerCutSecond, long minUpdateGapMillis, long finalStateDelayMillis, boolean exact,
			String exactness) {
	}

	/**
	 * Measures both servers, which run side by side. The full-speed runs alternate, a
	 * quarter of the time each, so that whatever else the two shared cores do falls on
	 * both alike.
	 */
	private static String measure(AppProcess app, int port, AppProcess base, int basePort, RedisProcess redis,
			FakeSlack slack) throws Exception {
		List<VoteLoad.Target> targets = startCuts(port, slack);
		VoteLoad load = new VoteLoad(port, SECRET, FakeSlack.TEAM, slack.responseUrl("vote"), targets, USERS);
		VoteLoad baseLoad = new VoteLoad(basePort, SECRET, FakeSlack.TEAM, slack.responseUrl("vote"), targets, USERS);
		System.out.println("Scopecut ready in " + app.readyMillis() + " ms, baseline in " + base.readyMillis()
				+ " ms; warming up");
		load.fullSpeed(32, PHASE_SECONDS / 2);
		baseLoad.fullSpeed(32, PHASE_SECONDS / 2);
		System.out.println("Fixed rate " + RATE + "/s for " + PHASE_SECONDS + " s");
		VoteLoad.Result fixed = load.fixedRate(16, PHASE_SECONDS, RATE);
		System.out.println("Full speed, alternating, " + PHASE_SECONDS + " s each");
		slack.reset();
		VoteLoad.Result full = null;
		VoteLoad.Result baseFull = null;
		for (int round = 0; round < 4; round++) {
			full = VoteLoad.Result.sum(full, load.fullSpeed(32, PHASE_SECONDS / 4));
			baseFull = VoteLoad.Result.sum(baseFull, baseLoad.fullSpeed(32, PHASE_SECONDS / 4));
		}
		Thread.sleep(3000);
		Figures scopecut = finish(app, redis, slack, load, targets, fixed, full, app.peakRssMib());
		Figures baseline = new Figures(base.readyMillis(), null, baseFull, base.peakRssMib(), 0, 0, 0, true, "");
		// Every acknowledged vote owes its voter a private confirmation; one dropped
		// would
		// flatter the throughput, so the report says how many reached Slack.
		String confirmations = slack.calls("response_url").size() + " of " + full.requests();
		return report(scopecut, baseline).replace("| final tallies |",
				"| private confirmations delivered (response URL posts) during the full-speed runs | " + confirmations
						+ " | all |\n| final tallies |");
	}

	/**
	 * Starts the cuts through Scopecut's slash command; each target carries its message.
	 */
	private static List<VoteLoad.Target> startCuts(int port, FakeSlack slack) {
		SignedRequests requests = new SignedRequests(port, SECRET);
		List<VoteLoad.Target> targets = new ArrayList<>();
		String items = IntStream.rangeClosed(1, ITEMS).mapToObj((i) -> "item " + i).collect(Collectors.joining("; "));
		for (int c = 0; c < CUTS; c++) {
			String channel = "C%08d".formatted(c);
			requests.command(channel, "U0FACILITATOR", "Bench cut " + c + ": " + items, slack.responseUrl("start"));
			FakeSlack.Call post = slack.await("chat.postMessage", (call) -> channel.equals(call.param("channel")),
					Duration.ofSeconds(10));
			JsonObject message = new JsonObject();
			message.addProperty("type", "message");
			message.addProperty("text", post.param("text"));
			message.add("blocks", JsonParser.parseString(post.param("blocks")));
			String cutId = post.param("blocks").replaceAll("(?s).*ID `(\\w+)`.*", "$1");
			targets.add(new VoteLoad.Target(channel, cutId, ITEMS, message.toString()));
		}
		return targets;
	}

	private static Figures finish(AppProcess app, RedisProcess redis, FakeSlack slack, VoteLoad load,
			List<VoteLoad.Target> targets, VoteLoad.Result fixed, VoteLoad.Result full, long peak) {
		RedisClient client = RedisClient.create(redis.url());
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			Map<String, String> stored = new HashMap<>();
			double maxPerSecond = 0;
			long minGap = Long.MAX_VALUE;
			long worstDelay = 0;
			List<String> mismatches = new ArrayList<>();
			for (VoteLoad.Target target : targets) {
				Map<String, String> votes = connection.sync()
					.hgetall("scopecut:{" + FakeSlack.TEAM + "}:votes:" + target.cutId());
				votes.forEach((field, choice) -> stored.put(target.cutId() + " " + field, choice));
				List<FakeSlack.Call> updates = slack.calls("chat.update")
					.stream()
					.filter((call) -> target.channel().equals(call.param("channel")))
					.toList();
				for (int i = 0; i < updates.size(); i++) {
					long windowEnd = updates.get(i).atMillis() + 1000;
					long inWindow = updates.stream()
						.filter((u) -> u.atMillis() >= windowEnd - 1000 && u.atMillis() < windowEnd)
						.count();
					maxPerSecond = Math.max(maxPerSecond, inWindow);
					if (i > 0) {
						minGap = Math.min(minGap, updates.get(i).atMillis() - updates.get(i - 1).atMillis());
					}
				}
				FakeSlack.Call last = updates.get(updates.size() - 1);
				if (!shownCounts(last).equals(expectedCounts(votes))) {
					mismatches
						.add(target.cutId() + " shows " + shownCounts(last) + ", Redis has " + expectedCounts(votes));
				}
				worstDelay = Math.max(worstDelay, last.atMillis() - load.lastAck(target.cutId()));
			}
			Map<String, String> expected = load.acknowledged();
			boolean exact = stored.equals(expected) && mismatches.isEmpty();
			String exactness = exact
					? "exact: " + expected.size() + " user×item votes in Redis equal the last "
							+ "acknowledged click of each, and every cut's last message shows Redis's counts"
					: "NOT exact: " + difference(expected, stored) + " " + mismatches;
			return new Figures(app.readyMillis(), fixed, full, peak, maxPerSecond, minGap, Math.max(0, worstDelay),
					exact, exactness);
		}
		finally {
			client.shutdown();
		}
	}

	private static List<String> shownCounts(FakeSlack.Call update) {
		Matcher matcher = COUNTS.matcher(JsonParser.parseString(update.param("blocks")).toString());
		List<String> counts = new ArrayList<>();
		while (matcher.find()) {
			counts.add(matcher.group(1) + "/" + matcher.group(2));
		}
		return counts;
	}

	private static List<String> expectedCounts(Map<String, String> votes) {
		List<String> counts = new ArrayList<>();
		for (int item = 1; item <= ITEMS; item++) {
			String prefix = item + ":";
			long ship = votes.entrySet()
				.stream()
				.filter((v) -> v.getKey().startsWith(prefix) && v.getValue().equals("S"))
				.count();
			long defer = votes.entrySet()
				.stream()
				.filter((v) -> v.getKey().startsWith(prefix) && v.getValue().equals("D"))
				.count();
			counts.add(ship + "/" + defer);
		}
		return counts;
	}

	private static String difference(Map<String, String> expected, Map<String, String> stored) {
		long missing = expected.keySet().stream().filter((key) -> !stored.containsKey(key)).count();
		long wrong = expected.entrySet()
			.stream()
			.filter((e) -> stored.containsKey(e.getKey()) && !stored.get(e.getKey()).equals(e.getValue()))
			.count();
		long extra = stored.keySet().stream().filter((key) -> !expected.containsKey(key)).count();
		return missing + " missing, " + wrong + " different, " + extra + " unacknowledged";
	}

	private static String report(Figures app, Figures base) throws IOException {
		double ratio = app.full().perSecond() / base.full().perSecond();
		String cpu = Files.readAllLines(Path.of("/proc/cpuinfo"))
			.stream()
			.filter((line) -> line.startsWith("model name"))
			.findFirst()
			.map((line) -> line.substring(line.indexOf(':') + 1).strip())
			.orElse("unknown CPU");
		return String.format(Locale.ROOT,
				"""
						Produced by `./mvnw -B -Pbenchmark verify` on %s: %d cores (%s), %s, Java %s. The load
						generator, the fake Slack Web API and redis-server share the machine with the app under test.

						Load: %d cuts of %d items, %d simulated users, each voting in one of the cuts; each request is a `block_actions` vote click
						signed as Slack signs it and carrying the cut's whole message, as Slack's payloads do.

						| figure | Scopecut | target |
						|---|---|---|
						| votes acknowledged per second, full speed (32 connections, %.0f s in four rounds alternating with the baseline) | %.0f | ≥ 60%% of baseline |
						| baseline: signature check + one HSET, same container and load | %.0f | |
						| Scopecut ÷ baseline | %.0f%% | ≥ 60%% |
						| acknowledgement latency at %.0f votes/s, p50 / p95 / p99 | %.1f / %.1f / %.1f ms | p99 ≤ 20 ms |
						| offered vs achieved at the fixed rate | %.0f/s vs %.0f/s, %d errors | |
						| errors at full speed | %d of %d | 0 |
						| `chat.update` calls per cut in any one second, most seen | %.0f | ≤ 1 |
						| shortest gap between two updates of one cut | %d ms | ≥ 1000 ms |
						| last acknowledged vote to final state shown, worst cut | %d ms | ≤ 2000 ms |
						| peak resident memory (VmHWM) | %d MiB | ≤ 350 MiB |
						| start to ready (`/actuator/health` 200) | %d ms | |
						| final tallies | %s | exact |

						Baseline peak RSS %d MiB, ready in %d ms.
						""",
				LocalDate.now(), Runtime.getRuntime().availableProcessors(), cpu,
				ManagementFactory.getOperatingSystemMXBean().getName(), System.getProperty("java.version"), CUTS, ITEMS,
				USERS, PHASE_SECONDS, app.full().perSecond(), base.full().perSecond(), ratio * 100, RATE,
				app.fixed().percentileMillis(50), app.fixed().percentileMillis(95), app.fixed().percentileMillis(99),
				RATE, app.fixed().perSecond(), app.fixed().errors(), app.full().errors(), app.full().requests(),
				app.maxUpdatesPerCutSecond(), app.minUpdateGapMillis(), app.finalStateDelayMillis(), app.peakRssMib(),
				app.readyMillis(), app.exactness(), base.peakRssMib(), base.readyMillis());
	}

	private static List<String> settings(int port, RedisProcess redis, FakeSlack slack) {
		return List.of("--server.port=" + port, "--spring.data.redis.url=" + redis.url(),
				"--scopecut.slack.api-url=" + slack.apiUrl(), "--scopecut.slack.signing-secret=" + SECRET,
				"--scopecut.slack.bot-token=xoxb-bench-token", "--logging.level.root=WARN");
	}

	/**
	 * The JVM options both servers run with: the Dockerfile's in a container of
	 * {@link #CONTAINER_MEMORY}, plus a log of every collection into target/benchmark,
	 * and a flight recording there when {@code -Dbench.jfr=true}, for finding where the
	 * time goes.
	 */
	private static List<String> jvm(String name) {
		List<String> options = new ArrayList<>(
				List.of(java(), "-XX:MaxRAM=" + CONTAINER_MEMORY, "-XX:InitialRAMPercentage=50",
						"-XX:MaxRAMPercentage=50", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError"));
		options.add("-Xlog:gc:file=target/benchmark/" + name + "-gc.log");
		if (Boolean.getBoolean("bench.jfr")) {
			options.add("-XX:StartFlightRecording=filename=target/benchmark/" + name
					+ ".jfr,settings=profile,dumponexit=true");
		}
		return options;
	}

	/** The test classpath, also when run by exec:java, whose class loader holds it. */
	private static String testClasspath() {
		if (Thread.currentThread().getContextClassLoader() instanceof java.net.URLClassLoader loader) {
			return java.util.Arrays.stream(loader.getURLs())
				.map((url) -> Path.of(java.net.URI.create(url.toString())).toString())
				.collect(Collectors.joining(java.io.File.pathSeparator));
		}
		return System.getProperty("java.class.path");
	}

	/**
	 * Puts the figures between the file's figure markers, keeping the notes around them
	 * (the profiles and what each change bought); a file without markers is written
	 * whole.
	 */
	static void write(Path file, String figures) throws IOException {
		String start = "<!-- figures: written by VoteBenchmark -->\n";
		String end = "<!-- /figures -->\n";
		String old = Files.exists(file) ? Files.readString(file) : "";
		int from = old.indexOf(start);
		int to = old.indexOf(end);
		String text = (from >= 0 && to > from) ? old.substring(0, from + start.length()) + figures + old.substring(to)
				: start + figures + end;
		Files.writeString(file, text);
	}

	private static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	private static Path packagedJar() throws IOException {
		try (var files = Files.list(Path.of("target"))) {
			return files.filter((path) -> path.getFileName().toString().matches("scopecut-.*\\.jar"))
				.filter((path) -> !path.getFileName().toString().endsWith("-plain.jar"))
				.findFirst()
				.orElseThrow(
						() -> new IllegalStateException("no target/scopecut-*.jar: run ./mvnw -B -DskipTests package"));
		}
	}

}
