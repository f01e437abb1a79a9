package dev.scopecut.slack.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import org.junit.jupiter.api.Test;

import dev.scopecut.support.fakeslack.SignedRequests;

class BlockActionParserTests {

	final BlockActionParser parser = new BlockActionParser();

	final RequestHeaders headers = new RequestHeaders(Map.of());

	BlockActionRequest parse(String body) {
		return this.parser.parse(body.getBytes(StandardCharsets.UTF_8), this.headers).orElseThrow();
	}

	@Test
	void readsWhatBoltWouldAndFillsTheContextAsBoltDoes() {
		String body = SignedRequests.blockAction("T1", "C1", "U1", "vote-ship", "K7M2Q|1|S", "https://hooks/r1");

		BlockActionRequest request = parse(body);

		assertThat(request.getPayload().getActions().get(0).getValue()).isEqualTo("K7M2Q|1|S");
		assertThat(request.getPayload().getActions().get(0).getActionId()).isEqualTo("vote-ship");
		assertThat(request.getPayload().getUser().getId()).isEqualTo("U1");
		assertThat(request.getContext().getResponseUrl()).isEqualTo("https://hooks/r1");
		assertThat(request.getContext().getTeamId()).isEqualTo("T1");
		assertThat(request.getContext().getRequestUserId()).isEqualTo("U1");
		assertThat(request.getRequestBodyAsString()).isEqualTo(body);
	}

	@Test
	void skipsTheMessageAndDecodesEveryFormEscapeIncludingUtf8() {
		JsonObject payload = JsonParser.parseString(SignedRequests
			.decode(SignedRequests.blockAction("T1", "C1", "U1", "vote-ship", "café ☕ + 100% ü", "https://hooks/r1")
				.substring("payload=".length())))
			.getAsJsonObject();
		payload.add("message", JsonParser.parseString("{\"blocks\":[{\"type\":\"nonsense\"}],\"text\":\"ignored\"}"));

		BlockActionRequest request = parse("other=1&payload=" + SignedRequests.encode(payload.toString()) + "&x=2");

		assertThat(request.getPayload().getActions().get(0).getValue()).isEqualTo("café ☕ + 100% ü");
		assertThat(request.getPayload().getMessage()).isNull();
	}

	@Test
	void cutsOnlyTheTopLevelMessageFollowingItsStringsAndNesting() {
		String message = "{\"text\":\"} ] \\\" { “·”\",\"blocks\":[{\"message\":{\"a\":[1,{}]}}]}";
		String json = "{\"container\":{\"message\":{\"x\":1},\"message_ts\":\"1.2\"},\"quote\":\"\\\"message\\\":{\","
				+ "\"message\" : " + message + ",\"actions\":[{\"value\":\"v\"}]}";

		String cut = new String(BlockActionParser.scan(json.getBytes(StandardCharsets.UTF_8)).json(),
				StandardCharsets.UTF_8);

		JsonObject expected = JsonParser.parseString(json).getAsJsonObject();
		expected.add("message", JsonNull.INSTANCE);
		assertThat(JsonParser.parseString(cut)).isEqualTo(expected);
	}

	@Test
	void leavesJsonWithoutAMessageObjectOrThatEndsEarlyWhole() {
		for (String json : new String[] { "{\"type\":\"block_actions\"}", "{\"message\":\"text\"}",
				"{\"message\":{\"text\":\"}", "{\"message", "[{\"message\":{}}]" }) {
			byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
			assertThat(BlockActionParser.scan(bytes).json()).as(json).isSameAs(bytes);
		}
	}

	@Test
	void findsTheTopLevelTypeWhereverItIs() {
		for (String json : new String[] { "{\"type\":\"block_actions\"}",
				"{\"message\":{\"type\":\"message\"}, \"type\" : \"block_actions\",\"x\":1}" }) {
			assertThat(BlockActionParser.scan(json.getBytes(StandardCharsets.UTF_8)).blockAction()).as(json).isTrue();
		}
		for (String json : new String[] { "{\"view\":{\"type\":\"block_actions\"}}", "[{\"type\":\"block_actions\"}]",
				"{\"a\":\"type\",\"b\":\"block_actions\"}", "{\"type\":\"block_actions_x\"}", "{\"type\":\"block_act",
				"{\"type\":\"view_submission\"}" }) {
			assertThat(BlockActionParser.scan(json.getBytes(StandardCharsets.UTF_8)).blockAction()).as(json).isFalse();
		}
	}

	@Test
	void leavesEveryOtherBodyToBolt() {
		assertThat(this.parser.parse("command=%2Fscopecut&text=list".getBytes(StandardCharsets.UTF_8), this.headers))
			.isEmpty();
		String view = "payload=" + SignedRequests.encode("{\"type\":\"view_submission\",\"view\":{}}");
		assertThat(this.parser.parse(view.getBytes(StandardCharsets.UTF_8), this.headers)).isEmpty();
		for (String json : new String[] { "[1,2]", "" }) {
			String body = "payload=" + SignedRequests.encode(json);
			assertThat(this.parser.parse(body.getBytes(StandardCharsets.UTF_8), this.headers)).as(json).isEmpty();
		}
	}

	@Test
	void refusesBrokenEncodingsJsonAndUserlessActions() {
		for (String body : new String[] { "payload=%7", "payload=%zz",
				"payload=" + SignedRequests.encode("{\"type\":\"block_actions\",not-json"),
				"payload=" + SignedRequests.encode("{\"type\":\"block_actions\",\"actions\":[]}") }) {
			assertThatIllegalArgumentException().as(body)
				.isThrownBy(() -> this.parser.parse(body.getBytes(StandardCharsets.UTF_8), this.headers));
		}
	}

}
