package dev.scopecut.sandbox;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.scopecut.support.ShiftedClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The trigger ids and response URLs the sandbox hands out for every command and click:
 * those Slack would no longer accept are dropped as new ones are issued, so a long
 * session's memory stays bounded.
 */
class SandboxWorkspaceTests {

	private static final String ANN = "U01ANN";

	private final ShiftedClock clock = new ShiftedClock();

	private final Workspace workspace = new Workspace(this.clock);

	@Test
	void expiredTriggerIdsAreDroppedAsNewOnesAreIssued() {
		for (int click = 0; click < 1_000; click++) {
			this.workspace.issueTrigger(ANN);
			this.clock.advance(Duration.ofSeconds(1));
		}
		// Those of the last three seconds, and the one issued at the very edge.
		assertThat(this.workspace.idsHeld()).isLessThanOrEqualTo(4);
		String fresh = this.workspace.issueTrigger(ANN);
		assertThat(this.workspace.useTrigger(fresh).value()).isEqualTo(ANN);
	}

	@Test
	void usedUpAndExpiredResponseUrlsAreDroppedAsNewOnesAreIssued() {
		String channel = this.workspace.channel();
		String usedUp = this.workspace.issueResponseUrl(ANN, channel, null);
		for (int use = 0; use < Workspace.RESPONSE_URL_USES; use++) {
			assertThat(this.workspace.useResponseUrl(usedUp).ok()).isTrue();
		}
		String unused = this.workspace.issueResponseUrl(ANN, channel, null);
		String halfUsed = this.workspace.issueResponseUrl(ANN, channel, null);
		this.workspace.useResponseUrl(halfUsed);
		assertThat(this.workspace.idsHeld()).as("the used-up URL dropped").isEqualTo(2);

		this.clock.advance(Workspace.RESPONSE_URL_LIFETIME.plusSeconds(1));
		String fresh = this.workspace.issueResponseUrl(ANN, channel, null);
		assertThat(this.workspace.idsHeld()).as("the expired URLs dropped").isEqualTo(1);
		assertThat(this.workspace.useResponseUrl(fresh).ok()).isTrue();
		assertThat(this.workspace.useResponseUrl(unused).error()).isEqualTo("expired_url");
	}

	@Test
	void aResponseUrlStillWorksUntilItsFifthUse() {
		String hook = this.workspace.issueResponseUrl(ANN, this.workspace.channel(), null);
		for (int use = 1; use < Workspace.RESPONSE_URL_USES; use++) {
			this.workspace.useResponseUrl(hook);
			this.workspace.issueResponseUrl(ANN, this.workspace.channel(), null);
		}
		assertThat(this.workspace.useResponseUrl(hook).ok()).isTrue();
		assertThat(this.workspace.useResponseUrl(hook).error()).isEqualTo("used_url");
	}

}
