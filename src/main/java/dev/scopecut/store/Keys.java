package dev.scopecut.store;

import dev.scopecut.cut.CutRef;

/**
 * The Redis key layout. Every key of a workspace's cuts carries the workspace id as its
 * hash tag, so that a script touching a cut, its votes and its channel index runs on one
 * Redis Cluster slot. A workspace's jobs are under the same hash tag, so that the script
 * that changes a cut changes its jobs too (insert, finish, vote, member count, the
 * edits): a cut and its jobs change together or not at all. No key shared by every
 * workspace is written on the vote path: only a shard of the due index, one sixteenth of
 * the workspaces, and only when a vote asks for a refresh.
 * <p>
 * Installations (multi-workspace mode) are not per cut: one hash per workspace holds its
 * bot and the users who installed, under the workspace's own hash tag, so a workspace's
 * whole state shares a slot and uninstalling it is one {@code DEL}. Each change is one
 * single-key step ({@code HSET}, {@code HDEL}, {@code DEL}, or set-if-exists.lua), atomic
 * by itself: two instances saving at once leave one whole installation, the later. A new
 * install creates its hash; a rotated token only replaces a bot still there
 * (set-if-exists.lua checks the field and sets it in one step), so a refresh that ends
 * after an uninstall or a revoked bot token cannot bring the installation back. A
 * workspace's team id is unique across Slack, so it keys the hash alone, whether or not
 * the workspace belongs to an Enterprise Grid organisation (the organisation is in the
 * stored JSON); a workspace that joins an organisation later keeps its installation. An
 * organisation-wide install (Enterprise Grid, {@code is_enterprise_install}) covers every
 * workspace of the organisation and is kept under the organisation's id. A workspace's
 * link to it is the one change over two keys, on two slots, so not one script: the link
 * is written, then taken back if the organisation's install is gone by then. An
 * organisation uninstalled after that check leaves a link that leads nowhere (the lookup
 * finds no organisation-wide install), as it does for every workspace it served.
 * <p>
 * Only one caller at a time refreshes an installation's rotating token: it holds the
 * installation's {@code token-refresh} key, set with {@code SET NX PX} to a value of its
 * own and deleted by release-lock.lua only while it still holds that value, so a holder
 * whose lease lapsed cannot release the next one's. OAuth states are single keys that
 * Redis expires; one is consumed by {@code GETDEL}, so of two redirects carrying the same
 * state exactly one gets it.
 *
 * <pre>
 * scopecut:{T123}:cut:K7M2Q     hash   the cut: settings, status, items, message ts, version; a cut
 *                                      started from a closed one also its parent's id and title and
 *                                      its carried items' deferral streaks, written by insert-cut.lua
 *                                      with the rest (the parent is only read, before the insert); a cut
 *                                      with a check-in its day, and once asked or answered the fields
 *                                      {@link CutHash#CHECK_IN} lists (answer-check-in.lua,
 *                                      mark-check-in-asked.lua), and the posted decision's ts
 * scopecut:{T123}:votes:K7M2Q   hash   "itemId:userId" -> "S" (ship) or "D" (defer)
 * scopecut:{T123}:history:K7M2Q list  the facilitator's edits, oldest first, the latest 50:
 *                                      "atMillis TAB userId TAB ADD|REMOVE|EXTEND|CHANGE TAB detail"
 * scopecut:{T123}:open:C456     zset   ids of the channel's open cuts, scored by start time
 * scopecut:{T123}:open          zset   ids of the workspace's open cuts, scored by start time
 * scopecut:{T123}:open-by:U1    zset   ids of the workspace's open cuts that user started, scored
 *                                      by start time
 * scopecut:{T123}:closed        zset   ids of the workspace's latest 200 closed (not cancelled)
 *                                      cuts, scored by closing time; an id may outlive its
 *                                      expired cut, and is then skipped
 * scopecut:{T123}:reminded:K7M2Q:S1700000000:U1
 *                               string "1": the reminder of that slot went to that user;
 *                                      expires a day after the cut's deadline
 * scopecut:{T123}:reminded-lately:K7M2Q:U1
 *                               string when (epoch millis) that user's latest reminder of the cut
 *                                      was marked; expires when it no longer counts as lately
 * scopecut:{T123}:reminded-by-hand:K7M2Q
 *                               string when (epoch millis) the cut's latest reminder by hand was asked
 *                                      for; expires when the next one may be (mark-by-hand.lua
 *                                      reads it and sets it in one step)
 * scopecut:{T123}:reminder-steps
 *                               zset   the workspace's booked reminder steps (epoch millis / 1200,
 *                                      member and score alike); expires an hour after the last
 * scopecut:{T123}:event:Ev0123  string "1": an Events API delivery seen; expires after an hour
 * scopecut:{T123}:trigger:1337.42.abc
 *                               string "1": a slash command or form submission with that trigger id
 *                                      was served; expires after 15 minutes (a signature lasts 5)
 * scopecut:{T123}:person:U1     string what Slack said of a user: "H|Europe/Paris|Ann Lee" (a
 *                                      human, with their time zone and name), "H||" (neither given)
 *                                      or "N|..." (a bot, an app or a deleted user); an entry kept
 *                                      before names were has no last part; expires 24 hours after
 *                                      it was read
 * scopecut:{T123}:held-off:users.info
 *                               string "1" while Slack's Retry-After for that method lasts (PX)
 * scopecut:{T123}:jobs          zset   the workspace's jobs, "KIND|T123|K7M2Q" (then "|detail"
 *                                      for a job that has one), scored by due time (epoch millis);
 *                                      a claimed job is scored by the end of its lease
 * scopecut:{due-7}:workspaces   zset   one of {@link #DUE_SHARDS} shards of the due index: workspace
 *                                      ids (of the shard {@link #dueShard} gives), each scored no
 *                                      later than the earliest job of its queue
 * scopecut:due-repair           string the holder of the due index's repair; expires after its turn
 * scopecut:{T123}:jobs-moved    set    "member@millis": jobs moved from the single queue of earlier
 *                                      versions, {@code scopecut:jobs}; expires a week after the last
 * scopecut:jobs                 zset   the single queue of earlier versions, emptied into the above
 * scopecut:{T123}:installation  hash   "bot" -> the bot's installation (JSON, tokens included),
 *                                      "user:U456" -> that installer's installation (JSON),
 *                                      "enterprise" -> E789 when an organisation-wide install
 *                                      serves this workspace (written on its first request)
 * scopecut:{E789}:enterprise-installation  hash  the same fields, for an organisation-wide install
 * scopecut:{T123}:token-refresh string the holder of the lock on refreshing the installation's
 *                                      rotating token ({E789} for an organisation-wide one);
 *                                      expires after its 30-second lease
 * scopecut:oauth-state:STATE    string "1", until the redirect consumes it; expires after 10 minutes
 * </pre>
 *
 * Why no job is lost or run twice. A job exists once, in its workspace's queue, and is
 * changed there only in one step: with its cut's change (apply-jobs.lua), by ZADD or
 * ZREM, or by claim-jobs.lua, which claims due jobs by moving them to the end of a lease.
 * Of two instances claiming the same workspace at once, one moves the jobs and the other
 * finds none due; a claimant that dies leaves its jobs to fall due when the lease ends.
 * The due index only says where to look, and may be wrong in one direction only without
 * harm: an entry earlier than its queue's first job costs one claim that finds nothing
 * (and sets the entry right). An entry later than a job, or missing, would delay that
 * job, never run it twice, and is kept from lasting: whoever schedules a job lowers its
 * workspace's entry after the script ({@code ZADD LT}), even when the script's answer did
 * not come (a master slow rather than gone may run it late), and an instance that could
 * not write it (its shard's master away) keeps the write and retries it before every
 * claim; a claimant raises an entry only while it still reads as the claimant found it
 * (settle-due.lua), then reads the queue again and lowers the entry for any job scheduled
 * in between; and one instance at a time, every {@code RedisJobQueue#REPAIR_EVERY}, scans
 * every master for the workspaces' queues and lowers each entry to its queue's first job,
 * which also brings back an entry an instance died before writing.
 * <p>
 * Why a job whose run found Redis away neither waits out its lease nor runs twice: the
 * instance that claimed it remembers the lease's end, the job's score while it holds it.
 * When the run is over and the job was neither completed nor moved, the instance moves it
 * to due a second later, and when its completion failed, removes it, each only while the
 * score is still that lease end (move-if-score.lua, remove-if-score.lua) and only before
 * the lease ends: afterwards another instance may hold it, and it is theirs. What Redis
 * does not take is tried again before each claim until then. A claim whose answer never
 * came (timed out, yet a master slow rather than gone may run it late) is handed back the
 * same way: every job of that queue scored exactly that claim's lease end falls due again
 * (release-lease.lua). Scores are milliseconds, so only another instance's claim of the
 * same workspace in the same millisecond could share that lease end, and lose its hold. A
 * completed announcement waits for a replica first ({@code ReplicaWait}), so that a
 * promoted replica does not find the decision's job still there and post it again.
 * <p>
 * Why a change made while a job runs is not undone by its completion: a script that sets
 * the same job due again meanwhile (a check-in put off a week, a deadline moved) changes
 * its score from the lease end, and a held job is completed by remove-if-score.lua with
 * that lease end, so the new time stays.
 * <p>
 * Why the single queue of earlier versions is emptied without losing or doubling a job:
 * at start-up, and at every repair, each of its jobs is first held for a lease in that
 * queue (move-if-score.lua), as an instance of an earlier version holds a job it claimed,
 * then added to its workspace's queue once (move-legacy-job.lua remembers the move in the
 * workspace's moved set), then removed from the single queue if still held. A job whose
 * time is within a lease from now may be held by an earlier instance still running, and
 * waits for the next turn.
 * <p>
 * Why the indexes cannot drift from the cuts: the open sets (channel, workspace,
 * facilitator) and the closed set are changed only by insert-cut.lua and finish-cut.lua,
 * in the same script as the cut's status, on the same hash tag.
 * <p>
 * Each script's header says why that script's own step is atomic: the open-cut limits
 * (insert-cut.lua), a check-in asked at most once a day asked (mark-check-in-asked.lua)
 * and answered only by its facilitator while pending (answer-check-in.lua), a reminder at
 * most once per user and slot (mark-reminder.lua), the workspace's reminder pacing
 * (book-reminder-steps.lua). A repeated event delivery or a replayed slash command or
 * form submission is told apart by {@code SET NX} on its event or trigger id. The people
 * cache needs no script ({@link RedisPeopleCache} says why).
 */
final class Keys {

	/** The single job queue of earlier versions. */
	static final String LEGACY_JOBS = "scopecut:jobs";

	static final String DUE_REPAIR = "scopecut:due-repair";

	/** How many shards the due index has; each is on a slot of its own. */
	static final int DUE_SHARDS = 16;

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

	static String openBy(String workspace, String user) {
		return prefix(workspace) + "open-by:" + user;
	}

	static String installation(String team) {
		return prefix(team) + "installation";
	}

	static String enterpriseInstallation(String enterprise) {
		return prefix(enterprise) + "enterprise-installation";
	}

	static String tokenRefresh(String installation) {
		return prefix(installation) + "token-refresh";
	}

	static String oauthState(String state) {
		return "scopecut:oauth-state:" + state;
	}

	static String openIn(String workspace) {
		return prefix(workspace) + "open";
	}

	static String closedIn(String workspace) {
		return prefix(workspace) + "closed";
	}

	static String reminded(CutRef ref, String slot, String user) {
		return prefix(ref.workspace()) + "reminded:" + ref.id() + ":" + slot + ":" + user;
	}

	static String remindedLately(CutRef ref, String user) {
		return prefix(ref.workspace()) + "reminded-lately:" + ref.id() + ":" + user;
	}

	static String remindedByHand(CutRef ref) {
		return prefix(ref.workspace()) + "reminded-by-hand:" + ref.id();
	}

	static String reminderSteps(String workspace) {
		return prefix(workspace) + "reminder-steps";
	}

	static String event(String workspace, String eventId) {
		return prefix(workspace) + "event:" + eventId;
	}

	static String trigger(String workspace, String triggerId) {
		return prefix(workspace) + "trigger:" + triggerId;
	}

	static String person(String workspace, String user) {
		return prefix(workspace) + "person:" + user;
	}

	static String heldOff(String workspace, String method) {
		return prefix(workspace) + "held-off:" + method;
	}

	static String jobs(String workspace) {
		return prefix(workspace) + "jobs";
	}

	static String jobsMoved(String workspace) {
		return prefix(workspace) + "jobs-moved";
	}

	static String due(int shard) {
		return "scopecut:{due-" + shard + "}:workspaces";
	}

	/** The due-index shard of a workspace; the same in every instance and version. */
	static int dueShard(String workspace) {
		return Math.floorMod(workspace.hashCode(), DUE_SHARDS);
	}

	private static String prefix(String workspace) {
		return "scopecut:{" + workspace + "}:";
	}

}
