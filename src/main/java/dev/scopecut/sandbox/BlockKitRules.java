package dev.scopecut.sandbox;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * The Block Kit limits Slack enforces when it receives blocks, checked on the JSON as
 * sent. Slack refuses such a call with {@code invalid_blocks}; so does the sandbox, and
 * it shows the refused blocks flagged with each broken rule. The tests check every
 * rendering against the same rules (their {@code BlockKitLimits}).
 */
public final class BlockKitRules {

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

	public static final int INPUT_LABEL_MAX = 2000;

	/** A view's title, submit and close texts. */
	public static final int VIEW_TEXT_MAX = 24;

	public static final int PRIVATE_METADATA_MAX = 3000;

	public static final int CALLBACK_ID_MAX = 255;

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

	private BlockKitRules() {
	}

	/** Every broken rule, one line each; empty when Slack would take the blocks. */
	public static List<String> violations(JsonArray blocks, Surface surface) {
		return new Walk(surface).blocks(blocks);
	}

	/** A view's own limits (title, buttons, metadata) and its blocks'. */
	public static List<String> viewViolations(JsonObject view, Surface surface) {
		return new Walk(surface).view(view);
	}

	private static final class Walk {

		private final Surface surface;

		private final List<String> violations = new ArrayList<>();

		private final Set<String> blockIds = new HashSet<>();

		private Walk(Surface surface) {
			this.surface = surface;
		}

		/** A view's own limits (title, buttons, metadata), then its blocks'. */
		List<String> view(JsonObject view) {
			for (String part : List.of("title", "submit", "close")) {
				textIfPresent(view, part, "view", VIEW_TEXT_MAX);
			}
			max("view.private_metadata", string(view, "private_metadata"), PRIVATE_METADATA_MAX);
			max("view.callback_id", string(view, "callback_id"), CALLBACK_ID_MAX);
			if (this.surface == Surface.MODAL && !view.has("title")) {
				fail("view", "is a modal without a title");
			}
			JsonElement blocks = view.get("blocks");
			if (blocks == null || !blocks.isJsonArray()) {
				fail("view", "has no blocks array");
				return this.violations;
			}
			return blocks(blocks.getAsJsonArray());
		}

		List<String> blocks(JsonArray blocks) {
			if (blocks.size() > this.surface.maxBlocks()) {
				fail("message", "has " + blocks.size() + " blocks, more than " + this.surface.maxBlocks());
			}
			for (int i = 0; i < blocks.size(); i++) {
				if (!blocks.get(i).isJsonObject()) {
					fail("blocks[" + i + "]", "is not an object");
					continue;
				}
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
					textIfPresent(block, "label", path, INPUT_LABEL_MAX);
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
