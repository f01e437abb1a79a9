package dev.scopecut.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.scopecut.cut.Cut;
import dev.scopecut.cut.CutDetails;
import dev.scopecut.cut.CutDraft;
import dev.scopecut.cut.CutId;
import dev.scopecut.cut.CutRef;
import dev.scopecut.cut.CutSettings;
import dev.scopecut.cut.CutStatus;
import dev.scopecut.cut.Edit;
import dev.scopecut.cut.InvalidCutException;
import dev.scopecut.app.port.CutNotifier;
import dev.scopecut.app.port.CutSnapshot;
import dev.scopecut.app.port.CutStore;
import dev.scopecut.app.port.EditOutcome;
import dev.scopecut.app.port.Job;
import dev.scopecut.app.port.JobChanges;
import dev.scopecut.app.port.JobQueue;
import dev.scopecut.app.port.WorkspaceCuts;
import dev.scopecut.support.Worded;

class CutEditServiceTests {

	private static final Instant NOW = Instant.parse("2030-01-01T09:00:00Z");

	private static final Instant DEADLINE = NOW.plus(Duration.ofHours(2));

	private static final CutRef REF = new CutRef("T1", new CutId("K7M2Q"));

	private static final String FACILITATOR = "U_ANN";

	private CutStore store;

	static final JobChanges REFRESH_NOW = JobChanges.NONE.schedule(new Job(Job.Kind.REFRESH, REF), NOW);

	private JobQueue jobs;

	private CutService cuts;

	private CutEditService service;

	private final WorkspaceCuts workspaceCuts = mock(WorkspaceCuts.class);

	private Cut cut;

	/** The fingerprint of the new cut's details, as its Edit form read them. */
	private static final String AS_READ = new CutDetails("Sharing app", "", 0, 0).fingerprint();

	@BeforeEach
	void setUp() {
		this.store = mock(CutStore.class);
		this.jobs = mock(JobQueue.class);
		Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
		this.cuts = new CutService(this.store, this.workspaceCuts, this.jobs, mock(CutNotifier.class), clock,
				new SplittableRandom(7));
		this.service = new CutEditService(this.store, this.cuts, clock);
		this.cut = Cut.open(REF, "C1", FACILITATOR,
				new CutDraft("Sharing app", List.of("email signup", "dark mode"), CutSettings.quickStart(DEADLINE)),
				NOW.minusSeconds(60));
	}

	@Test
	void addingAnItemStoresItWithItsEditAndRefreshesTheMessage() {
		given(this.store.addItem(any(), any(), anyInt(), any(), any())).willReturn(EditOutcome.DONE);

		EditResult result = this.service.addItem(new AddItem(this.cut, FACILITATOR, " sso "));

		Edit edit = new Edit(Edit.Kind.ADD, NOW, FACILITATOR, "sso");
		assertThat(result).isEqualTo(new EditResult(EditResult.Outcome.DONE, this.cut, edit));
		verify(this.store).addItem(REF, "sso", 30, edit, REFRESH_NOW);
		verifyNoInteractions(this.jobs);
	}

	@Test
	void removingAnItemNamesItByItsTextAndRefreshesTheMessage() {
		given(this.store.removeItem(any(), anyInt(), any(), any())).willReturn(EditOutcome.DONE);

		EditResult result = this.service.removeItem(new RemoveItem(this.cut, FACILITATOR, "Dark Mode"));

		assertThat(result.outcome()).isEqualTo(EditResult.Outcome.DONE);
		verify(this.store).removeItem(REF, 2, new Edit(Edit.Kind.REMOVE, NOW, FACILITATOR, "dark mode"), REFRESH_NOW);
		verifyNoInteractions(this.jobs);
	}

	@Test
	void removingTheLastItemSomeoneHadNotVotedOnClosesACutThatClosesWhenEveryoneVoted() {
		given(this.store.removeItem(any(), anyInt(), any(), any())).willReturn(EditOutcome.DONE_EVERYONE_VOTED);
		given(this.store.finish(eq(REF), eq(CutStatus.CLOSED), any(), any())).willReturn(true);

		this.service.removeItem(new RemoveItem(this.cut, FACILITATOR, "dark mode"));

		verify(this.store).finish(REF, CutStatus.CLOSED, NOW,
				REFRESH_NOW.schedule(new Job(Job.Kind.ANNOUNCE, REF), NOW)
					.complete(new Job(Job.Kind.CLOSE, REF))
					.complete(new Job(Job.Kind.REMIND, REF)));
	}

	@Test
	void extendingTheDeadlineMovesTheCloseJobToTheNewDeadline() {
		Instant extended = DEADLINE.plus(Duration.ofHours(2));
		given(this.store.extendDeadline(any(), any(), any(), any())).willReturn(Optional.of(extended));

		EditResult result = this.service.extendDeadline(new ExtendDeadline(this.cut, FACILITATOR, "2h"));

		assertThat(result.edit().detail()).isEqualTo("by 2h, to 2030-01-01T13:00:00Z");
		// Saved with the deadline: the close moves, and the reminders follow,
		// halfway from the start (a minute ago) to the new deadline.
		verify(this.store).extendDeadline(REF, Duration.ofHours(2), result.edit(),
				REFRESH_NOW.reschedule(new Job(Job.Kind.CLOSE, REF), extended)
					.reschedule(new Job(Job.Kind.REMIND, REF), NOW.plus(Duration.ofSeconds(7170))));
		verifyNoInteractions(this.jobs);
	}

	@Test
	void anyoneButTheFacilitatorIsRefusedAndNothingIsTouched() {
		assertThat(this.service.addItem(new AddItem(this.cut, "U_BOB", "sso")).outcome())
			.isEqualTo(EditResult.Outcome.NOT_FACILITATOR);
		assertThat(this.service.removeItem(new RemoveItem(this.cut, "U_BOB", "dark mode")).outcome())
			.isEqualTo(EditResult.Outcome.NOT_FACILITATOR);
		assertThat(this.service.extendDeadline(new ExtendDeadline(this.cut, "U_BOB", "2h")).outcome())
			.isEqualTo(EditResult.Outcome.NOT_FACILITATOR);

		verifyNoInteractions(this.store, this.jobs);
	}

	@Test
	void invalidEditsAreRefusedBeforeTheStore() {
		assertThatExceptionOfType(InvalidCutException.class)
			.isThrownBy(() -> this.service.addItem(new AddItem(this.cut, FACILITATOR, "email signup")));
		assertThatExceptionOfType(InvalidCutException.class)
			.isThrownBy(() -> this.service.removeItem(new RemoveItem(this.cut, FACILITATOR, "sso")));
		assertThatExceptionOfType(InvalidCutException.class)
			.isThrownBy(() -> this.service.extendDeadline(new ExtendDeadline(this.cut, FACILITATOR, "40d")));

		verifyNoInteractions(this.store, this.jobs);
	}

	@Test
	void aCutClosedMeanwhileIsSaidToBeClosedAndNothingIsScheduled() {
		Cut closed = new Cut(REF, "C1", FACILITATOR, "Sharing app", this.cut.items(), this.cut.settings(),
				CutStatus.CLOSED, NOW, NOW, "1.2");
		given(this.store.addItem(any(), any(), anyInt(), any(), any())).willReturn(EditOutcome.NOT_OPEN);
		given(this.store.find(REF)).willReturn(Optional.of(closed));

		EditResult result = this.service.addItem(new AddItem(this.cut, FACILITATOR, "sso"));

		assertThat(result).isEqualTo(new EditResult(EditResult.Outcome.NOT_OPEN, closed, null));
		verifyNoInteractions(this.jobs);
	}

	@Test
	void aRemovalRefusedBecauseTheCapacityWasJustRaisedIsSaidAsARefusal() {
		given(this.store.removeItem(any(), anyInt(), any(), any())).willReturn(EditOutcome.BELOW_CAPACITY);

		assertThatExceptionOfType(InvalidCutException.class)
			.isThrownBy(() -> this.service.removeItem(new RemoveItem(this.cut, FACILITATOR, "dark mode")))
			.satisfies((refusal) -> assertThat(Worded.text(refusal)).contains("capacity was just raised")
				.contains("“dark mode”"));
		verifyNoInteractions(this.jobs);
	}

	@Test
	void aConcurrentEditThatFilledTheCutIsSaidAsARefusal() {
		given(this.store.addItem(any(), any(), anyInt(), any(), any())).willReturn(EditOutcome.FULL);

		assertThatExceptionOfType(InvalidCutException.class)
			.isThrownBy(() -> this.service.addItem(new AddItem(this.cut, FACILITATOR, "sso")))
			.satisfies((refusal) -> assertThat(Worded.text(refusal)).contains("at most 30 items"));
		verifyNoInteractions(this.jobs);
	}

	@Test
	void exportReadsTheHistoryWithTheCut() {
		CutSnapshot snapshot = new CutSnapshot(this.cut, dev.scopecut.cut.Ballots.NONE, 3, null);
		List<Edit> edits = List.of(new Edit(Edit.Kind.ADD, NOW, FACILITATOR, "sso"));
		given(this.store.find(REF)).willReturn(Optional.of(this.cut));
		given(this.store.snapshot(REF)).willReturn(Optional.of(snapshot));
		given(this.store.history(REF)).willReturn(edits);

		assertThat(this.cuts.export("T1", "C1", FACILITATOR, Optional.of(REF.id())))
			.isEqualTo(new CutReading(snapshot, NOW, edits));
	}

	@Test
	void changingDetailsStoresThemFromTheValuesReadWithAReadableEdit() {
		given(this.store.changeDetails(any(), any(), any(), any(), any())).willReturn(EditOutcome.DONE);

		EditResult result = this.service.changeDetails(
				new ChangeDetails(this.cut, FACILITATOR, AS_READ, new CutDetails(" Sharing app 0.2 ", "", 2, 0)));

		Edit edit = new Edit(Edit.Kind.CHANGE, NOW, FACILITATOR,
				"title “Sharing app” → “Sharing app 0.2”; capacity none → 2");
		assertThat(result).isEqualTo(new EditResult(EditResult.Outcome.DONE, this.cut, edit));
		verify(this.store).changeDetails(REF, new CutDetails("Sharing app", "", 0, 0),
				new CutDetails("Sharing app 0.2", "", 2, 0), edit, REFRESH_NOW);
		verifyNoInteractions(this.jobs);
	}

	@Test
	void detailsThatChangeNothingAreNeitherStoredNorRefreshed() {
		EditResult result = this.service.changeDetails(
				new ChangeDetails(this.cut, FACILITATOR, AS_READ, new CutDetails("Sharing app ", " ", 0, 0)));

		assertThat(result.outcome()).isEqualTo(EditResult.Outcome.UNCHANGED);
		verifyNoInteractions(this.store, this.jobs);
	}

	@Test
	void onlyTheFacilitatorChangesDetailsOfAnOpenCutAndARefusedDetailStoresNothing() {
		Cut closed = new Cut(REF, "C1", FACILITATOR, "Sharing app", this.cut.items(), this.cut.settings(),
				CutStatus.CLOSED, NOW, NOW, null);

		assertThat(this.service
			.changeDetails(new ChangeDetails(this.cut, "U_BOB", AS_READ, new CutDetails("Mine", "", 0, 0)))
			.outcome()).isEqualTo(EditResult.Outcome.NOT_FACILITATOR);
		assertThat(this.service
			.changeDetails(new ChangeDetails(closed, FACILITATOR, AS_READ, new CutDetails("Late", "", 0, 0)))
			.outcome()).isEqualTo(EditResult.Outcome.NOT_OPEN);
		assertThatExceptionOfType(InvalidCutException.class)
			.isThrownBy(() -> this.service.changeDetails(
					new ChangeDetails(this.cut, FACILITATOR, AS_READ, new CutDetails("Sharing app", "", 3, 0))))
			.satisfies((refusal) -> assertThat(Worded.text(refusal)).contains("capacity (3)"));
		verifyNoInteractions(this.store, this.jobs);
	}

	@Test
	void aConcurrentChangeRefusesTheEditAndSchedulesNothing() {
		given(this.store.changeDetails(any(), any(), any(), any(), any())).willReturn(EditOutcome.CHANGED_MEANWHILE);

		assertThatExceptionOfType(InvalidCutException.class)
			.isThrownBy(() -> this.service
				.changeDetails(new ChangeDetails(this.cut, FACILITATOR, AS_READ, new CutDetails("New", "", 0, 0))))
			.satisfies((refusal) -> assertThat(Worded.text(refusal)).contains("changed while this form was open"));
		verifyNoInteractions(this.jobs);
	}

	@Test
	void aFormThatShowedOtherDetailsThanTheCutHasNowChangesNothing() {
		String readBeforeAnotherEdit = new CutDetails("Sharing app, old", "", 0, 0).fingerprint();

		assertThatExceptionOfType(InvalidCutException.class)
			.isThrownBy(() -> this.service.changeDetails(
					new ChangeDetails(this.cut, FACILITATOR, readBeforeAnotherEdit, new CutDetails("New", "", 0, 0))))
			.satisfies((refusal) -> assertThat(Worded.text(refusal)).contains("changed while this form was open"));
		verifyNoInteractions(this.store, this.jobs);
	}

}
