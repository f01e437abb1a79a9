package dev.scopecut.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The Lua scripts beside this class; each is a single atomic step on one cluster slot.
 */
final class Scripts {

	static final RedisScript<String> INSERT_CUT = load("insert-cut", String.class, "apply-jobs");

	@SuppressWarnings("rawtypes")
	static final RedisScript<List> VOTE = load("vote", List.class, "every-member-voted", "apply-jobs");

	static final RedisScript<Long> FINISH_CUT = load("finish-cut", Long.class, "apply-jobs");

	@SuppressWarnings("rawtypes")
	static final RedisScript<List> SNAPSHOT = load("snapshot", List.class);

	@SuppressWarnings("rawtypes")
	static final RedisScript<List> CHOICES_OF = load("choices-of", List.class);

	@SuppressWarnings("rawtypes")
	static final RedisScript<List> ADD_ITEM = load("add-item", List.class, "apply-jobs");

	static final RedisScript<String> REMOVE_ITEM = load("remove-item", String.class, "every-member-voted",
			"apply-jobs");

	static final RedisScript<Long> EXTEND_DEADLINE = load("extend-deadline", Long.class, "apply-jobs");

	static final RedisScript<String> CHANGE_DETAILS = load("change-details", String.class, "apply-jobs");

	static final RedisScript<Long> SET_IF_EXISTS = load("set-if-exists", Long.class);

	static final RedisScript<Long> MARK_SHOWN = load("mark-shown", Long.class);

	static final RedisScript<Long> RELEASE_LOCK = load("release-lock", Long.class);

	static final RedisScript<Long> SET_MEMBERS = load("set-members", Long.class, "apply-jobs");

	static final RedisScript<String> MARK_REMINDER = load("mark-reminder", String.class);

	static final RedisScript<Long> MARK_BY_HAND = load("mark-by-hand", Long.class);

	@SuppressWarnings("rawtypes")
	static final RedisScript<List> BOOK_REMINDER_STEPS = load("book-reminder-steps", List.class);

	@SuppressWarnings("rawtypes")
	static final RedisScript<List> CLAIM_JOBS = load("claim-jobs", List.class);

	static final RedisScript<Long> SETTLE_DUE = load("settle-due", Long.class);

	static final RedisScript<Long> MOVE_IF_SCORE = load("move-if-score", Long.class);

	static final RedisScript<Long> RELEASE_LEASE = load("release-lease", Long.class);

	static final RedisScript<Long> MOVE_LEGACY_JOB = load("move-legacy-job", Long.class);

	static final RedisScript<Long> REMOVE_IF_SCORE = load("remove-if-score", Long.class);

	static final RedisScript<String> ANSWER_CHECK_IN = load("answer-check-in", String.class, "apply-jobs");

	static final RedisScript<Long> MARK_CHECK_IN_ASKED = load("mark-check-in-asked", Long.class);

	private Scripts() {
	}

	/**
	 * Read once, as text, and hashed once: a script made from a resource checks the
	 * resource's modification time on every call to decide whether to hash it again,
	 * which cost 6% of the vote path, and Spring's own script takes a lock on every call
	 * to read its hash, on which a vote flood's threads queued before their
	 * acknowledgement. The named function files go first: a script cannot include them.
	 */
	private static <T> RedisScript<T> load(String name, Class<T> type, String... functions) {
		StringBuilder script = new StringBuilder();
		for (String function : functions) {
			script.append(text(function)).append('\n');
		}
		RedisScript<T> hashed = RedisScript.of(script.append(text(name)).toString(), type);
		return new Hashed<>(hashed.getScriptAsString(), hashed.getSha1(), type);
	}

	/** A script and its SHA-1, fixed: nothing to lock when Redis is asked to run it. */
	private record Hashed<T>(String getScriptAsString, String getSha1,
			Class<T> getResultType) implements RedisScript<T> {
	}

	private static String text(String name) {
		try {
			return new ClassPathResource("dev/scopecut/store/" + name + ".lua")
				.getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Redis script " + name + " is missing", ex);
		}
	}

}
