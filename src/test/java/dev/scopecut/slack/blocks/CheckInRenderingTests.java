package dev.scopecut.slack.blocks;

import static dev.scopecut.support.blockkit.Fixtures.blocksJson;
import static dev.scopecut.support.blockkit.Fixtures.ofType;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import com.google.gson.JsonObject;
import com.slack.api.model.block.InputBlock;
import com.slack.api.model.block.element.PlainTextInputElement;
import com.slack.api.model.view.View;
import org.junit.jupiter.api.Test;

import dev.scopecut.app.Home;
import dev.scopecut.app.port.CutSnapshot;
import dev.scopecut.cut.Ballots;
import dev.scopecut.cut.CheckIn;
import dev.scopecut.cut.CheckInAnswer;
import dev.scopecut.cut.Cut;
import dev.scopecut.cut.CutId;
import dev.scopecut.cut.CutRef;
import dev.scopecut.cut.CutSettings;
import dev.scopecut.cut.CutStatus;
import dev.scopecut.cut.Item;
import dev.scopecut.cut.Lineage;
import dev.scopecut.cut.ReminderPlan;
import dev.scopecut.sandbox.BlockKitRules;
import dev.scopecut.support.blockkit.BlockKitLimits;
import dev.scopecut.support.blockkit.GoldenJson;
import dev.scopecut.support.blockkit.GoldenText;

class CheckInRenderingTests {

	static final Instant CREATED = Instant.parse("2025-03-03T09:00:00Z");

	static final Instant DEADLINE = Instant.parse("2025-03-05T17:00:00Z");

	static final LocalDate DAY = LocalDate.parse("2025-03-12");

	static final Instant ANSWERED = Instant.parse("2025-03-12T08:14:00Z");

	static final String LINK = "https://test.slack.com/archives/C0PLAN/p1741000000000100";

	static final String ME = "U0FACIL";

	@Test
	void theDirectMessageAsksTheReleaseQuestionWithTheThreeAnswers() {
		SlackMessage message = CheckInMessage.ask(cut("K7M2Q", "Will people share a link?", null), Optional.of(LINK));

		GoldenJson.assertMatches("check-in-dm", message.text(), message.blocks());
		BlockKitLimits.assertWithinLimits(message.blocks());
		JsonObject answers = ofType(blocksJson(message), "actions").get(0);
		assertThat(answers.getAsJsonArray("elements").asList())
			.extracting((button) -> button.getAsJsonObject().get("action_id").getAsString() + "="
					+ button.getAsJsonObject().get("value").getAsString())
			.containsExactly(ActionIds.CHECK_IN_LEARNED + "=K7M2Q", ActionIds.CHECK_IN_NOT_LEARNED + "=K7M2Q",
					ActionIds.CHECK_IN_NOT_YET + "=K7M2Q");
	}

	@Test
	void answeredTheDirectMessageLosesItsButtonsAndShowsTheAnswer() {
		SlackMessage message = CheckInMessage
			.redrawn(cut("K7M2Q", "Will people share a link?", new CheckInAnswer(CheckInAnswer.Kind.LEARNED,
					"Two teams in three shared a link in week one.", ANSWERED)));

		GoldenJson.assertMatches("check-in-dm-answered", message.text(), message.blocks());
		assertThat(GoldenJson.toJson(message.blocks())).doesNotContain("\"actions\"");
	}

	@Test
	void afterNotYetTheDirectMessageSaysWhenItAsksAgain() {
		Cut cut = cut("K7M2Q", "Will people share a link?", null);
		Cut postponed = new Cut(cut.ref(), cut.channel(), cut.facilitator(), cut.title(), cut.items(), cut.settings(),
				cut.status(), cut.createdAt(), cut.closedAt(), cut.messageTs(), List.of(), Lineage.NONE,
				new CheckIn(LocalDate.parse("2025-03-19"), 1, null));

		SlackMessage message = CheckInMessage.redrawn(postponed);

		GoldenJson.assertMatches("check-in-dm-postponed", message.text(), message.blocks());
		assertThat(message.text()).contains("Wednesday 19 March 2025");
	}

	@Test
	void theThreadReplyUnderTheDecisionSaysWhatTheReleaseTaught() {
		SlackMessage message = CheckInMessage.reply(cut("K7M2Q", "Will people share a link?",
				new CheckInAnswer(CheckInAnswer.Kind.NOT_LEARNED, "Nobody found the share button.", ANSWERED)));
		SlackMessage typed = CheckInMessage.reply(cut("K7M2Q", "Will people share a link?",
				new CheckInAnswer(CheckInAnswer.Kind.NOT_LEARNED, "The button <here> & there", ANSWERED)));

		GoldenJson.assertMatches("check-in-reply", message.text(), message.blocks());
		BlockKitLimits.assertWithinLimits(message.blocks());
		assertThat(ofType(blocksJson(typed), "section").get(2).getAsJsonObject("text").get("text").getAsString())
			.endsWith("The button &lt;here&gt; &amp; there");
	}

	@Test
	void theLongestQuestionAndAnswerStayWithinSlacksLimits() {
		Cut cut = cut("K7M2Q", "&".repeat(3000),
				new CheckInAnswer(CheckInAnswer.Kind.LEARNED, "<".repeat(CheckInAnswer.TEXT_MAX), ANSWERED));

		BlockKitLimits.assertWithinLimits(CheckInMessage.ask(cut, Optional.of(LINK)).blocks());
		BlockKitLimits.assertWithinLimits(CheckInMessage.redrawn(cut).blocks());
		BlockKitLimits.assertWithinLimits(CheckInMessage.reply(cut).blocks());
		BlockKitLimits.assertWithinLimits(CheckInModal.view(cut, CheckInAnswer.Kind.LEARNED).getBlocks(),
				BlockKitRules.Surface.MODAL);
	}

	@Test
	void theCheckInFormHasTheQuestionAndATextBoxOfAtMostTwoThousandCharacters() {
		View view = CheckInModal.view(cut("K7M2Q", "Will people share a link?", null), CheckInAnswer.Kind.LEARNED);

		GoldenJson.assertMatches("check-in-modal", view.getBlocks());
		assertThat(view.getCallbackId()).isEqualTo(CheckInModal.CALLBACK_ID);
		assertThat(CheckInModal.Metadata.parse(view.getPrivateMetadata()))
			.contains(new CheckInModal.Metadata(CheckInAnswer.Kind.LEARNED, new CutId("K7M2Q")));
		assertThat(view.getBlocks().get(1)).isInstanceOfSatisfying(InputBlock.class,
				(input) -> assertThat(((PlainTextInputElement) input.getElement()).getMaxLength())
					.isEqualTo(CheckInAnswer.TEXT_MAX));
		assertThat(CheckInModal.Metadata.parse("NOT_YET:K7M2Q")).isEmpty();
		assertThat(CheckInModal.Metadata.parse("LEARNED:nope")).isEmpty();
	}

	@Test
	void theHomeShowsTheLoopParentAndChildPendingCheckInsAndWhatReleasesTaught() {
		Cut parent = cut("P4R3N", "Will people share a link?", new CheckInAnswer(CheckInAnswer.Kind.LEARNED,
				"Two teams in three shared a link in week one.", ANSWERED));
		Cut child = cut("C1D2E", "Will teams invite each other?", null)
			.withLineage(new Lineage(parent.ref().id(), parent.title(), Map.of(1, 1)));
		CutSnapshot decidedParent = new CutSnapshot(parent, Ballots.NONE, 1, null);
		CutSnapshot decidedChild = new CutSnapshot(child, Ballots.NONE, 1, null);
		Home home = new Home(ME, List.of(), List.of(), List.of(), List.of(decidedChild, decidedParent), List.of(child),
				List.of(parent), Map.of(parent.ref().id(), child));

		View view = HomeView.render(home, Map.of());

		GoldenJson.assertMatches("home-check-ins", view.getBlocks());
		BlockKitLimits.assertWithinLimits(view.getBlocks(), BlockKitRules.Surface.HOME);
		String json = GoldenJson.toJson(view.getBlocks());
		assertThat(json).contains("Check-ins waiting for you", "What releases taught",
				"follows *Release P4R3N* (`P4R3N`)", "followed by *Release C1D2E* (`C1D2E`)",
				"Check-in day Wednesday 12 March 2025", "*We learned it*");
	}

	@Test
	void manyCutsOfEveryKindStillFitAHundredBlocks() {
		List<CutSnapshot> many = new ArrayList<>();
		List<Cut> answered = new ArrayList<>();
		IntStream.range(0, 300).forEach((i) -> {
			Cut cut = cut(CutId.random(new java.util.SplittableRandom(i)).value(), "q",
					new CheckInAnswer(CheckInAnswer.Kind.LEARNED, "x".repeat(CheckInAnswer.TEXT_MAX), ANSWERED));
			many.add(new CutSnapshot(cut, Ballots.NONE, 1, null));
			answered.add(cut);
		});

		View view = HomeView.render(new Home(ME, many, many, many, many, answered, answered, Map.of()), Map.of());

		BlockKitLimits.assertWithinLimits(view.getBlocks(), BlockKitRules.Surface.HOME);
		assertThat(view.getBlocks()).hasSizeLessThanOrEqualTo(100);
	}

	@Test
	void theExportSaysWhereTheCheckInStandsAndWhatWasLearned() {
		Cut answered = cut("K7M2Q", "Will people share a link?", new CheckInAnswer(CheckInAnswer.Kind.LEARNED,
				"Two teams in three shared a link\nin week one.", ANSWERED));

		String markdown = DecisionRecord.markdown(new CutSnapshot(answered, Ballots.NONE, 1, null), ANSWERED);

		GoldenText.assertMatches("record-check-in.md", markdown);
		assertThat(DecisionRecord.markdown(
				new CutSnapshot(cut("K7M2Q", "Will people share a link?", null), Ballots.NONE, 1, null), ANSWERED))
			.contains("- Check-in: pending; asks the facilitator on 2025-03-12\n")
			.doesNotContain("What the release taught");
	}

	static Cut cut(String id, String question, CheckInAnswer answer) {
		List<Item> items = List.of(new Item(1, "email signup"), new Item(2, "share project link"));
		CutSettings settings = new CutSettings(question, DEADLINE, 0, 0, false, List.of(), false, ReminderPlan.NONE,
				DAY);
		return new Cut(new CutRef("T0SCOPE", new CutId(id)), "C0PLAN", ME, "Release " + id, items, settings,
				CutStatus.CLOSED, CREATED, DEADLINE.minus(Duration.ofHours(1)), "1741000000.000100", List.of(),
				Lineage.NONE, new CheckIn(DAY, 0, answer));
	}

}
