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
		this.requests.click(CHANNEL, BOB, "vote-ship", values.get(0), slack.responseUrl("v1"));
		this.requests.click(CHANNEL, ANN, "vote-ship", values.get(0), slack.responseUrl("v2"));
		this.requests.click(CHANNEL, BOB, "vote-defer", values.get(1), slack.responseUrl("v3"));
		this.requests.click(CHANNEL, BOB, "vote-defer", values.get(1), slack.responseUrl("v4"));
		this.requests.click(CHANNEL, ANN, "vote-ship", values.get(4), slack.responseUrl("v5"));
		slack.await("chat.update", (call) -> call.param("blocks").contains("2 voted"), WAIT);
		this.requests.command(CHANNEL, ANN, "close", slack.responseUrl("close"));
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
			double updates = moved(before, after, "scopecut_slack_api_calls_seconds_count", "method", "chat.update",
					"outcome", "ok");
			assertThat(updates).isEqualTo(slack.calls("chat.update").size());
			// Every vote's private confirmation, and the close's.
			assertThat(moved(before, after, "scopecut_slack_api_calls_seconds_count", "method", "response_url",
					"outcome", "ok"))
				.isGreaterThanOrEqualTo(5);
			assertThat(moved(before, after, "scopecut_refresh_lag_seconds_count")).isBetween(1.0, updates);
			assertThat(moved(before, after, "scopecut_jobs_claimed_total", "kind", "refresh"))
				.isGreaterThanOrEqualTo(1);
			assertThat(moved(before, after, "scopecut_jobs_runs_total", "kind", "announce", "outcome", "done"))
				.isEqualTo(1);
			assertThat(moved(before, after, "scopecut_jobs_lateness_seconds_count", "kind", "announce")).isEqualTo(1);
			assertThat(moved(before, after, "scopecut_jobs_runs_total", "outcome", "failed")).isZero();
			assertThat(moved(before, after, "scopecut_jobs_runs_total", "outcome", "given_up")).isZero();
		});
		Scrape after = Scrape.of(this.managementPort);
		assertThat(after.value("scopecut_cuts_open")).isNotNaN();
		assertThat(after.value("scopecut_jobs_due")).isNotNaN();
		// The acknowledgement histogram has Slack's limit and the alert's 1 s among its
		// buckets.
		assertThat(after.samples())
			.containsKey("scopecut_slack_requests_seconds_bucket{kind=\"vote\",le=\"3.0\",outcome=\"SUCCESS\"}")
			.containsKey("scopecut_slack_requests_seconds_bucket{kind=\"vote\",le=\"1.0\",outcome=\"SUCCESS\"}");
		// Every metric the dashboard and the alerting rules query is there.
		assertThat(DeployedQueries.metrics()).hasSizeGreaterThan(10)
			.allSatisfy(
					(metric) -> assertThat(after.names()).as("the metrics on /actuator/prometheus").contains(metric));
		assertThat(DeployedQueries.expressions()).hasSizeGreaterThan(15);
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

	static double moved(Scrape before, Scrape after, String name, String... labels) {
		return after.sum(name, labels) - before.sum(name, labels);
	}

	static HttpResponse<String> get(int port, String path) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
					HttpResponse.BodyHandlers.ofString());
	}

}
