package dev.scopecut.slack.views;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.slack.api.model.view.ViewState;

import dev.scopecut.cut.CutDraft;
import dev.scopecut.cut.CutSettings;
import dev.scopecut.cut.InvalidCutException;
import dev.scopecut.cut.InvalidCutException.Field;
import dev.scopecut.cut.ReminderPlan;
import dev.scopecut.cut.TypedText;
import dev.scopecut.slack.blocks.NewCutModal;

/**
 * Reads the submitted <em>New scope cut</em> modal into a {@link CutDraft}. What only the
 * form knows (a number that is not one, "Chosen people" with nobody chosen) is refused
 * here; everything else is the domain's to check, in {@link CutDraft}. Slack enforces the
 * inputs' own limits too, but a payload is not trusted to have passed through them.
 */
final class NewCutForm {

	private final FormFields fields;

	private NewCutForm(Map<String, Map<String, ViewState.Value>> values) {
		this.fields = new FormFields(values);
	}

	/**
	 * The draft the form asks for.
	 * @throws InvalidCutException naming the field at fault
	 */
	static CutDraft draft(Map<String, Map<String, ViewState.Value>> values) {
		return new NewCutForm(values).draft();
	}

	/**
	 * Reads every field before refusing any, so that the form shows every broken field at
	 * once; a field the form refuses itself is not refused again by the domain.
	 */
	private CutDraft draft() {
		List<InvalidCutException> refusals = new ArrayList<>();
		Integer deadline = this.fields.value(NewCutModal.DEADLINE)
			.map(ViewState.Value::getSelectedDateTime)
			.orElse(null);
		if (deadline == null) {
			refusals.add(new InvalidCutException(Field.DEADLINE, "Pick when voting closes."));
		}
		int capacity = FormFields.read(refusals, this.fields::capacity, 0);
		int quorum = FormFields.read(refusals, this.fields::quorum, 0);
		boolean chosen = this.fields.value(NewCutModal.WHO_VOTES)
			.map(ViewState.Value::getSelectedOption)
			.map(ViewState.SelectedOption::getValue)
			.filter(NewCutModal.CHOSEN::equals)
			.isPresent();
		List<String> voters = chosen
				? this.fields.value(NewCutModal.VOTERS).map(ViewState.Value::getSelectedUsers).orElse(List.of())
				: List.of();
		if (chosen && voters.isEmpty()) {
			refusals.add(new InvalidCutException(Field.VOTERS,
					"Pick at least one person, or choose “Everyone in this channel” above."));
		}
		List<String> options = this.fields.value(NewCutModal.OPTIONS)
			.map(ViewState.Value::getSelectedOptions)
			.orElse(List.of())
			.stream()
			.map(ViewState.SelectedOption::getValue)
			.toList();
		ReminderPlan reminders = FormFields.read(refusals, this::reminders, ReminderPlan.HALFWAY_AND_LAST_HOUR);
		// Closing early counts the chosen voters, else the channel's members when the cut
		// starts (when Slack cannot say who they are, only the deadline closes the cut).
		// A missing deadline stands at the epoch only so that the other fields are
		// checked: it is refused above.
		LocalDate checkIn = FormFields.read(refusals, this::checkIn, null);
		CutSettings settings = new CutSettings(this.fields.text(NewCutModal.QUESTION).strip(),
				Instant.ofEpochSecond((deadline != null) ? deadline : 0), capacity, quorum,
				options.contains(NewCutModal.ANONYMOUS), voters, options.contains(NewCutModal.CLOSE_EARLY), reminders,
				checkIn);
		String title = FormFields.read(refusals, this.fields::title, "");
		// The domain's own wording for this one speaks of the quick start's syntax.
		List<String> items = TypedText.lines(this.fields.text(NewCutModal.ITEMS));
		if (items.stream().allMatch(String::isEmpty)) {
			refusals.add(new InvalidCutException(Field.ITEMS, "List at least one item, one a line."));
		}
		try {
			CutDraft draft = new CutDraft(title, items, settings);
			if (refusals.isEmpty()) {
				return draft;
			}
		}
		catch (InvalidCutException ex) {
			refusals.addAll(ex.refusals());
		}
		throw InvalidCutException.all(refusals);
	}

	/** The check-in day picked; null when none (or the form predates the choice). */
	private LocalDate checkIn() {
		Optional<String> picked = this.fields.value(NewCutModal.CHECK_IN).map(ViewState.Value::getSelectedDate);
		try {
			return picked.filter((day) -> !day.isBlank()).map(LocalDate::parse).orElse(null);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidCutException(Field.CHECK_IN, "Pick the check-in day from the calendar.");
		}
	}

	/** The reminders chosen; the default ones when the form predates the choice. */
	private ReminderPlan reminders() {
		Optional<String> chosen = this.fields.value(NewCutModal.REMINDERS)
			.map(ViewState.Value::getSelectedOption)
			.map(ViewState.SelectedOption::getValue);
		if (chosen.isEmpty()) {
			return ReminderPlan.HALFWAY_AND_LAST_HOUR;
		}
		return Arrays.stream(ReminderPlan.values())
			.filter((plan) -> NewCutModal.reminderValue(plan).equals(chosen.get()))
			.findFirst()
			.orElseThrow(() -> new InvalidCutException(Field.REMINDERS, "Pick when reminders go out."));
	}

}
