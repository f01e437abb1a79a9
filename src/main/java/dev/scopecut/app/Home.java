package dev.scopecut.app;

import java.util.List;

import dev.scopecut.app.port.CutSnapshot;

/**
 * What one person's App Home shows: the open cuts waiting for their vote (soonest
 * deadline first), the open cuts they voted in, with their votes (soonest deadline
 * first), the open cuts they run (newest first) and the decisions of cuts they took part
 * in (latest first). The lists are as long as found; the tab shows what fits.
 */
public record Home(String user, List<CutSnapshot> waiting, List<CutSnapshot> voted, List<CutSnapshot> running,
		List<CutSnapshot> decided) {

	public Home {
		waiting = List.copyOf(waiting);
		voted = List.copyOf(voted);
		running = List.copyOf(running);
		decided = List.copyOf(decided);
	}

}
