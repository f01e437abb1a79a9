package dev.scopecut.slack;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.scopecut.app.CutService;
import dev.scopecut.app.port.NotifyFailedException;
import dev.scopecut.app.port.RetryLaterException;
import dev.scopecut.app.port.StoreUnavailableException;
import dev.scopecut.cut.Cut;
import dev.scopecut.cut.CutDraft;
import dev.scopecut.cut.CutId;
import dev.scopecut.cut.CutRef;
import dev.scopecut.cut.CutSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.mock;

/**
 * A new cut that could not be posted: the facilitator reads what happened, what is kept
 * and what to do, in plain words; Slack's error or the store's trouble is logged only.
 */
@ExtendWith(OutputCaptureExtension.class)
class NewCutPostTests {

	private static final Instant NOW = Instant.parse("2030-01-01T09:00:00Z");

	private final CutService cuts = mock(CutService.class);

	private final Cut cut = Cut.open(new CutRef("T1", new CutId("K7M2Q")), "C1", "U_ANN",
			new CutDraft("Sharing <app>", List.of("signup"), new CutSettings("", NOW.plusSeconds(3600), 0, 0, false)),
			NOW);

	@Test
	void aPostedCutNeedsNoWord() {
		assertThat(NewCutPost.post(this.cuts, this.cut)).isEmpty();
	}

	@Test
	void aFullPublishQueueWithdrawsTheStoredCutBeforeRefusing() {
		Executor full = (task) -> {
			throw new RejectedExecutionException("the publish queue is full");
		};

		assertThatThrownBy(() -> NewCutPost.postAfterAck(full, this.cuts, this.cut, (text) -> {
		})).isInstanceOf(RejectedExecutionException.class);
		then(this.cuts).should().withdraw(this.cut);
		then(this.cuts).should(never()).publish(this.cut);
	}

	@Test
	void aQueuedPostWithdrawsNothing() {
		NewCutPost.postAfterAck(Runnable::run, this.cuts, this.cut, (text) -> {
		});

		then(this.cuts).should().publish(this.cut);
		then(this.cuts).should(never()).withdraw(this.cut);
	}

	@Test
	void aBotNotInTheChannelIsToldHowToInviteIt(CapturedOutput output) {
		willThrow(new NotifyFailedException("not_in_channel")).given(this.cuts).publish(this.cut);

		assertThat(NewCutPost.post(this.cuts, this.cut)).hasValue("I could not post the cut “Sharing &lt;app&gt;”"
				+ " because I am not a member of this channel. The cut was cancelled, so nothing of it is kept;"
				+ " invite me with `/invite @Scopecut`, then start it again.");
		assertThat(output.getAll())
			.contains("Cut K7M2Q not posted and cancelled: Slack refused its message (not_in_channel)");
	}

	@Test
	void anArchivedChannelIsNamedAsTheCause() {
		willThrow(new NotifyFailedException("is_archived")).given(this.cuts).publish(this.cut);

		assertThat(NewCutPost.post(this.cuts, this.cut)).hasValueSatisfying((text) -> assertThat(text)
			.contains("because this channel is archived", "The cut was cancelled", "start it in another channel")
			.doesNotContain("is_archived"));
	}

	@Test
	void anyOtherRefusalSaysToTryAgainAndWhomToAskWithoutSlacksCode(CapturedOutput output) {
		willThrow(new NotifyFailedException("http_403")).given(this.cuts).publish(this.cut);

		assertThat(NewCutPost.post(this.cuts, this.cut)).hasValueSatisfying((text) -> assertThat(text)
			.contains("Slack did not let me post", "The cut was cancelled", "start it again", "workspace admin")
			.doesNotContain("http_403", "refused the call"));
		assertThat(output.getAll()).contains("(http_403)");
	}

	@Test
	void slackBusyOrOutOfReachSaysToStartAgainInAMinute(CapturedOutput output) {
		willThrow(new RetryLaterException("Slack unreachable: SocketTimeoutException", Duration.ofSeconds(5)))
			.given(this.cuts)
			.publish(this.cut);

		assertThat(NewCutPost.post(this.cuts, this.cut)).hasValueSatisfying(
				(text) -> assertThat(text).contains("just now", "The cut was cancelled", "start it again in a minute")
					.doesNotContain("SocketTimeoutException", "unreachable"));
		assertThat(output.getAll())
			.contains("Cut K7M2Q not posted and cancelled: Slack unreachable: SocketTimeoutException");
	}

	@Test
	void aStoreThatDidNotAnswerSaysHowToFindOutWhetherTheCutIsKept(CapturedOutput output) {
		willThrow(new StoreUnavailableException("Redis command timed out", new RuntimeException())).given(this.cuts)
			.publish(this.cut);

		assertThat(NewCutPost.post(this.cuts, this.cut)).hasValueSatisfying(
				(text) -> assertThat(text).contains("may not have been kept", "`/scopecut list`", "start it again")
					.doesNotContain("Redis", "timed out"));
		assertThat(output.getAll())
			.contains("Cut K7M2Q perhaps not posted: the store did not answer (Redis command timed out)");
	}

}
