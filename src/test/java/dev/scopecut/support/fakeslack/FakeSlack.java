package dev.scopecut.support.fakeslack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Plays Slack's Web API on a local port: answers the methods Scopecut calls (and
 * {@code auth.test}, which Bolt calls itself), takes posts to response URLs, records
 * every call, and can be told to answer a method with an error or a 429 for a while.
 */
public final class FakeSlack implements AutoCloseable {

	public static final String TEAM = "T0000TEST";

	public static final String BOT_USER = "U0000BOT";

	/** One call as the fake received it. */
	public record Call(String method, Map<String, String> params, String authorization, long atMillis) {

		public String param(String name) {
			return this.params.get(name);
		}

		/**
		 * The token the call carried: its bearer {@code Authorization} or its
		 * {@code token} parameter.
		 */
		public String token() {
			if (this.authorization != null && this.authorization.startsWith("Bearer ")) {
				return this.authorization.substring("Bearer ".length());
			}
			return this.params.get("token");
		}

		/**
		 * The values of the vote buttons (or menu options) in a posted message, in order.
		 */
		public List<String> voteValues() {
			List<String> values = new ArrayList<>();
			collectValues(JsonParser.parseString(this.params.get("blocks")), values);
			return values.stream().filter((value) -> value.contains("|")).toList();
		}

		/**
		 * The block id of the block in a posted message whose control (a button, or an
		 * option of a menu) carries {@code value}.
		 */
		public String blockIdOf(String value) {
			for (JsonElement block : JsonParser.parseString(this.params.get("blocks")).getAsJsonArray()) {
				List<String> values = new ArrayList<>();
				collectValues(block, values);
				if (values.contains(value)) {
					return block.getAsJsonObject().get("block_id").getAsString();
				}
			}
			throw new AssertionError("no control with the value " + value + " in " + this.params.get("blocks"));
		}

		private static void collectValues(JsonElement element, List<String> values) {
			if (element.isJsonObject()) {
				element.getAsJsonObject().entrySet().forEach((entry) -> {
					if (entry.getKey().equals("value") && entry.getValue().isJsonPrimitive()) {
						values.add(entry.getValue().getAsString());
					}
					else {
						collectValues(entry.getValue(), values);
					}
				});
			}
			else if (element.isJsonArray()) {
				element.getAsJsonArray().forEach((child) -> collectValues(child, values));
			}
		}

		/** A response-URL post's JSON body, or a method's {@code blocks} parameter. */
		public JsonObject json() {
			return JsonParser.parseString(this.params.get("body")).getAsJsonObject();
		}

	}

	private record Scripted(int status, String retryAfter, String body) {
	}

	private final HttpServer server;

	private final ExecutorService executor = Executors.newFixedThreadPool(8);

	private final Queue<Call> calls = new ConcurrentLinkedQueue<>();

	private final Map<String, Deque<Scripted>> scripted = new ConcurrentHashMap<>();

	private static final long FIRST_TS = 1_700_000_000_000_100L;

	private final AtomicLong messageSeq = new AtomicLong(FIRST_TS);

	private volatile Duration latency = Duration.ZERO;

	private volatile String connectionsOpenUrl;

	private final Map<String, List<String>> channelMembers = new ConcurrentHashMap<>();

	private final Set<String> bots = ConcurrentHashMap.newKeySet();

	private final Set<String> deleted = ConcurrentHashMap.newKeySet();

	/** People of the workspace who are in no declared channel ({@code users.list}). */
	private final Set<String> others = ConcurrentHashMap.newKeySet();

	/**
	 * The workspace of each bot token {@code auth.test} knows; others are
	 * {@link #TEAM}'s.
	 */
	private final Map<String, String> tokenTeams = new ConcurrentHashMap<>();

	/** The {@code oauth.v2.access} answer for each code or refresh token. */
	private final Map<String, String> grants = new ConcurrentHashMap<>();

	private final Map<String, String> timeZones = new ConcurrentHashMap<>();

	private final Map<String, String> realNames = new ConcurrentHashMap<>();

	private FakeSlack(HttpServer server) {
		this.server = server;
	}

	public static FakeSlack start() {
		// Without TCP_NODELAY each answer waits ~40 ms for the client's delayed
		// ACK (the headers and body go out as two writes). The JDK reads this
		// property once, when the first server starts.
		System.setProperty("sun.net.httpserver.nodelay", "true");
		try {
			FakeSlack fake = new FakeSlack(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200));
			fake.server.createContext("/api/", fake::handleMethod);
			fake.server.createContext("/response/", fake::handleResponseUrl);
			fake.server.setExecutor(fake.executor);
			fake.server.start();
			return fake;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public String apiUrl() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/api/";
	}

	public String responseUrl(String id) {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/response/" + id;
	}

	/** Makes every answer take this long, as a slow Slack would. */
	public void latency(Duration latency) {
		this.latency = latency;
	}

	/**
	 * The websocket URL {@code apps.connections.open} hands out, as Slack does for Socket
	 * Mode; while unset the method answers {@code ok: false}.
	 */
	public void connectionsOpenUrl(String url) {
		this.connectionsOpenUrl = url;
	}

	/**
	 * The channel's members as {@code conversations.members} lists them, a page of
	 * {@code limit} at a time; a channel never declared has none, so the app does not
	 * count its cuts' voters.
	 */
	public void channelMembers(String channel, String... members) {
		this.channelMembers.put(channel, List.of(members));
	}

	/** Users {@code users.info} says are bots ({@code is_bot}); anyone else is human. */
	public void bots(String... users) {
		this.bots.addAll(List.of(users));
	}

	/**
	 * Users {@code users.info} and {@code users.list} say are deactivated
	 * ({@code deleted}).
	 */
	public void deleted(String... users) {
		this.deleted.addAll(List.of(users));
	}

	/**
	 * More people of the workspace, in no declared channel: {@code users.list} lists them
	 * along with every declared channel's members, in order of their ids.
	 */
	public void otherPeople(String... users) {
		this.others.addAll(List.of(users));
	}

	/**
	 * The time zone {@code users.info} gives the user ({@code tz}); none when not set.
	 */
	public void timeZone(String user, String tz) {
		this.timeZones.put(user, tz);
	}

	/**
	 * The real name {@code users.info} gives the user ({@code profile.real_name}); none
	 * when not set.
	 */
	public void realName(String user, String name) {
		this.realNames.put(user, name);
	}

	/** The direct-message channel {@code conversations.open} opens with the user. */
	public static String dmChannel(String user) {
		return "D" + user;
	}

	/** The next {@code times} calls of the method get a 429 with this Retry-After. */
	public void rateLimit(String method, int times, int retryAfterSeconds) {
		for (int i = 0; i < times; i++) {
			script(method,
					new Scripted(429, Integer.toString(retryAfterSeconds), "{\"ok\":false,\"error\":\"ratelimited\"}"));
		}
	}

	/** The next call of the method answers with this HTTP status and no Slack body. */
	public void failOnceWithStatus(String method, int status) {
		script(method, new Scripted(status, null, "upstream trouble"));
	}

	/** The next call of the method answers {@code ok: false} with this error. */
	public void failOnce(String method, String error) {
		script(method, new Scripted(200, null, "{\"ok\":false,\"error\":\"" + error + "\"}"));
	}

	/**
	 * An install of workspace {@code team}: {@code oauth.v2.access} with this code hands
	 * out this bot token, which {@code auth.test} then knows as that workspace's.
	 */
	public void installCode(String code, String team, String botToken) {
		installCode(code, team, botToken, null, 0);
	}

	/**
	 * An install of an app with token rotation on: the bot token comes with a refresh
	 * token and expires in {@code expiresIn} seconds.
	 */
	public void installCode(String code, String team, String botToken, String refreshToken, int expiresIn) {
		this.grants.put("code:" + code, grant(team, botToken, refreshToken, expiresIn));
		this.tokenTeams.put(botToken, team);
	}

	/**
	 * A refresh of a rotating token: {@code oauth.v2.access} with
	 * {@code grant_type=refresh_token} and this refresh token hands out a new bot token
	 * and refresh token, expiring in {@code expiresIn} seconds. As at Slack, a refresh
	 * token works once: used again, it gets {@code invalid_refresh_token}.
	 */
	public void refreshGrant(String refreshToken, String team, String newBotToken, String newRefreshToken,
			int expiresIn) {
		this.grants.put("refresh:" + refreshToken, grant(team, newBotToken, newRefreshToken, expiresIn));
		this.tokenTeams.put(newBotToken, team);
	}

	/** {@code auth.test} answers for this bot token as workspace {@code team}. */
	public void tokenOf(String team, String botToken) {
		this.tokenTeams.put(botToken, team);
	}

	private static String grant(String team, String botToken, String refreshToken, int expiresIn) {
		JsonObject answer = new JsonObject();
		answer.addProperty("ok", true);
		answer.addProperty("app_id", "A0000APP");
		JsonObject user = new JsonObject();
		user.addProperty("id", "U0000INSTALLER");
		answer.add("authed_user", user);
		answer.addProperty("scope", "commands,chat:write,channels:read,groups:read,users:read");
		answer.addProperty("token_type", "bot");
		answer.addProperty("access_token", botToken);
		answer.addProperty("bot_user_id", BOT_USER);
		JsonObject teamObject = new JsonObject();
		teamObject.addProperty("id", team);
		teamObject.addProperty("name", "Workspace " + team);
		answer.add("team", teamObject);
		answer.addProperty("is_enterprise_install", false);
		if (refreshToken != null) {
			answer.addProperty("refresh_token", refreshToken);
			answer.addProperty("expires_in", expiresIn);
		}
		return answer.toString();
	}

	public List<Call> calls() {
		return List.copyOf(this.calls);
	}

	public List<Call> calls(String method) {
		return this.calls.stream().filter((call) -> call.method().equals(method)).toList();
	}

	public void reset() {
		this.calls.clear();
		this.scripted.clear();
		this.latency = Duration.ZERO;
		this.channelMembers.clear();
		this.bots.clear();
		this.deleted.clear();
		this.others.clear();
		this.tokenTeams.clear();
		this.grants.clear();
		this.timeZones.clear();
		this.realNames.clear();
		this.messageSeq.set(FIRST_TS);
	}

	/** Waits until a call of the method matches, and returns it. */
	public Call await(String method, Predicate<Call> matching, Duration timeout) {
		long end = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < end) {
			for (Call call : this.calls) {
				if (call.method().equals(method) && matching.test(call)) {
					return call;
				}
			}
			sleep(20);
		}
		throw new AssertionError("no " + method + " call matched within " + timeout + "; calls: " + summary());
	}

	public Call await(String method, Duration timeout) {
		return await(method, (call) -> true, timeout);
	}

	private String summary() {
		return this.calls.stream().map(Call::method).toList().toString();
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	private void script(String method, Scripted reply) {
		this.scripted.computeIfAbsent(method, (key) -> new ArrayDeque<>()).add(reply);
	}

	private void handleMethod(HttpExchange exchange) throws IOException {
		String method = exchange.getRequestURI().getPath().substring("/api/".length());
		Map<String, String> params = form(read(exchange.getRequestBody()));
		Call call = new Call(method, params, exchange.getRequestHeaders().getFirst("Authorization"),
				System.currentTimeMillis());
		this.calls.add(call);
		pause();
		Scripted reply = next(method);
		if (reply != null) {
			if (reply.retryAfter() != null) {
				exchange.getResponseHeaders().add("Retry-After", reply.retryAfter());
			}
			send(exchange, reply.status(), reply.body());
			return;
		}
		send(exchange, 200, answer(call));
	}

	private void handleResponseUrl(HttpExchange exchange) throws IOException {
		Map<String, String> params = new LinkedHashMap<>();
		params.put("url", exchange.getRequestURI().getPath());
		params.put("body", read(exchange.getRequestBody()));
		this.calls.add(new Call("response_url", params, null, System.currentTimeMillis()));
		send(exchange, 200, "{\"ok\":true}");
	}

	private synchronized Scripted next(String method) {
		Deque<Scripted> queue = this.scripted.get(method);
		return (queue != null) ? queue.poll() : null;
	}

	private String answer(Call call) {
		Map<String, String> params = call.params();
		return switch (call.method()) {
			case "auth.test" ->
				"{\"ok\":true,\"url\":\"https://test.slack.com/\",\"team\":\"Test\",\"user\":\"scopecut\","
						+ "\"team_id\":\"" + this.tokenTeams.getOrDefault(String.valueOf(call.token()), TEAM)
						+ "\",\"user_id\":\"" + BOT_USER + "\",\"bot_id\":\"B0000BOT\"}";
			case "oauth.v2.access" -> "refresh_token".equals(params.get("grant_type"))
					? Objects.requireNonNullElse(this.grants.remove("refresh:" + params.get("refresh_token")),
							"{\"ok\":false,\"error\":\"invalid_refresh_token\"}")
					: this.grants.getOrDefault("code:" + params.get("code"),
							"{\"ok\":false,\"error\":\"invalid_grant\"}");
			case "chat.postMessage" ->
				"{\"ok\":true,\"channel\":\"" + params.get("channel") + "\",\"ts\":\"" + nextTs() + "\"}";
			case "apps.connections.open" ->
				(this.connectionsOpenUrl != null) ? "{\"ok\":true,\"url\":\"" + this.connectionsOpenUrl + "\"}"
						: "{\"ok\":false,\"error\":\"invalid_auth\"}";
			case "chat.update" ->
				"{\"ok\":true,\"channel\":\"" + params.get("channel") + "\",\"ts\":\"" + params.get("ts") + "\"}";
			case "conversations.members" -> membersPage(params);
			case "users.info" -> "{\"ok\":true,\"user\":" + user(params.get("user")) + "}";
			case "users.list" -> usersPage(params);
			case "conversations.open" ->
				"{\"ok\":true,\"channel\":{\"id\":\"" + dmChannel(params.get("users")) + "\"}}";
			case "chat.getPermalink" -> "{\"ok\":true,\"channel\":\"" + params.get("channel")
					+ "\",\"permalink\":\"https://test.slack.com/archives/" + params.get("channel") + "/p"
					+ params.get("message_ts").replace(".", "") + "\"}";
			default -> "{\"ok\":true}";
		};
	}

	/** One page of a channel's members ids. */
	private String membersPage(Map<String, String> params) {
		List<String> members = this.channelMembers.getOrDefault(params.get("channel"), List.of());
		return page(members, params, (member) -> "\"" + member + "\"");
	}

	/**
	 * One page of the workspace's people: every declared channel's members and others.
	 */
	private String usersPage(Map<String, String> params) {
		TreeSet<String> people = new TreeSet<>(this.others);
		this.channelMembers.values().forEach(people::addAll);
		return page(List.copyOf(people), params, this::user);
	}

	/** A page of {@code limit} items; the cursor is the offset of the next page. */
	private static String page(List<String> items, Map<String, String> params, Function<String, String> json) {
		int limit = Integer.parseInt(params.getOrDefault("limit", "100"));
		String cursor = params.get("cursor");
		int from = (cursor == null || cursor.isEmpty()) ? 0 : Integer.parseInt(cursor);
		int to = Math.min(items.size(), from + limit);
		String page = items.subList(from, to).stream().map(json).collect(Collectors.joining(","));
		String next = (to < items.size()) ? Integer.toString(to) : "";
		return "{\"ok\":true,\"members\":[" + page + "],\"response_metadata\":{\"next_cursor\":\"" + next + "\"}}";
	}

	/** A user object as {@code users.info} and {@code users.list} give it. */
	private String user(String id) {
		return "{\"id\":\"" + id + "\",\"is_bot\":" + this.bots.contains(id) + ",\"deleted\":"
				+ this.deleted.contains(id)
				+ (this.timeZones.containsKey(id) ? ",\"tz\":\"" + this.timeZones.get(id) + "\"" : "")
				+ (this.realNames.containsKey(id) ? ",\"profile\":{\"real_name\":\"" + this.realNames.get(id) + "\"}"
						: "")
				+ "}";
	}

	private String nextTs() {
		long seq = this.messageSeq.incrementAndGet();
		return (seq / 1_000_000) + "." + String.format("%06d", seq % 1_000_000);
	}

	private void pause() {
		if (!this.latency.isZero()) {
			sleep(this.latency.toMillis());
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static String read(InputStream in) throws IOException {
		return new String(in.readAllBytes(), StandardCharsets.UTF_8);
	}

	private static Map<String, String> form(String body) {
		Map<String, String> params = new LinkedHashMap<>();
		if (body.isEmpty()) {
			return params;
		}
		for (String pair : body.split("&")) {
			int eq = pair.indexOf('=');
			String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
			String value = (eq < 0) ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
			params.put(key, value);
		}
		return params;
	}

	private static void send(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

}
