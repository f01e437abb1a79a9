package dev.scopecut.support.blockkit;

import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.util.json.GsonFactory;

import dev.scopecut.sandbox.BlockKitRules;
import dev.scopecut.sandbox.BlockKitRules.Surface;

/**
 * Checks rendered Block Kit against the limits Slack enforces, on the JSON Bolt would
 * send (its snake-case Gson), so that what is checked is what Slack receives. The rules
 * are the sandbox's {@link BlockKitRules}, which refuses what Slack would. Every
 * violation is collected, then reported together.
 *
 * <pre>
 * BlockKitLimits.assertWithinLimits(message.blocks());
 * BlockKitLimits.assertWithinLimits(view.getBlocks(), Surface.MODAL);
 * </pre>
 */
public final class BlockKitLimits {

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
		return BlockKitRules.violations(blocks, surface);
	}

}
