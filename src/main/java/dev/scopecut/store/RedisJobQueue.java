package dev.scopecut.store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

import dev.scopecut.app.Job;
import dev.scopecut.app.JobQueue;
import dev.scopecut.app.Metrics;
import dev.scopecut.cut.CutId;
import dev.scopecut.cut.CutRef;

/**
 * The job queue as one sorted set of "KIND|workspace|cutId" (and "|detail" when the job
 * has one) scored by due time. Scheduling is ZADD NX (a waiting job keeps its time, which
 * is what coalesces refreshes); claiming is one script that moves due jobs to the end of
 * their lease, and says how late each one was claimed.
 */
@Component
class RedisJobQueue implements JobQueue {

	private final StringRedisTemplate redis;

	private final RedisGuard guard;

	private final Metrics metrics;

	RedisJobQueue(StringRedisTemplate redis, RedisGuard guard, Metrics metrics) {
		this.redis = redis;
		this.guard = guard;
		this.metrics = metrics;
	}

	@Override
	public void schedule(Job job, Instant due) {
		this.guard.call(() -> this.redis.opsForZSet().addIfAbsent(Keys.JOBS, member(job), due.toEpochMilli()));
	}

	@Override
	public void reschedule(Job job, Instant due) {
		this.guard.call(() -> this.redis.opsForZSet().add(Keys.JOBS, member(job), due.toEpochMilli()));
	}

	@Override
	@SuppressWarnings("unchecked")
	public List<Job> claimDue(Instant now, Duration lease, int max) {
		List<Object> claimed = this.guard
			.call(() -> this.redis.execute(Scripts.CLAIM_JOBS, List.of(Keys.JOBS), Long.toString(now.toEpochMilli()),
					Long.toString(now.plus(lease).toEpochMilli()), Integer.toString(max)));
		List<Job> jobs = new ArrayList<>(claimed.size() / 2);
		for (int i = 0; i + 1 < claimed.size(); i += 2) {
			Job job = job(claimed.get(i).toString());
			long due = (long) Double.parseDouble(claimed.get(i + 1).toString());
			this.metrics.jobClaimed(job.kind(), Duration.ofMillis(Math.max(0, now.toEpochMilli() - due)));
			jobs.add(job);
		}
		return jobs;
	}

	@Override
	public void complete(Job job) {
		this.guard.call(() -> this.redis.opsForZSet().remove(Keys.JOBS, member(job)));
	}

	static String member(Job job) {
		String member = job.kind() + "|" + job.cut().workspace() + "|" + job.cut().id();
		return job.detail().isEmpty() ? member : member + "|" + job.detail();
	}

	static Job job(String member) {
		String[] parts = member.split("\\|", 4);
		return new Job(Job.Kind.valueOf(parts[0]), new CutRef(parts[1], new CutId(parts[2])),
				(parts.length == 4) ? parts[3] : "");
	}

}
