package dev.scopecut.support.processes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A real Redis Sentinel set-up, as an operator runs it: Debian's {@code redis-server}
 * ({@link RedisServers}) as one master and one replica, both with append-only files, and
 * three sentinels (the same binary with {@code --sentinel}) watching them under
 * {@link #MASTER}, a quorum of two, which fail over a master gone for a second. Every
 * process is on a free port and can be killed on its own.
 */
public final class RedisSentinel implements AutoCloseable {

	/**
	 * The name the sentinels know the master by:
	 * {@code SPRING_DATA_REDIS_SENTINEL_MASTER}.
	 */
	public static final String MASTER = "scopecut";

	private final Map<Integer, Process> servers = new LinkedHashMap<>();

	private final Map<Integer, Process> sentinels = new LinkedHashMap<>();

	private final Path dir;

	private RedisSentinel(Path dir) {
		this.dir = dir;
	}

	public static RedisSentinel start() {
		RedisServers.requireInstalled("The Sentinel tests");
		try {
			RedisSentinel setUp = new RedisSentinel(Files.createTempDirectory("scopecut-sentinel"));
			int master = RedisProcess.freePort();
			setUp.startServer(master, List.of());
			setUp.startServer(RedisProcess.freePort(), List.of("--replicaof", "127.0.0.1", Integer.toString(master)));
			setUp.awaitReplicaInSync(master);
			for (int i = 0; i < 3; i++) {
				setUp.startSentinel(RedisProcess.freePort(), master);
			}
			setUp.awaitSentinelsSeeEachOther();
			return setUp;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * "127.0.0.1:port,…" of the sentinels, as {@code SPRING_DATA_REDIS_SENTINEL_NODES}
	 * takes them.
	 */
	public String sentinelNodes() {
		return this.sentinels.keySet().stream().map((port) -> "127.0.0.1:" + port).collect(Collectors.joining(","));
	}

	/** The port of the master now, as a sentinel that is up names it. */
	public int master() {
		for (int sentinel : this.sentinels.keySet()) {
			String[] address = RedisServers.command(sentinel, "SENTINEL", "get-master-addr-by-name", MASTER)
				.strip()
				.split("\\s+");
			if (address.length == 2) {
				return Integer.parseInt(address[1]);
			}
		}
		throw new IllegalStateException("no sentinel names a master");
	}

	/** The port of the server that is not {@link #master()}. */
	public int replica() {
		int master = master();
		return this.servers.keySet().stream().filter((port) -> port != master).findFirst().orElseThrow();
	}

	/** One command to one server, with redis-cli; its reply as text. */
	public String command(int port, String... args) {
		return RedisServers.command(port, args);
	}

	/**
	 * SIGSTOP to one server: it holds its connections but answers nothing, as a replica
	 * does that has fallen far behind, until {@link #resume}.
	 */
	public void suspend(int port) {
		RedisServers.signal(this.servers.get(port), "STOP");
	}

	public void resume(int port) {
		RedisServers.signal(this.servers.get(port), "CONT");
	}

	/** SIGKILL to one server, as a crashed machine stops. */
	public void kill(int port) {
		RedisServers.kill(this.servers.get(port));
	}

	@Override
	public void close() {
		List<Process> all = new ArrayList<>(this.sentinels.values());
		all.addAll(this.servers.values());
		RedisServers.killAll(all);
	}

	private void startServer(int port, List<String> replicaOf) throws IOException {
		Path serverDir = Files.createDirectories(this.dir.resolve(Integer.toString(port)));
		List<String> arguments = new ArrayList<>(List.of("--port", Integer.toString(port), "--bind", "127.0.0.1",
				"--dir", serverDir.toString(), "--appendonly", "yes", "--save", "", "--daemonize", "no"));
		arguments.addAll(replicaOf);
		this.servers.put(port, RedisServers.start(serverDir, port, arguments));
	}

	private void startSentinel(int port, int master) throws IOException {
		Path sentinelDir = Files.createDirectories(this.dir.resolve("sentinel-" + port));
		// A sentinel rewrites its configuration file as it learns the set-up.
		Path conf = Files.writeString(sentinelDir.resolve("sentinel.conf"),
				String.join("\n", "port " + port, "bind 127.0.0.1", "daemonize no", "dir " + sentinelDir,
						"sentinel monitor " + MASTER + " 127.0.0.1 " + master + " 2",
						"sentinel down-after-milliseconds " + MASTER + " 1000",
						"sentinel failover-timeout " + MASTER + " 10000", "sentinel parallel-syncs " + MASTER + " 1",
						""));
		this.sentinels.put(port, RedisServers.start(sentinelDir, port, List.of(conf.toString(), "--sentinel")));
	}

	private void awaitReplicaInSync(int master) {
		long until = System.nanoTime() + RedisServers.READY.toNanos();
		while (!RedisServers.command(master, "INFO", "replication").matches("(?s).*slave0:.*state=online.*")) {
			if (System.nanoTime() > until) {
				throw new IllegalStateException("the replica did not sync");
			}
			RedisServers.sleep(50);
		}
	}

	/**
	 * Waits until each sentinel knows the two others and the replica, so that a failover
	 * can start at once.
	 */
	private void awaitSentinelsSeeEachOther() {
		long until = System.nanoTime() + RedisServers.READY.toNanos();
		for (int sentinel : this.sentinels.keySet()) {
			while (true) {
				String master = RedisServers.command(sentinel, "SENTINEL", "master", MASTER);
				if (field(master, "num-other-sentinels") == 2 && field(master, "num-slaves") == 1) {
					break;
				}
				if (System.nanoTime() > until) {
					throw new IllegalStateException("the sentinels did not meet: " + master);
				}
				RedisServers.sleep(100);
			}
		}
	}

	/**
	 * A number in redis-cli's reply to SENTINEL MASTER: each name on a line, its value on
	 * the next.
	 */
	private static int field(String reply, String name) {
		String[] lines = reply.split("\n");
		for (int i = 0; i + 1 < lines.length; i++) {
			if (lines[i].strip().equals(name)) {
				return Integer.parseInt(lines[i + 1].strip());
			}
		}
		return -1;
	}

}
