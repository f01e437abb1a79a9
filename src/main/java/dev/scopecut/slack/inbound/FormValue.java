package dev.scopecut.slack.inbound;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One value of an {@code application/x-www-form-urlencoded} body, decoded straight from
 * its bytes ({@code +} is a space, {@code %XX} a byte): a large payload is decoded in one
 * pass, with none of the per-escape copies {@link java.net.URLDecoder} makes. The value
 * stays UTF-8 bytes, so that a caller can drop what it never reads before paying for a
 * {@code String}.
 */
final class FormValue {

	private static final byte[] HEX = new byte[128];

	static {
		Arrays.fill(HEX, (byte) -1);
		for (int i = 0; i < 10; i++) {
			HEX['0' + i] = (byte) i;
		}
		for (int i = 0; i < 6; i++) {
			HEX['a' + i] = (byte) (10 + i);
			HEX['A' + i] = (byte) (10 + i);
		}
	}

	private FormValue() {
	}

	/**
	 * The decoded bytes of the named field, or null when the body has no such field.
	 */
	static byte[] of(byte[] body, String name) {
		byte[] key = (name + "=").getBytes(StandardCharsets.US_ASCII);
		int start = 0;
		while (start < body.length) {
			int end = indexOf(body, (byte) '&', start);
			if (startsWith(body, start, key)) {
				return decode(body, start + key.length, end);
			}
			start = end + 1;
		}
		return null;
	}

	private static byte[] decode(byte[] body, int from, int to) {
		byte[] decoded = new byte[to - from];
		int length = 0;
		for (int i = from; i < to; i++) {
			byte b = body[i];
			if (b == '+') {
				b = ' ';
			}
			else if (b == '%') {
				int high = (i + 2 < to) ? hex(body[i + 1]) : -1;
				int low = (i + 2 < to) ? hex(body[i + 2]) : -1;
				if (high < 0 || low < 0) {
					throw new IllegalArgumentException("malformed form encoding");
				}
				b = (byte) ((high << 4) | low);
				i += 2;
			}
			decoded[length++] = b;
		}
		return Arrays.copyOf(decoded, length);
	}

	/** A hex digit's value, or -1: the decoding loop's one table look-up. */
	private static int hex(byte digit) {
		return (digit >= 0) ? HEX[digit] : -1;
	}

	private static int indexOf(byte[] body, byte value, int from) {
		for (int i = from; i < body.length; i++) {
			if (body[i] == value) {
				return i;
			}
		}
		return body.length;
	}

	private static boolean startsWith(byte[] body, int at, byte[] prefix) {
		if (at + prefix.length > body.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (body[at + i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}

}
