package dev.scopecut.slack.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.scopecut.app.port.RetryLaterException;
import dev.scopecut.support.EndToEndTest;
import dev.scopecut.support.fakeslack.FakeSlack;
import dev.scopecut.support.Zones;

/**
 * The people cache through the real endpoint, with a real Redis: a large channel counted
 * from {@code users.list} pages, later cuts and reminders asking Slack about nobody, and
 * Slack's Retry-After honoured by every later count and reminder, a count Slack asked to
 * wait for made again after the wait.
 */
class PeopleCacheTests extends EndToEndTest {

	private static final String CAT = "U0000CAT";

	private static final String PERSON_KEYS = "scopecut:{" + FakeSlack.TEAM + "}:person:*";

	@Autowired
	SlackReminders reminders;

	@Test
	void aLargeChannelIsCountedFromTheWorkspacesListAndTheNextCutAsksSlackAboutNobody() {
		largeChannel();

		FakeSlack.Call first = startCut("Alpha: signup; sharing");

		assertThat(blocks(first)).contains("0 voted · started by");
		slack.await("chat.update",
				(call) -> call.param("text").contains("Scope cut: Alpha") && blocks(call).contains("0 of 295 voted"),
				WAIT);
		// The workspace's 451 people, Slackbot last: the channel's members are all on the
		// first two pages, so the third is never read.
		assertThat(slack.calls("users.list")).extracting((call) -> call.param("cursor")).containsExactly(null, "200");
		assertThat(slack.calls("users.list")).allSatisfy((call) -> assertThat(call.param("limit")).isEqualTo("200"));
		assertThat(slack.calls("users.info")).isEmpty();
		assertThat(this.redisTemplate.keys(PERSON_KEYS)).hasSize(400);

		startCut("Beta: export");

		slack.await("chat.update",
				(call) -> call.param("text").contains("Scope cut: Beta") && blocks(call).contains("0 of 295 voted"),
				WAIT);
		assertThat(slack.calls("users.list")).hasSize(2);
		assertThat(slack.calls("users.info")).isEmpty();
	}

	@Test
	void aReminderSlotTakesTimeZonesFromTheCacheAndStillHoldsBackSomeoneAtNight() {
		Instant now = Instant.now();
		slack.timeZone(ANN, Zones.awakeAt(now));
		slack.timeZone(BOB, Zones.awakeAt(now));
		slack.timeZone(CAT, Zones.whereHourIs(now, 23));
		slack.channelMembers(CHANNEL, ANN, BOB, CAT);
		startCut("Remind: signup");
		slack.await("chat.update", (call) -> blocks(call).contains("0 of 3 voted"), WAIT);
		assertThat(slack.calls("users.info")).hasSize(3);

		this.requests.command(CHANNEL, ANN, "remind", slack.responseUrl("remind"));

		await().atMost(WAIT).until(() -> dmsTo(ANN) == 1 && dmsTo(BOB) == 1 && catWaitsForMorning());
		assertThat(dmsTo(CAT)).isZero();
		assertThat(slack.calls("users.info")).hasSize(3);
	}

	@Test
	void a429FromUsersListIsHonouredByTheNextCountUntilItsRetryAfterIsOver() {
		largeChannel();
		slack.rateLimit("users.list", 1, 30);
		String heldOff = "scopecut:{" + FakeSlack.TEAM + "}:held-off:users.list";

		FakeSlack.Call first = startCut("Alpha: signup");

		await().atMost(WAIT).until(() -> Boolean.TRUE.equals(this.redisTemplate.hasKey(heldOff)));
		assertThat(this.redisTemplate.getExpire(heldOff, TimeUnit.SECONDS)).isBetween(25L, 30L);
		assertThat(blocks(first)).contains("0 voted · started by");
		FakeSlack.Call second = startCut("Beta: export");
		// Both cuts read the channel's two pages of members; the second asks nobody about
		// them while Slack's wait lasts, and says "N voted" too.
		await().atMost(WAIT).until(() -> slack.calls("conversations.members").size() == 4);
		await().during(Duration.ofSeconds(1)).atMost(WAIT).until(() -> slack.calls("users.list").size() == 1);
		assertThat(blocks(second)).contains("0 voted · started by");
		assertThat(slack.calls("users.info")).isEmpty();
		assertThat(slack.calls("chat.update")).isEmpty();
		// Each cut is counted again once what is left of the wait is over.
		Instant countedFrom = Instant.now().plusSeconds(15);
		assertThat(countJobs()).hasSize(2).allSatisfy((due) -> assertThat(due).isAfter(countedFrom));

		this.redisTemplate.delete(heldOff);
		startCut("Gamma: import");

		slack.await("chat.update",
				(call) -> call.param("text").contains("Scope cut: Gamma") && blocks(call).contains("0 of 295 voted"),
				WAIT);
	}

	@Test
	void aCutCountedDuringA429IsCountedAfterItsRetryAfterAndThenShowsItsMembers() {
		largeChannel();
		slack.rateLimit("users.list", 1, 1);

		FakeSlack.Call first = startCut("Alpha: signup");

		assertThat(blocks(first)).contains("0 voted · started by");
		slack.await("chat.update",
				(call) -> call.param("text").contains("Scope cut: Alpha") && blocks(call).contains("0 of 295 voted"),
				WAIT);
		// The 429, then the two pages once its second was over; the members were read
		// twice, once when posting and once by the job.
		assertThat(slack.calls("users.list")).extracting((call) -> call.param("cursor"))
			.containsExactly(null, null, "200");
		assertThat(slack.calls("conversations.members")).hasSize(4);
		await().atMost(WAIT).until(() -> countJobs().isEmpty());
	}

	@Test
	void a429FromUsersInfoMakesAReminderWaitItsRetryAfterWithoutAskingAgain() {
		slack.timeZone(CAT, "Asia/Tokyo");
		slack.rateLimit("users.info", 1, 20);

		assertThatThrownBy(() -> this.reminders.timeZone(FakeSlack.TEAM, CAT)).isInstanceOfSatisfying(
				RetryLaterException.class, (ex) -> assertThat(ex.getWait()).isEqualTo(Duration.ofSeconds(20)));
		assertThatThrownBy(() -> this.reminders.timeZone(FakeSlack.TEAM, CAT)).isInstanceOfSatisfying(
				RetryLaterException.class,
				(ex) -> assertThat(ex.getWait()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(20)));
		assertThat(slack.calls("users.info")).hasSize(1);

		this.redisTemplate.delete("scopecut:{" + FakeSlack.TEAM + "}:held-off:users.info");

		assertThat(this.reminders.timeZone(FakeSlack.TEAM, CAT)).isEqualTo(ZoneId.of("Asia/Tokyo"));
		assertThat(this.reminders.timeZone(FakeSlack.TEAM, CAT)).isEqualTo(ZoneId.of("Asia/Tokyo"));
		assertThat(slack.calls("users.info")).hasSize(2);
	}

	/**
	 * 301 members: Ann, Bob, Slackbot, three bots, two deactivated users and 293 others;
	 * 295 humans. The workspace has 150 more people in no channel.
	 */
	private static void largeChannel() {
		List<String> members = new ArrayList<>(List.of(ANN, BOB, "USLACKBOT"));
		for (int i = 0; i < 298; i++) {
			members.add("U" + (1000 + i));
		}
		slack.channelMembers(CHANNEL, members.toArray(String[]::new));
		slack.bots("U1000", "U1001", "U1002");
		slack.deleted("U1003", "U1004");
		for (int i = 0; i < 150; i++) {
			slack.otherPeople("U" + (2000 + i));
		}
	}

	private static long dmsTo(String user) {
		return slack.calls("chat.postMessage")
			.stream()
			.filter((call) -> call.param("channel").equals("D" + user))
			.count();
	}

	/** When each waiting {@code COUNT_MEMBERS} job is due. */
	private List<Instant> countJobs() {
		return this.redisTemplate.opsForZSet()
			.rangeWithScores("scopecut:{" + FakeSlack.TEAM + "}:jobs", 0, -1)
			.stream()
			.filter((job) -> job.getValue().startsWith("COUNT_MEMBERS|"))
			.map((job) -> Instant.ofEpochMilli(job.getScore().longValue()))
			.toList();
	}

	/** Cat's reminder job is moved to her morning, hours away. */
	private boolean catWaitsForMorning() {
		return this.redisTemplate.opsForZSet()
			.rangeWithScores("scopecut:{" + FakeSlack.TEAM + "}:jobs", 0, -1)
			.stream()
			.anyMatch((job) -> job.getValue().startsWith("REMIND_ONE|") && job.getValue().endsWith(" " + CAT)
					&& job.getScore() > Instant.now().plus(Duration.ofHours(1)).toEpochMilli());
	}

}
