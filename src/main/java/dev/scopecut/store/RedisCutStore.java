package dev.scopecut.store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

import dev.scopecut.app.port.BallotResult;
import dev.scopecut.app.port.CutSnapshot;
import dev.scopecut.app.port.CutStore;
import dev.scopecut.app.port.EditOutcome;
import dev.scopecut.app.port.InsertOutcome;
import dev.scopecut.app.port.JobChanges;
import dev.scopecut.app.port.StoreUnavailableException;
import dev.scopecut.app.port.VoteResult;
import dev.scopecut.app.port.VoterChoices;
import dev.scopecut.app.port.WorkspaceCuts;
import dev.scopecut.cut.CheckIn;
import dev.scopecut.cut.Choice;
import dev.scopecut.cut.Cut;
import dev.scopecut.cut.CutDetails;
import dev.scopecut.cut.CutId;
import dev.scopecut.cut.CutRef;
import dev.scopecut.cut.CutEdits;
import dev.scopecut.cut.CutStatus;
import dev.scopecut.cut.Edit;

/**
 * Keeps cuts in Redis (layout in {@link Keys}). Why each write is atomic: every change is
 * one Lua script or one single-key command, and Redis runs a script with nothing in
 * between, so the check ("is the cut open? has it the item?") and the write cannot be
 * split by another instance. A vote is a set, not an increment: the votes hash holds one
 * field per voter and item, so a repeated or retried click cannot count twice and needs
 * no read-modify-write.
 */
@Component
class RedisCutStore implements CutStore, WorkspaceCuts {

	/** How many of a workspace's latest closed cuts its index keeps, for App Home. */
	static final int CLOSED_KEPT = 200;

	/**
	 * The outcomes the voter is told "You voted" for: on a replica first (ReplicaWait).
	 */
	private static final Set<VoteResult.Outcome> ACKNOWLEDGED_AS_VOTED = EnumSet.of(VoteResult.Outcome.RECORDED,
			VoteResult.Outcome.CHANGED, VoteResult.Outcome.UNCHANGED);

	private final StringRedisTemplate redis;

	private final RedisGuard guard;

	private final Duration retention;

	private final DueIndex index;

	private final ReplicaWait replicaWait;

	private final SharedConnection shared;

	RedisCutStore(StringRedisTemplate redis, RedisGuard guard, StoreProperties properties, DueIndex index,
			ReplicaWait replicaWait, SharedConnection shared) {
		this.replicaWait = replicaWait;
		this.shared = shared;
		this.redis = redis;
		this.guard = guard;
		this.retention = properties.retention();
		this.index = index;
	}

	@Override
	public InsertOutcome insert(Cut cut, JobChanges jobs) {
		List<String> args = new ArrayList<>();
		args.add(cut.ref().id().value());
		args.add(CutHash.millis(cut.createdAt()));
		args.add(Integer.toString(MAX_OPEN_IN_CHANNEL));
		args.add(Integer.toString(MAX_OPEN_BY_FACILITATOR));
		args.add(RedisJobQueue.encode(jobs));
		CutHash.fields(cut).forEach((field, value) -> {
			args.add(field);
			args.add(value);
		});
		String inserted = changingJobs(cut.ref(), jobs,
				() -> this.redis.execute(Scripts.INSERT_CUT, List.of(Keys.cut(cut.ref()),
						Keys.openIn(cut.ref().workspace(), cut.channel()), Keys.openIn(cut.ref().workspace()),
						Keys.openBy(cut.ref().workspace(), cut.facilitator()), Keys.jobs(cut.ref().workspace())),
						args.toArray()));
		InsertOutcome outcome = InsertOutcome.valueOf(inserted);
		scheduled(cut.ref(), jobs, outcome == InsertOutcome.INSERTED);
		return outcome;
	}

	@Override
	public Optional<Cut> find(CutRef ref) {
		Map<Object, Object> hash = this.guard.call(() -> this.redis.opsForHash().entries(Keys.cut(ref)));
		return hash.isEmpty() ? Optional.empty() : Optional.of(CutHash.cut(ref, strings(hash)));
	}

	@Override
	public List<Cut> openIn(String workspace, String channel) {
		Set<String> ids = this.guard.call(() -> this.redis.opsForZSet().range(Keys.openIn(workspace, channel), 0, -1));
		List<Cut> cuts = new ArrayList<>();
		for (String id : ids) {
			CutId.parse(id).flatMap((cutId) -> find(new CutRef(workspace, cutId))).ifPresent(cuts::add);
		}
		return cuts;
	}

	@Override
	public List<CutSnapshot> open(String workspace, int max) {
		return snapshots(workspace,
				this.guard.call(() -> this.redis.opsForZSet().reverseRange(Keys.openIn(workspace), 0, max - 1)));
	}

	@Override
	public List<CutSnapshot> recentlyClosed(String workspace, int max) {
		return snapshots(workspace,
				this.guard.call(() -> this.redis.opsForZSet().reverseRange(Keys.closedIn(workspace), 0, max - 1)));
	}

	/** The cuts of the ids listed, in order; an id whose cut has expired is skipped. */
	private List<CutSnapshot> snapshots(String workspace, Set<String> ids) {
		List<CutSnapshot> snapshots = new ArrayList<>();
		for (String id : (ids != null) ? ids : Set.<String>of()) {
			CutId.parse(id).flatMap((cutId) -> snapshot(new CutRef(workspace, cutId))).ifPresent(snapshots::add);
		}
		return snapshots;
	}

	@Override
	public VoteResult vote(CutRef ref, String voter, int itemId, Choice choice, Instant at, JobChanges refresh) {
		List<Object> result = cast(ref, voter, Map.of(itemId, choice), at, refresh);
		VoteResult.Outcome outcome = VoteResult.Outcome.valueOf(result.get(2).toString());
		if (ACKNOWLEDGED_AS_VOTED.contains(outcome)) {
			this.replicaWait.afterWrite(Keys.cut(ref));
		}
		return new VoteResult(outcome, result.get(3).toString(),
				scheduled(ref, refresh, "1".equals(result.get(0).toString())), "1".equals(result.get(1).toString()));
	}

	@Override
	public BallotResult ballot(CutRef ref, String voter, Map<Integer, Choice> choices, Instant at, JobChanges refresh) {
		List<Object> result = cast(ref, voter, choices, at, refresh);
		Map<Integer, VoteResult.Outcome> outcomes = new java.util.LinkedHashMap<>();
		int i = 2;
		for (Integer itemId : choices.keySet()) {
			outcomes.put(itemId, VoteResult.Outcome.valueOf(result.get(i).toString()));
			i += 2;
		}
		if (outcomes.values().stream().anyMatch(ACKNOWLEDGED_AS_VOTED::contains)) {
			this.replicaWait.afterWrite(Keys.cut(ref));
		}
		return new BallotResult(outcomes, scheduled(ref, refresh, "1".equals(result.get(0).toString())),
				"1".equals(result.get(1).toString()));
	}

	/**
	 * One run of vote.lua, on the shared connection without the template (the vote path's
	 * one script): the refresh ask, whether everyone voted, then each vote's outcome and
	 * item text.
	 */
	private List<Object> cast(CutRef ref, String voter, Map<Integer, Choice> choices, Instant at, JobChanges refresh) {
		List<String> args = new ArrayList<>(List.of(voter, CutHash.millis(at), Long.toString(REFRESH_REASK.toMillis()),
				RedisJobQueue.encode(refresh)));
		choices.forEach((itemId, choice) -> {
			args.add(Integer.toString(itemId));
			args.add(CutHash.code(choice));
		});
		return changingJobs(ref, refresh, () -> this.shared.list(Scripts.VOTE,
				List.of(Keys.cut(ref), Keys.votes(ref), Keys.jobs(ref.workspace())), args));
	}

	@Override
	public boolean setMembers(CutRef ref, List<String> members, JobChanges jobs) {
		Long set = changingJobs(ref, jobs,
				() -> this.redis.execute(Scripts.SET_MEMBERS, List.of(Keys.cut(ref), Keys.jobs(ref.workspace())),
						String.join(",", members), RedisJobQueue.encode(jobs)));
		return scheduled(ref, jobs, Long.valueOf(1).equals(set));
	}

	@Override
	public void attachMessage(CutRef ref, String messageTs) {
		setIfExists(ref, CutHash.MESSAGE_TS, messageTs);
	}

	@Override
	public boolean finish(CutRef ref, CutStatus status, Instant at, JobChanges jobs) {
		Cut cut = find(ref).orElse(null);
		if (cut == null) {
			return false;
		}
		Long finished = changingJobs(ref, jobs,
				() -> this.redis.execute(Scripts.FINISH_CUT,
						List.of(Keys.cut(ref), Keys.votes(ref), Keys.openIn(ref.workspace(), cut.channel()),
								Keys.history(ref), Keys.openIn(ref.workspace()), Keys.closedIn(ref.workspace()),
								Keys.openBy(ref.workspace(), cut.facilitator()), Keys.jobs(ref.workspace())),
						status.name(), CutHash.millis(at), Long.toString(kept(cut, at).toSeconds()), ref.id().value(),
						Integer.toString(CLOSED_KEPT), RedisJobQueue.encode(jobs)));
		if (Long.valueOf(1).equals(finished)) {
			this.replicaWait.afterWrite(Keys.cut(ref));
		}
		return scheduled(ref, jobs, Long.valueOf(1).equals(finished));
	}

	/**
	 * How long a finished cut is kept: the retention, and for a cut with a check-in at
	 * least the retention after its day, so that it is there to ask and its answer is
	 * kept as long as a decision is.
	 */
	private Duration kept(Cut cut, Instant at) {
		return cut.checkInState()
			.map((checkIn) -> Duration.between(at, CheckIn.earliestAsk(checkIn.on())).plus(this.retention))
			.filter((untilAsked) -> untilAsked.compareTo(this.retention) > 0)
			.orElse(this.retention);
	}

	@Override
	@SuppressWarnings("unchecked")
	public Optional<CutSnapshot> snapshot(CutRef ref) {
		List<Object> both = this.guard.call(
				() -> this.redis.execute(Scripts.SNAPSHOT, List.of(Keys.cut(ref), Keys.votes(ref), Keys.history(ref))));
		Map<String, String> cut = pairs((List<Object>) both.get(0));
		if (cut.isEmpty()) {
			return Optional.empty();
		}
		Map<String, String> votes = pairs((List<Object>) both.get(1));
		return Optional.of(new CutSnapshot(CutHash.cut(ref, cut), CutHash.ballots(votes),
				Long.parseLong(cut.get(CutHash.VERSION)), CutHash.instant(cut.get(CutHash.SHOWN_AT)),
				CutHash.instant(cut.get(CutHash.UNSHOWN_SINCE)), edit(both.get(2).toString()).orElse(null)));
	}

	@Override
	@SuppressWarnings("unchecked")
	public Optional<VoterChoices> choicesOf(CutRef ref, String voter) {
		List<Object> both = this.guard
			.call(() -> this.redis.execute(Scripts.CHOICES_OF, List.of(Keys.cut(ref), Keys.votes(ref)), voter));
		Map<String, String> cut = pairs((List<Object>) both.get(0));
		if (cut.isEmpty()) {
			return Optional.empty();
		}
		Map<Integer, Choice> choices = new java.util.HashMap<>();
		pairs((List<Object>) both.get(1))
			.forEach((itemId, code) -> choices.put(Integer.parseInt(itemId), CutHash.choice(code)));
		return Optional.of(new VoterChoices(CutHash.cut(ref, cut), choices));
	}

	@Override
	public void markShown(CutRef ref, Instant at, long version) {
		this.guard.call(() -> this.redis.execute(Scripts.MARK_SHOWN, List.of(Keys.cut(ref)), CutHash.millis(at),
				Long.toString(version)));
	}

	@Override
	public long version(CutRef ref) {
		Object version = this.guard.call(() -> this.redis.opsForHash().get(Keys.cut(ref), CutHash.VERSION));
		return (version != null) ? Long.parseLong(version.toString()) : 0;
	}

	@Override
	@SuppressWarnings("unchecked")
	public EditOutcome addItem(CutRef ref, String text, int maxItems, Edit edit, JobChanges jobs) {
		List<Object> result = changingJobs(ref, jobs, () -> this.redis.execute(Scripts.ADD_ITEM,
				List.of(Keys.cut(ref), Keys.history(ref), Keys.jobs(ref.workspace())), text, Integer.toString(maxItems),
				entry(edit), Integer.toString(CutEdits.HISTORY_MAX), RedisJobQueue.encode(jobs)));
		return edited(ref, jobs, EditOutcome.valueOf(result.get(0).toString()));
	}

	@Override
	public EditOutcome removeItem(CutRef ref, int itemId, Edit edit, JobChanges jobs) {
		String result = changingJobs(ref, jobs,
				() -> this.redis.execute(Scripts.REMOVE_ITEM,
						List.of(Keys.cut(ref), Keys.votes(ref), Keys.history(ref), Keys.jobs(ref.workspace())),
						Integer.toString(itemId), entry(edit), Integer.toString(CutEdits.HISTORY_MAX),
						RedisJobQueue.encode(jobs)));
		return edited(ref, jobs, EditOutcome.valueOf(result));
	}

	@Override
	public Optional<Instant> extendDeadline(CutRef ref, Duration extension, Edit edit, JobChanges jobs) {
		Long deadline = changingJobs(ref, jobs,
				() -> this.redis.execute(Scripts.EXTEND_DEADLINE,
						List.of(Keys.cut(ref), Keys.history(ref), Keys.jobs(ref.workspace())),
						Long.toString(extension.toMillis()), entry(edit), Integer.toString(CutEdits.HISTORY_MAX),
						RedisJobQueue.encode(jobs)));
		boolean extended = deadline != null && deadline >= 0;
		return scheduled(ref, jobs, extended) ? Optional.of(Instant.ofEpochMilli(deadline)) : Optional.empty();
	}

	@Override
	public EditOutcome changeDetails(CutRef ref, CutDetails before, CutDetails after, Edit edit, JobChanges jobs) {
		String result = changingJobs(ref, jobs, () -> this.redis.execute(Scripts.CHANGE_DETAILS,
				List.of(Keys.cut(ref), Keys.history(ref), Keys.jobs(ref.workspace())), before.title(),
				before.question(), Integer.toString(before.capacity()), Integer.toString(before.quorum()),
				after.title(), after.question(), Integer.toString(after.capacity()), Integer.toString(after.quorum()),
				entry(edit), Integer.toString(CutEdits.HISTORY_MAX), RedisJobQueue.encode(jobs)));
		return edited(ref, jobs, EditOutcome.valueOf(result));
	}

	@Override
	public List<Edit> history(CutRef ref) {
		List<String> entries = this.guard.call(() -> this.redis.opsForList().range(Keys.history(ref), 0, -1));
		List<Edit> edits = new ArrayList<>();
		for (String entry : (entries != null) ? entries : List.<String>of()) {
			edit(entry).ifPresent(edits::add);
		}
		return edits;
	}

	/**
	 * A history entry read back; empty when it is not one ({@link #entry} writes them).
	 */
	private static Optional<Edit> edit(String entry) {
		String[] parts = entry.split("\t", 4);
		if (parts.length != 4) {
			return Optional.empty();
		}
		return Optional.of(new Edit(Edit.Kind.valueOf(parts[2]), Instant.ofEpochMilli(Long.parseLong(parts[0])),
				parts[1], parts[3]));
	}

	/**
	 * After a script that made the job changes when it changed the cut: lowers the
	 * workspace's entry in the due index for the earliest of them (see {@link Keys}).
	 * @return {@code done}
	 */
	/**
	 * Runs a script that changes the cut's jobs. When its answer does not come, the
	 * master may still have run it or run it late (no client can tell a timed-out command
	 * from a lost one): the workspace's due-index entry is lowered all the same, so that
	 * a job it scheduled is found; an entry too early costs one claim that finds nothing.
	 */
	private <T> T changingJobs(CutRef ref, JobChanges jobs, Supplier<T> script) {
		try {
			return this.guard.call(script);
		}
		catch (StoreUnavailableException ex) {
			scheduled(ref, jobs, true);
			throw ex;
		}
	}

	private boolean scheduled(CutRef ref, JobChanges jobs, boolean done) {
		if (done) {
			jobs.earliest().ifPresent((at) -> this.index.lower(ref.workspace(), at.toEpochMilli()));
		}
		return done;
	}

	private EditOutcome edited(CutRef ref, JobChanges jobs, EditOutcome outcome) {
		scheduled(ref, jobs, outcome == EditOutcome.DONE || outcome == EditOutcome.DONE_EVERYONE_VOTED);
		return outcome;
	}

	/** One edit as a history entry: at, by, kind and detail, separated by tabs. */
	private static String entry(Edit edit) {
		return CutHash.millis(edit.at()) + "\t" + edit.by() + "\t" + edit.kind().name() + "\t" + edit.detail();
	}

	private void setIfExists(CutRef ref, String field, String value) {
		this.guard.call(
				() -> this.redis.execute(Scripts.SET_IF_EXISTS, List.of(Keys.cut(ref)), CutHash.STATUS, field, value));
	}

	private static Map<String, String> strings(Map<Object, Object> hash) {
		Map<String, String> strings = new java.util.HashMap<>();
		hash.forEach((field, value) -> strings.put(field.toString(), value.toString()));
		return strings;
	}

	/** HGETALL's flat reply, field, value, field, value..., as a map. */
	private static Map<String, String> pairs(List<Object> flat) {
		Map<String, String> map = new java.util.LinkedHashMap<>();
		for (int i = 0; i + 1 < flat.size(); i += 2) {
			map.put(flat.get(i).toString(), flat.get(i + 1).toString());
		}
		return map;
	}

}
