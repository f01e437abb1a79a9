package dev.scopecut.app.port;

import java.util.Collection;
import java.util.Map;

/**
 * What Slack said of a workspace's people lately, shared by every instance, so that
 * counting a channel's members and finding a voter's time zone need not ask Slack about
 * the same person again for a while. Every method throws
 * {@link StoreUnavailableException} when the store cannot answer.
 */
public interface PeopleCache {

	/**
	 * One person as Slack described them.
	 *
	 * @param id the user id
	 * @param human false for a bot, an app or a deleted (deactivated) user
	 * @param timeZone the IANA time zone Slack gives ({@code tz}), empty when none
	 * @param name the name a record shows (the real name, else the display name, else the
	 * user name), empty when Slack gave none or it was kept before names were
	 */
	record Person(String id, boolean human, String timeZone, String name) {

		public Person {
			if (id == null || id.isBlank()) {
				throw new IllegalArgumentException("a person needs an id");
			}
			timeZone = (timeZone != null) ? timeZone : "";
			name = (name != null) ? name.strip() : "";
		}

		public Person(String id, boolean human, String timeZone) {
			this(id, human, timeZone, "");
		}

	}

	/** The users of the workspace whose description is kept, by id; the others absent. */
	Map<String, Person> find(String workspace, Collection<String> users);

	/** Keeps people as Slack has just described them, each for the cache's lifetime. */
	void keep(String workspace, Collection<Person> people);

}
