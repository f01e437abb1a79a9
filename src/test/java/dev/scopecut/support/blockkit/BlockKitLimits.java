package dev.scopecut.support.blockkit;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.util.json.GsonFactory;

/**
 * Checks rendered Block Kit against the limits Slack enforces, on the JSON Bolt would
 * send (its snake-case Gson), so that what is checked is what Slack receives. Every
 * violation is collected, then reported together.
 *
 * <pre>
 * BlockKitLimits.assertWithinLimits(message.blocks());
 * BlockKitLimits.assertWithinLimits(view.getBlocks(), BlockKitLimits.Surface.MODAL);
 * </pre>
 */
public final class BlockKitLimits {

	public static final int SECTION_TEXT_MAX = 3000;

	public static final int SECTION_FIELDS_MAX = 10;

	public static final int SECTION_FIELD_TEXT_MAX = 2000;

	public static final int HEADER_TEXT_MAX = 150;

	public static final int BUTTON_TEXT_MAX = 75;

	public static final int BUTTON_VALUE_MAX = 2000;

	public static final int BUTTON_URL_MAX = 3000;

	/** An option's text, in an overflow or select menu. */
	public static final int OPTION_TEXT_MAX = 75;

	/**
	 * An option's value: Slack allows 150 characters here, fewer than a button's 2,000.
	 */
	public static final int OPTION_VALUE_MAX = 150;

	public static final int OVERFLOW_OPTIONS_MIN = 2;

	public static final int OVERFLOW_OPTIONS_MAX = 5;

	public static final int SELECT_OPTIONS_MAX = 100;

	public static final int ACTION_ID_MAX = 255;

	public static final int BLOCK_ID_MAX = 255;

	public static final int ACTIONS_ELEMENTS_MAX = 25;

	public static final int CONTEXT_ELEMENTS_MAX = 10;

	public static final int CONTEXT_TEXT_MAX = 3000;

	public static final int CONFIRM_TITLE_MAX = 100;

	public static final int CONFIRM_TEXT_MAX = 300;

	public static final int CONFIRM_BUTTON_MAX = 30;

	/** Where blocks are shown; each surface has its own block limit. */
	public enum Surface {

		MESSAGE(50), MODAL(100), HOME(100);

		private final int maxBlocks;

		Surface(int maxBlocks) {
			this.maxBlocks = maxBlocks;
		}

		public int maxBlocks() {
			return this.maxBlocks;
		}

	}

	private BlockKitLimits() {
	}

	/** The blocks as Bolt serialises them for the Web API. */
	public static String toJson(List<? extends LayoutBlock> blocks) {
		return GsonFactory.createSnakeCase().toJson(blocks);
	}

	/** Asserts that the blocks fit in one message. */
	public static void assertWithinLimits(List<? extends LayoutBlock> blocks) {
		assertWithinLimits(blocks, Surface.MESSAGE);
	}

	public static void assertWithinLimits(List<? extends LayoutBlock> blocks, Surface surface) {
		assertWithinLimits(toJson(blocks), surface);
	}

	/**
	 * Asserts on JSON: an array of blocks, or an object (a message or a view) with a
	 * {@code blocks} array.
	 */
	public static void assertWithinLimits(String json, Surface surface) {
		List<String> violations = violations(json, surface);
		if (!violations.isEmpty()) {
			throw new AssertionError("Block Kit limits exceeded for a " + surface.name().toLowerCase() + " ("
					+ violations.size() + "):\n  " + String.join("\n  ", violations));
		}
	}

	public static List<String> violations(List<? extends LayoutBlock> blocks, Surface surface) {
		return violations(toJson(blocks), surface);
	}

	/** Every limit the JSON breaks, one line each; empty when it fits. */
	public static List<String> violations(String json, Surface surface) {
		JsonElement root = JsonParser.parseString(json);
		JsonArray blocks = root.isJsonArray() ? root.getAsJsonArray() : root.getAsJsonObject().getAsJsonArray("blocks");
		if (blocks == null) {
			return List.of("no blocks array");
		}
		return new Walk(surface).blocks(blocks);
	}

	private static final class Walk {

		private final Surface surface;

		private final List<String> violations = new ArrayList<>();

		private final Set<String> blockIds = new HashSet<>();

		private Walk(Surface surface) {
			this.surface = surface;
		}

		List<String> blocks(JsonArray blocks) {
			if (blocks.size() > this.surface.maxBlocks()) {
				fail("message", "has " + blocks.size() + " blocks, more than " + this.surface.maxBlocks());
			}
			for (int i = 0; i < blocks.size(); i++) {
				block(blocks.get(i).getAsJsonObject(), "blocks[" + i + "]");
			}
			return this.violations;
		}

		private void block(JsonObject block, String path) {
			String type = string(block, "type");
			path = path + "(" + type + ")";
			String blockId = string(block, "block_id");
			if (blockId != null) {
				max(path + ".block_id", blockId, BLOCK_ID_MAX);
				if (!this.blockIds.add(blockId)) {
					fail(path + ".block_id", "'" + blockId + "' is used by another block");
				}
			}
			Set<String> actionIds = new HashSet<>();
			switch (String.valueOf(type)) {
				case "section" -> section(block, path, actionIds);
				case "header" -> header(block, path);
				case "actions" -> actions(block, path, actionIds);
				case "context" -> context(block, path);
				case "input" -> {
					if (block.has("element")) {
						element(block.getAsJsonObject("element"), path + ".element", actionIds);
					}
				}
				default -> {
				}
			}
		}

		private void section(JsonObject block, String path, Set<String> actionIds) {
			JsonObject text = block.getAsJsonObject("text");
			JsonArray fields = block.getAsJsonArray("fields");
			if (text == null && fields == null) {
				fail(path, "has neither text nor fields");
			}
			if (text != null) {
				text(text, path + ".text", SECTION_TEXT_MAX);
			}
			if (fields != null) {
				if (fields.size() > SECTION_FIELDS_MAX) {
					fail(path + ".fields", "has " + fields.size() + " fields, more than " + SECTION_FIELDS_MAX);
				}
				for (int i = 0; i < fields.size(); i++) {
					text(fields.get(i).getAsJsonObject(), path + ".fields[" + i + "]", SECTION_FIELD_TEXT_MAX);
				}
			}
			if (block.has("accessory")) {
				element(block.getAsJsonObject("accessory"), path + ".accessory", actionIds);
			}
		}

		private void header(JsonObject block, String path) {
			JsonObject text = block.getAsJsonObject("text");
			if (text == null) {
				fail(path, "has no text");
				return;
			}
			if (!"plain_text".equals(string(text, "type"))) {
				fail(path + ".text", "is not plain_text");
			}
			text(text, path + ".text", HEADER_TEXT_MAX);
		}

		private void actions(JsonObject block, String path, Set<String> actionIds) {
			JsonArray elements = block.getAsJsonArray("elements");
			if (elements == null || elements.isEmpty()) {
				fail(path, "has no elements");
				return;
			}
			if (elements.size() > ACTIONS_ELEMENTS_MAX) {
				fail(path + ".elements", "has " + elements.size() + " elements, more than " + ACTIONS_ELEMENTS_MAX);
			}
			for (int i = 0; i < elements.size(); i++) {
				element(elements.get(i).getAsJsonObject(), path + ".elements[" + i + "]", actionIds);
			}
		}

		private void context(JsonObject block, String path) {
			JsonArray elements = block.getAsJsonArray("elements");
			if (elements == null || elements.isEmpty()) {
				fail(path, "has no elements");
				return;
			}
			if (elements.size() > CONTEXT_ELEMENTS_MAX) {
				fail(path + ".elements", "has " + elements.size() + " elements, more than " + CONTEXT_ELEMENTS_MAX);
			}
			for (int i = 0; i < elements.size(); i++) {
				JsonObject element = elements.get(i).getAsJsonObject();
				String type = string(element, "type");
				if ("mrkdwn".equals(type) || "plain_text".equals(type)) {
					text(element, path + ".elements[" + i + "]", CONTEXT_TEXT_MAX);
				}
			}
		}

		/** An interactive element: its action id, and its own limits by type. */
		private void element(JsonObject element, String path, Set<String> actionIds) {
			String type = string(element, "type");
			path = path + "(" + type + ")";
			String actionId = string(element, "action_id");
			if (actionId != null) {
				max(path + ".action_id", actionId, ACTION_ID_MAX);
				if (!actionIds.add(actionId)) {
					fail(path + ".action_id", "'" + actionId + "' is used by another element of the same block");
				}
			}
			if ("button".equals(type)) {
				JsonObject text = element.getAsJsonObject("text");
				if (text == null) {
					fail(path, "has no text");
				}
				else {
					text(text, path + ".text", BUTTON_TEXT_MAX);
				}
				max(path + ".value", string(element, "value"), BUTTON_VALUE_MAX);
				max(path + ".url", string(element, "url"), BUTTON_URL_MAX);
			}
			JsonArray options = element.getAsJsonArray("options");
			if ("overflow".equals(type)) {
				int count = (options != null) ? options.size() : 0;
				if (count < OVERFLOW_OPTIONS_MIN || count > OVERFLOW_OPTIONS_MAX) {
					fail(path + ".options",
							"has " + count + " options, not " + OVERFLOW_OPTIONS_MIN + " to " + OVERFLOW_OPTIONS_MAX);
				}
			}
			else if (options != null && options.size() > SELECT_OPTIONS_MAX) {
				fail(path + ".options", "has " + options.size() + " options, more than " + SELECT_OPTIONS_MAX);
			}
			if (options != null) {
				for (int i = 0; i < options.size(); i++) {
					option(options.get(i).getAsJsonObject(), path + ".options[" + i + "]");
				}
			}
			if (element.has("confirm")) {
				confirm(element.getAsJsonObject("confirm"), path + ".confirm");
			}
		}

		private void option(JsonObject option, String path) {
			JsonObject text = option.getAsJsonObject("text");
			if (text == null) {
				fail(path, "has no text");
			}
			else {
				text(text, path + ".text", OPTION_TEXT_MAX);
			}
			max(path + ".value", string(option, "value"), OPTION_VALUE_MAX);
		}

		private void confirm(JsonObject confirm, String path) {
			textIfPresent(confirm, "title", path, CONFIRM_TITLE_MAX);
			textIfPresent(confirm, "text", path, CONFIRM_TEXT_MAX);
			textIfPresent(confirm, "confirm", path, CONFIRM_BUTTON_MAX);
			textIfPresent(confirm, "deny", path, CONFIRM_BUTTON_MAX);
		}

		private void textIfPresent(JsonObject parent, String name, String path, int max) {
			if (parent.has(name)) {
				text(parent.getAsJsonObject(name), path + "." + name, max);
			}
		}

		/** A text object: not empty (Slack refuses it), and within its limit. */
		private void text(JsonObject text, String path, int max) {
			String value = string(text, "text");
			if (value == null || value.isEmpty()) {
				fail(path, "is empty");
				return;
			}
			max(path, value, max);
		}

		private void max(String path, String value, int max) {
			if (value != null && value.length() > max) {
				fail(path, "is " + value.length() + " characters, more than " + max);
			}
		}

		private void fail(String path, String problem) {
			this.violations.add(path + " " + problem);
		}

		private static String string(JsonObject object, String name) {
			JsonElement value = object.get(name);
			return (value == null || value.isJsonNull()) ? null : value.getAsString();
		}

	}

}
