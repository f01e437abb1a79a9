package dev.scopecut.slack.blocks;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.confirmationDialog;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;

import dev.scopecut.app.port.CutSnapshot;
import dev.scopecut.cut.Cut;
import dev.scopecut.cut.Decision;
import dev.scopecut.cut.Edit;
import dev.scopecut.cut.ItemTally;
import dev.scopecut.cut.Outcome;

/**
 * Renders a cut's message, a pure function of its snapshot. While open, each item is a
 * row with its counts and its Ship and Defer buttons; above {@link #BUTTON_ROWS_MAX}
 * items each row becomes one block with a Ship/Defer menu, so the largest cut stays
 * within Slack's 50 blocks. Once closed, the buttons go and the result shows.
 */
public final class CutMessage {

	/** The most items shown with a button row each (two blocks an item). */
	static final int BUTTON_ROWS_MAX = 15;

	/** The most voters named on one item before "+N more". */
	static final int VOTERS_NAMED_MAX = 20;

	/**
	 * The most of an edit's detail the message shows (a changed question can be long).
	 */
	static final int EDIT_SHOWN_MAX = 300;

	/** Slack's limit on a section's text. */
	static final int SECTION_TEXT_MAX = 3000;

	private CutMessage() {
	}

	public static SlackMessage render(CutSnapshot snapshot) {
		return switch (snapshot.cut().status()) {
			case OPEN -> open(snapshot);
			case CLOSED -> closed(snapshot);
			case CANCELLED -> cancelled(snapshot);
		};
	}

	/** The decision as posted in the channel when a cut closes. */
	public static SlackMessage announcement(CutSnapshot snapshot) {
		List<LayoutBlock> blocks = new ArrayList<>();
		blocks.add(section((s) -> s.text(markdownText("*" + DecisionText.headline(snapshot) + "*"))));
		question(snapshot.cut()).ifPresent(blocks::add);
		blocks.addAll(result(snapshot.cut(), snapshot.decision()));
		blocks.add(context(List.of(markdownText(snapshot.decision().rule()))));
		return new SlackMessage(DecisionText.of(snapshot), blocks);
	}

	private static SlackMessage open(CutSnapshot snapshot) {
		Cut cut = snapshot.cut();
		List<LayoutBlock> blocks = new ArrayList<>(top(cut));
		boolean compact = VoteControls.votesByBallot(cut);
		if (compact) {
			// At the top, where a tall message starts.
			blocks.add(VoteControls.ballotButton(cut));
		}
		for (ItemTally item : snapshot.tally().items()) {
			blocks.addAll(VoteControls.row(cut, item.item(), row(cut, item), compact));
		}
		String context = DecisionText.progress(snapshot) + limits(cut) + " · started by "
				+ Mrkdwn.user(cut.facilitator()) + " · closes " + SlackDates.at(cut.settings().deadline()) + " · ID `"
				+ cut.ref().id() + "`" + edited(snapshot.lastEdit());
		blocks.add(context(List.of(markdownText(context))));
		carries(cut).ifPresent((carries) -> blocks.add(context(List.of(markdownText(carries)))));
		blocks.add(actions("controls", List.of(closeButton(cut), myVotesButton(cut), editButton(cut))));
		String text = "Scope cut: " + Mrkdwn.escape(cut.title()) + " — vote Ship or Defer on " + cut.items().size()
				+ (cut.items().size() == 1 ? " item" : " items");
		return new SlackMessage(text, blocks);
	}

	/**
	 * The sign that the facilitator changed the cut since it started, with their latest
	 * change ("edited: capacity 3 → 2"); the export keeps the whole history.
	 */
	private static String edited(Edit edit) {
		if (edit == null) {
			return "";
		}
		String detail = SlackDates.detail(edit, EDIT_SHOWN_MAX);
		return " · edited: " + ((edit.kind() == Edit.Kind.CHANGE) ? detail : edit.kind().verb() + " " + detail);
	}

	/**
	 * The capacity and quorum, shown while voting so that the result surprises nobody.
	 */
	private static String limits(Cut cut) {
		String limits = "";
		if (cut.settings().capacity() > 0) {
			limits += " · at most " + cut.settings().capacity() + " ship";
		}
		if (cut.settings().hasQuorum()) {
			limits += " · quorum " + cut.settings().quorum();
		}
		return limits;
	}

	private static SlackMessage closed(CutSnapshot snapshot) {
		Cut cut = snapshot.cut();
		List<LayoutBlock> blocks = new ArrayList<>(top(cut));
		Decision decision = snapshot.decision();
		String quorum = decision.quorumMet() ? "" : " · *no quorum*";
		blocks.add(section((s) -> s.text(markdownText("*Closed* · " + DecisionText.voted(snapshot) + quorum))));
		blocks.addAll(result(cut, decision));
		blocks.add(context(List.of(markdownText(decision.rule()))));
		blocks.add(context(List.of(markdownText("Started by " + Mrkdwn.user(cut.facilitator()) + " · closed "
				+ SlackDates.at(cut.closedAt()) + " · ID `" + cut.ref().id() + "`"
				+ carries(cut).map((carries) -> " · " + carries).orElse("")))));
		blocks.add(actions("controls", List.of(cutButton(ActionIds.NEXT_CUT, "Start next cut", cut))));
		return new SlackMessage(DecisionText.of(snapshot), blocks);
	}

	private static SlackMessage cancelled(CutSnapshot snapshot) {
		Cut cut = snapshot.cut();
		List<LayoutBlock> blocks = new ArrayList<>(top(cut));
		blocks.add(section((s) -> s.text(markdownText("*Cancelled* by " + Mrkdwn.user(cut.facilitator())
				+ " · no decision was made · ID `" + cut.ref().id() + "`"))));
		return new SlackMessage("Scope cut cancelled: " + Mrkdwn.escape(cut.title()), blocks);
	}

	private static List<LayoutBlock> top(Cut cut) {
		List<LayoutBlock> blocks = new ArrayList<>();
		blocks.add(header((h) -> h.text(plainText(cut.title(), true))));
		question(cut).ifPresent(blocks::add);
		return blocks;
	}

	/** The release question, when the cut has one: every message and result shows it. */
	private static Optional<LayoutBlock> question(Cut cut) {
		if (cut.settings().question().isBlank()) {
			return Optional.empty();
		}
		// nothing else bounds the question's length
		String heading = "*What must this release teach us?*\n";
		String question = Mrkdwn.escape(cut.settings().question(), SECTION_TEXT_MAX - heading.length());
		return Optional.of(section((s) -> s.text(markdownText(heading + question))));
	}

	/** An item's row: its text, its counts, and (on a named cut) who has voted on it. */
	private static String row(Cut cut, ItemTally item) {
		String row = "*" + Mrkdwn.escape(item.item().text()) + "*\nShip " + item.ship() + " · Defer " + item.defer();
		if (!cut.settings().anonymous() && !item.voters().isEmpty()) {
			row += " · voted: " + Mrkdwn.users(item.voters(), VOTERS_NAMED_MAX);
		}
		return row;
	}

	/**
	 * The facilitator's private question when {@code /scopecut close} finds people with
	 * items left: the same Close button, with the same confirmation, as the cut's
	 * message, or the command's {@code force}.
	 */
	public static SlackMessage closeQuestion(CutSnapshot standing) {
		Cut cut = standing.cut();
		String id = cut.ref().id().value();
		String text = "*Close `" + id + "` now?* " + DecisionText.progress(standing)
				+ ". Voting ends and the decision is posted in the channel.";
		return new SlackMessage("Close " + id + " now? " + DecisionText.progress(standing),
				List.of(section((s) -> s.text(markdownText(text))),
						actions("close-question", List.of(closeButton(cut))),
						context(List.of(markdownText("Or type `/scopecut close " + id + " force`.")))));
	}

	private static BlockElement closeButton(Cut cut) {
		return button((b) -> b.actionId(ActionIds.CLOSE)
			.text(plainText("Close cut"))
			.value(cut.ref().id().value())
			.confirm(confirmationDialog((c) -> c.title(plainText("Close this cut?"))
				.text(plainText("Voting ends and the decision is posted in the channel."))
				.confirm(plainText("Close it"))
				.deny(plainText("Keep voting")))));
	}

	/** Shows the clicker, privately, their own choices on each item. */
	private static BlockElement myVotesButton(Cut cut) {
		return cutButton(ActionIds.MY_VOTES, "My votes", cut);
	}

	/**
	 * Opens the <em>Edit scope cut</em> modal; anyone may click, only the facilitator
	 * gets it.
	 */
	private static BlockElement editButton(Cut cut) {
		return cutButton(ActionIds.EDIT, "Edit", cut);
	}

	/** A button whose value names the cut, for the listener to look it up. */
	private static BlockElement cutButton(String actionId, String label, Cut cut) {
		return button((b) -> b.actionId(actionId).text(plainText(label)).value(cut.ref().id().value()));
	}

	/**
	 * The result as "Ship now" and "Defer" lists, split into sections that fit Slack's
	 * limit; then the items deferred once too often, if any.
	 */
	private static List<LayoutBlock> result(Cut cut, Decision decision) {
		List<LayoutBlock> blocks = new ArrayList<>();
		blocks.addAll(list("*Ship now*", decision.shipped()));
		blocks.addAll(list("*Defer*", decision.deferred()));
		List<Outcome> longDeferred = cut.lineage().longDeferred(decision);
		if (!longDeferred.isEmpty()) {
			List<String> lines = new ArrayList<>();
			lines.add("*Deferred again and again* (ship it, or drop it for good):");
			longDeferred.forEach((outcome) -> lines.add("• " + Mrkdwn.escape(outcome.item().text()) + " — deferred in "
					+ cut.lineage().deferredInARow(outcome) + " cuts in a row"));
			blocks.addAll(sections(lines));
		}
		return blocks;
	}

	/**
	 * "Carries 2 items deferred from ‹title› (`ID`)" on a cut started from a closed one
	 * that still has some of them.
	 */
	static Optional<String> carries(Cut cut) {
		int carried = cut.lineage().carried(cut.items());
		if (carried == 0) {
			return Optional.empty();
		}
		return Optional.of("Carries " + carried + (carried == 1 ? " item" : " items") + " deferred from "
				+ Mrkdwn.escape(cut.lineage().parentTitle()) + " (`" + cut.lineage().parent() + "`)");
	}

	private static List<LayoutBlock> list(String heading, List<Outcome> outcomes) {
		List<String> lines = new ArrayList<>();
		lines.add(heading);
		if (outcomes.isEmpty()) {
			lines.add("_nothing_");
		}
		outcomes.forEach((outcome) -> lines.add("• " + DecisionText.counted(outcome)));
		return sections(lines);
	}

	/** Lines of mrkdwn in as few sections as Slack's limit on a section's text allows. */
	static List<LayoutBlock> sections(List<String> lines) {
		List<LayoutBlock> sections = new ArrayList<>();
		StringBuilder text = new StringBuilder();
		for (String line : lines) {
			if (text.length() + line.length() + 1 > SECTION_TEXT_MAX) {
				sections.add(mrkdwnSection(text.toString()));
				text.setLength(0);
			}
			text.append(text.isEmpty() ? "" : "\n").append(line);
		}
		sections.add(mrkdwnSection(text.toString()));
		return sections;
	}

	private static LayoutBlock mrkdwnSection(String mrkdwn) {
		return section((s) -> s.text(markdownText(mrkdwn)));
	}

}
