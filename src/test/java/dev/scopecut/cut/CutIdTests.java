package dev.scopecut.cut;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

class CutIdTests {

	@ParameterizedTest(name = "\"{0}\"")
	@ValueSource(strings = { "K7M2Q", "k7m2q", "K7m2Q", "  k7m2q  ", "\tK7M2Q\n" })
	void parseReadsAnIdInAnyCaseAndIgnoresSurroundingSpace(String text) {
		assertThat(CutId.parse(text)).contains(new CutId("K7M2Q"));
	}

	@ParameterizedTest(name = "\"{0}\"")
	@NullAndEmptySource
	@ValueSource(strings = { " ", "K7M2", "K7M2QX", "K7 2Q", "K7-2Q", "K7M2I", "K7M2L", "K7M2O", "K7M2U", "k7m2o",
			"K7M2É", "close" })
	void parseRefusesTextOfTheWrongLengthOrOutsideTheAlphabet(String text) {
		assertThat(CutId.parse(text)).isEmpty();
	}

	@Test
	void anIdIsMadeOnlyOfItsUppercaseAlphabet() {
		assertThatIllegalArgumentException().isThrownBy(() -> new CutId("k7m2q")).withMessageContaining("k7m2q");
		assertThatIllegalArgumentException().isThrownBy(() -> new CutId("OOOOO"));
		assertThatIllegalArgumentException().isThrownBy(() -> new CutId(null));
	}

	@Test
	void theAlphabetLeavesOutLettersThatReadLikeDigits() {
		assertThat(CutId.ALPHABET).hasSize(32).doesNotContain("I", "L", "O", "U");
		assertThat(CutId.ALPHABET.chars().distinct().count()).isEqualTo(32);
	}

	@Test
	void randomIdsAreWellFormedAndUseTheWholeAlphabet() {
		RandomGenerator random = new SplittableRandom(20300101L);
		Set<Character> seen = new HashSet<>();

		for (int i = 0; i < 2_000; i++) {
			CutId id = CutId.random(random);
			assertThat(id.value()).matches("[0-9A-HJKMNP-TV-Z]{5}");
			assertThat(CutId.parse(id.value().toLowerCase())).contains(id);
			id.value().chars().forEach((c) -> seen.add((char) c));
		}

		assertThat(seen).hasSize(32);
	}

	@Test
	void randomIdsPickEachCharacterFromTheAlphabetByIndex() {
		RandomGenerator random = mock(RandomGenerator.class);
		given(random.nextInt(anyInt())).willReturn(0, 31, 10, 18, 9);

		assertThat(CutId.random(random)).hasToString("0ZAJ9");
	}

}
