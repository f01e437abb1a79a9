package dev.scopecut.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The part of Slack's Web API that Scopecut calls, answered as Slack answers: HTTP 200
 * with {@code ok} and the method's fields, or {@code ok: false} and Slack's error code (a
 * method the sandbox does not know answers {@code unknown_method}). Blocks breaking Block
 * Kit's limits are refused with {@code invalid_blocks}, and shown on the page as refused.
 */
@RestController
@RequestMapping(path = "/sandbox/api", produces = MediaType.APPLICATION_JSON_VALUE)
@ConditionalOnBooleanProperty(SandboxEnvironment.ENABLED)
class SandboxWebApi {

	/** Slack's default page sizes: 100 channel members, and all of users.list (0). */
	private static final int MEMBERS_PAGE_DEFAULT = 100;

	private static final int USERS_PAGE_DEFAULT = 0;

	private final Workspace workspace;

	private final SlackDelivery delivery;

	private final Clock clock;

	SandboxWebApi(Workspace workspace, SlackDelivery delivery, Clock clock) {
		this.workspace = workspace;
		this.delivery = delivery;
		this.clock = clock;
	}

	@PostMapping("/{method}")
	String call(@PathVariable String method, HttpServletRequest request) throws IOException {
		Map<String, String> params = params(request);
		String token = bearer(request).orElse(params.get("token"));
		if (token == null || token.isBlank()) {
			return failure("not_authed").toString();
		}
		if (!token.equals(SandboxEnvironment.BOT_TOKEN)) {
			return failure("invalid_auth").toString();
		}
		JsonObject answer;
		try {
			answer = answer(method, params);
		}
		catch (RuntimeException ex) {
			// A field that is not the JSON Slack expects: Slack says invalid_arguments.
			answer = failure("invalid_arguments");
		}
		this.workspace.record("← Web API: " + method + about(method, params)
				+ (answer.get("ok").getAsBoolean() ? " · ok" : " · " + answer.get("error").getAsString()));
		return answer.toString();
	}

	/**
	 * Whom or where a call is about, for the activity list: it shows who was looked up,
	 * with their local time (and whether Scopecut holds reminders then), and where a
	 * message went, so a reminder held for quiet hours reads as nothing sent.
	 */
	private String about(String method, Map<String, String> params) {
		return switch (method) {
			case "users.info" -> Teammates.byId(params.get("user")).map((person) -> {
				Instant now = this.clock.instant();
				return " " + person.realName() + " (" + person.zone().getId() + ", "
						+ person.localTime(now).truncatedTo(ChronoUnit.MINUTES) + " there"
						+ (person.inQuietHours(now) ? ": quiet hours, Scopecut holds reminders until 08:00" : "") + ")";
			}).orElse("");
			case "conversations.open" -> Teammates.byId(params.getOrDefault("users", ""))
				.map((person) -> " with " + person.realName())
				.orElse("");
			case "chat.postMessage", "chat.postEphemeral", "chat.update" ->
				this.workspace.conversationName(params.get("channel")).map((name) -> " in " + name).orElse("");
			default -> "";
		};
	}

	private JsonObject answer(String method, Map<String, String> params) {
		return switch (method) {
			case "auth.test" -> authTest();
			case "chat.postMessage" -> postMessage(params);
			case "chat.postEphemeral" -> postEphemeral(params);
			case "chat.update" -> update(params);
			case "chat.delete" -> delete(params);
			case "chat.getPermalink" -> permalink(params);
			case "views.open" -> openView(params, false);
			case "views.push" -> openView(params, true);
			case "views.update" -> updateView(params);
			case "views.publish" -> publish(params);
			case "conversations.members" -> members(params);
			case "conversations.open" -> openConversation(params);
			case "users.info" -> userInfo(params);
			case "users.list" -> usersList(params);
			default -> failure("unknown_method");
		};
	}

	private JsonObject authTest() {
		JsonObject json = ok();
		json.addProperty("url", this.delivery.url("/sandbox/"));
		json.addProperty("team", "Sandbox");
		json.addProperty("user", "scopecut");
		json.addProperty("team_id", Teammates.TEAM);
		json.addProperty("user_id", Teammates.BOT);
		json.addProperty("bot_id", Teammates.BOT_ID);
		json.addProperty("is_enterprise_install", false);
		return json;
	}

	private JsonObject postMessage(Map<String, String> params) {
		Optional<String> channel = this.workspace.conversation(params.get("channel"));
		if (channel.isEmpty()) {
			return failure("channel_not_found");
		}
		return post(channel.get(), params, null);
	}

	private JsonObject postEphemeral(Map<String, String> params) {
		Optional<String> channel = this.workspace.conversation(params.get("channel"));
		if (channel.isEmpty()) {
			return failure("channel_not_found");
		}
		String user = params.get("user");
		if (user == null || Teammates.byId(user).filter((person) -> !person.bot()).isEmpty()) {
			return failure("user_not_in_channel");
		}
		JsonObject posted = post(channel.get(), params, user);
		if (posted.get("ok").getAsBoolean()) {
			posted.add("message_ts", posted.remove("ts"));
		}
		return posted;
	}

	private JsonObject post(String channel, Map<String, String> params, String onlyFor) {
		String text = params.getOrDefault("text", "");
		JsonArray blocks = blocks(params.get("blocks"));
		if (text.isBlank() && blocks.isEmpty()) {
			return failure("no_text");
		}
		List<String> broken = BlockKitRules.violations(blocks, BlockKitRules.Surface.MESSAGE);
		if (!broken.isEmpty()) {
			this.workspace.refused(channel, Teammates.BOT, text, blocks, onlyFor, broken);
			return invalidBlocks(broken);
		}
		String ts = this.workspace.reply(channel, Teammates.BOT, text, blocks, onlyFor, params.get("thread_ts"));
		JsonObject json = ok();
		json.addProperty("channel", channel);
		json.addProperty("ts", ts);
		JsonObject message = new JsonObject();
		message.addProperty("type", "message");
		message.addProperty("user", Teammates.BOT);
		message.addProperty("bot_id", Teammates.BOT_ID);
		message.addProperty("text", text);
		message.addProperty("ts", ts);
		message.add("blocks", blocks);
		json.add("message", message);
		return json;
	}

	private JsonObject update(Map<String, String> params) {
		Optional<String> channel = this.workspace.conversation(params.get("channel"));
		if (channel.isEmpty()) {
			return failure("channel_not_found");
		}
		String ts = params.get("ts");
		Optional<Workspace.Message> old = this.workspace.message(channel.get(), ts);
		if (old.isEmpty()) {
			return failure("message_not_found");
		}
		if (!old.get().author().equals(Teammates.BOT) || old.get().onlyFor() != null) {
			return failure("cant_update_message");
		}
		String text = params.getOrDefault("text", old.get().text());
		JsonArray blocks = params.containsKey("blocks") ? blocks(params.get("blocks")) : old.get().blocks();
		List<String> broken = BlockKitRules.violations(blocks, BlockKitRules.Surface.MESSAGE);
		if (!broken.isEmpty()) {
			this.workspace.refused(channel.get(), Teammates.BOT, text, blocks, null, broken);
			return invalidBlocks(broken);
		}
		this.workspace.update(channel.get(), ts, text, blocks);
		JsonObject json = ok();
		json.addProperty("channel", channel.get());
		json.addProperty("ts", ts);
		json.addProperty("text", text);
		return json;
	}

	private JsonObject delete(Map<String, String> params) {
		Optional<String> channel = this.workspace.conversation(params.get("channel"));
		if (channel.isEmpty()) {
			return failure("channel_not_found");
		}
		if (!this.workspace.delete(channel.get(), params.get("ts"))) {
			return failure("message_not_found");
		}
		JsonObject json = ok();
		json.addProperty("channel", channel.get());
		json.addProperty("ts", params.get("ts"));
		return json;
	}

	private JsonObject permalink(Map<String, String> params) {
		Optional<String> channel = this.workspace.conversation(params.get("channel"));
		String ts = params.get("message_ts");
		if (channel.isEmpty()) {
			return failure("channel_not_found");
		}
		if (this.workspace.message(channel.get(), ts).isEmpty()) {
			return failure("message_not_found");
		}
		JsonObject json = ok();
		json.addProperty("channel", channel.get());
		json.addProperty("permalink", this.delivery.url("/sandbox#" + channel.get() + "-" + ts));
		return json;
	}

	private JsonObject openView(Map<String, String> params, boolean push) {
		JsonObject view = view(params);
		List<String> broken = BlockKitRules.viewViolations(view, BlockKitRules.Surface.MODAL);
		if (!broken.isEmpty()) {
			this.workspace.record("Slack refused a modal: " + String.join("; ", broken));
			return invalidBlocks(broken);
		}
		Workspace.Result<String> trigger = this.workspace.useTrigger(params.get("trigger_id"));
		if (!trigger.ok()) {
			return failure(trigger.error());
		}
		return withView(this.workspace.openView(trigger.value(), view, push));
	}

	private JsonObject updateView(Map<String, String> params) {
		JsonObject view = view(params);
		String viewId = params.get("view_id");
		if (viewId == null) {
			return failure("not_found");
		}
		BlockKitRules.Surface surface = "home".equals(Json.string(view, "type")) ? BlockKitRules.Surface.HOME
				: BlockKitRules.Surface.MODAL;
		List<String> broken = BlockKitRules.viewViolations(view, surface);
		if (!broken.isEmpty()) {
			this.workspace.record("Slack refused a view update: " + String.join("; ", broken));
			return invalidBlocks(broken);
		}
		return this.workspace.updateView(viewId, view).map(this::withView).orElseGet(() -> failure("not_found"));
	}

	private JsonObject publish(Map<String, String> params) {
		String user = params.get("user_id");
		if (user == null || Teammates.byId(user).filter((person) -> !person.bot()).isEmpty()) {
			return failure("user_not_found");
		}
		JsonObject view = view(params);
		if (!"home".equals(Json.string(view, "type"))) {
			return failure("invalid_arguments");
		}
		List<String> broken = BlockKitRules.viewViolations(view, BlockKitRules.Surface.HOME);
		if (!broken.isEmpty()) {
			this.workspace.record("Slack refused a Home view for " + user + ": " + String.join("; ", broken));
			return invalidBlocks(broken);
		}
		return withView(this.workspace.publishHome(user, view));
	}

	private JsonObject members(Map<String, String> params) {
		String channel = params.get("channel");
		if (channel == null || !channel.equals(this.workspace.channel())) {
			return failure("channel_not_found");
		}
		List<JsonElement> members = Teammates.ALL.stream()
			.<JsonElement>map((person) -> new JsonPrimitive(person.id()))
			.toList();
		return membersPage(members, params, MEMBERS_PAGE_DEFAULT);
	}

	/** Everyone in the workspace, bot included, as {@code users.info} describes them. */
	private JsonObject usersList(Map<String, String> params) {
		Instant now = this.clock.instant();
		List<JsonElement> members = Teammates.ALL.stream().<JsonElement>map((person) -> person.json(now)).toList();
		return membersPage(members, params, USERS_PAGE_DEFAULT);
	}

	private JsonObject openConversation(Map<String, String> params) {
		String users = params.getOrDefault("users", params.get("channel"));
		if (users == null || users.contains(",")) {
			// Group conversations are not part of the sandbox.
			return failure(users == null ? "users_list_not_supplied" : "not_supported");
		}
		Optional<String> dm = this.workspace.conversation(users.strip()).filter((id) -> id.startsWith("D"));
		if (dm.isEmpty()) {
			return failure("user_not_found");
		}
		JsonObject json = ok();
		JsonObject channel = new JsonObject();
		channel.addProperty("id", dm.get());
		channel.addProperty("is_im", true);
		channel.addProperty("user", Teammates.byDmChannel(dm.get()).orElseThrow().id());
		json.add("channel", channel);
		return json;
	}

	private JsonObject userInfo(Map<String, String> params) {
		return Teammates.byId(params.get("user")).map((person) -> {
			JsonObject json = ok();
			json.add("user", person.json(this.clock.instant()));
			return json;
		}).orElseGet(() -> failure("user_not_found"));
	}

	/**
	 * One page of {@code members} as Slack pages a list: at most {@code limit} of them
	 * (all when it is 0) from the {@code cursor}, and in {@code response_metadata} the
	 * cursor of the next page, empty after the last.
	 */
	private static JsonObject membersPage(List<JsonElement> members, Map<String, String> params, int defaultLimit) {
		int limit = Integer.parseInt(params.getOrDefault("limit", Integer.toString(defaultLimit)));
		String cursor = params.getOrDefault("cursor", "");
		int from;
		try {
			from = cursor.isEmpty() ? 0 : Integer.parseInt(cursor);
		}
		catch (NumberFormatException ex) {
			return failure("invalid_cursor");
		}
		if (from < 0 || from > members.size()) {
			return failure("invalid_cursor");
		}
		int to = (limit > 0) ? Math.min(members.size(), from + limit) : members.size();
		JsonArray page = new JsonArray();
		members.subList(from, to).forEach(page::add);
		JsonObject json = ok();
		json.add("members", page);
		JsonObject metadata = new JsonObject();
		metadata.addProperty("next_cursor", (to < members.size()) ? Integer.toString(to) : "");
		json.add("response_metadata", metadata);
		return json;
	}

	private JsonObject withView(JsonObject view) {
		JsonObject json = ok();
		json.add("view", view);
		return json;
	}

	private static JsonObject view(Map<String, String> params) {
		String view = params.get("view");
		if (view == null) {
			throw new IllegalArgumentException("no view");
		}
		return JsonParser.parseString(view).getAsJsonObject();
	}

	private static JsonArray blocks(String blocks) {
		if (blocks == null || blocks.isBlank()) {
			return new JsonArray();
		}
		return JsonParser.parseString(blocks).getAsJsonArray();
	}

	/** Form fields, or the fields of a JSON body, as Slack takes either. */
	private static Map<String, String> params(HttpServletRequest request) throws IOException {
		Map<String, String> params = new HashMap<>();
		String type = request.getContentType();
		if (type != null && type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
			String body = new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			JsonParser.parseString(body)
				.getAsJsonObject()
				.entrySet()
				.forEach((field) -> params.put(field.getKey(), field.getValue().isJsonPrimitive()
						? field.getValue().getAsString() : field.getValue().toString()));
		}
		request.getParameterMap().forEach((name, values) -> params.putIfAbsent(name, values[0]));
		return params;
	}

	private static Optional<String> bearer(HttpServletRequest request) {
		String header = request.getHeader("Authorization");
		return (header != null && header.startsWith("Bearer ")) ? Optional.of(header.substring(7).strip())
				: Optional.empty();
	}

	private static JsonObject ok() {
		JsonObject json = new JsonObject();
		json.addProperty("ok", true);
		return json;
	}

	private static JsonObject failure(String error) {
		JsonObject json = new JsonObject();
		json.addProperty("ok", false);
		json.addProperty("error", error);
		return json;
	}

	private static JsonObject invalidBlocks(List<String> broken) {
		JsonObject json = failure("invalid_blocks");
		JsonArray errors = new JsonArray();
		broken.forEach(errors::add);
		json.add("errors", errors);
		JsonObject metadata = new JsonObject();
		JsonArray messages = new JsonArray();
		broken.forEach((rule) -> messages.add("[ERROR] " + rule));
		metadata.add("messages", messages);
		json.add("response_metadata", metadata);
		return json;
	}

}
