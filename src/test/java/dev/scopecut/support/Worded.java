package dev.scopecut.support;

import java.util.function.UnaryOperator;

import dev.scopecut.cut.InvalidCutException;
import dev.scopecut.slack.blocks.Refusals;

/**
 * A refusal as a person reads it, with what they typed quoted as typed: the domain gives
 * the reason, the Slack side's {@link Refusals} the words.
 */
public final class Worded {

	private Worded() {
	}

	public static String text(InvalidCutException refusal) {
		return Refusals.text(refusal, UnaryOperator.identity());
	}

}
