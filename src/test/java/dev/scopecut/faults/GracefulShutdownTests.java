package dev.scopecut.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScoredValue;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.scopecut.support.fakeslack.FakeSlack;
import dev.scopecut.support.processes.AppProcess;
import dev.scopecut.support.processes.RedisProcess;
import dev.scopecut.support.fakeslack.SignedRequests;

/**
 * The app process stopped with SIGTERM in the middle of a flood of votes, logging in
 * Spring Boot's structured JSON (ECS): it stops claiming due jobs, finishes the jobs it
 * holds, then exits; no refresh is left leased to the gone process. And, while Redis is
 * stopped, readiness is DOWN and liveness UP on the public port.
 */
class GracefulShutdownTests {

	static final Duration PATIENCE = Duration.ofSeconds(20);

	static final String CHANNEL = "C0000PLAN";

	static final String ANN = "U0000ANN";

	static final int CUTS = 6;

	private final RedisProcess redis = RedisProcess.start();

	private final FakeSlack slack = FakeSlack.start();

	private final List<AppProcess> apps = new ArrayList<>();

	private final ExecutorService pool = Executors.newFixedThreadPool(4);

	@AfterEach
	void stopEverything() {
		this.pool.shutdownNow();
		this.apps.forEach(AppProcess::close);
		this.slack.close();
		this.redis.close();
	}

	@Test
	void sigtermMidFloodStopsClaimingFinishesTheJobsHeldThenExits() throws Exception {
		AppProcess app = start("graceful-shutdown");
		SignedRequests requests = new SignedRequests(app.port(), Secrets.SIGNING_SECRET);
		List<String> cuts = new ArrayList<>();
		for (int i = 0; i < CUTS; i++) {
			int before = this.slack.calls("chat.postMessage").size();
			requests.post(Secrets.withVerificationToken(SignedRequests.slashCommand(FakeSlack.TEAM, CHANNEL, ANN,
					"Release " + i + ": alpha; bravo; charlie", this.slack.responseUrl("start"))));
			FakeSlack.Call message = this.slack.await("chat.postMessage",
					(call) -> this.slack.calls("chat.postMessage").indexOf(call) >= before, PATIENCE);
			cuts.add(message.param("blocks").replaceAll("(?s).*ID `(\\w+)`.*", "$1"));
		}
		// Each Slack call takes a while, so that a refresh is held for long enough to be
		// caught by the signal.
		this.slack.latency(Duration.ofSeconds(2));
		AtomicBoolean stop = new AtomicBoolean();
		AtomicInteger acknowledged = new AtomicInteger();
		for (int t = 0; t < 4; t++) {
			int thread = t;
			this.pool.submit(() -> flood(requests, cuts, thread, stop, acknowledged));
		}
		await().atMost(PATIENCE)
			.until(() -> acknowledged.get() >= 50 && this.slack.calls("chat.update").size() >= 2 && held(app) > 0);

		long signalledAt = System.currentTimeMillis();
		int exit = app.terminate(Duration.ofSeconds(30));
		stop.set(true);

		assertThat(exit).as("exit code after SIGTERM").isIn(0, 143);
		List<JsonObject> lines = jsonLines(app.output());
		int stopped = indexOf(lines, "Stopped claiming due jobs");
		assertThat(stopped).as("the poller said it stopped claiming").isNotNegative();
		Matcher held = Pattern.compile("finishing the (\\d+) held").matcher(message(lines.get(stopped)));
		assertThat(held.find()).isTrue();
		assertThat(Integer.parseInt(held.group(1))).as("jobs held when claiming stopped").isPositive();
		List<JsonObject> claimedAfter = lines.subList(stopped, lines.size())
			.stream()
			.filter((line) -> message(line).equals("Claimed"))
			.toList();
		assertThat(claimedAfter).as("jobs claimed after the signal").isEmpty();
		// Each job claimed (by the poller) was finished (by a worker), with its kind,
		// workspace and cut as fields of the structured log; a job is leased to one
		// claim at a time.
		Map<String, Integer> open = new HashMap<>();
		int finishedAfterStop = 0;
		for (int i = 0; i < lines.size(); i++) {
			JsonObject line = lines.get(i);
			String text = message(line);
			if (!text.equals("Claimed") && !text.equals("Finished")) {
				continue;
			}
			assertThat(field(line, "job")).isNotEmpty();
			assertThat(field(line, "workspace")).isEqualTo(FakeSlack.TEAM);
			assertThat(cuts).contains(field(line, "cut"));
			String job = field(line, "job") + " " + field(line, "cut");
			open.merge(job, text.equals("Claimed") ? 1 : -1, Integer::sum);
			if (text.equals("Finished") && i > stopped) {
				finishedAfterStop++;
			}
		}
		assertThat(open.values()).as("claimed jobs not finished").allMatch((count) -> count == 0);
		assertThat(finishedAfterStop).as("jobs finished after claiming stopped").isPositive();
		// Nothing is left leased to the gone process: a leased job would be due 30 s on.
		try (RedisClient client = RedisClient.create(this.redis.url());
				StatefulRedisConnection<String, String> connection = client.connect()) {
			List<ScoredValue<String>> jobs = connection.sync()
				.zrangeWithScores("scopecut:{" + FakeSlack.TEAM + "}:jobs", 0, -1);
			assertThat(jobs.stream().filter((job) -> job.getValue().startsWith("REFRESH|"))).as("refreshes left leased")
				.allMatch((job) -> job.getScore() < signalledAt + 5_000);
		}
		Secrets.assertNoneIn(app.output(), app.log().toString());
	}

	@Test
	void whileRedisIsStoppedReadinessIsDownAndLivenessUp() throws Exception {
		AppProcess app = start("probes");
		assertThat(status(app, "/readyz")).isEqualTo(200);
		assertThat(status(app, "/livez")).isEqualTo(200);

		this.redis.stop();
		await().atMost(PATIENCE).until(() -> status(app, "/readyz") == 503);
		assertThat(status(app, "/livez")).as("a restart would not bring Redis back").isEqualTo(200);
		assertThat(status(app, "/actuator/health")).isEqualTo(503);

		this.redis.restart();
		await().atMost(PATIENCE).until(() -> status(app, "/readyz") == 200);
		assertThat(status(app, "/livez")).isEqualTo(200);
	}

	private AppProcess start(String name) {
		Map<String, String> environment = new HashMap<>(Secrets.environment());
		environment.put("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs");
		environment.put("LOGGING_LEVEL_DEV_SCOPECUT_SCHEDULE", "DEBUG");
		AppProcess app = AppProcess.scopecut(name, this.redis, this.slack.apiUrl(), environment);
		this.apps.add(app);
		return app;
	}

	private void flood(SignedRequests requests, List<String> cuts, int thread, AtomicBoolean stop,
			AtomicInteger acknowledged) {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		while (!stop.get()) {
			String cut = cuts.get(random.nextInt(cuts.size()));
			String user = "U%02d%05d".formatted(thread, random.nextInt(20));
			int item = random.nextInt(1, 4);
			String choice = random.nextBoolean() ? "S" : "D";
			try {
				HttpResponse<String> response = requests
					.post(Secrets.withVerificationToken(SignedRequests.blockAction(FakeSlack.TEAM, CHANNEL, user,
							choice.equals("S") ? "vote-ship" : "vote-defer", cut + "|" + item + "|" + choice,
							this.slack.responseUrl("flood"))));
				if (response.statusCode() == 200) {
					acknowledged.incrementAndGet();
				}
			}
			catch (RuntimeException ex) {
				// the app has gone
			}
		}
	}

	/** Jobs claimed and not yet finished, by the log so far. */
	private static int held(AppProcess app) {
		String output = app.output();
		return count(output, "\"message\":\"Claimed\"") - count(output, "\"message\":\"Finished\"");
	}

	private static int count(String text, String part) {
		int count = 0;
		for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
			count++;
		}
		return count;
	}

	private static int status(AppProcess app, String path) {
		try {
			return HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + path))
					.timeout(Duration.ofSeconds(5))
					.build(), HttpResponse.BodyHandlers.discarding())
				.statusCode();
		}
		catch (Exception ex) {
			return -1;
		}
	}

	private static List<JsonObject> jsonLines(String output) {
		List<JsonObject> lines = new ArrayList<>();
		for (String line : output.split("\n")) {
			if (line.startsWith("{")) {
				lines.add(JsonParser.parseString(line).getAsJsonObject());
			}
		}
		return lines;
	}

	private static int indexOf(List<JsonObject> lines, String start) {
		for (int i = 0; i < lines.size(); i++) {
			if (message(lines.get(i)).startsWith(start)) {
				return i;
			}
		}
		return -1;
	}

	private static String message(JsonObject line) {
		return line.has("message") ? line.get("message").getAsString() : "";
	}

	/** A field of an ECS line, flat ("a.b") or nested. */
	private static String field(JsonObject line, String name) {
		if (line.has(name)) {
			return line.get(name).getAsString();
		}
		JsonObject at = line;
		String[] parts = name.split("\\.");
		for (int i = 0; i < parts.length - 1; i++) {
			if (!at.has(parts[i]) || !at.get(parts[i]).isJsonObject()) {
				return "";
			}
			at = at.getAsJsonObject(parts[i]);
		}
		return at.has(parts[parts.length - 1]) ? at.get(parts[parts.length - 1]).getAsString() : "";
	}

}
