package dev.scopecut.sandbox;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;
import static com.slack.api.model.block.element.BlockElements.overflowMenu;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

import com.slack.api.model.block.ContextBlockElement;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import org.junit.jupiter.api.Test;

import dev.scopecut.sandbox.BlockKitRules.Surface;
import dev.scopecut.support.blockkit.BlockKitLimits;

class BlockKitRulesTests {

	@Test
	void aMessageAtEveryLimitPasses() {
		List<LayoutBlock> blocks = new ArrayList<>();
		blocks.add(header((h) -> h.blockId("b".repeat(255)).text(plainText("h".repeat(150)))));
		blocks.add(section((s) -> s.text(markdownText("s".repeat(3000)))
			.accessory(overflowMenu((m) -> m.actionId("a".repeat(255))
				.options(List.of(option(plainText("o".repeat(75)), "v".repeat(150)), option(plainText("p"), "w")))))));
		blocks.add(actions(buttons(25, "t".repeat(75), "v".repeat(2000), false)));
		blocks.add(context(contextTexts(10, "c".repeat(3000))));
		while (blocks.size() < 50) {
			blocks.add(divider());
		}
		assertThatNoException().isThrownBy(() -> BlockKitLimits.assertWithinLimits(blocks));
	}

	@Test
	void fiftyOneBlocksAreTooManyForAMessageButFitAModal() {
		List<LayoutBlock> blocks = dividers(51);
		assertThat(BlockKitLimits.violations(blocks, Surface.MESSAGE))
			.containsExactly("message has 51 blocks, more than 50");
		assertThat(BlockKitLimits.violations(blocks, Surface.MODAL)).isEmpty();
		assertThat(BlockKitLimits.violations(blocks, Surface.HOME)).isEmpty();
	}

	@Test
	void aHundredAndOneBlocksAreTooManyForAModalOrHomeTab() {
		assertThat(BlockKitLimits.violations(dividers(101), Surface.MODAL))
			.containsExactly("message has 101 blocks, more than 100");
		assertThat(BlockKitLimits.violations(dividers(101), Surface.HOME)).hasSize(1);
	}

	@Test
	void overLimitMessageFailsWithEveryViolationListed() {
		List<LayoutBlock> blocks = new ArrayList<>(dividers(45));
		blocks.add(header((h) -> h.blockId("dup").text(plainText("h".repeat(151)))));
		blocks.add(section((s) -> s.blockId("dup").text(markdownText("s".repeat(3001)))));
		blocks.add(actions(
				(a) -> a.blockId("b".repeat(256)).elements(buttons(26, "t".repeat(76), "v".repeat(2001), true))));
		blocks.add(context(contextTexts(11, "c".repeat(3001))));
		blocks.add(actions(List.of(button((b) -> b.actionId("a".repeat(256)).text(plainText("Go"))))));
		blocks.add(section((s) -> s.text(markdownText("row"))
			.accessory(overflowMenu(
					(m) -> m.actionId("menu").options(List.of(option(plainText("o".repeat(76)), "v".repeat(151))))))));

		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> BlockKitLimits.assertWithinLimits(blocks))
			.withMessageContaining("message has 51 blocks, more than 50")
			.withMessageContaining("blocks[45](header).text is 151 characters, more than 150")
			.withMessageContaining("blocks[46](section).block_id 'dup' is used by another block")
			.withMessageContaining("blocks[46](section).text is 3001 characters, more than 3000")
			.withMessageContaining("blocks[47](actions).block_id is 256 characters, more than 255")
			.withMessageContaining("blocks[47](actions).elements has 26 elements, more than 25")
			.withMessageContaining("blocks[47](actions).elements[0](button).text is 76 characters, more than 75")
			.withMessageContaining("blocks[47](actions).elements[0](button).value is 2001 characters, more than 2000")
			.withMessageContaining("blocks[47](actions).elements[1](button).action_id 'act' is used by another element")
			.withMessageContaining("blocks[48](context).elements has 11 elements, more than 10")
			.withMessageContaining("blocks[48](context).elements[0] is 3001 characters, more than 3000")
			.withMessageContaining("blocks[49](actions).elements[0](button).action_id is 256 characters, more than 255")
			.withMessageContaining("blocks[50](section).accessory(overflow).options has 1 options, not 2 to 5")
			.withMessageContaining("accessory(overflow).options[0].text is 76 characters, more than 75")
			.withMessageContaining("accessory(overflow).options[0].value is 151 characters, more than 150");
	}

	@Test
	void actionIdsNeedOnlyBeUniqueWithinTheirBlock() {
		List<LayoutBlock> blocks = List.of(actions((a) -> a.blockId("one").elements(buttons(2, "Ship", "1", true))),
				actions((a) -> a.blockId("two").elements(buttons(1, "Ship", "2", true))));
		assertThat(BlockKitLimits.violations(blocks, Surface.MESSAGE)).containsExactly(
				"blocks[0](actions).elements[1](button).action_id 'act' is used by another element of the same block");
	}

	@Test
	void emptyTextIsRefused() {
		List<LayoutBlock> blocks = List.of(section((s) -> s.text(markdownText(""))));
		assertThat(BlockKitLimits.violations(blocks, Surface.MESSAGE))
			.containsExactly("blocks[0](section).text is empty");
	}

	@Test
	void checksJsonAsWellAsBlocks() {
		String over = "{\"blocks\":[{\"type\":\"header\",\"text\":{\"type\":\"plain_text\",\"text\":\""
				+ "h".repeat(151) + "\"}}]}";
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> BlockKitLimits.assertWithinLimits(over, Surface.MODAL))
			.withMessageContaining("blocks[0](header).text is 151 characters, more than 150");
		assertThat(BlockKitLimits.violations("[{\"type\":\"divider\"}]", Surface.MESSAGE)).isEmpty();
	}

	@Test
	void checksTheSnakeCaseJsonSlackReceives() {
		List<LayoutBlock> blocks = List
			.of(actions((a) -> a.blockId("controls").elements(buttons(1, "Close", "K7M2Q", true))));
		assertThat(BlockKitLimits.toJson(blocks)).contains("\"block_id\":\"controls\"")
			.contains("\"action_id\":\"act\"");
	}

	private static List<LayoutBlock> dividers(int count) {
		return new ArrayList<>(Collections.nCopies(count, divider()));
	}

	/** Buttons with action ids of their own, or all sharing the action id "act". */
	private static List<BlockElement> buttons(int count, String text, String value, boolean shareActionId) {
		return IntStream.range(0, count)
			.<BlockElement>mapToObj((i) -> button(
					(b) -> b.actionId(shareActionId ? "act" : "act-" + i).text(plainText(text)).value(value)))
			.toList();
	}

	private static List<ContextBlockElement> contextTexts(int count, String text) {
		return IntStream.range(0, count).<ContextBlockElement>mapToObj((i) -> markdownText(text)).toList();
	}

}
