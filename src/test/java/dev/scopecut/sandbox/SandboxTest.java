package dev.scopecut.sandbox;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.scopecut.ScopecutApplication;
import dev.scopecut.support.Http;
import dev.scopecut.support.processes.RedisProcess;

/**
 * Scopecut started as {@code ./mvnw spring-boot:test-run} starts it with no Slack
 * variable: the sandbox switched on, a real {@code redis-server}, and nothing else. The
 * sandbox needs a fixed port (Scopecut's Web API URL names it), so a free one is chosen
 * up front. Each test starts from an empty Redis and a reset sandbox.
 */
@SpringBootTest(classes = ScopecutApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
		properties = "scopecut.sandbox=true")
abstract class SandboxTest {

	static final Duration WAIT = Duration.ofSeconds(15);

	static final String ANN = "U01ANN";

	static final String BEN = "U01BEN";

	static final String CHLOE = "U01CHLOE";

	static final String DEV = "U01DEV";

	static final RedisProcess redis = RedisProcess.start();

	static final int PORT = RedisProcess.freePort();

	private final HttpClient http = HttpClient.newHttpClient();

	@Autowired
	Workspace workspace;

	@Autowired
	StringRedisTemplate redisTemplate;

	@DynamicPropertySource
	static void settings(DynamicPropertyRegistry registry) {
		registry.add("spring.data.redis.url", redis::url);
		registry.add("server.port", () -> PORT);
	}

	@BeforeEach
	void startClean() {
		this.redisTemplate.execute((RedisCallback<Object>) (connection) -> {
			connection.serverCommands().flushAll();
			return null;
		});
		this.workspace.reset();
	}

	static String base() {
		return "http://localhost:" + PORT;
	}

	HttpResponse<String> post(String path, String contentType, String body, String authorization) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return Http.send(this.http, request.build());
	}

	/** A page's request to the sandbox, as JSON. */
	HttpResponse<String> ui(String path, JsonObject body) {
		return post("/sandbox/ui/" + path, "application/json", body.toString(), null);
	}

	/** A Web API call with the sandbox's bot token, as Scopecut makes it. */
	JsonObject api(String method, String form) {
		return JsonParser
			.parseString(post("/sandbox/api/" + method, "application/x-www-form-urlencoded", form,
					"Bearer " + SandboxEnvironment.BOT_TOKEN)
				.body())
			.getAsJsonObject();
	}

	/** Waits until what the person sees matches, and returns it. */
	JsonObject awaitSnapshot(String user, Predicate<JsonObject> matching) {
		long end = System.nanoTime() + WAIT.toNanos();
		JsonObject snapshot = this.workspace.snapshot(user);
		while (!matching.test(snapshot)) {
			if (System.nanoTime() > end) {
				throw new AssertionError("the sandbox never showed what was expected; it shows " + snapshot);
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			snapshot = this.workspace.snapshot(user);
		}
		return snapshot;
	}

}
