package dev.scopecut.store;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

import dev.scopecut.app.port.CheckInStore;
import dev.scopecut.app.port.JobChanges;
import dev.scopecut.cut.CheckIn;
import dev.scopecut.cut.CheckInAnswer;
import dev.scopecut.cut.CutRef;

/**
 * Keeps a cut's check-in in the cut's own hash (fields in {@link CutHash}, layout in
 * {@link Keys}): answers and moves by answer-check-in.lua, asks marked by
 * mark-check-in-asked.lua, each one step on the cut's slot that checks and writes
 * together; the rest are single-key commands.
 */
@Component
class RedisCheckIns implements CheckInStore {

	private final StringRedisTemplate redis;

	private final RedisGuard guard;

	private final DueIndex index;

	private final ReplicaWait replicaWait;

	private final Duration retention;

	RedisCheckIns(StringRedisTemplate redis, RedisGuard guard, DueIndex index, ReplicaWait replicaWait,
			StoreProperties properties) {
		this.retention = properties.retention();
		this.redis = redis;
		this.guard = guard;
		this.index = index;
		this.replicaWait = replicaWait;
	}

	@Override
	public boolean markAsked(CutRef ref, LocalDate on) {
		Long marked = this.guard
			.call(() -> this.redis.execute(Scripts.MARK_CHECK_IN_ASKED, List.of(Keys.cut(ref)), on.toString()));
		return Long.valueOf(1).equals(marked);
	}

	@Override
	public void unmarkAsked(CutRef ref, LocalDate on) {
		this.guard.call(() -> this.redis.opsForHash().delete(Keys.cut(ref), CutHash.CHECK_IN_ASKED));
	}

	@Override
	public void attachAsk(CutRef ref, String channel, String ts) {
		setIfExists(ref, CutHash.CHECK_IN_MESSAGE, channel + " " + ts);
	}

	@Override
	public Optional<String> ask(CutRef ref) {
		return field(ref, CutHash.CHECK_IN_MESSAGE);
	}

	@Override
	public Outcome answer(CutRef ref, String user, CheckInAnswer answer, JobChanges jobs) {
		return run(ref, jobs, user, answer.kind().name(), answer.text(), CutHash.millis(answer.at()));
	}

	@Override
	public Outcome postpone(CutRef ref, String user, LocalDate from, LocalDate next, Instant at, JobChanges jobs) {
		// Kept as a finished cut is: the retention after the day it is asked.
		Duration keep = Duration.between(at, CheckIn.earliestAsk(next)).plus(this.retention);
		return run(ref, jobs, user, "NOT_YET", from.toString(), next.toString(), Long.toString(keep.toSeconds()));
	}

	private Outcome run(CutRef ref, JobChanges jobs, String user, String kind, String... rest) {
		Object[] args = new Object[3 + rest.length];
		args[0] = user;
		args[1] = kind;
		args[2] = RedisJobQueue.encode(jobs);
		System.arraycopy(rest, 0, args, 3, rest.length);
		String outcome = this.guard.call(() -> this.redis.execute(Scripts.ANSWER_CHECK_IN,
				List.of(Keys.cut(ref), Keys.votes(ref), Keys.history(ref), Keys.jobs(ref.workspace())), args));
		Outcome answered = Outcome.valueOf(outcome);
		if (answered == Outcome.DONE) {
			this.replicaWait.afterWrite(Keys.cut(ref));
			jobs.earliest().ifPresent((at) -> this.index.lower(ref.workspace(), at.toEpochMilli()));
		}
		return answered;
	}

	@Override
	public void attachDecision(CutRef ref, String ts) {
		setIfExists(ref, CutHash.DECISION_TS, ts);
	}

	@Override
	public Optional<String> decisionTs(CutRef ref) {
		return field(ref, CutHash.DECISION_TS);
	}

	private Optional<String> field(CutRef ref, String field) {
		Object value = this.guard.call(() -> this.redis.opsForHash().get(Keys.cut(ref), field));
		return Optional.ofNullable(value).map(Object::toString);
	}

	private void setIfExists(CutRef ref, String field, String value) {
		this.guard.call(
				() -> this.redis.execute(Scripts.SET_IF_EXISTS, List.of(Keys.cut(ref)), CutHash.STATUS, field, value));
	}

}
