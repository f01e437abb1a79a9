package dev.scopecut.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * The Block Kit limits Slack enforces when it receives blocks, checked on the JSON as
 * sent. Slack refuses such a call with {@code invalid_blocks}; so does the sandbox, and
 * it shows the refused blocks flagged with each broken rule.
 */
final class BlockKitRules {

	/** Where blocks are shown; each surface has its own block limit. */
	enum Surface {

		MESSAGE(50), MODAL(100), HOME(100);

		final int maxBlocks;

		Surface(int maxBlocks) {
			this.maxBlocks = maxBlocks;
		}

	}

	private BlockKitRules() {
	}

	/** Every broken rule, in words; empty when Slack would take the blocks. */
	static List<String> violations(JsonArray blocks, Surface surface) {
		List<String> broken = new ArrayList<>();
		if (blocks.size() > surface.maxBlocks) {
			broken.add(blocks.size() + " blocks, at most " + surface.maxBlocks + " in a "
					+ surface.name().toLowerCase(Locale.ROOT));
		}
		for (int i = 0; i < blocks.size(); i++) {
			if (!blocks.get(i).isJsonObject()) {
				broken.add("block " + (i + 1) + " is not an object");
				continue;
			}
			block(blocks.get(i).getAsJsonObject(), "block " + (i + 1), broken);
		}
		return broken;
	}

	/** A view's own limits (title, buttons, metadata) and its blocks'. */
	static List<String> viewViolations(JsonObject view, Surface surface) {
		List<String> broken = new ArrayList<>();
		for (String part : List.of("title", "submit", "close")) {
			max(broken, "the view's " + part, text(view, part), 24);
		}
		max(broken, "private_metadata", Json.string(view, "private_metadata"), 3000);
		max(broken, "callback_id", Json.string(view, "callback_id"), 255);
		if (surface == Surface.MODAL && text(view, "title").isEmpty()) {
			broken.add("a modal needs a title");
		}
		JsonElement blocks = view.get("blocks");
		if (blocks == null || !blocks.isJsonArray()) {
			broken.add("the view has no blocks array");
			return broken;
		}
		broken.addAll(violations(blocks.getAsJsonArray(), surface));
		return broken;
	}

	private static void block(JsonObject block, String where, List<String> broken) {
		String type = Json.string(block, "type");
		max(broken, where + " block_id", Json.string(block, "block_id"), 255);
		switch (type) {
			case "header" -> max(broken, where + " header text", text(block, "text"), 150);
			case "section" -> {
				max(broken, where + " section text", text(block, "text"), 3000);
				JsonArray fields = Json.array(block, "fields");
				if (fields.size() > 10) {
					broken.add(where + " has " + fields.size() + " fields, at most 10");
				}
				fields.forEach((field) -> max(broken, where + " field", textOf(field), 2000));
				if (block.has("accessory")) {
					element(block.getAsJsonObject("accessory"), where + " accessory", broken);
				}
			}
			case "context" -> {
				JsonArray elements = Json.array(block, "elements");
				if (elements.size() > 10) {
					broken.add(where + " has " + elements.size() + " context elements, at most 10");
				}
				elements.forEach((element) -> max(broken, where + " context text", textOf(element), 3000));
			}
			case "actions" -> {
				JsonArray elements = Json.array(block, "elements");
				if (elements.size() > 25) {
					broken.add(where + " has " + elements.size() + " elements, at most 25");
				}
				elements.forEach((element) -> element(element.getAsJsonObject(), where, broken));
			}
			case "input" -> {
				max(broken, where + " label", text(block, "label"), 2000);
				if (block.has("element")) {
					element(block.getAsJsonObject("element"), where, broken);
				}
			}
			default -> {
				// Other blocks have limits Scopecut never comes near.
			}
		}
	}

	private static void element(JsonObject element, String where, List<String> broken) {
		String type = Json.string(element, "type");
		max(broken, where + " action_id", Json.string(element, "action_id"), 255);
		if (type.equals("button")) {
			max(broken, where + " button text", text(element, "text"), 75);
			max(broken, where + " button value", Json.string(element, "value"), 2000);
			max(broken, where + " button url", Json.string(element, "url"), 3000);
		}
		JsonArray options = Json.array(element, "options");
		if (type.equals("overflow") && (options.size() < 2 || options.size() > 5)) {
			broken.add(where + " overflow has " + options.size() + " options, 2 to 5 allowed");
		}
		if (options.size() > 100) {
			broken.add(where + " " + type + " has " + options.size() + " options, at most 100");
		}
		options.forEach((option) -> {
			max(broken, where + " option text", text(option.getAsJsonObject(), "text"), 75);
			max(broken, where + " option value", Json.string(option.getAsJsonObject(), "value"), 150);
		});
	}

	private static void max(List<String> broken, String what, String value, int max) {
		if (value.length() > max) {
			broken.add(what + " is " + value.length() + " characters, at most " + max);
		}
	}

	private static String text(JsonObject object, String name) {
		JsonElement value = object.get(name);
		return (value != null) ? textOf(value) : "";
	}

	/** The text of a text object, or of a bare string. */
	private static String textOf(JsonElement value) {
		if (value.isJsonPrimitive()) {
			return value.getAsString();
		}
		return value.isJsonObject() ? Json.string(value.getAsJsonObject(), "text") : "";
	}

}
