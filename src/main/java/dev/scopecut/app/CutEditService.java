package dev.scopecut.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import dev.scopecut.cut.Cut;
import dev.scopecut.cut.CutDetails;
import dev.scopecut.cut.CutDraft;
import dev.scopecut.cut.CutEdits;
import dev.scopecut.cut.CutRef;
import dev.scopecut.cut.CutStatus;
import dev.scopecut.cut.Edit;
import dev.scopecut.cut.InvalidCutException;
import dev.scopecut.cut.Item;
import dev.scopecut.app.port.CutStore;
import dev.scopecut.app.port.EditOutcome;
import dev.scopecut.app.port.Job;
import dev.scopecut.app.port.JobChanges;

/**
 * The facilitator's edits of an open cut: add or remove an item, extend the deadline,
 * change the details. Each is stored with its history entry and the refresh that shows
 * it, in one step.
 */
public class CutEditService {

	private final CutStore store;

	/** Closes a cut that an edit leaves with everyone voted. */
	private final CutService cuts;

	private final Clock clock;

	public CutEditService(CutStore store, CutService cuts, Clock clock) {
		this.store = store;
		this.cuts = cuts;
		this.clock = clock;
	}

	/**
	 * Adds an item to an open cut for its facilitator, and refreshes the message to show
	 * the item.
	 * @throws InvalidCutException when the item breaks a limit; nothing changes then
	 */
	public EditResult addItem(AddItem command) {
		return refusedEdit(command.cut(), command.user()).orElseGet(() -> add(command));
	}

	private EditResult add(AddItem command) {
		Cut cut = command.cut();
		String user = command.user();
		String item = CutEdits.newItem(cut, command.text());
		Edit edit = new Edit(Edit.Kind.ADD, this.clock.instant(), user, item);
		return edited(cut, this.store.addItem(cut.ref(), item, CutDraft.MAX_ITEMS, edit, refresh(cut.ref())), edit);
	}

	/**
	 * Removes an item, named by its text, from an open cut for its facilitator, with
	 * every vote on it; the message is refreshed without it.
	 * @throws InvalidCutException when no item reads so or it must stay; nothing changes
	 */
	public EditResult removeItem(RemoveItem command) {
		return refusedEdit(command.cut(), command.user()).orElseGet(() -> remove(command));
	}

	private EditResult remove(RemoveItem command) {
		Cut cut = command.cut();
		String user = command.user();
		Item item = CutEdits.itemToRemove(cut, command.text());
		Edit edit = new Edit(Edit.Kind.REMOVE, this.clock.instant(), user, item.text());
		return edited(cut, this.store.removeItem(cut.ref(), item.id(), edit, refresh(cut.ref())), edit);
	}

	/**
	 * Moves an open cut's deadline later for its facilitator, and its closing with it.
	 * @throws InvalidCutException when the extension is not a sane duration; nothing
	 * changes then
	 */
	public EditResult extendDeadline(ExtendDeadline command) {
		return refusedEdit(command.cut(), command.user()).orElseGet(() -> extend(command));
	}

	private EditResult extend(ExtendDeadline command) {
		Cut cut = command.cut();
		String user = command.user();
		Instant now = this.clock.instant();
		Duration extension = CutEdits.extension(command.extension());
		Instant deadline = CutEdits.extendedDeadline(cut, extension, now);
		Edit edit = new Edit(Edit.Kind.EXTEND, now, user,
				"by " + CutEdits.describe(extension) + ", to " + deadline.truncatedTo(ChronoUnit.SECONDS));
		// Saved with the deadline: the close moves with it (to the deadline as read plus
		// the extension; a close found early by a concurrent extension waits for the
		// later deadline), and the reminder times follow.
		JobChanges jobs = refresh(cut.ref()).reschedule(new Job(Job.Kind.CLOSE, cut.ref()), deadline);
		Job remind = new Job(Job.Kind.REMIND, cut.ref());
		Optional<Instant> reminder = cut.nextReminder(deadline, now);
		jobs = reminder.isPresent() ? jobs.reschedule(remind, reminder.get()) : jobs.complete(remind);
		Optional<Instant> extended = this.store.extendDeadline(cut.ref(), extension, edit, jobs);
		if (extended.isEmpty()) {
			return edited(cut, EditOutcome.NOT_OPEN, edit);
		}
		return edited(cut, EditOutcome.DONE, edit);
	}

	/**
	 * Changes an open cut's title, question, capacity and quorum for its facilitator; the
	 * message is refreshed to show them. Asking for what the cut already has changes
	 * nothing and records nothing.
	 * @throws InvalidCutException when a detail breaks a rule of a new cut, or the cut
	 * changed since the form read it; nothing changes then
	 */
	public EditResult changeDetails(ChangeDetails command) {
		return refusedEdit(command.cut(), command.user()).orElseGet(() -> change(command));
	}

	private EditResult change(ChangeDetails command) {
		Cut cut = command.cut();
		String user = command.user();
		CutEdits.requireStillAsRead(cut, command.readAs());
		CutDetails before = CutDetails.of(cut);
		CutDetails after = CutEdits.details(cut, command.wanted());
		String changes = CutEdits.changes(before, after);
		if (changes.isEmpty()) {
			return new EditResult(EditResult.Outcome.UNCHANGED, cut, null);
		}
		Edit edit = new Edit(Edit.Kind.CHANGE, this.clock.instant(), user, changes);
		return edited(cut, this.store.changeDetails(cut.ref(), before, after, edit, refresh(cut.ref())), edit);
	}

	/**
	 * Why the user may not edit the cut as read: not its facilitator, or it is no longer
	 * open; empty when they may.
	 */
	public Optional<EditResult> refusedEdit(Cut cut, String user) {
		if (!cut.isFacilitator(user)) {
			return Optional.of(new EditResult(EditResult.Outcome.NOT_FACILITATOR, cut, null));
		}
		if (!cut.isOpen()) {
			return Optional.of(new EditResult(EditResult.Outcome.NOT_OPEN, cut, null));
		}
		return Optional.empty();
	}

	private EditResult edited(Cut cut, EditOutcome outcome, Edit edit) {
		switch (outcome) {
			case DONE, DONE_EVERYONE_VOTED -> {
				if (outcome == EditOutcome.DONE_EVERYONE_VOTED) {
					this.cuts.finished(cut.ref(), CutStatus.CLOSED);
				}
				return new EditResult(EditResult.Outcome.DONE, cut, edit);
			}
			case NOT_OPEN -> {
				return new EditResult(EditResult.Outcome.NOT_OPEN, this.store.find(cut.ref()).orElse(cut), null);
			}
			case UNCHANGED -> {
				return new EditResult(EditResult.Outcome.UNCHANGED, cut, null);
			}
			default -> throw CutEdits.refusal(outcome.name(), edit.detail());
		}
	}

	/** The refresh an edit saves with it, so that the message shows the edit. */
	private JobChanges refresh(CutRef ref) {
		return JobChanges.NONE.schedule(new Job(Job.Kind.REFRESH, ref), this.clock.instant());
	}

}
