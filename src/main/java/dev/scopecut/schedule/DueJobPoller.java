package dev.scopecut.schedule;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

import dev.scopecut.app.CutJobs;
import dev.scopecut.app.port.Job;
import dev.scopecut.app.port.JobQueue;
import dev.scopecut.app.port.StoreUnavailableException;

/**
 * Claims due jobs from the shared queue every {@link #POLL_INTERVAL} and runs them. Only
 * as many jobs are claimed as there are idle workers, so a claimed job never sits here
 * while its lease runs out. Nothing is timed in memory: a restarted instance finds every
 * job in Redis.
 */
@Component
public class DueJobPoller implements SmartLifecycle {

	static final Duration POLL_INTERVAL = Duration.ofMillis(100);

	/**
	 * Longer than any one job takes; a job whose claimant died is retried after it (one
	 * whose run found Redis away, within seconds: {@link JobQueue#release}).
	 */
	static final Duration LEASE = Duration.ofSeconds(30);

	static final int WORKERS = 4;

	private static final Logger log = LoggerFactory.getLogger(DueJobPoller.class);

	private final JobQueue queue;

	private final CutJobs jobs;

	private final Clock clock;

	private final AtomicInteger running = new AtomicInteger();

	/** Held while claiming and handing jobs to the workers; notified when none runs. */
	private final Object claims = new Object();

	/** Guarded by {@link #claims}: no claim is made while true. */
	private boolean paused;

	private ScheduledExecutorService poller;

	private ExecutorService workers;

	private volatile boolean storeWasDown;

	DueJobPoller(JobQueue queue, CutJobs jobs, Clock clock) {
		this.queue = queue;
		this.jobs = jobs;
		this.clock = clock;
	}

	@Override
	public void start() {
		this.workers = Executors.newFixedThreadPool(WORKERS, new CustomizableThreadFactory("due-job-"));
		this.poller = Executors.newSingleThreadScheduledExecutor(new CustomizableThreadFactory("due-poll-"));
		this.poller.scheduleWithFixedDelay(this::poll, 0, POLL_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
	}

	void poll() {
		synchronized (this.claims) {
			if (!this.paused) {
				claim();
			}
		}
	}

	private void claim() {
		int idle = WORKERS - this.running.get();
		if (idle <= 0) {
			return;
		}
		List<Job> due;
		try {
			due = this.queue.claimDue(this.clock.instant(), LEASE, idle);
		}
		catch (StoreUnavailableException ex) {
			if (!this.storeWasDown) {
				log.warn("Due jobs wait for Redis: {}", ex.getMessage());
			}
			this.storeWasDown = true;
			return;
		}
		catch (RuntimeException ex) {
			log.error("Claiming due jobs failed", ex);
			return;
		}
		this.storeWasDown = false;
		for (Job job : due) {
			this.running.incrementAndGet();
			// Logged when claimed, not when a worker starts it: a job claimed before a
			// stop may start after it.
			if (log.isDebugEnabled()) {
				try (JobContext context = JobContext.of(job)) {
					log.debug("Claimed");
				}
			}
			this.workers.execute(() -> {
				try (JobContext context = JobContext.of(job)) {
					this.jobs.run(job);
					log.debug("Finished");
				}
				finally {
					this.queue.release(job);
					synchronized (this.claims) {
						if (this.running.decrementAndGet() == 0) {
							this.claims.notifyAll();
						}
					}
				}
			});
		}
	}

	/** The job in every log line of its thread, taken out again when closed. */
	private interface JobContext extends AutoCloseable {

		static JobContext of(Job job) {
			MDC.put("job", job.kind().name());
			MDC.put("workspace", job.cut().workspace());
			MDC.put("cut", job.cut().id().value());
			return () -> {
				MDC.remove("job");
				MDC.remove("workspace");
				MDC.remove("cut");
			};
		}

		@Override
		void close();

	}

	/**
	 * Stops claiming, waits until no claimed job runs, does the work, then claims again:
	 * what the work clears (a test's Redis and fake Slack) no job of before can write to
	 * after it.
	 * @throws IllegalStateException when the jobs still run after a {@link #LEASE}
	 */
	public void whilePaused(Runnable work) throws InterruptedException {
		synchronized (this.claims) {
			this.paused = true;
			long deadline = System.nanoTime() + LEASE.toNanos();
			while (this.running.get() > 0) {
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					this.paused = false;
					throw new IllegalStateException(this.running.get() + " due jobs still run after " + LEASE);
				}
				TimeUnit.NANOSECONDS.timedWait(this.claims, left);
			}
		}
		try {
			work.run();
		}
		finally {
			synchronized (this.claims) {
				this.paused = false;
			}
		}
	}

	/**
	 * Stops claiming, lets a claim under way hand its jobs to the workers, then waits for
	 * the jobs held to finish: after a graceful shutdown no job stays leased to a process
	 * that is gone.
	 */
	@Override
	public void stop() {
		this.poller.shutdown();
		try {
			this.poller.awaitTermination(5, TimeUnit.SECONDS);
			log.info("Stopped claiming due jobs; finishing the {} held", this.running.get());
			this.workers.shutdown();
			if (!this.workers.awaitTermination(10, TimeUnit.SECONDS)) {
				log.warn("Stopped waiting for due jobs with {} still running: their leases lapse and another "
						+ "instance runs them again", this.running.get());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.poller != null && !this.poller.isShutdown();
	}

}
