package dev.scopecut.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * Everything the simulated Slack holds, in memory: the channel's and each direct
 * conversation's messages (ephemeral ones marked with whom they are for), each person's
 * open modals and App Home view, and the trigger ids and response URLs handed out (those
 * Slack would no longer accept are dropped as new ones are issued, so a long session
 * holds only the few still usable). Every change is announced to the listeners (the
 * page's live updates).
 * <p>
 * A reset starts a new channel id, so cuts Scopecut still keeps in Redis for the old
 * channel never reach the new one.
 */
final class Workspace {

	static final String CHANNEL_NAME = "release-planning";

	/** Slack's limits on the ids and URLs it hands out. */
	static final Duration TRIGGER_LIFETIME = Duration.ofSeconds(3);

	static final Duration RESPONSE_URL_LIFETIME = Duration.ofMinutes(30);

	static final int RESPONSE_URL_USES = 5;

	private static final int ACTIVITY_KEPT = 100;

	private static final DateTimeFormatter ACTIVITY_TIME = DateTimeFormatter.ofPattern("HH:mm:ss")
		.withZone(ZoneOffset.UTC);

	/**
	 * One message as Slack shows it; {@code onlyFor} marks an ephemeral one, and
	 * {@code threadTs} a reply in the thread of another (null for none).
	 */
	record Message(String channel, String ts, String author, String text, JsonArray blocks, String onlyFor,
			List<String> rejected, String threadTs) {

		Message(String channel, String ts, String author, String text, JsonArray blocks, String onlyFor,
				List<String> rejected) {
			this(channel, ts, author, text, blocks, onlyFor, rejected, null);
		}

		JsonObject json() {
			JsonObject json = new JsonObject();
			json.addProperty("channel", this.channel);
			json.addProperty("ts", this.ts);
			json.addProperty("author", this.author);
			json.addProperty("authorName",
					Teammates.byId(this.author)
						.map(Teammates.Teammate::realName)
						.orElse(PeopleActions.SLACKBOT.equals(this.author) ? "Slackbot" : this.author));
			json.addProperty("text", this.text);
			json.add("blocks", (this.blocks != null) ? this.blocks : new JsonArray());
			json.addProperty("ephemeral", this.onlyFor != null);
			JsonArray broken = new JsonArray();
			this.rejected.forEach(broken::add);
			json.add("rejected", broken);
			if (this.threadTs != null) {
				json.addProperty("threadTs", this.threadTs);
			}
			return json;
		}

		boolean visibleTo(String user) {
			return this.onlyFor == null || this.onlyFor.equals(user);
		}

	}

	/**
	 * A response URL: to whom and where it was issued, and the message it may replace
	 * (null for a command's).
	 */
	record Hook(String user, String channel, String messageTs, Instant issued) {
	}

	private record Trigger(String user, Instant issued) {
	}

	private record OpenView(JsonObject view, Map<String, String> errors) {
	}

	private final Clock clock;

	private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

	private int generation;

	private long sequence;

	private long version;

	private final Map<String, LinkedHashMap<String, Message>> conversations = new HashMap<>();

	private final Map<String, Deque<OpenView>> modals = new HashMap<>();

	private final Map<String, JsonObject> homes = new HashMap<>();

	private final Map<String, Trigger> triggers = new HashMap<>();

	private final Map<String, Hook> hooks = new HashMap<>();

	private final Map<String, Integer> hookUses = new HashMap<>();

	private final Deque<String> activity = new ArrayDeque<>();

	Workspace(Clock clock) {
		this.clock = clock;
		this.generation = 1;
	}

	void onChange(Runnable listener) {
		this.listeners.add(listener);
	}

	synchronized String channel() {
		return "C%02dPLAN".formatted(this.generation);
	}

	/**
	 * The conversation a Web API call names: the channel, a direct conversation, or a
	 * person's id for their direct conversation with the bot, as Slack allows.
	 */
	synchronized Optional<String> conversation(String id) {
		if (id == null) {
			return Optional.empty();
		}
		if (id.equals(channel()) || Teammates.byDmChannel(id).isPresent()) {
			return Optional.of(id);
		}
		return Teammates.byId(id).filter((person) -> !person.bot()).map(Teammates.Teammate::dmChannel);
	}

	/**
	 * How the page names a conversation: the channel by its name, a direct conversation
	 * by its person.
	 */
	Optional<String> conversationName(String id) {
		return conversation(id).map((found) -> Teammates.byDmChannel(found)
			.map((person) -> "direct messages with " + person.realName())
			.orElse("#" + CHANNEL_NAME));
	}

	synchronized String post(String channel, String author, String text, JsonArray blocks, String onlyFor) {
		return reply(channel, author, text, blocks, onlyFor, null);
	}

	/** Posts a message, in the thread of {@code threadTs} unless it is null. */
	synchronized String reply(String channel, String author, String text, JsonArray blocks, String onlyFor,
			String threadTs) {
		String ts = nextTs();
		messages(channel).put(ts, new Message(channel, ts, author, text, blocks, onlyFor, List.of(), threadTs));
		changed();
		return ts;
	}

	/** Keeps a call Slack refused for its blocks, so the page can show what and why. */
	synchronized void refused(String channel, String author, String text, JsonArray blocks, String onlyFor,
			List<String> broken) {
		String ts = nextTs();
		messages(channel).put(ts, new Message(channel, ts, author, text, blocks, onlyFor, List.copyOf(broken)));
		changed();
	}

	synchronized Optional<Message> message(String channel, String ts) {
		return Optional.ofNullable(messages(channel).get(ts));
	}

	synchronized boolean update(String channel, String ts, String text, JsonArray blocks) {
		Message old = messages(channel).get(ts);
		if (old == null) {
			return false;
		}
		messages(channel).put(ts,
				new Message(channel, ts, old.author(), text, blocks, old.onlyFor(), List.of(), old.threadTs()));
		changed();
		return true;
	}

	synchronized boolean delete(String channel, String ts) {
		boolean removed = messages(channel).remove(ts) != null;
		changed();
		return removed;
	}

	synchronized String issueTrigger(String user) {
		Instant now = this.clock.instant();
		this.triggers.values().removeIf((trigger) -> expired(trigger.issued(), TRIGGER_LIFETIME, now));
		String id = "%d.%d.%s".formatted(now.getEpochSecond(), ++this.sequence, random(12));
		this.triggers.put(id, new Trigger(user, now));
		return id;
	}

	/**
	 * The person a trigger id was issued to, using it up; an error code as Slack's when
	 * it is unknown or older than three seconds.
	 */
	synchronized Result<String> useTrigger(String id) {
		Trigger trigger = (id != null) ? this.triggers.remove(id) : null;
		if (trigger == null) {
			return Result.error("invalid_trigger_id");
		}
		if (expired(trigger.issued(), TRIGGER_LIFETIME, this.clock.instant())) {
			return Result.error("expired_trigger_id");
		}
		return Result.ok(trigger.user());
	}

	/** Opens a modal for the person, or pushes it on top of the one open. */
	synchronized JsonObject openView(String user, JsonObject view, boolean push) {
		Deque<OpenView> stack = this.modals.computeIfAbsent(user, (key) -> new ArrayDeque<>());
		if (!push) {
			stack.clear();
		}
		JsonObject stored = stamp(view, "V%05d".formatted(++this.sequence), user);
		stack.push(new OpenView(stored, Map.of()));
		changed();
		return stored;
	}

	/** Replaces an open modal (or a Home view) by its id. */
	synchronized Optional<JsonObject> updateView(String viewId, JsonObject view) {
		for (Map.Entry<String, Deque<OpenView>> entry : this.modals.entrySet()) {
			Deque<OpenView> stack = entry.getValue();
			for (OpenView open : stack) {
				if (viewId.equals(open.view().get("id").getAsString())) {
					JsonObject stored = stamp(view, viewId, entry.getKey());
					replace(stack, open, new OpenView(stored, Map.of()));
					changed();
					return Optional.of(stored);
				}
			}
		}
		for (Map.Entry<String, JsonObject> home : this.homes.entrySet()) {
			if (viewId.equals(home.getValue().get("id").getAsString())) {
				JsonObject stored = stamp(view, viewId, home.getKey());
				home.setValue(stored);
				changed();
				return Optional.of(stored);
			}
		}
		return Optional.empty();
	}

	synchronized Optional<JsonObject> topView(String user) {
		Deque<OpenView> stack = this.modals.get(user);
		return (stack == null || stack.isEmpty()) ? Optional.empty() : Optional.of(stack.peek().view());
	}

	/**
	 * Marks fields of the person's modal, when it is still on top, with the app's errors
	 * by block id. Its state keeps the values submitted, as Slack keeps what was typed.
	 */
	synchronized void showErrors(String user, JsonObject submitted, Map<String, String> errors) {
		Deque<OpenView> stack = this.modals.get(user);
		String viewId = submitted.get("id").getAsString();
		if (stack != null && !stack.isEmpty() && viewId.equals(stack.peek().view().get("id").getAsString())) {
			JsonObject view = stack.pop().view().deepCopy();
			view.add("state", submitted.getAsJsonObject("state").deepCopy());
			stack.push(new OpenView(view, Map.copyOf(errors)));
			changed();
		}
	}

	synchronized void closeTopView(String user) {
		Deque<OpenView> stack = this.modals.get(user);
		if (stack != null && !stack.isEmpty()) {
			stack.pop();
			changed();
		}
	}

	synchronized void closeViews(String user) {
		this.modals.remove(user);
		changed();
	}

	synchronized JsonObject publishHome(String user, JsonObject view) {
		JsonObject old = this.homes.get(user);
		String id = (old != null) ? old.get("id").getAsString() : "V%05d".formatted(++this.sequence);
		JsonObject stored = stamp(view, id, user);
		this.homes.put(user, stored);
		changed();
		return stored;
	}

	synchronized Optional<JsonObject> home(String user) {
		return Optional.ofNullable(this.homes.get(user));
	}

	synchronized String issueResponseUrl(String user, String channel, String messageTs) {
		Instant now = this.clock.instant();
		this.hooks.entrySet()
			.removeIf((hook) -> expired(hook.getValue().issued(), RESPONSE_URL_LIFETIME, now)
					|| this.hookUses.getOrDefault(hook.getKey(), 0) >= RESPONSE_URL_USES);
		this.hookUses.keySet().retainAll(this.hooks.keySet());
		String id = random(24);
		this.hooks.put(id, new Hook(user, channel, messageTs, now));
		return id;
	}

	/** The hook, counting one use; Slack allows five within thirty minutes. */
	synchronized Result<Hook> useResponseUrl(String id) {
		Hook hook = this.hooks.get(id);
		if (hook == null || expired(hook.issued(), RESPONSE_URL_LIFETIME, this.clock.instant())) {
			return Result.error("expired_url");
		}
		int uses = this.hookUses.merge(id, 1, Integer::sum);
		if (uses > RESPONSE_URL_USES) {
			return Result.error("used_url");
		}
		return Result.ok(hook);
	}

	/** How many trigger ids and response URLs are kept: the few still usable. */
	synchronized int idsHeld() {
		return this.triggers.size() + this.hooks.size();
	}

	/** One line of what crossed between the sandbox and Scopecut, for the page. */
	synchronized void record(String line) {
		this.activity.addFirst(ACTIVITY_TIME.format(this.clock.instant()) + " UTC  " + line);
		while (this.activity.size() > ACTIVITY_KEPT) {
			this.activity.removeLast();
		}
		changed();
	}

	synchronized void reset() {
		if (this.clock instanceof SandboxClock skipped) {
			skipped.reset();
		}
		this.generation++;
		this.conversations.clear();
		this.modals.clear();
		this.homes.clear();
		this.triggers.clear();
		this.hooks.clear();
		this.hookUses.clear();
		this.activity.clear();
		changed();
	}

	synchronized long version() {
		return this.version;
	}

	/** What one person sees: their channel and direct conversation, modal and Home. */
	synchronized JsonObject snapshot(String user) {
		Teammates.Teammate me = Teammates.byId(user)
			.filter((person) -> !person.bot())
			.orElse(Teammates.people().get(0));
		JsonObject json = new JsonObject();
		json.addProperty("version", this.version);
		json.addProperty("me", me.id());
		json.addProperty("team", Teammates.TEAM);
		JsonArray people = new JsonArray();
		Instant now = this.clock.instant();
		Teammates.ALL.forEach((person) -> people.add(person.json(now)));
		json.add("users", people);
		// The sandbox's clock (Scopecut's), so the page shows the local times it acts on.
		json.addProperty("now", now.toEpochMilli());
		JsonObject quiet = new JsonObject();
		Teammates.people().forEach((person) -> quiet.addProperty(person.id(), person.inQuietHours(now)));
		json.add("quietHours", quiet);
		JsonObject channel = new JsonObject();
		channel.addProperty("id", channel());
		channel.addProperty("name", CHANNEL_NAME);
		json.add("channel", channel);
		json.addProperty("dm", me.dmChannel());
		json.add("messages", visible(channel(), me.id()));
		json.add("dmMessages", visible(me.dmChannel(), me.id()));
		Deque<OpenView> stack = this.modals.get(me.id());
		if (stack != null && !stack.isEmpty()) {
			JsonObject modal = new JsonObject();
			modal.add("view", stack.peek().view());
			JsonObject errors = new JsonObject();
			stack.peek().errors().forEach(errors::addProperty);
			modal.add("errors", errors);
			json.add("modal", modal);
		}
		if (this.homes.containsKey(me.id())) {
			json.add("home", this.homes.get(me.id()));
		}
		JsonArray lines = new JsonArray();
		this.activity.forEach(lines::add);
		json.add("activity", lines);
		return json;
	}

	private JsonArray visible(String conversation, String user) {
		JsonArray list = new JsonArray();
		messages(conversation).values()
			.stream()
			.filter((message) -> message.visibleTo(user))
			.forEach((message) -> list.add(message.json()));
		return list;
	}

	private Map<String, Message> messages(String conversation) {
		return this.conversations.computeIfAbsent(conversation, (key) -> new LinkedHashMap<>());
	}

	private JsonObject stamp(JsonObject view, String id, String user) {
		JsonObject stored = view.deepCopy();
		stored.addProperty("id", id);
		stored.addProperty("team_id", Teammates.TEAM);
		stored.addProperty("app_id", SlackDelivery.APP_ID);
		stored.addProperty("bot_id", Teammates.BOT_ID);
		stored.addProperty("hash", random(16));
		stored.addProperty("root_view_id", id);
		if (!stored.has("private_metadata")) {
			stored.addProperty("private_metadata", "");
		}
		if (!stored.has("callback_id")) {
			stored.addProperty("callback_id", "");
		}
		JsonObject state = new JsonObject();
		state.add("values", new JsonObject());
		stored.add("state", state);
		return stored;
	}

	private static void replace(Deque<OpenView> stack, OpenView old, OpenView replacement) {
		Deque<OpenView> rebuilt = new ArrayDeque<>();
		for (OpenView open : stack) {
			rebuilt.addLast((open == old) ? replacement : open);
		}
		stack.clear();
		stack.addAll(rebuilt);
	}

	private static boolean expired(Instant issued, Duration lifetime, Instant now) {
		return issued.plus(lifetime).isBefore(now);
	}

	private String nextTs() {
		return "%d.%06d".formatted(this.clock.millis() / 1000, ++this.sequence % 1_000_000);
	}

	private void changed() {
		this.version++;
		this.listeners.forEach(Runnable::run);
	}

	private static String random(int length) {
		return UUID.randomUUID().toString().replace("-", "").substring(0, Math.min(length, 32));
	}

	/** A value, or the error code Slack would answer instead. */
	record Result<T>(T value, String error) {

		static <T> Result<T> ok(T value) {
			return new Result<>(value, null);
		}

		static <T> Result<T> error(String error) {
			return new Result<>(null, error);
		}

		boolean ok() {
			return this.error == null;
		}

	}

}
