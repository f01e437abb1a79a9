package dev.scopecut.sandbox;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sandbox's teammates and Scopecut's quiet hours (no reminder between 20:00 and 08:00
 * the recipient's time): the demo always has someone a reminder reaches, and the page
 * says why the others got none.
 */
class SandboxQuietHoursTests {

	/** 04:45 UTC: 23:45 in New York, 20:45 in Los Angeles, 10:15 in Kolkata. */
	private static final Instant NIGHT_IN_AMERICA = Instant.parse("2026-11-25T04:45:00Z");

	private static final List<Teammates.Teammate> NOT_THE_FACILITATOR = Teammates.people()
		.stream()
		.filter((person) -> !person.id().equals(SandboxTest.ANN))
		.toList();

	@Test
	void atEveryQuarterHourOfAYearSomeoneOtherThanTheFacilitatorHasHalfAnHourOfDayLeft() {
		// The browser test reminds such a teammate, and so can anyone trying the demo.
		Instant end = Instant.parse("2028-01-01T00:00:00Z");
		for (Instant at = Instant.parse("2027-01-01T00:00:00Z"); at
			.isBefore(end); at = at.plus(Duration.ofMinutes(15))) {
			Instant now = at;
			boolean someoneAwake = NOT_THE_FACILITATOR.stream()
				.anyMatch((person) -> !person.inQuietHours(now)
						&& !person.inQuietHours(now.plus(Duration.ofMinutes(30))));
			assertThat(someoneAwake).as("someone other than the facilitator awake at %s", now).isTrue();
		}
	}

	@Test
	void atEveryQuarterHourOfAYearSomeoneIsInQuietHoursForTheNextFiveMinutes() {
		// The browser test shows such a teammate's empty direct messages and
		// says why they are empty.
		Instant end = Instant.parse("2028-01-01T00:00:00Z");
		for (Instant at = Instant.parse("2027-01-01T00:00:00Z"); at
			.isBefore(end); at = at.plus(Duration.ofMinutes(15))) {
			Instant now = at;
			boolean someoneAsleep = Teammates.people()
				.stream()
				.anyMatch((person) -> person.inQuietHours(now) && person.inQuietHours(now.plus(Duration.ofMinutes(5))));
			assertThat(someoneAsleep).as("someone in quiet hours at %s", now).isTrue();
		}
	}

	@Test
	void quietHoursRunFromEightInTheEveningToEightInTheMorningLocalTime() {
		Teammates.Teammate dev = Teammates.byId(SandboxTest.DEV).orElseThrow();
		// Kolkata is UTC+05:30.
		assertThat(dev.inQuietHours(Instant.parse("2026-11-25T02:29:59Z"))).isTrue();
		assertThat(dev.inQuietHours(Instant.parse("2026-11-25T02:30:00Z"))).isFalse();
		assertThat(dev.inQuietHours(Instant.parse("2026-11-25T14:29:59Z"))).isFalse();
		assertThat(dev.inQuietHours(Instant.parse("2026-11-25T14:30:00Z"))).isTrue();
	}

	@Test
	void thePageIsToldTheSandboxsTimeAndWhoIsInQuietHours() {
		Workspace workspace = new Workspace(Clock.fixed(NIGHT_IN_AMERICA, ZoneOffset.UTC));
		JsonObject snapshot = workspace.snapshot(SandboxTest.BEN);
		assertThat(snapshot.get("now").getAsLong()).isEqualTo(NIGHT_IN_AMERICA.toEpochMilli());
		JsonObject quiet = snapshot.getAsJsonObject("quietHours");
		assertThat(quiet.get(SandboxTest.BEN).getAsBoolean()).isTrue();
		assertThat(quiet.get(SandboxTest.CHLOE).getAsBoolean()).isTrue();
		assertThat(quiet.get(SandboxTest.DEV).getAsBoolean()).isFalse();
	}

	@Test
	void theActivityListSaysWhoWasLookedUpTheirLocalTimeAndWhereMessagesWent() throws IOException {
		Clock clock = Clock.fixed(NIGHT_IN_AMERICA, ZoneOffset.UTC);
		Workspace workspace = new Workspace(clock);
		SandboxWebApi api = new SandboxWebApi(workspace,
				new SlackDelivery(workspace, "secret", "http://localhost:3000/sandbox/api/", clock), clock);
		api.call("users.info", call("user", SandboxTest.BEN));
		api.call("users.info", call("user", SandboxTest.DEV));
		api.call("conversations.open", call("users", SandboxTest.DEV));
		MockHttpServletRequest post = call("channel", "D01DEV");
		post.addParameter("text", "Reminder");
		api.call("chat.postMessage", post);

		assertThat(workspace.snapshot(SandboxTest.ANN).getAsJsonArray("activity").asList())
			.map((line) -> line.getAsString().substring("04:45:00 UTC  ".length()))
			.containsExactly("← Web API: chat.postMessage in direct messages with Dev Patel · ok",
					"← Web API: conversations.open with Dev Patel · ok",
					"← Web API: users.info Dev Patel (Asia/Kolkata, 10:15 there) · ok",
					"← Web API: users.info Ben Okafor (America/New_York, 23:45 there: quiet hours, "
							+ "Scopecut holds reminders until 08:00) · ok");
	}

	private static MockHttpServletRequest call(String name, String value) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/sandbox/api/method");
		request.addHeader("Authorization", "Bearer " + SandboxEnvironment.BOT_TOKEN);
		request.setContentType("application/x-www-form-urlencoded");
		request.addParameter(name, value);
		return request;
	}

}
