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
			remind              | REMIND  | -
			Remind k7m2q        | REMIND  | K7M2Q
			remind me: a; b     | START   | -
			export              | EXPORT  | -
			EXPORT K7M2Q        | EXPORT  | K7M2Q
			'  export   k7m2q ' | EXPORT  | K7M2Q
			export nope!        | UNKNOWN | -
			export K7M2Q extra  | UNKNOWN | -
			list K7M2Q          | UNKNOWN | -
			help K7M2Q          | UNKNOWN | -
			export: a; b        | START   | -
			export view: a; b   | START   | -
			edit                | EDIT    | -
			Edit k7m2q          | EDIT    | K7M2Q
			edit mode: a; b     | START   | -
			next                | NEXT    | -
			next K7M2Q          | NEXT    | K7M2Q
			next release: a; b  | START   | -
			""")
	void aSubcommandIsOneWordAndAtMostOneId(String text, Verb verb, String id) {
		CommandText command = CommandText.parse(text);

		assertThat(command.verb()).isEqualTo(verb);
		assertThat(command.cutId()).isEqualTo(Optional.ofNullable(id).map(CutId::new));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', nullValues = "-", textBlock = """
			add dark mode              | ADD     | -     | dark mode
			ADD  k7m2q:  dark mode     | ADD     | K7M2Q | dark mode
			add Email: signup          | ADD     | -     | Email: signup
			add k7m2q:dark mode        | ADD     | K7M2Q | dark mode
			remove K7M2Q:              | REMOVE  | K7M2Q | ''
			adding: a; b               | START   | -     | ''
			add                        | ADD     | -     | ''
			remove dark mode           | REMOVE  | -     | dark mode
			remove K7M2Q: dark mode    | REMOVE  | K7M2Q | dark mode
			extend 2h                  | EXTEND  | -     | 2h
			extend k7m2q 1d            | EXTEND  | K7M2Q | 1d
			extend                     | EXTEND  | -     | ''
			extend nope! 2h            | UNKNOWN | -     | ''
			additions: a; b            | START   | -     | ''
			close force                | CLOSE   | -     | force
			Close k7m2q FORCE          | CLOSE   | K7M2Q | force
			close k7m2q                | CLOSE   | K7M2Q | ''
			close nope! force          | UNKNOWN | -     | ''
			close force: a; b          | START   | -     | ''
			""")
	void editsTakeAnOptionalIdThenTheirArgument(String text, Verb verb, String id, String argument) {
		CommandText command = CommandText.parse(text);

		assertThat(command.verb()).isEqualTo(verb);
		assertThat(command.cutId()).isEqualTo(Optional.ofNullable(id).map(CutId::new));
		assertThat(command.argument()).isEqualTo(argument);
	}

}
