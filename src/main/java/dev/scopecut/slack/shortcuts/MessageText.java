package dev.scopecut.slack.shortcuts;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.slack.api.model.Message;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.RichTextBlock;
import com.slack.api.model.block.element.RichTextElement;
import com.slack.api.model.block.element.RichTextListElement;
import com.slack.api.model.block.element.RichTextPreformattedElement;
import com.slack.api.model.block.element.RichTextQuoteElement;
import com.slack.api.model.block.element.RichTextSectionElement;

/**
 * A Slack message as the plain lines a person wrote, for
 * {@link dev.scopecut.cut.ListedItems}: from its rich text when it has some (each element
 * of a {@code rich_text_list} one line marked "- "), else from its mrkdwn {@code text},
 * unescaped ({@code &lt; &gt; &amp;}), with mentions and links as they read
 * ({@code <@U1|ann>} → "@ann", {@code <url|label>} → "label"). A mention Slack sends
 * without a name reads as its id ("@U0ANN"): the shortcut's payload names nobody. Emoji
 * stay as their {@code :codes:}.
 */
final class MessageText {

	/** A mrkdwn control sequence: a mention, a channel, a special mention or a link. */
	private static final Pattern CONTROL = Pattern.compile("<([^<>]*)>");

	private MessageText() {
	}

	static String of(Message message) {
		List<LayoutBlock> blocks = (message.getBlocks() != null) ? message.getBlocks() : List.of();
		List<String> lines = new ArrayList<>();
		for (LayoutBlock block : blocks) {
			if (block instanceof RichTextBlock richText && richText.getElements() != null) {
				richText.getElements().forEach((element) -> lines.add(text(element)));
			}
		}
		if (!lines.isEmpty()) {
			return String.join("\n", lines);
		}
		return unescape((message.getText() != null) ? message.getText() : "");
	}

	private static String text(Object element) {
		if (element instanceof RichTextListElement list) {
			List<String> items = new ArrayList<>();
			elements(list.getElements()).forEach((item) -> items.add("- " + text(item).replace('\n', ' ')));
			return String.join("\n", items);
		}
		List<RichTextElement> inline = List.of();
		if (element instanceof RichTextSectionElement section) {
			inline = elements(section.getElements());
		}
		else if (element instanceof RichTextPreformattedElement preformatted) {
			inline = elements(preformatted.getElements());
		}
		else if (element instanceof RichTextQuoteElement quote) {
			inline = elements(quote.getElements());
		}
		StringBuilder text = new StringBuilder();
		inline.forEach((part) -> text.append(inline(part)));
		return text.toString();
	}

	private static String inline(RichTextElement part) {
		if (part instanceof RichTextSectionElement.Text text) {
			return nonNull(text.getText());
		}
		if (part instanceof RichTextSectionElement.Link link) {
			return (link.getText() != null && !link.getText().isBlank()) ? link.getText() : nonNull(link.getUrl());
		}
		if (part instanceof RichTextSectionElement.User user) {
			return "@" + nonNull(user.getUserId());
		}
		if (part instanceof RichTextSectionElement.Channel channel) {
			return "#" + nonNull(channel.getChannelId());
		}
		if (part instanceof RichTextSectionElement.UserGroup group) {
			return "@" + nonNull(group.getUsergroupId());
		}
		if (part instanceof RichTextSectionElement.Broadcast broadcast) {
			return "@" + nonNull(broadcast.getRange());
		}
		if (part instanceof RichTextSectionElement.Emoji emoji) {
			return ":" + nonNull(emoji.getName()) + ":";
		}
		return "";
	}

	private static List<RichTextElement> elements(List<RichTextElement> elements) {
		return (elements != null) ? elements : List.of();
	}

	private static String nonNull(String text) {
		return (text != null) ? text : "";
	}

	/** Mrkdwn as it reads: control sequences as their labels, entities as characters. */
	static String unescape(String mrkdwn) {
		Matcher control = CONTROL.matcher(mrkdwn);
		StringBuilder text = new StringBuilder();
		while (control.find()) {
			control.appendReplacement(text, Matcher.quoteReplacement(reads(control.group(1))));
		}
		control.appendTail(text);
		return text.toString().replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
	}

	/** What one control sequence reads as. */
	private static String reads(String inside) {
		int bar = inside.indexOf('|');
		String target = (bar >= 0) ? inside.substring(0, bar) : inside;
		String label = (bar >= 0) ? inside.substring(bar + 1) : "";
		if (target.startsWith("@") || target.startsWith("#")) {
			return label.isEmpty() ? target : target.charAt(0) + label.replaceFirst("^[@#]", "");
		}
		if (target.startsWith("!")) {
			if (!label.isEmpty()) {
				return label;
			}
			String special = target.substring(1);
			int caret = special.indexOf('^');
			return "@" + ((caret >= 0) ? special.substring(0, caret) : special);
		}
		if (!label.isEmpty()) {
			return label;
		}
		return target.startsWith("mailto:") ? target.substring("mailto:".length()) : target;
	}

}
