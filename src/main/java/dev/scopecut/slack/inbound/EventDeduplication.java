package dev.scopecut.slack.inbound;

import java.util.regex.Pattern;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.handler.BoltEventHandler;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.scopecut.app.port.EventDeliveries;
import dev.scopecut.app.port.StoreUnavailableException;

/**
 * Runs an Events API listener once per event, however often Slack delivers it: Slack
 * retries a delivery it thinks failed (with {@code X-Slack-Retry-Num}), and any instance
 * may get the retry. Every event listener registers through {@link #register}, so this
 * holds over HTTP and Socket Mode alike. A repeat is acknowledged with 200 and nothing
 * else, so Slack stops retrying. When Redis cannot say, the listener runs: each must be
 * idempotent, and an event run twice beats an event lost. A listener that answers 5xx (it
 * could not do its work) has its event forgotten, so Slack's redelivery runs it.
 * <p>
 * A wrapper around each listener rather than a Bolt middleware: {@code App.use} builds
 * Bolt's middleware at once, and in single-workspace mode that calls {@code auth.test}
 * while the application starts, so Scopecut could not start while Slack is unreachable.
 */
@Component
public class EventDeduplication {

	/** What Slack's event ids and team ids look like; anything else is not remembered. */
	private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

	private static final Logger log = LoggerFactory.getLogger(EventDeduplication.class);

	private final EventDeliveries deliveries;

	EventDeduplication(EventDeliveries deliveries) {
		this.deliveries = deliveries;
	}

	/** Registers the listener for the event type, run once per event id. */
	public <E extends Event> void register(App app, Class<E> type, BoltEventHandler<E> listener) {
		app.event(type, (payload, ctx) -> {
			if (isRepeat(payload)) {
				return ctx.ack();
			}
			Response response = listener.apply(payload, ctx);
			if (response.getStatusCode() != null && response.getStatusCode() >= 500 && isRemembered(payload)) {
				forget(payload);
			}
			return response;
		});
	}

	/**
	 * A listener that failed asks Slack for the event again: let that delivery run it.
	 */
	private void forget(EventsApiPayload<?> payload) {
		try {
			this.deliveries.forget(team(payload), payload.getEventId());
		}
		catch (StoreUnavailableException ex) {
			log.warn("Event {} failed and could not be forgotten; a redelivery is skipped: {}", payload.getEventId(),
					ex.getMessage());
		}
	}

	private static String team(EventsApiPayload<?> payload) {
		return (payload.getTeamId() != null) ? payload.getTeamId() : payload.getEnterpriseId();
	}

	/** Whether the event's ids look like Slack's, and so are remembered at all. */
	private static boolean isRemembered(EventsApiPayload<?> payload) {
		String eventId = payload.getEventId();
		String team = team(payload);
		return eventId != null && team != null && ID.matcher(eventId).matches() && ID.matcher(team).matches();
	}

	private boolean isRepeat(EventsApiPayload<?> payload) {
		if (!isRemembered(payload)) {
			return false;
		}
		String eventId = payload.getEventId();
		try {
			if (this.deliveries.isFirst(team(payload), eventId)) {
				return false;
			}
			log.info("Event {} delivered again; its listener ran already", eventId);
			return true;
		}
		catch (StoreUnavailableException ex) {
			log.warn("Event {} not checked for repeats: {}", eventId, ex.getMessage());
			return false;
		}
	}

}
