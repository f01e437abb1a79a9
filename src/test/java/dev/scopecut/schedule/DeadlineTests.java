package dev.scopecut.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import dev.scopecut.ScopecutApplication;
import dev.scopecut.app.CutService;
import dev.scopecut.support.fakeslack.FakeSlack;
import dev.scopecut.support.processes.RedisProcess;
import dev.scopecut.support.ShiftedClock;
import dev.scopecut.support.fakeslack.SignedRequests;

/**
 * Deadlines with no one watching: the clock is moved past a cut's deadline and the cut
 * closes exactly once, whether two instances share the Redis or no instance ran when it
 * fell due.
 */
class DeadlineTests {

	static final Duration WAIT = Duration.ofSeconds(15);

	final ShiftedClock clock = new ShiftedClock();

	RedisProcess redis;

	FakeSlack slack;

	ConfigurableApplicationContext first;

	ConfigurableApplicationContext second;

	StringRedisTemplate redisTemplate;

	LettuceConnectionFactory connections;

	@BeforeEach
	void start() {
		this.redis = RedisProcess.start();
		this.slack = FakeSlack.start();
		this.connections = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration("localhost", this.redis.port()));
		this.connections.afterPropertiesSet();
		this.connections.start();
		this.redisTemplate = new StringRedisTemplate(this.connections);
	}

	@AfterEach
	void stop() {
		for (ConfigurableApplicationContext instance : new ConfigurableApplicationContext[] { this.first,
				this.second }) {
			if (instance != null) {
				instance.close();
			}
		}
		this.connections.destroy();
		this.slack.close();
		this.redis.close();
	}

	@Test
	void twoInstancesCloseACutAtItsDeadlineExactlyOnce() {
		this.first = instance();
		this.second = instance();
		String cutId = startCut(this.first);
		vote(this.second, cutId);

		this.clock.advance(CutService.QUICK_START_DURATION.plusSeconds(1));

		await().atMost(WAIT).until(() -> "CLOSED".equals(status(cutId)));
		FakeSlack.Call decision = this.slack.await("chat.postMessage",
				(call) -> call.param("text").contains("\nship now "), WAIT);
		this.slack.await("chat.update", (call) -> call.param("blocks").contains("*Closed*"), WAIT);
		await().during(Duration.ofSeconds(2)).atMost(WAIT).until(() -> decisions().size() == 1);
		assertThat(decision.param("text")).contains("ship now    signup");
	}

	@Test
	void aCloseThatFellDueWhileNoInstanceRanHappensAtTheNextStart() {
		this.first = instance();
		String cutId = startCut(this.first);
		vote(this.first, cutId);
		this.first.close();
		this.first = null;

		this.clock.advance(CutService.QUICK_START_DURATION.plusHours(3));
		assertThat(status(cutId)).isEqualTo("OPEN");
		this.second = instance();

		await().atMost(WAIT).until(() -> "CLOSED".equals(status(cutId)));
		this.slack.await("chat.postMessage", (call) -> call.param("text").contains("\nship now "), WAIT);
		assertThat(decisions()).hasSize(1);
	}

	@Test
	void aCutClosedByHandBeforeItsDeadlineIsNotClosedAgain() {
		this.first = instance();
		String cutId = startCut(this.first);
		requests(this.first).command("C01", "U0ANN", "close " + cutId + " force", this.slack.responseUrl("close"));
		await().atMost(WAIT).until(() -> decisions().size() == 1);

		this.clock.advance(CutService.QUICK_START_DURATION.plusSeconds(1));

		await().during(Duration.ofSeconds(1)).atMost(WAIT).until(() -> decisions().size() == 1);
		assertThat(redisTemplate().opsForZSet().size("scopecut:{" + FakeSlack.TEAM + "}:jobs")).isZero();
	}

	private List<FakeSlack.Call> decisions() {
		return this.slack.calls("chat.postMessage")
			.stream()
			.filter((call) -> call.param("text").contains("\nship now "))
			.toList();
	}

	private ConfigurableApplicationContext instance() {
		return new SpringApplicationBuilder(ScopecutApplication.class)
			.initializers((context) -> context.getBeanFactory().registerSingleton("clock", this.clock))
			.run("--server.port=0", "--spring.data.redis.url=" + this.redis.url(),
					"--scopecut.slack.api-url=" + this.slack.apiUrl(),
					"--scopecut.slack.signing-secret=" + SignedRequests.SECRET,
					"--scopecut.slack.bot-token=xoxb-test-token");
	}

	private String startCut(ConfigurableApplicationContext instance) {
		requests(instance).command("C01", "U0ANN", "Deadline: signup; sharing", this.slack.responseUrl("start"));
		FakeSlack.Call post = this.slack.await("chat.postMessage", WAIT);
		String cutId = post.param("blocks").replaceAll("(?s).*ID `(\\w+)`.*", "$1");
		await().atMost(WAIT).until(() -> redisTemplate().opsForHash().hasKey(cutKey(cutId), "ts"));
		return cutId;
	}

	private void vote(ConfigurableApplicationContext instance, String cutId) {
		requests(instance).click("C01", "U0BOB", "vote-ship", cutId + "|1|S", this.slack.responseUrl("vote"));
		this.slack.await("response_url", (call) -> call.param("url").endsWith("vote"), WAIT);
	}

	private SignedRequests requests(ConfigurableApplicationContext instance) {
		return new SignedRequests(((WebServerApplicationContext) instance).getWebServer().getPort());
	}

	private String status(String cutId) {
		return (String) redisTemplate().opsForHash().get(cutKey(cutId), "status");
	}

	private StringRedisTemplate redisTemplate() {
		return this.redisTemplate;
	}

	private static String cutKey(String cutId) {
		return "scopecut:{" + FakeSlack.TEAM + "}:cut:" + cutId;
	}

}
