package dev.scopecut.slack.outbound;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.List;

import com.slack.api.Slack;
import com.slack.api.methods.SlackApiTextResponse;
import okhttp3.FormBody;
import okhttp3.Response;

import dev.scopecut.app.port.NotifyFailedException;
import dev.scopecut.app.port.RetryLaterException;
import dev.scopecut.slack.SlackJson;

/**
 * Calls one Web API method with a workspace's bot token and reads the answer with the
 * shared {@link SlackJson#GSON}. The SDK's method wrappers are not used: they read every
 * answer with a new Gson, building the adapters of the whole response type again by
 * reflection, about 10 ms of CPU per call. A 429 becomes a {@link RetryLaterException}
 * carrying Slack's Retry-After, a 5xx or an unreachable Slack one with
 * {@link #DEFAULT_WAIT}, and any other refusal a {@link NotifyFailedException}.
 */
public class SlackWebApi {

	/** The wait when Slack cannot be reached, or a 429 comes without Retry-After. */
	public static final Duration DEFAULT_WAIT = Duration.ofSeconds(5);

	private final Slack slack;

	private final WorkspaceTokens tokens;

	public SlackWebApi(Slack slack, WorkspaceTokens tokens) {
		this.slack = slack;
		this.tokens = tokens;
	}

	public <T extends SlackApiTextResponse> T call(String workspace, String method, FormBody.Builder form,
			Class<T> type) {
		String url = this.slack.getConfig().getMethodsEndpointUrlPrefix() + method;
		String token = this.tokens.botToken(workspace);
		try (Response response = this.slack.getHttpClient().postFormWithBearerHeader(url, token, form.build())) {
			String body = response.body().string();
			if (!response.isSuccessful()) {
				throw httpFailure(response);
			}
			T answer = SlackJson.GSON.fromJson(body, type);
			if (answer == null || !answer.isOk()) {
				String error = (answer != null) ? answer.getError() : "empty_answer";
				if ("ratelimited".equals(error)) {
					throw new RateLimited("rate limited", DEFAULT_WAIT);
				}
				throw new NotifyFailedException(error);
			}
			return answer;
		}
		catch (ConnectException ex) {
			throw new RateLimited("Slack unreachable: " + ex.getClass().getSimpleName(), DEFAULT_WAIT);
		}
		catch (IOException ex) {
			throw new RetryLaterException("Slack unreachable: " + ex.getClass().getSimpleName(), DEFAULT_WAIT);
		}
	}

	/**
	 * What an answer other than a 2xx means: a 429 waits its Retry-After, a 5xx
	 * {@link #DEFAULT_WAIT}, and any other status is a refusal.
	 */
	public static RuntimeException httpFailure(Response response) {
		if (response.code() == 429) {
			return new RateLimited("rate limited (429)", retryAfter(response.headers("Retry-After")));
		}
		if (response.code() >= 500) {
			return new RetryLaterException("Slack answered " + response.code(), DEFAULT_WAIT);
		}
		return new NotifyFailedException("http_" + response.code());
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

	static Duration retryAfter(List<String> header) {
		if (header.isEmpty() || !header.get(0).strip().matches("\\d{1,6}")) {
			return DEFAULT_WAIT;
		}
		return Duration.ofSeconds(Long.parseLong(header.get(0).strip()));
	}

}
