package dev.scopecut.slack.outbound;

import java.io.IOException;
import java.net.ConnectException;

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
 * {@link SlackFailures#DEFAULT_WAIT}, and any other refusal a
 * {@link NotifyFailedException}. Only {@link SharedRetryAfterWebApi} calls it, so that
 * every call shares Slack's waits.
 */
class SlackWebApi {

	private final Slack slack;

	private final WorkspaceTokens tokens;

	SlackWebApi(Slack slack, WorkspaceTokens tokens) {
		this.slack = slack;
		this.tokens = tokens;
	}

	<T extends SlackApiTextResponse> T call(String workspace, String method, FormBody.Builder form, Class<T> type) {
		String url = this.slack.getConfig().getMethodsEndpointUrlPrefix() + method;
		String token = this.tokens.botToken(workspace);
		try (Response response = this.slack.getHttpClient().postFormWithBearerHeader(url, token, form.build())) {
			String body = response.body().string();
			if (!response.isSuccessful()) {
				throw SlackFailures.ofHttpStatus(response);
			}
			T answer = SlackJson.GSON.fromJson(body, type);
			if (answer == null || !answer.isOk()) {
				String error = (answer != null) ? answer.getError() : "empty_answer";
				if ("ratelimited".equals(error)) {
					throw new SlackFailures.RateLimited("rate limited", SlackFailures.DEFAULT_WAIT);
				}
				throw new NotifyFailedException(error);
			}
			return answer;
		}
		catch (ConnectException ex) {
			throw new SlackFailures.RateLimited("Slack unreachable: " + ex.getClass().getSimpleName(),
					SlackFailures.DEFAULT_WAIT);
		}
		catch (IOException ex) {
			throw new RetryLaterException("Slack unreachable: " + ex.getClass().getSimpleName(),
					SlackFailures.DEFAULT_WAIT);
		}
	}

}
