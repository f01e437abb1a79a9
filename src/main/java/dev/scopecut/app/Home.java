package dev.scopecut.app;

import java.util.List;
import java.util.Map;

import dev.scopecut.app.port.CutSnapshot;
import dev.scopecut.cut.Cut;
import dev.scopecut.cut.CutId;

/**
 * What one person's App Home shows: the open cuts waiting for their vote (soonest
 * deadline first), the open cuts they voted in, with their votes (soonest deadline
 * first), the open cuts they run (newest first), the decisions of cuts they took part in
 * (latest first), the check-ins waiting for them as facilitator, and what the releases of
 * cuts they took part in taught (latest first). The lists are as long as found; the tab
 * shows what fits.
 *
 * @param children of the cuts shown, the latest cut started from each, by its parent's id
 */
public record Home(String user, List<CutSnapshot> waiting, List<CutSnapshot> voted, List<CutSnapshot> running,
		List<CutSnapshot> decided, List<Cut> checkIns, List<Cut> taught, Map<CutId, Cut> children) {

	public Home {
		waiting = List.copyOf(waiting);
		voted = List.copyOf(voted);
		running = List.copyOf(running);
		decided = List.copyOf(decided);
		checkIns = List.copyOf(checkIns);
		taught = List.copyOf(taught);
		children = Map.copyOf(children);
	}

	/** A Home with no check-ins and no lineage. */
	public Home(String user, List<CutSnapshot> waiting, List<CutSnapshot> voted, List<CutSnapshot> running,
			List<CutSnapshot> decided) {
		this(user, waiting, voted, running, decided, List.of(), List.of(), Map.of());
	}

}
