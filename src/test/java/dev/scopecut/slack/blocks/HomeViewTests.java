package dev.scopecut.slack.blocks;

import static dev.scopecut.support.blockkit.Fixtures.ballots;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import com.slack.api.model.view.View;
import org.junit.jupiter.api.Test;

import dev.scopecut.app.port.CutSnapshot;
import dev.scopecut.app.Home;
import dev.scopecut.cut.Ballots;
import dev.scopecut.cut.Cut;
import dev.scopecut.cut.CutId;
import dev.scopecut.cut.CutRef;
import dev.scopecut.cut.CutSettings;
import dev.scopecut.cut.CutStatus;
import dev.scopecut.cut.Item;
import dev.scopecut.sandbox.BlockKitRules;
import dev.scopecut.support.blockkit.BlockKitLimits;
import dev.scopecut.support.blockkit.GoldenJson;

class HomeViewTests {

	static final Instant CREATED = Instant.parse("2025-03-03T09:00:00Z");

	static final Instant DEADLINE = Instant.parse("2025-03-05T17:00:00Z");

	static final String ME = "U0BOB";

	@Test
	void theHomeShowsWhatWaitsForMyVoteTheCutsIRunAndRecentDecisions() {
		CutSnapshot waiting = snapshot("K7M2Q", "C0PLAN", "U0ANN", CutStatus.OPEN, ballots(ME + "=S--"));
		CutSnapshot running = snapshot("P3RQ8", "C0WEB", ME, CutStatus.OPEN, ballots("U0ANN=SDS", "U0CAT=S--"));
		CutSnapshot decided = snapshot("H2J4N", "C0PLAN", "U0ANN", CutStatus.CLOSED, ballots(ME + "=SDD", "U0ANN=SSD"));
		CutSnapshot voted = snapshot("M4QW9", "C0WEB", "U0ANN", CutStatus.OPEN, ballots(ME + "=SDS"));
		Home home = new Home(ME, List.of(waiting), List.of(waiting, voted), List.of(running), List.of(decided));

		View view = HomeView.render(home,
				Map.of(new CutId("K7M2Q"), "https://test.slack.com/archives/C0PLAN/p1741000000000100"));

		GoldenJson.assertMatches("home", view.getBlocks());
		BlockKitLimits.assertWithinLimits(view.getBlocks(), BlockKitRules.Surface.HOME);
		assertThat(view.getType()).isEqualTo("home");
		String json = com.google.gson.JsonParser.parseString(GoldenJson.toJson(view.getBlocks())).toString();
		assertThat(json).contains("2 of 3 items left to vote on",
				"<https://test.slack.com/archives/C0PLAN/p1741000000000100|Release K7M2Q>", "2 of 3 voted",
				"ship now    email signup", "defer       create project (tie), single sign-on",
				"Your votes on open cuts", "You voted *Ship* on email signup\"", "*Release M4QW9* in <#C0WEB>",
				"You voted *Ship* on email signup, single sign-on\\nYou voted *Defer* on create project");
	}

	@Test
	void anEmptyHomeSaysWhereThingsWillShow() {
		View view = HomeView.render(new Home(ME, List.of(), List.of(), List.of(), List.of()), Map.of());

		GoldenJson.assertMatches("home-empty", view.getBlocks());
	}

	@Test
	void fiveHundredCutsOfEachKindStayWithinAHundredBlocksAndSayHowManyMore() {
		List<CutSnapshot> many = new ArrayList<>();
		IntStream.range(0, 500)
			.forEach((i) -> many.add(snapshot(CutId.random(new java.util.SplittableRandom(i)).value(), "C0PLAN", ME,
					CutStatus.OPEN, Ballots.NONE)));
		List<CutSnapshot> closed = many.stream()
			.map((s) -> snapshot(s.cut().ref().id().value(), "C0PLAN", ME, CutStatus.CLOSED, Ballots.NONE))
			.toList();

		View view = HomeView.render(new Home(ME, many, many, many, closed), Map.of());

		BlockKitLimits.assertWithinLimits(view.getBlocks(), BlockKitRules.Surface.HOME);
		assertThat(view.getBlocks()).hasSizeLessThanOrEqualTo(100);
		assertThat(GoldenJson.toJson(view.getBlocks())).contains("and 470 more", "and 490 more", "and 480 more");
	}

	static CutSnapshot snapshot(String id, String channel, String facilitator, CutStatus status, Ballots ballots) {
		List<Item> items = List.of(new Item(1, "email signup"), new Item(2, "create project"),
				new Item(3, "single sign-on"));
		Cut cut = new Cut(new CutRef("T0SCOPE", new CutId(id)), channel, facilitator, "Release " + id, items,
				new CutSettings("", DEADLINE, 0, 0, false, List.of(ME, "U0ANN", "U0CAT"), false), status, CREATED,
				(status == CutStatus.OPEN) ? null : DEADLINE.minus(Duration.ofHours(1)), "1741000000.000100");
		return new CutSnapshot(cut, ballots, 1, null);
	}

}
