package dev.scopecut.slack;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import com.slack.api.Slack;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.chat.ChatUpdateResponse;
import okhttp3.FormBody;
import okhttp3.Response;
import org.springframework.stereotype.Component;

import dev.scopecut.app.CutNotifier;
import dev.scopecut.app.CutSnapshot;
import dev.scopecut.app.NotifyFailedException;
import dev.scopecut.app.RetryLaterException;
import dev.scopecut.cut.Cut;
import dev.scopecut.slack.blocks.CutMessage;
import dev.scopecut.slack.blocks.SlackMessage;

/**
 * Posts and updates cut messages through the Web API. How often is not decided here: the
 * job queue spaces updates a second apart per cut. A 429 becomes a
 * {@link RetryLaterException} carrying Slack's Retry-After, so the job waits exactly as
 * told and then runs again.
 * <p>
 * The calls go through the SDK's HTTP client, but the SDK's method wrappers are not used:
 * they read every answer with a new Gson, building the adapters of the whole response
 * type again by reflection, about 10 ms of CPU per update. Request and answer are the
 * SDK's own types, written and read with the shared {@link SlackJson#GSON}.
 */
@Component
class SlackCutNotifier implements CutNotifier {

	/** The wait when Slack cannot be reached, or a 429 comes without Retry-After. */
	static final Duration DEFAULT_WAIT = Duration.ofSeconds(5);

	private final Slack slack;

	private final WorkspaceTokens tokens;

	SlackCutNotifier(Slack slack, WorkspaceTokens tokens) {
		this.slack = slack;
		this.tokens = tokens;
	}

	@Override
	public String post(CutSnapshot snapshot) {
		Cut cut = snapshot.cut();
		return call(cut, "chat.postMessage", message(cut, CutMessage.render(snapshot)), ChatPostMessageResponse.class)
			.getTs();
	}

	@Override
	public void update(CutSnapshot snapshot) {
		Cut cut = snapshot.cut();
		FormBody.Builder form = message(cut, CutMessage.render(snapshot)).add("ts", cut.messageTs());
		call(cut, "chat.update", form, ChatUpdateResponse.class);
	}

	@Override
	public void announce(CutSnapshot snapshot) {
		Cut cut = snapshot.cut();
		call(cut, "chat.postMessage", message(cut, CutMessage.announcement(snapshot)), ChatPostMessageResponse.class);
	}

	private static FormBody.Builder message(Cut cut, SlackMessage message) {
		return new FormBody.Builder().add("channel", cut.channel())
			.add("text", message.text())
			.add("blocks", SlackJson.GSON.toJson(message.blocks()));
	}

	private <T extends SlackApiTextResponse> T call(Cut cut, String method, FormBody.Builder form, Class<T> type) {
		String url = this.slack.getConfig().getMethodsEndpointUrlPrefix() + method;
		String token = this.tokens.botToken(cut.ref().workspace());
		try (Response response = this.slack.getHttpClient().postFormWithBearerHeader(url, token, form.build())) {
			String body = response.body().string();
			if (response.code() == 429) {
				throw new RetryLaterException("rate limited (429)", retryAfter(response.headers("Retry-After")));
			}
			if (response.code() >= 500) {
				throw new RetryLaterException("Slack answered " + response.code(), DEFAULT_WAIT);
			}
			if (!response.isSuccessful()) {
				throw new NotifyFailedException("http_" + response.code());
			}
			T answer = SlackJson.GSON.fromJson(body, type);
			if (answer == null || !answer.isOk()) {
				String error = (answer != null) ? answer.getError() : "empty_answer";
				if ("ratelimited".equals(error)) {
					throw new RetryLaterException("rate limited", DEFAULT_WAIT);
				}
				throw new NotifyFailedException(error);
			}
			return answer;
		}
		catch (IOException ex) {
			throw new RetryLaterException("Slack unreachable: " + ex.getClass().getSimpleName(), DEFAULT_WAIT);
		}
	}

	static Duration retryAfter(List<String> header) {
		if (header.isEmpty() || !header.get(0).strip().matches("\\d{1,6}")) {
			return DEFAULT_WAIT;
		}
		return Duration.ofSeconds(Long.parseLong(header.get(0).strip()));
	}

}
