package dev.scopecut.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import dev.scopecut.ScopecutApplication;
import dev.scopecut.support.fakeslack.FakeSlack;
import dev.scopecut.support.fakeslack.FakeSocketMode;
import dev.scopecut.support.processes.RedisProcess;
import dev.scopecut.support.TestSettings;
import dev.scopecut.support.fakeslack.SignedRequests;

/**
 * Socket Mode: with an app token and no signing secret, Scopecut opens a connection with
 * {@code apps.connections.open}, takes slash commands and clicks as envelopes over the
 * websocket, acknowledges each by its {@code envelope_id}, and serves no HTTP endpoint.
 * Each test works in its own channel, so the tests share one app and one connection.
 */
@SpringBootTest(classes = ScopecutApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class SocketModeTests {

	static final Duration WAIT = Duration.ofSeconds(10);

	static final String ANN = "U0000ANN";

	static final String BOB = "U0000BOB";

	static final RedisProcess redis = RedisProcess.start();

	static final FakeSlack slack = FakeSlack.start();

	static final FakeSocketMode socketMode = FakeSocketMode.start();

	static {
		slack.connectionsOpenUrl(socketMode.url());
	}

	@LocalServerPort
	int port;

	@Autowired
	StringRedisTemplate redisTemplate;

	@DynamicPropertySource
	static void endpoints(DynamicPropertyRegistry registry) {
		TestSettings.register(registry, redis, slack, "", TestSettings.BOT_TOKEN);
		registry.add("scopecut.slack.app-token", () -> "xapp-test");
	}

	@AfterAll
	static void stop() {
		socketMode.close();
		slack.close();
		redis.close();
	}

	@Test
	void connectsOutWithTheAppToken() {
		socketMode.awaitConnection(WAIT);

		assertThat(slack.calls("apps.connections.open")).isNotEmpty()
			.allSatisfy((call) -> assertThat(call.authorization()).isEqualTo("Bearer xapp-test"));
		assertThat(socketMode.paths()).isNotEmpty().allSatisfy((path) -> assertThat(path).isEqualTo("/link"));
	}

	@Test
	void aQuickStartIsAcknowledgedOverTheSocketAndPostsTheCut() {
		String channel = "C0SOCKET1";
		socketMode.awaitConnection(WAIT);

		socketMode.send(slashCommand("e1", channel, ANN, "Demo: a; b"));

		JsonObject ack = socketMode.awaitAck("e1", WAIT);
		assertThat(ack.keySet()).containsExactly("envelope_id");
		FakeSlack.Call message = slack.await("chat.postMessage", (call) -> channel.equals(call.param("channel")), WAIT);
		assertThat(message.authorization()).isEqualTo("Bearer xoxb-test-token");
		assertThat(message.param("blocks")).contains("Demo", "Close cut");
		List<String> values = message.voteValues();
		assertThat(values).hasSize(4);
		String cutKey = "scopecut:{" + FakeSlack.TEAM + "}:cut:" + cutId(values.get(0));
		assertThat(this.redisTemplate.<String, String>opsForHash().entries(cutKey)).containsEntry("status", "OPEN")
			.containsEntry("channel", channel)
			.containsEntry("facilitator", ANN)
			.containsEntry("item:1", "a")
			.containsEntry("item:2", "b");
	}

	@Test
	void aCommandsPrivateAnswerTravelsBackInItsAcknowledgement() {
		socketMode.awaitConnection(WAIT);

		socketMode.send(slashCommand("e-list", "C0SOCKET2", BOB, "list"));

		JsonObject ack = socketMode.awaitAck("e-list", WAIT);
		assertThat(ack.getAsJsonObject("payload").get("text").getAsString()).contains("This channel has no open cut");
	}

	@Test
	void aVoteEnvelopeIsAcknowledgedAndRecorded() {
		String channel = "C0SOCKET3";
		socketMode.awaitConnection(WAIT);
		socketMode.send(slashCommand("e-start", channel, ANN, "Demo: a; b"));
		FakeSlack.Call message = slack.await("chat.postMessage", (call) -> channel.equals(call.param("channel")), WAIT);
		String shipA = message.voteValues().get(0);

		socketMode.send(blockAction("e2", channel, BOB, "vote-ship", shipA, slack.responseUrl("socket-bob")));

		JsonObject ack = socketMode.awaitAck("e2", WAIT);
		assertThat(ack.keySet()).containsExactly("envelope_id");
		String votesKey = "scopecut:{" + FakeSlack.TEAM + "}:votes:" + cutId(shipA);
		// Scopecut stores a vote before it acknowledges the click.
		assertThat(this.redisTemplate.<String, String>opsForHash().entries(votesKey))
			.containsExactly(Map.entry("1:" + BOB, "S"));
		FakeSlack.Call reply = slack.await("response_url", (call) -> call.param("url").endsWith("socket-bob"), WAIT);
		assertThat(reply.json().get("text").getAsString()).isEqualTo("You voted *Ship* on “a”.");
		slack.await("chat.update",
				(call) -> channel.equals(call.param("channel"))
						&& JsonParser.parseString(call.param("blocks")).toString().contains("voted: <@" + BOB + ">"),
				WAIT);
	}

	@Test
	void theHttpEndpointIsNotServed() {
		HttpResponse<String> response = new SignedRequests(this.port).command("C0SOCKET4", ANN, "Demo: a; b",
				slack.responseUrl("http"));

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(this.redisTemplate.keys("scopecut:{" + FakeSlack.TEAM + "}:open:C0SOCKET4")).isEmpty();
	}

	/**
	 * A {@code slash_commands} envelope: the command's fields as a JSON object, where
	 * HTTP sends them as a form.
	 */
	static JsonObject slashCommand(String envelopeId, String channel, String user, String text) {
		JsonObject payload = new JsonObject();
		String form = SignedRequests.slashCommand(FakeSlack.TEAM, channel, user, text,
				slack.responseUrl("command-" + envelopeId));
		for (String pair : form.split("&")) {
			String[] field = pair.split("=", 2);
			payload.addProperty(decode(field[0]), decode(field[1]));
		}
		payload.addProperty("is_enterprise_install", "false");
		return envelope(envelopeId, "slash_commands", true, payload);
	}

	/** An {@code interactive} envelope carrying a {@code block_actions} payload. */
	static JsonObject blockAction(String envelopeId, String channel, String user, String actionId, String value,
			String responseUrl) {
		String form = SignedRequests.blockAction(FakeSlack.TEAM, channel, user, actionId, value, responseUrl);
		JsonObject payload = JsonParser.parseString(decode(form.substring("payload=".length()))).getAsJsonObject();
		return envelope(envelopeId, "interactive", false, payload);
	}

	private static JsonObject envelope(String envelopeId, String type, boolean acceptsResponsePayload,
			JsonObject payload) {
		JsonObject envelope = new JsonObject();
		envelope.addProperty("envelope_id", envelopeId);
		envelope.addProperty("type", type);
		envelope.addProperty("accepts_response_payload", acceptsResponsePayload);
		envelope.add("payload", payload);
		return envelope;
	}

	private static String decode(String value) {
		return URLDecoder.decode(value, StandardCharsets.UTF_8);
	}

	private static String cutId(String voteValue) {
		return voteValue.split("\\|")[0];
	}

}
