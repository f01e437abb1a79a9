package dev.scopecut.cut;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuietHoursTests {

	static final Instant FAR_DEADLINE = Instant.parse("2030-12-31T00:00:00Z");

	@ParameterizedTest(name = "{0} in {1}: sent {2}")
	@CsvSource(textBlock = """
			2030-03-04T12:00:00Z, Europe/Paris,        2030-03-04T12:00:00Z
			2030-03-04T07:00:00Z, Europe/Paris,        2030-03-04T07:00:00Z
			2030-03-04T18:59:59Z, Europe/Paris,        2030-03-04T18:59:59Z
			2030-03-04T19:00:00Z, Europe/Paris,        2030-03-05T07:00:00Z
			2030-03-04T23:30:00Z, Europe/Paris,        2030-03-05T07:00:00Z
			2030-03-05T06:59:00Z, Europe/Paris,        2030-03-05T07:00:00Z
			2030-03-04T12:00:00Z, America/Los_Angeles, 2030-03-04T16:00:00Z
			2030-03-04T19:00:00Z, America/Los_Angeles, 2030-03-04T19:00:00Z
			2030-03-05T04:00:00Z, America/Los_Angeles, 2030-03-05T16:00:00Z
			""")
	void outsideEightToEightTheirTimeAReminderWaitsForTheirMorning(Instant due, String zone, Instant expected) {
		assertThat(QuietHours.sendAt(due, ZoneId.of(zone), FAR_DEADLINE)).isEqualTo(expected);
	}

	@Test
	void oneInstantIsDaytimeForOneRecipientAndNightForAnother() {
		Instant due = Instant.parse("2030-03-04T21:00:00Z");

		assertThat(QuietHours.sendAt(due, ZoneId.of("America/New_York"), FAR_DEADLINE)).isEqualTo(due);
		assertThat(QuietHours.sendAt(due, ZoneId.of("Asia/Tokyo"), FAR_DEADLINE))
			.isEqualTo(Instant.parse("2030-03-04T23:00:00Z"));
	}

	@Test
	void whenTheDeadlineComesBeforeTheirMorningItGoesAtOnce() {
		Instant due = Instant.parse("2030-03-04T23:00:00Z");
		ZoneId paris = ZoneId.of("Europe/Paris");

		assertThat(QuietHours.sendAt(due, paris, Instant.parse("2030-03-05T07:00:00Z"))).isEqualTo(due);
		assertThat(QuietHours.sendAt(due, paris, Instant.parse("2030-03-05T07:00:01Z")))
			.isEqualTo(Instant.parse("2030-03-05T07:00:00Z"));
	}

}
