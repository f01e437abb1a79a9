package dev.scopecut.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** A server under test in its own JVM: started, timed until ready, measured, stopped. */
final class AppProcess implements AutoCloseable {

	private final Process process;

	private final long readyMillis;

	private AppProcess(Process process, long readyMillis) {
		this.process = process;
		this.readyMillis = readyMillis;
	}

	/** Starts the command and waits until {@code readyPath} answers 200 on the port. */
	static AppProcess start(List<String> command, int port, String readyPath, Path log) {
		try {
			Files.createDirectories(log.getParent());
			System.out.println("Starting " + String.join(" ", command.subList(0, command.size() - 1))
				.replaceAll("-cp \\S+", "-cp <test classpath>"));
			long started = System.nanoTime();
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			HttpClient http = HttpClient.newHttpClient();
			URI ready = URI.create("http://127.0.0.1:" + port + readyPath);
			long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
			while (System.nanoTime() < deadline) {
				if (!process.isAlive()) {
					throw new IllegalStateException("the server exited; see " + log);
				}
				try {
					HttpResponse<Void> response = http.send(HttpRequest.newBuilder(ready).build(),
							HttpResponse.BodyHandlers.discarding());
					if (response.statusCode() == 200) {
						return new AppProcess(process, (System.nanoTime() - started) / 1_000_000);
					}
				}
				catch (IOException ex) {
					// not listening yet
				}
				Thread.sleep(20);
			}
			process.destroyForcibly();
			throw new IllegalStateException("the server was not ready within 120 s; see " + log);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	long readyMillis() {
		return this.readyMillis;
	}

	/** The process's peak resident set size so far (VmHWM), in MiB. */
	long peakRssMib() {
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

	@Override
	public void close() {
		this.process.destroy();
		try {
			this.process.waitFor();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
