package dev.scopecut.slack.blocks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import com.slack.api.util.json.GsonFactory;
import org.junit.jupiter.api.Test;

import dev.scopecut.cut.Cut;
import dev.scopecut.cut.CutDetails;
import dev.scopecut.cut.CutDraft;
import dev.scopecut.cut.CutId;
import dev.scopecut.cut.CutRef;
import dev.scopecut.cut.CutSettings;
import dev.scopecut.sandbox.BlockKitRules;
import dev.scopecut.support.blockkit.BlockKitLimits;
import dev.scopecut.support.blockkit.GoldenJson;

class EditCutModalTests {

	private static final Instant NOW = Instant.parse("2025-03-03T09:00:42Z");

	private static Cut cut(CutSettings settings) {
		return Cut.open(new CutRef("T1", new CutId("K7M2Q")), "C0PLAN", "U0ANN",
				new CutDraft("Sharing app 0.1", List.of("email signup", "create project", "share link"), settings),
				NOW);
	}

	@Test
	void theModalIsPrefilledWithTheCutsTitleQuestionCapacityAndQuorum() {
		View view = EditCutModal.view(cut(new CutSettings("Will people share a link?", NOW.plus(Duration.ofHours(2)), 2,
				2, false, List.of("U0ANN", "U0BOB"), false)));

		GoldenJson.assertJsonMatches("edit-cut-modal", GsonFactory.createSnakeCase().toJson(view));
		BlockKitLimits.assertWithinLimits(view.getBlocks(), BlockKitRules.Surface.MODAL);
		assertThat(view.getBlocks()).extracting(LayoutBlock::getBlockId)
			.containsExactly(NewCutModal.TITLE, NewCutModal.QUESTION, NewCutModal.CAPACITY, NewCutModal.QUORUM);
		assertThat(view.getCallbackId()).isEqualTo("edit-cut");
		assertThat(EditCutModal.Metadata.parse(view.getPrivateMetadata()))
			.contains(new EditCutModal.Metadata(new CutId("K7M2Q"),
					new CutDetails("Sharing app 0.1", "Will people share a link?", 2, 2).fingerprint()));
		assertThat(view.getTitle().getText()).hasSizeLessThanOrEqualTo(24);
	}

	@Test
	void metadataThatThisModalDidNotWriteIsRefused() {
		String fingerprint = new CutDetails("t", "", 0, 0).fingerprint();

		assertThat(EditCutModal.Metadata.parse("K7M2Q:" + fingerprint)).isPresent();
		assertThat(EditCutModal.Metadata.parse("K7M2Q")).isEmpty();
		assertThat(EditCutModal.Metadata.parse("K7M2Q:" + fingerprint + ":x")).isEmpty();
		assertThat(EditCutModal.Metadata.parse("K7M2Q:not-a-fingerprint")).isEmpty();
		assertThat(EditCutModal.Metadata.parse("k7m2q!:" + fingerprint)).isEmpty();
		assertThat(EditCutModal.Metadata.parse(null)).isEmpty();
	}

	@Test
	void noQuestionCapacityOrQuorumLeavesThoseInputsEmpty() {
		JsonObject view = JsonParser
			.parseString(GsonFactory.createSnakeCase()
				.toJson(EditCutModal.view(cut(CutSettings.quickStart(NOW.plus(Duration.ofHours(2)))))))
			.getAsJsonObject();

		for (int block = 1; block <= 3; block++) {
			JsonObject element = view.getAsJsonArray("blocks").get(block).getAsJsonObject().getAsJsonObject("element");
			assertThat(element.has("initial_value")).as("block %d", block).isFalse();
		}
		assertThat(view.toString()).contains("\"initial_value\":\"Sharing app 0.1\"").doesNotContain("At most 2.");
	}

}
