package dev.scopecut.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Gauges read from Redis when scraped. {@code scopecut.redis.up} is a {@code PING}.
 * {@code scopecut.jobs.due} is one {@code ZCOUNT} of the job queue: jobs due and not
 * claimed, a backlog that should stay near zero. {@code scopecut.cuts.open} sums the
 * workspaces' open-cut indexes, found with {@code SCAN}; that walks the key space, so it
 * is done at most once per {@link #OPEN_CUTS_EVERY} and instance, and read from memory in
 * between. While Redis is unreachable both read NaN.
 */
@Component
class StoreMeters implements MeterBinder {

	static final Duration OPEN_CUTS_EVERY = Duration.ofMinutes(1);

	private final StringRedisTemplate redis;

	private final Clock clock;

	private volatile Instant openCountedAt = Instant.MIN;

	private volatile double openCuts = Double.NaN;

	StoreMeters(StringRedisTemplate redis, Clock clock) {
		this.redis = redis;
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
		Long due = this.redis.opsForZSet()
			.count(Keys.JOBS, Double.NEGATIVE_INFINITY, this.clock.instant().toEpochMilli());
		return (due != null) ? due : Double.NaN;
	}

	synchronized double openCuts() {
		Instant now = this.clock.instant();
		if (now.isBefore(this.openCountedAt.plus(OPEN_CUTS_EVERY))) {
			return this.openCuts;
		}
		this.openCountedAt = now;
		long open = 0;
		ScanOptions options = ScanOptions.scanOptions().match("scopecut:{*}:open").count(1000).build();
		try (Cursor<String> keys = this.redis.scan(options)) {
			while (keys.hasNext()) {
				Long size = this.redis.opsForZSet().zCard(keys.next());
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
