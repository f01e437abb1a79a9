package dev.scopecut.store;

import java.time.Duration;

import org.springframework.stereotype.Component;

import dev.scopecut.app.port.RequestReplays;

/** Trigger ids seen, remembered past the signature window ({@link FirstSightings}). */
@Component
class RedisRequestReplays implements RequestReplays {

	/**
	 * Longer than a signature stays valid (five minutes either side of its timestamp), so
	 * a copy is still remembered when its signature would pass.
	 */
	static final Duration REMEMBERED = Duration.ofMinutes(15);

	private final FirstSightings sightings;

	RedisRequestReplays(FirstSightings sightings) {
		this.sightings = sightings;
	}

	@Override
	public boolean isFirst(String workspace, String triggerId) {
		return this.sightings.isFirst(Keys.trigger(workspace, triggerId), REMEMBERED);
	}

}
