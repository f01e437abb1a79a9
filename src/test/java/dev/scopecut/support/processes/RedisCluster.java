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
import java.util.stream.Collectors;

import io.lettuce.core.cluster.SlotHash;

/**
 * A real Redis Cluster of three masters with a replica each, as an operator runs it:
 * Debian's {@code redis-server} ({@link RedisServers}), six processes with append-only
 * files and a two-second node timeout ({@code -Dcluster.node-timeout=} milliseconds for
 * another), joined by {@code redis-cli --cluster create}. Each process can be paused or
 * killed on its own.
 */
public final class RedisCluster implements AutoCloseable {

	/** How long a master may not answer before its replica takes over. */
	static final int NODE_TIMEOUT_MILLIS = Integer.getInteger("cluster.node-timeout", 2000);

	private final Map<Integer, Process> nodes = new LinkedHashMap<>();

	private final Path dir;

	private RedisCluster(Path dir) {
		this.dir = dir;
	}

	public static RedisCluster start() {
		RedisServers.requireInstalled("The cluster tests");
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
		int asked = this.nodes.entrySet()
			.stream()
			.filter((node) -> node.getValue().isAlive())
			.findFirst()
			.orElseThrow()
			.getKey();
		for (String line : command(asked, "CLUSTER", "NODES").split("\n")) {
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
		return RedisServers.command(port, args);
	}

	/**
	 * SIGKILL to one node, as a crashed machine stops; its replica takes over once the
	 * others see it gone (the node timeout).
	 */
	public void kill(int port) {
		RedisServers.kill(this.nodes.get(port));
	}

	@Override
	public void close() {
		RedisServers.killAll(this.nodes.values());
	}

	private void startNode(int port) throws IOException {
		Path nodeDir = Files.createDirectories(this.dir.resolve(Integer.toString(port)));
		this.nodes.put(port,
				RedisServers.start(nodeDir, port,
						List.of("--port", Integer.toString(port), "--bind", "127.0.0.1", "--dir", nodeDir.toString(),
								"--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf",
								"--cluster-node-timeout", Integer.toString(NODE_TIMEOUT_MILLIS), "--appendonly", "yes",
								"--save", "", "--daemonize", "no")));
	}

	private void create() {
		List<String> line = new ArrayList<>(List.of(RedisServers.CLI.toString(), "--cluster", "create"));
		this.nodes.keySet().forEach((port) -> line.add("127.0.0.1:" + port));
		line.addAll(List.of("--cluster-replicas", "1", "--cluster-yes"));
		RedisServers.run(line, RedisServers.READY);
		long until = System.nanoTime() + RedisServers.READY.toNanos();
		for (int port : this.nodes.keySet()) {
			while (!command(port, "CLUSTER", "INFO").contains("cluster_state:ok")) {
				if (System.nanoTime() > until) {
					throw new IllegalStateException("the cluster did not come up: " + command(port, "CLUSTER", "INFO"));
				}
				RedisServers.sleep(100);
			}
		}
		// Every node knows every other, so that a client asking any of them sees all.
		while (ports().stream().anyMatch((port) -> command(port, "CLUSTER", "NODES").split("\n").length < 6)) {
			if (System.nanoTime() > until) {
				throw new IllegalStateException("the nodes did not all meet");
			}
			RedisServers.sleep(100);
		}
	}

}
