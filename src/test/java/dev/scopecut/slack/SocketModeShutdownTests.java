package dev.scopecut.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import dev.scopecut.ScopecutApplication;
import dev.scopecut.support.fakeslack.FakeSlack;
import dev.scopecut.support.fakeslack.FakeSocketMode;
import dev.scopecut.support.processes.RedisProcess;

/**
 * Stopping the app ends its Socket Mode client for good: the connection closes and the
 * client's threads end, so nothing reconnects on behalf of a stopped app, even when the
 * connection was down at the moment it stopped.
 */
class SocketModeShutdownTests {

	static final Duration WAIT = Duration.ofSeconds(10);

	static final RedisProcess redis = RedisProcess.start();

	static final FakeSlack slack = FakeSlack.start();

	static final FakeSocketMode socketMode = FakeSocketMode.start();

	static {
		slack.connectionsOpenUrl(socketMode.url());
	}

	@AfterAll
	static void stop() {
		socketMode.close();
		slack.close();
		redis.close();
	}

	@Test
	void stoppingTheAppClosesItsConnectionAndItsClientThreads() {
		Set<Thread> before = clientThreads();
		ConfigurableApplicationContext app = start();
		socketMode.awaitConnection(WAIT);

		app.close();

		await().atMost(WAIT).until(() -> socketMode.openConnections() == 0);
		await().atMost(WAIT).untilAsserted(() -> assertThat(clientThreads()).isSubsetOf(before));
	}

	@Test
	void anAppStoppedWhileDisconnectedLeavesNothingToReconnect() {
		Set<Thread> before = clientThreads();
		ConfigurableApplicationContext app = start();
		socketMode.awaitConnection(WAIT);
		socketMode.dropConnections();
		await().atMost(WAIT).until(() -> socketMode.openConnections() == 0);

		app.close();

		// Bolt's session monitor is what reconnects; once its thread ends, nothing can.
		await().atMost(WAIT).untilAsserted(() -> assertThat(clientThreads()).isSubsetOf(before));
		assertThat(socketMode.openConnections()).isZero();
	}

	private static ConfigurableApplicationContext start() {
		return SpringApplication.run(ScopecutApplication.class, "--server.port=0",
				"--spring.data.redis.url=" + redis.url(), "--scopecut.slack.api-url=" + slack.apiUrl(),
				"--scopecut.slack.bot-token=xoxb-test-token", "--scopecut.slack.app-token=xapp-test",
				"--scopecut.slack.signing-secret=");
	}

	/**
	 * The live threads of Bolt's Socket Mode client ("socket-mode-…") and of its
	 * Java-WebSocket connection.
	 */
	private static Set<Thread> clientThreads() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> thread.isAlive() && (thread.getName().startsWith("socket-mode-")
					|| thread.getName().startsWith("WebSocketConnectReadThread")
					|| thread.getName().startsWith("WebSocketWriteThread")))
			.collect(Collectors.toSet());
	}

}
