package dev.scopecut.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.scopecut.support.EndToEndTest;
import dev.scopecut.support.fakeslack.FakeSlack;

/**
 * A voter's clicks on one cut in a burst get one private confirmation, the last choice on
 * each item winning, through the burst's last response URL; a lone click is confirmed on
 * its own, as before.
 */
class VoteConfirmationBurstTests extends EndToEndTest {

	/**
	 * Longer than the production 1.5 s, so that a loaded machine still sends a test's
	 * clicks within one window.
	 */
	@DynamicPropertySource
	static void burst(DynamicPropertyRegistry registry) {
		registry.add("scopecut.confirmations.burst", () -> "4s");
	}

	@Test
	void clicksInABurstGetOneConfirmationWithEachItemsLastChoice() {
		String cut = cutId(startCut("Burst: alpha; bravo; charlie"));

		click(ANN, cut, 1, "S", "ann-1");
		click(ANN, cut, 2, "S", "ann-2");
		click(BOB, cut, 1, "D", "bob-1");
		click(ANN, cut, 3, "D", "ann-3");
		click(ANN, cut, 1, "D", "ann-4");

		FakeSlack.Call reply = slack.await("response_url", (call) -> call.param("url").endsWith("/ann-4"), WAIT);
		assertThat(replyText(reply)).isEqualTo("You voted *Ship* on “bravo” · *Defer* on “alpha”, “charlie”.");
		assertThat(reply.json().get("response_type").getAsString()).isEqualTo("ephemeral");
		FakeSlack.Call bobs = slack.await("response_url", (call) -> call.param("url").endsWith("/bob-1"), WAIT);
		assertThat(replyText(bobs)).as("another voter's burst is their own").isEqualTo("You voted *Defer* on “alpha”.");
		assertThat(replyUrls()).as("one confirmation a voter, nothing to the burst's earlier clicks")
			.containsExactlyInAnyOrder("ann-4", "bob-1");
	}

	@Test
	void aClickAfterTheBurstWasConfirmedStartsTheNextOne() {
		String cut = cutId(startCut("Bursts: alpha; bravo"));
		click(ANN, cut, 1, "S", "ann-1");
		FakeSlack.Call first = slack.await("response_url", (call) -> call.param("url").endsWith("/ann-1"), WAIT);
		assertThat(replyText(first)).isEqualTo("You voted *Ship* on “alpha”.");

		click(ANN, cut, 1, "D", "ann-2");

		FakeSlack.Call second = slack.await("response_url", (call) -> call.param("url").endsWith("/ann-2"), WAIT);
		assertThat(replyText(second)).isEqualTo("You changed your vote on “alpha” to *Defer*.");
		assertThat(replyUrls()).containsExactly("ann-1", "ann-2");
	}

	private void click(String user, String cut, int item, String choice, String replyId) {
		assertThat(this.requests
			.click(CHANNEL, user, choice.equals("S") ? "vote-ship" : "vote-defer", cut + "|" + item + "|" + choice,
					slack.responseUrl(replyId))
			.statusCode()).isEqualTo(200);
	}

	private static String cutId(FakeSlack.Call message) {
		return voteValues(message).get(0).split("\\|")[0];
	}

	private static List<String> replyUrls() {
		return slack.calls("response_url")
			.stream()
			.map((call) -> call.param("url"))
			.filter((url) -> url.matches(".*/(ann|bob)-\\d+"))
			.map((url) -> url.substring(url.lastIndexOf('/') + 1))
			.toList();
	}

}
