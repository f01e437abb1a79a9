package dev.scopecut.slack.blocks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.slack.api.model.view.View;
import com.slack.api.util.json.GsonFactory;
import org.junit.jupiter.api.Test;

import dev.scopecut.cut.Item;
import dev.scopecut.cut.ListedItems;
import dev.scopecut.sandbox.BlockKitRules;
import dev.scopecut.support.blockkit.BlockKitLimits;
import dev.scopecut.support.blockkit.GoldenJson;

/** The New scope cut form opened from a message's list. */
class CutFromMessageModalTests {

	private static final Instant NOW = Instant.parse("2025-03-03T09:00:42Z");

	@Test
	void theFormHoldsTheMessagesTitleAndItems() {
		View view = NewCutModal.fromMessage(NOW, "C0PLAN", ListedItems
			.parse("Sharing app 0.3:\n- email signup & <login>\n- share link\n- " + "y".repeat(Item.MAX_LENGTH + 5)));

		GoldenJson.assertJsonMatches("new-cut-modal-from-message", GsonFactory.createSnakeCase().toJson(view));
		BlockKitLimits.assertWithinLimits(view.getBlocks(), BlockKitRules.Surface.MODAL);
		assertThat(view.getPrivateMetadata()).isEqualTo("C0PLAN");
		assertThat(GsonFactory.createSnakeCase().toJson(view)).contains("\"initial_value\":\"Sharing app 0.3\"",
				"email signup \\u0026 \\u003clogin\\u003e\\nshare link\\nyyy",
				"*Longer than 150 characters:* shorten it");
	}

	@Test
	void moreItemsThanACutTakesAreNamedAsLeftOut() {
		String forty = IntStream.rangeClosed(1, 40).mapToObj((i) -> "- item " + i).collect(Collectors.joining("\n"));

		View view = NewCutModal.fromMessage(NOW, "C0PLAN", ListedItems.parse(forty));

		BlockKitLimits.assertWithinLimits(view.getBlocks(), BlockKitRules.Surface.MODAL);
		String json = GsonFactory.createSnakeCase().toJson(view);
		assertThat(json).contains("item 29\\nitem 30\"", "*Left out: 10 more*", "• item 31\\n", "• item 40\"");
	}

	@Test
	void aMessageWithNoListOpensAnEmptyFormThatSaysSo() {
		String json = GsonFactory.createSnakeCase()
			.toJson(NewCutModal.fromMessage(NOW, "C0PLAN", ListedItems.parse("")));

		assertThat(json).contains("No list was found in the message").doesNotContain("initial_value\":\"\"");
	}

}
