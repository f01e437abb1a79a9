package dev.scopecut.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * What a page must show for some Block Kit JSON, read from the JSON itself: the plain
 * texts (placeholders and confirmation dialogs aside, as they show only on demand), every
 * word of mrkdwn outside its {@code <…>} tokens, the buttons' labels in order and how
 * many are primary, the overflow menus' options, the bold spans of mrkdwn, mentions as
 * {@code @id}, and the input blocks of a form.
 */
record ExpectedBlocks(List<String> texts, List<String> buttons, int primary, List<String> menuItems, List<String> bold,
		List<String> inputs) {

	private static final Pattern BOLD = Pattern.compile("(?<![\\w*])\\*(?=\\S)([^*\\n]*?\\S|\\S)\\*(?![\\w*])");

	private static final Pattern CODE = Pattern.compile("`([^`\\n]+)`");

	private static final Pattern WORD = Pattern.compile("[A-Za-z0-9]{3,}");

	private static final Pattern MENTION = Pattern.compile("<@(U\\w+)>");

	/** A link, {@code <url|label>}, is drawn as its label. */
	private static final Pattern LINK = Pattern.compile("<[^@#!|>][^|>]*\\|([^>]*)>");

	static ExpectedBlocks of(JsonArray blocks) {
		ExpectedBlocks expected = new ExpectedBlocks(new ArrayList<>(), new ArrayList<>(), 0, new ArrayList<>(),
				new ArrayList<>(), new ArrayList<>());
		int[] primary = { 0 };
		blocks.forEach((block) -> {
			JsonObject object = block.getAsJsonObject();
			if (Json.string(object, "type").equals("input")) {
				expected.inputs().add(Json.string(object, "block_id"));
			}
			expected.walk(object, primary);
		});
		expected.inputs().sort(null);
		return new ExpectedBlocks(expected.texts(), expected.buttons(), primary[0], expected.menuItems(),
				expected.bold(), expected.inputs());
	}

	private void walk(JsonElement element, int[] primary) {
		if (element.isJsonArray()) {
			element.getAsJsonArray().forEach((child) -> walk(child, primary));
			return;
		}
		if (!element.isJsonObject()) {
			return;
		}
		JsonObject object = element.getAsJsonObject();
		String type = Json.string(object, "type");
		if (type.equals("plain_text")) {
			this.texts.add(Json.string(object, "text"));
		}
		if (type.equals("mrkdwn")) {
			mrkdwn(Json.string(object, "text"));
		}
		if (type.equals("button")) {
			this.buttons.add(Json.string(object.getAsJsonObject("text"), "text"));
			primary[0] += Json.string(object, "style").equals("primary") ? 1 : 0;
		}
		if (type.equals("overflow")) {
			Json.array(object, "options")
				.forEach((option) -> this.menuItems
					.add(Json.string(option.getAsJsonObject().getAsJsonObject("text"), "text")));
		}
		for (Map.Entry<String, JsonElement> field : object.entrySet()) {
			if (!field.getKey().equals("placeholder") && !field.getKey().equals("confirm")) {
				walk(field.getValue(), primary);
			}
		}
	}

	private void mrkdwn(String text) {
		// A code span's text shows inside a bold span, but its asterisks are not bold
		// marks.
		String withoutCode = CODE.matcher(text)
			.replaceAll((code) -> Matcher.quoteReplacement(code.group(1).replace("*", "")));
		Matcher bold = BOLD.matcher(withoutCode);
		while (bold.find()) {
			this.bold.add(LINK.matcher(bold.group(1))
				.replaceAll("$1")
				.replace("&lt;", "<")
				.replace("&gt;", ">")
				.replace("&amp;", "&"));
		}
		Matcher word = WORD.matcher(text.replaceAll("<[^<>]*>", " "));
		while (word.find()) {
			this.texts.add(word.group());
		}
		Matcher mention = MENTION.matcher(text);
		while (mention.find()) {
			this.texts.add("@" + mention.group(1));
		}
	}

}
