package dev.scopecut.slack.blocks;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.checkboxes;
import static com.slack.api.model.block.element.BlockElements.datePicker;
import static com.slack.api.model.block.element.BlockElements.datetimePicker;
import static com.slack.api.model.block.element.BlockElements.multiUsersSelect;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.block.element.BlockElements.radioButtons;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Locale;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.view.View;
import com.slack.api.model.view.Views;

import dev.scopecut.cut.Cut;
import dev.scopecut.cut.CutDraft;
import dev.scopecut.cut.CutId;
import dev.scopecut.cut.Item;
import dev.scopecut.cut.Lineage;
import dev.scopecut.cut.ListedItems;
import dev.scopecut.cut.NextCut;
import dev.scopecut.cut.ReminderPlan;
import dev.scopecut.cut.TypedText;

/**
 * The <em>New scope cut</em> modal that {@code /scopecut} with no text opens, a pure
 * function of the time and the channel. Each input's block id is also its action id, so
 * that a refusal can be shown on the block at fault. The channel the cut will run in
 * travels in {@code private_metadata}.
 */
public final class NewCutModal {

	/** The view's callback id, which the submission listener answers to. */
	public static final String CALLBACK_ID = "new-cut";

	public static final String TITLE = "title";

	public static final String QUESTION = "question";

	public static final String ITEMS = "items";

	public static final String DEADLINE = "deadline";

	/**
	 * When reminders go out: one of the {@link ReminderPlan}s, named by
	 * {@link #reminderValue}.
	 */
	public static final String REMINDERS = "reminders";

	/**
	 * The day the facilitator is asked what the release taught, once the cut has closed;
	 * none by default.
	 */
	public static final String CHECK_IN = "check-in";

	public static final String CAPACITY = "capacity";

	public static final String WHO_VOTES = "who-votes";

	public static final String VOTERS = "voters";

	public static final String QUORUM = "quorum";

	public static final String OPTIONS = "options";

	/** {@link #WHO_VOTES}: everyone in the channel. */
	public static final String EVERYONE = "everyone";

	/** {@link #WHO_VOTES}: only the people chosen in {@link #VOTERS}. */
	public static final String CHOSEN = "chosen";

	/** {@link #OPTIONS}: show counts only, never who voted. */
	public static final String ANONYMOUS = "anonymous";

	/**
	 * {@link #OPTIONS}: close when every chosen voter, or every member of the channel
	 * when the cut starts, has voted on every item.
	 */
	public static final String CLOSE_EARLY = "close-early";

	/** Where the deadline starts: as long as a quick start stays open. */
	static final Duration DEFAULT_DURATION = Duration.ofHours(24);

	/** Slack's limit on a plain-text input's length. */
	static final int INPUT_MAX = 3000;

	static final String QUORUM_HINT = "With fewer voters than this, the result says “no quorum”. Empty for none.";

	private NewCutModal() {
	}

	/**
	 * The option value that stands for a reminder plan: {@code halfway-and-last-hour}.
	 */
	public static String reminderValue(ReminderPlan plan) {
		return plan.name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	/**
	 * What the modal carries in {@code private_metadata}: the channel the cut will run in
	 * and, for the next cut of a closed one, that cut's id ({@code C123:K7M2Q}).
	 */
	public record Metadata(String channel, Optional<CutId> parent) {

		/**
		 * The metadata of a submitted view; empty when it is not one this modal wrote.
		 */
		public static Optional<Metadata> parse(String metadata) {
			if (metadata == null || metadata.isBlank()) {
				return Optional.empty();
			}
			String[] parts = metadata.split(":", -1);
			if (parts.length == 1) {
				return Optional.of(new Metadata(parts[0], Optional.empty()));
			}
			if (parts.length != 2 || parts[0].isBlank()) {
				return Optional.empty();
			}
			return CutId.parse(parts[1]).map((id) -> new Metadata(parts[0], Optional.of(id)));
		}

		String text() {
			return this.parent.map((id) -> this.channel + ":" + id.value()).orElse(this.channel);
		}

	}

	/**
	 * The modal as opened at {@code now} for a cut in {@code channel}.
	 */
	public static View view(Instant now, String channel) {
		return view(now, new Metadata(channel, Optional.empty()), null, List.of(), List.of());
	}

	/**
	 * The modal for the cut that follows a closed one, in {@code channel}: the title
	 * bumped, the deferred items listed first with their last counts, the release
	 * question empty; the items the form cannot hold are named as left out.
	 */
	public static View next(Instant now, String channel, NextCut next) {
		Cut parent = next.parent();
		List<String> items = next.texts();
		int kept = fitting(items);
		List<String> carried = new ArrayList<>();
		carried.add("*Deferred in " + Mrkdwn.escape(parent.title()) + "* (`" + parent.ref().id()
				+ "`), with its Ship–Defer counts:");
		for (NextCut.Carried item : next.carried().subList(0, kept)) {
			carried.add("• " + DecisionText.counted(item.outcome()) + streak(item.deferredInARow()));
		}
		List<LayoutBlock> notes = new ArrayList<>(CutMessage.sections(carried));
		notes.addAll(leftOut(items.subList(kept, items.size())));
		return view(now, new Metadata(channel, Optional.of(parent.ref().id())), next.title(), items.subList(0, kept),
				notes);
	}

	/**
	 * The modal for a cut in {@code channel} whose items come from a message's list: its
	 * items, and its title when it has one; the items the form cannot hold are named as
	 * left out, and those too long to start with are named for the person to shorten.
	 */
	public static View fromMessage(Instant now, String channel, ListedItems listed) {
		List<String> items = listed.items();
		int kept = fitting(items);
		List<LayoutBlock> notes = new ArrayList<>();
		if (items.isEmpty()) {
			notes.add(context(List.of(markdownText("No list was found in the message: type the items, one a line."))));
		}
		List<String> tooLong = listed.tooLong();
		if (!tooLong.isEmpty()) {
			List<String> lines = new ArrayList<>();
			lines.add("*Longer than %d characters:* shorten %s before starting the cut:".formatted(Item.MAX_LENGTH,
					(tooLong.size() == 1) ? "it" : "them"));
			tooLong.forEach((item) -> lines.add("• " + Mrkdwn.escape(TypedText.excerpt(item, 60))));
			notes.addAll(CutMessage.sections(lines));
		}
		notes.addAll(leftOut(items.subList(kept, items.size())));
		return view(now, new Metadata(channel, Optional.empty()), listed.title().isEmpty() ? null : listed.title(),
				items.subList(0, kept), notes);
	}

	/** "deferred in 3 cuts in a row", from the second deferral in a row on. */
	static String streak(int deferredInARow) {
		if (deferredInARow < 2) {
			return "";
		}
		String streak = "deferred in " + deferredInARow + " cuts in a row";
		return " · " + ((deferredInARow >= Lineage.FLAGGED_STREAK) ? "*" + streak + "*" : streak);
	}

	/**
	 * How many of the items, from the first, the form's items input can hold: at most
	 * {@link CutDraft#MAX_ITEMS}, one a line, within {@link #INPUT_MAX} characters.
	 */
	static int fitting(List<String> items) {
		int length = -1;
		int kept = 0;
		for (String item : items) {
			length += item.length() + 1;
			if (kept == CutDraft.MAX_ITEMS || length > INPUT_MAX) {
				break;
			}
			kept++;
		}
		return kept;
	}

	/** The items the form could not hold, named so that nobody loses one unknowingly. */
	static List<LayoutBlock> leftOut(List<String> items) {
		if (items.isEmpty()) {
			return List.of();
		}
		List<String> lines = new ArrayList<>();
		lines.add("*Left out: %d more* (a cut takes at most %d items, the form %,d characters of them):"
			.formatted(items.size(), CutDraft.MAX_ITEMS, INPUT_MAX));
		items.forEach((item) -> lines.add("• " + Mrkdwn.escape(item)));
		return CutMessage.sections(lines);
	}

	private static View view(Instant now, Metadata metadata, String title, List<String> items,
			List<LayoutBlock> notes) {
		Instant deadline = now.plus(DEFAULT_DURATION).truncatedTo(ChronoUnit.MINUTES);
		return Views.view((v) -> v.type("modal")
			.callbackId(CALLBACK_ID)
			.privateMetadata(metadata.text())
			.title(viewTitle((t) -> t.type("plain_text").text("New scope cut")))
			.submit(viewSubmit((s) -> s.type("plain_text").text("Start cut")))
			.close(viewClose((c) -> c.type("plain_text").text("Cancel")))
			.blocks(blocks(deadline, title, String.join("\n", items), notes)));
	}

	private static List<LayoutBlock> blocks(Instant deadline, String title, String items, List<LayoutBlock> notes) {
		OptionObject everyone = option(plainText("Everyone in this channel"), EVERYONE);
		OptionObject bothReminders = option(plainText("Halfway to the deadline, and an hour before it"),
				reminderValue(ReminderPlan.HALFWAY_AND_LAST_HOUR));
		OptionObject anonymous = option(plainText("Anonymous: show counts only, never who voted"), ANONYMOUS);
		List<LayoutBlock> blocks = new ArrayList<>();
		blocks.add(DetailInputs.title(title));
		blocks.add(DetailInputs.question(""));
		blocks.add(input((i) -> i.blockId(ITEMS)
			.label(plainText("Items"))
			.hint(plainText("One a line: 1 to %d items, each at most %d characters.".formatted(CutDraft.MAX_ITEMS,
					Item.MAX_LENGTH)))
			.element(plainTextInput((p) -> p.actionId(ITEMS)
				.multiline(true)
				.maxLength(INPUT_MAX)
				.initialValue(items.isEmpty() ? null : items)
				.placeholder(plainText("email signup\ncreate project\nshare project link"))))));
		blocks.addAll(notes);
		blocks.addAll(List.of(
				input((i) -> i.blockId(DEADLINE)
					.label(plainText("Voting closes"))
					.element(datetimePicker(
							(d) -> d.actionId(DEADLINE).initialDateTime(Math.toIntExact(deadline.getEpochSecond()))))),
				input((i) -> i.blockId(REMINDERS)
					.label(plainText("Remind who has not voted"))
					.hint(plainText("By direct message, never between 20:00 and 08:00 their time "
							+ "nor in a cut's first hour; /scopecut remind sends one at any time."))
					.element(radioButtons((r) -> r.actionId(REMINDERS)
						.initialOption(bothReminders)
						.options(List.of(bothReminders,
								option(plainText("An hour before the deadline"), reminderValue(ReminderPlan.LAST_HOUR)),
								option(plainText("Never"), reminderValue(ReminderPlan.NONE))))))),
				input((i) -> i.blockId(CHECK_IN)
					.label(plainText("Check in on what the release taught"))
					.optional(true)
					.hint(plainText("On this day, once the cut has closed, Scopecut asks you by direct message "
							+ "whether the release answered its question. Empty for no check-in."))
					.element(datePicker((d) -> d.actionId(CHECK_IN).placeholder(plainText("Pick a day"))))),
				DetailInputs.capacity("At most this many items ship, the best-voted first. Empty for no limit.",
						CutDraft.MAX_ITEMS, 0),
				input((i) -> i.blockId(WHO_VOTES)
					.label(plainText("Who votes"))
					.element(radioButtons((r) -> r.actionId(WHO_VOTES)
						.initialOption(everyone)
						.options(List.of(everyone, option(plainText("Chosen people"), CHOSEN)))))),
				input((i) -> i.blockId(VOTERS)
					.label(plainText("Chosen people"))
					.optional(true)
					.hint(plainText("Only when “Chosen people” is picked: only they can vote."))
					.element(multiUsersSelect((m) -> m.actionId(VOTERS).placeholder(plainText("Pick voters"))))),
				DetailInputs.quorum(QUORUM_HINT, 0),
				input((i) -> i.blockId(OPTIONS)
					.label(plainText("Options"))
					.optional(true)
					.element(checkboxes((c) -> c.actionId(OPTIONS)
						.options(List.of(anonymous,
								option(plainText("Close as soon as everyone who may vote has voted on every item"),
										CLOSE_EARLY))))))));
		return blocks;
	}

}
