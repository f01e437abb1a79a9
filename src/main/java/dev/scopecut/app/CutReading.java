package dev.scopecut.app;

import java.time.Instant;
import java.util.Objects;

/**
 * A cut and its votes as read for a record, with when they were read: for an open cut,
 * the standing as of that instant.
 */
public record CutReading(CutSnapshot snapshot, Instant readAt) {

	public CutReading {
		Objects.requireNonNull(snapshot, "snapshot");
		Objects.requireNonNull(readAt, "readAt");
	}

}
