package dev.scopecut.store;

import dev.scopecut.cut.CutRef;

/**
 * The Redis key layout. Every key of a workspace's cuts carries the workspace id as its
 * hash tag, so that a script touching a cut, its votes and its channel index runs on one
 * Redis Cluster slot. The job queue is one key of its own, only ever touched by
 * single-key commands.
 *
 * <pre>
 * scopecut:{T123}:cut:K7M2Q     hash   the cut: settings, status, items, message ts, version
 * scopecut:{T123}:votes:K7M2Q   hash   "itemId:userId" -> "S" (ship) or "D" (defer)
 * scopecut:{T123}:history:K7M2Q list  the facilitator's edits, oldest first, the latest 50:
 *                                      "atMillis TAB userId TAB ADD|REMOVE|EXTEND TAB detail"
 * scopecut:{T123}:open:C456     zset   ids of the channel's open cuts, scored by start time
 * scopecut:jobs                 zset   "KIND|T123|K7M2Q", scored by due time (epoch millis)
 * </pre>
 */
final class Keys {

	static final String JOBS = "scopecut:jobs";

	private Keys() {
	}

	static String cut(CutRef ref) {
		return prefix(ref.workspace()) + "cut:" + ref.id();
	}

	static String votes(CutRef ref) {
		return prefix(ref.workspace()) + "votes:" + ref.id();
	}

	static String history(CutRef ref) {
		return prefix(ref.workspace()) + "history:" + ref.id();
	}

	static String openIn(String workspace, String channel) {
		return prefix(workspace) + "open:" + channel;
	}

	private static String prefix(String workspace) {
		return "scopecut:{" + workspace + "}:";
	}

}
