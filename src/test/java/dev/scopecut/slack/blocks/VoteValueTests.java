package dev.scopecut.slack.blocks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.scopecut.cut.Choice;
import dev.scopecut.cut.CutId;

class VoteValueTests {

	@ParameterizedTest
	@CsvSource({ "K7M2Q, 1, SHIP, K7M2Q|1|S", "K7M2Q, 1, DEFER, K7M2Q|1|D", "00000, 30, SHIP, 00000|30|S",
			"ZZZZZ, 99999, DEFER, ZZZZZ|99999|D" })
	void encodesAndParsesBack(String cut, int item, Choice choice, String encoded) {
		VoteValue value = new VoteValue(new CutId(cut), item, choice);

		assertThat(value.encode()).isEqualTo(encoded);
		assertThat(VoteValue.parse(encoded)).contains(value);
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = {
			// too few or too many parts
			"K7M2Q", "K7M2Q|1", "|", "||", "K7M2Q|1|S|", "K7M2Q|1|S|1", "K7M2Q|1|S|D",
			// item not a positive number without leading zero, at most five digits
			"K7M2Q||S", "K7M2Q|x|S", "K7M2Q|0|S", "K7M2Q|-1|S", "K7M2Q|+1|S", "K7M2Q|01|S", "K7M2Q|1.0|S",
			"K7M2Q|100000|S", "K7M2Q|99999999999|S", "K7M2Q| 1|S", "K7M2Q|١|S",
			// choice not S or D
			"K7M2Q|1|", "K7M2Q|1|X", "K7M2Q|1|SHIP", "K7M2Q|1|SD", "K7M2Q|1| S",
			// cut id not five characters of the id alphabet
			"|1|S", "K7M2|1|S", "K7M2QQ|1|S", "K7M2I|1|S", "K7-2Q|1|S", "K7M2Q\n|1|S", " K7M2Q|1|S", "k7m2q|1|S" })
	void refusesMalformedValues(String value) {
		assertThat(VoteValue.parse(value)).isEmpty();
	}

}
