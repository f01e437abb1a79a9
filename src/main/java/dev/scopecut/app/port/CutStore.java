package dev.scopecut.app.port;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.scopecut.cut.Choice;
import dev.scopecut.cut.Cut;
import dev.scopecut.cut.CutDetails;
import dev.scopecut.cut.CutRef;
import dev.scopecut.cut.CutStatus;
import dev.scopecut.cut.Edit;

/**
 * Where cuts and their votes are kept. Every method is one atomic step, so that any
 * number of app instances may serve the same cut. A method given {@link JobChanges} makes
 * them in that same step, and only when it changes the cut: a cut and the jobs that
 * follow from its change are saved together or not at all. Any method may throw
 * {@link StoreUnavailableException}.
 */
public interface CutStore {

	/** The most open cuts one channel may have at once. */
	int MAX_OPEN_IN_CHANNEL = 10;

	/** The most open cuts one person may have started in a workspace at once. */
	int MAX_OPEN_BY_FACILITATOR = 10;

	/**
	 * Saves a new cut with its jobs, unless its id is already taken in its workspace, its
	 * channel has {@link #MAX_OPEN_IN_CHANNEL} open cuts or its facilitator
	 * {@link #MAX_OPEN_BY_FACILITATOR}; the limits are checked in the same atomic step as
	 * the insert, so cuts started at once cannot pass them. Nothing, jobs included, is
	 * saved unless the outcome is {@link InsertOutcome#INSERTED}.
	 */
	InsertOutcome insert(Cut cut, JobChanges jobs);

	Optional<Cut> find(CutRef ref);

	/** The open cuts of one channel, oldest first. */
	List<Cut> openIn(String workspace, String channel);

	/**
	 * Records or changes one voter's choice on one item, if the cut is open and has the
	 * item. A change asks the caller to schedule a refresh unless one was asked for less
	 * than {@link #REFRESH_REASK} ago and no {@link #snapshot} has read the cut since;
	 * {@code refresh} is made exactly when it asks.
	 */
	VoteResult vote(CutRef ref, String voter, int itemId, Choice choice, Instant at, JobChanges refresh);

	/**
	 * After this long an unanswered refresh is asked for again, in case its job was lost.
	 */
	Duration REFRESH_REASK = Duration.ofSeconds(30);

	/**
	 * Remembers who may vote on a cut open to the whole channel: its human members when
	 * it started. Counted in "N of M voted" and by closing when everyone has voted.
	 * @return false, and nothing stored, when the cut is gone or no longer open
	 */
	boolean setMembers(CutRef ref, List<String> members, JobChanges jobs);

	/** Remembers the Slack message that shows the cut. */
	void attachMessage(CutRef ref, String messageTs);

	/**
	 * Moves an open cut to closed or cancelled and starts its retention clock.
	 * @return true for the one caller that made the move; false when the cut was not open
	 */
	boolean finish(CutRef ref, CutStatus status, Instant at, JobChanges jobs);

	/**
	 * The cut and all its votes as of one instant, with its change counter; answers asks.
	 */
	Optional<CutSnapshot> snapshot(CutRef ref);

	/**
	 * The cut and one voter's own choices on its items, read together; nothing about
	 * other voters.
	 */
	Optional<VoterChoices> choicesOf(CutRef ref, String voter);

	/**
	 * Records when the cut's message last showed the snapshot of the given version; the
	 * oldest unshown change is forgotten only if no change came after that version.
	 */
	void markShown(CutRef ref, Instant at, long version);

	/**
	 * How many changes the cut has seen; grows with every vote that changed something.
	 */
	long version(CutRef ref);

	/**
	 * Adds an item to an open cut under a new id, never one used before in the cut, and
	 * appends the edit to its history; the jobs are changed when it is done.
	 */
	EditOutcome addItem(CutRef ref, String text, int maxItems, Edit edit, JobChanges jobs);

	/**
	 * Removes an item of an open cut with every vote on it, and appends the edit to its
	 * history; the jobs are changed when it is done.
	 */
	EditOutcome removeItem(CutRef ref, int itemId, Edit edit, JobChanges jobs);

	/**
	 * Moves an open cut's deadline later by the extension and appends the edit to its
	 * history, and changes the jobs.
	 * @return the new deadline; empty, and nothing changed, when the cut is not open
	 */
	Optional<Instant> extendDeadline(CutRef ref, Duration extension, Edit edit, JobChanges jobs);

	/**
	 * Changes an open cut's title, question, capacity and quorum from {@code before}, as
	 * they were read, to {@code after}, and appends the edit to its history; nothing
	 * changes when they are already {@code after} ({@link EditOutcome#UNCHANGED}), when
	 * they are no longer {@code before} or the cut has fewer items than the new capacity
	 * ({@link EditOutcome#CHANGED_MEANWHILE}), or when the cut is not open; the jobs are
	 * changed when it is done.
	 */
	EditOutcome changeDetails(CutRef ref, CutDetails before, CutDetails after, Edit edit, JobChanges jobs);

	/** The cut's edits, oldest first (the latest {@code HISTORY_MAX} of them). */
	List<Edit> history(CutRef ref);

}
