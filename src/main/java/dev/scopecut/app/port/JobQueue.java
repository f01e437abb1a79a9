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

	/**
	 * Ends this caller's hold on a job it claimed, once its run is over. A job the run
	 * neither completed nor moved (the store did not answer) falls due again within
	 * seconds rather than when its lease ends; one whose completion the store did not
	 * take is completed once it answers, before the lease ends, so it does not run again.
	 */
	void release(Job job);

}
