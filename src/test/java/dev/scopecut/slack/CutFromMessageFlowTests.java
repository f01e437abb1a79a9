package dev.scopecut.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

import dev.scopecut.support.EndToEndTest;
import dev.scopecut.support.fakeslack.FakeSlack;
import dev.scopecut.support.fakeslack.SignedRequests;
import dev.scopecut.support.fakeslack.ViewSubmission;

/**
 * The message shortcut <em>Start scope cut from this message</em>, through
 * {@code POST /slack/events}: a backlog pasted into a thread becomes a cut in two clicks.
 */
class CutFromMessageFlowTests extends EndToEndTest {

	/** A message as Slack's clients send it: mrkdwn text, and the same as rich text. */
	private static final String RICH_MESSAGE = """
			{"type": "message", "user": "U0000BOB", "ts": "1700000000.000102",
			 "text": "Backlog for Sharing app 0.3:\\n• email signup &amp; login\\n• share link",
			 "blocks": [{"type": "rich_text", "block_id": "b1", "elements": [
			   {"type": "rich_text_section", "elements": [{"type": "text", "text": "Backlog for Sharing app 0.3:\\n"}]},
			   {"type": "rich_text_list", "style": "bullet", "indent": 0, "elements": [
			     {"type": "rich_text_section", "elements": [{"type": "text", "text": "email signup & login"}]},
			     {"type": "rich_text_section", "elements": [{"type": "text", "text": "share "},
			       {"type": "link", "url": "https://x.test", "text": "link"}]}
			   ]}]}]}
			""";

	private HttpResponse<String> useShortcut(String messageJson) {
		return this.requests.post(SignedRequests.messageShortcut(FakeSlack.TEAM, CHANNEL, ANN, "cut-from-message",
				JsonParser.parseString(messageJson).getAsJsonObject(), slack.responseUrl("s")));
	}

	@Test
	void theShortcutOpensTheFormWithTheMessagesListAndItsSubmissionStartsTheCut() {
		HttpResponse<String> response = useShortcut(RICH_MESSAGE);

		assertThat(response.statusCode()).isEqualTo(200);
		JsonObject view = JsonParser.parseString(slack.await("views.open", WAIT).param("view")).getAsJsonObject();
		assertThat(view.get("callback_id").getAsString()).isEqualTo("new-cut");
		assertThat(view.get("private_metadata").getAsString()).isEqualTo(CHANNEL);
		assertThat(view.toString()).contains("\"initial_value\":\"Backlog for Sharing app 0.3\"",
				"\"initial_value\":\"email signup & login\\nshare link\"");
		assertThat(this.redisTemplate.keys("scopecut:*:cut:*")).isEmpty();

		HttpResponse<String> submitted = this.requests.post(ViewSubmission.of("new-cut", CHANNEL, ANN)
			.text("title", "Backlog for Sharing app 0.3")
			.text("question", null)
			.text("items", "email signup & login\nshare link")
			.dateTime("deadline", Instant.now().plus(Duration.ofHours(2)).getEpochSecond())
			.number("capacity", null)
			.radio("who-votes", "everyone")
			.number("quorum", null)
			.body());

		assertThat(submitted.body()).isEmpty();
		FakeSlack.Call posted = slack.await("chat.postMessage", (call) -> call.param("blocks") != null, WAIT);
		assertThat(blocks(posted)).contains("email signup &amp; login", "share link").doesNotContain("Carries");
	}

	@Test
	void aPlainTextMessageWorksTooAndAShortcutWithoutAChannelIsABadRequest() {
		useShortcut("{\"type\": \"message\", \"text\": \"1. invoices\\n2. refunds\"}");
		assertThat(slack.await("views.open", WAIT).param("view")).contains("\"initial_value\":\"invoices\\nrefunds\"");

		String noChannel = SignedRequests
			.messageShortcut(FakeSlack.TEAM, CHANNEL, ANN, "cut-from-message",
					JsonParser.parseString("{\"text\": \"- a\"}").getAsJsonObject(), slack.responseUrl("s"))
			.replace("%22channel%22%3A%7B%22id%22%3A%22" + CHANNEL + "%22%7D%2C", "");
		assertThat(noChannel).doesNotContain("channel");
		assertThat(this.requests.post(noChannel).statusCode()).isEqualTo(400);
	}

}
