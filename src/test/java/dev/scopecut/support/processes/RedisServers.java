package dev.scopecut.support.processes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;

/**
 * Debian's {@code redis-server} and {@code redis-cli} (which {@code .ci/run} installs
 * when missing), as {@link RedisCluster} and {@link RedisSentinel} run them: one process
 * a node, each in a folder of its own with its log, sent one command at a time.
 */
final class RedisServers {

	static final Path SERVER = Path.of("/usr/bin/redis-server");

	static final Path CLI = Path.of("/usr/bin/redis-cli");

	static final Duration READY = Duration.ofSeconds(30);

	private RedisServers() {
	}

	static void requireInstalled(String what) {
		if (!Files.isExecutable(SERVER) || !Files.isExecutable(CLI)) {
			throw new IllegalStateException(what + " need Debian's redis-server and redis-cli at " + SERVER + " and "
					+ CLI + " (apt-get install redis-server; .ci/run does)");
		}
	}

	/**
	 * Starts {@code redis-server} with the arguments in the node's folder, its output in
	 * {@code redis.log} there, and returns once it answers PING.
	 */
	static Process start(Path nodeDir, int port, List<String> arguments) throws IOException {
		List<String> line = new ArrayList<>(List.of(SERVER.toString()));
		line.addAll(arguments);
		Process node = new ProcessBuilder(line).directory(nodeDir.toFile())
			.redirectErrorStream(true)
			.redirectOutput(nodeDir.resolve("redis.log").toFile())
			.start();
		awaitPing(port);
		return node;
	}

	/** One command to one node, with redis-cli; its reply as text. */
	static String command(int port, String... args) {
		List<String> line = new ArrayList<>(List.of(CLI.toString(), "-h", "127.0.0.1", "-p", Integer.toString(port)));
		line.addAll(List.of(args));
		return run(line, Duration.ofSeconds(10));
	}

	static String run(List<String> line, Duration timeout) {
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

	/** SIGKILL, as a crashed machine stops: no shutdown, nothing flushed. */
	static void kill(Process node) {
		node.destroyForcibly();
		try {
			if (!node.waitFor(10, TimeUnit.SECONDS)) {
				throw new IllegalStateException("redis-server " + node.pid() + " still running 10 s after SIGKILL");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A signal to a node: STOP to hold it (it answers nothing, even its master), CONT.
	 */
	static void signal(Process node, String signal) {
		run(List.of("kill", "-" + signal, Long.toString(node.pid())), READY);
	}

	static void killAll(Iterable<Process> nodes) {
		nodes.forEach(Process::destroyForcibly);
		for (Process node : nodes) {
			try {
				node.waitFor(5, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
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

}
