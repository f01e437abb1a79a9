package dev.scopecut.slack.inbound;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Slack's request signature, {@code v0=} and the hex HMAC-SHA256 of
 * {@code v0:<timestamp>:<body>}, checked on the body's raw bytes with one keyed
 * {@link Mac} per thread. The SDK's {@code SlackSignature.Verifier} does the same from a
 * {@code String}, building a new Mac and formatting every byte with {@code String.format}
 * on each request: 5% of the app's CPU under a vote flood. The timestamp's freshness is
 * the caller's to check.
 */
final class RequestSignature {

	private static final String ALGORITHM = "HmacSHA256";

	private static final String VERSION = "v0";

	/** {@code v0=} and 32 bytes in hex. */
	private static final int LENGTH = VERSION.length() + 1 + 64;

	private final ThreadLocal<Mac> macs;

	RequestSignature(String signingSecret) {
		SecretKeySpec key = new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
		this.macs = ThreadLocal.withInitial(() -> newMac(key));
	}

	/**
	 * Whether {@code signature} has the shape of one, {@code v0=} and 64 hex digits:
	 * checkable from the headers alone, before the body is read.
	 */
	static boolean isWellFormed(String signature) {
		return claimedMac(signature) != null;
	}

	/** Whether {@code signature} signs the timestamp and body with this secret. */
	boolean isValid(String timestamp, byte[] body, String signature) {
		byte[] claimed = claimedMac(signature);
		if (timestamp == null || claimed == null) {
			return false;
		}
		Mac mac = this.macs.get();
		mac.update((VERSION + ":" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
		mac.update(body);
		// doFinal also resets the Mac for this thread's next request.
		return MessageDigest.isEqual(mac.doFinal(), claimed);
	}

	/**
	 * The MAC a signature claims, or null when it is not {@code v0=} and 64 hex digits.
	 */
	private static byte[] claimedMac(String signature) {
		if (signature == null || signature.length() != LENGTH || !signature.startsWith(VERSION + "=")) {
			return null;
		}
		try {
			return HexFormat.of().parseHex(signature, VERSION.length() + 1, LENGTH);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static Mac newMac(SecretKeySpec key) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(key);
			return mac;
		}
		catch (GeneralSecurityException ex) {
			// Every Java runtime has HmacSHA256.
			throw new IllegalStateException(ex);
		}
	}

}
