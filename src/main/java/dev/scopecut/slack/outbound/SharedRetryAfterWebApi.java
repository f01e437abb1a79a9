package dev.scopecut.slack.outbound;

import java.time.Duration;

import com.slack.api.Slack;
import com.slack.api.methods.SlackApiTextResponse;
import okhttp3.FormBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import dev.scopecut.app.port.MethodHoldOffs;
import dev.scopecut.app.port.StoreUnavailableException;

/**
 * The Web API client every outbound call goes through, one bean: {@link SlackWebApi}
 * calls that honour Slack's waits across instances: a method Slack answered with 429 (or
 * could not be reached for) is not called again for the workspace, by any instance, until
 * its Retry-After is over; the caller gets a
 * {@link dev.scopecut.app.port.RetryLaterException} for what is left of the wait at once,
 * without asking Slack. The waits are kept in {@link MethodHoldOffs}; without Redis,
 * Slack is simply asked.
 */
@Component
public class SharedRetryAfterWebApi {

	private static final Logger log = LoggerFactory.getLogger(SharedRetryAfterWebApi.class);

	private final SlackWebApi api;

	private final MethodHoldOffs waits;

	SharedRetryAfterWebApi(Slack slack, WorkspaceTokens tokens, MethodHoldOffs waits) {
		this.api = new SlackWebApi(slack, tokens);
		this.waits = waits;
	}

	/**
	 * Calls a method unless Slack's wait for it is still running, and records a new wait.
	 */
	public <T extends SlackApiTextResponse> T call(String workspace, String method, FormBody.Builder form,
			Class<T> type) {
		Duration left = heldOff(workspace, method);
		if (!left.isZero()) {
			throw new SlackFailures.RateLimited(method + " held off after a 429", left);
		}
		try {
			return this.api.call(workspace, method, form, type);
		}
		catch (SlackFailures.RateLimited ex) {
			holdOff(workspace, method, ex.getWait());
			throw ex;
		}
	}

	private Duration heldOff(String workspace, String method) {
		try {
			return this.waits.heldOff(workspace, method);
		}
		catch (StoreUnavailableException ex) {
			return Duration.ZERO;
		}
	}

	private void holdOff(String workspace, String method, Duration wait) {
		try {
			this.waits.holdOff(workspace, method, wait);
		}
		catch (StoreUnavailableException ex) {
			log.warn("Could not record Slack's wait for {}: {}", method, ex.getMessage());
		}
	}

}
