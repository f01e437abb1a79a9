package dev.scopecut.slack.views;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import com.slack.api.model.view.ViewState;

import dev.scopecut.cut.InvalidCutException;
import dev.scopecut.cut.InvalidCutException.Field;
import dev.scopecut.cut.TypedText;
import dev.scopecut.slack.blocks.NewCutModal;

/**
 * The inputs of a submitted Scopecut modal, by id (each input's block id is also its
 * action id). What only a form knows, a number that is not one, is refused here; Slack
 * enforces the inputs' own limits too, but a payload is not trusted to have passed
 * through them.
 */
final class FormFields {

	private final Map<String, Map<String, ViewState.Value>> values;

	FormFields(Map<String, Map<String, ViewState.Value>> values) {
		this.values = (values != null) ? values : Map.of();
	}

	Optional<ViewState.Value> value(String id) {
		return Optional.ofNullable(this.values.get(id)).map((block) -> block.get(id));
	}

	/** A text input's value; empty when left empty or missing. */
	String text(String id) {
		return value(id).map(ViewState.Value::getValue).orElse("");
	}

	/**
	 * The title input, refused here when empty: the domain's own wording for it speaks of
	 * the quick start's syntax.
	 */
	String title() {
		String title = text(NewCutModal.TITLE);
		if (TypedText.oneLine(title).isEmpty()) {
			throw new InvalidCutException(Field.TITLE, "Give the cut a title.");
		}
		return title;
	}

	/** The capacity input: 0 when left empty, for no limit. */
	int capacity() {
		return count(NewCutModal.CAPACITY, Field.CAPACITY, "The capacity");
	}

	/** The quorum input: 0 when left empty, for none. */
	int quorum() {
		return count(NewCutModal.QUORUM, Field.QUORUM, "The quorum");
	}

	/**
	 * A field's value, or {@code otherwise} with its refusal kept, so that a form reads
	 * every field before it refuses any.
	 */
	static <T> T read(List<InvalidCutException> refusals, Supplier<T> field, T otherwise) {
		try {
			return field.get();
		}
		catch (InvalidCutException ex) {
			refusals.add(ex);
			return otherwise;
		}
	}

	/** An optional whole number of 1 or more; 0 when left empty. */
	private int count(String id, Field field, String name) {
		String text = text(id).strip();
		if (text.isEmpty()) {
			return 0;
		}
		try {
			int count = Integer.parseInt(text);
			if (count >= 1) {
				return count;
			}
		}
		catch (NumberFormatException ex) {
			// refused below
		}
		throw new InvalidCutException(field, name + " is a whole number, 1 or more; or leave it empty.");
	}

}
