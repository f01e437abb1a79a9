package dev.scopecut.slack;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
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
		SlackMessage message = CutMessage.render(snapshot);
		return call(cut, (client) -> client
			.chatPostMessage((r) -> r.channel(cut.channel()).text(message.text()).blocksAsString(blocks(message))))
			.getTs();
	}

	@Override
	public void update(CutSnapshot snapshot) {
		Cut cut = snapshot.cut();
		SlackMessage message = CutMessage.render(snapshot);
		call(cut,
				(client) -> client.chatUpdate((r) -> r.channel(cut.channel())
					.ts(cut.messageTs())
					.text(message.text())
					.blocksAsString(blocks(message))));
	}

	@Override
	public void announce(CutSnapshot snapshot) {
		Cut cut = snapshot.cut();
		SlackMessage message = CutMessage.announcement(snapshot);
		call(cut, (client) -> client
			.chatPostMessage((r) -> r.channel(cut.channel()).text(message.text()).blocksAsString(blocks(message))));
	}

	/** The blocks as JSON, written by the shared Gson rather than a new one per call. */
	private static String blocks(SlackMessage message) {
		return SlackJson.GSON.toJson(message.blocks());
	}

	private <T extends SlackApiTextResponse> T call(Cut cut, SlackCall<T> call) {
		MethodsClient client = this.slack.methods(this.tokens.botToken(cut.ref().workspace()));
		T response;
		try {
			response = call.on(client);
		}
		catch (SlackApiException ex) {
			throw failure(ex);
		}
		catch (IOException ex) {
			throw new RetryLaterException("Slack unreachable: " + ex.getClass().getSimpleName(), DEFAULT_WAIT);
		}
		if (!response.isOk()) {
			if ("ratelimited".equals(response.getError())) {
				throw new RetryLaterException("rate limited", DEFAULT_WAIT);
			}
			throw new NotifyFailedException(response.getError());
		}
		return response;
	}

	private static RuntimeException failure(SlackApiException ex) {
		int status = ex.getResponse().code();
		if (status == 429) {
			return new RetryLaterException("rate limited (429)", retryAfter(ex.getResponse().headers("Retry-After")));
		}
		if (status >= 500) {
			return new RetryLaterException("Slack answered " + status, DEFAULT_WAIT);
		}
		return new NotifyFailedException("http_" + status);
	}

	static Duration retryAfter(List<String> header) {
		if (header.isEmpty() || !header.get(0).strip().matches("\\d{1,6}")) {
			return DEFAULT_WAIT;
		}
		return Duration.ofSeconds(Long.parseLong(header.get(0).strip()));
	}

	@FunctionalInterface
	private interface SlackCall<T> {

		T on(MethodsClient client) throws IOException, SlackApiException;

	}

}
