package dev.scopecut.app.port;

import java.util.List;

/**
 * A workspace's cuts across all its channels, read for one person's App Home. Any method
 * may throw {@link StoreUnavailableException}.
 */
public interface WorkspaceCuts {

	/** Up to {@code max} of the workspace's open cuts with their votes, newest first. */
	List<CutSnapshot> open(String workspace, int max);

	/** Up to {@code max} of the workspace's most recently closed cuts, latest first. */
	List<CutSnapshot> recentlyClosed(String workspace, int max);

}
