package dev.scopecut.support.processes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import redis.embedded.RedisServer;

/**
 * A real {@code redis-server} process on a free port, from the binary that embedded-redis
 * ships. Its data directory is a fresh temporary folder, so a restart with append-only on
 * keeps data.
 */
public final class RedisProcess implements AutoCloseable {

	private final int port;

	private final Path dir;

	private final boolean appendOnly;

	private RedisServer server;

	private RedisProcess(int port, Path dir, boolean appendOnly) {
		this.port = port;
		this.dir = dir;
		this.appendOnly = appendOnly;
	}

	/** Starts a server that keeps nothing on disk. */
	public static RedisProcess start() {
		return start(false);
	}

	public static RedisProcess start(boolean appendOnly) {
		try {
			RedisProcess redis = new RedisProcess(freePort(), Files.createTempDirectory("scopecut-redis"), appendOnly);
			redis.startServer();
			return redis;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public int port() {
		return this.port;
	}

	public String url() {
		return "redis://localhost:" + this.port;
	}

	/** Stops the server; {@link #restart()} brings it back on the same port and data. */
	public void stop() {
		try {
			if (this.server != null) {
				this.server.stop();
				this.server = null;
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public void restart() {
		stop();
		startServer();
	}

	@Override
	public void close() {
		stop();
	}

	private void startServer() {
		try {
			this.server = RedisServer.newRedisServer()
				.port(this.port)
				.bind("127.0.0.1")
				.setting("dir " + this.dir)
				.setting("save \"\"")
				.setting("appendonly " + (this.appendOnly ? "yes" : "no"))
				.setting("appendfsync everysec")
				.build();
			this.server.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			socket.setReuseAddress(true);
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
