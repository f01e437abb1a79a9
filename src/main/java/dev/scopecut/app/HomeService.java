package dev.scopecut.app;

import java.util.Comparator;
import java.util.List;

import dev.scopecut.cut.Cut;
import dev.scopecut.app.port.CutSnapshot;
import dev.scopecut.app.port.WorkspaceCuts;

/** Reads one person's App Home from the workspace's open and recently closed cuts. */
public class HomeService {

	/** The most open cuts read for one Home: far more than anyone has waiting. */
	public static final int OPEN_READ_MAX = 200;

	/** The most recently closed cuts read for one Home. */
	public static final int CLOSED_READ_MAX = 50;

	private final WorkspaceCuts cuts;

	public HomeService(WorkspaceCuts cuts) {
		this.cuts = cuts;
	}

	public Home home(String workspace, String user) {
		List<CutSnapshot> open = this.cuts.open(workspace, OPEN_READ_MAX);
		Comparator<CutSnapshot> soonestFirst = Comparator
			.comparing((CutSnapshot snapshot) -> snapshot.cut().settings().deadline());
		List<CutSnapshot> waiting = open.stream()
			.filter((snapshot) -> snapshot.cut().awaitsVoteFrom(user, snapshot.ballots()))
			.sorted(soonestFirst)
			.toList();
		List<CutSnapshot> voted = open.stream()
			.filter((snapshot) -> !snapshot.ballots().of(user).isEmpty())
			.sorted(soonestFirst)
			.toList();
		List<CutSnapshot> running = open.stream().filter((snapshot) -> snapshot.cut().isFacilitator(user)).toList();
		List<CutSnapshot> decided = this.cuts.recentlyClosed(workspace, CLOSED_READ_MAX)
			.stream()
			.filter((snapshot) -> tookPart(snapshot, user))
			.toList();
		return new Home(user, waiting, voted, running, decided);
	}

	/**
	 * The decisions the person took part in: cuts they ran, were chosen to vote in, or
	 * voted in. Being a member of a channel-wide cut's channel is not taking part: such a
	 * person may never have looked at it.
	 */
	private static boolean tookPart(CutSnapshot snapshot, String user) {
		Cut cut = snapshot.cut();
		return cut.isFacilitator(user) || (cut.settings().hasChosenVoters() && cut.settings().voters().contains(user))
				|| !snapshot.ballots().of(user).isEmpty();
	}

}
