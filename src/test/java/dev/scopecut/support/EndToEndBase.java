package dev.scopecut.support;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;

import com.google.gson.JsonParser;

import dev.scopecut.ScopecutApplication;
import dev.scopecut.schedule.DueJobPoller;
import dev.scopecut.support.fakeslack.FakeSlack;
import dev.scopecut.support.fakeslack.SignedRequests;
import dev.scopecut.support.processes.RedisProcess;

/**
 * The whole app on a random port, against a real {@code redis-server} and the fake Slack
 * Web API, driven through {@code POST /slack/events} with requests signed as Slack signs
 * them. One Redis and one fake Slack serve every end-to-end test class, so Spring reuses
 * the context of each mode; each test starts from an empty Redis and a fresh call log.
 * The Slack settings (one workspace, or many) are its subclasses': Spring registers every
 * class's dynamic properties, so one class cannot override another's.
 */
// Every click confirmed on its own, at once, so that a test reads each click's reply;
// VoteConfirmationBurstTests sets the window back.
@SpringBootTest(classes = ScopecutApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "scopecut.confirmations.burst=0ms")
public abstract class EndToEndBase {

	protected static final Duration WAIT = Duration.ofSeconds(10);

	protected static final String CHANNEL = "C0000PLAN";

	protected static final String ANN = "U0000ANN";

	protected static final String BOB = "U0000BOB";

	protected static final RedisProcess redis = RedisProcess.start();

	protected static final FakeSlack slack = FakeSlack.start();

	@LocalServerPort
	protected int port;

	@Autowired
	protected StringRedisTemplate redisTemplate;

	@Autowired
	private DueJobPoller duePoller;

	protected SignedRequests requests;

	@BeforeEach
	void startClean() throws InterruptedException {
		// With no job of the previous test running, none can post into this one's calls.
		this.duePoller.whilePaused(() -> {
			this.redisTemplate.execute((org.springframework.data.redis.core.RedisCallback<Object>) (connection) -> {
				connection.serverCommands().flushAll();
				return null;
			});
			slack.reset();
		});
		this.requests = new SignedRequests(this.port);
	}

	/**
	 * Every key in Redis but the trigger ids of the requests served, which are remembered
	 * (refusals too) so that a replay cannot act: what a request stored.
	 */
	protected java.util.Set<String> storedKeys() {
		java.util.Set<String> keys = new java.util.TreeSet<>(this.redisTemplate.keys("*"));
		keys.removeIf((key) -> key.matches("scopecut:\\{[^}]+}:trigger:.*"));
		return keys;
	}

	/** Starts a cut by quick start as Ann and returns its posted message call. */
	protected FakeSlack.Call startCut(String text) {
		int before = slack.calls("chat.postMessage").size();
		this.requests.command(CHANNEL, ANN, text, slack.responseUrl("start"));
		// This test's cut: a job of the previous test may still post after the reset.
		return slack.await("chat.postMessage",
				(call) -> slack.calls("chat.postMessage").indexOf(call) >= before && isStoredCut(call), WAIT);
	}

	/** A cut's message whose cut is in Redis, as only this test's are after the flush. */
	private boolean isStoredCut(FakeSlack.Call message) {
		if (message.param("blocks") == null) {
			return false;
		}
		List<String> values = message.voteValues();
		return !values.isEmpty()
				&& !this.redisTemplate.keys("scopecut:*:cut:" + values.get(0).split("\\|")[0]).isEmpty();
	}

	/** The values of the buttons (or menu options) in a posted message, in order. */
	protected static List<String> voteValues(FakeSlack.Call message) {
		return message.voteValues();
	}

	/**
	 * A message's blocks as one unescaped JSON text, so that "<@U1>" can be looked for.
	 */
	protected static String blocks(FakeSlack.Call message) {
		return JsonParser.parseString(message.param("blocks")).toString();
	}

	/** The private text of a slash command's acknowledgement. */
	protected static String ackText(java.net.http.HttpResponse<String> response) {
		return JsonParser.parseString(response.body()).getAsJsonObject().get("text").getAsString();
	}

	/** The text a response-URL reply carried. */
	protected static String replyText(FakeSlack.Call reply) {
		return reply.json().get("text").getAsString();
	}

}
