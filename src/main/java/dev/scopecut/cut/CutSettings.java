package dev.scopecut.cut;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a cut is run and decided.
 *
 * @param question what the release must teach the team; may be empty
 * @param deadline when the cut closes by itself
 * @param capacity at most this many items ship; 0 for no limit
 * @param quorum fewer voters than this means no quorum; 0 for none
 * @param anonymous whether messages show counts only, never who voted
 * @param voters the chosen voters' user ids; empty when everyone in the channel may vote
 * @param closeWhenAllVoted whether the cut closes as soon as every voter has voted on
 * every item
 * @param reminders when the people who have not voted on every item get a direct message
 * @param checkIn the day the facilitator is asked what the release taught, once the cut
 * has closed; null for none
 */
public record CutSettings(String question, Instant deadline, int capacity, int quorum, boolean anonymous,
		List<String> voters, boolean closeWhenAllVoted, ReminderPlan reminders, LocalDate checkIn) {

	public CutSettings {
		Objects.requireNonNull(question, "question");
		Objects.requireNonNull(deadline, "deadline");
		Objects.requireNonNull(reminders, "reminders");
		if (capacity < 0 || quorum < 0) {
			throw new IllegalArgumentException("capacity and quorum are 0 (none) or positive");
		}
		voters = List.copyOf(new LinkedHashSet<>(voters));
	}

	/** Settings with no check-in. */
	public CutSettings(String question, Instant deadline, int capacity, int quorum, boolean anonymous,
			List<String> voters, boolean closeWhenAllVoted, ReminderPlan reminders) {
		this(question, deadline, capacity, quorum, anonymous, voters, closeWhenAllVoted, reminders, null);
	}

	/**
	 * Settings with the default reminders: halfway to the deadline and an hour before it.
	 */
	public CutSettings(String question, Instant deadline, int capacity, int quorum, boolean anonymous,
			List<String> voters, boolean closeWhenAllVoted) {
		this(question, deadline, capacity, quorum, anonymous, voters, closeWhenAllVoted,
				ReminderPlan.HALFWAY_AND_LAST_HOUR);
	}

	/** Settings where the whole channel votes and only the deadline closes the cut. */
	public CutSettings(String question, Instant deadline, int capacity, int quorum, boolean anonymous) {
		this(question, deadline, capacity, quorum, anonymous, List.of(), false);
	}

	/** The settings of a quick start: named votes, no capacity or quorum. */
	public static CutSettings quickStart(Instant deadline) {
		return new CutSettings("", deadline, 0, 0, false);
	}

	public boolean hasCapacity() {
		return this.capacity > 0;
	}

	public boolean hasQuorum() {
		return this.quorum > 0;
	}

	/** Whether only the chosen voters may vote; otherwise anyone in the channel may. */
	public boolean hasChosenVoters() {
		return !this.voters.isEmpty();
	}

	public Optional<LocalDate> checkInDate() {
		return Optional.ofNullable(this.checkIn);
	}

	/** The same settings with another question. */
	public CutSettings withQuestion(String question) {
		return new CutSettings(question, this.deadline, this.capacity, this.quorum, this.anonymous, this.voters,
				this.closeWhenAllVoted, this.reminders, this.checkIn);
	}

}
