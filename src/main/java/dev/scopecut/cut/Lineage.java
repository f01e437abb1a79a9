package dev.scopecut.cut;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a cut came from: the closed cut it was started from, and for each item carried
 * over from it, in how many cuts in a row (that one included) the item had been deferred.
 * Carrying that count from parent to child keeps "deferred three times in a row" a
 * property of the cut itself, without reading a chain of parents.
 *
 * @param parent the parent cut's id; null when the cut was started afresh
 * @param parentTitle the parent's title as it was when this cut started
 * @param deferrals by this cut's item id, the consecutive cuts before this one that
 * deferred the item; only items carried from the parent have one
 */
public record Lineage(CutId parent, String parentTitle, Map<Integer, Integer> deferrals) {

	/** A cut started afresh. */
	public static final Lineage NONE = new Lineage(null, "", Map.of());

	/** In this many cuts in a row an item deferred each time is flagged. */
	public static final int FLAGGED_STREAK = 3;

	public Lineage {
		Objects.requireNonNull(parentTitle, "parentTitle");
		deferrals = Map.copyOf(deferrals);
		if (parent == null && !deferrals.isEmpty()) {
			throw new IllegalArgumentException("only a cut with a parent carries items");
		}
	}

	public Optional<CutId> parentId() {
		return Optional.ofNullable(this.parent);
	}

	/** How many of these items were carried from the parent. */
	public int carried(List<Item> items) {
		return (int) items.stream().filter((item) -> this.deferrals.containsKey(item.id())).count();
	}

	/**
	 * In how many cuts in a row the outcome's item has now been deferred, this one
	 * included; 0 when it ships here.
	 */
	public int deferredInARow(Outcome outcome) {
		return outcome.verdict().ships() ? 0 : this.deferrals.getOrDefault(outcome.item().id(), 0) + 1;
	}

	/**
	 * The outcomes whose items have now been deferred in {@link #FLAGGED_STREAK} or more
	 * cuts in a row, in the decision's order.
	 */
	public List<Outcome> longDeferred(Decision decision) {
		return decision.deferred().stream().filter((outcome) -> deferredInARow(outcome) >= FLAGGED_STREAK).toList();
	}

}
