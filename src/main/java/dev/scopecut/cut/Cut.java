package dev.scopecut.cut;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A scope cut: the items a team votes on, who runs it, and where it stands.
 *
 * @param messageTs the Slack timestamp of the cut's message; null until it is posted
 * @param closedAt when the cut was closed or cancelled; null while open
 * @param members on a cut open to the whole channel, the channel's human members when the
 * cut started; empty when they are not known (or when voters were chosen)
 * @param lineage the closed cut it was started from, if any, and what it carried over
 * @param checkIn where its check-in stands, when the cut has a check-in day; null
 * otherwise
 */
public record Cut(CutRef ref, String channel, String facilitator, String title, List<Item> items, CutSettings settings,
		CutStatus status, Instant createdAt, Instant closedAt, String messageTs, List<String> members, Lineage lineage,
		CheckIn checkIn) {

	public Cut {
		Objects.requireNonNull(ref, "ref");
		Objects.requireNonNull(channel, "channel");
		Objects.requireNonNull(facilitator, "facilitator");
		Objects.requireNonNull(title, "title");
		Objects.requireNonNull(settings, "settings");
		Objects.requireNonNull(status, "status");
		Objects.requireNonNull(createdAt, "createdAt");
		Objects.requireNonNull(lineage, "lineage");
		items = List.copyOf(items);
		members = List.copyOf(new LinkedHashSet<>(members));
		if (checkIn == null && settings.checkIn() != null) {
			checkIn = CheckIn.on(settings.checkIn());
		}
	}

	/** A cut whose check-in, if it has one, has not been asked. */
	public Cut(CutRef ref, String channel, String facilitator, String title, List<Item> items, CutSettings settings,
			CutStatus status, Instant createdAt, Instant closedAt, String messageTs, List<String> members,
			Lineage lineage) {
		this(ref, channel, facilitator, title, items, settings, status, createdAt, closedAt, messageTs, members,
				lineage, null);
	}

	/** A cut started afresh. */
	public Cut(CutRef ref, String channel, String facilitator, String title, List<Item> items, CutSettings settings,
			CutStatus status, Instant createdAt, Instant closedAt, String messageTs, List<String> members) {
		this(ref, channel, facilitator, title, items, settings, status, createdAt, closedAt, messageTs, members,
				Lineage.NONE);
	}

	/** A cut whose channel members are not known. */
	public Cut(CutRef ref, String channel, String facilitator, String title, List<Item> items, CutSettings settings,
			CutStatus status, Instant createdAt, Instant closedAt, String messageTs) {
		this(ref, channel, facilitator, title, items, settings, status, createdAt, closedAt, messageTs, List.of());
	}

	/**
	 * A new open cut from a checked draft; items are numbered from 1 in the order listed.
	 */
	public static Cut open(CutRef ref, String channel, String facilitator, CutDraft draft, Instant now) {
		List<Item> items = new ArrayList<>();
		for (String text : draft.items()) {
			items.add(new Item(items.size() + 1, text));
		}
		return new Cut(ref, channel, facilitator, draft.title(), items, draft.settings(), CutStatus.OPEN, now, null,
				null);
	}

	public boolean isOpen() {
		return this.status == CutStatus.OPEN;
	}

	/** The check-in, when the cut has a check-in day. */
	public Optional<CheckIn> checkInState() {
		return Optional.ofNullable(this.checkIn);
	}

	/**
	 * Whether its facilitator is still to answer the check-in: the cut closed (a
	 * cancelled one is never asked) with a check-in day, and no answer yet.
	 */
	public boolean checkInPending() {
		return this.status == CutStatus.CLOSED && this.checkIn != null && this.checkIn.answer() == null;
	}

	public boolean isFacilitator(String user) {
		return this.facilitator.equals(user);
	}

	/**
	 * Whether someone asking from a channel may read the cut: anyone in its own channel,
	 * and elsewhere (another channel, a direct message, App Home) only the people it
	 * belongs to: its facilitator, its chosen voters, or the channel's members counted
	 * when it started. A private channel's cut stays in the channel.
	 * @param channel where the asking happens; null when from no channel
	 */
	public boolean isReadableBy(String user, String channel) {
		return this.channel.equals(channel) || isFacilitator(user) || eligibleVoters().contains(user);
	}

	/** The same cut, knowing the channel's members when it started. */
	public Cut withMembers(List<String> channelMembers) {
		return new Cut(this.ref, this.channel, this.facilitator, this.title, this.items, this.settings, this.status,
				this.createdAt, this.closedAt, this.messageTs, channelMembers, this.lineage, this.checkIn);
	}

	/** The same cut, started from a closed one. */
	public Cut withLineage(Lineage parentage) {
		return new Cut(this.ref, this.channel, this.facilitator, this.title, this.items, this.settings, this.status,
				this.createdAt, this.closedAt, this.messageTs, this.members, parentage, this.checkIn);
	}

	/**
	 * Who may vote and is counted in "N of M voted": the chosen voters, else the
	 * channel's members when the cut started; empty when not known.
	 */
	public List<String> eligibleVoters() {
		return this.settings.hasChosenVoters() ? this.settings.voters() : this.members;
	}

	/**
	 * Whether the user may vote at all: anyone on a cut open to the channel, else only
	 * its chosen voters.
	 */
	public boolean mayVote(String user) {
		return !this.settings.hasChosenVoters() || this.settings.voters().contains(user);
	}

	/**
	 * How many eligible voters voted on at least one of the cut's items; anyone else's
	 * votes still count in the tally, but not here, so this never exceeds the number of
	 * eligible voters.
	 */
	public int eligibleWhoVoted(Ballots ballots) {
		int voted = 0;
		for (String voter : eligibleVoters()) {
			Map<Integer, Choice> choices = ballots.of(voter);
			if (this.items.stream().anyMatch((item) -> choices.containsKey(item.id()))) {
				voted++;
			}
		}
		return voted;
	}

	/**
	 * How many voted on every item: of the eligible voters, or of everyone who voted when
	 * who may vote is not known.
	 */
	public int doneVoting(Ballots ballots) {
		java.util.Collection<String> voters = eligibleVoters().isEmpty() ? ballots.byVoter().keySet()
				: eligibleVoters();
		return (int) voters.stream().filter((voter) -> hasVotedOnEvery(ballots.of(voter))).count();
	}

	/**
	 * Whether everyone who may vote has voted on every item; false when who may vote is
	 * not known.
	 */
	public boolean everyoneDone(Ballots ballots) {
		return !eligibleVoters().isEmpty() && stillToVote(eligibleVoters(), ballots).isEmpty();
	}

	/** Whether the voter has a choice on every one of the cut's items. */
	public boolean hasVotedOnEvery(Map<Integer, Choice> choices) {
		return this.items.stream().allMatch((item) -> choices.containsKey(item.id()));
	}

	/** The items the voter has not voted on yet, in the cut's order. */
	public List<Item> itemsLeft(Map<Integer, Choice> choices) {
		return this.items.stream().filter((item) -> !choices.containsKey(item.id())).toList();
	}

	/**
	 * Of the given voters, those who have not voted on every item: who a reminder is for.
	 */
	public List<String> stillToVote(List<String> voters, Ballots ballots) {
		return voters.stream().filter((voter) -> !hasVotedOnEvery(ballots.of(voter))).toList();
	}

	/**
	 * Whether a vote is awaited from the user: they may vote here, are counted, and have
	 * items left.
	 */
	public boolean awaitsVoteFrom(String user, Ballots ballots) {
		return isOpen() && eligibleVoters().contains(user) && !hasVotedOnEvery(ballots.of(user));
	}

	/** The reminder due at {@code now}: the latest slot not after it. */
	public Optional<Instant> reminderDue(Instant now) {
		return this.settings.reminders().due(this.createdAt, this.settings.deadline(), now);
	}

	/**
	 * The next reminder after {@code now}, for the given deadline (which may have moved).
	 */
	public Optional<Instant> nextReminder(Instant deadline, Instant now) {
		return this.settings.reminders().next(this.createdAt, deadline, now);
	}

	public Optional<Item> item(int id) {
		return this.items.stream().filter((item) -> item.id() == id).findFirst();
	}

}
