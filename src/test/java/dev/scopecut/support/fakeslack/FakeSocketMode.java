package dev.scopecut.support.fakeslack;

import static org.awaitility.Awaitility.await;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * Plays Slack's Socket Mode server on a local port: greets each connection with a
 * {@code hello}, sends envelopes as Slack does, and records what the app sends back (its
 * acknowledgements). Hand {@link #url()} to {@link FakeSlack#connectionsOpenUrl(String)}.
 */
public final class FakeSocketMode implements AutoCloseable {

	/** Where the fake lets apps connect, as Slack's {@code wss://wss-primary...} URL. */
	private static final String PATH = "/link";

	private final Server server = new Server();

	private FakeSocketMode() {
	}

	public static FakeSocketMode start() {
		FakeSocketMode fake = new FakeSocketMode();
		fake.server.setReuseAddr(true);
		fake.server.start();
		try {
			if (!fake.server.started.await(10, TimeUnit.SECONDS)) {
				throw new IllegalStateException("the fake Socket Mode server did not start");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		return fake;
	}

	public String url() {
		return "ws://127.0.0.1:" + this.server.getPort() + PATH;
	}

	/** The paths the app connected to, in order. */
	public List<String> paths() {
		return List.copyOf(this.server.opened);
	}

	/** Waits until the app holds an open connection. */
	public void awaitConnection(Duration timeout) {
		await("an open Socket Mode connection").atMost(timeout)
			.pollInterval(Duration.ofMillis(20))
			.until(() -> this.server.getConnections().stream().anyMatch(WebSocket::isOpen));
	}

	/** How many connections are open now. */
	public long openConnections() {
		return this.server.getConnections().stream().filter(WebSocket::isOpen).count();
	}

	/**
	 * Closes every connection from Slack's side, as a Slack restart or a network drop.
	 */
	public void dropConnections() {
		this.server.getConnections().forEach((conn) -> conn.close(1001, "going away"));
	}

	/** Sends a message to every open connection, as Slack sends one envelope. */
	public void send(JsonObject envelope) {
		this.server.getConnections()
			.stream()
			.filter(WebSocket::isOpen)
			.forEach((conn) -> conn.send(envelope.toString()));
	}

	/** Waits for the app's message that acknowledges this envelope, and returns it. */
	public JsonObject awaitAck(String envelopeId, Duration timeout) {
		return await("the acknowledgement of envelope " + envelopeId).atMost(timeout)
			.pollInterval(Duration.ofMillis(20))
			.until(() -> ackOf(envelopeId), java.util.Objects::nonNull);
	}

	private JsonObject ackOf(String envelopeId) {
		return this.server.received.stream()
			.filter((message) -> message.has("envelope_id")
					&& message.get("envelope_id").getAsString().equals(envelopeId))
			.findFirst()
			.orElse(null);
	}

	@Override
	public void close() {
		try {
			this.server.stop(1000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Slack's greeting on a new connection. */
	static String hello() {
		JsonObject debug = new JsonObject();
		debug.addProperty("host", "applink-fake");
		debug.addProperty("build_number", 1);
		debug.addProperty("approximate_connection_time", 18060);
		JsonObject info = new JsonObject();
		info.addProperty("app_id", "A0000APP");
		JsonObject hello = new JsonObject();
		hello.addProperty("type", "hello");
		hello.addProperty("num_connections", 1);
		hello.add("debug_info", debug);
		hello.add("connection_info", info);
		return hello.toString();
	}

	private static final class Server extends WebSocketServer {

		private final CountDownLatch started = new CountDownLatch(1);

		private final Queue<String> opened = new ConcurrentLinkedQueue<>();

		private final Queue<JsonObject> received = new ConcurrentLinkedQueue<>();

		Server() {
			super(new InetSocketAddress("127.0.0.1", 0));
		}

		@Override
		public void onStart() {
			this.started.countDown();
		}

		@Override
		public void onOpen(WebSocket conn, ClientHandshake handshake) {
			this.opened.add(handshake.getResourceDescriptor());
			if (!handshake.getResourceDescriptor().equals(PATH)) {
				conn.close(1008, "unknown path");
				return;
			}
			conn.send(hello());
		}

		@Override
		public void onMessage(WebSocket conn, String message) {
			this.received.add(JsonParser.parseString(message).getAsJsonObject());
		}

		@Override
		public void onMessage(WebSocket conn, ByteBuffer message) {
			throw new IllegalStateException("Slack's Socket Mode speaks text frames only");
		}

		@Override
		public void onClose(WebSocket conn, int code, String reason, boolean remote) {
		}

		@Override
		public void onError(WebSocket conn, Exception ex) {
		}

	}

}
