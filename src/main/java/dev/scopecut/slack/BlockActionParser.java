package dev.scopecut.slack;

import java.io.IOException;
import java.io.StringReader;
import java.util.Optional;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.request.builtin.BlockActionRequest;

/**
 * Parses block action payloads (every vote click) for Bolt, at a fraction of Bolt's cost.
 * Bolt 1.51 builds a new Gson for each block action, and so every type adapter again by
 * reflection: under a vote flood that was 40% of the app's CPU; here the shared
 * {@link SlackJson#GSON} does it. The payload is also read straight from the form body
 * and the message the click came from (most of the payload, never read by Scopecut) is
 * skipped, not decoded into objects. The result is Bolt's own request type, routed and
 * handled by Bolt; any other payload is left to Bolt's parser.
 */
class BlockActionParser {

	/** The block action in a form body; empty when the body holds anything else. */
	Optional<BlockActionRequest> parse(byte[] body, String bodyText, RequestHeaders headers) {
		String json = FormValue.of(body, "payload");
		if (json == null) {
			return Optional.empty();
		}
		JsonObject payload;
		try {
			payload = readWithoutMessage(new JsonReader(new StringReader(json)));
		}
		catch (IOException ex) {
			throw new IllegalArgumentException("malformed payload", ex);
		}
		if (payload == null || !isBlockAction(payload)) {
			return Optional.empty();
		}
		BlockActionPayload parsed = SlackJson.GSON.fromJson(payload, BlockActionPayload.class);
		if (parsed.getUser() == null) {
			throw new IllegalArgumentException("a block action with no user");
		}
		return Optional.of(new SharedGsonBlockActionRequest(bodyText, parsed, headers));
	}

	/**
	 * The top-level object with its "message" skipped; null when the JSON is not an
	 * object.
	 */
	private static JsonObject readWithoutMessage(JsonReader reader) throws IOException {
		if (reader.peek() != JsonToken.BEGIN_OBJECT) {
			return null;
		}
		JsonObject object = new JsonObject();
		reader.beginObject();
		while (reader.hasNext()) {
			String name = reader.nextName();
			if (name.equals("message")) {
				reader.skipValue();
			}
			else {
				object.add(name, JsonParser.parseReader(reader));
			}
		}
		reader.endObject();
		return object;
	}

	private static boolean isBlockAction(JsonObject payload) {
		JsonElement type = payload.get("type");
		return type != null && type.isJsonPrimitive() && BlockActionPayload.TYPE.equals(type.getAsString());
	}

}
