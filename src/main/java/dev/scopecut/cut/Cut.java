package dev.scopecut.cut;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A scope cut: the items a team votes on, who runs it, and where it stands.
 *
 * @param messageTs the Slack timestamp of the cut's message; null until it is posted
 * @param closedAt when the cut was closed or cancelled; null while open
 */
public record Cut(CutRef ref, String channel, String facilitator, String title, List<Item> items, CutSettings settings,
		CutStatus status, Instant createdAt, Instant closedAt, String messageTs) {

	public Cut {
		Objects.requireNonNull(ref, "ref");
		Objects.requireNonNull(channel, "channel");
		Objects.requireNonNull(facilitator, "facilitator");
		Objects.requireNonNull(title, "title");
		Objects.requireNonNull(settings, "settings");
		Objects.requireNonNull(status, "status");
		Objects.requireNonNull(createdAt, "createdAt");
		items = List.copyOf(items);
	}

	/**
	 * A new open cut from a checked draft; items are numbered from 1 in the order listed.
	 */
	public static Cut open(CutRef ref, String channel, String facilitator, CutDraft draft, Instant now) {
		List<Item> items = new ArrayList<>();
		for (String text : draft.items()) {
			items.add(new Item(items.size() + 1, text));
		}
		return new Cut(ref, channel, facilitator, draft.title(), items, draft.settings(), CutStatus.OPEN, now, null,
				null);
	}

	public boolean isOpen() {
		return this.status == CutStatus.OPEN;
	}

	public boolean isFacilitator(String user) {
		return this.facilitator.equals(user);
	}

	public Optional<Item> item(int id) {
		return this.items.stream().filter((item) -> item.id() == id).findFirst();
	}

}
