package dev.scopecut.slack.inbound;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

import com.google.gson.JsonParseException;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.request.builtin.BlockActionRequest;

import dev.scopecut.slack.SlackJson;

/**
 * Parses block action payloads (every vote click) for Bolt, at a fraction of Bolt's cost.
 * Bolt 1.51 builds a new Gson for each block action, and so every type adapter again by
 * reflection: under a vote flood that was 40% of the app's CPU; here the shared
 * {@link SlackJson#GSON} does it. The payload is also read straight from the form body,
 * and the message the click came from (most of the payload, never read by Scopecut) is
 * cut out of the UTF-8 bytes before any of it becomes a {@code String}: the message holds
 * non-Latin-1 text ("·", "“"), which made the whole payload a UTF-16 string to decode and
 * copy. The result is Bolt's own request type, routed and handled by Bolt; any other
 * payload is left to Bolt's parser.
 */
class BlockActionParser {

	private static final byte[] MESSAGE = quoted("message");

	private static final byte[] TYPE = quoted("type");

	private static final byte[] BLOCK_ACTIONS = quoted(BlockActionPayload.TYPE);

	private static final byte[] NULL = "null".getBytes(StandardCharsets.US_ASCII);

	/** The block action in a form body; empty when the body holds anything else. */
	Optional<BlockActionRequest> parse(byte[] body, RequestHeaders headers) {
		byte[] json = FormValue.of(body, "payload");
		if (json == null) {
			return Optional.empty();
		}
		Scan scan = scan(json);
		if (!scan.blockAction()) {
			return Optional.empty();
		}
		BlockActionPayload parsed;
		try {
			parsed = SlackJson.GSON.fromJson(new String(scan.json(), StandardCharsets.UTF_8), BlockActionPayload.class);
		}
		catch (JsonParseException ex) {
			throw new IllegalArgumentException("malformed payload", ex);
		}
		if (parsed.getUser() == null) {
			throw new IllegalArgumentException("a block action with no user");
		}
		return Optional.of(new SharedGsonBlockActionRequest(body, parsed, headers));
	}

	/**
	 * A payload's JSON with the value of its top-level "message" (an object) replaced by
	 * {@code null}, and whether its top-level "type" is {@code block_actions}.
	 */
	record Scan(byte[] json, boolean blockAction) {
	}

	/**
	 * Walks the payload's UTF-8 bytes, where no byte of a multi-byte character can be a
	 * quote, bracket or backslash, with no decoding. Anything unexpected (a type written
	 * with escapes, JSON that ends early) leaves the payload whole and, at worst, to
	 * Bolt's parser.
	 */
	static Scan scan(byte[] json) {
		int depth = 0;
		boolean blockAction = false;
		int messageFrom = -1;
		int messageTo = -1;
		for (int i = 0; i < json.length; i++) {
			byte b = json[i];
			if (b == '"') {
				int end = endOfString(json, i);
				if (end == json.length) {
					return new Scan(json, false);
				}
				int value = (depth == 1) ? valueAfterName(json, end + 1) : -1;
				if (value >= 0 && regionEquals(json, i, end + 1, MESSAGE) && json[value] == '{') {
					messageFrom = value;
					messageTo = endOfObject(json, value);
					if (messageTo < 0) {
						return new Scan(json, false);
					}
					end = messageTo - 1;
				}
				else if (value >= 0 && regionEquals(json, i, end + 1, TYPE) && json[value] == '"') {
					end = endOfString(json, value);
					blockAction = regionEquals(json, value, end + 1, BLOCK_ACTIONS);
				}
				i = end;
			}
			else if (b == '{' || b == '[') {
				depth++;
			}
			else if (b == '}' || b == ']') {
				depth--;
			}
		}
		return new Scan((messageFrom < 0) ? json : replace(json, messageFrom, messageTo, NULL), blockAction);
	}

	/** The index of the quote closing the string opened at {@code start}. */
	private static int endOfString(byte[] json, int start) {
		for (int i = start + 1; i < json.length; i++) {
			if (json[i] == '\\') {
				i++;
			}
			else if (json[i] == '"') {
				return i;
			}
		}
		return json.length;
	}

	/**
	 * The index just past the object opened at {@code start}, or -1 when it never closes.
	 */
	private static int endOfObject(byte[] json, int start) {
		int depth = 0;
		for (int i = start; i < json.length; i++) {
			byte b = json[i];
			if (b == '"') {
				i = endOfString(json, i);
			}
			else if (b == '{' || b == '[') {
				depth++;
			}
			else if ((b == '}' || b == ']') && --depth == 0) {
				return i + 1;
			}
		}
		return -1;
	}

	/**
	 * The index of the value after a member name ending before {@code from}, or -1 when
	 * no colon follows (the string was not a name).
	 */
	private static int valueAfterName(byte[] json, int from) {
		int i = from;
		while (i < json.length && isWhitespace(json[i])) {
			i++;
		}
		if (i == json.length || json[i] != ':') {
			return -1;
		}
		i++;
		while (i < json.length && isWhitespace(json[i])) {
			i++;
		}
		return (i < json.length) ? i : -1;
	}

	private static byte[] quoted(String name) {
		return ("\"" + name + "\"").getBytes(StandardCharsets.US_ASCII);
	}

	private static boolean isWhitespace(byte b) {
		return b == ' ' || b == '\n' || b == '\r' || b == '\t';
	}

	private static boolean regionEquals(byte[] json, int from, int to, byte[] expected) {
		return to - from == expected.length && to <= json.length
				&& Arrays.equals(json, from, to, expected, 0, expected.length);
	}

	private static byte[] replace(byte[] json, int from, int to, byte[] replacement) {
		byte[] result = new byte[json.length - (to - from) + replacement.length];
		System.arraycopy(json, 0, result, 0, from);
		System.arraycopy(replacement, 0, result, from, replacement.length);
		System.arraycopy(json, to, result, from + replacement.length, json.length - to);
		return result;
	}

}
