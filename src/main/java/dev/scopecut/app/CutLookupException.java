package dev.scopecut.app;

import java.util.List;
import java.util.Optional;

import dev.scopecut.cut.CutId;

/**
 * The cut a person named, or meant, cannot be found; {@link #reason()} says why, and the
 * Slack side words what to do.
 */
public class CutLookupException extends RuntimeException {

	public enum Reason {

		/** No cut has the {@link #named() named} id in the workspace, or not for them. */
		NO_SUCH_CUT,
		/** None named, and the channel has no open cut. */
		NO_OPEN_CUT,
		/**
		 * None named to export, and the channel has no open cut nor one closed lately.
		 */
		NOTHING_TO_EXPORT,
		/**
		 * None named to follow with a next cut, and the channel has none closed lately.
		 */
		NO_CLOSED_CUT,
		/** None named, and the channel has several {@link #open()} cuts. */
		SEVERAL_OPEN

	}

	private final Reason reason;

	private final CutId named;

	private final List<CutId> open;

	private CutLookupException(Reason reason, CutId named, List<CutId> open) {
		super(reason + ((named != null) ? " " + named : "") + (open.isEmpty() ? "" : " " + open));
		this.reason = reason;
		this.named = named;
		this.open = List.copyOf(open);
	}

	static CutLookupException noSuchCut(CutId named) {
		return new CutLookupException(Reason.NO_SUCH_CUT, named, List.of());
	}

	static CutLookupException noOpenCut() {
		return new CutLookupException(Reason.NO_OPEN_CUT, null, List.of());
	}

	static CutLookupException nothingToExport() {
		return new CutLookupException(Reason.NOTHING_TO_EXPORT, null, List.of());
	}

	static CutLookupException noClosedCut() {
		return new CutLookupException(Reason.NO_CLOSED_CUT, null, List.of());
	}

	static CutLookupException severalOpen(List<CutId> open) {
		return new CutLookupException(Reason.SEVERAL_OPEN, null, open);
	}

	public Reason reason() {
		return this.reason;
	}

	/** The id the person named; empty unless {@link Reason#NO_SUCH_CUT}. */
	public Optional<CutId> named() {
		return Optional.ofNullable(this.named);
	}

	/**
	 * The channel's open cuts, oldest first; empty unless {@link Reason#SEVERAL_OPEN}.
	 */
	public List<CutId> open() {
		return this.open;
	}

}
