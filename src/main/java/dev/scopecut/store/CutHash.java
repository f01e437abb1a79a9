package dev.scopecut.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.scopecut.cut.Ballots;
import dev.scopecut.cut.CheckIn;
import dev.scopecut.cut.CheckInAnswer;
import dev.scopecut.cut.Choice;
import dev.scopecut.cut.Cut;
import dev.scopecut.cut.CutId;
import dev.scopecut.cut.CutRef;
import dev.scopecut.cut.CutSettings;
import dev.scopecut.cut.CutStatus;
import dev.scopecut.cut.Item;
import dev.scopecut.cut.Lineage;
import dev.scopecut.cut.ReminderPlan;

/**
 * Maps a cut to the fields of its Redis hash and back. Items are kept as
 * {@code item:<id>} fields, which the vote script reads to refuse a vote on an item the
 * cut does not have, with their order in {@code itemIds} (",1,2,3,").
 */
final class CutHash {

	static final String STATUS = "status";

	static final String VERSION = "version";

	static final String SHOWN_AT = "shownAt";

	/**
	 * When the oldest unshown vote was stored (vote.lua sets it, showing clears it).
	 */
	static final String UNSHOWN_SINCE = "unshownSince";

	static final String MESSAGE_TS = "ts";

	/**
	 * On a cut open to the whole channel, its human members when it started,
	 * comma-joined; absent when not known.
	 */
	static final String MEMBERS = "members";

	/**
	 * On a cut started from a closed one: the parent's id, its title, and each carried
	 * item's deferrals before this cut ("3:1,4:2", item id:count); absent otherwise.
	 */
	static final String PARENT = "parent";

	static final String PARENT_TITLE = "parentTitle";

	static final String DEFERRALS = "deferrals";

	/**
	 * On a cut with a check-in: the day chosen (ISO, "2025-03-12"), written with the rest
	 * at the insert; the day of the next ask once a "Not yet" moved it; how many times it
	 * was moved; the answer (LEARNED or NOT_LEARNED), what was learned and when
	 * (answer-check-in.lua writes them, only while pending); the day whose ask was sent
	 * (mark-check-in-asked.lua), and the direct message that asked, "D123
	 * 1700000000.0001".
	 */
	static final String CHECK_IN = "checkIn";

	static final String CHECK_IN_ON = "checkInOn";

	static final String CHECK_IN_POSTPONED = "checkInPostponed";

	static final String CHECK_IN_ANSWER = "checkInAnswer";

	static final String CHECK_IN_TEXT = "checkInText";

	static final String CHECK_IN_AT = "checkInAt";

	static final String CHECK_IN_ASKED = "checkInAsked";

	static final String CHECK_IN_MESSAGE = "checkInMessage";

	/**
	 * The timestamp of the posted decision, under which a check-in's answer is a reply.
	 */
	static final String DECISION_TS = "decisionTs";

	private CutHash() {
	}

	static Map<String, String> fields(Cut cut) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("channel", cut.channel());
		fields.put("facilitator", cut.facilitator());
		fields.put("title", cut.title());
		fields.put("question", cut.settings().question());
		fields.put("deadline", millis(cut.settings().deadline()));
		fields.put("capacity", Integer.toString(cut.settings().capacity()));
		fields.put("quorum", Integer.toString(cut.settings().quorum()));
		fields.put("anonymous", cut.settings().anonymous() ? "1" : "0");
		fields.put("voters", String.join(",", cut.settings().voters()));
		fields.put("closeWhenAllVoted", cut.settings().closeWhenAllVoted() ? "1" : "0");
		fields.put("reminders", cut.settings().reminders().name());
		fields.put(STATUS, cut.status().name());
		fields.put("createdAt", millis(cut.createdAt()));
		fields.put(VERSION, "0");
		StringBuilder ids = new StringBuilder(",");
		for (Item item : cut.items()) {
			ids.append(item.id()).append(',');
			fields.put("item:" + item.id(), item.text());
		}
		fields.put("itemIds", ids.toString());
		cut.settings().checkInDate().ifPresent((day) -> fields.put(CHECK_IN, day.toString()));
		cut.lineage().parentId().ifPresent((parent) -> {
			fields.put(PARENT, parent.value());
			fields.put(PARENT_TITLE, cut.lineage().parentTitle());
			fields.put(DEFERRALS,
					cut.lineage()
						.deferrals()
						.entrySet()
						.stream()
						.sorted(Map.Entry.comparingByKey())
						.map((entry) -> entry.getKey() + ":" + entry.getValue())
						.collect(Collectors.joining(",")));
		});
		return fields;
	}

	static Cut cut(CutRef ref, Map<String, String> hash) {
		List<Item> items = new ArrayList<>();
		for (String id : hash.get("itemIds").split(",")) {
			if (!id.isEmpty()) {
				items.add(new Item(Integer.parseInt(id), hash.get("item:" + id)));
			}
		}
		CutSettings settings = new CutSettings(hash.get("question"), instant(hash.get("deadline")),
				Integer.parseInt(hash.get("capacity")), Integer.parseInt(hash.get("quorum")),
				"1".equals(hash.get("anonymous")), voters(hash.get("voters")),
				"1".equals(hash.get("closeWhenAllVoted")), reminders(hash.get("reminders")), day(hash.get(CHECK_IN)));
		return new Cut(ref, hash.get("channel"), hash.get("facilitator"), hash.get("title"), items, settings,
				CutStatus.valueOf(hash.get(STATUS)), instant(hash.get("createdAt")), instant(hash.get("closedAt")),
				hash.get(MESSAGE_TS), voters(hash.get(MEMBERS)), lineage(hash), checkIn(hash));
	}

	/** Where the cut's check-in stands; null when it has none. */
	private static CheckIn checkIn(Map<String, String> hash) {
		LocalDate chosen = day(hash.get(CHECK_IN));
		if (chosen == null) {
			return null;
		}
		LocalDate on = day(hash.get(CHECK_IN_ON));
		String postponed = hash.get(CHECK_IN_POSTPONED);
		String answer = hash.get(CHECK_IN_ANSWER);
		return new CheckIn((on != null) ? on : chosen, (postponed != null) ? Integer.parseInt(postponed) : 0,
				(answer != null) ? new CheckInAnswer(CheckInAnswer.Kind.valueOf(answer),
						hash.getOrDefault(CHECK_IN_TEXT, ""), instant(hash.get(CHECK_IN_AT))) : null);
	}

	static LocalDate day(String iso) {
		return (iso != null) ? LocalDate.parse(iso) : null;
	}

	private static Lineage lineage(Map<String, String> hash) {
		String parent = hash.get(PARENT);
		if (parent == null) {
			return Lineage.NONE;
		}
		Map<Integer, Integer> deferrals = new HashMap<>();
		for (String entry : hash.get(DEFERRALS).split(",")) {
			if (!entry.isEmpty()) {
				int colon = entry.indexOf(':');
				deferrals.put(Integer.parseInt(entry.substring(0, colon)),
						Integer.parseInt(entry.substring(colon + 1)));
			}
		}
		return new Lineage(new CutId(parent), hash.get(PARENT_TITLE), deferrals);
	}

	/** A cut stored before reminders could be chosen has the default ones. */
	private static ReminderPlan reminders(String name) {
		return (name != null) ? ReminderPlan.valueOf(name) : ReminderPlan.HALFWAY_AND_LAST_HOUR;
	}

	private static List<String> voters(String joined) {
		return (joined == null || joined.isEmpty()) ? List.of() : List.of(joined.split(","));
	}

	static Ballots ballots(Map<String, String> votes) {
		Map<String, Map<Integer, Choice>> byVoter = new LinkedHashMap<>();
		votes.forEach((field, code) -> {
			int colon = field.indexOf(':');
			int itemId = Integer.parseInt(field.substring(0, colon));
			String voter = field.substring(colon + 1);
			byVoter.computeIfAbsent(voter, (key) -> new HashMap<>()).put(itemId, choice(code));
		});
		return new Ballots(byVoter);
	}

	static String code(Choice choice) {
		return (choice == Choice.SHIP) ? "S" : "D";
	}

	static Choice choice(String code) {
		return "S".equals(code) ? Choice.SHIP : Choice.DEFER;
	}

	static String millis(Instant instant) {
		return Long.toString(instant.toEpochMilli());
	}

	static Instant instant(String millis) {
		return (millis != null) ? Instant.ofEpochMilli(Long.parseLong(millis)) : null;
	}

}
