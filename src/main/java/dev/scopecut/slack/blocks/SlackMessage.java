package dev.scopecut.slack.blocks;

import java.util.List;

import com.slack.api.model.block.LayoutBlock;

/** A rendered message: its blocks, and the plain text Slack shows in notifications. */
public record SlackMessage(String text, List<LayoutBlock> blocks) {

	public SlackMessage {
		blocks = List.copyOf(blocks);
	}

}
