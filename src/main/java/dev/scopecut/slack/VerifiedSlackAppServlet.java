package dev.scopecut.slack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

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

import dev.scopecut.app.StoreUnavailableException;

/**
 * Bolt's servlet, made safe at the edge. Bolt parses a body before it verifies its
 * signature, so an unsigned malformed request would reach the parser and answer 500. Here
 * the signature and timestamp are checked first, on the raw bytes (401 when wrong), and a
 * body Bolt cannot parse or handle answers 400. Bolt's own verification is switched off,
 * as it would only repeat this.
 */
class VerifiedSlackAppServlet extends SlackAppServlet {

	/**
	 * Far above any real Slack payload; a larger body is refused before it is read whole.
	 */
	static final int MAX_BODY_BYTES = 512 * 1024;

	/** Slack's advice: refuse a request stamped more than five minutes away. */
	static final long MAX_SKEW_SECONDS = 300;

	private static final Logger log = LoggerFactory.getLogger(VerifiedSlackAppServlet.class);

	private final transient App app;

	private final transient SlackRequestParser parser;

	private final transient BlockActionParser blockActions = new BlockActionParser();

	/** Null without a signing secret (Socket Mode): then every request is refused. */
	private final transient RequestSignature signature;

	private final transient Clock clock;

	VerifiedSlackAppServlet(App app, String signingSecret, Clock clock) {
		super(app);
		this.app = app;
		this.parser = new SlackRequestParser(app.config());
		// Socket Mode builds this servlet (registration disabled) with no secret.
		this.signature = (signingSecret != null) ? new RequestSignature(signingSecret) : null;
		this.clock = clock;
	}

	@Override
	protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
		if (!isSlackContentType(req.getContentType())) {
			reply(resp, 415, "Slack sends forms or JSON");
			return;
		}
		byte[] bytes = readAtMost(req.getInputStream(), MAX_BODY_BYTES + 1);
		if (bytes.length > MAX_BODY_BYTES) {
			reply(resp, 413, "request body too large");
			return;
		}
		String timestamp = req.getHeader(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP);
		if (this.signature == null || !isRecent(timestamp) || !this.signature.isValid(timestamp, bytes,
				req.getHeader(SlackSignature.HeaderNames.X_SLACK_SIGNATURE))) {
			reply(resp, 401, "invalid or missing signature");
			return;
		}
		String body = new String(bytes, StandardCharsets.UTF_8);
		Request<?> slackRequest = parse(req, bytes, body);
		if (slackRequest == null) {
			reply(resp, 400, "not a Slack request Scopecut understands");
			return;
		}
		Response slackResponse;
		try {
			slackResponse = this.app.run(slackRequest);
		}
		catch (StoreUnavailableException ex) {
			// Multi-workspace mode reads the workspace's installation before any
			// listener.
			log.warn("Refused a {}: {}", slackRequest.getRequestType(), ex.getMessage());
			reply(resp, 503, "store unavailable");
			return;
		}
		catch (Exception ex) {
			// Bolt throws on payloads that parse but lack what it needs (a block action
			// with no
			// user, say); say so without the payload, which is the user's data.
			log.warn("Refused a {} Bolt could not handle: {}", slackRequest.getRequestType(), ex.toString());
			reply(resp, 400, "malformed Slack request");
			return;
		}
		ServletAdapterOps.writeResponse(resp, slackResponse);
	}

	private Request<?> parse(HttpServletRequest req, byte[] bytes, String body) {
		try {
			RequestHeaders headers = new RequestHeaders(ServletAdapterOps.toHeaderMap(req));
			Optional<BlockActionRequest> blockAction = this.blockActions.parse(bytes, body, headers);
			if (blockAction.isPresent()) {
				return blockAction.get();
			}
			return this.parser.parse(SlackRequestParser.HttpRequest.builder()
				.requestUri(req.getRequestURI())
				.queryString(QueryStringParser.toMap(req.getQueryString()))
				.headers(headers)
				.requestBody(PickedDateTimes.fitted(bytes, body))
				.remoteAddress(req.getRemoteAddr())
				.build());
		}
		catch (RuntimeException ex) {
			log.warn("Refused a signed request that does not parse: {}", ex.getClass().getSimpleName());
			return null;
		}
	}

	/** Slack posts interactions and commands as forms, and events as JSON. */
	private static boolean isSlackContentType(String contentType) {
		if (contentType == null) {
			return false;
		}
		String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
		return type.equals("application/x-www-form-urlencoded") || type.equals("application/json");
	}

	private static byte[] readAtMost(InputStream in, int limit) throws IOException {
		return in.readNBytes(limit);
	}

	/**
	 * Within five minutes either side of now: Bolt's own check lets future stamps
	 * through.
	 */
	private boolean isRecent(String timestamp) {
		if (timestamp == null || timestamp.isEmpty() || timestamp.length() > 12
				|| !timestamp.chars().allMatch(Character::isDigit)) {
			return false;
		}
		long skew = Math.abs(this.clock.millis() / 1000 - Long.parseLong(timestamp));
		return skew <= MAX_SKEW_SECONDS;
	}

	private static void reply(HttpServletResponse resp, int status, String error) throws IOException {
		resp.setStatus(status);
		resp.setContentType("application/json");
		resp.getWriter().write("{\"error\":\"" + error + "\"}");
	}

}
