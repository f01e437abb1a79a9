package dev.scopecut.slack.inbound;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slack's request signature, {@code v0=} and the hex HMAC-SHA256 of
 * {@code v0:<timestamp>:<body>}, checked on the body's raw bytes with one keyed
 * {@link Mac} per thread. The SDK's {@code SlackSignature.Verifier} does the same from a
 * {@code String}, building a new Mac and formatting every byte with {@code String.format}
 * on each request: 5% of the app's CPU under a vote flood. The timestamp's freshness is
 * the caller's to check.
 * <p>
 * The HMAC is AWS's native provider's (Amazon Corretto Crypto Provider) where it loads,
 * on x86-64 Linux as in the image. The image's JVM compiles with C1 only, which has no
 * SHA-256 intrinsic: the JDK's own HMAC of a 13.6 KB click took about 100 µs there
 * against the native provider's 8, and was the largest part of the app's CPU under load
 * (21% of a flight recording's samples; BENCHMARKS.md). Where the native library does not
 * load (another platform, no writable temporary directory) the JDK's provider checks
 * signatures, and a log line says so. Loading it takes a few hundred milliseconds of a
 * start (its jar is signed, and the JDK checks the 9.6 MB library's digest, under C1
 * too), so it loads on a thread of its own while the app starts; a request that comes
 * sooner waits for it, at most a few seconds.
 */
final class RequestSignature {

	private static final Logger log = LoggerFactory.getLogger(RequestSignature.class);

	private static final String ALGORITHM = "HmacSHA256";

	private static final String VERSION = "v0";

	/** {@code v0=} and 32 bytes in hex. */
	private static final int LENGTH = VERSION.length() + 1 + 64;

	/**
	 * How long a request's thread waits for the native provider to load before it checks
	 * with the JDK's instead; loading takes well under a second.
	 */
	private static final Duration LOADING_WAIT = Duration.ofSeconds(5);

	/** The provider of this JVM's signature checks, chosen once, off the start's path. */
	private static final CompletableFuture<Provider> FASTEST = CompletableFuture
		.supplyAsync(() -> fastest(AmazonCorrettoCryptoProvider.INSTANCE,
				AmazonCorrettoCryptoProvider.INSTANCE.getLoadingError()), (task) -> {
					Thread loader = new Thread(task, "signature-provider");
					loader.setDaemon(true);
					loader.start();
				});

	private final ThreadLocal<Mac> macs;

	RequestSignature(String signingSecret) {
		this(signingSecret, FASTEST);
	}

	/** Checks with {@code provider}: for tests of each provider. */
	RequestSignature(String signingSecret, Provider provider) {
		this(signingSecret, CompletableFuture.completedFuture(provider));
	}

	private RequestSignature(String signingSecret, CompletableFuture<Provider> provider) {
		SecretKeySpec key = new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
		this.macs = ThreadLocal.withInitial(() -> newMac(key, awaited(provider)));
	}

	/**
	 * {@code candidate}, the native provider, if it loaded ({@code loadingError} null)
	 * and passes its self-tests (run on a provider's first use); else the JDK's first
	 * HMAC-SHA256. Whatever goes wrong with the candidate, the JDK's checks signatures.
	 */
	static Provider fastest(Provider candidate, Throwable loadingError) {
		Throwable refusal = loadingError;
		if (refusal == null) {
			try {
				Mac.getInstance(ALGORITHM, candidate);
				log.info("Request signatures are checked by {}", candidate);
				return candidate;
			}
			catch (GeneralSecurityException | RuntimeException | LinkageError ex) {
				refusal = ex;
			}
		}
		Provider jdk = jdkProvider();
		log.info("Request signatures are checked by {}: the native provider is unavailable ({})", jdk, refusal);
		return jdk;
	}

	private static Provider awaited(CompletableFuture<Provider> provider) {
		try {
			return provider.get(LOADING_WAIT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (ExecutionException | TimeoutException ex) {
			log.warn("This thread checks signatures with the JDK's provider: the native one is not ready ({})",
					ex.toString());
		}
		return jdkProvider();
	}

	private static Provider jdkProvider() {
		try {
			return Mac.getInstance(ALGORITHM).getProvider();
		}
		catch (NoSuchAlgorithmException ex) {
			// Every Java runtime has HmacSHA256.
			throw new IllegalStateException(ex);
		}
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

	private static Mac newMac(SecretKeySpec key, Provider provider) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM, provider);
			mac.init(key);
			return mac;
		}
		catch (GeneralSecurityException ex) {
			// The provider was chosen for making an HmacSHA256, and the key is one.
			throw new IllegalStateException(ex);
		}
	}

}
