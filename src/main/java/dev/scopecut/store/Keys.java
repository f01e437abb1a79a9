package dev.scopecut.store;

import dev.scopecut.cut.CutRef;

/**
 * The Redis key layout. Every key of a workspace's cuts carries the workspace id as its
 * hash tag, so that a script touching a cut, its votes and its channel index runs on one
 * Redis Cluster slot. The job queue is one key of its own, only ever touched by
 * single-key commands.
 * <p>
 * Installations (multi-workspace mode) are not per cut: one hash per workspace holds its
 * bot and the users who installed, under the workspace's own hash tag, so a workspace's
 * whole state shares a slot and uninstalling it is one {@code DEL}. Each change is one
 * single-key command ({@code HSET}, {@code HDEL}, {@code DEL}), atomic by itself: no
 * read-modify-write, so two instances saving at once leave one whole installation, the
 * later. A workspace's team id is unique across Slack, so it keys the hash alone, whether
 * or not the workspace belongs to an Enterprise Grid organisation (the organisation is in
 * the stored JSON); a workspace that joins an organisation later keeps its installation.
 * An organisation-wide install (Enterprise Grid, {@code is_enterprise_install}) covers
 * every workspace of the organisation and is kept under the organisation's id. OAuth
 * states are single keys that Redis expires; one is consumed by {@code GETDEL}, so of two
 * redirects carrying the same state exactly one gets it.
 *
 * <pre>
 * scopecut:{T123}:cut:K7M2Q     hash   the cut: settings, status, items, message ts, version
 * scopecut:{T123}:votes:K7M2Q   hash   "itemId:userId" -> "S" (ship) or "D" (defer)
 * scopecut:{T123}:history:K7M2Q list  the facilitator's edits, oldest first, the latest 50:
 *                                      "atMillis TAB userId TAB ADD|REMOVE|EXTEND TAB detail"
 * scopecut:{T123}:open:C456     zset   ids of the channel's open cuts, scored by start time
 * scopecut:jobs                 zset   "KIND|T123|K7M2Q", scored by due time (epoch millis)
 * scopecut:{T123}:installation  hash   "bot" -> the bot's installation (JSON, tokens included),
 *                                      "user:U456" -> that installer's installation (JSON),
 *                                      "enterprise" -> E789 when an organisation-wide install
 *                                      serves this workspace (written on its first request)
 * scopecut:{E789}:enterprise-installation  hash  the same fields, for an organisation-wide install
 * scopecut:oauth-state:STATE    string "1", until the redirect consumes it; expires after 10 minutes
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

	static String installation(String team) {
		return prefix(team) + "installation";
	}

	static String enterpriseInstallation(String enterprise) {
		return prefix(enterprise) + "enterprise-installation";
	}

	static String oauthState(String state) {
		return "scopecut:oauth-state:" + state;
	}

	private static String prefix(String workspace) {
		return "scopecut:{" + workspace + "}:";
	}

}
