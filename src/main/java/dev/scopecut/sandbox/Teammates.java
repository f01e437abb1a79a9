package dev.scopecut.sandbox;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.google.gson.JsonObject;

/**
 * The simulated workspace's people: four teammates in different time zones, and the bot.
 * The zones are spread so that, at any hour, at least one of the three who are not the
 * demo's facilitator is outside Scopecut's quiet hours: a reminder sent by hand always
 * reaches someone.
 */
final class Teammates {

	static final String TEAM = "T01SANDBOX";

	static final String BOT = "U01SCOPECUT";

	static final String BOT_ID = "B01SCOPECUT";

	/**
	 * Scopecut's quiet hours as its README states them (no reminder between 20:00 and
	 * 08:00 the recipient's time). The sandbox only speaks Slack's contract, so it keeps
	 * its own copy, to tell the page why a teammate got no reminder.
	 */
	static final LocalTime QUIET_FROM = LocalTime.of(20, 0);

	static final LocalTime QUIET_UNTIL = LocalTime.of(8, 0);

	/** One person (or the bot) as {@code users.info} describes them. */
	record Teammate(String id, String name, String realName, ZoneId zone, boolean bot) {

		JsonObject json(Instant now) {
			JsonObject user = new JsonObject();
			user.addProperty("id", this.id);
			user.addProperty("team_id", TEAM);
			user.addProperty("name", this.name);
			user.addProperty("real_name", this.realName);
			user.addProperty("tz", this.zone.getId());
			user.addProperty("tz_label", this.zone.getDisplayName(TextStyle.FULL, Locale.ENGLISH));
			user.addProperty("tz_offset", this.zone.getRules().getOffset(now).getTotalSeconds());
			user.addProperty("is_bot", this.bot);
			user.addProperty("is_app_user", false);
			user.addProperty("deleted", false);
			JsonObject profile = new JsonObject();
			profile.addProperty("display_name", this.name);
			profile.addProperty("real_name", this.realName);
			user.add("profile", profile);
			return user;
		}

		LocalTime localTime(Instant now) {
			return LocalTime.ofInstant(now, this.zone);
		}

		/** Whether Scopecut holds this person's reminders at this instant. */
		boolean inQuietHours(Instant now) {
			LocalTime time = localTime(now);
			return !time.isBefore(QUIET_FROM) || time.isBefore(QUIET_UNTIL);
		}

		/** The id of this person's direct-message channel with the bot. */
		String dmChannel() {
			return "D" + this.id.substring(1);
		}

	}

	static final List<Teammate> ALL = List.of(
			new Teammate("U01ANN", "ann", "Ann Lee", ZoneId.of("Europe/London"), false),
			new Teammate("U01BEN", "ben", "Ben Okafor", ZoneId.of("America/New_York"), false),
			new Teammate("U01CHLOE", "chloe", "Chloe Martin", ZoneId.of("America/Los_Angeles"), false),
			new Teammate("U01DEV", "dev", "Dev Patel", ZoneId.of("Asia/Kolkata"), false),
			new Teammate(BOT, "scopecut", "Scopecut", ZoneId.of("UTC"), true));

	private Teammates() {
	}

	static Optional<Teammate> byId(String id) {
		return ALL.stream().filter((teammate) -> teammate.id().equals(id)).findFirst();
	}

	/** The person whose direct-message channel this is. */
	static Optional<Teammate> byDmChannel(String channel) {
		return ALL.stream().filter((teammate) -> teammate.dmChannel().equals(channel)).findFirst();
	}

	static List<Teammate> people() {
		return ALL.stream().filter((teammate) -> !teammate.bot()).toList();
	}

}
