package dev.scopecut.slack.blocks;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import com.slack.api.model.view.Views;

import dev.scopecut.app.port.CutSnapshot;
import dev.scopecut.app.Home;
import dev.scopecut.cut.CheckIn;
import dev.scopecut.cut.CheckInAnswer;
import dev.scopecut.cut.Choice;
import dev.scopecut.cut.Cut;
import dev.scopecut.cut.CutId;
import dev.scopecut.cut.Decision;

/**
 * Renders one person's App Home, a pure function of what it shows and the links to the
 * cuts' messages: the cuts waiting for their vote, their own votes on open cuts (what
 * they voted, at a glance), the cuts they run, recent decisions, the check-ins waiting
 * for them, and what the team's releases taught. A cut started from another says which,
 * and a cut followed by another says by which. Each list shows at most a set number of
 * cuts and then says how many more there are, so the tab stays within Slack's 100 blocks
 * however many cuts there are.
 */
public final class HomeView {

	/** The most cuts shown waiting for a vote. */
	public static final int WAITING_SHOWN = 30;

	/** The most open cuts shown with the person's own votes. */
	static final int VOTED_SHOWN = 10;

	/** The most cuts shown that the person runs. */
	public static final int RUNNING_SHOWN = 20;

	/** The most decisions shown. */
	static final int DECIDED_SHOWN = 10;

	/** The most check-ins shown waiting for the person. */
	static final int CHECK_INS_SHOWN = 5;

	/** The most answered check-ins shown. */
	static final int TAUGHT_SHOWN = 5;

	/** The most of what was learned one line of "What releases taught" shows. */
	static final int LEARNED_SHOWN = 300;

	private HomeView() {
	}

	/**
	 * @param links the permalink of each cut's message, by cut id, where Slack gave one
	 */
	public static View render(Home home, Map<CutId, String> links) {
		List<LayoutBlock> blocks = new ArrayList<>();
		list(blocks, "Waiting for your vote", home.waiting(), WAITING_SHOWN,
				"Nothing waits for your vote. Cuts you may vote in show up here until you have voted on every item.",
				(snapshot) -> waiting(snapshot, home.user(), links));
		blocks.add(divider());
		list(blocks, "Your votes on open cuts", home.voted(), VOTED_SHOWN,
				"You have not voted on an open cut. Your choices show here until the cut closes.",
				(snapshot) -> voted(snapshot, home.user(), links));
		blocks.add(divider());
		list(blocks, "Cuts you run", home.running(), RUNNING_SHOWN,
				"You run no open cut. Start one in a channel with `/scopecut`.",
				(snapshot) -> running(snapshot, links) + lineage(snapshot.cut(), home));
		blocks.add(divider());
		list(blocks, "Recent decisions", home.decided(), DECIDED_SHOWN, "No decisions yet in cuts you took part in.",
				(snapshot) -> decided(snapshot, lineage(snapshot.cut(), home)));
		blocks.add(divider());
		list(blocks, "Check-ins waiting for you", home.checkIns(), CHECK_INS_SHOWN,
				"No check-in waits for you. Pick a check-in day when you start a cut, and Scopecut asks you then"
						+ " whether the release taught what it set out to.",
				HomeView::checkIn);
		blocks.add(divider());
		list(blocks, "What releases taught", home.taught(), TAUGHT_SHOWN,
				"No release has been checked in on yet in cuts you took part in.", HomeView::taught);
		return Views.view((v) -> v.type("home").blocks(blocks));
	}

	private static <T> void list(List<LayoutBlock> blocks, String heading, List<T> cuts, int shown, String none,
			Function<T, String> line) {
		blocks.add(header((h) -> h.text(plainText(heading))));
		if (cuts.isEmpty()) {
			blocks.add(context(List.of(markdownText(none))));
			return;
		}
		cuts.stream().limit(shown).forEach((snapshot) -> {
			String text = line.apply(snapshot);
			blocks.add(section((s) -> s.text(markdownText(text))));
		});
		if (cuts.size() > shown) {
			blocks.add(context(List.of(markdownText("and " + (cuts.size() - shown) + " more"))));
		}
	}

	private static String waiting(CutSnapshot snapshot, String user, Map<CutId, String> links) {
		Cut cut = snapshot.cut();
		int left = cut.itemsLeft(snapshot.ballots().of(user)).size();
		return title(cut, links) + " in <#" + cut.channel() + ">\n" + left + " of " + cut.items().size()
				+ ((cut.items().size() == 1) ? " item" : " items") + " left to vote on · closes "
				+ SlackDates.at(cut.settings().deadline());
	}

	/**
	 * The person's own choices on an open cut, each choice's items in the cut's order.
	 */
	private static String voted(CutSnapshot snapshot, String user, Map<CutId, String> links) {
		Cut cut = snapshot.cut();
		Map<Integer, Choice> mine = snapshot.ballots().of(user);
		String head = title(cut, links) + " in <#" + cut.channel() + "> · closes "
				+ SlackDates.at(cut.settings().deadline()) + "\n";
		int lineMax = (CutMessage.SECTION_TEXT_MAX - head.length()) / 2 - 1;
		List<String> lines = new ArrayList<>();
		for (Choice choice : Choice.values()) {
			String items = cut.items()
				.stream()
				.filter((item) -> mine.get(item.id()) == choice)
				.map((item) -> Mrkdwn.escape(item.text()))
				.collect(Collectors.joining(", "));
			if (!items.isEmpty()) {
				lines.add(shortened("You voted *" + choice.label() + "* on " + items, lineMax));
			}
		}
		return head + String.join("\n", lines);
	}

	private static String running(CutSnapshot snapshot, Map<CutId, String> links) {
		Cut cut = snapshot.cut();
		return title(cut, links) + " in <#" + cut.channel() + ">\n" + DecisionText.progress(snapshot) + " · closes "
				+ SlackDates.at(cut.settings().deadline()) + " · ID `" + cut.ref().id() + "`";
	}

	/**
	 * @param lineage what follows the decision's lines: its parent and child, or ""
	 */
	private static String decided(CutSnapshot snapshot, String lineage) {
		Cut cut = snapshot.cut();
		Decision decision = snapshot.decision();
		String head = "*" + Mrkdwn.escape(cut.title()) + "* in <#" + cut.channel() + "> · closed "
				+ SlackDates.at(cut.closedAt()) + " · ID `" + cut.ref().id() + "`\n";
		int lineMax = (CutMessage.SECTION_TEXT_MAX - head.length() - lineage.length()) / 2 - 1;
		return head + shortened(DecisionText.shipLine(decision), lineMax) + "\n"
				+ shortened(DecisionText.deferLine(decision), lineMax) + lineage;
	}

	/**
	 * The cut it was started from and the latest started from it, when there are: an
	 * escaped title is at most 150 characters twice over, well within the section.
	 */
	private static String lineage(Cut cut, Home home) {
		StringBuilder line = new StringBuilder();
		cut.lineage()
			.parentId()
			.ifPresent((parent) -> line.append("follows *")
				.append(Mrkdwn.escape(cut.lineage().parentTitle()))
				.append("* (`")
				.append(parent)
				.append("`)"));
		Cut child = home.children().get(cut.ref().id());
		if (child != null) {
			line.append(line.isEmpty() ? "" : " · ")
				.append("followed by *")
				.append(Mrkdwn.escape(child.title()))
				.append("* (`")
				.append(child.ref().id())
				.append("`)");
		}
		return line.isEmpty() ? "" : "\n↳ " + line;
	}

	private static String checkIn(Cut cut) {
		CheckIn checkIn = cut.checkIn();
		return "*" + Mrkdwn.escape(cut.title()) + "* in <#" + cut.channel() + "> · closed "
				+ SlackDates.at(cut.closedAt()) + " · ID `" + cut.ref().id() + "`\nCheck-in day "
				+ CheckInMessage.day(checkIn.on()) + ((checkIn.postponed() > 0) ? " (asked again after “Not yet”)" : "")
				+ ": Scopecut asks you by direct message whether the release taught what it set out to.";
	}

	private static String taught(Cut cut) {
		CheckInAnswer answer = cut.checkIn().answer();
		String question = cut.settings().question().isBlank() ? "_no release question_"
				: Mrkdwn.escape(cut.settings().question(), LEARNED_SHOWN);
		String head = "*" + Mrkdwn.escape(cut.title()) + "* · ID `" + cut.ref().id() + "` · " + question + "\n*"
				+ (answer.learned() ? "We learned it" : "Not learned") + "* (" + SlackDates.at(answer.at()) + ")";
		return answer.text().isEmpty() ? head : head + ": " + Mrkdwn.escape(answer.text(), LEARNED_SHOWN);
	}

	/** The cut's title, linked to its message when the link is known. */
	private static String title(Cut cut, Map<CutId, String> links) {
		String title = Mrkdwn.escape(cut.title());
		String link = links.get(cut.ref().id());
		return "*" + ((link != null) ? "<" + link + "|" + title + ">" : title) + "*";
	}

	/** Escaped text cut at an item boundary so it fits, never inside an entity. */
	private static String shortened(String text, int max) {
		if (text.length() <= max) {
			return text;
		}
		int end = text.lastIndexOf(", ", max - 1);
		return text.substring(0, Math.max(end, 0)) + "…";
	}

}
