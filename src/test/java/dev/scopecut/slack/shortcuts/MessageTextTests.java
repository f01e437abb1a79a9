package dev.scopecut.slack.shortcuts;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.model.Message;
import com.slack.api.util.json.GsonFactory;
import org.junit.jupiter.api.Test;

import dev.scopecut.cut.ListedItems;

/** Messages as Slack sends them in a message shortcut's payload. */
class MessageTextTests {

	private static Message message(String json) {
		return GsonFactory.createSnakeCase().fromJson(json, Message.class);
	}

	@Test
	void mrkdwnIsReadAsItShowsEscapesMentionsAndLinksIncluded() {
		String text = MessageText.unescape(
				"&lt;b&gt; tags &amp; more\n<@U0ANN> asks <@U0BOB|bob>\n<#C0PLAN|planning> <!here> <!subteam^S0TEAM|@devs>\n"
						+ "<https://example.com/a?b=1&amp;c=2|the spec> <https://example.com> <mailto:ann@example.com|ann@example.com>");

		assertThat(text).isEqualTo("<b> tags & more\n@U0ANN asks @bob\n#planning @here @devs\n"
				+ "the spec https://example.com ann@example.com");
	}

	@Test
	void aPlainTextMessageIsItsUnescapedText() {
		Message plain = message("{\"text\":\"Backlog:\\n• email signup &amp; login\\n• <https://x.test|share link>\"}");

		ListedItems listed = ListedItems.parse(MessageText.of(plain));

		assertThat(listed.title()).isEqualTo("Backlog");
		assertThat(listed.items()).containsExactly("email signup & login", "share link");
	}

	@Test
	void aRichTextListGivesOneItemPerElementWithMentionsLinksAndEmoji() {
		Message rich = message(
				"""
						{"text": "ignored when there is rich text",
						 "blocks": [{"type": "rich_text", "block_id": "b1", "elements": [
						   {"type": "rich_text_section", "elements": [{"type": "text", "text": "Sharing app 0.3:\\n"}]},
						   {"type": "rich_text_list", "style": "bullet", "indent": 0, "elements": [
						     {"type": "rich_text_section", "elements": [{"type": "text", "text": "email signup "},
						       {"type": "emoji", "name": "rocket"}]},
						     {"type": "rich_text_section", "elements": [{"type": "text", "text": "ask "},
						       {"type": "user", "user_id": "U0ANN"}, {"type": "text", "text": " about <sso> & more"}]},
						     {"type": "rich_text_section", "elements": [{"type": "link", "url": "https://x.test", "text": "share link"}]},
						     {"type": "rich_text_section", "elements": [{"type": "link", "url": "https://y.test"}]},
						     {"type": "rich_text_section", "elements": [{"type": "text", "text": "   "}]}
						   ]},
						   {"type": "rich_text_list", "style": "ordered", "indent": 1, "elements": [
						     {"type": "rich_text_section", "elements": [{"type": "text", "text": "dark mode"}]}
						   ]}
						 ]}]}
						""");

		ListedItems listed = ListedItems.parse(MessageText.of(rich));

		assertThat(listed.title()).isEqualTo("Sharing app 0.3");
		assertThat(listed.items()).containsExactly("email signup :rocket:", "ask @U0ANN about <sso> & more",
				"share link", "https://y.test", "dark mode");
	}

	@Test
	void aMessageWithNeitherTextNorBlocksHasNoItems() {
		assertThat(ListedItems.parse(MessageText.of(message("{}"))).items()).isEmpty();
	}

}
