package dev.scopecut.slack.inbound;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.slack.api.app_backend.SlackSignature;
import com.slack.api.bolt.App;
import com.slack.api.bolt.jakarta_servlet.ServletAdapterOps;
import com.slack.api.bolt.jakarta_servlet.SlackAppServlet;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.QueryStringParser;
import com.slack.api.bolt.util.SlackRequestParser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.scopecut.app.port.StoreUnavailableException;

/**
 * Bolt's servlet, made safe at the edge. Bolt parses a body before it verifies its
 * signature, so an unsigned malformed request would reach the parser and answer 500. Here
 * a request is refused as early as it can be: 401 from the headers alone when the
 * signature is missing or malformed or the timestamp is not recent; 413 when the body is
 * too large, and 408 when it is not sent in time, read without holding a thread while its
 * bytes are awaited ({@link BoundedBody}); then 401 when the signature does not sign the
 * raw bytes, 415 for a content type Slack never sends, and 400 for a body Bolt cannot
 * parse or handle. Bolt's own verification is switched off, as it would only repeat this.
 */
public class VerifiedSlackAppServlet extends SlackAppServlet {

	/**
	 * Far above any real Slack payload; a larger body is refused before it is read whole.
	 */
	public static final int MAX_BODY_BYTES = 512 * 1024;

	/**
	 * Slack sends its small bodies at once; a client still sending after this is refused
	 * and its connection closed.
	 */
	public static final Duration BODY_DEADLINE = Duration.ofSeconds(5);

	/** Slack's advice: refuse a request stamped more than five minutes away. */
	static final long MAX_SKEW_SECONDS = 300;

	private static final Logger log = LoggerFactory.getLogger(VerifiedSlackAppServlet.class);

	private final transient App app;

	private final transient SlackRequestParser parser;

	private final transient BlockActionParser blockActions = new BlockActionParser();

	/** Null without a signing secret (Socket Mode): then every request is refused. */
	private final transient RequestSignature signature;

	private final transient Clock clock;

	public VerifiedSlackAppServlet(App app, String signingSecret, Clock clock) {
		super(app);
		this.app = app;
		this.parser = new SlackRequestParser(app.config());
		// Socket Mode builds this servlet (registration disabled) with no secret.
		this.signature = (signingSecret != null) ? new RequestSignature(signingSecret) : null;
		this.clock = clock;
	}

	@Override
	protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
		BoundedBody body = BoundedBody.start(req, resp, MAX_BODY_BYTES, BODY_DEADLINE);
		// Everything the headers can tell is checked before a byte of the body is read.
		String timestamp = req.getHeader(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP);
		String claimed = req.getHeader(SlackSignature.HeaderNames.X_SLACK_SIGNATURE);
		if (this.signature == null || !isRecent(timestamp) || !RequestSignature.isWellFormed(claimed)) {
			body.refuse(401, "invalid or missing signature");
			return;
		}
		if (req.getContentLengthLong() > MAX_BODY_BYTES) {
			body.refuse(413, "request body too large");
			return;
		}
		body.read((bytes) -> {
			if (!this.signature.isValid(timestamp, bytes, claimed)) {
				reply(resp, 401, "invalid or missing signature");
			}
			else {
				String type = mediaType(req.getContentType());
				if (!isSlackContentType(type)) {
					reply(resp, 415, "Slack sends forms or JSON");
				}
				else {
					handle(req, resp, bytes, type);
				}
			}
		});
	}

	/** A verified request: acknowledged by Bolt, or refused when Bolt cannot take it. */
	private void handle(HttpServletRequest req, HttpServletResponse resp, byte[] bytes, String mediaType)
			throws IOException {
		// Events come as JSON, decoded once here; a form is decoded only when it is
		// not a click.
		String json = mediaType.equals("application/json") ? new String(bytes, StandardCharsets.UTF_8) : null;
		if (json != null && isAppRateLimited(json)) {
			return;
		}
		Request<?> slackRequest = parse(req, bytes, json);
		if (slackRequest == null) {
			reply(resp, 400, "not a Slack request Scopecut understands");
			return;
		}
		Response slackResponse;
		try {
			slackResponse = this.app.run(slackRequest);
		}
		catch (StoreUnavailableException ex) {
			// Multi-workspace mode reads the installation before any listener runs.
			log.warn("Refused a {}: {}", slackRequest.getRequestType(), ex.getMessage());
			reply(resp, 503, "store unavailable");
			return;
		}
		catch (Exception ex) {
			// Bolt throws on payloads that parse but lack what it needs (a block
			// action with no user, say); log that without the payload, which is
			// the user's data.
			log.warn("Refused a {} Bolt could not handle: {}", slackRequest.getRequestType(), ex.toString());
			reply(resp, 400, "malformed Slack request");
			return;
		}
		ServletAdapterOps.writeResponse(resp, slackResponse);
	}

	/**
	 * Slack's notice that it is dropping this app's events for a while (more than 30,000
	 * in an hour from one workspace), which Bolt does not know: acknowledged with an
	 * empty 200, as Slack asks, and logged once.
	 */
	private static boolean isAppRateLimited(String body) {
		if (!body.contains("app_rate_limited")) {
			return false;
		}
		JsonObject notice;
		try {
			JsonElement json = JsonParser.parseString(body);
			notice = json.isJsonObject() ? json.getAsJsonObject() : null;
		}
		catch (JsonParseException ex) {
			return false;
		}
		if (notice == null || !"app_rate_limited".equals(text(notice, "type"))) {
			return false;
		}
		log.warn("Slack rate-limited the events of workspace {} from minute {}: events are being dropped",
				text(notice, "team_id"), text(notice, "minute_rate_limited"));
		return true;
	}

	private static String text(JsonObject json, String field) {
		JsonElement value = json.get(field);
		return (value != null && value.isJsonPrimitive()) ? value.getAsString() : null;
	}

	/** {@code json}: the body as text when it is JSON, else null. */
	private Request<?> parse(HttpServletRequest req, byte[] bytes, String json) {
		try {
			RequestHeaders headers = new RequestHeaders(ServletAdapterOps.toHeaderMap(req));
			Optional<BlockActionRequest> blockAction = this.blockActions.parse(bytes, headers);
			if (blockAction.isPresent()) {
				return blockAction.get();
			}
			return this.parser.parse(SlackRequestParser.HttpRequest.builder()
				.requestUri(req.getRequestURI())
				.queryString(QueryStringParser.toMap(req.getQueryString()))
				.headers(headers)
				.requestBody(PickedDateTimes.fitted(bytes,
						(json != null) ? json : new String(bytes, StandardCharsets.UTF_8)))
				.remoteAddress(req.getRemoteAddr())
				.build());
		}
		catch (RuntimeException ex) {
			log.warn("Refused a signed request that does not parse: {}", ex.getClass().getSimpleName());
			return null;
		}
	}

	/**
	 * Slack posts interactions and commands as forms, and events as JSON; {@code type} as
	 * {@link #mediaType} gives it.
	 */
	private static boolean isSlackContentType(String type) {
		return type.equals("application/x-www-form-urlencoded") || type.equals("application/json");
	}

	private static String mediaType(String contentType) {
		return (contentType != null) ? contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT) : "";
	}

	/** Within five minutes either side of now (Bolt's own check lets any future pass). */
	private boolean isRecent(String timestamp) {
		if (timestamp == null || timestamp.isEmpty() || timestamp.length() > 12
				|| !timestamp.chars().allMatch(Character::isDigit)) {
			return false;
		}
		long skew = Math.abs(this.clock.millis() / 1000 - Long.parseLong(timestamp));
		return skew <= MAX_SKEW_SECONDS;
	}

	static void reply(HttpServletResponse resp, int status, String error) throws IOException {
		resp.setStatus(status);
		resp.setContentType("application/json");
		resp.getWriter().write("{\"error\":\"" + error + "\"}");
	}

}
