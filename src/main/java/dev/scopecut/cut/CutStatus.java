package dev.scopecut.cut;

/** Where a cut is in its life. Only an open cut takes votes. */
public enum CutStatus {

	OPEN, CLOSED, CANCELLED

}
