package dev.scopecut.slack.blocks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.model.block.InputBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import com.slack.api.util.json.GsonFactory;
import org.junit.jupiter.api.Test;

import dev.scopecut.sandbox.BlockKitRules;
import dev.scopecut.support.blockkit.BlockKitLimits;
import dev.scopecut.support.blockkit.GoldenJson;

class NewCutModalTests {

	private static final Instant NOW = Instant.parse("2025-03-03T09:00:42Z");

	private static final String CHANNEL = "C0PLAN";

	@Test
	void theModalAsksForEverySettingOfACut() {
		View view = NewCutModal.view(NOW, CHANNEL);

		GoldenJson.assertJsonMatches("new-cut-modal", GsonFactory.createSnakeCase().toJson(view));
		BlockKitLimits.assertWithinLimits(view.getBlocks(), BlockKitRules.Surface.MODAL);
		assertThat(view.getBlocks()).extracting(LayoutBlock::getBlockId)
			.containsExactly(NewCutModal.TITLE, NewCutModal.QUESTION, NewCutModal.ITEMS, NewCutModal.DEADLINE,
					NewCutModal.REMINDERS, NewCutModal.CHECK_IN, NewCutModal.CAPACITY, NewCutModal.WHO_VOTES,
					NewCutModal.VOTERS, NewCutModal.QUORUM, NewCutModal.OPTIONS);
	}

	@Test
	void theModalKeepsItsChannelAndFitsSlacksLimitsOnViews() {
		View view = NewCutModal.view(NOW, CHANNEL);

		assertThat(view.getCallbackId()).isEqualTo("new-cut");
		assertThat(view.getPrivateMetadata()).isEqualTo(CHANNEL);
		assertThat(view.getTitle().getText()).hasSizeLessThanOrEqualTo(24);
		assertThat(view.getSubmit().getText()).hasSizeLessThanOrEqualTo(24);
		assertThat(view.getClose().getText()).hasSizeLessThanOrEqualTo(24);
		assertThat(view.getBlocks()).hasSizeLessThanOrEqualTo(100);
		assertThat(view.getBlocks()).allSatisfy((block) -> assertThat(block).isInstanceOf(InputBlock.class));
	}

	@Test
	void theDeadlineStartsADayFromNowToTheMinute() {
		JsonObject deadline = JsonParser
			.parseString(GsonFactory.createSnakeCase().toJson(NewCutModal.view(NOW, CHANNEL)))
			.getAsJsonObject()
			.getAsJsonArray("blocks")
			.get(3)
			.getAsJsonObject()
			.getAsJsonObject("element");

		assertThat(deadline.get("type").getAsString()).isEqualTo("datetimepicker");
		assertThat(deadline.get("initial_date_time").getAsLong())
			.isEqualTo(Instant.parse("2025-03-04T09:00:00Z").getEpochSecond());
	}

}
