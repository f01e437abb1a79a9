package dev.scopecut.app.port;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Due work shared by every instance. A claimed job is leased, not removed: if its
 * claimant dies before completing it, the job falls due again when the lease runs out.
 */
public interface JobQueue {

	/**
	 * Adds the job at the given time; a job already waiting (or claimed) keeps its time.
	 */
	void schedule(Job job, Instant due);

	/** Moves a job, claimed or not, to the given time. */
	void reschedule(Job job, Instant due);

	/**
	 * Claims up to {@code max} due jobs for {@code lease}: no other caller gets them.
	 */
	List<Job> claimDue(Instant now, Duration lease, int max);

	/** Removes a job that is done. */
	void complete(Job job);

}
