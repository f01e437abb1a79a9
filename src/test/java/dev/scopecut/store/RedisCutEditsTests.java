package dev.scopecut.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.scopecut.app.port.CutSnapshot;
import dev.scopecut.app.port.EditOutcome;
import dev.scopecut.app.port.JobChanges;
import dev.scopecut.app.port.VoteResult;
import dev.scopecut.cut.Choice;
import dev.scopecut.cut.Cut;
import dev.scopecut.cut.CutDetails;
import dev.scopecut.cut.CutStatus;
import dev.scopecut.cut.Edit;
import dev.scopecut.cut.Item;

/** The edit scripts against a real Redis: each one atomic, on the cut's own keys. */
class RedisCutEditsTests extends RedisStoreTest {

	static final Instant NOW = RedisCutStoreTests.NOW;

	static final dev.scopecut.cut.CutRef REF = RedisCutStoreTests.REF;

	RedisCutStore store;

	@BeforeEach
	void store() {
		this.store = new RedisCutStore(template, new RedisGuard(),
				new StoreProperties(Duration.ofDays(90), null, Duration.ofMillis(250)),
				new DueIndex(template, new RedisGuard()), ReplicaWait.off(), shared);
	}

	static Edit edit(Edit.Kind kind, String detail) {
		return new Edit(kind, NOW, "U_ANN", detail);
	}

	@Test
	void anAddedItemTakesANewIdAndCanBeVotedOn() {
		this.store.insert(RedisCutStoreTests.cut(REF, "C1"), JobChanges.NONE);

		assertThat(this.store.addItem(REF, "dark mode", 30, edit(Edit.Kind.ADD, "dark mode"), JobChanges.NONE))
			.isEqualTo(EditOutcome.DONE);

		Cut cut = this.store.find(REF).orElseThrow();
		assertThat(cut.items()).last().isEqualTo(new Item(4, "dark mode"));
		assertThat(this.store.vote(REF, "U_BOB", 4, Choice.SHIP, NOW, JobChanges.NONE).outcome())
			.isEqualTo(VoteResult.Outcome.RECORDED);
		assertThat(this.store.version(REF)).isEqualTo(2);
	}

	@Test
	void aRemovedItemsIdIsNeverGivenAgainSoItsOldVotesCannotComeBack() {
		this.store.insert(RedisCutStoreTests.cut(REF, "C1"), JobChanges.NONE);
		this.store.vote(REF, "U_BOB", 3, Choice.SHIP, NOW, JobChanges.NONE);
		this.store.vote(REF, "U_CAT", 3, Choice.DEFER, NOW, JobChanges.NONE);
		this.store.vote(REF, "U_BOB", 1, Choice.SHIP, NOW, JobChanges.NONE);

		assertThat(this.store.removeItem(REF, 3, edit(Edit.Kind.REMOVE, "share link"), JobChanges.NONE))
			.isEqualTo(EditOutcome.DONE);
		this.store.addItem(REF, "dark mode", 30, edit(Edit.Kind.ADD, "dark mode"), JobChanges.NONE);

		CutSnapshot snapshot = this.store.snapshot(REF).orElseThrow();
		assertThat(snapshot.cut().items()).extracting(Item::id).containsExactly(1, 2, 4);
		assertThat(template.opsForHash().entries(Keys.votes(REF))).isEqualTo(Map.of("1:U_BOB", "S"));
		assertThat(template.opsForHash().hasKey(Keys.cut(REF), "item:3")).isFalse();
		assertThat(snapshot.tally().voterCount()).isEqualTo(1);
		assertThat(this.store.vote(REF, "U_BOB", 3, Choice.SHIP, NOW, JobChanges.NONE).outcome())
			.isEqualTo(VoteResult.Outcome.NOT_FOUND);
	}

	@Test
	void theStoreRefusesAFullCutADuplicateTheLastItemAndAMissingOne() {
		this.store.insert(RedisCutStoreTests.cut(REF, "C1", List.of(), false, 0), JobChanges.NONE);

		assertThat(this.store.addItem(REF, "Email Signup", 30, edit(Edit.Kind.ADD, "x"), JobChanges.NONE))
			.isEqualTo(EditOutcome.DUPLICATE);
		assertThat(this.store.addItem(REF, "one more", 3, edit(Edit.Kind.ADD, "x"), JobChanges.NONE))
			.isEqualTo(EditOutcome.FULL);
		assertThat(this.store.removeItem(REF, 9, edit(Edit.Kind.REMOVE, "x"), JobChanges.NONE))
			.isEqualTo(EditOutcome.NO_ITEM);
		this.store.removeItem(REF, 1, edit(Edit.Kind.REMOVE, "email signup"), JobChanges.NONE);
		this.store.removeItem(REF, 2, edit(Edit.Kind.REMOVE, "create project"), JobChanges.NONE);
		assertThat(this.store.removeItem(REF, 3, edit(Edit.Kind.REMOVE, "x"), JobChanges.NONE))
			.isEqualTo(EditOutcome.LAST_ITEM);

		assertThat(this.store.find(REF).orElseThrow().items()).containsExactly(new Item(3, "share link"));
		assertThat(this.store.history(REF)).extracting(Edit::detail).containsExactly("email signup", "create project");
	}

	@Test
	void anExtensionMovesTheDeadlineAndIsKeptInTheHistory() {
		Cut cut = RedisCutStoreTests.cut(REF, "C1");
		this.store.insert(cut, JobChanges.NONE);

		assertThat(
				this.store.extendDeadline(REF, Duration.ofHours(2), edit(Edit.Kind.EXTEND, "by 2h"), JobChanges.NONE))
			.contains(cut.settings().deadline().plus(Duration.ofHours(2)));

		assertThat(this.store.find(REF).orElseThrow().settings().deadline())
			.isEqualTo(cut.settings().deadline().plus(Duration.ofHours(2)));
		assertThat(this.store.history(REF)).containsExactly(new Edit(Edit.Kind.EXTEND, NOW, "U_ANN", "by 2h"));
	}

	@Test
	void aClosedCutTakesNoEditAndItsHistoryExpiresWithIt() {
		this.store.insert(RedisCutStoreTests.cut(REF, "C1"), JobChanges.NONE);
		this.store.addItem(REF, "dark mode", 30, edit(Edit.Kind.ADD, "dark mode\twith a tab"), JobChanges.NONE);
		this.store.finish(REF, CutStatus.CLOSED, NOW, JobChanges.NONE);

		assertThat(this.store.addItem(REF, "sso", 30, edit(Edit.Kind.ADD, "sso"), JobChanges.NONE))
			.isEqualTo(EditOutcome.NOT_OPEN);
		assertThat(this.store.removeItem(REF, 1, edit(Edit.Kind.REMOVE, "x"), JobChanges.NONE))
			.isEqualTo(EditOutcome.NOT_OPEN);
		assertThat(this.store.extendDeadline(REF, Duration.ofHours(1), edit(Edit.Kind.EXTEND, "x"), JobChanges.NONE))
			.isEmpty();

		assertThat(this.store.find(REF).orElseThrow().items()).hasSize(4);
		assertThat(this.store.history(REF)).extracting(Edit::detail).containsExactly("dark mode\twith a tab");
		long ninetyDays = Duration.ofDays(90).toSeconds();
		assertThat(template.getExpire(Keys.history(REF))).isBetween(ninetyDays - 5, ninetyDays);
	}

	@Test
	void theHistoryKeepsOnlyTheLatestEdits() {
		this.store.insert(RedisCutStoreTests.cut(REF, "C1"), JobChanges.NONE);
		for (int i = 0; i < 60; i++) {
			this.store.extendDeadline(REF, Duration.ofMinutes(1), edit(Edit.Kind.EXTEND, "edit " + i), JobChanges.NONE);
		}

		List<Edit> history = this.store.history(REF);
		assertThat(history).hasSize(50);
		assertThat(history.get(0).detail()).isEqualTo("edit 10");
		assertThat(history.get(49).detail()).isEqualTo("edit 59");
	}

	@Test
	void removingTheOnlyItemSomeoneHadNotVotedOnSaysEveryoneHasVoted() {
		this.store.insert(RedisCutStoreTests.chosen(REF, "C1"), JobChanges.NONE);
		for (String voter : List.of("U_ANN", "U_BOB")) {
			this.store.vote(REF, voter, 1, Choice.SHIP, NOW, JobChanges.NONE);
			this.store.vote(REF, voter, 2, Choice.DEFER, NOW, JobChanges.NONE);
		}

		assertThat(this.store.removeItem(REF, 3, edit(Edit.Kind.REMOVE, "share link"), JobChanges.NONE))
			.isEqualTo(EditOutcome.DONE_EVERYONE_VOTED);
	}

	@Test
	void onACutOpenToTheChannelRemovingAnItemCountsItsMembersOnly() {
		this.store.insert(RedisCutStoreTests.cut(REF, "C1", List.of(), true, 0), JobChanges.NONE);
		this.store.setMembers(REF, List.of("U_ANN", "U_BOB"), JobChanges.NONE);
		this.store.vote(REF, "U_ANN", 1, Choice.SHIP, NOW, JobChanges.NONE);
		this.store.vote(REF, "U_NEW", 1, Choice.SHIP, NOW, JobChanges.NONE);
		this.store.vote(REF, "U_NEW", 2, Choice.SHIP, NOW, JobChanges.NONE);
		this.store.vote(REF, "U_ANN", 2, Choice.SHIP, NOW, JobChanges.NONE);
		this.store.vote(REF, "U_BOB", 1, Choice.DEFER, NOW, JobChanges.NONE);

		// the fields now outnumber members x items, but Bob has not voted on item 2
		assertThat(this.store.removeItem(REF, 3, edit(Edit.Kind.REMOVE, "share link"), JobChanges.NONE))
			.isEqualTo(EditOutcome.DONE);
		assertThat(this.store.removeItem(REF, 2, edit(Edit.Kind.REMOVE, "create project"), JobChanges.NONE))
			.isEqualTo(EditOutcome.DONE_EVERYONE_VOTED);
	}

	@Test
	void changedDetailsAreStoredWithTheirEditOnlyWhileTheCutIsOpen() {
		this.store.insert(RedisCutStoreTests.cut(REF, "C1"), JobChanges.NONE);
		CutDetails before = new CutDetails("Sharing app 0.1", "What do we learn?", 2, 2);
		CutDetails after = new CutDetails("Sharing app 0.2", "", 3, 0);
		Edit edit = edit(Edit.Kind.CHANGE, "title “Sharing app 0.1” → “Sharing app 0.2”");

		assertThat(this.store.changeDetails(REF, before, after, edit, JobChanges.NONE)).isEqualTo(EditOutcome.DONE);

		Cut cut = this.store.find(REF).orElseThrow();
		assertThat(CutDetails.of(cut)).isEqualTo(after);
		assertThat(cut.settings().anonymous()).isTrue();
		assertThat(this.store.version(REF)).isEqualTo(1);
		assertThat(this.store.history(REF)).containsExactly(edit);
		this.store.finish(REF, CutStatus.CLOSED, NOW, JobChanges.NONE);
		assertThat(this.store.changeDetails(REF, after, before, edit, JobChanges.NONE)).isEqualTo(EditOutcome.NOT_OPEN);
		assertThat(CutDetails.of(this.store.find(REF).orElseThrow())).isEqualTo(after);
		assertThat(this.store.history(REF)).containsExactly(edit);
	}

	@Test
	void detailsTheCutAlreadyHasChangeNothingAndRecordNothing() {
		this.store.insert(RedisCutStoreTests.cut(REF, "C1"), JobChanges.NONE);
		CutDetails current = new CutDetails("Sharing app 0.1", "What do we learn?", 2, 2);

		assertThat(this.store.changeDetails(REF, current, current, edit(Edit.Kind.CHANGE, "nothing"), JobChanges.NONE))
			.isEqualTo(EditOutcome.UNCHANGED);

		assertThat(this.store.version(REF)).isZero();
		assertThat(template.hasKey(Keys.history(REF))).isFalse();
	}

	@Test
	void aRemovalThatWouldLeaveFewerItemsThanTheCapacityIsRefusedSoARaisedCapacityHolds() {
		this.store.insert(RedisCutStoreTests.cut(REF, "C1"), JobChanges.NONE);
		CutDetails current = new CutDetails("Sharing app 0.1", "What do we learn?", 2, 2);
		// The capacity raised to every item, as an edit racing a removal may leave it.
		this.store.changeDetails(REF, current, new CutDetails("Sharing app 0.1", "What do we learn?", 3, 2),
				edit(Edit.Kind.CHANGE, "capacity 2 → 3"), JobChanges.NONE);

		assertThat(this.store.removeItem(REF, 3, edit(Edit.Kind.REMOVE, "share link"), JobChanges.NONE))
			.isEqualTo(EditOutcome.BELOW_CAPACITY);

		assertThat(this.store.find(REF).orElseThrow().items()).hasSize(3);
		assertThat(this.store.history(REF)).extracting(Edit::kind).containsExactly(Edit.Kind.CHANGE);
	}

	@Test
	void detailsChangedMeanwhileOrACapacityAboveTheItemsLeftAreRefused() {
		this.store.insert(RedisCutStoreTests.cut(REF, "C1"), JobChanges.NONE);
		CutDetails current = new CutDetails("Sharing app 0.1", "What do we learn?", 2, 2);
		CutDetails stale = new CutDetails("Sharing app 0.0", "What do we learn?", 2, 2);
		this.store.removeItem(REF, 3, edit(Edit.Kind.REMOVE, "share link"), JobChanges.NONE);

		assertThat(this.store.changeDetails(REF, stale, new CutDetails("Mine", "", 2, 2), edit(Edit.Kind.CHANGE, "x"),
				JobChanges.NONE))
			.isEqualTo(EditOutcome.CHANGED_MEANWHILE);
		assertThat(this.store.changeDetails(REF, current, new CutDetails("Sharing app 0.1", "", 3, 2),
				edit(Edit.Kind.CHANGE, "x"), JobChanges.NONE))
			.isEqualTo(EditOutcome.CHANGED_MEANWHILE);

		assertThat(CutDetails.of(this.store.find(REF).orElseThrow())).isEqualTo(current);
		assertThat(this.store.history(REF)).extracting(Edit::kind).containsExactly(Edit.Kind.REMOVE);
	}

}
