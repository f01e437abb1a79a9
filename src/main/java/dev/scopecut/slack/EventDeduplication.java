package dev.scopecut.slack;

import java.util.Optional;
import java.util.regex.Pattern;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.bolt.App;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.builtin.EventRequest;
import com.slack.api.bolt.response.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.scopecut.app.EventDeliveries;
import dev.scopecut.app.StoreUnavailableException;

/**
 * Runs every Events API event's listeners once, however often Slack delivers it: Slack
 * retries a delivery it thinks failed (with {@code X-Slack-Retry-Num}), and any instance
 * may get the retry. A Bolt middleware, so it runs before every event listener, over HTTP
 * and Socket Mode alike. A repeat is acknowledged with 200 and nothing else, so Slack
 * stops retrying. When Redis cannot say, the listeners run: each must be idempotent, and
 * an event run twice beats an event lost.
 */
@Component
class EventDeduplication implements SlackListener, Middleware {

	/** What Slack's event ids and team ids look like; anything else is not remembered. */
	private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

	private static final Logger log = LoggerFactory.getLogger(EventDeduplication.class);

	private final EventDeliveries deliveries;

	EventDeduplication(EventDeliveries deliveries) {
		this.deliveries = deliveries;
	}

	@Override
	public void register(App app) {
		app.use(this);
	}

	@Override
	public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
		if (!(req instanceof EventRequest event)) {
			return chain.next(req);
		}
		Optional<String[]> ids = teamAndEventId(event.getRequestBodyAsString());
		if (ids.isEmpty()) {
			return chain.next(req);
		}
		try {
			if (!this.deliveries.isFirst(ids.get()[0], ids.get()[1])) {
				log.info("Event {} delivered again; its listeners ran already", ids.get()[1]);
				return Response.ok();
			}
		}
		catch (StoreUnavailableException ex) {
			log.warn("Event {} not checked for repeats: {}", ids.get()[1], ex.getMessage());
		}
		return chain.next(req);
	}

	/**
	 * The team (or enterprise) and event id of an event callback; empty if either is
	 * missing.
	 */
	private static Optional<String[]> teamAndEventId(String body) {
		try {
			JsonObject json = JsonParser.parseString(body).getAsJsonObject();
			String eventId = string(json.get("event_id"));
			String team = Optional.ofNullable(string(json.get("team_id"))).orElse(string(json.get("enterprise_id")));
			if (eventId == null || team == null || !ID.matcher(eventId).matches() || !ID.matcher(team).matches()) {
				return Optional.empty();
			}
			return Optional.of(new String[] { team, eventId });
		}
		catch (RuntimeException ex) {
			return Optional.empty();
		}
	}

	private static String string(JsonElement element) {
		return (element != null && element.isJsonPrimitive()) ? element.getAsString() : null;
	}

}
