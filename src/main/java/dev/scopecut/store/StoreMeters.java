package dev.scopecut.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Gauges read from Redis when scraped. {@code scopecut.redis.up} is a {@code PING}.
 * {@code scopecut.jobs.due} counts jobs due and not claimed, a backlog that should stay
 * near zero: the due index names the workspaces that may have some (one read per shard,
 * at most {@link #DUE_WORKSPACES_COUNTED} workspaces each), then one {@code ZCOUNT} of
 * each of their queues, plus one of the single queue of earlier versions; its cost
 * follows the backlog, not the number of workspaces. {@code scopecut.cuts.open} sums the
 * workspaces' open-cut indexes, found with {@code SCAN} (on every master of a cluster);
 * that walks the key space, so it is done at most once per {@link #OPEN_CUTS_EVERY} and
 * instance, and read from memory in between. While Redis is unreachable they read NaN.
 */
@Component
class StoreMeters implements MeterBinder {

	static final Duration OPEN_CUTS_EVERY = Duration.ofMinutes(1);

	/** The most workspaces of one due-index shard whose queues a scrape counts. */
	static final int DUE_WORKSPACES_COUNTED = 100;

	private final StringRedisTemplate redis;

	private final DueIndex index;

	private final Clock clock;

	private volatile Instant openCountedAt = Instant.MIN;

	private volatile double openCuts = Double.NaN;

	StoreMeters(StringRedisTemplate redis, DueIndex index, Clock clock) {
		this.redis = redis;
		this.index = index;
		this.clock = clock;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("scopecut.jobs.due", this, StoreMeters::jobsDue)
			.description("Jobs due and not yet claimed, all instances together")
			.register(registry);
		Gauge.builder("scopecut.redis.up", this, StoreMeters::redisUp)
			.description("1 while Redis answers a PING, else 0")
			.register(registry);
		Gauge.builder("scopecut.cuts.open", this, StoreMeters::openCuts)
			.description("Open cuts, all workspaces together (counted at most once a minute)")
			.register(registry);
	}

	double redisUp() {
		try {
			return "PONG".equalsIgnoreCase(this.redis.execute(RedisConnection::ping)) ? 1 : 0;
		}
		catch (RuntimeException ex) {
			return 0;
		}
	}

	double jobsDue() {
		long now = this.clock.instant().toEpochMilli();
		try {
			long due = count(Keys.LEGACY_JOBS, now);
			for (int shard = 0; shard < Keys.DUE_SHARDS; shard++) {
				for (DueIndex.Entry entry : this.index.due(shard, now, DUE_WORKSPACES_COUNTED)) {
					due += count(Keys.jobs(entry.workspace()), now);
				}
			}
			return due;
		}
		catch (RuntimeException ex) {
			return Double.NaN;
		}
	}

	private long count(String jobs, long now) {
		Long due = this.redis.opsForZSet().count(jobs, Double.NEGATIVE_INFINITY, now);
		return (due != null) ? due : 0;
	}

	synchronized double openCuts() {
		Instant now = this.clock.instant();
		if (now.isBefore(this.openCountedAt.plus(OPEN_CUTS_EVERY))) {
			return this.openCuts;
		}
		this.openCountedAt = now;
		long open = 0;
		ScanOptions options = ScanOptions.scanOptions().match("scopecut:{*}:open").count(1000).build();
		try {
			for (String key : KeyScans.keys(this.redis, options)) {
				Long size = this.redis.opsForZSet().zCard(key);
				open += (size != null) ? size : 0;
			}
			this.openCuts = open;
		}
		catch (RuntimeException ex) {
			this.openCuts = Double.NaN;
		}
		return this.openCuts;
	}

}
