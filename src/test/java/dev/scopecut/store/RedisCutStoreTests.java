package dev.scopecut.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

import dev.scopecut.app.port.BallotResult;
import dev.scopecut.app.port.CutSnapshot;
import dev.scopecut.app.port.CutStore;
import dev.scopecut.app.port.InsertOutcome;
import dev.scopecut.app.port.Job;
import dev.scopecut.app.port.JobChanges;
import dev.scopecut.app.port.StoreUnavailableException;
import dev.scopecut.app.port.VoteResult;
import dev.scopecut.app.port.VoterChoices;
import dev.scopecut.cut.Choice;
import dev.scopecut.cut.Cut;
import dev.scopecut.cut.CutDraft;
import dev.scopecut.cut.CutId;
import dev.scopecut.cut.CutRef;
import dev.scopecut.cut.CutSettings;
import dev.scopecut.cut.Lineage;
import dev.scopecut.cut.CutStatus;

class RedisCutStoreTests extends RedisStoreTest {

	static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

	static final CutRef REF = new CutRef("T1", new CutId("K7M2Q"));

	RedisCutStore store;

	@BeforeEach
	void store() {
		this.store = new RedisCutStore(template, new RedisGuard(),
				new StoreProperties(Duration.ofDays(90), null, Duration.ofMillis(250)),
				new DueIndex(template, new RedisGuard()), ReplicaWait.off(), shared);
	}

	static Cut cut(CutRef ref, String channel) {
		return cut(ref, channel, List.of(), false);
	}

	/** A cut only Ann and Bob may vote in, closing when both have voted on everything. */
	static Cut chosen(CutRef ref, String channel) {
		return cut(ref, channel, List.of("U_ANN", "U_BOB"), true);
	}

	static Cut cut(CutRef ref, String channel, List<String> voters, boolean closeWhenAllVoted) {
		return cut(ref, channel, voters, closeWhenAllVoted, 2);
	}

	/** A capacity of 0 lets every item but the last be removed. */
	static Cut cut(CutRef ref, String channel, List<String> voters, boolean closeWhenAllVoted, int capacity) {
		CutDraft draft = new CutDraft("Sharing app 0.1", List.of("email signup", "create project", "share link"),
				new CutSettings("What do we learn?", NOW.plus(Duration.ofHours(24)), capacity, 2, true, voters,
						closeWhenAllVoted));
		return Cut.open(ref, channel, "U_ANN", draft, NOW);
	}

	@Test
	void aCutReadsBackAsItWasStored() {
		Cut cut = chosen(REF, "C1");

		assertThat(this.store.insert(cut, JobChanges.NONE)).isEqualTo(InsertOutcome.INSERTED);

		assertThat(this.store.find(REF)).contains(cut);
		assertThat(this.store.openIn("T1", "C1")).containsExactly(cut);
	}

	@Test
	void aCutStartedFromAClosedOneReadsBackWithItsParentAndItsCarriedItemsStreaks() {
		Cut cut = chosen(REF, "C1")
			.withLineage(new Lineage(new CutId("P4R3N"), "Sharing app 0.0, with: commas", Map.of(1, 2, 3, 1)));

		assertThat(this.store.insert(cut, JobChanges.NONE)).isEqualTo(InsertOutcome.INSERTED);

		assertThat(this.store.find(REF)).contains(cut);
		assertThat(this.store.find(REF).get().lineage().carried(cut.items())).isEqualTo(2);
	}

	@Test
	void aCutAndTheJobsThatFollowFromItsChangesAreSavedTogetherOnItsWorkspacesSlot() {
		Job close = new Job(Job.Kind.CLOSE, REF);
		Job refresh = new Job(Job.Kind.REFRESH, REF);
		Job announce = new Job(Job.Kind.ANNOUNCE, REF);
		Cut cut = cut(REF, "C1");

		this.store.insert(cut, JobChanges.NONE.schedule(close, cut.settings().deadline()));
		this.store.vote(REF, "U_BOB", 1, Choice.SHIP, NOW, JobChanges.NONE.schedule(refresh, NOW));
		// The refresh is asked for already: the second vote schedules nothing.
		this.store.vote(REF, "U_CAT", 1, Choice.SHIP, NOW, JobChanges.NONE.schedule(announce, NOW));
		assertThat(template.opsForZSet().range(Keys.jobs("T1"), 0, -1)).containsExactly(RedisJobQueue.member(refresh),
				RedisJobQueue.member(close));
		assertThat(template.opsForZSet().score(Keys.due(Keys.dueShard("T1")), "T1"))
			.isEqualTo((double) NOW.toEpochMilli());

		assertThat(
				this.store.finish(REF, CutStatus.CLOSED, NOW, JobChanges.NONE.schedule(announce, NOW).complete(close)))
			.isTrue();
		assertThat(this.store.finish(REF, CutStatus.CLOSED, NOW, JobChanges.NONE.schedule(close, NOW))).isFalse();

		assertThat(template.opsForZSet().range(Keys.jobs("T1"), 0, -1))
			.containsExactlyInAnyOrder(RedisJobQueue.member(refresh), RedisJobQueue.member(announce));
		assertThat(template.keys("scopecut:{T1}:*"))
			.allMatch((key) -> !key.contains("jobs") || key.equals(Keys.jobs("T1")));
	}

	@Test
	void anIdAlreadyTakenInTheWorkspaceIsRefusedAndNothingIsOverwritten() {
		this.store.insert(cut(REF, "C1"), JobChanges.NONE);

		assertThat(this.store.insert(cut(REF, "C2"), JobChanges.NONE)).isEqualTo(InsertOutcome.ID_TAKEN);

		assertThat(this.store.find(REF).orElseThrow().channel()).isEqualTo("C1");
		assertThat(this.store.openIn("T1", "C2")).isEmpty();
	}

	@Test
	void theSameIdInAnotherWorkspaceIsAnotherCut() {
		CutRef other = new CutRef("T2", REF.id());
		this.store.insert(cut(REF, "C1"), JobChanges.NONE);
		this.store.insert(cut(other, "C1"), JobChanges.NONE);

		this.store.vote(other, "U_BOB", 1, Choice.SHIP, NOW, JobChanges.NONE);

		assertThat(this.store.snapshot(REF).orElseThrow().ballots().byVoter()).isEmpty();
		assertThat(this.store.snapshot(other).orElseThrow().ballots().of("U_BOB")).containsEntry(1, Choice.SHIP);
	}

	@Test
	void votesRecordChangeAndRepeatWithTheVersionCountingOnlyChanges() {
		this.store.insert(cut(REF, "C1"), JobChanges.NONE);

		assertThat(this.store.vote(REF, "U_BOB", 2, Choice.SHIP, NOW, JobChanges.NONE))
			.isEqualTo(new VoteResult(VoteResult.Outcome.RECORDED, "create project", true));
		assertThat(this.store.vote(REF, "U_BOB", 2, Choice.SHIP, NOW, JobChanges.NONE).outcome())
			.isEqualTo(VoteResult.Outcome.UNCHANGED);
		assertThat(this.store.vote(REF, "U_BOB", 2, Choice.DEFER, NOW, JobChanges.NONE).outcome())
			.isEqualTo(VoteResult.Outcome.CHANGED);

		CutSnapshot snapshot = this.store.snapshot(REF).orElseThrow();
		assertThat(snapshot.ballots().of("U_BOB")).isEqualTo(Map.of(2, Choice.DEFER));
		assertThat(snapshot.version()).isEqualTo(2);
		assertThat(this.store.version(REF)).isEqualTo(2);
	}

	@Test
	void aVoteAfterRedisForgotTheVoteScriptSendsItWholeAndIsRecorded() {
		this.store.insert(cut(REF, "C1"), JobChanges.NONE);
		template.execute((RedisCallback<Object>) (connection) -> {
			connection.scriptingCommands().scriptFlush();
			return null;
		});

		assertThat(this.store.vote(REF, "U_BOB", 2, Choice.SHIP, NOW, JobChanges.NONE).outcome())
			.isEqualTo(VoteResult.Outcome.RECORDED);
		assertThat(template.opsForHash().get(Keys.votes(REF), "2:U_BOB")).isEqualTo("S");
	}

	@Test
	void aVoteAfterSpringResetItsSharedConnectionGoesOnTheNewOne() {
		this.store.insert(cut(REF, "C1"), JobChanges.NONE);
		this.store.vote(REF, "U_BOB", 1, Choice.SHIP, NOW, JobChanges.NONE);

		connections.resetConnection();

		assertThat(this.store.vote(REF, "U_BOB", 2, Choice.DEFER, NOW, JobChanges.NONE).outcome())
			.isEqualTo(VoteResult.Outcome.RECORDED);
		assertThat(template.opsForHash().entries(Keys.votes(REF))).isEqualTo(Map.of("1:U_BOB", "S", "2:U_BOB", "D"));
	}

	@Test
	void aVoteWhileRedisIsAwayIsRefusedAsNotRecordedAndOnceItIsBackIsRecorded() {
		try (StoppableRedis away = StoppableRedis.start()) {
			StringRedisTemplate awayTemplate = away.template();
			RedisCutStore awayStore = new RedisCutStore(awayTemplate, new RedisGuard(),
					new StoreProperties(Duration.ofDays(90), null, Duration.ofMillis(250)),
					new DueIndex(awayTemplate, new RedisGuard()), ReplicaWait.off(),
					new SharedConnection(awayTemplate, new RedisGuard()));
			awayStore.insert(cut(REF, "C1"), JobChanges.NONE);
			awayStore.vote(REF, "U_ANN", 1, Choice.SHIP, NOW, JobChanges.NONE);

			away.stop();
			assertThatThrownBy(() -> awayStore.vote(REF, "U_BOB", 2, Choice.SHIP, NOW, JobChanges.NONE))
				.isInstanceOf(StoreUnavailableException.class)
				.hasMessageStartingWith("Redis did not answer");
			away.restart();

			await("recorded once Redis is back").atMost(Duration.ofSeconds(20))
				.ignoreException(StoreUnavailableException.class)
				.until(() -> awayStore.vote(REF, "U_BOB", 2, Choice.SHIP, NOW, JobChanges.NONE)
					.outcome() == VoteResult.Outcome.RECORDED);
			assertThat(awayTemplate.opsForHash().entries(Keys.votes(REF)))
				.isEqualTo(Map.of("1:U_ANN", "S", "2:U_BOB", "S"));
		}
	}

	@Test
	void aBallotRecordsEveryChoiceInOneStepByTheRulesOfAClickAndAsksForOneRefresh() {
		this.store.insert(cut(REF, "C1"), JobChanges.NONE);
		this.store.vote(REF, "U_BOB", 1, Choice.SHIP, NOW, JobChanges.NONE);
		this.store.vote(REF, "U_BOB", 2, Choice.SHIP, NOW, JobChanges.NONE);
		this.store.snapshot(REF);
		Map<Integer, Choice> ballot = new java.util.LinkedHashMap<>();
		ballot.put(1, Choice.SHIP);
		ballot.put(2, Choice.DEFER);
		ballot.put(3, Choice.DEFER);
		ballot.put(9, Choice.SHIP);

		BallotResult result = this.store.ballot(REF, "U_BOB", ballot, NOW, JobChanges.NONE);

		assertThat(result.outcomes()).containsExactly(Map.entry(1, VoteResult.Outcome.UNCHANGED),
				Map.entry(2, VoteResult.Outcome.CHANGED), Map.entry(3, VoteResult.Outcome.RECORDED),
				Map.entry(9, VoteResult.Outcome.NOT_FOUND));
		assertThat(result.asksRefresh()).isTrue();
		assertThat(this.store.choicesOf(REF, "U_BOB").orElseThrow().choices())
			.isEqualTo(Map.of(1, Choice.SHIP, 2, Choice.DEFER, 3, Choice.DEFER));
		assertThat(this.store.version(REF)).isEqualTo(4);
		// the same ballot again changes nothing and asks nothing
		BallotResult again = this.store.ballot(REF, "U_BOB", ballot, NOW, JobChanges.NONE);
		assertThat(again.changedNothing()).isTrue();
		assertThat(again.asksRefresh()).isFalse();
		assertThat(this.store.version(REF)).isEqualTo(4);
	}

	@Test
	void aBallotOnAClosedCutOrFromSomeoneNotChosenRecordsNothing() {
		this.store.insert(chosen(REF, "C1"), JobChanges.NONE);

		assertThat(this.store.ballot(REF, "U_EVE", Map.of(1, Choice.SHIP, 2, Choice.DEFER), NOW, JobChanges.NONE)
			.outcomes())
			.containsOnly(Map.entry(1, VoteResult.Outcome.NOT_A_VOTER), Map.entry(2, VoteResult.Outcome.NOT_A_VOTER));
		this.store.finish(REF, CutStatus.CLOSED, NOW, JobChanges.NONE);
		assertThat(this.store.ballot(REF, "U_BOB", Map.of(1, Choice.SHIP), NOW, JobChanges.NONE).outcomes())
			.containsOnly(Map.entry(1, VoteResult.Outcome.NOT_OPEN));
		assertThat(template.hasKey(Keys.votes(REF))).isFalse();
	}

	@Test
	void theBallotThatCompletesAChosenVotersCutSaysEveryoneVoted() {
		this.store.insert(chosen(REF, "C1"), JobChanges.NONE);
		Map<Integer, Choice> all = Map.of(1, Choice.SHIP, 2, Choice.DEFER, 3, Choice.SHIP);

		assertThat(this.store.ballot(REF, "U_ANN", all, NOW, JobChanges.NONE).everyoneVoted()).isFalse();
		assertThat(this.store.ballot(REF, "U_BOB", all, NOW, JobChanges.NONE).everyoneVoted()).isTrue();
	}

	@Test
	void aVotersChoicesAreReadWithTheCutAndNothingOfOtherVoters() {
		Cut cut = cut(REF, "C1");
		this.store.insert(cut, JobChanges.NONE);
		this.store.vote(REF, "U_BOB", 1, Choice.SHIP, NOW, JobChanges.NONE);
		this.store.vote(REF, "U_BOB", 3, Choice.SHIP, NOW, JobChanges.NONE);
		this.store.vote(REF, "U_BOB", 3, Choice.DEFER, NOW, JobChanges.NONE);
		this.store.vote(REF, "U_CAT", 2, Choice.SHIP, NOW, JobChanges.NONE);
		this.store.vote(REF, "U_BOBBY", 2, Choice.DEFER, NOW, JobChanges.NONE);

		VoterChoices bob = this.store.choicesOf(REF, "U_BOB").orElseThrow();

		assertThat(bob.cut()).isEqualTo(cut);
		assertThat(bob.choices()).isEqualTo(Map.of(1, Choice.SHIP, 3, Choice.DEFER));
		assertThat(this.store.choicesOf(REF, "U_DAN").orElseThrow().choices()).isEmpty();
	}

	@Test
	void choicesOfAMissingCutAreEmptyAndReadingThemChangesNothing() {
		this.store.insert(cut(REF, "C1"), JobChanges.NONE);
		this.store.vote(REF, "U_BOB", 1, Choice.SHIP, NOW, JobChanges.NONE);

		assertThat(this.store.choicesOf(new CutRef("T1", new CutId("ZZZZZ")), "U_BOB")).isEmpty();
		assertThat(this.store.choicesOf(new CutRef("T2", REF.id()), "U_BOB")).isEmpty();
		this.store.choicesOf(REF, "U_BOB");

		// a private read answers no refresh the channel's message is waiting for
		assertThat(this.store.vote(REF, "U_CAT", 1, Choice.SHIP, NOW, JobChanges.NONE).asksRefresh()).isFalse();
		assertThat(this.store.version(REF)).isEqualTo(2);
		assertThat(template.keys("*")).containsExactlyInAnyOrder(Keys.cut(REF), Keys.votes(REF),
				Keys.openIn("T1", "C1"), Keys.openIn("T1"), Keys.openBy("T1", "U_ANN"));
	}

	@Test
	void aVotersChoicesStayReadableOnceTheCutIsClosed() {
		this.store.insert(cut(REF, "C1"), JobChanges.NONE);
		this.store.vote(REF, "U_BOB", 2, Choice.DEFER, NOW, JobChanges.NONE);
		this.store.finish(REF, CutStatus.CLOSED, NOW, JobChanges.NONE);

		VoterChoices bob = this.store.choicesOf(REF, "U_BOB").orElseThrow();

		assertThat(bob.cut().status()).isEqualTo(CutStatus.CLOSED);
		assertThat(bob.choices()).isEqualTo(Map.of(2, Choice.DEFER));
	}

	@Test
	void aFloodOfVotesAsksForOneRefreshUntilASnapshotReadsTheCut() {
		this.store.insert(cut(REF, "C1"), JobChanges.NONE);

		assertThat(this.store.vote(REF, "U_BOB", 1, Choice.SHIP, NOW, JobChanges.NONE).asksRefresh()).isTrue();
		assertThat(this.store.vote(REF, "U_CAT", 1, Choice.SHIP, NOW, JobChanges.NONE).asksRefresh()).isFalse();
		assertThat(this.store.vote(REF, "U_BOB", 2, Choice.DEFER, NOW, JobChanges.NONE).asksRefresh()).isFalse();
		this.store.snapshot(REF);
		assertThat(this.store.vote(REF, "U_DAN", 1, Choice.DEFER, NOW, JobChanges.NONE).asksRefresh()).isTrue();
		assertThat(this.store.vote(REF, "U_DAN", 1, Choice.DEFER, NOW, JobChanges.NONE).asksRefresh()).isFalse();
	}

	@Test
	void anAskThatWasNeverAnsweredIsAskedAgainAfterAWhile() {
		this.store.insert(cut(REF, "C1"), JobChanges.NONE);
		this.store.vote(REF, "U_BOB", 1, Choice.SHIP, NOW, JobChanges.NONE);

		Instant later = NOW.plus(CutStore.REFRESH_REASK);
		assertThat(this.store.vote(REF, "U_CAT", 1, Choice.SHIP, later, JobChanges.NONE).asksRefresh()).isFalse();
		assertThat(this.store.vote(REF, "U_DAN", 1, Choice.SHIP, later.plusMillis(1), JobChanges.NONE).asksRefresh())
			.isTrue();
	}

	@Test
	void aVoteFromSomeoneOutsideTheChosenVotersIsRefusedAndStoredNowhere() {
		this.store.insert(chosen(REF, "C1"), JobChanges.NONE);

		VoteResult result = this.store.vote(REF, "U_EVE", 1, Choice.SHIP, NOW, JobChanges.NONE);

		assertThat(result.outcome()).isEqualTo(VoteResult.Outcome.NOT_A_VOTER);
		assertThat(result.asksRefresh()).isFalse();
		assertThat(template.hasKey(Keys.votes(REF))).isFalse();
		assertThat(this.store.version(REF)).isZero();
	}

	@Test
	void onceEveryChosenVoterHasVotedOnEveryItemEachChangeSaysSo() {
		this.store.insert(chosen(REF, "C1"), JobChanges.NONE);
		for (int item = 1; item <= 3; item++) {
			assertThat(this.store.vote(REF, "U_ANN", item, Choice.SHIP, NOW, JobChanges.NONE).everyoneVoted())
				.isFalse();
		}
		assertThat(this.store.vote(REF, "U_BOB", 1, Choice.SHIP, NOW, JobChanges.NONE).everyoneVoted()).isFalse();
		assertThat(this.store.vote(REF, "U_BOB", 2, Choice.DEFER, NOW, JobChanges.NONE).everyoneVoted()).isFalse();

		assertThat(this.store.vote(REF, "U_BOB", 3, Choice.DEFER, NOW, JobChanges.NONE).everyoneVoted()).isTrue();
		assertThat(this.store.vote(REF, "U_BOB", 3, Choice.SHIP, NOW, JobChanges.NONE).everyoneVoted()).isTrue();
		// a repeated click changes nothing, and once closed nothing is counted
		assertThat(this.store.vote(REF, "U_BOB", 3, Choice.SHIP, NOW, JobChanges.NONE).everyoneVoted()).isFalse();
		this.store.finish(REF, CutStatus.CLOSED, NOW, JobChanges.NONE);
		assertThat(this.store.vote(REF, "U_BOB", 3, Choice.DEFER, NOW, JobChanges.NONE).everyoneVoted()).isFalse();
	}

	@Test
	void aCutOpenToTheWholeChannelWithoutItsMembersNeverSaysEveryoneVoted() {
		Cut open = cut(REF, "C1");
		CutSettings settings = open.settings();
		Cut channelWide = Cut.open(REF, "C1", "U_ANN", new CutDraft(open.title(), List.of("email signup"),
				new CutSettings(settings.question(), settings.deadline(), 0, 0, false, List.of(), true)), NOW);
		this.store.insert(channelWide, JobChanges.NONE);

		assertThat(this.store.vote(REF, "U_EVE", 1, Choice.SHIP, NOW, JobChanges.NONE))
			.isEqualTo(new VoteResult(VoteResult.Outcome.RECORDED, "email signup", true, false));
	}

	@Test
	void theChannelsMembersAreKeptWithAnOpenCutOnlyAndReadBack() {
		assertThat(this.store.setMembers(REF, List.of("U_ANN", "U_BOB"), JobChanges.NONE)).isFalse();
		assertThat(template.hasKey(Keys.cut(REF))).isFalse();
		this.store.insert(cut(REF, "C1", List.of(), true), JobChanges.NONE);

		assertThat(this.store.setMembers(REF, List.of("U_ANN", "U_BOB"), JobChanges.NONE)).isTrue();

		assertThat(this.store.find(REF).orElseThrow().members()).containsExactly("U_ANN", "U_BOB");
		assertThat(this.store.snapshot(REF).orElseThrow().cut().eligibleVoters()).containsExactly("U_ANN", "U_BOB");
		this.store.finish(REF, CutStatus.CLOSED, NOW, JobChanges.NONE);
		assertThat(this.store.setMembers(REF, List.of("U_EVE"), JobChanges.NONE)).isFalse();
		assertThat(this.store.find(REF).orElseThrow().members()).containsExactly("U_ANN", "U_BOB");
	}

	@Test
	void onAChannelWideCutEveryoneIsTheMembersAndOthersVotesNeitherCountNorAreRefused() {
		this.store.insert(cut(REF, "C1", List.of(), true), JobChanges.NONE);
		this.store.setMembers(REF, List.of("U_ANN", "U_BOB"), JobChanges.NONE);
		// a newcomer votes on everything: stored, and enough fields for members x items
		for (int item = 1; item <= 3; item++) {
			assertThat(this.store.vote(REF, "U_NEW", item, Choice.SHIP, NOW, JobChanges.NONE).outcome())
				.isEqualTo(VoteResult.Outcome.RECORDED);
		}
		for (int item = 1; item <= 3; item++) {
			assertThat(this.store.vote(REF, "U_ANN", item, Choice.SHIP, NOW, JobChanges.NONE).everyoneVoted())
				.isFalse();
		}
		assertThat(this.store.vote(REF, "U_BOB", 1, Choice.SHIP, NOW, JobChanges.NONE).everyoneVoted()).isFalse();
		assertThat(this.store.vote(REF, "U_BOB", 2, Choice.DEFER, NOW, JobChanges.NONE).everyoneVoted()).isFalse();
		assertThat(this.store.vote(REF, "U_NEW", 3, Choice.DEFER, NOW, JobChanges.NONE).everyoneVoted()).isFalse();

		assertThat(this.store.vote(REF, "U_BOB", 3, Choice.DEFER, NOW, JobChanges.NONE).everyoneVoted()).isTrue();
		assertThat(this.store.snapshot(REF).orElseThrow().ballots().byVoter()).containsOnlyKeys("U_NEW", "U_ANN",
				"U_BOB");
	}

	@Test
	void aVoteOnAMissingCutOrItemIsRefusedAndLeavesNoKeyBehind() {
		this.store.insert(cut(REF, "C1"), JobChanges.NONE);

		assertThat(this.store.vote(REF, "U_BOB", 9, Choice.SHIP, NOW, JobChanges.NONE).outcome())
			.isEqualTo(VoteResult.Outcome.NOT_FOUND);
		CutRef missing = new CutRef("T1", new CutId("ZZZZZ"));
		assertThat(this.store.vote(missing, "U_BOB", 1, Choice.SHIP, NOW, JobChanges.NONE).outcome())
			.isEqualTo(VoteResult.Outcome.NOT_FOUND);

		assertThat(template.keys("*")).containsExactlyInAnyOrder(Keys.cut(REF), Keys.openIn("T1", "C1"),
				Keys.openIn("T1"), Keys.openBy("T1", "U_ANN"));
	}

	@Test
	void finishingHappensOnceDropsTheCutFromItsChannelAndStartsRetention() {
		this.store.insert(cut(REF, "C1"), JobChanges.NONE);
		this.store.vote(REF, "U_BOB", 1, Choice.SHIP, NOW, JobChanges.NONE);

		assertThat(this.store.finish(REF, CutStatus.CLOSED, NOW.plusSeconds(60), JobChanges.NONE)).isTrue();
		assertThat(this.store.finish(REF, CutStatus.CANCELLED, NOW.plusSeconds(61), JobChanges.NONE)).isFalse();

		Cut closed = this.store.find(REF).orElseThrow();
		assertThat(closed.status()).isEqualTo(CutStatus.CLOSED);
		assertThat(closed.closedAt()).isEqualTo(NOW.plusSeconds(60));
		assertThat(this.store.openIn("T1", "C1")).isEmpty();
		long ninetyDays = Duration.ofDays(90).toSeconds();
		assertThat(template.getExpire(Keys.cut(REF))).isBetween(ninetyDays - 5, ninetyDays);
		assertThat(template.getExpire(Keys.votes(REF))).isBetween(ninetyDays - 5, ninetyDays);
		assertThat(this.store.vote(REF, "U_BOB", 1, Choice.DEFER, NOW, JobChanges.NONE).outcome())
			.isEqualTo(VoteResult.Outcome.NOT_OPEN);
	}

	@Test
	void theMessageAndItsLastShowingAreRememberedButNeverCreateAStrayCut() {
		this.store.insert(cut(REF, "C1"), JobChanges.NONE);
		CutRef missing = new CutRef("T1", new CutId("ZZZZZ"));

		this.store.attachMessage(REF, "1700000000.000100");
		this.store.markShown(REF, NOW.plusSeconds(5), 0);
		this.store.attachMessage(missing, "1700000000.000200");
		this.store.markShown(missing, NOW, 0);

		CutSnapshot snapshot = this.store.snapshot(REF).orElseThrow();
		assertThat(snapshot.cut().messageTs()).isEqualTo("1700000000.000100");
		assertThat(snapshot.shownAt()).isEqualTo(NOW.plusSeconds(5));
		assertThat(this.store.snapshot(missing)).isEmpty();
		assertThat(template.hasKey(Keys.cut(missing))).isFalse();
	}

	@Test
	void aVoteLandingBetweenTheSnapshotAndMarkShownStaysUnshownForTheNextRefreshToMeasure() {
		this.store.insert(cut(REF, "C1"), JobChanges.NONE);
		this.store.attachMessage(REF, "1700000000.000100");
		this.store.vote(REF, "U_BOB", 1, Choice.SHIP, NOW, JobChanges.NONE);
		CutSnapshot sent = this.store.snapshot(REF).orElseThrow();
		assertThat(sent.unshownSince()).isEqualTo(NOW);

		// While chat.update is on its way, Ann votes.
		this.store.vote(REF, "U_ANN", 1, Choice.DEFER, NOW.plusSeconds(1), JobChanges.NONE);
		this.store.markShown(REF, NOW.plusSeconds(2), sent.version());

		CutSnapshot next = this.store.snapshot(REF).orElseThrow();
		assertThat(next.shownAt()).isEqualTo(NOW.plusSeconds(2));
		assertThat(next.version()).isEqualTo(sent.version() + 1);
		assertThat(next.unshownSince()).as("Ann's vote is not shown yet").isNotNull();

		// The next refresh shows everything: nothing is left unshown.
		this.store.markShown(REF, NOW.plusSeconds(3), next.version());
		CutSnapshot shown = this.store.snapshot(REF).orElseThrow();
		assertThat(shown.shownAt()).isEqualTo(NOW.plusSeconds(3));
		assertThat(shown.unshownSince()).isNull();
		assertThat(template.opsForHash().hasKey(Keys.cut(REF), CutHash.UNSHOWN_SINCE)).isFalse();
	}

	@Test
	void concurrentVotesFromManyClientsEndInExactTallies() throws Exception {
		this.store.insert(cut(REF, "C1"), JobChanges.NONE);
		ExecutorService pool = Executors.newFixedThreadPool(16);
		List<Future<?>> clicks = new java.util.ArrayList<>();
		for (int voter = 0; voter < 40; voter++) {
			String user = "U" + voter;
			Choice last = (voter % 3 == 0) ? Choice.DEFER : Choice.SHIP;
			clicks.add(pool.submit(() -> {
				for (int round = 0; round < 5; round++) {
					for (int item = 1; item <= 3; item++) {
						this.store.vote(REF, user, item, (round % 2 == 0) ? Choice.SHIP : Choice.DEFER, NOW,
								JobChanges.NONE);
					}
				}
				for (int item = 1; item <= 3; item++) {
					this.store.vote(REF, user, item, last, NOW, JobChanges.NONE);
				}
			}));
		}
		for (Future<?> click : clicks) {
			click.get();
		}
		pool.shutdown();

		CutSnapshot snapshot = this.store.snapshot(REF).orElseThrow();
		assertThat(snapshot.tally().voterCount()).isEqualTo(40);
		snapshot.tally().items().forEach((item) -> {
			assertThat(item.defer()).isEqualTo(14);
			assertThat(item.ship()).isEqualTo(26);
		});
	}

	/** A cut of Ann's or another facilitator's, numbered so that each id is its own. */
	static Cut started(int number, String channel, String facilitator) {
		CutRef ref = new CutRef("T1", new CutId("Q" + "%04d".formatted(number).replace('0', 'Z').replace('1', 'Y')));
		return Cut.open(ref, channel, facilitator, new CutDraft("Cut " + number, List.of("a"),
				new CutSettings("", NOW.plus(Duration.ofHours(24)), 0, 0, false)), NOW);
	}

	@Test
	void aChannelWithTheMostOpenCutsTakesNoOtherUntilOneFinishes() {
		for (int i = 0; i < CutStore.MAX_OPEN_IN_CHANNEL; i++) {
			assertThat(this.store.insert(started(i, "C1", "U" + i + "X"), JobChanges.NONE))
				.isEqualTo(InsertOutcome.INSERTED);
		}
		Cut oneMore = started(100, "C1", "U_NEW");

		assertThat(this.store.insert(oneMore, JobChanges.NONE)).isEqualTo(InsertOutcome.CHANNEL_FULL);
		assertThat(this.store.find(oneMore.ref())).isEmpty();
		assertThat(this.store.insert(started(101, "C2", "U_NEW"), JobChanges.NONE)).isEqualTo(InsertOutcome.INSERTED);
		this.store.finish(started(0, "C1", "U0X").ref(), CutStatus.CANCELLED, NOW, JobChanges.NONE);
		assertThat(this.store.insert(oneMore, JobChanges.NONE)).isEqualTo(InsertOutcome.INSERTED);
	}

	@Test
	void someoneWithTheMostOpenCutsInTheWorkspaceStartsNoOtherInAnyChannelUntilOneFinishes() {
		for (int i = 0; i < CutStore.MAX_OPEN_BY_FACILITATOR; i++) {
			assertThat(this.store.insert(started(i, "C" + i + "X", "U_ANN"), JobChanges.NONE))
				.isEqualTo(InsertOutcome.INSERTED);
		}
		Cut oneMore = started(100, "C_NEW", "U_ANN");

		assertThat(this.store.insert(oneMore, JobChanges.NONE)).isEqualTo(InsertOutcome.FACILITATOR_FULL);
		assertThat(this.store.find(oneMore.ref())).isEmpty();
		assertThat(this.store.openIn("T1", "C_NEW")).isEmpty();
		assertThat(this.store.insert(started(101, "C_NEW", "U_BOB"), JobChanges.NONE))
			.isEqualTo(InsertOutcome.INSERTED);
		this.store.finish(started(3, "C3X", "U_ANN").ref(), CutStatus.CLOSED, NOW, JobChanges.NONE);
		assertThat(this.store.insert(oneMore, JobChanges.NONE)).isEqualTo(InsertOutcome.INSERTED);
	}

	@Test
	void startsRacingAtTheLimitNeverPassIt() throws Exception {
		for (int i = 0; i < CutStore.MAX_OPEN_BY_FACILITATOR - 1; i++) {
			this.store.insert(started(i, "C" + i + "X", "U_ANN"), JobChanges.NONE);
		}
		ExecutorService pool = Executors.newFixedThreadPool(16);
		CountDownLatch ready = new CountDownLatch(1);
		List<Future<InsertOutcome>> starts = new java.util.ArrayList<>();
		for (int i = 0; i < 32; i++) {
			Cut cut = started(100 + i, "C_RACE", "U_ANN");
			starts.add(pool.submit(() -> {
				ready.await();
				return this.store.insert(cut, JobChanges.NONE);
			}));
		}
		ready.countDown();
		List<InsertOutcome> outcomes = new java.util.ArrayList<>();
		for (Future<InsertOutcome> start : starts) {
			outcomes.add(start.get());
		}
		pool.shutdown();

		assertThat(outcomes).containsOnlyOnce(InsertOutcome.INSERTED);
		assertThat(template.opsForZSet().size(Keys.openBy("T1", "U_ANN"))).isEqualTo(CutStore.MAX_OPEN_BY_FACILITATOR);
		assertThat(this.store.openIn("T1", "C_RACE")).hasSize(1);
	}

}
