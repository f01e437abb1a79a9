package dev.scopecut.slack.outbound;

import java.time.Duration;
import java.util.List;

import okhttp3.Response;

import dev.scopecut.app.port.NotifyFailedException;
import dev.scopecut.app.port.RetryLaterException;

/**
 * What a Web API call that failed means for its caller: wait and call again, or give up.
 * Public for the one caller outside this package that talks to Slack itself (a token's
 * refresh); every other call goes through {@link SharedRetryAfterWebApi}.
 */
public final class SlackFailures {

	/** The wait when Slack cannot be reached, or a 429 comes without Retry-After. */
	public static final Duration DEFAULT_WAIT = Duration.ofSeconds(5);

	private SlackFailures() {
	}

	/**
	 * What an answer other than a 2xx means: a 429 waits its Retry-After, a 5xx
	 * {@link #DEFAULT_WAIT}, and any other status is a refusal.
	 */
	public static RuntimeException ofHttpStatus(Response response) {
		if (response.code() == 429) {
			return new RateLimited("rate limited (429)", retryAfter(response.headers("Retry-After")));
		}
		if (response.code() >= 500) {
			return new RetryLaterException("Slack answered " + response.code(), DEFAULT_WAIT);
		}
		return new NotifyFailedException("http_" + response.code());
	}

	static Duration retryAfter(List<String> header) {
		if (header.isEmpty() || !header.get(0).strip().matches("\\d{1,6}")) {
			return DEFAULT_WAIT;
		}
		return Duration.ofSeconds(Long.parseLong(header.get(0).strip()));
	}

	/**
	 * A retry where Slack certainly did nothing: it refused with a rate limit, or was
	 * never reached. Any other {@link RetryLaterException} (a 5xx, a connection lost
	 * after sending) leaves unknown whether the call took effect.
	 */
	static final class RateLimited extends RetryLaterException {

		RateLimited(String message, Duration wait) {
			super(message, wait);
		}

	}

}
