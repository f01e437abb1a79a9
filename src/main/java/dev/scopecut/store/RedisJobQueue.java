package dev.scopecut.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.DataType;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.ZSetOperations.TypedTuple;
import org.springframework.stereotype.Component;

import dev.scopecut.app.port.Job;
import dev.scopecut.app.port.JobChanges;
import dev.scopecut.app.port.JobQueue;
import dev.scopecut.app.port.Metrics;
import dev.scopecut.app.port.StoreUnavailableException;
import dev.scopecut.cut.CutId;
import dev.scopecut.cut.CutRef;

/**
 * The job queue as one sorted set per workspace of "KIND|workspace|cutId" (and "|detail"
 * when the job has one) scored by due time, found through the {@link DueIndex} (layout
 * and why no job is lost or run twice in {@link Keys}). Scheduling is ZADD NX (a waiting
 * job keeps its time, which is what coalesces refreshes); claiming is one script per
 * workspace that moves due jobs to the end of their lease, and says how late each one was
 * claimed. This instance remembers the lease of each job it holds, so that a job whose
 * run found Redis away is handed back or completed as soon as its slot answers again,
 * while the lease is still this instance's ({@link #release}).
 */
@Component
class RedisJobQueue implements JobQueue {

	/** How often the due index is repaired from the queues, by one instance at a time. */
	static final Duration REPAIR_EVERY = Duration.ofMinutes(1);

	/** How long a workspace remembers the jobs moved from the single queue. */
	static final Duration MOVED_KEPT = Duration.ofDays(7);

	private static final Duration RETRY_MAINTENANCE = Duration.ofSeconds(5);

	/**
	 * How soon a job whose run found Redis away falls due again: about the time a
	 * failover takes.
	 */
	static final Duration RETRY_AFTER = Duration.ofSeconds(1);

	/** How often the hand-backs Redis did not take are tried again. */
	private static final Duration RETRY_HAND_BACKS = Duration.ofMillis(500);

	private static final int LEGACY_BATCH = 500;

	private static final Logger log = LoggerFactory.getLogger(RedisJobQueue.class);

	private final StringRedisTemplate redis;

	private final RedisGuard guard;

	private final DueIndex index;

	private final Metrics metrics;

	private final String instance = UUID.randomUUID().toString();

	private final AtomicInteger nextShard = new AtomicInteger();

	private volatile long maintenanceDueMillis = Long.MIN_VALUE;

	/** The lease end (its score) of each job this instance claimed and still holds. */
	private final Map<String, Long> held = new ConcurrentHashMap<>();

	/** What Redis did not take yet of jobs this instance held, by member. */
	private final Map<String, HandBack> handBacks = new ConcurrentHashMap<>();

	/** Claims whose answer never came, by "workspace@lease end". */
	private final Map<String, UnansweredClaim> unansweredClaims = new ConcurrentHashMap<>();

	private volatile long handBacksDueMillis = Long.MIN_VALUE;

	private record UnansweredClaim(String workspace, long leaseEnd) {
	}

	/**
	 * A held job to complete, or to make due again soon, as long as it still has its
	 * lease's score (no one else took or moved it).
	 */
	private record HandBack(Job job, long leaseEnd, boolean complete) {
	}

	private final Clock clock;

	private final ReplicaWait replicaWait;

	RedisJobQueue(StringRedisTemplate redis, RedisGuard guard, DueIndex index, Metrics metrics, Clock clock,
			ReplicaWait replicaWait) {
		this.replicaWait = replicaWait;
		this.clock = clock;
		this.redis = redis;
		this.guard = guard;
		this.index = index;
		this.metrics = metrics;
	}

	@Override
	public void schedule(Job job, Instant due) {
		String workspace = job.cut().workspace();
		this.guard
			.call(() -> this.redis.opsForZSet().addIfAbsent(Keys.jobs(workspace), member(job), due.toEpochMilli()));
		this.index.lower(workspace, due.toEpochMilli());
	}

	@Override
	public void reschedule(Job job, Instant due) {
		String workspace = job.cut().workspace();
		this.guard.call(() -> this.redis.opsForZSet().add(Keys.jobs(workspace), member(job), due.toEpochMilli()));
		this.held.remove(member(job));
		this.index.lower(workspace, due.toEpochMilli());
	}

	/**
	 * Claims due jobs workspace by workspace, starting from another shard each time so
	 * that every shard gets its turn. A shard or workspace whose master does not answer
	 * is skipped and tried again at the next claim; this throws only when none answers.
	 */
	@Override
	@SuppressWarnings("unchecked")
	public List<Job> claimDue(Instant now, Duration lease, int max) {
		long nowMillis = now.toEpochMilli();
		maintain(nowMillis, lease);
		this.index.retryUnwritten();
		retryHandBacks(nowMillis);
		List<Job> claimed = new ArrayList<>();
		StoreUnavailableException unavailable = null;
		boolean answered = false;
		int first = Math.floorMod(this.nextShard.getAndIncrement(), Keys.DUE_SHARDS);
		for (int i = 0; i < Keys.DUE_SHARDS && claimed.size() < max; i++) {
			List<DueIndex.Entry> due;
			try {
				// A few more than wanted, so that a workspace whose master is away
				// does not hold back the others of its shard.
				due = this.index.due((first + i) % Keys.DUE_SHARDS, nowMillis, 2 * max + 4);
			}
			catch (StoreUnavailableException ex) {
				unavailable = ex;
				continue;
			}
			answered = true;
			for (DueIndex.Entry entry : due) {
				if (claimed.size() >= max) {
					break;
				}
				List<Object> result;
				long leaseEnd = now.plus(lease).toEpochMilli();
				try {
					int wanted = max - claimed.size();
					result = this.guard
						.call(() -> this.redis.execute(Scripts.CLAIM_JOBS, List.of(Keys.jobs(entry.workspace())),
								Long.toString(nowMillis), Long.toString(leaseEnd), Integer.toString(wanted)));
				}
				catch (StoreUnavailableException ex) {
					// A master slow rather than gone may still run the claim:
					// its jobs would wait out a lease no one here holds.
					this.unansweredClaims.put(entry.workspace() + "@" + leaseEnd,
							new UnansweredClaim(entry.workspace(), leaseEnd));
					unavailable = ex;
					continue;
				}
				List<Object> jobsAndTimes = (List<Object>) result.get(0);
				for (int j = 0; j + 1 < jobsAndTimes.size(); j += 2) {
					Job job = job(jobsAndTimes.get(j).toString());
					long dueMillis = (long) Double.parseDouble(jobsAndTimes.get(j + 1).toString());
					this.metrics.jobClaimed(job.kind(), Duration.ofMillis(Math.max(0, nowMillis - dueMillis)));
					this.held.put(member(job), leaseEnd);
					claimed.add(job);
				}
				String next = result.get(1).toString();
				try {
					this.index.settle(entry, next.isEmpty() ? null : (long) Double.parseDouble(next));
				}
				catch (StoreUnavailableException ex) {
					// The entry stays as read, due: the next claim looks again.
				}
			}
		}
		if (!answered && unavailable != null) {
			throw unavailable;
		}
		return claimed;
	}

	@Override
	public void complete(Job job) {
		String member = member(job);
		Long heldUntil = this.held.get(member);
		try {
			if (heldUntil != null) {
				// Only while it still has this claim's lease end as its score: a change
				// made while it ran (a check-in put off a week, a deadline moved) set the
				// same member due again, and is not this run's to remove.
				this.guard.call(() -> this.redis.execute(Scripts.REMOVE_IF_SCORE,
						List.of(Keys.jobs(job.cut().workspace())), member, Long.toString(heldUntil)));
			}
			else {
				this.guard.call(() -> this.redis.opsForZSet().remove(Keys.jobs(job.cut().workspace()), member));
			}
			if (job.kind() == Job.Kind.ANNOUNCE) {
				// A decision posted: were its job's removal on the master alone,
				// a failover could bring the job back to post it again.
				this.replicaWait.afterWrite(Keys.jobs(job.cut().workspace()));
			}
			this.held.remove(member);
		}
		catch (StoreUnavailableException ex) {
			Long leaseEnd = this.held.remove(member);
			if (leaseEnd != null) {
				// Done, say a decision posted: it must not run again when its lease ends.
				this.handBacks.put(member, new HandBack(job, leaseEnd, true));
			}
			throw ex;
		}
	}

	/**
	 * A job still held once its run is over was neither completed nor moved: handed back
	 * due in {@link #RETRY_AFTER}, now or, if Redis does not answer, at a later claim.
	 */
	@Override
	public void release(Job job) {
		String member = member(job);
		Long leaseEnd = this.held.remove(member);
		if (leaseEnd != null) {
			this.handBacks.putIfAbsent(member, new HandBack(job, leaseEnd, false));
		}
		HandBack handBack = this.handBacks.get(member);
		if (handBack != null) {
			handBack(member, handBack, this.clock.millis());
		}
	}

	/**
	 * Tries again, every {@link #RETRY_HAND_BACKS}, what Redis did not take; a lease that
	 * has ended is no longer this instance's to change.
	 */
	private void retryHandBacks(long nowMillis) {
		if ((this.handBacks.isEmpty() && this.unansweredClaims.isEmpty()) || nowMillis < this.handBacksDueMillis) {
			return;
		}
		this.handBacksDueMillis = nowMillis + RETRY_HAND_BACKS.toMillis();
		this.handBacks.forEach((member, handBack) -> handBack(member, handBack, nowMillis));
		this.unansweredClaims.forEach((key, claim) -> releaseLease(key, claim, nowMillis));
	}

	/**
	 * Hands back whatever a claim whose answer never came may have leased, once its slot
	 * answers and while that lease has not ended (release-lease.lua).
	 */
	private void releaseLease(String key, UnansweredClaim claim, long nowMillis) {
		if (nowMillis >= claim.leaseEnd()) {
			this.unansweredClaims.remove(key);
			return;
		}
		long due = nowMillis + RETRY_AFTER.toMillis();
		try {
			Long released = this.guard.call(() -> this.redis.execute(Scripts.RELEASE_LEASE,
					List.of(Keys.jobs(claim.workspace())), Long.toString(claim.leaseEnd()), Long.toString(due)));
			if (released != null && released > 0) {
				this.index.lower(claim.workspace(), due);
			}
			this.unansweredClaims.remove(key);
		}
		catch (RuntimeException ex) {
			// Still away: tried again at a later claim, until the lease ends.
		}
	}

	private void handBack(String member, HandBack handBack, long nowMillis) {
		if (nowMillis >= handBack.leaseEnd()) {
			this.handBacks.remove(member);
			return;
		}
		String workspace = handBack.job().cut().workspace();
		String leaseEnd = Long.toString(handBack.leaseEnd());
		try {
			if (handBack.complete()) {
				this.guard.call(() -> this.redis.execute(Scripts.REMOVE_IF_SCORE, List.of(Keys.jobs(workspace)), member,
						leaseEnd));
			}
			else {
				long due = nowMillis + RETRY_AFTER.toMillis();
				Long moved = this.guard.call(() -> this.redis.execute(Scripts.MOVE_IF_SCORE,
						List.of(Keys.jobs(workspace)), member, leaseEnd, Long.toString(due)));
				if (Long.valueOf(1).equals(moved)) {
					this.index.lower(workspace, due);
				}
			}
			this.handBacks.remove(member);
		}
		catch (RuntimeException ex) {
			// Its slot is still away: tried again at a later claim, until the lease ends.
		}
	}

	/**
	 * At the first claim, and every {@link #REPAIR_EVERY} after: empties the single queue
	 * of earlier versions, and, for one instance at a time, repairs the due index from
	 * the queues. A Redis that does not answer puts it off a few seconds.
	 */
	private void maintain(long nowMillis, Duration lease) {
		if (nowMillis < this.maintenanceDueMillis) {
			return;
		}
		try {
			moveLegacyJobs(nowMillis, lease);
			Boolean repairing = this.guard.call(() -> this.redis.opsForValue()
				.setIfAbsent(Keys.DUE_REPAIR, this.instance, REPAIR_EVERY.minusSeconds(1)));
			if (Boolean.TRUE.equals(repairing)) {
				repairIndex();
			}
			this.maintenanceDueMillis = nowMillis + REPAIR_EVERY.toMillis();
		}
		catch (RuntimeException ex) {
			log.warn("The job queues' upkeep waits for Redis: {}", ex.getMessage());
			this.maintenanceDueMillis = nowMillis + RETRY_MAINTENANCE.toMillis();
		}
	}

	/**
	 * Moves the jobs of the single queue of earlier versions ({@link Keys#LEGACY_JOBS})
	 * into their workspaces' queues, each one held, added once, then removed (why this
	 * neither loses nor doubles a job is in {@link Keys}). A job due within a lease from
	 * now may be held by an instance of an earlier version, and waits for the next turn.
	 * @return how many jobs were moved
	 */
	int moveLegacyJobs(long nowMillis, Duration lease) {
		int moved = 0;
		Set<TypedTuple<String>> batch = this.guard
			.call(() -> this.redis.opsForZSet().rangeWithScores(Keys.LEGACY_JOBS, 0, LEGACY_BATCH - 1));
		long leaseEnd = nowMillis + lease.toMillis();
		for (TypedTuple<String> entry : (batch != null) ? batch : Set.<TypedTuple<String>>of()) {
			String member = entry.getValue();
			long due = entry.getScore().longValue();
			Job job;
			try {
				job = job(member);
			}
			catch (RuntimeException ex) {
				log.warn("A job of the single queue is not one: {}", member);
				continue;
			}
			if (due > nowMillis && due <= leaseEnd) {
				continue;
			}
			String held = Long.toString(Math.max(leaseEnd, due + 1));
			Long isHeld = this.guard.call(() -> this.redis.execute(Scripts.MOVE_IF_SCORE, List.of(Keys.LEGACY_JOBS),
					member, Long.toString(due), held));
			if (!Long.valueOf(1).equals(isHeld)) {
				continue;
			}
			String workspace = job.cut().workspace();
			this.guard.call(() -> this.redis.execute(Scripts.MOVE_LEGACY_JOB,
					List.of(Keys.jobs(workspace), Keys.jobsMoved(workspace)), member, Long.toString(due),
					Long.toString(due), held, Long.toString(MOVED_KEPT.toSeconds())));
			this.index.lower(workspace, due);
			this.guard.call(() -> this.redis.execute(Scripts.REMOVE_IF_SCORE, List.of(Keys.LEGACY_JOBS), member, held));
			moved++;
		}
		if (moved > 0) {
			log.info("Moved {} jobs from the single queue of an earlier version to their workspaces' queues", moved);
		}
		return moved;
	}

	/**
	 * Lowers every workspace's index entry to its queue's first job, scanning every
	 * master for the queues: brings back an entry that an instance died before writing.
	 * @return how many queues were seen
	 */
	int repairIndex() {
		ScanOptions options = ScanOptions.scanOptions()
			.match("scopecut:{*}:jobs")
			.type(DataType.ZSET)
			.count(1000)
			.build();
		List<String> workspaces = this.guard.call(() -> KeyScans.keys(this.redis, options))
			.stream()
			.map(RedisJobQueue::workspaceOf)
			.toList();
		for (String workspace : workspaces) {
			Long first = this.index.firstDue(workspace);
			if (first != null) {
				this.index.lower(workspace, first);
			}
		}
		return workspaces.size();
	}

	/** The workspace of a key "scopecut:{T123}:jobs". */
	private static String workspaceOf(String name) {
		return name.substring(name.indexOf('{') + 1, name.lastIndexOf('}'));
	}

	/**
	 * The changes as one argument of a script that applies them (apply-jobs.lua): one
	 * line each, "op TAB due-millis TAB member".
	 */
	static String encode(JobChanges changes) {
		StringBuilder lines = new StringBuilder();
		for (JobChanges.Change change : changes.changes()) {
			String op = switch (change.op()) {
				case SCHEDULE -> "S";
				case RESCHEDULE -> "R";
				case COMPLETE -> "C";
			};
			String due = (change.at() != null) ? Long.toString(change.at().toEpochMilli()) : "";
			lines.append(op).append('\t').append(due).append('\t').append(member(change.job())).append('\n');
		}
		return lines.toString();
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
