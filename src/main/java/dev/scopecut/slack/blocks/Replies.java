package dev.scopecut.slack.blocks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

import dev.scopecut.app.CheckIns;
import dev.scopecut.app.CutLookupException;
import dev.scopecut.app.EditResult;
import dev.scopecut.app.FinishResult;
import dev.scopecut.app.NextCuts;
import dev.scopecut.app.Reminders;
import dev.scopecut.app.port.VoteResult;
import dev.scopecut.cut.Choice;
import dev.scopecut.cut.CheckIn;
import dev.scopecut.cut.Cut;
import dev.scopecut.cut.CutId;
import dev.scopecut.cut.TypedText;

/** What Scopecut says to one person, privately. */
public final class Replies {

	public static final String HELP = """
			*Scopecut* cuts a release down to what must ship now. Everyone votes *Ship* or *Defer* on each item.
			• `/scopecut` opens the *New scope cut* form: title, question, items, deadline, capacity, voters, quorum
			• `/scopecut Title: item; item; item` starts a cut in this channel (items may also be one a line, or split by commas)
			• `/scopecut list` shows this channel's open cuts
			• `/scopecut close [ID]` closes a cut and posts the decision; asks first while anyone has items left, unless followed by `force` (facilitator only)
			• `/scopecut cancel [ID]` cancels a cut with no decision (facilitator only)
			• `/scopecut remind [ID]` reminds everyone who has items left to vote on, by direct message, now (facilitator only)
			• `/scopecut add [ID:] item text` adds an item to an open cut (facilitator only)
			• `/scopecut remove [ID:] item text` removes an item, typed as the cut shows it, with its votes (facilitator only)
			• `/scopecut extend [ID] 2h` moves the deadline later by `30m`, `2h`, `1d`… (facilitator only)
			• `/scopecut edit [ID]` opens the *Edit scope cut* form: title, question, capacity, quorum (facilitator only; or click *Edit* on the cut)
			• `/scopecut export [ID]` gives a cut's decision record as Markdown, privately; name a closed cut by its ID
			• `/scopecut next [ID]` opens the *New scope cut* form prefilled from a closed cut's deferred items (its facilitator only; or click *Start next cut* on it)
			• `/scopecut help` shows this
			The ID can be left out when the channel has one open cut.
			Rule: an item ships when its Ship votes outnumber its Defer votes; a tie or no vote defers it.""";

	/** Work after the acknowledgement could not be queued (the queue is full). */
	public static final String TOO_BUSY = "Scopecut is too busy to post this right now; please try again in a moment.";

	public static final String STORE_DOWN = "Scopecut cannot reach its store right now, so nothing was saved. Please try again in a moment.";

	public static final String VOTE_NOT_RECORDED = "Your vote was *not recorded*: Scopecut cannot reach its store right now. Please click again in a moment.";

	public static final String VOTES_NOT_READ = "Scopecut cannot reach its store right now, so it cannot show your votes. Please click *My votes* again in a moment.";

	public static final String NO_OPEN_CUT = "This channel has no open cut. Start one with `/scopecut Title: item; item`.";

	private Replies() {
	}

	/**
	 * Why no cut was found, and how to name one.
	 * @param verb the subcommand, to show how to name a cut when there are several
	 */
	public static String lookup(CutLookupException ex, String verb) {
		return switch (ex.reason()) {
			case NO_SUCH_CUT -> "There is no cut `" + ex.named().orElseThrow() + "` in this workspace.";
			case NO_OPEN_CUT -> NO_OPEN_CUT;
			case NOTHING_TO_EXPORT ->
				"This channel has no open cut, nor a recently closed one. To export another, name it: `/scopecut export ID` (the ID is at the foot of the cut's message).";
			case NO_CLOSED_CUT ->
				"This channel has no recently closed cut. Name the one to follow: `/scopecut next ID` (the ID is at the foot of its message).";
			case SEVERAL_OPEN -> {
				String ids = ex.open().stream().map((id) -> "`" + id + "`").collect(Collectors.joining(", "));
				CutId first = ex.open().get(0);
				String example = switch (verb) {
					case "add", "remove" -> verb + " " + first + ": item text";
					case "extend" -> verb + " " + first + " 2h";
					default -> verb + " " + first;
				};
				yield "This channel has %d open cuts (%s): name one, e.g. `/scopecut %s`.".formatted(ex.open().size(),
						ids, example);
			}
		};
	}

	public static String unknown(String text) {
		return "I did not understand `" + Mrkdwn.escape(TypedText.oneLine(text)) + "`.\n\n" + HELP;
	}

	public static String vote(VoteResult result, Choice choice) {
		String item = "“" + Mrkdwn.escape(result.itemText()) + "”";
		return switch (result.outcome()) {
			case RECORDED -> "You voted *" + choice.label() + "* on " + item + ".";
			case CHANGED -> "You changed your vote on " + item + " to *" + choice.label() + "*.";
			case UNCHANGED -> "Your vote on " + item + " stays *" + choice.label() + "*.";
			case NOT_OPEN -> "This cut is closed, so your vote on " + item + " was not recorded.";
			case NOT_A_VOTER -> "Only the chosen voters can vote in this cut.";
			case NOT_FOUND -> "This cut or item no longer exists, so your vote was not recorded.";
		};
	}

	/**
	 * One private confirmation of a burst of clicks on one cut, each item's last choice,
	 * grouped by choice: "You voted *Ship* on “a”, “b” · *Defer* on “c”."
	 * @param votes each item's last choice, in the order first clicked
	 */
	public static String burst(Collection<Voted> votes) {
		List<String> groups = new ArrayList<>();
		for (Choice choice : Choice.values()) {
			String items = votes.stream()
				.filter((vote) -> vote.choice() == choice)
				.map((vote) -> "“" + Mrkdwn.escape(vote.itemText()) + "”")
				.collect(Collectors.joining(", "));
			if (!items.isEmpty()) {
				groups.add("*" + choice.label() + "* on " + items);
			}
		}
		return "You voted " + String.join(" · ", groups) + ".";
	}

	/** One item's choice, as a confirmation names it. */
	public record Voted(String itemText, Choice choice) {
	}

	public static String finish(FinishResult result, String verb) {
		Cut cut = result.cut();
		String id = "`" + cut.ref().id() + "`";
		return switch (result.outcome()) {
			case DONE -> verb.equals("close") ? "Closed " + id + ": the decision is posted in the channel."
					: "Cancelled " + id + ": no decision was made.";
			case NOT_FACILITATOR ->
				"Only " + Mrkdwn.user(cut.facilitator()) + ", who started " + id + ", can " + verb + " it.";
			case NOT_OPEN -> id + " is already " + cut.status().name().toLowerCase() + ".";
			case UNCONFIRMED -> "Not everyone has voted on every item of " + id + ": type `/scopecut close "
					+ cut.ref().id() + " force` to close it anyway.";
		};
	}

	public static String remind(Cut cut, Reminders.Asked asked) {
		String id = "`" + cut.ref().id() + "`";
		return switch (asked.outcome()) {
			case SENDING -> ((asked.reach() != null) ? reach(id, asked.reach()) : "Reminding everyone who has items of "
					+ id + " left to vote on, by direct message, outside their quiet hours (20:00 to 08:00 their time)."
					+ " Anyone reminded of it in the last 30 minutes is skipped.")
					+ (uncounted(cut)
							? " This channel's members are not counted (more than 500, or Slack would not list them):"
									+ " unless Slack lists them now, nobody is reminded. Choose the voters of a cut to"
									+ " have them reminded."
							: "");
			case NOT_FACILITATOR ->
				"Only " + Mrkdwn.user(cut.facilitator()) + ", who started " + id + ", can send its reminders.";
			case NOT_OPEN -> id + " is already " + cut.status().name().toLowerCase() + "; nobody was reminded.";
			case TOO_SOON -> "Nobody was reminded: " + id + " had a reminder by hand less than "
					+ Reminders.BY_HAND_EVERY.toMinutes() + " minutes ago, and one cut gets at most one every "
					+ Reminders.BY_HAND_EVERY.toMinutes() + " minutes, so every other cut's reminders keep their pace."
					+ " The next can go from " + SlackDates.at(asked.nextByHand()) + ".";
		};
	}

	/**
	 * Whom {@code /scopecut remind} reaches: now, in their morning, or not again so soon.
	 */
	private static String reach(String id, Reminders.Reach reach) {
		if (reach.left() == 0) {
			return "Everyone who may vote on " + id + " has voted on every item: nobody was reminded.";
		}
		String text = "Of the " + people(reach.left()) + " with items of " + id + " left to vote on: " + reach.now()
				+ " reminded now by direct message, " + reach.held()
				+ " held until 08:00 their time (quiet hours, 20:00 to 08:00), " + reach.lately()
				+ " not again (reminded of it in the last 30 minutes).";
		if (reach.zoneUnknown() > 0) {
			text += " Of those now, " + reach.zoneUnknown()
					+ " may be held too: Scopecut reads their time zone from Slack as their reminder goes.";
		}
		return text;
	}

	private static String people(int count) {
		return count + ((count == 1) ? " person" : " people");
	}

	/** A cut open to the channel whose members Scopecut could not count. */
	private static boolean uncounted(Cut cut) {
		return !cut.settings().hasChosenVoters() && cut.members().isEmpty();
	}

	public static String edit(EditResult result) {
		Cut cut = result.cut();
		String id = "`" + cut.ref().id() + "`";
		return switch (result.outcome()) {
			case DONE -> switch (result.edit().kind()) {
				case ADD -> "Added “" + Mrkdwn.escape(result.edit().detail()) + "” to " + id + ".";
				case REMOVE ->
					"Removed “" + Mrkdwn.escape(result.edit().detail()) + "” from " + id + ", with every vote on it.";
				case EXTEND ->
					"Extended the deadline of " + id + " " + SlackDates.detail(result.edit(), Integer.MAX_VALUE) + ".";
				case CHANGE -> "Changed " + id + ": " + Mrkdwn.escape(result.edit().detail()) + ".";
			};
			case UNCHANGED -> "Nothing to change: " + id + " already reads so.";
			case NOT_FACILITATOR -> "Only " + Mrkdwn.user(cut.facilitator()) + ", who started " + id
					+ ", can edit it; nothing was changed.";
			case NOT_OPEN -> id + " is already " + cut.status().name().toLowerCase() + "; nothing was changed.";
		};
	}

	public static String couldNotOpenModal(String reason) {
		return "The *New scope cut* form could not be opened (" + Mrkdwn.escape(reason)
				+ "). Try `/scopecut` again, or start a cut directly with `/scopecut Title: item; item`.";
	}

	public static String couldNotOpenEditModal(String reason) {
		return "The *Edit scope cut* form could not be opened (" + Mrkdwn.escape(reason)
				+ "). Click *Edit* again, or type `/scopecut edit`.";
	}

	/** Why the next cut of a cut cannot be started. */
	public static String nextRefused(NextCuts.RefusedException refused) {
		Cut cut = refused.parent();
		return switch (refused.refusal()) {
			case NOT_FOUND -> "That cut is no longer kept, so its next cut cannot be started from it.";
			case NOT_FACILITATOR -> "Only " + Mrkdwn.user(cut.facilitator()) + ", who started `" + cut.ref().id()
					+ "`, can start the next cut from it.";
			case NOT_CLOSED -> "`" + cut.ref().id() + "` is " + cut.status().name().toLowerCase()
					+ ": the next cut starts from a closed cut's decision.";
		};
	}

	public static String couldNotOpenNextModal(String reason) {
		return "The *New scope cut* form could not be opened (" + Mrkdwn.escape(reason)
				+ "). Click *Start next cut* again, or type `/scopecut next ID`.";
	}

	/**
	 * Why a large cut's ballot did not open, or was not recorded: the cut is closed, or
	 * the voter is not one of its chosen voters. Plain text, as a form's errors show it.
	 */
	public static String ballotRefused(Cut cut) {
		return cut.isOpen() ? "Only the chosen voters can vote in this cut; nothing was recorded."
				: "This cut is " + cut.status().name().toLowerCase() + ", so votes can no longer change.";
	}

	public static String couldNotOpenBallot(String reason) {
		return "Your ballot could not be opened (" + Mrkdwn.escape(reason)
				+ "). Click *Vote* again, or vote with each item's menu.";
	}

	/**
	 * What a check-in answer became, in plain text (a form's error shows it too): told to
	 * the person who answered only.
	 */
	public static String checkIn(CheckIns.Answered answered) {
		Cut cut = answered.cut();
		return switch (answered.outcome()) {
			case DONE -> (answered.nextAsk() != null)
					? "Noted: Scopecut asks you again on " + CheckInMessage.day(answered.nextAsk()) + "."
					: "Your answer is recorded and posted under the decision.";
			case ALREADY_POSTPONED -> "Scopecut already asks you again on " + CheckInMessage.day(cut.checkIn().on())
					+ "; nothing was changed.";
			case NOT_FACILITATOR ->
				"Only the person who ran " + cut.ref().id() + " answers its check-in; nothing was recorded.";
			case NOT_PENDING -> checkInNotPending(cut);
			case NO_SUCH_CUT -> "That cut is no longer kept; nothing was recorded.";
		};
	}

	private static String checkInNotPending(Cut cut) {
		if (cut.checkInState().flatMap(CheckIn::answered).isPresent()) {
			return "The check-in of " + cut.ref().id() + " is already answered; nothing was changed.";
		}
		return cut.ref().id() + " has no check-in to answer (it is " + cut.status().name().toLowerCase()
				+ "); nothing was recorded.";
	}

	public static String couldNotOpenCheckIn(String reason) {
		return "The check-in form could not be opened (" + Mrkdwn.escape(reason) + "). Click the answer again.";
	}

	/**
	 * Slack refused a new cut's message for good, so the cut was cancelled.
	 * @param slackError Slack's error code: it chooses the advice, and is never shown
	 */
	public static String notPosted(Cut cut, String slackError) {
		String cancelled = " The cut was cancelled, so nothing of it is kept; ";
		return switch (slackError) {
			case "not_in_channel", "channel_not_found" ->
				"I could not post the cut " + quoted(cut) + " because I am not a member of this channel." + cancelled
						+ "invite me with `/invite @Scopecut`, then start it again.";
			case "is_archived" -> "I could not post the cut " + quoted(cut) + " because this channel is archived."
					+ cancelled + "start it in another channel.";
			default -> "Slack did not let me post the cut " + quoted(cut) + " in this channel." + cancelled
					+ "start it again, and if this happens again, ask a workspace admin to check that"
					+ " Scopecut is installed and may post here.";
		};
	}

	/** Slack was busy or out of reach, so a new cut's message was not posted. */
	public static String notPostedJustNow(Cut cut) {
		return "Slack could not take the cut " + quoted(cut) + " just now (busy or out of reach), so it was not"
				+ " posted. The cut was cancelled, so nothing of it is kept; start it again in a minute.";
	}

	/** The store did not answer while a new cut was posted: it may not be kept. */
	public static String perhapsNotPosted(Cut cut) {
		return "Scopecut could not reach its store while posting the cut " + quoted(cut)
				+ ", so it may not have been kept. In a minute, `/scopecut list` shows whether it is open;"
				+ " if it is not, start it again.";
	}

	private static String quoted(Cut cut) {
		return "“" + Mrkdwn.escape(cut.title()) + "”";
	}

}
