package dev.scopecut.app;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import dev.scopecut.cut.Edit;
import dev.scopecut.app.port.CutSnapshot;

/**
 * A cut and its votes as read for a record, with when they were read: for an open cut,
 * the standing as of that instant; with the facilitator's edits, oldest first.
 */
public record CutReading(CutSnapshot snapshot, Instant readAt, List<Edit> edits) {

	public CutReading {
		Objects.requireNonNull(snapshot, "snapshot");
		Objects.requireNonNull(readAt, "readAt");
		edits = List.copyOf(edits);
	}

	public CutReading(CutSnapshot snapshot, Instant readAt) {
		this(snapshot, readAt, List.of());
	}

}
