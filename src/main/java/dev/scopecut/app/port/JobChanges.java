package dev.scopecut.app.port;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Changes to a cut's jobs that the store makes in the same atomic step as the change to
 * the cut they follow from, so that a cut and its jobs change together or not at all.
 * Built by chaining: {@code JobChanges.NONE.schedule(close, deadline).complete(remind)}.
 */
public record JobChanges(List<Change> changes) {

	public static final JobChanges NONE = new JobChanges(List.of());

	public enum Op {

		/** As {@link JobQueue#schedule}: a job already waiting keeps its time. */
		SCHEDULE,
		/** As {@link JobQueue#reschedule}. */
		RESCHEDULE,
		/** As {@link JobQueue#complete}. */
		COMPLETE

	}

	/**
	 * @param at the job's due time; null for {@link Op#COMPLETE}
	 */
	public record Change(Op op, Job job, Instant at) {

		public Change {
			Objects.requireNonNull(op, "op");
			Objects.requireNonNull(job, "job");
			if ((at == null) != (op == Op.COMPLETE)) {
				throw new IllegalArgumentException("a due time goes with SCHEDULE and RESCHEDULE only");
			}
		}

	}

	public JobChanges {
		changes = List.copyOf(changes);
	}

	public JobChanges schedule(Job job, Instant at) {
		return with(new Change(Op.SCHEDULE, job, at));
	}

	public JobChanges reschedule(Job job, Instant at) {
		return with(new Change(Op.RESCHEDULE, job, at));
	}

	public JobChanges complete(Job job) {
		return with(new Change(Op.COMPLETE, job, null));
	}

	/** The earliest due time these changes give a job; empty when they only complete. */
	public Optional<Instant> earliest() {
		return this.changes.stream().map(Change::at).filter(Objects::nonNull).min(Instant::compareTo);
	}

	private JobChanges with(Change change) {
		List<Change> all = new ArrayList<>(this.changes);
		all.add(change);
		return new JobChanges(all);
	}

}
