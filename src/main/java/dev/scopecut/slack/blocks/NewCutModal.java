package dev.scopecut.slack.blocks;

import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.checkboxes;
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
import java.util.List;
import java.util.Locale;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.view.View;
import com.slack.api.model.view.Views;

import dev.scopecut.cut.CutDraft;
import dev.scopecut.cut.Item;
import dev.scopecut.cut.ReminderPlan;

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
	 * The modal as opened at {@code now} for a cut in {@code channel}.
	 */
	public static View view(Instant now, String channel) {
		Instant deadline = now.plus(DEFAULT_DURATION).truncatedTo(ChronoUnit.MINUTES);
		return Views.view((v) -> v.type("modal")
			.callbackId(CALLBACK_ID)
			.privateMetadata(channel)
			.title(viewTitle((t) -> t.type("plain_text").text("New scope cut")))
			.submit(viewSubmit((s) -> s.type("plain_text").text("Start cut")))
			.close(viewClose((c) -> c.type("plain_text").text("Cancel")))
			.blocks(blocks(deadline)));
	}

	private static List<LayoutBlock> blocks(Instant deadline) {
		OptionObject everyone = option(plainText("Everyone in this channel"), EVERYONE);
		OptionObject bothReminders = option(plainText("Halfway to the deadline, and an hour before it"),
				reminderValue(ReminderPlan.HALFWAY_AND_LAST_HOUR));
		OptionObject anonymous = option(plainText("Anonymous: show counts only, never who voted"), ANONYMOUS);
		return List.of(DetailInputs.title(null), DetailInputs.question(""),
				input((i) -> i.blockId(ITEMS)
					.label(plainText("Items"))
					.hint(plainText("One a line: 1 to %d items, each at most %d characters."
						.formatted(CutDraft.MAX_ITEMS, Item.MAX_LENGTH)))
					.element(plainTextInput((p) -> p.actionId(ITEMS)
						.multiline(true)
						.maxLength(INPUT_MAX)
						.placeholder(plainText("email signup\ncreate project\nshare project link"))))),
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
										CLOSE_EARLY)))))));
	}

}
