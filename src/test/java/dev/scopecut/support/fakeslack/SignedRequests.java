package dev.scopecut.support.fakeslack;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.slack.api.app_backend.SlackSignature;

import dev.scopecut.support.Http;

/**
 * Sends requests to Scopecut's {@code POST /slack/events} exactly as Slack does:
 * form-encoded bodies signed with
 * {@code v0=hex(HMAC-SHA256(secret, "v0:" + timestamp + ":" + body))}.
 */
public final class SignedRequests {

	public static final String SECRET = "test-signing-secret";

	private static final AtomicLong TRIGGERS = new AtomicLong();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final URI endpoint;

	private final String secret;

	private final Clock clock;

	public SignedRequests(int port) {
		this(port, SECRET);
	}

	public SignedRequests(int port, String secret) {
		this(port, secret, Clock.systemUTC());
	}

	/**
	 * Signs with the time of {@code clock}: the app's own when a test has moved it on, or
	 * the app would take the request for a replay.
	 */
	public SignedRequests(int port, String secret, Clock clock) {
		this.endpoint = URI.create("http://localhost:" + port + "/slack/events");
		this.secret = secret;
		this.clock = clock;
	}

	public URI endpoint() {
		return this.endpoint;
	}

	public HttpResponse<String> command(String channel, String user, String text, String responseUrl) {
		return post(slashCommand(FakeSlack.TEAM, channel, user, text, responseUrl));
	}

	public HttpResponse<String> click(String channel, String user, String actionId, String value, String responseUrl) {
		return post(blockAction(FakeSlack.TEAM, channel, user, actionId, value, responseUrl));
	}

	/** Signs the body with the current time and posts it as a form. */
	public HttpResponse<String> post(String body) {
		String timestamp = Long.toString(this.clock.millis() / 1000);
		return send(body, timestamp, sign(this.secret, timestamp, body), "application/x-www-form-urlencoded");
	}

	/**
	 * Delivers an Events API callback as Slack does, JSON signed with the current time;
	 * {@code headers} may add the {@code X-Slack-Retry-Num} of a redelivery.
	 */
	public HttpResponse<String> event(String json, Map<String, String> headers) {
		String timestamp = Long.toString(this.clock.millis() / 1000);
		return send(json, timestamp, sign(this.secret, timestamp, json), "application/json", headers);
	}

	/** An {@code app_home_opened} event callback for the user's Home tab. */
	public static String homeOpened(String team, String user, String eventId) {
		JsonObject event = new JsonObject();
		event.addProperty("type", "app_home_opened");
		event.addProperty("user", user);
		event.addProperty("channel", "D" + user);
		event.addProperty("tab", "home");
		event.addProperty("event_ts", "1700000000.000300");
		JsonObject callback = new JsonObject();
		callback.addProperty("token", "legacy-verification-token");
		callback.addProperty("team_id", team);
		callback.addProperty("api_app_id", "A0000APP");
		callback.add("event", event);
		callback.addProperty("type", "event_callback");
		callback.addProperty("event_id", eventId);
		callback.addProperty("event_time", 1700000000);
		return callback.toString();
	}

	/** Posts with the headers given, for requests Slack would never send. */
	public HttpResponse<String> send(String body, String timestamp, String signature, String contentType) {
		return send(body, timestamp, signature, contentType, Map.of());
	}

	/**
	 * Posts with the headers given plus any others, such as the {@code X-Slack-Retry-Num}
	 * a redelivery carries.
	 */
	public HttpResponse<String> send(String body, String timestamp, String signature, String contentType,
			Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(this.endpoint)
			.timeout(Duration.ofSeconds(10))
			.POST(HttpRequest.BodyPublishers.ofString(body));
		headers.forEach(request::header);
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		if (timestamp != null) {
			request.header(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP, timestamp);
		}
		if (signature != null) {
			request.header(SlackSignature.HeaderNames.X_SLACK_SIGNATURE, signature);
		}
		return Http.send(this.http, request.build());
	}

	public static String sign(String secret, String timestamp, String body) {
		return new SlackSignature.Generator(secret).generate(timestamp, body);
	}

	/**
	 * A slash command whose text is what the person typed, sent escaped as Slack escapes
	 * it ({@link #escapedAsSlackDoes}).
	 */
	public static String slashCommand(String team, String channel, String user, String typed, String responseUrl) {
		return slashCommandAsSent(team, channel, user, escapedAsSlackDoes(typed), responseUrl);
	}

	/**
	 * A slash command with its text as it goes over the wire, for text with Slack's own
	 * sequences such as a mention, {@code <@U0000BOB|bob>}.
	 */
	public static String slashCommandAsSent(String team, String channel, String user, String text, String responseUrl) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("token", "legacy-verification-token");
		form.put("team_id", team);
		form.put("team_domain", "test");
		form.put("channel_id", channel);
		form.put("channel_name", "release-planning");
		form.put("user_id", user);
		form.put("user_name", user.toLowerCase());
		form.put("command", "/scopecut");
		form.put("text", text);
		form.put("api_app_id", "A0000APP");
		form.put("response_url", responseUrl);
		form.put("trigger_id", triggerId());
		return form(form);
	}

	/**
	 * Slack's escaping of a slash command's text: {@code &}, {@code <} and {@code >} as
	 * {@code &amp;}, {@code &lt;} and {@code &gt;}.
	 */
	public static String escapedAsSlackDoes(String typed) {
		return typed.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

	public static String blockAction(String team, String channel, String user, String actionId, String value,
			String responseUrl) {
		return blockAction(team, channel, user, actionId, value, responseUrl, "block");
	}

	/**
	 * A click on a control of the block {@code blockId}, which Slack names in the action.
	 */
	public static String blockAction(String team, String channel, String user, String actionId, String value,
			String responseUrl, String blockId) {
		JsonObject action = new JsonObject();
		action.addProperty("action_id", actionId);
		action.addProperty("block_id", blockId);
		action.addProperty("action_ts", "1700000000.000200");
		if (actionId.endsWith("menu")) {
			action.addProperty("type", "overflow");
			JsonObject option = new JsonObject();
			option.addProperty("value", value);
			action.add("selected_option", option);
		}
		else {
			action.addProperty("type", "button");
			action.addProperty("value", value);
		}
		JsonArray actions = new JsonArray();
		actions.add(action);
		JsonObject payload = new JsonObject();
		payload.addProperty("type", "block_actions");
		payload.add("team", idObject(team));
		JsonObject userObject = idObject(user);
		userObject.addProperty("team_id", team);
		payload.add("user", userObject);
		payload.addProperty("api_app_id", "A0000APP");
		payload.addProperty("token", "legacy-verification-token");
		payload.addProperty("trigger_id", triggerId());
		payload.add("channel", idObject(channel));
		JsonObject container = new JsonObject();
		container.addProperty("type", "message");
		container.addProperty("channel_id", channel);
		container.addProperty("message_ts", "1700000000.000101");
		payload.add("container", container);
		payload.addProperty("response_url", responseUrl);
		payload.add("actions", actions);
		return "payload=" + encode(payload.toString());
	}

	/**
	 * A message shortcut used on a message of the channel, as Slack sends it: the message
	 * whole ({@code text}, and {@code blocks} when it has rich text).
	 */
	public static String messageShortcut(String team, String channel, String user, String callbackId,
			JsonObject message, String responseUrl) {
		JsonObject payload = new JsonObject();
		payload.addProperty("type", "message_action");
		payload.addProperty("callback_id", callbackId);
		payload.add("team", idObject(team));
		JsonObject userObject = idObject(user);
		userObject.addProperty("team_id", team);
		payload.add("user", userObject);
		payload.addProperty("token", "legacy-verification-token");
		payload.addProperty("trigger_id", triggerId());
		payload.addProperty("action_ts", "1700000000.000300");
		payload.addProperty("message_ts", "1700000000.000102");
		payload.add("channel", idObject(channel));
		payload.add("message", message);
		payload.addProperty("response_url", responseUrl);
		return "payload=" + encode(payload.toString());
	}

	/**
	 * A trigger id of its own, as Slack gives each command, click and submission; a
	 * repeated one is a replay.
	 */
	public static String triggerId() {
		return "1337." + TRIGGERS.incrementAndGet() + ".abcdef";
	}

	private static JsonObject idObject(String id) {
		JsonObject object = new JsonObject();
		object.addProperty("id", id);
		return object;
	}

	public static String form(Map<String, String> fields) {
		return fields.entrySet()
			.stream()
			.map((field) -> encode(field.getKey()) + "=" + encode(field.getValue()))
			.collect(Collectors.joining("&"));
	}

	public static String decode(String value) {
		return java.net.URLDecoder.decode(value, StandardCharsets.UTF_8);
	}

	public static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
