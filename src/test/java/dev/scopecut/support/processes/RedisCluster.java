package dev.scopecut.support.processes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.SlotHash;

/**
 * A real Redis Cluster of three masters with a replica each, as an operator runs it:
 * Debian's {@code redis-server} (which {@code .ci/run} installs when missing), six
 * processes with append-only files and a two-second node timeout, joined by
 * {@code redis-cli --cluster create}. Each process can be paused or killed on its own.
 */
public final class RedisCluster implements AutoCloseable {

	static final Path SERVER = Path.of("/usr/bin/redis-server");

	static final Path CLI = Path.of("/usr/bin/redis-cli");

	private static final Duration READY = Duration.ofSeconds(30);

	private final Map<Integer, Process> nodes = new LinkedHashMap<>();

	private final Path dir;

	private RedisCluster(Path dir) {
		this.dir = dir;
	}

	public static RedisCluster start() {
		if (!Files.isExecutable(SERVER) || !Files.isExecutable(CLI)) {
			throw new IllegalStateException("The cluster tests need Debian's redis-server and redis-cli at " + SERVER
					+ " and " + CLI + " (apt-get install redis-server; .ci/run does)");
		}
		try {
			RedisCluster cluster = new RedisCluster(Files.createTempDirectory("scopecut-cluster"));
			for (int i = 0; i < 6; i++) {
				cluster.startNode(RedisProcess.freePort());
			}
			cluster.create();
			return cluster;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** "127.0.0.1:port,…", as {@code SPRING_DATA_REDIS_CLUSTER_NODES} takes them. */
	public String nodes() {
		return this.nodes.keySet().stream().map((port) -> "127.0.0.1:" + port).collect(Collectors.joining(","));
	}

	public List<Integer> ports() {
		return List.copyOf(this.nodes.keySet());
	}

	/** The port of the master that serves the key's slot now. */
	public int masterOf(String key) {
		int slot = SlotHash.getSlot(key);
		for (String line : command(ports().get(0), "CLUSTER", "NODES").split("\n")) {
			String[] fields = line.split(" ");
			if (fields.length < 9 || !fields[2].contains("master") || fields[2].contains("fail")) {
				continue;
			}
			for (int i = 8; i < fields.length; i++) {
				String[] range = fields[i].split("-");
				int from = Integer.parseInt(range[0]);
				int to = (range.length > 1) ? Integer.parseInt(range[1]) : from;
				if (slot >= from && slot <= to) {
					String address = fields[1].split("@")[0];
					return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
				}
			}
		}
		throw new IllegalStateException("no master serves slot " + slot);
	}

	/**
	 * Makes a node answer no client for a while, as a master does that is cut off from
	 * the app but not from its cluster (no failover follows).
	 */
	public void pause(int port, Duration duration) {
		command(port, "CLIENT", "PAUSE", Long.toString(duration.toMillis()), "ALL");
	}

	/** One command to one node, with redis-cli; its reply as text. */
	public String command(int port, String... args) {
		List<String> line = new ArrayList<>(List.of(CLI.toString(), "-h", "127.0.0.1", "-p", Integer.toString(port)));
		line.addAll(List.of(args));
		return run(line, Duration.ofSeconds(10));
	}

	@Override
	public void close() {
		this.nodes.values().forEach(Process::destroyForcibly);
		for (Process node : this.nodes.values()) {
			try {
				node.waitFor(5, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private void startNode(int port) throws IOException {
		Path nodeDir = Files.createDirectories(this.dir.resolve(Integer.toString(port)));
		Process node = new ProcessBuilder(SERVER.toString(), "--port", Integer.toString(port), "--bind", "127.0.0.1",
				"--dir", nodeDir.toString(), "--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf",
				"--cluster-node-timeout", "2000", "--appendonly", "yes", "--save", "", "--daemonize", "no")
			.redirectErrorStream(true)
			.redirectOutput(nodeDir.resolve("redis.log").toFile())
			.start();
		this.nodes.put(port, node);
		awaitPing(port);
	}

	private void create() {
		List<String> line = new ArrayList<>(List.of(CLI.toString(), "--cluster", "create"));
		this.nodes.keySet().forEach((port) -> line.add("127.0.0.1:" + port));
		line.addAll(List.of("--cluster-replicas", "1", "--cluster-yes"));
		run(line, READY);
		long until = System.nanoTime() + READY.toNanos();
		for (int port : this.nodes.keySet()) {
			while (!command(port, "CLUSTER", "INFO").contains("cluster_state:ok")) {
				if (System.nanoTime() > until) {
					throw new IllegalStateException("the cluster did not come up: " + command(port, "CLUSTER", "INFO"));
				}
				sleep(100);
			}
		}
		// Every node knows every other, so that a client asking any of them sees all.
		while (ports().stream().anyMatch((port) -> command(port, "CLUSTER", "NODES").split("\n").length < 6)) {
			if (System.nanoTime() > until) {
				throw new IllegalStateException("the nodes did not all meet");
			}
			sleep(100);
		}
	}

	private static void awaitPing(int port) {
		RedisClient client = RedisClient.create(RedisURI.create("127.0.0.1", port));
		try {
			long until = System.nanoTime() + READY.toNanos();
			while (true) {
				try (StatefulRedisConnection<String, String> connection = client.connect()) {
					connection.sync().ping();
					return;
				}
				catch (RuntimeException ex) {
					if (System.nanoTime() > until) {
						throw ex;
					}
					sleep(50);
				}
			}
		}
		finally {
			client.shutdown();
		}
	}

	private static String run(List<String> line, Duration timeout) {
		try {
			Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes());
			if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) || process.exitValue() != 0) {
				throw new IllegalStateException(String.join(" ", line) + " failed: " + output);
			}
			return output;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
