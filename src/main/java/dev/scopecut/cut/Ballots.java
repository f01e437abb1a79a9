package dev.scopecut.cut;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Every vote cast in one cut: for each voter, a choice per item they voted on. */
public record Ballots(Map<String, Map<Integer, Choice>> byVoter) {

	public static final Ballots NONE = new Ballots(Map.of());

	public Ballots {
		Map<String, Map<Integer, Choice>> copy = new LinkedHashMap<>();
		byVoter.forEach((voter, choices) -> copy.put(voter, Map.copyOf(choices)));
		byVoter = Collections.unmodifiableMap(copy);
	}

	/** The voter's choices by item id; empty when they have not voted. */
	public Map<Integer, Choice> of(String voter) {
		return this.byVoter.getOrDefault(voter, Map.of());
	}

}
