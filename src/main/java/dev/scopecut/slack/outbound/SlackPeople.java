package dev.scopecut.slack.outbound;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import com.slack.api.methods.response.users.UsersInfoResponse;
import com.slack.api.methods.response.users.UsersListResponse;
import com.slack.api.model.User;
import okhttp3.FormBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.scopecut.app.port.NotifyFailedException;
import dev.scopecut.app.port.PeopleCache;
import dev.scopecut.app.port.PeopleCache.Person;
import dev.scopecut.app.port.RetryLaterException;
import dev.scopecut.app.port.StoreUnavailableException;

/**
 * Who a workspace's users are (human or not) and their time zones, from the
 * {@link PeopleCache} first and Slack only for the people it does not know. A few unknown
 * people are read one by one with {@code users.info} (Tier 4, about 100 a minute); many
 * are read with {@code users.list} (Tier 2, about 20 a minute, but 200 people a page), at
 * most {@link #LIST_PAGES_MAX} pages, and whoever is still unknown after that (a guest
 * from another organisation in a shared channel, a workspace larger than the pages read)
 * one by one. Whatever Slack describes is kept, the workspace's other people on a page
 * included, even when a later call fails: the next attempt starts from there.
 * <p>
 * A method Slack answered with 429 (or could not be reached for) is not called again for
 * the workspace, by any instance, until its Retry-After is over
 * ({@link SharedRetryAfterWebApi}): the caller gets a {@link RetryLaterException} for
 * what is left of the wait at once. Without Redis the cache is skipped, and every person
 * is asked of Slack.
 */
@Component
public class SlackPeople {

	/** Slack's own bot, a member of every channel, never flagged {@code is_bot}. */
	static final String SLACKBOT = "USLACKBOT";

	/**
	 * Up to this many unknown people are read with {@code users.info}, half of its
	 * per-minute tier, leaving room for the reminders' own lookups.
	 */
	static final int ONE_BY_ONE_MAX = 50;

	/** {@code users.list} pages of 200, as Slack recommends. */
	static final int LIST_PAGE = 200;

	/** At most 2,000 people listed for one count, well within Tier 2's minute. */
	static final int LIST_PAGES_MAX = 10;

	static final String USERS_INFO = "users.info";

	static final String USERS_LIST = "users.list";

	private static final Logger log = LoggerFactory.getLogger(SlackPeople.class);

	private final SharedRetryAfterWebApi api;

	private final PeopleCache cache;

	SlackPeople(SharedRetryAfterWebApi api, PeopleCache cache) {
		this.api = api;
		this.cache = cache;
	}

	/**
	 * The humans among the users, in their order: bots, apps, deleted users and Slackbot
	 * left out.
	 * @throws RetryLaterException when Slack asked to wait before they can all be known
	 * @throws dev.scopecut.app.port.NotifyFailedException when Slack refused to describe
	 * one of them
	 */
	List<String> humans(String workspace, List<String> users) {
		Set<String> wanted = new LinkedHashSet<>(users);
		wanted.remove(SLACKBOT);
		Map<String, Person> known = new HashMap<>(cached(workspace, wanted));
		List<String> unknown = wanted.stream().filter((user) -> !known.containsKey(user)).toList();
		if (unknown.size() > ONE_BY_ONE_MAX) {
			known.putAll(listed(workspace, unknown));
		}
		List<Person> read = new ArrayList<>();
		try {
			for (String user : wanted) {
				if (!known.containsKey(user)) {
					Person person = described(workspace, user);
					read.add(person);
					known.put(user, person);
				}
			}
		}
		finally {
			keep(workspace, read);
		}
		return wanted.stream().filter((user) -> known.get(user).human()).toList();
	}

	/** The user's own time zone; UTC when Slack gives none, or one Java does not know. */
	ZoneId timeZone(String workspace, String user) {
		Person person = cached(workspace, List.of(user)).get(user);
		if (person == null) {
			person = described(workspace, user);
			keep(workspace, List.of(person));
		}
		return zone(person);
	}

	/**
	 * The names of those users Slack will name: from the cache, else {@code users.info}
	 * one by one (an entry kept with no name is asked again). Someone Slack cannot
	 * describe now (a 429, a refusal, Slack out of reach) is left out, for the caller to
	 * show by id: a record is never held up by a name.
	 */
	public Map<String, String> names(String workspace, Collection<String> users) {
		return named(workspace, users, cachedNames(workspace, users));
	}

	/** {@code names}, the cached names, with those Slack names of the other users. */
	private Map<String, String> named(String workspace, Collection<String> users, Map<String, String> names) {
		List<Person> read = new ArrayList<>();
		for (String user : new LinkedHashSet<>(users)) {
			if (names.containsKey(user)) {
				continue;
			}
			try {
				Person person = described(workspace, user);
				read.add(person);
				if (!person.name().isEmpty()) {
					names.put(user, person.name());
				}
			}
			catch (RetryLaterException | NotifyFailedException ex) {
				log.info("No name for a user, shown by id: {}", ex.getMessage());
			}
		}
		keep(workspace, read);
		return names;
	}

	/**
	 * {@link #names(String, Collection)} waited for at most {@code wait}, for an answer
	 * that goes in an acknowledgement: past it, or with {@code executor} full, only the
	 * cached names; Slack is asked only about those the cache does not name. A lookup
	 * still running fills the cache for the next time.
	 */
	public Map<String, String> names(String workspace, Collection<String> users, Executor executor, Duration wait) {
		Map<String, String> known = cachedNames(workspace, users);
		if (known.keySet().containsAll(users)) {
			return known;
		}
		try {
			// A copy to fill: what a timeout returns is the cache's answer alone.
			Map<String, String> filling = new HashMap<>(known);
			return CompletableFuture.supplyAsync(() -> named(workspace, users, filling), executor)
				.completeOnTimeout(known, wait.toMillis(), TimeUnit.MILLISECONDS)
				.exceptionally((failure) -> known)
				.join();
		}
		catch (RejectedExecutionException ex) {
			return known;
		}
	}

	private Map<String, String> cachedNames(String workspace, Collection<String> users) {
		Map<String, String> names = new HashMap<>();
		cached(workspace, users).forEach((user, person) -> {
			if (!person.name().isEmpty()) {
				names.put(user, person.name());
			}
		});
		return names;
	}

	/** The time zones of the users the cache knows, asking Slack about nobody. */
	Map<String, ZoneId> knownTimeZones(String workspace, Collection<String> users) {
		Map<String, ZoneId> zones = new HashMap<>();
		cached(workspace, users).forEach((user, person) -> zones.put(user, zone(person)));
		return zones;
	}

	private static ZoneId zone(Person person) {
		if (person.timeZone().isEmpty()) {
			return ZoneOffset.UTC;
		}
		try {
			return ZoneId.of(person.timeZone());
		}
		catch (DateTimeException ex) {
			return ZoneOffset.UTC;
		}
	}

	/**
	 * Reads the workspace's people a page at a time, keeping each page, until every one
	 * wanted is seen or {@link #LIST_PAGES_MAX} pages are read.
	 */
	private Map<String, Person> listed(String workspace, List<String> wanted) {
		Set<String> missing = new LinkedHashSet<>(wanted);
		Map<String, Person> found = new HashMap<>();
		String cursor = "";
		for (int page = 0; page < LIST_PAGES_MAX && !missing.isEmpty(); page++) {
			FormBody.Builder form = new FormBody.Builder().add("limit", Integer.toString(LIST_PAGE));
			if (!cursor.isEmpty()) {
				form.add("cursor", cursor);
			}
			UsersListResponse answer = this.api.call(workspace, USERS_LIST, form, UsersListResponse.class);
			List<Person> people = new ArrayList<>();
			if (answer.getMembers() != null) {
				answer.getMembers()
					.stream()
					.filter((user) -> user.getId() != null)
					.map(SlackPeople::person)
					.forEach(people::add);
			}
			keep(workspace, people);
			for (Person person : people) {
				if (missing.remove(person.id())) {
					found.put(person.id(), person);
				}
			}
			cursor = (answer.getResponseMetadata() != null) ? answer.getResponseMetadata().getNextCursor() : null;
			if (cursor == null || cursor.isEmpty()) {
				break;
			}
		}
		return found;
	}

	private Person described(String workspace, String user) {
		User found = this.api
			.call(workspace, USERS_INFO, new FormBody.Builder().add("user", user), UsersInfoResponse.class)
			.getUser();
		return (found != null) ? person(found) : new Person(user, false, "");
	}

	private static Person person(User user) {
		return new Person(user.getId(), !user.isBot() && !user.isDeleted() && !SLACKBOT.equals(user.getId()),
				user.getTz(), name(user));
	}

	/**
	 * The name a person is known by in a record: their real name (what a release note
	 * wants), else their display name, else their user name.
	 */
	private static String name(User user) {
		User.Profile profile = user.getProfile();
		String real = (profile != null) ? profile.getRealName() : null;
		String display = (profile != null) ? profile.getDisplayName() : null;
		for (String name : new String[] { real, user.getRealName(), display, user.getName() }) {
			if (name != null && !name.isBlank()) {
				return name.strip();
			}
		}
		return "";
	}

	private Map<String, Person> cached(String workspace, Collection<String> users) {
		try {
			return this.cache.find(workspace, users);
		}
		catch (StoreUnavailableException ex) {
			log.warn("People cache unavailable, asking Slack: {}", ex.getMessage());
			return Map.of();
		}
	}

	private void keep(String workspace, List<Person> people) {
		try {
			this.cache.keep(workspace, people);
		}
		catch (StoreUnavailableException ex) {
			log.warn("People cache unavailable, {} people not kept: {}", people.size(), ex.getMessage());
		}
	}

}
