package dev.scopecut.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;

import dev.scopecut.slack.blocks.Replies;
import dev.scopecut.cut.Ballots;
import dev.scopecut.cut.Choice;
import dev.scopecut.cut.Cut;
import dev.scopecut.cut.CutDraft;
import dev.scopecut.cut.CutId;
import dev.scopecut.cut.CutRef;
import dev.scopecut.cut.CutSettings;
import dev.scopecut.cut.CutStatus;
import dev.scopecut.cut.InvalidCutException;
import dev.scopecut.app.port.CutNotifier;
import dev.scopecut.app.port.CutSnapshot;
import dev.scopecut.app.port.CutStore;
import dev.scopecut.app.port.InsertOutcome;
import dev.scopecut.app.port.Job;
import dev.scopecut.app.port.JobChanges;
import dev.scopecut.app.port.JobQueue;
import dev.scopecut.app.port.NotifyFailedException;
import dev.scopecut.app.port.RetryLaterException;
import dev.scopecut.app.port.StoreUnavailableException;
import dev.scopecut.app.port.VoteResult;
import dev.scopecut.app.port.VoterChoices;
import dev.scopecut.app.port.WorkspaceCuts;
import dev.scopecut.support.Worded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

class CutServiceTests {

	private static final Instant NOW = Instant.parse("2030-01-01T09:00:00Z");

	private static final Instant DEADLINE = NOW.plus(Duration.ofHours(2));

	private static final String WORKSPACE = "T0123ABCD";

	private static final String CHANNEL = "C0123ABCD";

	private static final String FACILITATOR = "U_FACILITATOR";

	private CutStore store;

	private JobQueue jobs;

	private CutNotifier notifier;

	private CutService service;

	private final WorkspaceCuts workspaceCuts = mock(WorkspaceCuts.class);

	@BeforeEach
	void setUp() {
		this.store = mock(CutStore.class);
		this.jobs = mock(JobQueue.class);
		this.notifier = mock(CutNotifier.class);
		this.service = new CutService(this.store, this.workspaceCuts, this.jobs, this.notifier,
				Clock.fixed(NOW, ZoneOffset.UTC), new SplittableRandom(7));
	}

	@Test
	void startStoresAnOpenCutAndSchedulesItsCloseAtTheDeadline() {
		given(this.store.insert(any(), any())).willReturn(InsertOutcome.INSERTED);

		Cut cut = this.service.start(new StartCut(WORKSPACE, CHANNEL, FACILITATOR, draft()));

		assertThat(cut.status()).isEqualTo(CutStatus.OPEN);
		assertThat(cut.ref().workspace()).isEqualTo(WORKSPACE);
		assertThat(cut.channel()).isEqualTo(CHANNEL);
		assertThat(cut.facilitator()).isEqualTo(FACILITATOR);
		assertThat(cut.createdAt()).isEqualTo(NOW);
		assertThat(cut.items()).extracting((item) -> item.id() + " " + item.text())
			.containsExactly("1 email signup", "2 share link");
		// Saved with the cut: its close and, a two-hour cut, one reminder, an hour before
		// its deadline, which is also halfway.
		verify(this.store).insert(cut, JobChanges.NONE.schedule(new Job(Job.Kind.CLOSE, cut.ref()), DEADLINE)
			.schedule(new Job(Job.Kind.REMIND, cut.ref()), DEADLINE.minus(Duration.ofHours(1))));
		verifyNoInteractions(this.jobs);
		verifyNoInteractions(this.notifier);
	}

	@Test
	void startTriesAnotherIdWhenTheFirstIsTaken() {
		given(this.store.insert(any(), any())).willReturn(InsertOutcome.ID_TAKEN, InsertOutcome.ID_TAKEN,
				InsertOutcome.INSERTED);

		Cut cut = this.service.start(new StartCut(WORKSPACE, CHANNEL, FACILITATOR, draft()));

		ArgumentCaptor<Cut> tried = ArgumentCaptor.forClass(Cut.class);
		ArgumentCaptor<JobChanges> jobs = ArgumentCaptor.forClass(JobChanges.class);
		verify(this.store, times(3)).insert(tried.capture(), jobs.capture());
		assertThat(tried.getAllValues()).extracting((attempt) -> attempt.ref().id()).doesNotHaveDuplicates();
		assertThat(cut).isSameAs(tried.getAllValues().get(2));
		assertThat(jobs.getAllValues().get(2))
			.isEqualTo(JobChanges.NONE.schedule(new Job(Job.Kind.CLOSE, cut.ref()), DEADLINE)
				.schedule(new Job(Job.Kind.REMIND, cut.ref()), DEADLINE.minus(Duration.ofHours(1))));
		verifyNoInteractions(this.jobs);
	}

	@ParameterizedTest
	@EnumSource(value = InsertOutcome.class, names = { "CHANNEL_FULL", "FACILITATOR_FULL" })
	void aStartPastALimitOnOpenCutsIsRefusedNamingTheLimitAndSchedulesNothing(InsertOutcome full) {
		given(this.store.insert(any(), any())).willReturn(full);

		assertThatExceptionOfType(InvalidCutException.class)
			.isThrownBy(() -> this.service.start(new StartCut(WORKSPACE, CHANNEL, FACILITATOR, draft())))
			.satisfies((refusal) -> assertThat(Worded.text(refusal)).contains("already")
				.contains("10 open cuts")
				.contains("close or cancel one"));
		verify(this.store, times(1)).insert(any(), any());
		verifyNoInteractions(this.jobs, this.notifier);
	}

	@Test
	void aStartWithADeadlineMoreThanAYearAwayIsRefusedOnTheDeadline() {
		CutDraft draft = new CutDraft("Far", List.of("a"),
				CutSettings.quickStart(NOW.plus(CutService.LONGEST_OPEN).plusSeconds(60)));

		assertThatExceptionOfType(InvalidCutException.class)
			.isThrownBy(() -> this.service.start(new StartCut(WORKSPACE, CHANNEL, FACILITATOR, draft)))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo(InvalidCutException.Field.DEADLINE));
		verifyNoInteractions(this.store, this.jobs);
	}

	@Test
	void startGivesUpWithoutSchedulingAnythingWhenNoIdIsFree() {
		given(this.store.insert(any(), any())).willReturn(InsertOutcome.ID_TAKEN);

		assertThatIllegalStateException()
			.isThrownBy(() -> this.service.start(new StartCut(WORKSPACE, CHANNEL, FACILITATOR, draft())))
			.withMessageContaining("no free cut id");
		verify(this.store, times(8)).insert(any(), any());
		verifyNoInteractions(this.jobs, this.notifier);
	}

	@Test
	void quickStartCutsCloseADayFromNow() {
		CutSettings settings = this.service.quickStartSettings();

		assertThat(settings.deadline()).isEqualTo(NOW.plus(Duration.ofHours(24)));
		assertThat(settings.hasCapacity()).isFalse();
		assertThat(settings.hasQuorum()).isFalse();
		assertThat(settings.anonymous()).isFalse();
	}

	@Test
	void publishPostsTheNewCutAndRemembersItsMessage() {
		Cut cut = openCut("K7M2Q");
		given(this.notifier.post(any())).willReturn("1700000000.000100");

		this.service.publish(cut);

		ArgumentCaptor<CutSnapshot> posted = ArgumentCaptor.forClass(CutSnapshot.class);
		verify(this.notifier).post(posted.capture());
		assertThat(posted.getValue().cut()).isEqualTo(cut);
		assertThat(posted.getValue().ballots().byVoter()).isEmpty();
		assertThat(posted.getValue().version()).isZero();
		assertThat(posted.getValue().shownAt()).isNull();
		verify(this.store).attachMessage(cut.ref(), "1700000000.000100");
		verify(this.store, never()).finish(any(), any(), any(), any());
		verify(this.jobs, never()).schedule(eq(new Job(Job.Kind.REFRESH, cut.ref())), any());
	}

	@Test
	void publishPostsTheCutThenKeepsTheChannelsMembersAndRefreshesItToCountThem() {
		Cut cut = openCut("K7M2Q");
		given(this.notifier.members(cut)).willReturn(Optional.of(List.of("U_ANN", "U_BOB")));
		given(this.store.setMembers(eq(cut.ref()), eq(List.of("U_ANN", "U_BOB")), any())).willReturn(true);
		given(this.notifier.post(any())).willReturn("1700000000.000100");

		this.service.publish(cut);

		InOrder order = inOrder(this.store, this.notifier, this.jobs);
		order.verify(this.notifier).post(any());
		order.verify(this.store).attachMessage(cut.ref(), "1700000000.000100");
		order.verify(this.store).setMembers(eq(cut.ref()), eq(List.of("U_ANN", "U_BOB")), any());
		order.verify(this.jobs).schedule(new Job(Job.Kind.REFRESH, cut.ref()), NOW);
	}

	@Test
	void publishPostsACutCountingNobodyWhenItsMembersCannotBeKnown() {
		Cut cut = openCut("K7M2Q");
		given(this.notifier.post(any())).willReturn("1700000000.000100");

		this.service.publish(cut);

		ArgumentCaptor<CutSnapshot> posted = ArgumentCaptor.forClass(CutSnapshot.class);
		verify(this.notifier).post(posted.capture());
		assertThat(posted.getValue().cut().eligibleVoters()).isEmpty();
		verify(this.store, never()).setMembers(any(), any(), any());
	}

	@Test
	void publishCountsTheMembersByAJobAfterTheWaitWhenSlackAsksToWait() {
		Cut cut = openCut("K7M2Q");
		given(this.notifier.members(cut))
			.willThrow(new RetryLaterException("rate limited (429)", Duration.ofSeconds(7)));
		given(this.notifier.post(any())).willReturn("1700000000.000100");

		this.service.publish(cut);

		verify(this.store).attachMessage(cut.ref(), "1700000000.000100");
		verify(this.jobs).schedule(new Job(Job.Kind.COUNT_MEMBERS, cut.ref()), NOW.plusSeconds(7));
		verify(this.store, never()).setMembers(any(), any(), any());
		verify(this.store, never()).finish(any(), any(), any(), any());
		verify(this.jobs, never()).schedule(eq(new Job(Job.Kind.REFRESH, cut.ref())), any());
	}

	@Test
	void countingLateClosesACutSetToCloseWhenEveryoneVotedOnceItsMembersAllHave() {
		Cut cut = closingWhenAllVoted();
		given(this.notifier.members(cut)).willReturn(Optional.of(List.of("U_ANN", "U_BOB")));
		given(this.store.setMembers(eq(cut.ref()), eq(List.of("U_ANN", "U_BOB")), any())).willReturn(true);
		given(this.store.snapshot(cut.ref())).willReturn(Optional.of(votedOnBothBy(cut, "U_ANN", "U_BOB")));
		given(this.store.finish(eq(cut.ref()), eq(CutStatus.CLOSED), eq(NOW), any())).willReturn(true);

		assertThat(this.service.countMembers(cut)).isTrue();

		verify(this.store).finish(cut.ref(), CutStatus.CLOSED, NOW,
				JobChanges.NONE.schedule(new Job(Job.Kind.REFRESH, cut.ref()), NOW)
					.schedule(new Job(Job.Kind.ANNOUNCE, cut.ref()), NOW)
					.complete(new Job(Job.Kind.CLOSE, cut.ref()))
					.complete(new Job(Job.Kind.REMIND, cut.ref())));
	}

	@Test
	void countingLateLeavesOpenACutWhoseMembersHaveNotAllVoted() {
		Cut cut = closingWhenAllVoted();
		given(this.notifier.members(cut)).willReturn(Optional.of(List.of("U_ANN", "U_BOB")));
		given(this.store.setMembers(eq(cut.ref()), eq(List.of("U_ANN", "U_BOB")), any())).willReturn(true);
		given(this.store.snapshot(cut.ref())).willReturn(Optional.of(votedOnBothBy(cut, "U_ANN")));

		assertThat(this.service.countMembers(cut)).isTrue();

		verify(this.store, never()).finish(any(), any(), any(), any());
	}

	@Test
	void countingACutNoLongerOpenKeepsNothingAndClosesNothing() {
		Cut cut = closingWhenAllVoted();
		given(this.notifier.members(cut)).willReturn(Optional.of(List.of("U_ANN")));

		assertThat(this.service.countMembers(cut)).isFalse();

		verify(this.store, never()).snapshot(any());
		verify(this.store, never()).finish(any(), any(), any(), any());
	}

	@Test
	void publishStillPostsTheCutUncountedWhenItsMembersCannotBeStored() {
		Cut cut = openCut("K7M2Q");
		given(this.notifier.members(cut)).willReturn(Optional.of(List.of("U_ANN")));
		given(this.store.setMembers(any(), any(), any())).willThrow(new StoreUnavailableException("down", null));
		given(this.notifier.post(any())).willReturn("1700000000.000100");

		this.service.publish(cut);

		verify(this.store).attachMessage(cut.ref(), "1700000000.000100");
		verify(this.jobs, never()).schedule(eq(new Job(Job.Kind.REFRESH, cut.ref())), any());
	}

	@Test
	void publishAsksForNoMembersWhenVotersWereChosen() {
		CutSettings settings = new CutSettings("", DEADLINE, 0, 0, false, List.of("U_ANN"), true);
		Cut cut = Cut.open(ref("K7M2Q"), CHANNEL, FACILITATOR,
				new CutDraft("Sharing app 0.1", List.of("email signup"), settings), NOW);
		given(this.notifier.post(any())).willReturn("1700000000.000100");

		this.service.publish(cut);

		verify(this.notifier, never()).members(any());
		verify(this.store, never()).setMembers(any(), any(), any());
	}

	@Test
	void publishRefreshesTheMessageWhenVotesOrACloseCameWhileItWasBeingPosted() {
		Cut cut = openCut("K7M2Q");
		given(this.notifier.post(any())).willReturn("1700000000.000100");
		given(this.store.version(cut.ref())).willReturn(3L);

		this.service.publish(cut);

		InOrder order = inOrder(this.store, this.jobs);
		order.verify(this.store).attachMessage(cut.ref(), "1700000000.000100");
		order.verify(this.jobs).schedule(new Job(Job.Kind.REFRESH, cut.ref()), NOW);
	}

	@Test
	void publishCancelsTheCutAndRethrowsWhenSlackRefuses() {
		Cut cut = openCut("K7M2Q");
		NotifyFailedException refusal = new NotifyFailedException("not_in_channel");
		given(this.notifier.post(any())).willThrow(refusal);

		assertThatThrownBy(() -> this.service.publish(cut)).isSameAs(refusal);
		verify(this.store).finish(eq(cut.ref()), eq(CutStatus.CANCELLED), eq(NOW), any());
		verify(this.store, never()).attachMessage(any(), any());
	}

	@Test
	void publishCancelsTheCutAndRethrowsWhenSlackAsksToWait() {
		Cut cut = openCut("K7M2Q");
		RetryLaterException wait = new RetryLaterException("rate limited", Duration.ofSeconds(3));
		given(this.notifier.post(any())).willThrow(wait);

		assertThatThrownBy(() -> this.service.publish(cut)).isSameAs(wait);
		verify(this.store).finish(eq(cut.ref()), eq(CutStatus.CANCELLED), eq(NOW), any());
		verify(this.store, never()).attachMessage(any(), any());
	}

	@ParameterizedTest
	@EnumSource(value = VoteResult.Outcome.class, names = { "RECORDED", "CHANGED" })
	void aVoteThatAsksForARefreshSchedulesOneNow(VoteResult.Outcome outcome) {
		CutRef ref = ref("K7M2Q");
		VoteResult result = new VoteResult(outcome, "email signup", true);
		given(this.store.vote(eq(ref), eq("U1"), eq(1), eq(Choice.SHIP), eq(NOW), any())).willReturn(result);

		assertThat(this.service.vote(new CastVote(ref, "U1", 1, Choice.SHIP))).isSameAs(result);

		// Saved by the store with the vote, when it asks.
		verify(this.store).vote(ref, "U1", 1, Choice.SHIP, NOW,
				JobChanges.NONE.schedule(new Job(Job.Kind.REFRESH, ref), NOW));
		verifyNoInteractions(this.jobs);
	}

	@ParameterizedTest
	@EnumSource(value = VoteResult.Outcome.class)
	void aVoteThatAsksForNoRefreshSchedulesNone(VoteResult.Outcome outcome) {
		CutRef ref = ref("K7M2Q");
		VoteResult result = new VoteResult(outcome, "", false);
		given(this.store.vote(eq(ref), eq("U1"), eq(2), eq(Choice.DEFER), eq(NOW), any())).willReturn(result);

		assertThat(this.service.vote(new CastVote(ref, "U1", 2, Choice.DEFER))).isSameAs(result);

		verifyNoInteractions(this.jobs);
	}

	@Test
	void aVotersOwnChoicesAreReadFromTheStoreAndChangeNothing() {
		Cut cut = openCut("K7M2Q");
		VoterChoices mine = new VoterChoices(cut, java.util.Map.of(1, Choice.DEFER));
		given(this.store.choicesOf(cut.ref(), "U_BOB")).willReturn(Optional.of(mine));

		assertThat(this.service.choicesOf(cut.ref(), "U_BOB")).contains(mine);
		verifyNoInteractions(this.jobs, this.notifier);
	}

	@Test
	void aCloseEarlyThatCannotReachTheStoreLeavesTheVoteRecorded() {
		CutRef ref = ref("K7M2Q");
		VoteResult result = new VoteResult(VoteResult.Outcome.RECORDED, "create project", false, true);
		given(this.store.vote(eq(ref), eq("U1"), eq(2), eq(Choice.SHIP), eq(NOW), any())).willReturn(result);
		given(this.store.finish(eq(ref), eq(CutStatus.CLOSED), eq(NOW), any()))
			.willThrow(new StoreUnavailableException("down", null));

		assertThat(this.service.vote(new CastVote(ref, "U1", 2, Choice.SHIP))).isSameAs(result);
	}

	@Test
	void aDeadlineThatIsNotInTheFutureIsRefusedAndNothingIsStored() {
		CutDraft late = new CutDraft("Sharing app 0.1", List.of("email signup"), new CutSettings("", NOW, 0, 0, false));

		assertThatExceptionOfType(InvalidCutException.class)
			.isThrownBy(() -> this.service.start(new StartCut(WORKSPACE, CHANNEL, FACILITATOR, late)))
			.extracting(InvalidCutException::field)
			.isEqualTo(InvalidCutException.Field.DEADLINE);
		verifyNoInteractions(this.store, this.jobs, this.notifier);
	}

	@Test
	void theVoteThatCompletesACloseEarlyCutClosesIt() {
		CutRef ref = ref("K7M2Q");
		given(this.store.vote(eq(ref), eq("U1"), eq(2), eq(Choice.SHIP), eq(NOW), any()))
			.willReturn(new VoteResult(VoteResult.Outcome.RECORDED, "create project", false, true));
		given(this.store.finish(eq(ref), eq(CutStatus.CLOSED), eq(NOW), any())).willReturn(true);

		this.service.vote(new CastVote(ref, "U1", 2, Choice.SHIP));

		verify(this.store).finish(ref, CutStatus.CLOSED, NOW,
				JobChanges.NONE.schedule(new Job(Job.Kind.REFRESH, ref), NOW)
					.schedule(new Job(Job.Kind.ANNOUNCE, ref), NOW)
					.complete(new Job(Job.Kind.CLOSE, ref))
					.complete(new Job(Job.Kind.REMIND, ref)));
	}

	@Test
	void closeBySomeoneOtherThanTheFacilitatorIsRefusedAndChangesNothing() {
		Cut cut = openCut("K7M2Q");

		FinishResult result = this.service.close(new CloseCut(cut, "U_SOMEONE_ELSE"));

		assertThat(result.outcome()).isEqualTo(FinishResult.Outcome.NOT_FACILITATOR);
		verifyNoInteractions(this.store, this.jobs, this.notifier);
	}

	@Test
	void cancelBySomeoneOtherThanTheFacilitatorIsRefusedAndChangesNothing() {
		Cut cut = openCut("K7M2Q");

		FinishResult result = this.service.cancel(new CancelCut(cut, "U_SOMEONE_ELSE"));

		assertThat(result.outcome()).isEqualTo(FinishResult.Outcome.NOT_FACILITATOR);
		verifyNoInteractions(this.store, this.jobs, this.notifier);
	}

	@Test
	void closeRefreshesTheMessageAnnouncesTheDecisionAndDropsTheDeadline() {
		Cut cut = openCut("K7M2Q");
		given(this.store.finish(eq(cut.ref()), eq(CutStatus.CLOSED), eq(NOW), any())).willReturn(true);

		FinishResult result = this.service.close(new CloseCut(cut, FACILITATOR));

		assertThat(result.outcome()).isEqualTo(FinishResult.Outcome.DONE);
		verify(this.store).finish(cut.ref(), CutStatus.CLOSED, NOW,
				JobChanges.NONE.schedule(new Job(Job.Kind.REFRESH, cut.ref()), NOW)
					.schedule(new Job(Job.Kind.ANNOUNCE, cut.ref()), NOW)
					.complete(new Job(Job.Kind.CLOSE, cut.ref()))
					.complete(new Job(Job.Kind.REMIND, cut.ref())));
		verifyNoInteractions(this.jobs);
		verifyNoInteractions(this.notifier);
	}

	@Test
	void cancelRefreshesTheMessageButAnnouncesNothing() {
		Cut cut = openCut("K7M2Q");
		given(this.store.finish(eq(cut.ref()), eq(CutStatus.CANCELLED), eq(NOW), any())).willReturn(true);

		FinishResult result = this.service.cancel(new CancelCut(cut, FACILITATOR));

		assertThat(result.outcome()).isEqualTo(FinishResult.Outcome.DONE);
		// No announcement.
		verify(this.store).finish(cut.ref(), CutStatus.CANCELLED, NOW,
				JobChanges.NONE.schedule(new Job(Job.Kind.REFRESH, cut.ref()), NOW)
					.complete(new Job(Job.Kind.CLOSE, cut.ref()))
					.complete(new Job(Job.Kind.REMIND, cut.ref())));
		verifyNoInteractions(this.jobs);
	}

	@Test
	void closingACutThatIsNoLongerOpenSaysSoAndSchedulesNothing() {
		Cut cut = openCut("K7M2Q");
		given(this.store.finish(eq(cut.ref()), eq(CutStatus.CLOSED), eq(NOW), any())).willReturn(false);

		FinishResult result = this.service.close(new CloseCut(cut, FACILITATOR));

		assertThat(result.outcome()).isEqualTo(FinishResult.Outcome.NOT_OPEN);
		verifyNoInteractions(this.jobs, this.notifier);
	}

	@Test
	void resolveFindsTheCutNamedById() {
		Cut cut = openCut("K7M2Q");
		given(this.store.find(cut.ref())).willReturn(Optional.of(cut));

		assertThat(this.service.resolve(WORKSPACE, CHANNEL, "U_BOB", CutId.parse("k7m2q"))).isSameAs(cut);
		verify(this.store, never()).openIn(any(), any());
	}

	@Test
	void resolveSaysSoWhenTheNamedCutIsNotInTheWorkspace() {
		given(this.store.find(ref("K7M2Q"))).willReturn(Optional.empty());

		assertThat(wordedLookup(() -> this.service.resolve(WORKSPACE, CHANNEL, "U_BOB", CutId.parse("K7M2Q")), "close"))
			.isEqualTo("There is no cut `K7M2Q` in this workspace.");
	}

	@Test
	void resolveWithoutAnIdTellsHowToStartACutWhenTheChannelHasNone() {
		given(this.store.openIn(WORKSPACE, CHANNEL)).willReturn(List.of());

		assertThat(wordedLookup(() -> this.service.resolve(WORKSPACE, CHANNEL, "U_BOB", Optional.empty()), "close"))
			.isEqualTo("This channel has no open cut. Start one with `/scopecut Title: item; item`.");
	}

	@Test
	void resolveWithoutAnIdTakesTheChannelsOnlyOpenCut() {
		Cut cut = openCut("K7M2Q");
		given(this.store.openIn(WORKSPACE, CHANNEL)).willReturn(List.of(cut));

		assertThat(this.service.resolve(WORKSPACE, CHANNEL, "U_BOB", Optional.empty())).isSameAs(cut);
	}

	@Test
	void resolveWithoutAnIdAsksWhichOneWhenTheChannelHasTwoOpenCuts() {
		given(this.store.openIn(WORKSPACE, CHANNEL)).willReturn(List.of(openCut("AAAAA"), openCut("BBBBB")));

		assertThat(wordedLookup(() -> this.service.resolve(WORKSPACE, CHANNEL, "U_BOB", Optional.empty()), "close"))
			.isEqualTo("This channel has 2 open cuts (`AAAAA`, `BBBBB`): name one, e.g. `/scopecut close AAAAA`.");
	}

	@Test
	void resolveWithoutAnIdListsTheOpenCutsAndShowsHowToNameOneWhenThereAreSeveral() {
		given(this.store.openIn(WORKSPACE, CHANNEL))
			.willReturn(List.of(openCut("AAAAA"), openCut("BBBBB"), openCut("CCCCC")));

		assertThat(wordedLookup(() -> this.service.resolve(WORKSPACE, CHANNEL, "U_BOB", Optional.empty()), "cancel"))
			.isEqualTo("This channel has 3 open cuts (`AAAAA`, `BBBBB`, `CCCCC`): name one, e.g."
					+ " `/scopecut cancel AAAAA`.");
	}

	@Test
	void exportReadsTheNamedCutFromAnyChannelForItsFacilitatorWithItsVotesAndWhenTheyWereRead() {
		Cut cut = openCut("K7M2Q");
		CutSnapshot snapshot = new CutSnapshot(cut, Ballots.NONE, 3, null);
		given(this.store.find(ref("K7M2Q"))).willReturn(Optional.of(cut));
		given(this.store.snapshot(ref("K7M2Q"))).willReturn(Optional.of(snapshot));

		CutReading reading = this.service.export(WORKSPACE, "C0THER", FACILITATOR, CutId.parse("k7m2q"));

		assertThat(reading.snapshot()).isSameAs(snapshot);
		assertThat(reading.readAt()).isEqualTo(NOW);
		verifyNoInteractions(this.jobs, this.notifier);
	}

	@Test
	void aCutNamedFromAnotherChannelBySomeoneItDoesNotBelongToIsAnsweredAsNoSuchCut() {
		given(this.store.find(ref("K7M2Q"))).willReturn(Optional.of(openCut("K7M2Q").withMembers(List.of("U_BOB"))));

		assertThat(
				wordedLookup(() -> this.service.export(WORKSPACE, "C0THER", "U_EVE", CutId.parse("K7M2Q")), "export"))
			.isEqualTo("There is no cut `K7M2Q` in this workspace.");
		assertThat(this.service.resolve(WORKSPACE, "D0BOB", "U_BOB", CutId.parse("K7M2Q")).ref())
			.isEqualTo(ref("K7M2Q"));
		verify(this.store, never()).snapshot(any());
	}

	@Test
	void myChoicesAskedFromAnotherChannelBySomeoneTheCutDoesNotBelongToAreAnsweredAsNoSuchCut() {
		Cut cut = openCut("K7M2Q");
		given(this.store.choicesOf(cut.ref(), "U_EVE")).willReturn(Optional.of(new VoterChoices(cut, Map.of())));

		assertThat(this.service.choicesOf(cut.ref(), "U_EVE", "C0THER")).isEmpty();
		assertThat(this.service.choicesOf(cut.ref(), "U_EVE", CHANNEL)).isPresent();
	}

	@Test
	void exportWithoutAnIdTakesTheChannelsOnlyOpenCut() {
		Cut cut = openCut("K7M2Q");
		CutSnapshot snapshot = new CutSnapshot(cut, Ballots.NONE, 0, null);
		given(this.store.openIn(WORKSPACE, CHANNEL)).willReturn(List.of(cut));
		given(this.store.snapshot(cut.ref())).willReturn(Optional.of(snapshot));

		assertThat(this.service.export(WORKSPACE, CHANNEL, "U_BOB", Optional.empty()).snapshot()).isSameAs(snapshot);
	}

	@Test
	void exportWithoutAnIdInAChannelWithNoOpenCutSaysHowToNameAClosedOne() {
		given(this.store.openIn(WORKSPACE, CHANNEL)).willReturn(List.of());

		assertThat(wordedLookup(() -> this.service.export(WORKSPACE, CHANNEL, "U_BOB", Optional.empty()), "export"))
			.contains("no open cut")
			.contains("`/scopecut export ID`");
	}

	@Test
	void exportOfACutThatExpiredMeanwhileSaysItIsNotThere() {
		given(this.store.find(ref("K7M2Q"))).willReturn(Optional.of(openCut("K7M2Q")));
		given(this.store.snapshot(ref("K7M2Q"))).willReturn(Optional.empty());

		assertThat(wordedLookup(() -> this.service.export(WORKSPACE, CHANNEL, "U_BOB", CutId.parse("K7M2Q")), "export"))
			.isEqualTo("There is no cut `K7M2Q` in this workspace.");
	}

	private static Cut closingWhenAllVoted() {
		CutSettings settings = new CutSettings("", DEADLINE, 0, 0, false, List.of(), true);
		return Cut.open(ref("K7M2Q"), CHANNEL, FACILITATOR,
				new CutDraft("Sharing app 0.1", List.of("email signup", "share link"), settings), NOW);
	}

	private static CutSnapshot votedOnBothBy(Cut cut, String... voters) {
		Map<String, Map<Integer, Choice>> byVoter = new HashMap<>();
		for (String voter : voters) {
			byVoter.put(voter, Map.of(1, Choice.SHIP, 2, Choice.DEFER));
		}
		return new CutSnapshot(cut, new Ballots(byVoter), 2, null);
	}

	private static CutDraft draft() {
		return new CutDraft("Sharing app 0.1", List.of("email signup", "share link"),
				new CutSettings("What do we learn?", DEADLINE, 0, 0, false));
	}

	private static CutRef ref(String id) {
		return new CutRef(WORKSPACE, new CutId(id));
	}

	private static Cut openCut(String id) {
		return Cut.open(ref(id), CHANNEL, FACILITATOR, draft(), NOW);
	}

	/** What the Slack side tells the person for the lookup {@code call} refuses. */
	private static String wordedLookup(Runnable call, String verb) {
		try {
			call.run();
		}
		catch (CutLookupException ex) {
			return Replies.lookup(ex, verb);
		}
		throw new AssertionError("expected a CutLookupException");
	}

}
