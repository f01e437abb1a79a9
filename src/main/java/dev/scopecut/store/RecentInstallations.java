package dev.scopecut.store;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The installations this instance read lately, in memory, to serve a request while Redis
 * does not answer (a master failing over): the person who clicked is then told privately
 * that nothing was recorded, instead of Slack getting a bare 503 before any listener
 * runs. Served only when Redis fails, never instead of it, so that an uninstall or a
 * rotated token on any instance is seen at once while Redis answers. At most
 * {@link #MOST} lookups, each for {@link #KEPT} after it was read; forgotten when this
 * instance saves or deletes its workspace's installation (an install, an uninstall, a
 * revocation, a rotated token). What another instance changes meanwhile is not seen here
 * until Redis answers again.
 */
final class RecentInstallations {

	/** Far more than the workspaces one instance serves within {@link #KEPT}. */
	static final int MOST = 10_000;

	/** Longer than a failover takes; short enough that nothing long gone is served. */
	static final Duration KEPT = Duration.ofMinutes(2);

	/** What Bolt asked for: a workspace's (or organisation's) bot or installer. */
	private record Lookup(String enterpriseId, String teamId, String field) {
	}

	private record Read(String json, long atMillis) {
	}

	private final Clock clock;

	private final Map<Lookup, Read> reads = new LinkedHashMap<>(16, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<Lookup, Read> eldest) {
			return size() > MOST;
		}

	};

	RecentInstallations(Clock clock) {
		this.clock = clock;
	}

	/** What Redis answered; nothing is kept of an installation Redis no longer has. */
	synchronized void read(String enterpriseId, String teamId, String field, String json) {
		Lookup lookup = new Lookup(enterpriseId, teamId, field);
		if (json == null) {
			this.reads.remove(lookup);
		}
		else {
			this.reads.put(lookup, new Read(json, this.clock.millis()));
		}
	}

	/** What Redis answered within {@link #KEPT}, if it did. */
	synchronized Optional<String> recall(String enterpriseId, String teamId, String field) {
		Read read = this.reads.get(new Lookup(enterpriseId, teamId, field));
		if (read == null || this.clock.millis() - read.atMillis() > KEPT.toMillis()) {
			return Optional.empty();
		}
		return Optional.of(read.json());
	}

	/** Forgets every lookup of the workspace. */
	synchronized void forgetWorkspace(String teamId) {
		this.reads.keySet().removeIf((lookup) -> Objects.equals(lookup.teamId(), teamId));
	}

	/**
	 * Forgets everything: an organisation's install serves workspaces no lookup names.
	 */
	synchronized void forgetAll() {
		this.reads.clear();
	}

}
