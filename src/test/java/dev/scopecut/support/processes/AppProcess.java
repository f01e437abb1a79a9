package dev.scopecut.support.processes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.scopecut.ScopecutApplication;

/**
 * A server under test in a JVM of its own, so that it can be killed as a crash kills it
 * (the fault tests) or measured from outside (the benchmark): started, timed until its
 * health endpoint answers 200, stopped. Its stdout and stderr go to a log file. Secrets
 * come from the environment, as in production, so they are on no command line.
 */
public final class AppProcess implements AutoCloseable {

	/** Where {@link #scopecut} writes each app's log, as {@code <name>.log}. */
	public static final Path LOGS = Path.of(System.getProperty("basedir", "."), "target", "faults");

	/** A cold JVM on a busy two-core machine can take a while to start Spring. */
	static final Duration STARTUP = Duration.ofSeconds(120);

	private static final String HEALTH = "/actuator/health";

	private final String name;

	private final Process process;

	private final int port;

	private final Path log;

	private long readyMillis;

	private AppProcess(String name, Process process, int port, Path log) {
		this.name = name;
		this.process = process;
		this.port = port;
		this.log = log;
	}

	/**
	 * Starts Scopecut from the test classpath, as {@code java -cp …
	 * dev.scopecut.ScopecutApplication} with its log in {@link #LOGS}, and returns once
	 * it reports healthy.
	 * @param settings extra {@code --name=value} arguments
	 */
	public static AppProcess scopecut(String name, RedisProcess redis, String slackApiUrl,
			Map<String, String> environment, String... settings) {
		int port = RedisProcess.freePort();
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
						"-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
						ScopecutApplication.class.getName(), "--server.port=" + port,
						// Every click confirmed on its own, at once: the
						// fault tests read each click's reply.
						"--scopecut.confirmations.burst=0ms", "--spring.data.redis.url=" + redis.url(),
						"--scopecut.slack.api-url=" + slackApiUrl));
		command.addAll(List.of(settings));
		return start(name, command, environment, port, LOGS.resolve(name + ".log"));
	}

	/**
	 * Starts the command and returns once its health endpoint answers 200 on the port.
	 */
	public static AppProcess start(String name, List<String> command, Map<String, String> environment, int port,
			Path log) {
		System.out.println("Starting " + String.join(" ", command).replaceAll("-cp \\S+", "-cp <test classpath>"));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
		builder.environment().putAll(environment);
		try {
			Files.createDirectories(log.getParent());
			long started = System.nanoTime();
			AppProcess app = new AppProcess(name, builder.start(), port, log);
			app.awaitHealthy();
			app.readyMillis = (System.nanoTime() - started) / 1_000_000;
			return app;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public int port() {
		return this.port;
	}

	public long pid() {
		return this.process.pid();
	}

	public Path log() {
		return this.log;
	}

	public String output() {
		try {
			return Files.readString(this.log, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public boolean isAlive() {
		return this.process.isAlive();
	}

	/** How long it took from start until healthy. */
	public long readyMillis() {
		return this.readyMillis;
	}

	/** The process's peak resident set size so far (VmHWM), in MiB. */
	public long peakRssMib() {
		try {
			for (String line : Files.readAllLines(Path.of("/proc/" + this.process.pid() + "/status"))) {
				if (line.startsWith("VmHWM:")) {
					return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
				}
			}
			return -1;
		}
		catch (IOException ex) {
			return -1;
		}
	}

	/**
	 * SIGKILL: no shutdown hook, no graceful stop; returns once the process is gone.
	 * @return the exit code, 137 for a kill
	 */
	public int kill() {
		this.process.destroyForcibly();
		try {
			if (!this.process.waitFor(20, TimeUnit.SECONDS)) {
				throw new IllegalStateException(this.name + " still running 20 s after SIGKILL");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		return this.process.exitValue();
	}

	/**
	 * SIGTERM, as a platform stops an instance: the app shuts down gracefully.
	 * @return the exit code, 143 for a SIGTERM
	 */
	public int terminate(Duration patience) {
		this.process.destroy();
		try {
			if (!this.process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS)) {
				throw new IllegalStateException(this.name + " still running " + patience + " after SIGTERM");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		return this.process.exitValue();
	}

	@Override
	public void close() {
		if (this.process.isAlive()) {
			kill();
		}
	}

	private void awaitHealthy() {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
		HttpRequest health = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + HEALTH))
			.timeout(Duration.ofSeconds(2))
			.build();
		long end = System.nanoTime() + STARTUP.toNanos();
		while (System.nanoTime() < end) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(this.name + " exited with " + this.process.exitValue()
						+ " before it was healthy; its output:\n" + output());
			}
			try {
				if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			pause();
		}
		close();
		throw new IllegalStateException(this.name + " not healthy within " + STARTUP + "; its output:\n" + output());
	}

	/** Short, so that the benchmark's time until ready is read to a few milliseconds. */
	private static void pause() {
		try {
			Thread.sleep(20);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
