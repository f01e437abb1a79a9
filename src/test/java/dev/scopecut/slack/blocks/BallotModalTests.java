package dev.scopecut.slack.blocks;

import static dev.scopecut.support.blockkit.Fixtures.numberedItems;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import com.slack.api.model.block.InputBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.element.RadioButtonsElement;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import com.slack.api.util.json.GsonFactory;
import org.junit.jupiter.api.Test;

import dev.scopecut.app.port.BallotResult;
import dev.scopecut.app.port.VoteResult;
import dev.scopecut.cut.Choice;
import dev.scopecut.cut.Cut;
import dev.scopecut.cut.CutId;
import dev.scopecut.cut.CutRef;
import dev.scopecut.cut.CutSettings;
import dev.scopecut.cut.CutStatus;
import dev.scopecut.cut.Item;
import dev.scopecut.sandbox.BlockKitRules;
import dev.scopecut.support.blockkit.BlockKitLimits;
import dev.scopecut.support.blockkit.Fixtures;
import dev.scopecut.support.blockkit.GoldenJson;

class BallotModalTests {

	private static final Instant CREATED = Instant.parse("2025-03-03T09:00:00Z");

	private static final CutSettings SETTINGS = new CutSettings("", Instant.parse("2025-03-05T17:00:00Z"), 0, 0, false);

	private static Cut cut(List<String> items) {
		return Fixtures.cut(new CutRef("T0SCOPE", new CutId("K7M2Q")), "U0FACIL", CREATED, "Sharing app 0.1", items,
				SETTINGS, CutStatus.OPEN, null);
	}

	private static String json(View view) {
		return GsonFactory.createSnakeCase().toJson(view);
	}

	@Test
	void everyItemGetsAShipDeferChoicePrefilledWithTheVotersOwn() {
		View view = BallotModal.view(cut(numberedItems(16)), Map.of(1, Choice.SHIP, 16, Choice.DEFER));

		GoldenJson.assertJsonMatches("ballot-modal", json(view));
		assertThat(view.getCallbackId()).isEqualTo(BallotModal.CALLBACK_ID);
		assertThat(view.getPrivateMetadata()).isEqualTo("K7M2Q");
		List<InputBlock> inputs = view.getBlocks().stream().skip(1).map(InputBlock.class::cast).toList();
		assertThat(inputs).hasSize(16).allSatisfy((input) -> assertThat(input.isOptional()).isTrue());
		assertThat(initial(inputs.get(0))).isEqualTo("S");
		assertThat(initial(inputs.get(1))).isNull();
		assertThat(initial(inputs.get(15))).isEqualTo("D");
		assertThat(inputs.get(15).getBlockId()).isEqualTo("item-16");
	}

	@Test
	void thirtyItemsOfTheLongestTextFitAModal() {
		List<String> items = IntStream.rangeClosed(1, 30)
			.mapToObj((i) -> "%02d ".formatted(i) + "&".repeat(147))
			.toList();
		Cut cut = cut(items);
		assertThat(cut.items()).allSatisfy((item) -> assertThat(item.text()).hasSize(Item.MAX_LENGTH));
		Map<Integer, Choice> all = new LinkedHashMap<>();
		cut.items().forEach((item) -> all.put(item.id(), Choice.SHIP));

		View ballot = BallotModal.view(cut, all);
		View recorded = BallotModal.recorded(cut, all, new BallotResult(Map.of(), false, false));

		assertThat(ballot.getBlocks()).hasSize(31);
		BlockKitLimits.assertWithinLimits(ballot.getBlocks(), BlockKitRules.Surface.MODAL);
		BlockKitLimits.assertWithinLimits(recorded.getBlocks(), BlockKitRules.Surface.MODAL);
		assertThat(ballot.getTitle().getText()).hasSizeLessThanOrEqualTo(24);
		assertThat(ballot.getSubmit().getText()).hasSizeLessThanOrEqualTo(24);
	}

	@Test
	void theRecordedBallotShowsEveryChoiceAtOneGlance() {
		Cut cut = cut(numberedItems(16));
		Map<Integer, Choice> choices = new LinkedHashMap<>();
		IntStream.rangeClosed(1, 15).forEach((i) -> choices.put(i, (i % 3 == 0) ? Choice.SHIP : Choice.DEFER));
		Map<Integer, VoteResult.Outcome> outcomes = new LinkedHashMap<>();
		IntStream.rangeClosed(1, 12).forEach((i) -> outcomes.put(i, VoteResult.Outcome.UNCHANGED));
		outcomes.put(13, VoteResult.Outcome.RECORDED);
		outcomes.put(14, VoteResult.Outcome.CHANGED);
		outcomes.put(15, VoteResult.Outcome.RECORDED);
		outcomes.put(17, VoteResult.Outcome.NOT_FOUND);

		View view = BallotModal.recorded(cut, choices, new BallotResult(outcomes, true, false));

		GoldenJson.assertJsonMatches("ballot-recorded", json(view));
		assertThat(json(view)).contains("15 of 16 items voted, 3 choices new or changed; 1 removed meanwhile")
			.contains("item 3 · *Ship*")
			.contains("item 16 · _not voted yet_");
		assertThat(view.getSubmit()).isNull();
	}

	@Test
	void aSubmittedBallotIsReadByItemAndBlankItemsAreLeftOut() {
		Map<String, Map<String, ViewState.Value>> values = new LinkedHashMap<>();
		values.put("item-2", Map.of("choice", selected("D")));
		values.put("item-1", Map.of("choice", selected("S")));
		values.put("item-3", Map.of("choice", new ViewState.Value()));
		values.put("something-else", Map.of("choice", selected("S")));

		assertThat(BallotModal.choices(values)).contains(Map.of(2, Choice.DEFER, 1, Choice.SHIP));
		assertThat(BallotModal.choices(values).orElseThrow().keySet()).containsExactly(2, 1);
	}

	@Test
	void aForgedChoiceOrMetadataIsRefused() {
		assertThat(BallotModal.choices(Map.of("item-1", Map.of("choice", selected("X"))))).isEmpty();
		assertThat(BallotModal.cutOf(View.builder().privateMetadata("k7m2q").build())).isEmpty();
		assertThat(BallotModal.cutOf(View.builder().privateMetadata("K7M2Q:x").build())).isEmpty();
		assertThat(BallotModal.cutOf(View.builder().build())).isEmpty();
		assertThat(BallotModal.cutOf(View.builder().privateMetadata("K7M2Q").build())).contains(new CutId("K7M2Q"));
	}

	private static String initial(InputBlock input) {
		OptionObject initial = ((RadioButtonsElement) input.getElement()).getInitialOption();
		return (initial != null) ? initial.getValue() : null;
	}

	private static ViewState.Value selected(String value) {
		ViewState.Value selected = new ViewState.Value();
		ViewState.SelectedOption option = new ViewState.SelectedOption();
		option.setValue(value);
		selected.setSelectedOption(option);
		return selected;
	}

}
