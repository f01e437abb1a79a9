package dev.scopecut.app;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.scopecut.app.port.CutSnapshot;
import dev.scopecut.app.port.WorkspaceCuts;
import dev.scopecut.cut.CheckIn;
import dev.scopecut.cut.Cut;
import dev.scopecut.cut.CutId;

/**
 * Reads one person's App Home from the workspace's open and recently closed cuts. A cut's
 * children are found by reading those cuts, each of which names its parent: a parent is
 * never written when a child starts.
 */
public class HomeService {

	/** The most open cuts read for one Home: far more than anyone has waiting. */
	public static final int OPEN_READ_MAX = 200;

	/**
	 * The most recently closed cuts read for one Home, as many as the workspace's closed
	 * index keeps: a check-in falls due weeks after its close.
	 */
	public static final int CLOSED_READ_MAX = 200;

	/** Of those, the most recent decisions listed. */
	public static final int DECIDED_READ_MAX = 50;

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
		List<CutSnapshot> closed = this.cuts.recentlyClosed(workspace, CLOSED_READ_MAX);
		List<CutSnapshot> decided = closed.stream()
			.limit(DECIDED_READ_MAX)
			.filter((snapshot) -> tookPart(snapshot, user))
			.toList();
		List<Cut> checkIns = closed.stream()
			.map(CutSnapshot::cut)
			.filter((cut) -> cut.isFacilitator(user) && cut.checkInPending())
			.sorted(Comparator.comparing((Cut cut) -> cut.checkIn().on()))
			.toList();
		List<Cut> taught = closed.stream()
			.filter((snapshot) -> tookPart(snapshot, user))
			.map(CutSnapshot::cut)
			.filter((cut) -> cut.checkInState().flatMap(CheckIn::answered).isPresent())
			.sorted(Comparator.comparing((Cut cut) -> cut.checkIn().answer().at()).reversed())
			.toList();
		return new Home(user, waiting, voted, running, decided, checkIns, taught, children(open, closed));
	}

	/**
	 * The latest child of each cut read, by parent id; a child is newer than any sibling
	 * it is compared with when it started later.
	 */
	private static Map<CutId, Cut> children(List<CutSnapshot> open, List<CutSnapshot> closed) {
		Map<CutId, Cut> children = new HashMap<>();
		Stream.concat(open.stream(), closed.stream())
			.map(CutSnapshot::cut)
			.forEach((cut) -> cut.lineage()
				.parentId()
				.ifPresent((parent) -> children.merge(parent, cut,
						(one, other) -> one.createdAt().isAfter(other.createdAt()) ? one : other)));
		return children;
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
