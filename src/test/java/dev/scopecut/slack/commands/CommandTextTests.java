package dev.scopecut.slack.commands;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.scopecut.cut.CutId;
import dev.scopecut.slack.commands.CommandText.Verb;

class CommandTextTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', nullValues = "-", textBlock = """
			''                  | NONE    | -
			help                | HELP    | -
			list                | LIST    | -
			close               | CLOSE   | -
			cancel k7m2q        | CANCEL  | K7M2Q
			export              | EXPORT  | -
			EXPORT K7M2Q        | EXPORT  | K7M2Q
			'  export   k7m2q ' | EXPORT  | K7M2Q
			export nope!        | UNKNOWN | -
			export K7M2Q extra  | UNKNOWN | -
			list K7M2Q          | UNKNOWN | -
			help K7M2Q          | UNKNOWN | -
			export: a; b        | START   | -
			export view: a; b   | START   | -
			""")
	void aSubcommandIsOneWordAndAtMostOneId(String text, Verb verb, String id) {
		CommandText command = CommandText.parse(text);

		assertThat(command.verb()).isEqualTo(verb);
		assertThat(command.cutId()).isEqualTo(Optional.ofNullable(id).map(CutId::new));
	}

}
