package dev.scopecut.slack.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonParser;
import com.slack.api.Slack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.scopecut.app.port.CutSnapshot;
import dev.scopecut.app.port.MethodHoldOffs;
import dev.scopecut.app.port.NotifyFailedException;
import dev.scopecut.app.port.PeopleCache;
import dev.scopecut.app.port.RetryLaterException;
import dev.scopecut.app.port.StoreUnavailableException;
import dev.scopecut.cut.Ballots;
import dev.scopecut.cut.Cut;
import dev.scopecut.cut.CutDraft;
import dev.scopecut.cut.CutId;
import dev.scopecut.cut.CutRef;
import dev.scopecut.cut.CutSettings;
import dev.scopecut.support.fakeslack.FakeSlack;

class SlackCutNotifierTests {

	static final FakeSlack slack = FakeSlack.start();

	static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

	/**
	 * The people cache with its Redis down: every person is asked of Slack. The cache
	 * itself, against a real Redis, is {@link PeopleCacheTests}'.
	 */
	static final PeopleCache REDIS_DOWN = new PeopleCache() {

		@Override
		public Map<String, Person> find(String workspace, Collection<String> users) {
			throw down();
		}

		@Override
		public void keep(String workspace, Collection<Person> people) {
			throw down();
		}

	};

	/** Slack's waits with their Redis down: Slack is simply asked. */
	static final MethodHoldOffs HOLD_OFFS_DOWN = new MethodHoldOffs() {

		@Override
		public void holdOff(String workspace, String method, Duration wait) {
			throw down();
		}

		@Override
		public Duration heldOff(String workspace, String method) {
			throw down();
		}

	};

	private static StoreUnavailableException down() {
		return new StoreUnavailableException("Redis did not answer", null);
	}

	SlackCutNotifier notifier;

	CutSnapshot snapshot;

	@BeforeEach
	void notifier() {
		slack.reset();
		com.slack.api.SlackConfig config = new com.slack.api.SlackConfig();
		config.setMethodsEndpointUrlPrefix(slack.apiUrl());
		Slack client = Slack.getInstance(config);
		WorkspaceTokens tokens = (workspace) -> "xoxb-" + workspace;
		SharedRetryAfterWebApi api = new SharedRetryAfterWebApi(client, tokens, HOLD_OFFS_DOWN);
		this.notifier = new SlackCutNotifier(api, new SlackPeople(api, REDIS_DOWN));
		Cut cut = Cut.open(new CutRef("T1", new CutId("K7M2Q")), "C1", "U1",
				new CutDraft("Release", List.of("a", "b"), CutSettings.quickStart(NOW.plusSeconds(3600))), NOW);
		this.snapshot = new CutSnapshot(cut, Ballots.NONE, 0, null);
	}

	@AfterAll
	static void stop() {
		slack.close();
	}

	@Test
	void postSendsTheRenderedMessageWithTheWorkspacesTokenAndReturnsItsTimestamp() {
		String ts = this.notifier.post(this.snapshot);

		FakeSlack.Call call = slack.calls("chat.postMessage").get(0);
		assertThat(ts).isEqualTo("1700000000.000101");
		assertThat(call.authorization()).isEqualTo("Bearer xoxb-T1");
		assertThat(call.param("channel")).isEqualTo("C1");
		assertThat(call.param("text")).startsWith("Scope cut: Release");
		assertThat(JsonParser.parseString(call.param("blocks")).getAsJsonArray()).isNotEmpty();
	}

	@Test
	void membersAreReadPageByPageAndOnlyHumansAreKeptFromTheWorkspacesListWhenManyAreUnknown() {
		String[] members = new String[250];
		for (int i = 0; i < members.length; i++) {
			members[i] = String.format("U%04d", i);
		}
		members[0] = "USLACKBOT";
		slack.channelMembers("C1", members);
		slack.bots("U0001", "U0249");
		slack.deleted("U0100");

		List<String> humans = this.notifier.members(this.snapshot.cut()).orElseThrow();

		assertThat(humans).hasSize(246)
			.doesNotContain("USLACKBOT", "U0001", "U0249", "U0100")
			.contains("U0002", "U0248");
		assertThat(slack.calls("conversations.members")).extracting((call) -> call.param("cursor"))
			.containsExactly(null, "200");
		assertThat(slack.calls("users.list")).extracting((call) -> call.param("cursor")).containsExactly(null, "200");
		assertThat(slack.calls("users.list")).extracting(FakeSlack.Call::token).containsOnly("xoxb-T1");
		assertThat(slack.calls("users.info")).isEmpty();
	}

	@Test
	void aFewUnknownMembersAreReadOneByOneAndADeactivatedOneIsLeftOut() {
		slack.channelMembers("C1", "U1", "U2", "U3", "USLACKBOT");
		slack.deleted("U2");

		assertThat(this.notifier.members(this.snapshot.cut())).contains(List.of("U1", "U3"));
		assertThat(slack.calls("users.info")).extracting((call) -> call.param("user"))
			.containsExactly("U1", "U2", "U3");
		assertThat(slack.calls("users.list")).isEmpty();
	}

	@Test
	void aChannelOfMoreThan500MembersIsNotCounted() {
		String[] members = new String[501];
		for (int i = 0; i < members.length; i++) {
			members[i] = String.format("U%04d", i);
		}
		slack.channelMembers("C1", members);

		assertThat(this.notifier.members(this.snapshot.cut())).isEmpty();
		assertThat(slack.calls("users.info")).isEmpty();
	}

	@Test
	void aRefusalOfAnyMembersCallMeansNeverCountedAndAFailureOrA429MeansAskAgainLater() {
		slack.channelMembers("C1", "U1", "U2");
		slack.failOnce("conversations.members", "not_in_channel");
		assertThat(this.notifier.members(this.snapshot.cut())).isEmpty();

		slack.failOnceWithStatus("users.info", 503);
		assertThatThrownBy(() -> this.notifier.members(this.snapshot.cut()))
			.isInstanceOfSatisfying(RetryLaterException.class, (ex) -> assertThat(ex.getWait()).isPositive());

		slack.rateLimit("conversations.members", 1, 3);
		assertThatThrownBy(() -> this.notifier.members(this.snapshot.cut())).isInstanceOfSatisfying(
				RetryLaterException.class, (ex) -> assertThat(ex.getWait()).isEqualTo(Duration.ofSeconds(3)));

		assertThat(this.notifier.members(this.snapshot.cut())).contains(List.of("U1", "U2"));
	}

	@Test
	void a429BecomesAWaitOfExactlyItsRetryAfter() {
		slack.rateLimit("chat.postMessage", 1, 7);

		assertThatThrownBy(() -> this.notifier.post(this.snapshot)).isInstanceOfSatisfying(RetryLaterException.class,
				(ex) -> assertThat(ex.getWait()).isEqualTo(Duration.ofSeconds(7)));
	}

	@Test
	void aServerErrorIsWaitedOutAndARefusalIsGivenUp() {
		slack.failOnceWithStatus("chat.postMessage", 503);
		slack.failOnce("chat.postMessage", "channel_not_found");
		slack.failOnceWithStatus("chat.postMessage", 404);

		assertThatThrownBy(() -> this.notifier.post(this.snapshot)).isInstanceOfSatisfying(RetryLaterException.class,
				(ex) -> assertThat(ex.getWait()).isEqualTo(SlackFailures.DEFAULT_WAIT));
		assertThatThrownBy(() -> this.notifier.post(this.snapshot)).isInstanceOfSatisfying(NotifyFailedException.class,
				(ex) -> assertThat(ex.getReason()).isEqualTo("channel_not_found"));
		assertThatThrownBy(() -> this.notifier.post(this.snapshot)).isInstanceOfSatisfying(NotifyFailedException.class,
				(ex) -> assertThat(ex.getReason()).isEqualTo("http_404"));
	}

	@Test
	void anUnreachableSlackIsWaitedOut() {
		com.slack.api.SlackConfig config = new com.slack.api.SlackConfig();
		config.setMethodsEndpointUrlPrefix("http://127.0.0.1:1/api/");
		Slack client = Slack.getInstance(config);
		SharedRetryAfterWebApi api = new SharedRetryAfterWebApi(client, (workspace) -> "xoxb-1", HOLD_OFFS_DOWN);
		SlackCutNotifier unreachable = new SlackCutNotifier(api, new SlackPeople(api, REDIS_DOWN));

		assertThatThrownBy(() -> unreachable.post(this.snapshot)).isInstanceOf(RetryLaterException.class);
	}

	@Test
	void retryAfterFallsBackToTheDefaultWhenMissingOrNonsense() {
		assertThat(SlackFailures.retryAfter(List.of("12"))).isEqualTo(Duration.ofSeconds(12));
		assertThat(SlackFailures.retryAfter(List.of())).isEqualTo(SlackFailures.DEFAULT_WAIT);
		assertThat(SlackFailures.retryAfter(List.of("soon"))).isEqualTo(SlackFailures.DEFAULT_WAIT);
	}

}
