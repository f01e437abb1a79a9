package dev.scopecut.sandbox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.time.Instant;
import java.util.Optional;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * What the page does on behalf of the person it shows: type in the channel, click, submit
 * or close a modal, open the Home tab, reset. Each act is delivered to Scopecut as Slack
 * would deliver it, and Scopecut's acknowledgement is acted on as Slack acts on it (a
 * command's private answer, a modal's errors).
 * <p>
 * Each act takes JSON only: a form on any other site can post text, form or multipart
 * bodies here without asking, but JSON needs a CORS preflight, which the sandbox never
 * allows. So no other page can act as a teammate.
 */
@RestController
@RequestMapping(path = "/sandbox/ui", produces = MediaType.APPLICATION_JSON_VALUE)
@ConditionalOnBooleanProperty(SandboxEnvironment.ENABLED)
class PeopleActions {

	/** Slack's own bot, which tells people when a command failed. */
	static final String SLACKBOT = "USLACKBOT";

	private static final String COMMAND = "/scopecut";

	/** The message shortcut's callback id, as manifest.yml declares it. */
	private static final String CUT_FROM_MESSAGE = "cut-from-message";

	private final Workspace workspace;

	private final SlackDelivery delivery;

	private final SandboxEvents events;

	private final SandboxClock clock;

	PeopleActions(Workspace workspace, SlackDelivery delivery, SandboxEvents events, SandboxClock clock) {
		this.clock = clock;
		this.workspace = workspace;
		this.delivery = delivery;
		this.events = events;
	}

	@GetMapping("/state")
	String state(@RequestParam(required = false) String user) {
		return this.workspace.snapshot(user).toString();
	}

	@GetMapping(path = "/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter events() {
		return this.events.subscribe();
	}

	/** A line typed in a conversation: a slash command, or a plain message. */
	@PostMapping(path = "/message", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<String> message(@RequestBody String body) {
		JsonObject request = JsonParser.parseString(body).getAsJsonObject();
		Optional<String> user = person(request);
		Optional<String> conversation = this.workspace.conversation(Json.string(request, "conversation"));
		String text = Json.string(request, "text").strip();
		if (user.isEmpty() || conversation.isEmpty() || text.isEmpty()) {
			return refused("a person, a conversation and some text are needed");
		}
		if (!text.startsWith("/")) {
			this.workspace.post(conversation.get(), user.get(), text, new JsonArray(), null);
			return done();
		}
		String[] parts = text.split("\\s+", 2);
		if (!parts[0].equals(COMMAND)) {
			this.workspace.post(conversation.get(), SLACKBOT,
					parts[0] + " is not a valid command. In the sandbox, " + "only " + COMMAND + " is installed.",
					new JsonArray(), user.get());
			return done();
		}
		SlackDelivery.Delivered ack = this.delivery.slashCommand(user.get(), conversation.get(), COMMAND,
				(parts.length > 1) ? parts[1] : "");
		if (!ack.ok()) {
			this.workspace.post(conversation.get(), SLACKBOT, COMMAND + " failed with the error \"dispatch_failed\" "
					+ "(Scopecut answered HTTP " + ack.status() + ")", new JsonArray(), user.get());
			return done();
		}
		ack.json().ifPresent((reply) -> postReply(conversation.get(), user.get(), reply));
		return done();
	}

	/** A click or choice in a message, a modal or the Home tab. */
	@PostMapping(path = "/action", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<String> action(@RequestBody String body) {
		JsonObject request = JsonParser.parseString(body).getAsJsonObject();
		Optional<String> user = person(request);
		JsonElement action = request.get("action");
		if (user.isEmpty() || action == null || !action.isJsonObject()
				|| Json.string(action.getAsJsonObject(), "action_id").isEmpty()) {
			return refused("a person and an action are needed");
		}
		SlackDelivery.Delivered ack;
		if (request.has("viewId")) {
			Optional<JsonObject> view = shownView(user.get(), Json.string(request, "viewId"));
			if (view.isEmpty()) {
				return refused("that view is not open");
			}
			ack = this.delivery.viewAction(user.get(), view.get(), action.getAsJsonObject());
		}
		else {
			Optional<Workspace.Message> message = this.workspace.conversation(Json.string(request, "channel"))
				.flatMap((channel) -> this.workspace.message(channel, Json.string(request, "ts")))
				.filter((found) -> found.visibleTo(user.get()));
			if (message.isEmpty()) {
				return refused("that message is gone");
			}
			ack = this.delivery.messageAction(user.get(), message.get(), action.getAsJsonObject());
		}
		return ack.ok() ? done() : refused("Scopecut answered HTTP " + ack.status());
	}

	/**
	 * A message shortcut used on a message of a conversation: Scopecut's one, <em>Start
	 * scope cut from this message</em>, as manifest.yml declares it.
	 */
	@PostMapping(path = "/shortcut", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<String> shortcut(@RequestBody String body) {
		JsonObject request = JsonParser.parseString(body).getAsJsonObject();
		Optional<String> user = person(request);
		Optional<Workspace.Message> message = this.workspace.conversation(Json.string(request, "channel"))
			.flatMap((channel) -> this.workspace.message(channel, Json.string(request, "ts")))
			.filter((found) -> user.isPresent() && found.visibleTo(user.get()) && found.onlyFor() == null);
		if (user.isEmpty() || message.isEmpty()) {
			return refused("a person and a message they can see are needed");
		}
		SlackDelivery.Delivered ack = this.delivery.messageShortcut(user.get(), message.get(), CUT_FROM_MESSAGE);
		return ack.ok() ? done() : refused("Scopecut answered HTTP " + ack.status());
	}

	/** The person's top modal submitted with the state of its inputs. */
	@PostMapping(path = "/submit", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<String> submit(@RequestBody String body) {
		JsonObject request = JsonParser.parseString(body).getAsJsonObject();
		Optional<String> user = person(request);
		Optional<JsonObject> open = user.flatMap(this.workspace::topView)
			.filter((view) -> view.get("id").getAsString().equals(Json.string(request, "viewId")));
		if (open.isEmpty() || !request.has("values") || !request.get("values").isJsonObject()) {
			return refused("that modal is not open");
		}
		JsonObject view = open.get().deepCopy();
		view.getAsJsonObject("state").add("values", request.getAsJsonObject("values"));
		SlackDelivery.Delivered ack = this.delivery.viewSubmission(user.get(), view);
		if (!ack.ok()) {
			// Slack keeps the modal open and says it could not reach the app.
			this.workspace.showErrors(user.get(), view,
					Map.of("", "We had some trouble connecting (Scopecut answered HTTP " + ack.status() + ")."));
			return done();
		}
		JsonObject answer = ack.json().orElseGet(JsonObject::new);
		switch (Json.string(answer, "response_action")) {
			case "errors" -> this.workspace.showErrors(user.get(), view, errors(answer));
			case "update" -> this.workspace.updateView(view.get("id").getAsString(), answer.getAsJsonObject("view"));
			case "push" -> this.workspace.openView(user.get(), answer.getAsJsonObject("view"), true);
			case "clear" -> this.workspace.closeViews(user.get());
			default -> this.workspace.closeTopView(user.get());
		}
		return done();
	}

	@PostMapping(path = "/close", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<String> close(@RequestBody String body) {
		Optional<String> user = person(JsonParser.parseString(body).getAsJsonObject());
		user.ifPresent(this.workspace::closeTopView);
		return user.isPresent() ? done() : refused("a person is needed");
	}

	/** The Home tab opened: Slack sends {@code app_home_opened}. */
	@PostMapping(path = "/home", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<String> home(@RequestBody String body) {
		Optional<String> user = person(JsonParser.parseString(body).getAsJsonObject());
		if (user.isEmpty()) {
			return refused("a person is needed");
		}
		SlackDelivery.Delivered ack = this.delivery.appHomeOpened(user.get(), this.workspace.home(user.get()));
		return ack.ok() ? done() : refused("Scopecut answered HTTP " + ack.status());
	}

	/**
	 * Moves the clock (the sandbox's and Scopecut's) to 09:00 tomorrow in the person's
	 * time zone, so that what falls due on a later day, such as a check-in, can be seen.
	 */
	@PostMapping(path = "/skip-day", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<String> skipDay(@RequestBody String body) {
		Optional<Teammates.Teammate> user = person(JsonParser.parseString(body).getAsJsonObject())
			.flatMap(Teammates::byId);
		if (user.isEmpty()) {
			return refused("a person is needed");
		}
		Instant morning = this.clock.skipToNextMorning(user.get().zone());
		this.workspace.record("Skipped to " + morning.atZone(user.get().zone()).toLocalDate() + " 09:00 for "
				+ user.get().realName() + ": Scopecut's clock moved on");
		return done();
	}

	@PostMapping(path = "/reset", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<String> reset() {
		this.workspace.reset();
		return done();
	}

	/** A command's private (or, when it says so, public) answer. */
	private void postReply(String conversation, String user, JsonObject reply) {
		String text = Json.string(reply, "text");
		JsonArray blocks = Json.array(reply, "blocks");
		if (text.isBlank() && blocks.isEmpty()) {
			return;
		}
		String onlyFor = "in_channel".equals(Json.string(reply, "response_type")) ? null : user;
		List<String> broken = BlockKitRules.violations(blocks, BlockKitRules.Surface.MESSAGE);
		if (broken.isEmpty()) {
			this.workspace.post(conversation, Teammates.BOT, text, blocks, onlyFor);
		}
		else {
			this.workspace.refused(conversation, Teammates.BOT, text, blocks, onlyFor, broken);
		}
	}

	private Optional<JsonObject> shownView(String user, String viewId) {
		return this.workspace.topView(user)
			.filter((view) -> view.get("id").getAsString().equals(viewId))
			.or(() -> this.workspace.home(user).filter((view) -> view.get("id").getAsString().equals(viewId)));
	}

	private static Map<String, String> errors(JsonObject answer) {
		Map<String, String> errors = new LinkedHashMap<>();
		JsonElement given = answer.get("errors");
		if (given != null && given.isJsonObject()) {
			given.getAsJsonObject()
				.entrySet()
				.forEach((error) -> errors.put(error.getKey(), error.getValue().getAsString()));
		}
		return errors;
	}

	private static Optional<String> person(JsonObject request) {
		return Teammates.byId(Json.string(request, "user"))
			.filter((person) -> !person.bot())
			.map(Teammates.Teammate::id);
	}

	private static ResponseEntity<String> done() {
		return ResponseEntity.ok("{\"ok\":true}");
	}

	private static ResponseEntity<String> refused(String why) {
		JsonObject json = new JsonObject();
		json.addProperty("ok", false);
		json.addProperty("error", why);
		return ResponseEntity.badRequest().body(json.toString());
	}

}
