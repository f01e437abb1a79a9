package dev.scopecut.slack;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The bytes of one value of an {@code application/x-www-form-urlencoded} body, decoded as
 * they are read ({@code +} is a space, {@code %XX} a byte), so that a large value is
 * parsed without first being copied into a decoded string.
 */
final class FormValueStream extends InputStream {

	private final byte[] body;

	private final int end;

	private int position;

	private FormValueStream(byte[] body, int start, int end) {
		this.body = body;
		this.position = start;
		this.end = end;
	}

	/** The value of the named field, or null when the body has no such field. */
	static FormValueStream of(byte[] body, String name) {
		byte[] key = (name + "=").getBytes(StandardCharsets.US_ASCII);
		int start = 0;
		while (start < body.length) {
			int next = indexOf(body, (byte) '&', start);
			if (startsWith(body, start, key)) {
				return new FormValueStream(body, start + key.length, next);
			}
			start = next + 1;
		}
		return null;
	}

	@Override
	public int read() {
		if (this.position >= this.end) {
			return -1;
		}
		byte b = this.body[this.position++];
		if (b == '+') {
			return ' ';
		}
		if (b != '%') {
			return b & 0xff;
		}
		int high = (this.position + 2 <= this.end) ? Character.digit(this.body[this.position], 16) : -1;
		int low = (high >= 0) ? Character.digit(this.body[this.position + 1], 16) : -1;
		if (low < 0) {
			throw new IllegalArgumentException("malformed form encoding");
		}
		this.position += 2;
		return (high << 4) | low;
	}

	@Override
	public int read(byte[] buffer, int offset, int length) {
		if (this.position >= this.end) {
			return -1;
		}
		int count = 0;
		while (count < length && this.position < this.end) {
			buffer[offset + count++] = (byte) read();
		}
		return count;
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
