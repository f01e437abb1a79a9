package dev.scopecut.store;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.Limit;
import org.springframework.data.redis.connection.RedisZSetCommands.ZAddArgs;
import org.springframework.data.redis.connection.zset.Tuple;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * The due index: which workspaces may have due jobs, in {@link Keys#DUE_SHARDS} shards
 * (why it may lag without losing or doubling a job is in {@link Keys}). A write that does
 * not reach its shard is kept here and tried again before every claim.
 */
@Component
class DueIndex {

	/** A workspace's entry: no job of its queue is due before {@code dueMillis}. */
	record Entry(String workspace, long dueMillis) {
	}

	private final StringRedisTemplate redis;

	private final RedisGuard guard;

	private final Map<String, Long> unwritten = new ConcurrentHashMap<>();

	DueIndex(StringRedisTemplate redis, RedisGuard guard) {
		this.redis = redis;
		this.guard = guard;
	}

	/**
	 * Lowers the workspace's entry to {@code dueMillis}, or adds it; never raises it. A
	 * failure is kept and retried by {@link #retryUnwritten}, not thrown: the job itself
	 * is saved.
	 */
	void lower(String workspace, long dueMillis) {
		try {
			write(workspace, dueMillis);
		}
		catch (RuntimeException ex) {
			this.unwritten.merge(workspace, dueMillis, Math::min);
		}
	}

	/** Writes what {@link #lower} could not; what still fails waits for the next call. */
	void retryUnwritten() {
		for (String workspace : List.copyOf(this.unwritten.keySet())) {
			Long dueMillis = this.unwritten.remove(workspace);
			if (dueMillis != null) {
				lower(workspace, dueMillis);
			}
		}
	}

	/** How many writes wait for their shard. */
	int unwritten() {
		return this.unwritten.size();
	}

	/** The shard's workspaces due by {@code nowMillis}, earliest first. */
	List<Entry> due(int shard, long nowMillis, int max) {
		byte[] key = bytes(Keys.due(shard));
		Set<Tuple> tuples = this.guard
			.call(() -> this.redis.execute((RedisCallback<Set<Tuple>>) (connection) -> connection.zSetCommands()
				.zRangeByScoreWithScores(key, Range.closed(Double.NEGATIVE_INFINITY, (double) nowMillis),
						Limit.limit().count(max))));
		List<Entry> entries = new ArrayList<>();
		for (Tuple tuple : (tuples != null) ? tuples : Set.<Tuple>of()) {
			entries.add(new Entry(new String(tuple.getValue(), StandardCharsets.UTF_8), tuple.getScore().longValue()));
		}
		return entries;
	}

	/**
	 * Moves the entry, as read, to what its queue said after a claim ({@code null}: the
	 * queue is empty), then lowers it for any job scheduled since the claim.
	 */
	void settle(Entry read, Long nextMillis) {
		String workspace = read.workspace();
		this.guard.call(() -> this.redis.execute(Scripts.SETTLE_DUE, List.of(Keys.due(Keys.dueShard(workspace))),
				workspace, Long.toString(read.dueMillis()), (nextMillis != null) ? Long.toString(nextMillis) : ""));
		Long first = firstDue(workspace);
		if (first != null && (nextMillis == null || first < nextMillis)) {
			lower(workspace, first);
		}
	}

	/** When the workspace's first job is due (or its lease ends); null with no job. */
	Long firstDue(String workspace) {
		Set<org.springframework.data.redis.core.ZSetOperations.TypedTuple<String>> first = this.guard
			.call(() -> this.redis.opsForZSet().rangeWithScores(Keys.jobs(workspace), 0, 0));
		if (first == null || first.isEmpty()) {
			return null;
		}
		return first.iterator().next().getScore().longValue();
	}

	private void write(String workspace, long dueMillis) {
		byte[] key = bytes(Keys.due(Keys.dueShard(workspace)));
		byte[] member = bytes(workspace);
		this.guard.call(() -> this.redis.execute((RedisCallback<Boolean>) (connection) -> connection.zSetCommands()
			.zAdd(key, dueMillis, member, ZAddArgs.empty().lt())));
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
