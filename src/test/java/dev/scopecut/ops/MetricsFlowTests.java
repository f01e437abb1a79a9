package dev.scopecut.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;

import dev.scopecut.support.EndToEndTest;
import dev.scopecut.support.fakeslack.FakeSlack;

/**
 * A whole cut through {@code POST /slack/events}, then {@code /actuator/prometheus} on
 * the management port: each counter moved by what the cut did. Counters are the
 * context's, shared with other test classes, so the test compares a scrape before with
 * one after.
 */
class MetricsFlowTests extends EndToEndTest {

	@LocalManagementPort
	int managementPort;

	@Test
	void aWholeCutMovesEachCounterByWhatItDid() {
		Scrape before = Scrape.of(this.managementPort);
		FakeSlack.Call message = startCut("Metrics 1.0: export; import; audit log");
		List<String> values = voteValues(message);
		// Each vote that changes something is shown by its own refresh before the next:
		// four refreshes, each measuring one vote's lag.
		shownAfter(() -> this.requests.click(CHANNEL, BOB, "vote-ship", values.get(0), slack.responseUrl("v1")));
		shownAfter(() -> this.requests.click(CHANNEL, ANN, "vote-ship", values.get(0), slack.responseUrl("v2")));
		shownAfter(() -> this.requests.click(CHANNEL, BOB, "vote-defer", values.get(1), slack.responseUrl("v3")));
		this.requests.click(CHANNEL, BOB, "vote-defer", values.get(1), slack.responseUrl("v4"));
		shownAfter(() -> this.requests.click(CHANNEL, ANN, "vote-ship", values.get(4), slack.responseUrl("v5")));
		assertThat(slack.calls("chat.update")).last()
			.satisfies((update) -> assertThat(update.param("blocks")).contains("2 voted"));
		this.requests.command(CHANNEL, ANN, "close force", slack.responseUrl("close"));
		slack.await("chat.postMessage", (call) -> call.param("text") != null && call.param("text").contains("ship now"),
				WAIT);
		slack.await("chat.update", (call) -> call.param("blocks").contains("*Closed*"), WAIT);

		await().atMost(WAIT).untilAsserted(() -> {
			Scrape after = Scrape.of(this.managementPort);
			// Bob ship, Ann ship, Ann ship on the third item: first votes; Bob's defer on
			// the first item changes his; its repeat changes nothing.
			assertThat(moved(before, after, "scopecut_votes_recorded_total", "change", "first")).isEqualTo(3);
			assertThat(moved(before, after, "scopecut_votes_recorded_total", "change", "changed")).isEqualTo(1);
			assertThat(moved(before, after, "scopecut_votes_refused_total", "reason", "unchanged")).isEqualTo(1);
			assertThat(
					moved(before, after, "scopecut_slack_requests_seconds_count", "kind", "vote", "outcome", "SUCCESS"))
				.isEqualTo(5);
			assertThat(moved(before, after, "scopecut_slack_requests_seconds_count", "kind", "command", "outcome",
					"SUCCESS"))
				.isEqualTo(2);
			// The cut, then its decision.
			assertThat(moved(before, after, "scopecut_slack_api_calls_seconds_count", "method", "chat.postMessage",
					"outcome", "ok"))
				.isEqualTo(2);
			// Four refreshes, then the closed cut.
			assertThat(moved(before, after, "scopecut_slack_api_calls_seconds_count", "method", "chat.update",
					"outcome", "ok"))
				.isEqualTo(5)
				.isEqualTo(slack.calls("chat.update").size());
			// Every click's private reply, the unchanged vote's too; the close answers in
			// its acknowledgement.
			assertThat(moved(before, after, "scopecut_private_replies_total", "outcome", "sent")).isEqualTo(5)
				.isEqualTo(slack.calls("response_url").size());
			assertThat(moved(before, after, "scopecut_refresh_lag_seconds_count")).isEqualTo(4);
			// A refresh within a second of the last update is claimed again a
			// second after it, so the number of claims varies; each claim is one
			// run, and none is late.
			double refreshClaims = moved(before, after, "scopecut_jobs_claimed_total", "kind", "refresh");
			assertThat(refreshClaims).isGreaterThanOrEqualTo(4);
			assertThat(moved(before, after, "scopecut_jobs_runs_total", "kind", "refresh")).isEqualTo(refreshClaims);
			assertThat(moved(before, after, "scopecut_jobs_runs_total", "kind", "refresh", "outcome", "done"))
				.isEqualTo(refreshClaims);
			assertThat(moved(before, after, "scopecut_jobs_lateness_seconds_count", "kind", "refresh"))
				.isEqualTo(refreshClaims);
			assertThat(moved(before, after, "scopecut_jobs_runs_total", "kind", "announce", "outcome", "done"))
				.isEqualTo(1);
			assertThat(moved(before, after, "scopecut_jobs_lateness_seconds_count", "kind", "announce")).isEqualTo(1);
			assertThat(moved(before, after, "scopecut_jobs_runs_total", "outcome", "failed")).isZero();
			assertThat(moved(before, after, "scopecut_jobs_runs_total", "outcome", "given_up")).isZero();
		});
		Scrape after = Scrape.of(this.managementPort);
		assertThat(after.value("scopecut_cuts_open")).isNotNaN();
		assertThat(after.value("scopecut_jobs_due")).isNotNaN();
		// Slack's 3 s limit and the alert's 1 s are buckets of the
		// acknowledgement histogram.
		assertThat(after.samples())
			.containsKey("scopecut_slack_requests_seconds_bucket{kind=\"vote\",le=\"3.0\",outcome=\"SUCCESS\"}")
			.containsKey("scopecut_slack_requests_seconds_bucket{kind=\"vote\",le=\"1.0\",outcome=\"SUCCESS\"}");
		// Every metric the dashboard and the alerting rules query is there.
		assertThat(DeployedQueries.metrics()).hasSizeGreaterThan(10)
			.allSatisfy(
					(metric) -> assertThat(after.names()).as("the metrics on /actuator/prometheus").contains(metric));
		assertThat(DeployedQueries.expressions()).hasSizeGreaterThan(15);
		// Every label a selector of theirs matches on is on a sample of that metric; an
		// exact bucket bound is one of the metric's buckets.
		assertThat(DeployedQueries.selectors()).isNotEmpty().allSatisfy((selector) -> {
			assertThat(after.samples().keySet())
				.as("a sample of %s with the label %s", selector.metric(), selector.label())
				.anyMatch((key) -> key.startsWith(selector.metric() + "{")
						&& key.matches(".*[{,]" + selector.label() + "=\".*"));
			if (selector.label().equals("le") && selector.operator().equals("=")) {
				assertThat(after.samples().keySet()).as("the bucket %s of %s", selector.value(), selector.metric())
					.anyMatch((key) -> key.startsWith(selector.metric() + "{")
							&& key.contains("le=\"" + selector.value() + "\""));
			}
		});
		assertThat(after.samples().keySet()).noneMatch((key) -> key.contains(BOB) || key.contains(ANN)
				|| key.contains(CHANNEL) || key.contains(message.param("ts") == null ? "\u0000" : message.param("ts")));
	}

	@Test
	void theMetricsAreOnTheManagementPortOnlyWhileHealthAndProbesStayPublic() throws Exception {
		assertThat(get(this.port, "/actuator/prometheus").statusCode()).isEqualTo(404);
		assertThat(get(this.managementPort, "/actuator/prometheus").statusCode()).isEqualTo(200);
		HttpResponse<String> health = get(this.port, "/actuator/health");
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).contains("\"redis\"");
		assertThat(get(this.port, "/readyz").statusCode()).isEqualTo(200);
		assertThat(get(this.port, "/livez").statusCode()).isEqualTo(200);
		assertThat(get(this.managementPort, "/actuator/health/readiness").body()).contains("\"redis\"");
		assertThat(get(this.managementPort, "/actuator/health/liveness").body()).doesNotContain("\"redis\"");
	}

	@Test
	void aRateLimitedUpdateCountsOne429AndOneRetryAfterWaitAndIsRetried() {
		FakeSlack.Call message = startCut("Metrics 1.1: export");
		List<String> values = voteValues(message);
		Scrape before = Scrape.of(this.managementPort);
		slack.rateLimit("chat.update", 1, 1);

		this.requests.click(CHANNEL, BOB, "vote-ship", values.get(0), slack.responseUrl("v1"));
		slack.await("chat.update", (call) -> call.param("blocks").contains("1 voted"), WAIT);

		await().atMost(WAIT).untilAsserted(() -> {
			Scrape after = Scrape.of(this.managementPort);
			assertThat(moved(before, after, "scopecut_slack_api_calls_seconds_count", "method", "chat.update",
					"outcome", "429"))
				.isEqualTo(1);
			assertThat(moved(before, after, "scopecut_slack_api_calls_seconds_count", "method", "chat.update",
					"outcome", "ok"))
				.isEqualTo(1);
			assertThat(moved(before, after, "scopecut_slack_api_retry_after_seconds_count")).isEqualTo(1);
			assertThat(moved(before, after, "scopecut_slack_api_retry_after_seconds_sum")).isEqualTo(1.0);
			assertThat(moved(before, after, "scopecut_jobs_runs_total", "kind", "refresh", "outcome", "retried"))
				.isEqualTo(1);
			assertThat(moved(before, after, "scopecut_refresh_lag_seconds_count")).isEqualTo(1);
		});
	}

	/** Runs the click and waits for the {@code chat.update} after it. */
	void shownAfter(Runnable click) {
		int updates = slack.calls("chat.update").size();
		click.run();
		await().atMost(WAIT).until(() -> slack.calls("chat.update").size() > updates);
	}

	static double moved(Scrape before, Scrape after, String name, String... labels) {
		return after.sum(name, labels) - before.sum(name, labels);
	}

	static HttpResponse<String> get(int port, String path) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
					HttpResponse.BodyHandlers.ofString());
	}

}
