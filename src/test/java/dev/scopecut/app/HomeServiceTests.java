package dev.scopecut.app;

import static dev.scopecut.support.blockkit.Fixtures.ballots;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.scopecut.app.port.CutSnapshot;
import dev.scopecut.app.port.WorkspaceCuts;
import dev.scopecut.cut.Ballots;
import dev.scopecut.cut.Cut;
import dev.scopecut.cut.CutId;
import dev.scopecut.cut.CutRef;
import dev.scopecut.cut.CutSettings;
import dev.scopecut.cut.CutStatus;
import dev.scopecut.cut.Item;

class HomeServiceTests {

	static final Instant DEADLINE = Instant.parse("2025-03-05T17:00:00Z");

	static final String ME = "U0BOB";

	private final WorkspaceCuts cuts = mock(WorkspaceCuts.class);

	private final HomeService home = new HomeService(this.cuts);

	@Test
	void recentDecisionsAreTheCutsIRanWasChosenForOrVotedIn() {
		CutSnapshot ran = closed("RAN01", ME, List.of(), List.of(), Ballots.NONE);
		CutSnapshot chosen = closed("CHS01", "U0ANN", List.of(ME, "U0ANN"), List.of(), Ballots.NONE);
		CutSnapshot voted = closed("VTD01", "U0ANN", List.of(), List.of("U0ANN", ME), ballots(ME + "=D"));
		CutSnapshot memberOnly = closed("MEM01", "U0ANN", List.of(), List.of("U0ANN", ME), ballots("U0ANN=S"));
		CutSnapshot notChosen = closed("NTC01", "U0ANN", List.of("U0ANN", "U0CAT"), List.of(), ballots("U0CAT=S"));
		given(this.cuts.open("T0SCOPE", HomeService.OPEN_READ_MAX)).willReturn(List.of());
		given(this.cuts.recentlyClosed("T0SCOPE", HomeService.CLOSED_READ_MAX))
			.willReturn(List.of(ran, chosen, voted, memberOnly, notChosen));

		Home read = this.home.home("T0SCOPE", ME);

		assertThat(read.decided()).extracting((snapshot) -> snapshot.cut().ref().id().value())
			.containsExactly("RAN01", "CHS01", "VTD01");
	}

	@Test
	void myVotesOnOpenCutsAreEveryOpenCutIVotedInSoonestDeadlineFirst() {
		CutSnapshot later = open("KTR01", DEADLINE.plusSeconds(3600), ballots(ME + "=S"));
		CutSnapshot sooner = open("SNR01", DEADLINE, ballots(ME + "=D"));
		CutSnapshot notVoted = open("NVT01", DEADLINE, ballots("U0ANN=S"));
		given(this.cuts.open("T0SCOPE", HomeService.OPEN_READ_MAX)).willReturn(List.of(later, notVoted, sooner));
		given(this.cuts.recentlyClosed("T0SCOPE", HomeService.CLOSED_READ_MAX)).willReturn(List.of());

		Home read = this.home.home("T0SCOPE", ME);

		assertThat(read.voted()).extracting((snapshot) -> snapshot.cut().ref().id().value())
			.containsExactly("SNR01", "KTR01");
	}

	private static CutSnapshot open(String id, Instant deadline, Ballots ballots) {
		Cut cut = new Cut(new CutRef("T0SCOPE", new CutId(id)), "C0PLAN", "U0ANN", "Release " + id,
				List.of(new Item(1, "email signup")), new CutSettings("", deadline, 0, 0, false, List.of(), false),
				CutStatus.OPEN, DEADLINE.minusSeconds(86_400), null, "1741000000.000100", List.of("U0ANN", ME));
		return new CutSnapshot(cut, ballots, 1, null);
	}

	private static CutSnapshot closed(String id, String facilitator, List<String> chosen, List<String> members,
			Ballots ballots) {
		Cut cut = new Cut(new CutRef("T0SCOPE", new CutId(id)), "C0PLAN", facilitator, "Release " + id,
				List.of(new Item(1, "email signup")), new CutSettings("", DEADLINE, 0, 0, false, chosen, false),
				CutStatus.CLOSED, DEADLINE.minusSeconds(86_400), DEADLINE, "1741000000.000100", members);
		return new CutSnapshot(cut, ballots, 1, null);
	}

}
