package dev.scopecut.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.scopecut.app.port.CutStore;
import dev.scopecut.slack.blocks.NewCutModal;
import dev.scopecut.slack.inbound.VerifiedSlackAppServlet;
import dev.scopecut.support.EndToEndTest;
import dev.scopecut.support.Http;
import dev.scopecut.support.fakeslack.FakeSlack;
import dev.scopecut.support.fakeslack.SignedRequests;
import dev.scopecut.support.fakeslack.ViewSubmission;

/**
 * Requests Slack would never send: refused with a 4xx, never a 5xx, with nothing changed
 * in Redis or sent to Slack, and the app still serving afterwards.
 */
@ExtendWith(OutputCaptureExtension.class)
class HostileRequestTests extends EndToEndTest {

	String cutId;

	Map<Object, Object> cutBefore;

	@BeforeEach
	void openCut() {
		FakeSlack.Call message = startCut("Sharing app 0.1: email signup; create project");
		this.cutId = voteValues(message).get(0).split("\\|")[0];
		org.awaitility.Awaitility.await().atMost(WAIT).until(() -> cutHash().containsKey("ts"));
		this.cutBefore = cutHash();
		slack.reset();
	}

	Map<Object, Object> cutHash() {
		return this.redisTemplate.opsForHash().entries("scopecut:{" + FakeSlack.TEAM + "}:cut:" + this.cutId);
	}

	String vote() {
		return SignedRequests.blockAction(FakeSlack.TEAM, CHANNEL, BOB, "vote-ship", this.cutId + "|1|S",
				slack.responseUrl("h2"));
	}

	String now() {
		return Long.toString(System.currentTimeMillis() / 1000);
	}

	void assertNothingChanged() {
		assertThat(cutHash()).isEqualTo(this.cutBefore);
		Set<String> votes = this.redisTemplate.keys("scopecut:*:votes:*");
		assertThat(votes).isEmpty();
		assertThat(slack.calls()).isEmpty();
	}

	@Test
	void unsignedForgedStaleAndReplayedRequestsGet401() {
		String body = vote();
		String now = now();
		String stale = Long.toString(System.currentTimeMillis() / 1000 - 301);
		String future = Long.toString(System.currentTimeMillis() / 1000 + 310);
		List<HttpResponse<String>> responses = List.of(
				this.requests.send(body, null, null, "application/x-www-form-urlencoded"),
				this.requests.send(body, now, null, "application/x-www-form-urlencoded"),
				this.requests.send(body, null, SignedRequests.sign(SignedRequests.SECRET, now, body),
						"application/x-www-form-urlencoded"),
				this.requests.send(body, now, SignedRequests.sign("not-the-secret", now, body),
						"application/x-www-form-urlencoded"),
				this.requests.send(body, now, "v0=" + "0".repeat(64), "application/x-www-form-urlencoded"),
				this.requests.send(body, stale, SignedRequests.sign(SignedRequests.SECRET, stale, body),
						"application/x-www-form-urlencoded"),
				this.requests.send(body, future, SignedRequests.sign(SignedRequests.SECRET, future, body),
						"application/x-www-form-urlencoded"),
				this.requests.send(body, "not-a-number", SignedRequests.sign(SignedRequests.SECRET, "x", body),
						"application/x-www-form-urlencoded"),
				this.requests.send(body + "&tampered=1", now, SignedRequests.sign(SignedRequests.SECRET, now, body),
						"application/x-www-form-urlencoded"));

		assertThat(responses).allSatisfy((response) -> assertThat(response.statusCode()).isEqualTo(401));
		assertNothingChanged();
	}

	@Test
	void malformedSignedPayloadsGet4xxWithNoStackTrace() {
		List<String> bodies = List.of("", "payload=", "payload=%7Bnot-json", "payload=%5B%5D",
				"payload=" + SignedRequests.encode("{\"type\":\"block_actions\"}"),
				"payload=" + SignedRequests.encode("{\"type\":\"block_actions\",\"team\":{\"id\":\"" + FakeSlack.TEAM
						+ "\"},\"actions\":[{\"action_id\":\"vote-ship\",\"value\":\"" + this.cutId + "|1|S\"}]}"),
				"payload=" + SignedRequests.encode("{\"type\":\"no_such_type\"}"), "command=%2Fscopecut",
				"just some text", "payload=" + SignedRequests.encode("{\"type\":\"view_submission\"}"));

		for (String body : bodies) {
			HttpResponse<String> response = this.requests.post(body);
			assertThat(response.statusCode()).as(body).isBetween(400, 499);
			assertThat(response.body()).as(body).doesNotContain("Exception", "at com.", "at dev.");
		}
		assertNothingChanged();
	}

	@Test
	void forgedButtonValuesAndUnknownActionsChangeNothing() {
		List<String> values = List.of("", "|", "ZZZZZ|1|S", this.cutId + "|99|S", this.cutId + "|1|X",
				this.cutId + "|0|S", this.cutId + "|1|S|extra", "x".repeat(3000), this.cutId + "|-1|D");
		for (String value : values) {
			HttpResponse<String> response = this.requests.click(CHANNEL, BOB, "vote-ship", value,
					slack.responseUrl("h"));
			assertThat(response.statusCode()).as(value).isLessThan(500);
		}
		HttpResponse<String> unknown = this.requests.click(CHANNEL, BOB, "no-such-action", "x", slack.responseUrl("h"));
		assertThat(unknown.statusCode()).isBetween(400, 499);

		assertThat(cutHash()).isEqualTo(this.cutBefore);
		assertThat(this.redisTemplate.keys("scopecut:*:votes:*")).isEmpty();
		assertThat(slack.calls("chat.update")).isEmpty();
	}

	@Test
	void aVoteForACutOfAnotherWorkspaceCannotReachIt() {
		String forged = SignedRequests.blockAction("T9999EVIL", CHANNEL, BOB, "vote-ship", this.cutId + "|1|S",
				slack.responseUrl("h"));
		this.redisTemplate.opsForHash()
			.putAll("scopecut:{T9999EVIL}:cut:" + this.cutId, Map.of("status", "OPEN", "item:1", "x"));

		this.requests.post(forged);

		// The workspace comes from the bot's own auth.test, never from the payload.
		assertThat(this.redisTemplate.keys("scopecut:{T9999EVIL}:votes:*")).isEmpty();
		assertThat(this.redisTemplate.keys("scopecut:{" + FakeSlack.TEAM + "}:votes:*")).hasSize(1);
	}

	@Test
	void oversizedBodiesAndWrongContentTypesAreRefused() {
		String huge = "payload=" + "x".repeat(600 * 1024);
		HttpResponse<String> tooBig = this.requests.post(huge);
		HttpResponse<String> json = this.requests.send("{\"type\":\"block_actions\"}", now(),
				SignedRequests.sign(SignedRequests.SECRET, now(), "{\"type\":\"block_actions\"}"), "application/json");

		assertThat(tooBig.statusCode()).isEqualTo(413);
		assertThat(json.statusCode()).isBetween(400, 499);
		assertNothingChanged();
	}

	@Test
	void fortyHostileRequestsInARowGetNo5xxChangeNothingAndTheAppStillServes() {
		String body = vote();
		String now = now();
		String form = "application/x-www-form-urlencoded";
		List<HttpResponse<String>> responses = new ArrayList<>();
		for (String[] headers : new String[][] { { null, null }, { now, null },
				{ null, SignedRequests.sign(SignedRequests.SECRET, now, body) },
				{ now, SignedRequests.sign("not-the-secret", now, body) }, { now, "v0=" + "0".repeat(64) },
				{ now, "v1=" + SignedRequests.sign(SignedRequests.SECRET, now, body).substring(3) },
				{ "1", SignedRequests.sign(SignedRequests.SECRET, "1", body) }, { "", "" }, { now, "" },
				{ "-1", SignedRequests.sign(SignedRequests.SECRET, "-1", body) },
				{ "99999999999", SignedRequests.sign(SignedRequests.SECRET, "99999999999", body) } }) {
			responses.add(this.requests.send(body, headers[0], headers[1], form));
		}
		for (String malformed : List.of("", "payload=", "payload=%7Bnot-json", "payload=%5B%5D", "payload=%ZZ",
				"payload=" + SignedRequests.encode("{\"type\":\"block_actions\"}"),
				"payload=" + SignedRequests.encode("{\"type\":\"no_such_type\"}"), "command=%2Fscopecut",
				"just some text", "payload=" + SignedRequests.encode("{\"type\":\"view_submission\"}"))) {
			responses.add(this.requests.post(malformed));
		}
		for (String value : List.of("", "|", "ZZZZZ|1|S", this.cutId + "|99|S", this.cutId + "|1|X",
				this.cutId + "|0|S", this.cutId + "|1|S|extra", "x".repeat(3000), this.cutId + "|-1|D")) {
			responses.add(this.requests.click(CHANNEL, BOB, "vote-ship", value, slack.responseUrl("h")));
		}
		responses.add(this.requests.click(CHANNEL, BOB, "no-such-action", "x", slack.responseUrl("h")));
		responses.add(this.requests.click(CHANNEL, BOB, "close", this.cutId, slack.responseUrl("h")));
		responses.add(this.requests.command(CHANNEL, BOB, "close " + this.cutId, slack.responseUrl("h")));
		responses.add(this.requests.command(CHANNEL, BOB, "cancel " + this.cutId, slack.responseUrl("h")));
		responses.add(this.requests.post("payload=" + "x".repeat(600 * 1024)));
		responses.add(this.requests.send("{\"type\":\"block_actions\"}", now,
				SignedRequests.sign(SignedRequests.SECRET, now, "{\"type\":\"block_actions\"}"), "application/json"));
		responses.add(this.requests.send(body, now, SignedRequests.sign(SignedRequests.SECRET, now, body), null));
		String list = SignedRequests.slashCommand(FakeSlack.TEAM, CHANNEL, BOB, "list", slack.responseUrl("h"));
		String listSignature = SignedRequests.sign(SignedRequests.SECRET, now, list);
		for (int replay = 0; replay < 3; replay++) {
			responses.add(this.requests.send(list, now, listSignature, form));
		}

		assertThat(responses).hasSizeGreaterThanOrEqualTo(40)
			.allSatisfy((response) -> assertThat(response.statusCode()).isLessThan(500));
		assertThat(cutHash()).isEqualTo(this.cutBefore);
		assertThat(this.redisTemplate.keys("scopecut:*:votes:*")).isEmpty();
		await().during(Duration.ofMillis(500)).until(() -> slack.calls("chat.update").isEmpty());

		HttpResponse<String> vote = this.requests.post(vote());

		assertThat(vote.statusCode()).isEqualTo(200);
		assertThat(replyText(slack.await("response_url", (call) -> call.param("url").endsWith("/h2"), WAIT)))
			.startsWith("You voted *Ship*");
	}

	// Hostile HTTP at the edge: slow clients, what is refused before the body is read,
	// paths Tomcat and Spring MVC read differently, and a notice Bolt does not know.

	@Test
	void twoHundredFiftySixUnsignedClientsTricklingTheirBodiesDoNotDelayASignedCommandOrTheHealthCheck()
			throws Exception {
		// Refused from the headers alone, without waiting for (or draining) the body.
		whileTwoHundredFiftySixClientsTrickle("/slack/events", "", "HTTP/1.1 401");
	}

	@Test
	void twoHundredFiftySixClientsTricklingBodiesWithForgedSignaturesDoNotDelayASignedCommandOrTheHealthCheck()
			throws Exception {
		// Well-formed signature headers and a fresh timestamp pass every header check, so
		// each body is awaited until its deadline.
		whileTwoHundredFiftySixClientsTrickle("/slack/events",
				"X-Slack-Request-Timestamp: " + now() + "\r\nX-Slack-Signature: v0=" + "0".repeat(64) + "\r\n",
				"HTTP/1.1 408");
	}

	@Test
	void twoHundredFiftySixClientsTricklingBodiesToTheHealthCheckDoNotDelayASignedCommandOrTheHealthCheck()
			throws Exception {
		// A path that reads no body answers at once, leaving the body unread.
		whileTwoHundredFiftySixClientsTrickle("/actuator/health", "", "HTTP/1.1 413");
	}

	@Test
	void twoHundredFiftySixClientsTricklingBodiesToAPathThatIsNotThereDoNotDelayASignedCommandOrTheHealthCheck()
			throws Exception {
		whileTwoHundredFiftySixClientsTrickle("/nope", "", "HTTP/1.1 413");
	}

	/**
	 * 256 clients on loopback send a POST's headers to {@code path} and then one byte of
	 * its body every 2 s (for at most 15 s); meanwhile a signed command and the health
	 * check must each be answered within 3 s, and then every client gets {@code answer}
	 * and its connection closed.
	 */
	void whileTwoHundredFiftySixClientsTrickle(String path, String signatureHeaders, String answer) throws Exception {
		List<Socket> tricklers = new ArrayList<>();
		ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
		try {
			byte[] start = ("POST " + path + " HTTP/1.1\r\nHost: localhost\r\n"
					+ "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 64\r\n" + signatureHeaders
					+ "\r\np")
				.getBytes(StandardCharsets.US_ASCII);
			for (int i = 0; i < 256; i++) {
				Socket socket = new Socket("localhost", this.port);
				socket.setSoTimeout((int) WAIT.toMillis());
				socket.getOutputStream().write(start);
				tricklers.add(socket);
			}
			long started = System.nanoTime();
			trickle.scheduleAtFixedRate(() -> tricklers.forEach(HostileRequestTests::trickleOneByte), 2, 2,
					TimeUnit.SECONDS);
			trickle.schedule(trickle::shutdown, 15, TimeUnit.SECONDS);

			assertThat(timed(() -> this.requests.command(CHANNEL, ANN, "help", slack.responseUrl("h"))))
				.isLessThan(Duration.ofSeconds(3));
			assertThat(timed(() -> get("/actuator/health"))).isLessThan(Duration.ofSeconds(3));
			// Within the body deadline: any client still sending was still being awaited.
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(VerifiedSlackAppServlet.BODY_DEADLINE);

			for (Socket socket : tricklers) {
				// Read to the end: the server closes the connection after answering.
				assertThat(new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII))
					.startsWith(answer);
			}
		}
		finally {
			trickle.shutdownNow();
			for (Socket socket : tricklers) {
				socket.close();
			}
		}
	}

	/** Sends one more byte of the body, unless the server has answered already. */
	static void trickleOneByte(Socket socket) {
		try {
			if (socket.getInputStream().available() == 0) {
				socket.getOutputStream().write('x');
			}
		}
		catch (IOException ex) {
			// Closed by the server: nothing more to send.
		}
	}

	Duration timed(Supplier<HttpResponse<String>> request) {
		long start = System.nanoTime();
		HttpResponse<String> response = request.get();
		Duration took = Duration.ofNanos(System.nanoTime() - start);
		assertThat(response.statusCode()).isEqualTo(200);
		return took;
	}

	HttpResponse<String> get(String path) {
		return Http.send(HttpClient.newHttpClient(),
				HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
					.timeout(Duration.ofSeconds(10))
					.build());
	}

	@Test
	void anUnsignedRequestWithAWrongContentTypeGets401() {
		HttpResponse<String> response = this.requests.send(vote(), null, null, "text/plain");

		assertThat(response.statusCode()).isEqualTo(401);
		assertNothingChanged();
	}

	@Test
	void aForgedSignatureWithAWrongContentTypeGets401() {
		HttpResponse<String> response = this.requests.send(vote(), now(), "v0=" + "0".repeat(64), "text/plain");

		assertThat(response.statusCode()).isEqualTo(401);
		assertNothingChanged();
	}

	@Test
	void aSignedRequestWithAWrongContentTypeGets415() {
		String now = now();
		// One body: each built vote carries a trigger id of its own.
		String body = vote();
		HttpResponse<String> response = this.requests.send(body, now,
				SignedRequests.sign(SignedRequests.SECRET, now, body), "text/plain");

		assertThat(response.statusCode()).isEqualTo(415);
		assertNothingChanged();
	}

	@Test
	void anUnsignedFiveMegabyteBodyGets401() {
		HttpResponse<String> response = this.requests.send("payload=" + "x".repeat(5 * 1024 * 1024), null, null,
				"application/x-www-form-urlencoded");

		assertThat(response.statusCode()).isEqualTo(401);
		assertNothingChanged();
	}

	@Test
	void aStaleTimestampIsRefusedBeforeTheBodyIsSent() throws IOException {
		String stale = Long.toString(System.currentTimeMillis() / 1000 - 301);
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout((int) WAIT.toMillis());
			socket.getOutputStream()
				.write(("POST /slack/events HTTP/1.1\r\nHost: localhost\r\n"
						+ "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n"
						+ "X-Slack-Request-Timestamp: " + stale + "\r\nX-Slack-Signature: v0=" + "0".repeat(64)
						+ "\r\n\r\n")
					.getBytes(StandardCharsets.US_ASCII));

			String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);

			assertThat(answer).startsWith("HTTP/1.1 401");
		}
	}

	/**
	 * A form signed as Slack signs it, sent with no Content-Length: its size is known
	 * only once the body is read.
	 */
	HttpRequest signedChunked(String body) {
		String now = now();
		return HttpRequest.newBuilder(this.requests.endpoint())
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("X-Slack-Request-Timestamp", now)
			.header("X-Slack-Signature", SignedRequests.sign(SignedRequests.SECRET, now, body))
			.POST(HttpRequest.BodyPublishers
				.ofInputStream(() -> new ByteArrayInputStream(body.getBytes(StandardCharsets.US_ASCII))))
			.build();
	}

	@Test
	void aVoteOfAHundredKilobytesIsReadWholeAndRecordedWithItsLengthDeclaredOrNot() {
		String padded = vote() + "&padding=" + "x".repeat(100 * 1024);
		assertThat(this.requests.post(padded).statusCode()).isEqualTo(200);

		String changed = SignedRequests.blockAction(FakeSlack.TEAM, CHANNEL, BOB, "vote-defer", this.cutId + "|2|D",
				slack.responseUrl("h2")) + "&padding=" + "y".repeat(100 * 1024);
		assertThat(Http.send(HttpClient.newHttpClient(), signedChunked(changed)).statusCode()).isEqualTo(200);

		assertThat(this.redisTemplate.opsForHash().entries("scopecut:{" + FakeSlack.TEAM + "}:votes:" + this.cutId))
			.isEqualTo(Map.of("1:" + BOB, "S", "2:" + BOB, "D"));
	}

	@Test
	void aSignedChunkedBodyOverTheLimitGets413() {
		String body = "payload=" + "x".repeat(VerifiedSlackAppServlet.MAX_BODY_BYTES);

		HttpResponse<String> response = Http.send(HttpClient.newHttpClient(), signedChunked(body));

		assertThat(response.statusCode()).isEqualTo(413);
		assertNothingChanged();
	}

	@Test
	void anAppRateLimitedNoticeIsAcknowledgedAndLoggedOnce(CapturedOutput output) {
		String notice = "{\"token\":\"legacy-verification-token\",\"type\":\"app_rate_limited\",\"team_id\":\""
				+ FakeSlack.TEAM + "\",\"minute_rate_limited\":1518467820,\"api_app_id\":\"A0000APP\"}";

		HttpResponse<String> response = this.requests.event(notice, Map.of());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEmpty();
		assertThat(output.getAll().lines().filter((line) -> line.contains(" WARN ")))
			.singleElement(InstanceOfAssertFactories.STRING)
			.contains("rate-limited", FakeSlack.TEAM, "1518467820");
		assertNothingChanged();
	}

	@Test
	void aHealthPathClimbingOutWithDotDotGets400AndNoStackTrace(CapturedOutput output) throws IOException {
		assertThat(rawGet("/actuator/health/../env")).startsWith("HTTP/1.1 400");
		assertThat(output.getAll()).doesNotContain(" ERROR ");
	}

	@Test
	void aHealthPathWithADotSegmentGets400AndNoStackTrace(CapturedOutput output) throws IOException {
		assertThat(rawGet("/actuator/health/./x")).startsWith("HTTP/1.1 400");
		assertThat(output.getAll()).doesNotContain(" ERROR ");
	}

	@Test
	void theErrorPageAskedForDirectlyGets404AndNoStackTrace(CapturedOutput output) throws IOException {
		assertThat(rawGet("/error")).startsWith("HTTP/1.1 404");
		assertThat(output.getAll()).doesNotContain(" ERROR ");
	}

	/** A GET sent as written: java.net.http would resolve the dot segments itself. */
	String rawGet(String path) throws IOException {
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout((int) WAIT.toMillis());
			socket.getOutputStream()
				.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
					.getBytes(StandardCharsets.US_ASCII));
			return new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
		}
	}

	// Text as people type it and as Slack sends it: Slack escapes & < > in a command's
	// text (SignedRequests sends it so), and a title, question or item may hold any
	// character. Each cut here is in a channel of its own, beside the one opened above.

	static final String TEXT_CHANNEL = "C0000TEXT";

	/** Starts a cut in the text channel by quick start, as typed; its posted message. */
	FakeSlack.Call startTyped(String typed) {
		HttpResponse<String> ack = this.requests.command(TEXT_CHANNEL, ANN, typed, slack.responseUrl("typed"));
		assertThat(ack.body()).as("acknowledged without a refusal").isEmpty();
		return postedIn(TEXT_CHANNEL);
	}

	/** Starts a cut in the text channel from the form, with its items one a line. */
	FakeSlack.Call startFromForm(String title, String items) {
		this.requests.post(ViewSubmission.of(NewCutModal.CALLBACK_ID, TEXT_CHANNEL, ANN)
			.text(NewCutModal.TITLE, title)
			.text(NewCutModal.ITEMS, items)
			.dateTime(NewCutModal.DEADLINE, Instant.now().plus(Duration.ofHours(2)).getEpochSecond())
			.radio(NewCutModal.WHO_VOTES, NewCutModal.EVERYONE)
			.body());
		return postedIn(TEXT_CHANNEL);
	}

	FakeSlack.Call postedIn(String channel) {
		return slack.await("chat.postMessage", (call) -> channel.equals(call.param("channel")), WAIT);
	}

	Map<Object, Object> cutOf(FakeSlack.Call message) {
		String id = voteValues(message).get(0).split("\\|")[0];
		return this.redisTemplate.opsForHash().entries("scopecut:{" + FakeSlack.TEAM + "}:cut:" + id);
	}

	/** The decision's text, once the cut in the text channel is closed by Ann. */
	List<String> closedDecisionLines() {
		HttpResponse<String> closed = this.requests.command(TEXT_CHANNEL, ANN, "close force",
				slack.responseUrl("close"));
		assertThat(ackText(closed)).startsWith("Closed `");
		FakeSlack.Call decision = slack.await("chat.postMessage", (call) -> TEXT_CHANNEL.equals(call.param("channel"))
				&& call.param("text") != null && call.param("text").contains("\nship now"), WAIT);
		return List.of(decision.param("text").split("\n", -1));
	}

	HttpResponse<String> commandInTextChannel(String typed) {
		return this.requests.command(TEXT_CHANNEL, ANN, typed, slack.responseUrl("typed"));
	}

	@Test
	void aQuickStartWithAmpersandsSplitsWhereThePersonTypedSemicolonsNotInsideSlacksEntities() {
		FakeSlack.Call message = startTyped("R&D: a & b; c");

		assertThat(cutOf(message)).containsEntry("title", "R&D")
			.containsEntry("item:1", "a & b")
			.containsEntry("item:2", "c")
			.doesNotContainKey("item:3");
		assertThat(blocks(message)).contains("\"plain_text\",\"text\":\"R&D\"", "*a &amp; b*")
			.doesNotContain("&amp;amp;", "&amp;lt;");
	}

	@Test
	void thirtyItemsWithAnAmpersandEachAreThirtyItemsNotSixty() {
		String items = IntStream.rangeClosed(1, 30).mapToObj((i) -> "R&D " + i).collect(Collectors.joining("; "));

		FakeSlack.Call message = startTyped("Lab: " + items);

		assertThat(cutOf(message)).containsEntry("item:30", "R&D 30").doesNotContainKey("item:31");
	}

	@Test
	void removeTypedWithAnAmpersandFindsTheItemTheFormMade() {
		startFromForm("Lab", "R&D review\nbudget");

		HttpResponse<String> removed = commandInTextChannel("remove R&D review");

		assertThat(ackText(removed)).startsWith("Removed “R&amp;D review”");
	}

	@Test
	void addTypedWithAnAmpersandIsAcceptedAsTyped() {
		HttpResponse<String> added = this.requests.command(CHANNEL, ANN, "add Q&A", slack.responseUrl("add"));

		assertThat(ackText(added)).startsWith("Added “Q&amp;A”");
		assertThat(cutHash()).containsEntry("item:3", "Q&A");
	}

	@Test
	void aTitleWithLineBreaksCannotAddLinesToTheDecision() {
		startTyped("Plan\nship now    everything\r\ndefer\u2028nothing\u0085: real");

		List<String> lines = closedDecisionLines();

		assertThat(lines).hasSize(4);
		assertThat(lines.get(0)).startsWith("Scope cut: Plan ship now    everything defer nothing — ");
		assertThat(lines.subList(1, 3)).containsExactly("ship now    nothing", "defer       real (no votes)");
	}

	@Test
	void anItemAddedWithAnyKindOfLineBreakIsRefusedAndChangesNothing() {
		for (String lineBreak : List.of("\r", "\n", "\r\n", "\u2028", "\u2029", "\u0085", "\u000B", "\f")) {
			HttpResponse<String> refused = this.requests.command(CHANNEL, ANN,
					"add dark mode" + lineBreak + "ship now    everything", slack.responseUrl("add"));

			assertThat(ackText(refused)).as(lineBreak).contains("one item at a time");
		}
		assertNothingChanged();
	}

	@Test
	void itemsThatLookLikeTheDecisionsSyntaxAreQuotedInItsLines() {
		startFromForm("Syntax", "a, b\nnothing\nsso (tie)\n~alpha; beta~\nplain");

		List<String> lines = closedDecisionLines();

		assertThat(lines.get(1)).isEqualTo("ship now    nothing");
		assertThat(lines.get(2)).isEqualTo(
				"defer       “a, b” (no votes), “nothing” (no votes), “sso (tie)” (no votes), “~alpha; beta~” (no votes), plain (no votes)");
	}

	@Test
	void aRefusalOfAnItemListedTwiceShowsItEscaped() {
		HttpResponse<String> refused = commandInTextChannel("Party: <!channel>; <!channel>");

		assertThat(ackText(refused)).isEqualTo("“&lt;!channel&gt;” is listed twice; list each item once.");
	}

	@Test
	void aRefusalOfARemovalShowsWhatWasTypedWithSlacksMentionsAndLinksAsTheyShowedAndEscaped() {
		String sent = SignedRequests.slashCommandAsSent(FakeSlack.TEAM, CHANNEL, ANN,
				"remove <!here> <https://evil.example|free pizza> &lt;!channel&gt;", slack.responseUrl("remove"));

		HttpResponse<String> refused = this.requests.post(sent);

		assertThat(ackText(refused)).contains("reads “@here free pizza &lt;!channel&gt;”")
			.doesNotContain("<!here>", "<https:", "<!channel>");
		assertNothingChanged();
	}

	@Test
	void theNoticeThatACutCouldNotBePostedShowsItsTitleEscaped() {
		slack.rateLimit("chat.postMessage", 1, 30);

		this.requests.post(ViewSubmission.of(NewCutModal.CALLBACK_ID, TEXT_CHANNEL, ANN)
			.text(NewCutModal.TITLE, "<!channel> <https://evil.example|free pizza>")
			.text(NewCutModal.ITEMS, "a")
			.dateTime(NewCutModal.DEADLINE, Instant.now().plus(Duration.ofHours(2)).getEpochSecond())
			.radio(NewCutModal.WHO_VOTES, NewCutModal.EVERYONE)
			.body());

		FakeSlack.Call told = slack.await("chat.postEphemeral", WAIT);
		assertThat(told.param("text")).contains("“&lt;!channel&gt; &lt;https://evil.example|free pizza&gt;”")
			.doesNotContain("<!channel>");
	}

	@Test
	void seventySixEmojiAreSeventySixCharactersAndAHundredDecomposedLettersAHundred() {
		FakeSlack.Call message = startTyped("Emoji: " + "😀".repeat(76) + "; " + "e\u0301".repeat(100));

		assertThat(cutOf(message)).containsEntry("item:1", "😀".repeat(76)).containsEntry("item:2", "é".repeat(100));
	}

	@Test
	void aTooLongItemsRefusalCountsCharactersAndNeverCutsAnEmojiInHalf() {
		HttpResponse<String> refused = commandInTextChannel("Emoji: " + "😀".repeat(151));

		assertThat(ackText(refused))
			.isEqualTo("Item “" + "😀".repeat(40) + "…” is 151 characters; shorten it to 150 or fewer.");
	}

	@Test
	void invisibleItemsAndLookAlikesOfAnItemAreRefusedAndNothingIsCreated() {
		Map<String, String> refusals = Map.of("Blank: \u200B; ok", "shows nothing", "Blank: \u00A0\u200B; ok",
				"shows nothing", "Twice: café; cafe\u0301", "listed twice", "Twice: ｃａｆé; café", "listed twice",
				"Twice: ca\u200Bfé; café", "listed twice");
		refusals.forEach((typed, says) -> assertThat(ackText(commandInTextChannel(typed))).as(typed).contains(says));

		assertNothingChanged();
		assertThat(this.redisTemplate.keys("scopecut:*:cut:*")).hasSize(1);
	}

	@Test
	void aFormsTitleAndQuestionWithLineBreaksAndControlCharactersAreStoredOnOneCleanLine() {
		this.requests.post(ViewSubmission.of(NewCutModal.CALLBACK_ID, TEXT_CHANNEL, ANN)
			.text(NewCutModal.TITLE, "Plan\u2028ship now    forged")
			.text(NewCutModal.QUESTION, "Does it\r\ndefer       forged\u0000\u202E?")
			.text(NewCutModal.ITEMS, "a\nb")
			.dateTime(NewCutModal.DEADLINE, Instant.now().plus(Duration.ofHours(2)).getEpochSecond())
			.radio(NewCutModal.WHO_VOTES, NewCutModal.EVERYONE)
			.body());

		assertThat(cutOf(postedIn(TEXT_CHANNEL))).containsEntry("title", "Plan ship now    forged")
			.containsEntry("question", "Does it defer       forged?");
	}

	@Test
	void aCommandNotUnderstoodIsEchoedWithoutItsControlAndBidirectionalCharacters() {
		HttpResponse<String> answer = commandInTextChannel("foo\u202Ebar\u0000baz\u0007");

		assertThat(ackText(answer)).contains("I did not understand `foobarbaz`")
			.doesNotContain("\u202E", "\u0000", "\u0007");
	}

	@Test
	void controlAndBidirectionalCharactersNeverReachSlack() {
		FakeSlack.Call message = startTyped("Re\u0000lease\u001B\u0007: \u202Eevil\u202C; o\u2066k\u2069");

		assertThat(cutOf(message)).containsEntry("title", "Release")
			.containsEntry("item:1", "evil")
			.containsEntry("item:2", "ok");
		assertThat(message.params().toString()).doesNotContain("\u0000", "\u001B", "\u0007", "\u202E", "\u2066");
	}

	// Replays within the signature window, and ids Slack never sends (issue 15,
	// point 11).

	Set<String> cutKeys() {
		return this.redisTemplate.keys("scopecut:{" + FakeSlack.TEAM + "}:cut:*");
	}

	@Test
	void aSignedQuickStartReplayedThreeTimesWithinTheWindowMakesOneCut() {
		String body = SignedRequests.slashCommand(FakeSlack.TEAM, CHANNEL, BOB, "Replayed: a; b",
				slack.responseUrl("r"));
		String now = now();
		String signature = SignedRequests.sign(SignedRequests.SECRET, now, body);
		List<HttpResponse<String>> responses = new ArrayList<>();
		for (int copy = 0; copy < 4; copy++) {
			responses.add(this.requests.send(body, now, signature, "application/x-www-form-urlencoded"));
		}

		assertThat(responses).allSatisfy((response) -> assertThat(response.statusCode()).isEqualTo(200));
		slack.await("chat.postMessage", WAIT);
		await().during(Duration.ofMillis(500)).until(() -> slack.calls("chat.postMessage").size() == 1);
		assertThat(cutKeys()).hasSize(2);
	}

	@Test
	void aSignedNewCutFormSubmissionReplayedWithinTheWindowMakesOneCut() {
		String body = ViewSubmission.of("new-cut", CHANNEL, BOB)
			.text("title", "Replayed form")
			.text("items", "a\nb")
			.dateTime("deadline", Instant.now().plus(Duration.ofHours(2)).getEpochSecond())
			.body();
		String now = now();
		String signature = SignedRequests.sign(SignedRequests.SECRET, now, body);

		HttpResponse<String> first = this.requests.send(body, now, signature, "application/x-www-form-urlencoded");
		HttpResponse<String> replayed = this.requests.send(body, now, signature, "application/x-www-form-urlencoded");

		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(replayed.statusCode()).isEqualTo(200);
		assertThat(replayed.body()).isEmpty();
		slack.await("chat.postMessage", WAIT);
		await().during(Duration.ofMillis(500)).until(() -> slack.calls("chat.postMessage").size() == 1);
		assertThat(cutKeys()).hasSize(2);
	}

	HttpResponse<String> voteAs(String user) {
		return this.requests.post(SignedRequests.blockAction(FakeSlack.TEAM, CHANNEL, user, "vote-ship",
				this.cutId + "|1|S", slack.responseUrl("h")));
	}

	@Test
	void aSignedVoteClickWithAnEmptyUserIdIsRefusedAndRecordsNothing() {
		assertThat(voteAs("").statusCode()).isEqualTo(400);
		assertNothingChanged();
	}

	@Test
	void aSignedVoteClickWithANulUserIdIsRefusedAndRecordsNothing() {
		assertThat(voteAs("\u0000").statusCode()).isEqualTo(400);
		assertNothingChanged();
	}

	@Test
	void aSignedVoteClickWithA5000CharacterUserIdIsRefusedAndRecordsNothing() {
		assertThat(voteAs("U" + "A".repeat(4999)).statusCode()).isEqualTo(400);
		assertNothingChanged();
	}

	@Test
	void aSignedVoteClickWithANumericUserIdIsRefusedAndRecordsNothing() {
		assertThat(voteAs("12345").statusCode()).isEqualTo(400);
		assertNothingChanged();
	}

	@Test
	void aSignedVoteClickFromAChannelIdSlackNeverSendsIsRefusedAndRecordsNothing() {
		HttpResponse<String> response = this.requests.post(SignedRequests.blockAction(FakeSlack.TEAM, "c0000plan<>",
				BOB, "vote-ship", this.cutId + "|1|S", slack.responseUrl("h")));

		assertThat(response.statusCode()).isEqualTo(400);
		assertNothingChanged();
	}

	@Test
	void aSignedCommandWithAUserIdSlackNeverSendsIsRefusedAndStartsNothing() {
		HttpResponse<String> response = this.requests.command(CHANNEL, "", "Nobody's: a; b", slack.responseUrl("h"));

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(cutKeys()).hasSize(1);
		assertThat(slack.calls()).isEmpty();
	}

	// A private channel's cut, named from elsewhere (issue 15, point 5): only its channel
	// and the people it belongs to read it; anyone else hears what an unknown id gets.

	static final String ELSEWHERE = "C0000ELSE";

	static final String EVE = "U0000EVE";

	/**
	 * The answer to the command, ID standing for the cut's id, naming an id no cut has.
	 */
	String unknownIdAnswer(String command) {
		return ackText(this.requests.command(ELSEWHERE, EVE, command.replace("ID", "ZZZZZ"), slack.responseUrl("u")))
			.replace("ZZZZZ", this.cutId);
	}

	@Test
	void anExportOfAPrivateChannelsCutFromAnotherChannelBySomeoneNotInItIsAnsweredAsAnUnknownId() {
		HttpResponse<String> response = this.requests.command(ELSEWHERE, EVE, "export " + this.cutId,
				slack.responseUrl("x"));

		assertThat(ackText(response)).isEqualTo(unknownIdAnswer("export ID")).doesNotContain("Sharing app");
		assertNothingChanged();
	}

	@ParameterizedTest(name = "/scopecut {0} from another channel by someone not in it is answered as an unknown id")
	@ValueSource(strings = { "close ID", "cancel ID", "remind ID", "edit ID", "add ID: sneaky",
			"remove ID: email signup", "extend ID 2h" })
	void everyCommandNamingAPrivateChannelsCutFromElsewhereIsAnsweredAsAnUnknownIdAndChangesNothing(String command) {
		HttpResponse<String> response = this.requests.command(ELSEWHERE, EVE, command.replace("ID", this.cutId),
				slack.responseUrl("x"));

		assertThat(ackText(response)).isEqualTo(unknownIdAnswer(command));
		assertNothingChanged();
	}

	@Test
	void myVotesOnAPrivateChannelsCutClickedFromElsewhereBySomeoneNotInItIsRefusedAsAnUnknownCut() {
		HttpResponse<String> response = this.requests.click(ELSEWHERE, EVE, "my-votes", this.cutId,
				slack.responseUrl("x"));

		assertThat(response.statusCode()).isEqualTo(400);
		assertNothingChanged();
	}

	@Test
	void aMemberCountedWhenTheCutStartedStillExportsItFromADirectMessage() {
		slack.channelMembers(CHANNEL, ANN, BOB);
		String counted = voteValues(startCut("Counted: a; b")).get(0).split("\\|")[0];
		await().atMost(WAIT)
			.until(() -> this.redisTemplate.opsForHash()
				.hasKey("scopecut:{" + FakeSlack.TEAM + "}:cut:" + counted, "members"));

		HttpResponse<String> bob = this.requests.command("D0000BOB", BOB, "export " + counted, slack.responseUrl("x"));
		HttpResponse<String> eve = this.requests.command("D0000EVE", EVE, "export " + counted, slack.responseUrl("x"));

		assertThat(ackText(bob)).contains("Counted");
		assertThat(ackText(eve)).isEqualTo("There is no cut `" + counted + "` in this workspace.");
	}

	// Brakes on one person (issue 15, point 6): open cuts per channel and per
	// facilitator, and reminders by hand per cut.

	@Test
	void aQuickStartInAChannelThatHasTheMostOpenCutsIsRefusedPrivatelyNamingTheLimit() {
		for (int i = 1; i < CutStore.MAX_OPEN_IN_CHANNEL; i++) {
			assertThat(this.requests.command(CHANNEL, BOB, "Cut " + i + ": a; b", slack.responseUrl("s")).body())
				.as("cut %d", i)
				.isEmpty();
		}
		Set<String> before = cutKeys();

		HttpResponse<String> refused = this.requests.command(CHANNEL, EVE, "One too many: a; b",
				slack.responseUrl("s"));

		assertThat(ackText(refused)).contains("already has 10 open cuts", "close or cancel one");
		assertThat(cutKeys()).isEqualTo(before).hasSize(CutStore.MAX_OPEN_IN_CHANNEL);
		// Every accepted cut is posted before the next test starts, or its post
		// would land in that test.
		await().atMost(WAIT).until(() -> slack.calls("chat.postMessage").size() == CutStore.MAX_OPEN_IN_CHANNEL - 1);
	}

	@Test
	void aQuickStartBySomeoneWhoRunsTheMostOpenCutsIsRefusedPrivatelyNamingTheLimit() {
		for (int i = 1; i < CutStore.MAX_OPEN_BY_FACILITATOR; i++) {
			assertThat(this.requests.command("C0000X" + i, ANN, "Cut " + i + ": a; b", slack.responseUrl("s")).body())
				.as("cut %d", i)
				.isEmpty();
		}
		Set<String> before = cutKeys();

		HttpResponse<String> refused = this.requests.command("C0000NEW", ANN, "One too many: a; b",
				slack.responseUrl("s"));

		assertThat(ackText(refused)).contains("You already have 10 open cuts", "close or cancel one");
		assertThat(cutKeys()).isEqualTo(before).hasSize(CutStore.MAX_OPEN_BY_FACILITATOR);
		assertThat(this.requests.command("C0000NEW", BOB, "Bob's: a; b", slack.responseUrl("s")).body()).isEmpty();
		await().atMost(WAIT).until(() -> slack.calls("chat.postMessage").size() == CutStore.MAX_OPEN_BY_FACILITATOR);
	}

	@Test
	void aSecondReminderByHandOfOneCutWithinHalfAnHourSendsNothingAndSaysWhenTheNextMayGo() {
		String first = ackText(this.requests.command(CHANNEL, ANN, "remind " + this.cutId, slack.responseUrl("r")));
		String second = ackText(this.requests.command(CHANNEL, ANN, "remind " + this.cutId, slack.responseUrl("r")));

		assertThat(first).startsWith("Reminding everyone");
		assertThat(second).startsWith("Nobody was reminded")
			.contains("one every 30 minutes", "The next can go from <!date^");
	}

	// A deadline after 2038-01-19 (issue 15, point 10): the SDK keeps a picked
	// date-time in an int.

	@Test
	void aNewCutFormWithADeadlineAfter2038IsRefusedOnItsDeadlineFieldNotWithABare400() {
		HttpResponse<String> response = this.requests.post(ViewSubmission.of("new-cut", CHANNEL, BOB)
			.text("title", "Far future")
			.text("items", "a\nb")
			.dateTime("deadline", Instant.parse("2040-06-01T12:00:00Z").getEpochSecond())
			.body());

		assertThat(response.statusCode()).isEqualTo(200);
		com.google.gson.JsonObject answer = com.google.gson.JsonParser.parseString(response.body()).getAsJsonObject();
		assertThat(answer.get("response_action").getAsString()).isEqualTo("errors");
		assertThat(answer.getAsJsonObject("errors").get("deadline").getAsString()).contains("days away");
		assertThat(cutKeys()).hasSize(1);
	}

}
