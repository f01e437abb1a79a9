package dev.scopecut.app.port;

/** What the store made of one edit, checked in the same atomic step as the change. */
public enum EditOutcome {

	/** Done. */
	DONE,
	/**
	 * Done, and on a cut set to close when everyone has voted, every chosen voter has now
	 * voted on every remaining item.
	 */
	DONE_EVERYONE_VOTED,
	/** The cut is missing, closed or cancelled; nothing changed. */
	NOT_OPEN,
	/** The cut already has the most items; nothing added. */
	FULL,
	/** An item with that text (ignoring case) is already listed; nothing added. */
	DUPLICATE,
	/** The item is the cut's last; nothing removed. */
	LAST_ITEM,
	/** The cut has no such item; nothing removed. */
	NO_ITEM,
	/** Removing the item would leave fewer items than the capacity; nothing removed. */
	BELOW_CAPACITY,
	/** The cut already has the details asked for; nothing changed, nothing recorded. */
	UNCHANGED,
	/**
	 * The details changed, or items went below the capacity asked for, since the cut was
	 * read; nothing changed.
	 */
	CHANGED_MEANWHILE

}
