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
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;

import dev.scopecut.support.fakeslack.FakeSlack;
import dev.scopecut.support.fakeslack.SignedRequests;
import dev.scopecut.support.processes.AppProcess;
import dev.scopecut.support.processes.RedisProcess;

/**
 * Scopecut's vote path under load, in figures, each beside the same figure of a bare
 * baseline (signature check and one HSET) measured in the same run, on the same machine,
 * with the same payloads. Starts a real redis-server, the fake Slack Web API, and both
 * servers as the Docker image starts Scopecut ({@link ImageJvm}: the Dockerfile's JVM
 * release and options, an ahead-of-time cache from a training run). Measures the first
 * seconds after start (a cold JIT), the bare ceiling (full speed, alternating with
 * Scopecut's), latency at a third of that ceiling and at a sweep of other fixed rates,
 * one cut with a crowd of voters, then checks the tallies and the private confirmations
 * are exact, and measures the CPU one confirmation per burst frees against a second
 * Scopecut that confirms every click on its own. Writes the figures to BENCHMARKS.md and
 * the latency plot to docs/benchmark-latency.png. Run it with
 * {@code ./mvnw -B -Pbenchmark verify}.
 */
public final class VoteBenchmark {

	static final int CUTS = 10;

	static final int ITEMS = 10;

	static final int VOTERS_PER_CUT = 20;

	/** The voters of the one crowded cut. */
	static final int CROWD = 200;

	static final int CONNECTIONS = 32;

	/** The fixed rate of the latency target, as a share of the bare ceiling. */
	static final double TARGET_SHARE = 1.0 / 3;

	/** The other fixed rates of the plot, as shares of the bare ceiling. */
	static final double[] SWEEP = { 0.1, 0.2, 0.5, 0.7, 0.9 };

	static final double TARGET_P99_MILLIS = 20;

	static final double TARGET_RATIO = 0.6;

	static final long TARGET_RSS_MIB = 300;

	static final long TARGET_READY_MILLIS = 3000;

	/** How long each measured phase lasts; {@code -Dbench.seconds=5} for a quick look. */
	static final double PHASE_SECONDS = Double.parseDouble(System.getProperty("bench.seconds", "20"));

	static final String SECRET = "bench-signing-secret";

	static final Path PLOT = Path.of("docs", "benchmark-latency.png");

	static final Pattern COUNTS = Pattern.compile("Ship (\\d+) · Defer (\\d+)");

	/** A confirmation's "*Ship* on “item 1”, “item 2”" stretches. */
	static final Pattern CONFIRMED = Pattern.compile("\\*(Ship|Defer)\\* on ((?:“[^”]+”(?:, )?)+)");

	/** A lone click's confirmation of a changed or unchanged vote. */
	static final Pattern CONFIRMED_ALONE = Pattern.compile("vote on (“[^”]+”) (?:to|stays) \\*(Ship|Defer)\\*");

	private VoteBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		ImageJvm image = ImageJvm.of(Path.of("Dockerfile"), Path.of("target", "benchmark"));
		Path appJar = image.extract(packagedJar());
		Path baseJar = image.jarBeside(appJar, BaselineApp.class);
		String report;
		try (RedisProcess redis = RedisProcess.start(true); FakeSlack slack = FakeSlack.start()) {
			System.out.println("Training runs: ahead-of-time caches for both servers");
			Server scopecut = Server.trained(image, "scopecut", appJar, (port) -> scopecutSettings(port, redis, slack));
			Server baseline = Server.trained(image, "baseline", baseJar, (port) -> settings(port, redis, slack));
			try (AppProcess app = scopecut.start("scopecut"); AppProcess base = baseline.start("baseline")) {
				report = new Run(app, base, redis, slack, image, scopecut, baseline).measure();
				// Stopped as a platform stops them, so that flight recordings are
				// written.
				app.terminate(Duration.ofSeconds(60));
				base.terminate(Duration.ofSeconds(60));
			}
		}
		System.out.println(report);
		write(Path.of("BENCHMARKS.md"), report);
		System.out.println("Written to BENCHMARKS.md and " + PLOT);
	}

	/**
	 * Starts a server as the image does; {@code name} names its logs, {@code extra}
	 * settings come after the run's own.
	 */
	@FunctionalInterface
	private interface Server {

		AppProcess start(String name, String... extra);

		/**
		 * {@code jar}'s cache made by its training run, then each start on a port of its
		 * own with {@code settings} for that port.
		 */
		static Server trained(ImageJvm image, String name, Path jar, IntFunction<List<String>> settings)
				throws IOException, InterruptedException {
			int trainingPort = RedisProcess.freePort();
			Path cache = image.cache(name, jar, trainingPort, settings.apply(trainingPort));
			return (started, extra) -> {
				int port = RedisProcess.freePort();
				List<String> all = new ArrayList<>(settings.apply(port));
				all.addAll(List.of(extra));
				return AppProcess.start(started, image.command(started, jar, cache, all), image.environment(), port,
						Path.of("target", "benchmark", started + ".log"));
			};
		}

	}

	/** One run: both servers, their loads, and what they measured. */
	private static final class Run {

		private final AppProcess app;

		private final AppProcess base;

		private final RedisProcess redis;

		private final FakeSlack slack;

		private final ImageJvm image;

		private final Server scopecut;

		private final Server baseline;

		private final List<String> rows = new ArrayList<>();

		Run(AppProcess app, AppProcess base, RedisProcess redis, FakeSlack slack, ImageJvm image, Server scopecut,
				Server baseline) {
			this.app = app;
			this.base = base;
			this.redis = redis;
			this.slack = slack;
			this.image = image;
			this.scopecut = scopecut;
			this.baseline = baseline;
		}

		String measure() throws Exception {
			List<VoteLoad.Target> cuts = startCuts(0, CUTS);
			List<VoteLoad.Target> crowded = startCuts(CUTS, 1);
			VoteLoad load = load(this.app, cuts, CUTS * VOTERS_PER_CUT);
			VoteLoad baseLoad = load(this.base, cuts, CUTS * VOTERS_PER_CUT);
			VoteLoad crowd = load(this.app, crowded, CROWD);
			VoteLoad baseCrowd = load(this.base, crowded, CROWD);
			System.out.println("Scopecut ready in " + this.app.readyMillis() + " ms, baseline in "
					+ this.base.readyMillis() + " ms; each at full speed as it comes up, then warming up");
			// What the first clicks after a start meet: a JIT that has compiled little.
			VoteLoad.Result cold = load.fullSpeed(CONNECTIONS, PHASE_SECONDS / 4);
			VoteLoad.Result baseCold = baseLoad.fullSpeed(CONNECTIONS, PHASE_SECONDS / 4);
			load.fullSpeed(CONNECTIONS, PHASE_SECONDS / 2);
			baseLoad.fullSpeed(CONNECTIONS, PHASE_SECONDS / 2);
			crowd.fullSpeed(CONNECTIONS, PHASE_SECONDS / 4);
			// From now on each click echoes its cut's message as it now shows, with its
			// counts and voters, as Slack's clicks do.
			List<VoteLoad.Target> shown = echoed(cuts);
			List<VoteLoad.Target> crowdShown = echoed(crowded);
			load.echo(shown);
			baseLoad.echo(shown);
			crowd.echo(crowdShown);
			baseCrowd.echo(crowdShown);
			load.fullSpeed(CONNECTIONS, PHASE_SECONDS / 4);
			baseLoad.fullSpeed(CONNECTIONS, PHASE_SECONDS / 4);

			System.out.println("Full speed, alternating, " + PHASE_SECONDS + " s each");
			VoteLoad.Result full = null;
			VoteLoad.Result baseFull = null;
			for (int round = 0; round < 4; round++) {
				full = VoteLoad.Result.sum(full, load.fullSpeed(CONNECTIONS, PHASE_SECONDS / 4));
				baseFull = VoteLoad.Result.sum(baseFull, baseLoad.fullSpeed(CONNECTIONS, PHASE_SECONDS / 4));
			}
			double ceiling = baseFull.perSecond();
			double rate = ceiling * TARGET_SHARE;
			System.out.printf(Locale.ROOT, "Bare ceiling %.0f/s; fixed rate %.0f/s for %.0f s%n", ceiling, rate,
					PHASE_SECONDS);
			VoteLoad.Result fixed = load.fixedRate(CONNECTIONS, PHASE_SECONDS, rate);
			VoteLoad.Result baseFixed = baseLoad.fixedRate(CONNECTIONS, PHASE_SECONDS / 2, rate);
			List<LatencyPlot.Point> appPoints = new ArrayList<>();
			List<LatencyPlot.Point> basePoints = new ArrayList<>();
			for (double share : SWEEP) {
				if (share > TARGET_SHARE && appPoints.stream().noneMatch((p) -> p.offeredPerSecond() == rate)) {
					appPoints.add(point(rate, fixed));
					basePoints.add(point(rate, baseFixed));
				}
				System.out.printf(Locale.ROOT, "Sweep: %.0f/s%n", ceiling * share);
				appPoints.add(point(ceiling * share, load.fixedRate(CONNECTIONS, PHASE_SECONDS / 4, ceiling * share)));
				basePoints
					.add(point(ceiling * share, baseLoad.fixedRate(CONNECTIONS, PHASE_SECONDS / 4, ceiling * share)));
			}
			System.out.println("One cut, " + CROWD + " voters, full speed, alternating");
			VoteLoad.Result crowdFull = null;
			VoteLoad.Result baseCrowdFull = null;
			for (int round = 0; round < 2; round++) {
				crowdFull = VoteLoad.Result.sum(crowdFull, crowd.fullSpeed(CONNECTIONS, PHASE_SECONDS / 4));
				baseCrowdFull = VoteLoad.Result.sum(baseCrowdFull, baseCrowd.fullSpeed(CONNECTIONS, PHASE_SECONDS / 4));
			}

			rows(load, full, baseFull, fixed, baseFixed, rate, crowdFull, baseCrowdFull);
			double coldRatio = cold.perSecond() / baseCold.perSecond();
			row("the first " + fmt(PHASE_SECONDS / 4) + " s after start, full speed (a cold JIT): votes per second, "
					+ "p50 / p99", fmt(cold.perSecond()) + ", " + shortMillis(cold),
					fmt(baseCold.perSecond()) + ", " + shortMillis(baseCold), "", pct(coldRatio));
			List<VoteLoad.Target> all = new ArrayList<>(cuts);
			all.addAll(crowded);
			Map<String, String> acknowledged = new HashMap<>(load.acknowledged());
			acknowledged.putAll(crowd.acknowledged());
			Map<String, Long> lastAcks = new HashMap<>();
			for (VoteLoad.Target target : all) {
				lastAcks.put(target.cutId(), Math.max(load.lastAck(target.cutId()), crowd.lastAck(target.cutId())));
			}
			updates(all, acknowledged, lastAcks);
			confirmations(acknowledged);
			memoryAndStart();
			confirmationCost(load, baseLoad, cuts, rate);
			LatencyPlot.write(
					PLOT, String.format(Locale.ROOT,
							"Acknowledgement latency against offered load (bare ceiling %.0f/s)", ceiling),
					appPoints, basePoints, TARGET_P99_MILLIS);
			return report(load, rate, appPoints, basePoints);
		}

		private VoteLoad load(AppProcess server, List<VoteLoad.Target> targets, int users) {
			return new VoteLoad(server.port(), SECRET, FakeSlack.TEAM,
					this.slack.responseUrl(VoteLoad.RESPONSE_PATH.substring("/response/".length())), targets, users);
		}

		/** Starts the cuts through Scopecut's slash command; each carries its message. */
		private List<VoteLoad.Target> startCuts(int first, int count) {
			SignedRequests requests = new SignedRequests(this.app.port(), SECRET);
			List<VoteLoad.Target> targets = new ArrayList<>();
			String items = IntStream.rangeClosed(1, ITEMS)
				.mapToObj((i) -> "item " + i)
				.collect(Collectors.joining("; "));
			for (int c = first; c < first + count; c++) {
				String channel = "C%08d".formatted(c);
				// A facilitator for each: one person may have only so many cuts open.
				requests.command(channel, "U0FACIL%03d".formatted(c), "Bench cut " + c + ": " + items,
						this.slack.responseUrl("start"));
				FakeSlack.Call post = this.slack.await("chat.postMessage",
						(call) -> channel.equals(call.param("channel")), Duration.ofSeconds(10));
				String cutId = post.param("blocks").replaceAll("(?s).*ID `(\\w+)`.*", "$1");
				targets.add(new VoteLoad.Target(channel, cutId, ITEMS, message(post)));
			}
			return targets;
		}

		/** The targets with the message each cut's last update shows. */
		private List<VoteLoad.Target> echoed(List<VoteLoad.Target> targets) {
			List<VoteLoad.Target> shown = new ArrayList<>();
			for (VoteLoad.Target target : targets) {
				List<FakeSlack.Call> updates = updatesOf(target);
				String message = updates.isEmpty() ? target.messageJson() : message(updates.get(updates.size() - 1));
				shown.add(new VoteLoad.Target(target.channel(), target.cutId(), target.items(), message));
			}
			return shown;
		}

		private List<FakeSlack.Call> updatesOf(VoteLoad.Target target) {
			return this.slack.calls("chat.update")
				.stream()
				.filter((call) -> target.channel().equals(call.param("channel")))
				.toList();
		}

		private static String message(FakeSlack.Call post) {
			JsonObject message = new JsonObject();
			message.addProperty("type", "message");
			message.addProperty("text", post.param("text"));
			message.add("blocks", JsonParser.parseString(post.param("blocks")));
			return message.toString();
		}

		private static LatencyPlot.Point point(double offered, VoteLoad.Result result) {
			return new LatencyPlot.Point(offered, result.percentileMillis(50), result.percentileMillis(99));
		}

		private void rows(VoteLoad load, VoteLoad.Result full, VoteLoad.Result baseFull, VoteLoad.Result fixed,
				VoteLoad.Result baseFixed, double rate, VoteLoad.Result crowdFull, VoteLoad.Result baseCrowdFull) {
			double ratio = full.perSecond() / baseFull.perSecond();
			row("votes acknowledged per second, full speed (" + CONNECTIONS + " connections, " + fmt(PHASE_SECONDS)
					+ " s in four rounds alternating with the baseline)", fmt(full.perSecond()),
					fmt(baseFull.perSecond()), "≥ 60% of the baseline",
					pct(ratio) + (ratio >= TARGET_RATIO ? " ✓" : " ✗"));
			row(String.format(Locale.ROOT,
					"acknowledgement latency at %.0f votes/s (a third of the baseline's "
							+ "ceiling), p50 / p99 / p99.9",
					rate), millis(fixed), millis(baseFixed), "p99 ≤ 20 ms",
					fixed.percentileMillis(99) <= TARGET_P99_MILLIS ? "✓" : "✗");
			row("offered vs achieved at that rate, errors",
					fmt(rate) + "/s vs " + fmt(fixed.perSecond()) + "/s, " + fixed.errors(),
					fmt(rate) + "/s vs " + fmt(baseFixed.perSecond()) + "/s, " + baseFixed.errors(), "0 errors",
					fixed.errors() == 0 ? "✓" : "✗");
			double crowdRatio = crowdFull.perSecond() / baseCrowdFull.perSecond();
			row("one cut with " + CROWD + " voters: votes per second at full speed, p50 / p99",
					fmt(crowdFull.perSecond()) + ", " + shortMillis(crowdFull),
					fmt(baseCrowdFull.perSecond()) + ", " + shortMillis(baseCrowdFull), "≥ 60% of the baseline",
					pct(crowdRatio) + (crowdRatio >= TARGET_RATIO ? " ✓" : " ✗"));
			long errors = full.errors() + crowdFull.errors();
			row("errors at full speed", errors + " of " + (full.requests() + crowdFull.requests()),
					(baseFull.errors() + baseCrowdFull.errors()) + " of "
							+ (baseFull.requests() + baseCrowdFull.requests()),
					"0", errors == 0 ? "✓" : "✗");
			row("request body, mean (the click echoing its cut's message)", load.meanBodyBytes() + " bytes", "the same",
					"", "");
		}

		/**
		 * The message updates: at most one per cut a second, the last showing Redis's
		 * counts soon after the last vote, and the tallies exact.
		 */
		private void updates(List<VoteLoad.Target> targets, Map<String, String> acknowledged,
				Map<String, Long> lastAcks) {
			RedisClient client = RedisClient.create(this.redis.url());
			try (StatefulRedisConnection<String, String> connection = client.connect()) {
				Map<String, String> stored = new HashMap<>();
				Map<String, List<String>> redisCounts = new HashMap<>();
				for (VoteLoad.Target target : targets) {
					Map<String, String> votes = connection.sync()
						.hgetall("scopecut:{" + FakeSlack.TEAM + "}:votes:" + target.cutId());
					votes.forEach((field, choice) -> stored.put(target.cutId() + " " + field, choice));
					redisCounts.put(target.cutId(), expectedCounts(votes));
				}
				// The last refresh comes within a couple of seconds of the last vote.
				awaitUntil(() -> targets.stream().allMatch((target) -> {
					List<FakeSlack.Call> updates = updatesOf(target);
					return !updates.isEmpty()
							&& shownCounts(updates.get(updates.size() - 1)).equals(redisCounts.get(target.cutId()));
				}));
				double maxPerSecond = 0;
				long minGap = Long.MAX_VALUE;
				long worstDelay = 0;
				List<String> mismatches = new ArrayList<>();
				for (VoteLoad.Target target : targets) {
					List<FakeSlack.Call> updates = updatesOf(target);
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
					if (!shownCounts(last).equals(redisCounts.get(target.cutId()))) {
						mismatches.add(target.cutId() + " shows " + shownCounts(last) + ", Redis has "
								+ redisCounts.get(target.cutId()));
					}
					worstDelay = Math.max(worstDelay, last.atMillis() - lastAcks.get(target.cutId()));
				}
				row("`chat.update` calls per cut in any one second, most seen", fmt(maxPerSecond), "none", "≤ 1",
						maxPerSecond <= 1 ? "✓" : "✗");
				row("shortest gap between two updates of one cut", minGap + " ms", "", "≥ 1000 ms",
						minGap >= 1000 ? "✓" : "✗");
				row("last acknowledged vote to final state shown, worst cut", Math.max(0, worstDelay) + " ms", "",
						"≤ 2000 ms", worstDelay <= 2000 ? "✓" : "✗");
				boolean exact = stored.equals(acknowledged) && mismatches.isEmpty();
				row("final tallies", exact ? "exact: " + acknowledged.size() + " user×item votes in Redis equal "
						+ "the last acknowledged click of each, and every cut's last message shows Redis's counts"
						: "NOT exact: " + difference(acknowledged, stored) + " " + mismatches, "", "exact",
						exact ? "✓" : "✗");
			}
			finally {
				client.shutdown();
			}
		}

		/**
		 * Every acknowledged vote owes its voter a private confirmation, bursts of clicks
		 * one between them: each voter's confirmations, read in order, must end with the
		 * last acknowledged choice on every item they clicked. One dropped would flatter
		 * the throughput.
		 */
		private void confirmations(Map<String, String> acknowledged) {
			Map<String, String> confirmed = new HashMap<>();
			awaitUntil(() -> {
				confirmed.clear();
				confirmed.putAll(confirmedChoices());
				return confirmed.equals(acknowledged);
			});
			long posts = confirmationPosts();
			long wrong = acknowledged.entrySet()
				.stream()
				.filter((vote) -> !vote.getValue().equals(confirmed.get(vote.getKey())))
				.count();
			row("private confirmations: every voter's last confirmed choice on each item is their last "
					+ "acknowledged click", (wrong == 0) ? "all " + acknowledged.size() : wrong + " missing or wrong",
					"none sent", "all", wrong == 0 ? "✓" : "✗");
			row("private confirmation posts (response URL), all phases", posts + "", "", "one per burst", "");
		}

		/** What the confirmations told each voter last, keyed as the votes hash is. */
		private Map<String, String> confirmedChoices() {
			Map<String, String> confirmed = new HashMap<>();
			String prefix = VoteLoad.RESPONSE_PATH;
			for (FakeSlack.Call call : this.slack.calls("response_url")) {
				String path = call.param("url");
				if (!path.startsWith(prefix)) {
					continue;
				}
				String[] cutAndUser = path.substring(prefix.length()).split("-", 2);
				String text = call.json().get("text").getAsString();
				Matcher alone = CONFIRMED_ALONE.matcher(text);
				if (alone.find()) {
					confirm(confirmed, cutAndUser, alone.group(1), alone.group(2));
					continue;
				}
				Matcher burst = CONFIRMED.matcher(text);
				while (burst.find()) {
					for (String item : burst.group(2).split(", ")) {
						confirm(confirmed, cutAndUser, item, burst.group(1));
					}
				}
			}
			return confirmed;
		}

		/** Notes "“item 3”" confirmed as Ship or Defer, keyed as the votes hash is. */
		private static void confirm(Map<String, String> confirmed, String[] cutAndUser, String quotedItem,
				String choice) {
			String id = quotedItem.replaceAll("[“”]", "").replace("item ", "");
			confirmed.put(cutAndUser[0] + " " + id + ":" + cutAndUser[1], choice.substring(0, 1));
		}

		private void memoryAndStart() {
			long rss = this.app.peakRssMib();
			row("peak resident memory (VmHWM), the Dockerfile's JVM options in " + ImageJvm.CONTAINER_MEMORY,
					rss + " MiB", this.base.peakRssMib() + " MiB", "≤ 300 MiB", rss <= TARGET_RSS_MIB ? "✓" : "✗");
			// One start says little on a host whose speed wanders: two more of each,
			// alternated, the measured servers idle beside them.
			List<Long> starts = new ArrayList<>(List.of(this.app.readyMillis()));
			List<Long> baseStarts = new ArrayList<>(List.of(this.base.readyMillis()));
			for (int i = 1; i <= 2; i++) {
				starts.add(readyOnce(this.scopecut, "scopecut-start-" + i));
				baseStarts.add(readyOnce(this.baseline, "baseline-start-" + i));
			}
			long ready = median(starts);
			long baseReady = median(baseStarts);
			row("start to ready (`/actuator/health` 200), with the image's ahead-of-time cache, the median of "
					+ starts.size() + " starts",
					ready + " ms (" + String.format(Locale.ROOT, "%.1f", (double) ready / baseReady)
							+ "× the baseline; " + joined(starts) + ")",
					baseReady + " ms (" + joined(baseStarts) + ")", "≤ 3000 ms",
					ready <= TARGET_READY_MILLIS ? "✓" : "✗");
		}

		/**
		 * What one confirmation per burst frees: Scopecut's CPU, and the load generator's
		 * and fake Slack's (this JVM), per 1,000 votes at the third-of-ceiling rate,
		 * beside a second Scopecut on the same Redis that confirms every click on its own
		 * ({@code scopecut.confirmations.burst=0ms}) and the baseline, alternated twice.
		 */
		private void confirmationCost(VoteLoad load, VoteLoad baseLoad, List<VoteLoad.Target> cuts, double rate)
				throws InterruptedException {
			List<VoteLoad.Target> shown = echoed(cuts);
			load.echo(shown);
			baseLoad.echo(shown);
			try (AppProcess perClick = this.scopecut.start("scopecut-per-click",
					"--scopecut.confirmations.burst=0ms")) {
				VoteLoad perClickLoad = load(perClick, shown, CUTS * VOTERS_PER_CUT);
				System.out.println("Confirmations per burst against one per click, " + fmt(rate) + "/s");
				perClickLoad.fullSpeed(CONNECTIONS, PHASE_SECONDS / 2);
				Cost perBurst = Cost.NONE;
				Cost each = Cost.NONE;
				Cost bare = Cost.NONE;
				for (int round = 0; round < 2; round++) {
					perBurst = perBurst.plus(cost(this.app, load, rate));
					each = each.plus(cost(perClick, perClickLoad, rate));
					bare = bare.plus(cost(this.base, baseLoad, rate));
				}
				row("Scopecut's CPU per 1,000 votes at " + fmt(rate) + " votes/s, one confirmation per burst "
						+ "against one per click (a second instance, `scopecut.confirmations.burst=0ms`)",
						perBurst.appMillisPer1000() + " ms against " + each.appMillisPer1000() + " ms",
						bare.appMillisPer1000() + " ms", "",
						pct(1 - (double) perBurst.appMillisPer1000() / each.appMillisPer1000()) + " freed");
				row("the same, the load generator's and fake Slack's CPU (one JVM); confirmation posts per 1,000 "
						+ "votes",
						perBurst.hereMillisPer1000() + " ms against " + each.hereMillisPer1000() + " ms; "
								+ perBurst.postsPer1000() + " posts against " + each.postsPer1000(),
						bare.hereMillisPer1000() + " ms; none", "", "");
				perClick.terminate(Duration.ofSeconds(60));
			}
		}

		/** One fixed-rate phase of {@code load}, and the CPU and posts it took. */
		private Cost cost(AppProcess server, VoteLoad load, double rate) throws InterruptedException {
			ProcessHandle process = ProcessHandle.of(server.pid()).orElseThrow();
			long posts = confirmationPosts();
			Duration serverCpu = cpu(process);
			Duration hereCpu = cpu(ProcessHandle.current());
			VoteLoad.Result result = load.fixedRate(CONNECTIONS, PHASE_SECONDS / 4, rate);
			// A burst's confirmation goes out up to 1.5 s after its first click.
			Thread.sleep(2000);
			return new Cost(result.requests(), cpu(process).minus(serverCpu),
					cpu(ProcessHandle.current()).minus(hereCpu), confirmationPosts() - posts);
		}

		private static Duration cpu(ProcessHandle process) {
			return process.info().totalCpuDuration().orElseThrow(() -> new IllegalStateException("no CPU time"));
		}

		private long confirmationPosts() {
			return this.slack.calls("response_url")
				.stream()
				.filter((call) -> call.param("url").startsWith(VoteLoad.RESPONSE_PATH))
				.count();
		}

		/** The votes of some phases, and the CPU and confirmation posts they took. */
		private record Cost(long votes, Duration app, Duration here, long posts) {

			static final Cost NONE = new Cost(0, Duration.ZERO, Duration.ZERO, 0);

			Cost plus(Cost other) {
				return new Cost(this.votes + other.votes, this.app.plus(other.app), this.here.plus(other.here),
						this.posts + other.posts);
			}

			long appMillisPer1000() {
				return per1000(this.app.toMillis());
			}

			long hereMillisPer1000() {
				return per1000(this.here.toMillis());
			}

			long postsPer1000() {
				return per1000(this.posts);
			}

			private long per1000(long amount) {
				return amount * 1000 / this.votes;
			}

		}

		private static long readyOnce(Server server, String name) {
			try (AppProcess started = server.start(name)) {
				started.terminate(Duration.ofSeconds(60));
				return started.readyMillis();
			}
		}

		private static long median(List<Long> values) {
			return values.stream().sorted().toList().get(values.size() / 2);
		}

		private static String joined(List<Long> millis) {
			return millis.stream().map(String::valueOf).collect(Collectors.joining(", ")) + " ms";
		}

		private void row(String figure, String scopecut, String baseline, String target, String met) {
			this.rows.add("| " + figure + " | " + scopecut + " | " + baseline + " | " + target + " | " + met + " |");
		}

		private String report(VoteLoad load, double rate, List<LatencyPlot.Point> appPoints,
				List<LatencyPlot.Point> basePoints) throws IOException, InterruptedException {
			String cpu = Files.readAllLines(Path.of("/proc/cpuinfo"))
				.stream()
				.filter((line) -> line.startsWith("model name"))
				.findFirst()
				.map((line) -> line.substring(line.indexOf(':') + 1).strip())
				.orElse("unknown CPU");
			StringBuilder sweep = new StringBuilder(
					"| offered votes/s | Scopecut p50 / p99 | baseline p50 / p99 |\n|---|---|---|\n");
			for (int i = 0; i < appPoints.size(); i++) {
				sweep.append(String.format(Locale.ROOT, "| %.0f%s | %.1f / %.1f ms | %.1f / %.1f ms |%n",
						appPoints.get(i).offeredPerSecond(),
						(appPoints.get(i).offeredPerSecond() == rate) ? " (⅓)" : "", appPoints.get(i).p50Millis(),
						appPoints.get(i).p99Millis(), basePoints.get(i).p50Millis(), basePoints.get(i).p99Millis()));
			}
			return String.format(Locale.ROOT, """
					Produced by `./mvnw -B -Pbenchmark verify` on %s: %d cores (%s), %s. The load
					generator, the fake Slack Web API, redis-server and both servers share the machine; every
					baseline figure is from the same run. Both servers run on the image's Java (%s) with the
					Dockerfile's JVM options (`%s`, in %s) and an ahead-of-time cache from a training run, as
					the image does.

					Load: %d cuts of %d items with %d voters each, and one cut of %d items with %d voters; each
					request is a `block_actions` click shaped and signed as Slack sends it, echoing its cut's
					message as last shown (counts and voters' names).

					| figure | Scopecut | baseline | target | met |
					|---|---|---|---|---|
					%s

					Latency against offered load (fixed rates, %.0f s each), plotted in
					[docs/benchmark-latency.png](docs/benchmark-latency.png):

					%s
					![Acknowledgement latency against offered load](docs/benchmark-latency.png)
					""", LocalDate.now(), Runtime.getRuntime().availableProcessors(), cpu,
					ManagementFactory.getOperatingSystemMXBean().getName(), this.image.version(),
					String.join(" ", this.image.options()), ImageJvm.CONTAINER_MEMORY, CUTS, ITEMS, VOTERS_PER_CUT,
					ITEMS, CROWD, String.join("\n", this.rows), PHASE_SECONDS / 4, sweep);
		}

	}

	/**
	 * Waits, polling, until the condition holds or a minute has passed; the report then
	 * says what did not hold.
	 */
	private static void awaitUntil(BooleanSupplier condition) {
		long end = System.nanoTime() + Duration.ofMinutes(1).toNanos();
		while (!condition.getAsBoolean() && System.nanoTime() < end) {
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
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

	private static String fmt(double value) {
		return String.format(Locale.ROOT, "%.0f", value);
	}

	private static String pct(double ratio) {
		return String.format(Locale.ROOT, "%.0f%%", ratio * 100);
	}

	private static String millis(VoteLoad.Result result) {
		return String.format(Locale.ROOT, "%.1f / %.1f / %.1f ms", result.percentileMillis(50),
				result.percentileMillis(99), result.percentileMillis(99.9));
	}

	private static String shortMillis(VoteLoad.Result result) {
		return String.format(Locale.ROOT, "%.1f / %.1f ms", result.percentileMillis(50), result.percentileMillis(99));
	}

	/**
	 * Both servers' settings. Scopecut's actuator gets a free port of its own, as its
	 * MANAGEMENT_PORT; the baseline, without Scopecut's application.yml, answers health
	 * on its one port.
	 */
	private static List<String> settings(int port, RedisProcess redis, FakeSlack slack) {
		return List.of("--server.port=" + port, "--spring.data.redis.url=" + redis.url(),
				"--scopecut.slack.api-url=" + slack.apiUrl(), "--scopecut.slack.signing-secret=" + SECRET,
				"--scopecut.slack.bot-token=xoxb-bench-token", "--logging.level.root=WARN");
	}

	private static List<String> scopecutSettings(int port, RedisProcess redis, FakeSlack slack) {
		List<String> settings = new ArrayList<>(settings(port, redis, slack));
		settings.add("--management.server.port=" + RedisProcess.freePort());
		return settings;
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
