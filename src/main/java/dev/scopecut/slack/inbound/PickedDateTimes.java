package dev.scopecut.slack.inbound;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

/**
 * Slack sends a date-time picker's choice in epoch seconds, and the SDK keeps it in an
 * {@code int} ({@code ViewState.Value#selectedDateTime}): a pick after
 * 2038-01-19T03:14:07Z fails Bolt's parse of the whole form, and the person would get a
 * bare 400 with no word on the field. Such a pick is read here as the latest instant an
 * {@code int} holds, which every form refuses on its own field as too far away
 * ({@link dev.scopecut.app.CutService#LONGEST_OPEN}).
 */
final class PickedDateTimes {

	private static final String FIELD = "selected_date_time";

	private PickedDateTimes() {
	}

	/**
	 * The form body, its pickers' choices brought within an {@code int}; the body itself
	 * when it needs nothing (every body that is not a form with a picker).
	 */
	static String fitted(byte[] bytes, String body) {
		if (!body.contains(FIELD)) {
			return body;
		}
		byte[] payload = FormValue.of(bytes, "payload");
		if (payload == null) {
			return body;
		}
		try {
			JsonElement json = JsonParser.parseString(new String(payload, StandardCharsets.UTF_8));
			JsonElement values = at(at(at(json, "view"), "state"), "values");
			if (values == null || !values.isJsonObject() || !fitted(values.getAsJsonObject())) {
				return body;
			}
			return "payload=" + URLEncoder.encode(json.toString(), StandardCharsets.UTF_8);
		}
		catch (JsonParseException | IllegalStateException ex) {
			// Left whole, for Bolt's parser to refuse.
			return body;
		}
	}

	/** Brings every picked date-time within an int; true when one had to be. */
	private static boolean fitted(JsonObject values) {
		boolean changed = false;
		for (Map.Entry<String, JsonElement> block : values.entrySet()) {
			if (!block.getValue().isJsonObject()) {
				continue;
			}
			for (Map.Entry<String, JsonElement> input : block.getValue().getAsJsonObject().entrySet()) {
				JsonElement picked = at(input.getValue(), FIELD);
				if (picked != null && picked.isJsonPrimitive() && picked.getAsJsonPrimitive().isNumber()
						&& picked.getAsBigDecimal().compareTo(java.math.BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
					input.getValue().getAsJsonObject().add(FIELD, new JsonPrimitive(Integer.MAX_VALUE));
					changed = true;
				}
			}
		}
		return changed;
	}

	private static JsonElement at(JsonElement json, String member) {
		return (json != null && json.isJsonObject()) ? json.getAsJsonObject().get(member) : null;
	}

}
