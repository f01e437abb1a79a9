package dev.scopecut.bench;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Floods {@code POST /slack/events} with vote clicks signed as Slack signs them, each
 * carrying the cut's whole message as real block_actions payloads do. Each simulated user
 * is served by one connection, in order, so the last acknowledged choice per user and
 * item is known exactly.
 */
final class VoteLoad {

	/**
	 * One cut under load: its channel, id, item count and its message JSON as Slack
	 * echoes it.
	 */
	record Target(String channel, String cutId, int items, String messageJson) {
	}

	/** What one phase measured. */
	record Result(long requests, long errors, double seconds, long[] latenciesMicros) {

		/** Two runs as one; either may be null. */
		static Result sum(Result a, Result b) {
			if (a == null || b == null) {
				return (a != null) ? a : b;
			}
			long[] latencies = Arrays.copyOf(a.latenciesMicros, a.latenciesMicros.length + b.latenciesMicros.length);
			System.arraycopy(b.latenciesMicros, 0, latencies, a.latenciesMicros.length, b.latenciesMicros.length);
			return new Result(a.requests + b.requests, a.errors + b.errors, a.seconds + b.seconds, latencies);
		}

		double perSecond() {
			return this.requests / this.seconds;
		}

		double percentileMillis(double p) {
			if (this.latenciesMicros.length == 0) {
				return Double.NaN;
			}
			long[] sorted = this.latenciesMicros.clone();
			Arrays.sort(sorted);
			int index = (int) Math.min(sorted.length - 1, Math.ceil(p / 100.0 * sorted.length) - 1);
			return sorted[Math.max(0, index)] / 1000.0;
		}

	}

	/**
	 * More votes a second than two cores can acknowledge: the size of a full-speed
	 * sample.
	 */
	static final double MAX_PER_SECOND = 40_000;

	private final int port;

	private final String secret;

	private volatile List<Target> targets;

	private final String team;

	private final String responseUrl;

	private final int users;

	/** Each target's payload stretches; re-encoded when the echoed messages change. */
	private volatile List<String[]> encoded;

	/**
	 * Last acknowledged choice, keyed "cutId itemId:userId", as the votes hash would hold
	 * it.
	 */
	private final Map<String, String> acknowledged = new ConcurrentHashMap<>();

	/** When the last acknowledged vote of each cut came back (epoch millis). */
	private final Map<String, AtomicLong> lastAck = new ConcurrentHashMap<>();

	/**
	 * @param responseUrl the start of every click's response URL, to which each click
	 * adds its cut and voter ({@link #RESPONSE_PATH})
	 */
	VoteLoad(int port, String secret, String team, String responseUrl, List<Target> targets, int users) {
		this.port = port;
		this.secret = secret;
		this.team = team;
		this.responseUrl = responseUrl;
		this.targets = targets;
		this.users = users;
		targets.forEach((target) -> this.lastAck.put(target.cutId(), new AtomicLong()));
		this.encoded = targets.stream().map(this::encode).toList();
	}

	/**
	 * Echoes these messages from now on, as Slack echoes a message as it is when clicked:
	 * the cuts' messages as last updated, with their counts and voters' names.
	 */
	void echo(List<Target> current) {
		this.targets = current;
		this.encoded = current.stream().map(this::encode).toList();
	}

	Map<String, String> acknowledged() {
		return this.acknowledged;
	}

	/** When the last vote on the cut was acknowledged (epoch millis); 0 for none. */
	long lastAck(String cutId) {
		AtomicLong last = this.lastAck.get(cutId);
		return (last != null) ? last.get() : 0;
	}

	/** As fast as the server answers, on {@code connections} connections. */
	Result fullSpeed(int connections, double seconds) throws InterruptedException {
		return run(connections, seconds, 0);
	}

	/**
	 * At a fixed offered rate; latency counts from when each request was due, not sent.
	 */
	Result fixedRate(int connections, double seconds, double perSecond) throws InterruptedException {
		return run(connections, seconds, perSecond);
	}

	private Result run(int connections, double seconds, double perSecond) throws InterruptedException {
		List<Thread> threads = new ArrayList<>();
		List<long[]> samples = new ArrayList<>();
		long[] counts = new long[connections * 2];
		long start = System.nanoTime();
		long end = start + (long) (seconds * 1e9);
		for (int c = 0; c < connections; c++) {
			int connection = c;
			double expected = (perSecond > 0) ? perSecond : MAX_PER_SECOND;
			long[] latencies = new long[(int) (expected / connections * seconds) + 16];
			samples.add(latencies);
			Thread thread = new Thread(() -> drive(connection, connections, start, end, perSecond, latencies, counts));
			threads.add(thread);
			thread.start();
		}
		for (Thread thread : threads) {
			thread.join();
		}
		double elapsed = (System.nanoTime() - start) / 1e9;
		long requests = 0;
		long errors = 0;
		List<Long> all = new ArrayList<>();
		for (int c = 0; c < connections; c++) {
			requests += counts[c * 2];
			errors += counts[c * 2 + 1];
			for (int i = 0; i < counts[c * 2]; i++) {
				all.add(samples.get(c)[Math.min(i, samples.get(c).length - 1)]);
			}
		}
		return new Result(requests, errors, elapsed, all.stream().mapToLong(Long::longValue).toArray());
	}

	private void drive(int connection, int connections, long start, long end, double perSecond, long[] latencies,
			long[] counts) {
		Mac mac = mac();
		double interval = (perSecond > 0) ? 1e9 * connections / perSecond : 0;
		long sent = 0;
		try (RawHttpConnection http = new RawHttpConnection("127.0.0.1", this.port)) {
			while (true) {
				long due = (interval > 0)
						? start + (long) (sent * interval) + (long) (connection * interval / connections)
						: System.nanoTime();
				if (due >= end) {
					break;
				}
				long wait = due - System.nanoTime();
				if (wait > 0) {
					Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
				}
				Vote vote = nextVote(connection, connections);
				byte[] body = vote.body.getBytes(StandardCharsets.US_ASCII);
				String timestamp = Long.toString(System.currentTimeMillis() / 1000);
				String headers = "X-Slack-Request-Timestamp: " + timestamp + "\r\nX-Slack-Signature: "
						+ sign(mac, timestamp, vote.body) + "\r\n";
				int status;
				try {
					status = http.post("/slack/events", body, headers);
				}
				catch (IOException ex) {
					status = -1;
				}
				long now = System.nanoTime();
				if (sent < latencies.length) {
					latencies[(int) sent] = (now - due) / 1000;
				}
				sent++;
				counts[connection * 2]++;
				if (status == 200) {
					this.acknowledged.put(vote.key, vote.choice);
					this.lastAck.get(vote.cutId).accumulateAndGet(System.currentTimeMillis(), Math::max);
				}
				else {
					counts[connection * 2 + 1]++;
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private record Vote(String body, String key, String choice, String cutId) {
	}

	/**
	 * A random vote by one of this connection's users, so each user's clicks stay in
	 * order.
	 */
	private Vote nextVote(int connection, int connections) {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		int userIndex = connection + connections * random.nextInt(Math.max(1, this.users / connections));
		String user = user(userIndex);
		// A person votes in their own channel's cut: each cut has its share of the users.
		int t = userIndex % this.targets.size();
		Target target = this.targets.get(t);
		String[] parts = this.encoded.get(t);
		int item = random.nextInt(1, target.items() + 1);
		boolean ship = random.nextBoolean();
		String choice = ship ? "S" : "D";
		String body = parts[0] + user + parts[1] + user + parts[2] + user + parts[3] + user + parts[4]
				+ (ship ? "vote-ship" : "vote-defer") + parts[5] + item + parts[6] + (ship ? "Ship" : "Defer")
				+ parts[7] + target.cutId() + "%7C" + item + "%7C" + choice + parts[8];
		return new Vote(body, target.cutId() + " " + item + ":" + user, choice, target.cutId());
	}

	static String user(int index) {
		return "U%08d".formatted(index);
	}

	/**
	 * How the response URL path of a click starts, as the fake Slack records it; the cut
	 * and the voter follow, as {@code CUTID-USERID}.
	 */
	static final String RESPONSE_PATH = "/response/vote-";

	/**
	 * The constant stretches of a target's payload, form-encoded once: encoding the whole
	 * message on every request would make the generator, not the server, the bottleneck.
	 * Shaped as Slack sends a click: every member Slack includes, in Slack's order, with
	 * the message as Slack echoes it (its bot profile, and slashes escaped as Slack's
	 * JSON escapes them).
	 */
	private String[] encode(Target target) {
		String[] parts = { "{\"type\":\"block_actions\",\"user\":{\"id\":\"", "\",\"username\":\"", "\",\"name\":\"",
				"\",\"team_id\":\"" + this.team + "\"},\"api_app_id\":\"A0000APP\",\"token\":\"legacy\","
						+ "\"container\":{\"type\":\"message\",\"message_ts\":\"1700000000.000101\",\"channel_id\":\""
						+ target.channel() + "\",\"is_ephemeral\":false},\"trigger_id\":\"1337.42.abcdef\","
						+ "\"team\":{\"id\":\"" + this.team + "\",\"domain\":\"bench\"},\"enterprise\":null,"
						+ "\"is_enterprise_install\":false,\"channel\":{\"id\":\"" + target.channel()
						+ "\",\"name\":\"release\"},\"message\":" + slackEcho(target.messageJson())
						+ ",\"state\":{\"values\":{}},\"response_url\":\"" + this.responseUrl.replace("/", "\\/")
						+ target.cutId() + "-",
				"\",\"actions\":[{\"action_id\":\"", "\",\"block_id\":\"vote-",
				"\",\"text\":{\"type\":\"plain_text\",\"text\":\"", "\",\"emoji\":true},\"value\":\"",
				"\",\"style\":\"primary\",\"type\":\"button\",\"action_ts\":\"1700000001.000200\"}]}" };
		for (int i = 0; i < parts.length; i++) {
			parts[i] = URLEncoder.encode(parts[i], StandardCharsets.UTF_8);
		}
		parts[0] = "payload=" + parts[0];
		return parts;
	}

	/**
	 * The message as a click echoes it: what the app posted, with the members Slack adds.
	 */
	private String slackEcho(String messageJson) {
		String profile = ",\"bot_id\":\"B0000BOT\",\"user\":\"U0000BOT\",\"ts\":\"1700000000.000101\","
				+ "\"app_id\":\"A0000APP\",\"team\":\"" + this.team + "\",\"bot_profile\":{\"id\":\"B0000BOT\","
				+ "\"deleted\":false,\"name\":\"Scopecut\",\"updated\":1700000000,\"app_id\":\"A0000APP\","
				+ "\"icons\":{\"image_36\":\"https://a.slack-edge.com/80588/img/plugins/app/bot_36.png\","
				+ "\"image_48\":\"https://a.slack-edge.com/80588/img/plugins/app/bot_48.png\","
				+ "\"image_72\":\"https://a.slack-edge.com/80588/img/plugins/app/service_72.png\"}," + "\"team_id\":\""
				+ this.team + "\"}}";
		String echoed = messageJson.substring(0, messageJson.lastIndexOf('}')) + profile;
		return echoed.replace("/", "\\/");
	}

	/** The mean size of a request body, in bytes, over a sample of clicks. */
	int meanBodyBytes() {
		return (int) IntStream.range(0, 1000).map((i) -> nextVote(i, 1000).body().length()).average().orElse(0);
	}

	private Mac mac() {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(this.secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return mac;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String sign(Mac mac, String timestamp, String body) {
		byte[] digest = mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8));
		return "v0=" + HexFormat.of().formatHex(digest);
	}

}
