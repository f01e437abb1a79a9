package dev.scopecut.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

import dev.scopecut.ScopecutApplication;
import dev.scopecut.app.Reminders;
import dev.scopecut.support.fakeslack.FakeSlack;
import dev.scopecut.support.processes.RedisProcess;
import dev.scopecut.support.ShiftedClock;
import dev.scopecut.support.fakeslack.SignedRequests;
import dev.scopecut.support.Zones;

/**
 * Reminders with no one watching: two instances on one Redis, the clock moved past a
 * quick start's halfway slot (12 hours in). Each person with items left gets exactly one
 * direct message, whoever runs the jobs; finished voters and closed cuts none; quiet
 * hours hold a message until the recipient's morning; 429s are waited out.
 */
class ReminderTests {

	static final Duration WAIT = Duration.ofSeconds(20);

	static final Duration HALFWAY = Duration.ofHours(12).plusSeconds(1);

	static final String ANN = "U0ANN";

	static final String BOB = "U0BOB";

	static final String CAT = "U0CAT";

	static final String DAN = "U0DAN";

	static final String EVE = "U0EVE";

	static final ShiftedClock clock = new ShiftedClock();

	static RedisProcess redis;

	static FakeSlack slack;

	static ConfigurableApplicationContext first;

	static ConfigurableApplicationContext second;

	static LettuceConnectionFactory connections;

	static StringRedisTemplate redisTemplate;

	@BeforeAll
	static void startTwoInstances() {
		redis = RedisProcess.start();
		slack = FakeSlack.start();
		connections = new LettuceConnectionFactory(new RedisStandaloneConfiguration("localhost", redis.port()));
		connections.afterPropertiesSet();
		connections.start();
		redisTemplate = new StringRedisTemplate(connections);
		first = instance();
		second = instance();
	}

	@AfterAll
	static void stopEverything() {
		for (ConfigurableApplicationContext instance : new ConfigurableApplicationContext[] { first, second }) {
			if (instance != null) {
				instance.close();
			}
		}
		connections.destroy();
		slack.close();
		redis.close();
	}

	@BeforeEach
	void startClean() {
		clock.reset();
		redisTemplate.execute((RedisCallback<Object>) (connection) -> {
			connection.serverCommands().flushAll();
			return null;
		});
		slack.reset();
	}

	@Test
	void eachPersonWithItemsLeftGetsOneMessageFinishedVotersAndClosedCutsNone() {
		awake(ANN, BOB, CAT, DAN, EVE);
		slack.channelMembers("C01", ANN, BOB, CAT, DAN);
		slack.channelMembers("C02", ANN, EVE);
		String cutId = startCut(first, "C01", "Plan: signup; sharing");
		vote(second, ANN, cutId, 1);
		vote(first, ANN, cutId, 2);
		vote(second, BOB, cutId, 1);
		String closedId = startCut(second, "C02", "Closed: dark mode");
		requests(first).command("C02", ANN, "close " + closedId + " force", slack.responseUrl("close"));
		await().atMost(WAIT).until(() -> "CLOSED".equals(field(closedId, "status")));

		clock.advance(HALFWAY);

		await().atMost(WAIT).until(() -> dmsTo(BOB).size() == 1 && dmsTo(CAT).size() == 1 && dmsTo(DAN).size() == 1);
		await().during(Duration.ofSeconds(3)).atMost(WAIT).until(() -> dmCount() == 3);
		assertThat(dmsTo(ANN)).isEmpty();
		assertThat(dmsTo(EVE)).isEmpty();
		FakeSlack.Call toBob = dmsTo(BOB).get(0);
		assertThat(toBob.voteValues()).containsExactly(cutId + "|2|S", cutId + "|2|D");
		assertThat(toBob.param("text")).isEqualTo("Reminder: your vote is missing on 1 of 2 items of Plan");
		assertThat(com.google.gson.JsonParser.parseString(toBob.param("blocks")).toString()).contains("<#C01>",
				"https://test.slack.com/archives/C01/p");
		assertThat(dmsTo(CAT).get(0).voteValues()).hasSize(4);
		assertThat(redisTemplate.keys("scopecut:{" + FakeSlack.TEAM + "}:reminded:" + cutId + ":*")).hasSize(3);
	}

	@Test
	void botsAndDeactivatedMembersOfTheChannelAreNeverReminded() {
		awake(BOB, "U0BOT", "U0GONE");
		slack.channelMembers("C01", BOB, "U0BOT", "U0GONE");
		slack.bots("U0BOT");
		slack.deleted("U0GONE");
		startCut(first, "C01", "Humans: signup");

		clock.advance(HALFWAY);

		await().atMost(WAIT).until(() -> dmsTo(BOB).size() == 1);
		await().during(Duration.ofSeconds(3)).atMost(WAIT).until(() -> dmCount() == 1);
		assertThat(slack.calls("conversations.open")).extracting((call) -> call.param("users")).containsExactly(BOB);
	}

	@Test
	void aSlotMissedWhileNoInstanceRanGoesOutAtTheNextStart() {
		awake(BOB);
		slack.channelMembers("C01", BOB);
		String cutId = startCut(first, "C01", "Downtime: signup");
		first.close();
		second.close();
		try {
			clock.advance(HALFWAY.plusHours(2));
			assertThat(dmsTo(BOB)).isEmpty();
			first = instance();
			await().atMost(WAIT).until(() -> dmsTo(BOB).size() == 1);
			assertThat(dmsTo(BOB).get(0).voteValues()).contains(cutId + "|1|S");
		}
		finally {
			if (!first.isActive()) {
				first = instance();
			}
			second = instance();
		}
		await().during(Duration.ofSeconds(2)).atMost(WAIT).until(() -> dmCount() == 1);
	}

	@Test
	void quietHoursHoldOneRecipientsMessageUntilTheirMorningWhileAnotherGetsItAtOnce() {
		Instant slot = clock.instant().plus(HALFWAY);
		slack.timeZone(BOB, Zones.awakeAt(slot));
		slack.timeZone(CAT, Zones.whereHourIs(slot, 22));
		slack.channelMembers("C01", BOB, CAT);
		String cutId = startCut(first, "C01", "Night: signup");

		clock.advance(HALFWAY);

		await().atMost(WAIT).until(() -> dmsTo(BOB).size() == 1);
		await().during(Duration.ofSeconds(2)).atMost(WAIT).until(() -> dmsTo(CAT).isEmpty());
		Double morning = redisTemplate.opsForZSet()
			.score("scopecut:{" + FakeSlack.TEAM + "}:jobs",
					"REMIND_ONE|" + FakeSlack.TEAM + "|" + cutId + "|S" + slotSecond(cutId) + " " + CAT);
		assertThat(morning).as("CAT's reminder, held").isNotNull();
		Instant held = Instant.ofEpochMilli(morning.longValue());
		assertThat(Duration.between(clock.instant(), held)).isBetween(Duration.ofHours(9), Duration.ofHours(10));
		assertThat(held.atZone(java.time.ZoneId.of(Zones.whereHourIs(slot, 22))).toLocalTime())
			.isBetween(java.time.LocalTime.of(8, 0), java.time.LocalTime.of(8, 1));

		clock.advance(Duration.between(clock.instant(), held).plusSeconds(1));

		await().atMost(WAIT).until(() -> dmsTo(CAT).size() == 1);
		await().during(Duration.ofSeconds(2)).atMost(WAIT).until(() -> dmCount() == 2);
	}

	@Test
	void rateLimitedCallsAreRetriedAfterRetryAfterAndNoReminderCallsThatMethodMeanwhile() {
		awake(BOB, CAT, DAN);
		slack.channelMembers("C01", BOB, CAT, DAN);
		startCut(first, "C01", "Busy: signup");
		slack.rateLimit("conversations.open", 1, 1);
		slack.rateLimit("chat.postMessage", 1, 2);

		clock.advance(HALFWAY);

		await().atMost(WAIT).until(() -> delivered(BOB) && delivered(CAT) && delivered(DAN));
		// Three delivered and the one refused with 429.
		await().during(Duration.ofSeconds(3)).atMost(WAIT).until(() -> dmCount() == 4);
		List<FakeSlack.Call> posts = slack.calls("chat.postMessage")
			.stream()
			.filter((call) -> call.param("channel").startsWith("D"))
			.toList();
		assertThat(posts.stream().map((call) -> call.param("channel")).distinct()).hasSize(3);
		assertQuietAfterTheFirst(posts, 2000);
		assertQuietAfterTheFirst(slack.calls("conversations.open"), 1000);
	}

	/**
	 * The first call was refused with a Retry-After: no instance called the method again
	 * before it was over.
	 */
	private static void assertQuietAfterTheFirst(List<FakeSlack.Call> calls, long retryAfterMillis) {
		long refused = calls.get(0).atMillis();
		assertThat(calls.subList(1, calls.size()))
			.allSatisfy((call) -> assertThat(call.atMillis() - refused).isGreaterThanOrEqualTo(retryAfterMillis));
	}

	@Test
	void twoCutsRemindingAtOnceShareTheWorkspacesPace() {
		awake(BOB, CAT, DAN, EVE);
		slack.channelMembers("C01", BOB, CAT);
		slack.channelMembers("C02", DAN, EVE);
		startCut(first, "C01", "One: signup");
		startCut(second, "C02", "Two: sharing");

		clock.advance(HALFWAY);

		await().atMost(WAIT).until(() -> dmCount() == 4);
		List<Long> opened = slack.calls("conversations.open").stream().map(FakeSlack.Call::atMillis).sorted().toList();
		assertThat(opened).hasSize(4);
		for (int i = 1; i < opened.size(); i++) {
			// A step is 1.2 s; the instances claim due jobs every 100 ms.
			assertThat(opened.get(i) - opened.get(i - 1)).as("between direct messages %d and %d", i, i + 1)
				.isGreaterThanOrEqualTo(1000);
		}
	}

	@Test
	void aReminderByHandSoonAfterASetOneRemindsNobodyTwiceAndLaterItDoes() {
		awake(BOB);
		slack.channelMembers("C01", BOB);
		String cutId = startCut(first, "C01", "Nudge: signup");
		clock.advance(HALFWAY);
		await().atMost(WAIT).until(() -> dmsTo(BOB).size() == 1);

		clock.advance(Duration.ofMinutes(10));
		HttpResponse<String> soon = requests(second).command("C01", ANN, "remind " + cutId, slack.responseUrl("soon"));

		assertThat(soon.body()).contains("Of the 1 person with items of", "0 reminded now",
				"1 not again (reminded of it in the last 30 minutes)");
		await().atMost(WAIT).until(() -> remindingByHandIsOver());
		await().during(Duration.ofSeconds(2)).atMost(WAIT).until(() -> dmsTo(BOB).size() == 1);

		clock.advance(Reminders.BY_HAND_EVERY);
		HttpResponse<String> later = requests(first).command("C01", ANN, "remind " + cutId, slack.responseUrl("later"));

		assertThat(later.body()).contains("Of the 1 person with items of", "1 reminded now");
		await().atMost(WAIT).until(() -> dmsTo(BOB).size() == 2);
	}

	/**
	 * A 5xx may come after Slack posted the message: reminders are at most once, so that
	 * one is not sent again, and the others still go.
	 */
	@Test
	void aPostWhoseOutcomeIsUnknownIsNotSentAgain() {
		awake(BOB, CAT);
		slack.channelMembers("C01", BOB, CAT);
		startCut(first, "C01", "Shaky: signup");
		slack.failOnceWithStatus("chat.postMessage", 503);

		clock.advance(HALFWAY);

		await().atMost(WAIT).until(() -> dmCount() == 2);
		await().during(Duration.ofSeconds(7)).atMost(WAIT).until(() -> dmCount() == 2);
		assertThat(slack.calls("conversations.open")).hasSize(2);
	}

	/** No reminder by hand waits to fan out, and no one's reminder waits to be sent. */
	private static boolean remindingByHandIsOver() {
		return redisTemplate.opsForZSet()
			.range("scopecut:{" + FakeSlack.TEAM + "}:jobs", 0, -1)
			.stream()
			.noneMatch((job) -> job.startsWith("REMIND_ONE|") || job.matches("REMIND\\|.*\\|M\\d+"));
	}

	/** Each user lives where the halfway slot falls around noon. */
	private static void awake(String... users) {
		String zone = Zones.awakeAt(clock.instant().plus(HALFWAY));
		for (String user : users) {
			slack.timeZone(user, zone);
		}
	}

	/**
	 * Whether the user's direct message went through: their last post was not refused.
	 */
	private static boolean delivered(String user) {
		return !dmsTo(user).isEmpty();
	}

	private static List<FakeSlack.Call> dmsTo(String user) {
		return slack.calls("chat.postMessage")
			.stream()
			.filter((call) -> call.param("channel").equals(FakeSlack.dmChannel(user)))
			.toList();
	}

	private static long dmCount() {
		return slack.calls("chat.postMessage").stream().filter((call) -> call.param("channel").startsWith("D")).count();
	}

	private static long slotSecond(String cutId) {
		long created = Long.parseLong(field(cutId, "createdAt"));
		long deadline = Long.parseLong(field(cutId, "deadline"));
		return (created + (deadline - created) / 2) / 1000;
	}

	private static ConfigurableApplicationContext instance() {
		return new SpringApplicationBuilder(ScopecutApplication.class)
			.initializers((context) -> context.getBeanFactory().registerSingleton("clock", clock))
			.run("--server.port=0", "--spring.data.redis.url=" + redis.url(),
					"--scopecut.slack.api-url=" + slack.apiUrl(),
					"--scopecut.slack.signing-secret=" + SignedRequests.SECRET,
					"--scopecut.slack.bot-token=xoxb-test-token");
	}

	/** Starts a cut as Ann and waits until its message and members are stored. */
	private static String startCut(ConfigurableApplicationContext instance, String channel, String text) {
		int before = slack.calls("chat.postMessage").size();
		requests(instance).command(channel, ANN, text, slack.responseUrl("start"));
		FakeSlack.Call post = slack.await("chat.postMessage",
				(call) -> slack.calls("chat.postMessage").indexOf(call) >= before
						&& call.param("channel").equals(channel),
				WAIT);
		String cutId = post.param("blocks").replaceAll("(?s).*ID `(\\w+)`.*", "$1");
		await().atMost(WAIT).until(() -> field(cutId, "ts") != null && field(cutId, "members") != null);
		return cutId;
	}

	private static void vote(ConfigurableApplicationContext instance, String user, String cutId, int item) {
		String reply = "vote-" + user + "-" + item;
		requests(instance).click("C01", user, "vote-ship", cutId + "|" + item + "|S", slack.responseUrl(reply));
		slack.await("response_url", (call) -> call.param("url").endsWith(reply), WAIT);
	}

	private static SignedRequests requests(ConfigurableApplicationContext instance) {
		return new SignedRequests(((WebServerApplicationContext) instance).getWebServer().getPort(),
				SignedRequests.SECRET, clock);
	}

	private static String field(String cutId, String field) {
		return (String) redisTemplate.opsForHash().get("scopecut:{" + FakeSlack.TEAM + "}:cut:" + cutId, field);
	}

}
