package dev.scopecut.slack;

import java.util.Optional;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.util.JsonPayloadExtractor;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.request.builtin.BlockActionRequest;

/**
 * Parses block action payloads (every vote click) with one shared Gson. Bolt 1.51 builds
 * a new Gson for each block action it parses, and so builds every type adapter again by
 * reflection: under a vote flood that was 40% of the app's CPU (BENCHMARKS.md). The
 * result is still Bolt's request type, routed and handled by Bolt. Other payloads are
 * left to Bolt's parser.
 */
class BlockActionParser {

	private final JsonPayloadExtractor extractor = new JsonPayloadExtractor();

	/** The block action in a form body; empty when the body holds anything else. */
	Optional<BlockActionRequest> parse(String body, RequestHeaders headers) {
		String json = this.extractor.extractIfExists(body);
		if (json == null) {
			return Optional.empty();
		}
		JsonElement tree = SlackJson.GSON.fromJson(json, JsonElement.class);
		if (tree == null || !tree.isJsonObject() || !isBlockAction(tree.getAsJsonObject())) {
			return Optional.empty();
		}
		JsonObject payload = tree.getAsJsonObject();
		// The message the click came from is most of the payload and Scopecut never reads
		// it.
		payload.remove("message");
		BlockActionPayload parsed = SlackJson.GSON.fromJson(payload, BlockActionPayload.class);
		if (parsed.getUser() == null) {
			throw new IllegalArgumentException("a block action with no user");
		}
		return Optional.of(new SharedGsonBlockActionRequest(body, parsed, headers));
	}

	private static boolean isBlockAction(JsonObject payload) {
		JsonElement type = payload.get("type");
		return type != null && type.isJsonPrimitive() && BlockActionPayload.TYPE.equals(type.getAsString());
	}

}
