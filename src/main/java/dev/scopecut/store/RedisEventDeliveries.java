package dev.scopecut.store;

import java.time.Duration;

import org.springframework.stereotype.Component;

import dev.scopecut.app.port.EventDeliveries;

/** Event ids seen, remembered past Slack's redeliveries ({@link FirstSightings}). */
@Component
class RedisEventDeliveries implements EventDeliveries {

	/** Slack retries a delivery three times within about five minutes. */
	static final Duration REMEMBERED = Duration.ofHours(1);

	private final FirstSightings sightings;

	RedisEventDeliveries(FirstSightings sightings) {
		this.sightings = sightings;
	}

	@Override
	public boolean isFirst(String workspace, String eventId) {
		return this.sightings.isFirst(Keys.event(workspace, eventId), REMEMBERED);
	}

	@Override
	public void forget(String workspace, String eventId) {
		this.sightings.forget(Keys.event(workspace, eventId));
	}

}
