package dev.scopecut.sandbox;

import java.io.IOException;
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
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;

/**
 * Delivers what people do in the sandbox to Scopecut's own {@code POST /slack/events}, as
 * Slack does: slash commands as signed forms, interactions as a signed form with one
 * {@code payload} field, events as signed JSON. The answer is handed back for the caller
 * to act on, as Slack acts on an acknowledgement.
 */
class SlackDelivery implements ApplicationListener<WebServerInitializedEvent> {

	static final String APP_ID = "A01SANDBOX";

	/** Slack shows an error when an app takes longer than this to acknowledge. */
	static final Duration ACK_LIMIT = Duration.ofSeconds(3);

	private static final String VERIFICATION_TOKEN = "sandbox-verification-token";

	private static final Logger log = LoggerFactory.getLogger(SlackDelivery.class);

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(2))
		.build();

	private final Workspace workspace;

	private final String signingSecret;

	private final String apiUrl;

	private final Clock clock;

	private volatile int port;

	private final AtomicLong events = new AtomicLong();

	/** Scopecut's answer, and how long it took. */
	record Delivered(int status, String body, Duration took) {

		boolean ok() {
			return this.status == 200;
		}

		/** The answer as JSON, when it is a JSON object. */
		Optional<JsonObject> json() {
			try {
				return Optional.of(com.google.gson.JsonParser.parseString(this.body).getAsJsonObject());
			}
			catch (RuntimeException ex) {
				return Optional.empty();
			}
		}

	}

	SlackDelivery(Workspace workspace, String signingSecret, String apiUrl, Clock clock) {
		this.workspace = workspace;
		this.signingSecret = signingSecret;
		this.apiUrl = apiUrl;
		this.clock = clock;
	}

	@Override
	public void onApplicationEvent(WebServerInitializedEvent event) {
		if (event.getApplicationContext().getServerNamespace() != null) {
			return;
		}
		this.port = event.getWebServer().getPort();
		log.info("Sandbox: open http://localhost:{}/sandbox — Slack is simulated, nothing leaves this machine",
				this.port);
		if (!this.apiUrl.startsWith("http://localhost:" + this.port + "/")) {
			log.error("Sandbox: Scopecut calls the Web API at {} but listens on port {}; set PORT to a fixed port",
					this.apiUrl, this.port);
		}
	}

	/** Where the sandbox serves something (a response URL, a permalink). */
	String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	/**
	 * A slash command, its text escaped as Slack escapes it ({@link #escaped}); the
	 * activity list shows the text as sent.
	 */
	Delivered slashCommand(String user, String channel, String command, String typed) {
		String text = escaped(typed);
		Map<String, String> form = new LinkedHashMap<>();
		form.put("token", VERIFICATION_TOKEN);
		form.put("team_id", Teammates.TEAM);
		form.put("team_domain", "sandbox");
		form.put("channel_id", channel);
		form.put("channel_name", channelName(channel));
		form.put("user_id", user);
		form.put("user_name", Teammates.byId(user).map(Teammates.Teammate::name).orElse(user));
		form.put("command", command);
		form.put("text", text);
		form.put("api_app_id", APP_ID);
		form.put("is_enterprise_install", "false");
		form.put("response_url", responseUrl(user, channel, null));
		form.put("trigger_id", this.workspace.issueTrigger(user));
		return post(form(form), "application/x-www-form-urlencoded", command + " " + text);
	}

	/**
	 * A click (or choice) in a message: the message comes along unless it is ephemeral,
	 * with a response URL that can replace it.
	 */
	Delivered messageAction(String user, Workspace.Message message, JsonObject action) {
		JsonObject payload = interaction("block_actions", user);
		JsonObject container = new JsonObject();
		container.addProperty("type", "message");
		container.addProperty("message_ts", message.ts());
		container.addProperty("channel_id", message.channel());
		container.addProperty("is_ephemeral", message.onlyFor() != null);
		payload.add("container", container);
		JsonObject channel = new JsonObject();
		channel.addProperty("id", message.channel());
		channel.addProperty("name", channelName(message.channel()));
		payload.add("channel", channel);
		if (message.onlyFor() == null) {
			JsonObject echoed = new JsonObject();
			echoed.addProperty("type", "message");
			echoed.addProperty("ts", message.ts());
			echoed.addProperty("user", message.author());
			echoed.addProperty("bot_id", Teammates.BOT_ID);
			echoed.addProperty("text", message.text());
			echoed.add("blocks", message.blocks());
			payload.add("message", echoed);
		}
		JsonObject state = new JsonObject();
		state.add("values", new JsonObject());
		payload.add("state", state);
		payload.addProperty("response_url", responseUrl(user, message.channel(), message.ts()));
		payload.add("actions", actions(action));
		return post(interactionBody(payload), "application/x-www-form-urlencoded",
				"click " + action.get("action_id").getAsString());
	}

	/**
	 * A message shortcut used on a message, as Slack sends it: the message whole, with a
	 * trigger id and a response URL.
	 */
	Delivered messageShortcut(String user, Workspace.Message message, String callbackId) {
		JsonObject payload = interaction("message_action", user);
		payload.addProperty("callback_id", callbackId);
		payload.addProperty("message_ts", message.ts());
		payload.addProperty("action_ts", message.ts());
		JsonObject channel = new JsonObject();
		channel.addProperty("id", message.channel());
		channel.addProperty("name", channelName(message.channel()));
		payload.add("channel", channel);
		JsonObject shared = new JsonObject();
		shared.addProperty("type", "message");
		shared.addProperty("ts", message.ts());
		shared.addProperty("user", message.author());
		shared.addProperty("text", message.text());
		if (!message.blocks().isEmpty()) {
			shared.add("blocks", message.blocks());
		}
		payload.add("message", shared);
		payload.addProperty("trigger_id", this.workspace.issueTrigger(user));
		payload.addProperty("response_url", responseUrl(user, message.channel(), null));
		return post(interactionBody(payload), "application/x-www-form-urlencoded", "shortcut " + callbackId);
	}

	/** A click in a modal or on the Home tab: the view comes along. */
	Delivered viewAction(String user, JsonObject view, JsonObject action) {
		JsonObject payload = interaction("block_actions", user);
		JsonObject container = new JsonObject();
		container.addProperty("type", "view");
		container.addProperty("view_id", view.get("id").getAsString());
		payload.add("container", container);
		payload.add("view", view);
		payload.add("actions", actions(action));
		return post(interactionBody(payload), "application/x-www-form-urlencoded",
				"click " + action.get("action_id").getAsString() + " in a view");
	}

	/** A submitted modal, carrying its inputs' state as Slack does. */
	Delivered viewSubmission(String user, JsonObject view) {
		JsonObject payload = interaction("view_submission", user);
		payload.add("view", view);
		payload.add("response_urls", new JsonArray());
		return post(interactionBody(payload), "application/x-www-form-urlencoded",
				"submit " + view.get("callback_id").getAsString());
	}

	/** The Events API's {@code app_home_opened}, sent when someone opens the Home tab. */
	Delivered appHomeOpened(String user, Optional<JsonObject> home) {
		long now = this.clock.millis();
		JsonObject event = new JsonObject();
		event.addProperty("type", "app_home_opened");
		event.addProperty("user", user);
		event.addProperty("channel", Teammates.byId(user).map(Teammates.Teammate::dmChannel).orElse(user));
		event.addProperty("tab", "home");
		event.addProperty("event_ts", "%d.%06d".formatted(now / 1000, (now % 1000) * 1000));
		home.ifPresent((view) -> event.add("view", view));
		JsonObject envelope = new JsonObject();
		envelope.addProperty("token", VERIFICATION_TOKEN);
		envelope.addProperty("team_id", Teammates.TEAM);
		envelope.addProperty("api_app_id", APP_ID);
		envelope.add("event", event);
		envelope.addProperty("type", "event_callback");
		envelope.addProperty("event_id", "Ev%d%04d".formatted(now / 1000, this.events.incrementAndGet() % 10_000));
		envelope.addProperty("event_time", now / 1000);
		JsonArray authorizations = new JsonArray();
		JsonObject authorization = new JsonObject();
		authorization.addProperty("team_id", Teammates.TEAM);
		authorization.addProperty("user_id", Teammates.BOT);
		authorization.addProperty("is_bot", true);
		authorization.addProperty("is_enterprise_install", false);
		authorizations.add(authorization);
		envelope.add("authorizations", authorizations);
		envelope.addProperty("is_ext_shared_channel", false);
		return post(envelope.toString(), "application/json", "event app_home_opened");
	}

	private JsonObject interaction(String type, String user) {
		JsonObject payload = new JsonObject();
		payload.addProperty("type", type);
		JsonObject team = new JsonObject();
		team.addProperty("id", Teammates.TEAM);
		team.addProperty("domain", "sandbox");
		payload.add("team", team);
		JsonObject person = new JsonObject();
		person.addProperty("id", user);
		String name = Teammates.byId(user).map(Teammates.Teammate::name).orElse(user);
		person.addProperty("username", name);
		person.addProperty("name", name);
		person.addProperty("team_id", Teammates.TEAM);
		payload.add("user", person);
		payload.addProperty("api_app_id", APP_ID);
		payload.addProperty("token", VERIFICATION_TOKEN);
		payload.addProperty("trigger_id", this.workspace.issueTrigger(user));
		payload.addProperty("is_enterprise_install", false);
		return payload;
	}

	private JsonArray actions(JsonObject action) {
		JsonObject stamped = action.deepCopy();
		long now = this.clock.millis();
		stamped.addProperty("action_ts", "%d.%06d".formatted(now / 1000, (now % 1000) * 1000));
		JsonArray actions = new JsonArray();
		actions.add(stamped);
		return actions;
	}

	private String responseUrl(String user, String channel, String messageTs) {
		return url("/sandbox/response/" + this.workspace.issueResponseUrl(user, channel, messageTs));
	}

	private String channelName(String channel) {
		return channel.startsWith("D") ? "directmessage" : Workspace.CHANNEL_NAME;
	}

	/** Signs the body with the current time, posts it and records what came back. */
	private Delivered post(String body, String contentType, String what) {
		String timestamp = Long.toString(this.clock.millis() / 1000);
		HttpRequest request = HttpRequest.newBuilder(URI.create(url("/slack/events")))
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", contentType)
			.header("X-Slack-Request-Timestamp", timestamp)
			.header("X-Slack-Signature", Signature.sign(this.signingSecret, timestamp, body))
			.header("User-Agent", "Slackbot 1.0 (+https://api.slack.com/robots)")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		long start = System.nanoTime();
		Delivered delivered;
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			delivered = new Delivered(response.statusCode(), response.body(),
					Duration.ofNanos(System.nanoTime() - start));
		}
		catch (IOException ex) {
			delivered = new Delivered(0, "", Duration.ofNanos(System.nanoTime() - start));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			delivered = new Delivered(0, "", Duration.ofNanos(System.nanoTime() - start));
		}
		String late = delivered.took().compareTo(ACK_LIMIT) > 0
				? " — later than Slack's 3 seconds: Slack would show the person an error" : "";
		this.workspace.record("→ Scopecut: " + what + " · HTTP " + delivered.status() + " in "
				+ delivered.took().toMillis() + " ms" + late);
		return delivered;
	}

	/**
	 * Text as Slack sends a slash command's: {@code &}, {@code <} and {@code >} as the
	 * entities {@code &amp;}, {@code &lt;} and {@code &gt;}. Its app escaping is off: the
	 * sandbox has no autocompletion, so a mention typed there arrives as plain text.
	 */
	static String escaped(String typed) {
		return typed.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

	private static String interactionBody(JsonObject payload) {
		return "payload=" + encode(payload.toString());
	}

	private static String form(Map<String, String> fields) {
		return fields.entrySet()
			.stream()
			.map((field) -> encode(field.getKey()) + "=" + encode(field.getValue()))
			.collect(Collectors.joining("&"));
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
