package dev.scopecut.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

import dev.scopecut.cut.Ballots;
import dev.scopecut.cut.CheckIn;
import dev.scopecut.cut.Cut;
import dev.scopecut.cut.CutId;
import dev.scopecut.cut.CutRef;
import dev.scopecut.cut.CutSettings;
import dev.scopecut.cut.CutStatus;
import dev.scopecut.cut.InvalidCutException;
import dev.scopecut.app.port.BallotResult;
import dev.scopecut.app.port.CutNotifier;
import dev.scopecut.app.port.CutSnapshot;
import dev.scopecut.app.port.CutStore;
import dev.scopecut.app.port.Job;
import dev.scopecut.app.port.JobChanges;
import dev.scopecut.app.port.JobQueue;
import dev.scopecut.app.port.NotifyFailedException;
import dev.scopecut.app.port.RetryLaterException;
import dev.scopecut.app.port.StoreUnavailableException;
import dev.scopecut.app.port.VoteResult;
import dev.scopecut.app.port.VoterChoices;
import dev.scopecut.app.port.WorkspaceCuts;

/**
 * The use cases of a cut: start, vote, close, cancel, find and export; its edits are
 * {@link CutEditService}'s.
 */
public class CutService {

	/** How long a quick-start cut stays open. */
	public static final Duration QUICK_START_DURATION = Duration.ofHours(24);

	/** The latest a new cut's deadline may be: a scope cut is decided within a year. */
	public static final Duration LONGEST_OPEN = Duration.ofDays(365);

	private static final int ID_ATTEMPTS = 8;

	/** As many as the workspace's closed index keeps. */
	private static final int CLOSED_SEARCHED_FOR_EXPORT = 200;

	private final CutStore store;

	private final WorkspaceCuts workspaceCuts;

	private final JobQueue jobs;

	private final CutNotifier notifier;

	private final Clock clock;

	private final RandomGenerator random;

	public CutService(CutStore store, WorkspaceCuts workspaceCuts, JobQueue jobs, CutNotifier notifier, Clock clock,
			RandomGenerator random) {
		this.store = store;
		this.workspaceCuts = workspaceCuts;
		this.jobs = jobs;
		this.notifier = notifier;
		this.clock = clock;
		this.random = random;
	}

	/**
	 * The settings of a quick start: named votes, closing {@link #QUICK_START_DURATION}
	 * from now.
	 */
	public CutSettings quickStartSettings() {
		return CutSettings.quickStart(this.clock.instant().plus(QUICK_START_DURATION));
	}

	/**
	 * Stores a new open cut and schedules its deadline; {@link #publish} then shows it.
	 * @throws InvalidCutException when the deadline is not in the future or more than
	 * {@link #LONGEST_OPEN} away, the check-in day has passed or is more than
	 * {@link #LONGEST_OPEN} after the deadline, or the channel or the facilitator has as
	 * many open cuts as {@link CutStore} allows; nothing is stored then
	 */
	public Cut start(StartCut command) {
		Instant now = this.clock.instant();
		List<InvalidCutException> refusals = new ArrayList<>();
		Instant deadline = command.draft().settings().deadline();
		if (!deadline.isAfter(now)) {
			refusals.add(InvalidCutException.of(InvalidCutException.Reason.DEADLINE_PASSED));
		}
		if (deadline.isAfter(now.plus(LONGEST_OPEN))) {
			refusals.add(InvalidCutException.of(InvalidCutException.Reason.DEADLINE_TOO_FAR, LONGEST_OPEN.toDays()));
		}
		command.draft().settings().checkInDate().ifPresent((day) -> {
			try {
				CheckIn.requireNotPast(day, now);
				if (CheckIn.earliestAsk(day).isAfter(deadline.plus(LONGEST_OPEN))) {
					refusals.add(
							InvalidCutException.of(InvalidCutException.Reason.CHECK_IN_TOO_FAR, LONGEST_OPEN.toDays()));
				}
			}
			catch (InvalidCutException ex) {
				refusals.add(ex);
			}
		});
		if (!refusals.isEmpty()) {
			throw InvalidCutException.all(refusals);
		}
		for (int attempt = 0; attempt < ID_ATTEMPTS; attempt++) {
			CutRef ref = new CutRef(command.workspace(), CutId.random(this.random));
			Cut opened = Cut.open(ref, command.channel(), command.facilitator(), command.draft(), now);
			Cut cut = opened.withLineage(command.lineage(opened));
			JobChanges jobs = JobChanges.NONE.schedule(new Job(Job.Kind.CLOSE, ref), cut.settings().deadline());
			Optional<Instant> reminder = cut.nextReminder(cut.settings().deadline(), now);
			if (reminder.isPresent()) {
				jobs = jobs.schedule(new Job(Job.Kind.REMIND, ref), reminder.get());
			}
			switch (this.store.insert(cut, jobs)) {
				case INSERTED -> {
					return cut;
				}
				case ID_TAKEN -> {
					// another id next time round
				}
				case CHANNEL_FULL ->
					throw InvalidCutException.of(InvalidCutException.Reason.CHANNEL_FULL, CutStore.MAX_OPEN_IN_CHANNEL);
				case FACILITATOR_FULL -> throw InvalidCutException.of(InvalidCutException.Reason.FACILITATOR_FULL,
						CutStore.MAX_OPEN_BY_FACILITATOR);
			}
		}
		throw new IllegalStateException("no free cut id after " + ID_ATTEMPTS + " attempts");
	}

	/**
	 * Posts a new cut's message. On a cut open to the whole channel, the channel's
	 * members are read first and kept with the cut, so that the message counts "N of M
	 * voted" and closing when everyone has voted can work. When Slack asks to wait, a
	 * {@link Job.Kind#COUNT_MEMBERS} job reads them once the wait is over; when they can
	 * never be read, the cut counts "N voted" and only its deadline or facilitator closes
	 * it. When Slack refuses the post (the bot is not in the channel, say) the cut is
	 * cancelled, so that nothing is left half-created, and the refusal is rethrown.
	 */
	public void publish(Cut cut) {
		try {
			String ts = this.notifier.post(new CutSnapshot(cut, Ballots.NONE, 0, null));
			this.store.attachMessage(cut.ref(), ts);
		}
		catch (NotifyFailedException | RetryLaterException ex) {
			withdraw(cut);
			throw ex;
		}
		// Counted after posting: a large channel's members never delay the message.
		boolean counted = !cut.settings().hasChosenVoters() && countMembersNow(cut);
		if (counted || this.store.version(cut.ref()) > 0) {
			// Members, votes or a close came while the message was posted: show them.
			this.jobs.schedule(new Job(Job.Kind.REFRESH, cut.ref()), this.clock.instant());
		}
	}

	/**
	 * Cancels a stored cut whose message will not be posted: nobody could vote on it, and
	 * the facilitator's retry starts another.
	 */
	public void withdraw(Cut cut) {
		Instant now = this.clock.instant();
		this.store.finish(cut.ref(), CutStatus.CANCELLED, now, afterFinish(cut.ref(), CutStatus.CANCELLED, now));
	}

	/**
	 * Counts the members while publishing; false when they are not kept now, and a
	 * {@link Job.Kind#COUNT_MEMBERS} job counts them after the wait Slack asked for.
	 */
	private boolean countMembersNow(Cut cut) {
		try {
			return countMembers(cut);
		}
		catch (RetryLaterException ex) {
			this.jobs.schedule(new Job(Job.Kind.COUNT_MEMBERS, cut.ref()), this.clock.instant().plus(ex.getWait()));
			return false;
		}
		catch (StoreUnavailableException ex) {
			return false;
		}
	}

	/**
	 * Reads the channel's members from Slack and keeps them with the open cut; false when
	 * they can never be read or the cut is no longer open, and the cut then counts who
	 * voted only. A cut set to close when everyone has voted closes when the members,
	 * counted late, all have: no vote is left to close it.
	 * @throws RetryLaterException when Slack asks to wait before they can be read
	 */
	boolean countMembers(Cut cut) {
		List<String> members = this.notifier.members(cut).orElse(List.of());
		if (members.isEmpty() || !this.store.setMembers(cut.ref(), members,
				JobChanges.NONE.schedule(new Job(Job.Kind.REFRESH, cut.ref()), this.clock.instant()))) {
			return false;
		}
		if (cut.settings().closeWhenAllVoted()) {
			this.store.snapshot(cut.ref())
				.filter((snapshot) -> snapshot.cut().stillToVote(members, snapshot.ballots()).isEmpty())
				.ifPresent((snapshot) -> finished(cut.ref(), CutStatus.CLOSED));
		}
		return true;
	}

	/**
	 * Records a vote; the first change since the message was last read schedules its
	 * refresh. On a cut with chosen voters, anyone else is refused
	 * ({@link VoteResult.Outcome#NOT_A_VOTER}) and nothing is stored; the store checks it
	 * in the same atomic step as the vote. The vote that completes a cut set to close
	 * when everyone has voted closes it.
	 */
	public VoteResult vote(CastVote vote) {
		Instant now = this.clock.instant();
		VoteResult result = this.store.vote(vote.cut(), vote.voter(), vote.itemId(), vote.choice(), now,
				JobChanges.NONE.schedule(new Job(Job.Kind.REFRESH, vote.cut()), now));
		closeIfEveryoneVoted(vote.cut(), result.everyoneVoted());
		return result;
	}

	/**
	 * Records a ballot, every choice in one step and each as {@link #vote} records a
	 * click; it asks for one refresh, and the ballot that completes a cut set to close
	 * when everyone has voted closes it.
	 */
	public BallotResult ballot(CastBallot ballot) {
		Instant now = this.clock.instant();
		BallotResult result = this.store.ballot(ballot.cut(), ballot.voter(), ballot.choices(), now,
				JobChanges.NONE.schedule(new Job(Job.Kind.REFRESH, ballot.cut()), now));
		closeIfEveryoneVoted(ballot.cut(), result.everyoneVoted());
		return result;
	}

	private void closeIfEveryoneVoted(CutRef ref, boolean everyoneVoted) {
		if (everyoneVoted) {
			try {
				finished(ref, CutStatus.CLOSED);
			}
			catch (StoreUnavailableException ex) {
				// The vote is stored: the next change, or the deadline, closes the cut.
			}
		}
	}

	/**
	 * Closes the cut for its facilitator: the message shows the result and the decision
	 * is posted.
	 */
	public FinishResult close(CloseCut command) {
		Cut cut = command.cut();
		if (!command.confirmed() && cut.isOpen() && cut.isFacilitator(command.user())) {
			// Reading answers a pending refresh ask, which only means that the next vote
			// asks again.
			Optional<CutSnapshot> standing = this.store.snapshot(cut.ref())
				.filter((snapshot) -> !snapshot.cut().everyoneDone(snapshot.ballots()));
			if (standing.isPresent()) {
				return new FinishResult(FinishResult.Outcome.UNCONFIRMED, cut, standing.get());
			}
		}
		return finish(cut, command.user(), CutStatus.CLOSED);
	}

	/** Cancels the cut for its facilitator: no decision is posted. */
	public FinishResult cancel(CancelCut command) {
		return finish(command.cut(), command.user(), CutStatus.CANCELLED);
	}

	private FinishResult finish(Cut cut, String user, CutStatus status) {
		if (!cut.isFacilitator(user)) {
			return new FinishResult(FinishResult.Outcome.NOT_FACILITATOR, cut);
		}
		if (!finished(cut.ref(), status)) {
			// Read while open, finished since by another request (a retry, another
			// instance): answer with the status it has now, not the one read.
			return new FinishResult(FinishResult.Outcome.NOT_OPEN, this.store.find(cut.ref()).orElse(cut));
		}
		return new FinishResult(FinishResult.Outcome.DONE, cut);
	}

	/**
	 * Moves an open cut to its final status; its one caller schedules what follows.
	 */
	boolean finished(CutRef ref, CutStatus status) {
		Instant now = this.clock.instant();
		JobChanges jobs = afterFinish(ref, status, now);
		if (status == CutStatus.CLOSED) {
			// The check-in day is set when the cut starts and never changes: read before
			// the close, it is the one the close saves its job for.
			Optional<Cut> cut = this.store.find(ref);
			if (cut.isPresent()) {
				jobs = CheckIns.afterClose(cut.get(), jobs);
			}
		}
		return this.store.finish(ref, status, now, jobs);
	}

	/**
	 * What follows a cut's final status, saved with it: the message shows it, a closed
	 * cut's decision is posted (and its check-in asked on its day, {@link #finished}),
	 * and no deadline or reminder is left.
	 */
	private static JobChanges afterFinish(CutRef ref, CutStatus status, Instant now) {
		JobChanges jobs = JobChanges.NONE.schedule(new Job(Job.Kind.REFRESH, ref), now);
		if (status == CutStatus.CLOSED) {
			jobs = jobs.schedule(new Job(Job.Kind.ANNOUNCE, ref), now);
		}
		return jobs.complete(new Job(Job.Kind.CLOSE, ref)).complete(new Job(Job.Kind.REMIND, ref));
	}

	public Optional<Cut> find(CutRef ref) {
		return this.store.find(ref);
	}

	/**
	 * What one voter chose on each item of a cut, for their eyes only; empty when the
	 * workspace has no such cut.
	 */
	public Optional<VoterChoices> choicesOf(CutRef ref, String voter) {
		return this.store.choicesOf(ref, voter);
	}

	/**
	 * What the voter chose, asked from a channel: empty, as for no such cut, when they
	 * may not read the cut from there ({@link Cut#isReadableBy}).
	 */
	public Optional<VoterChoices> choicesOf(CutRef ref, String voter, String channel) {
		return choicesOf(ref, voter).filter((mine) -> mine.cut().isReadableBy(voter, channel));
	}

	public List<Cut> openIn(String workspace, String channel) {
		return this.store.openIn(workspace, channel);
	}

	/**
	 * A cut and all its votes as of now, for its decision record: the one named, open or
	 * closed, or else the channel's only open cut, or with none open its latest closed
	 * one (right after the decision is when people export).
	 */
	public CutReading export(String workspace, String channel, String user, Optional<CutId> id) {
		Cut cut = (id.isEmpty() && openIn(workspace, channel).isEmpty())
				? latestClosedIn(workspace, channel).orElseThrow(CutLookupException::nothingToExport)
				: resolve(workspace, channel, user, id);
		// Reading answers a pending refresh ask, which only means that the next vote asks
		// again; a refresh already queued keeps its place.
		CutSnapshot snapshot = this.store.snapshot(cut.ref())
			.orElseThrow(() -> CutLookupException.noSuchCut(cut.ref().id()));
		return new CutReading(snapshot, this.clock.instant(), this.store.history(cut.ref()));
	}

	/** Among the workspace's latest closed cuts, the newest one of this channel. */
	public Optional<Cut> latestClosedIn(String workspace, String channel) {
		return this.workspaceCuts.recentlyClosed(workspace, CLOSED_SEARCHED_FOR_EXPORT)
			.stream()
			.map(CutSnapshot::cut)
			.filter((cut) -> cut.channel().equals(channel))
			.findFirst();
	}

	/**
	 * The cut a command means: the one named, or else the channel's only open cut. A cut
	 * named from elsewhere by someone it does not belong to ({@link Cut#isReadableBy}) is
	 * answered as a cut that does not exist, so ids cannot be probed.
	 */
	public Cut resolve(String workspace, String channel, String user, Optional<CutId> id) {
		if (id.isPresent()) {
			return find(new CutRef(workspace, id.get())).filter((cut) -> cut.isReadableBy(user, channel))
				.orElseThrow(() -> CutLookupException.noSuchCut(id.get()));
		}
		List<Cut> open = openIn(workspace, channel);
		if (open.isEmpty()) {
			throw CutLookupException.noOpenCut();
		}
		if (open.size() > 1) {
			throw CutLookupException.severalOpen(open.stream().map((cut) -> cut.ref().id()).toList());
		}
		return open.get(0);
	}

}
