package dev.scopecut.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whole cut in a real browser: typed in the sandbox's channel, voted on by two people,
 * closed by the facilitator, the decision read off the page; a reminder sent by hand,
 * read and voted on in a teammate's direct messages; the Home tab. Everything Scopecut
 * does here goes through its real {@code POST /slack/events} and its Web API calls.
 */
class SandboxBrowserTests extends SandboxTest {

	/** The reminded teammate's day must last beyond the test. */
	private static final Duration DAYTIME_LEFT = Duration.ofMinutes(30);

	private static ChromeDriver browser;

	private WebDriverWait wait;

	@Autowired
	Clock clock;

	@BeforeAll
	static void startBrowser() {
		browser = HeadlessChromium.start();
	}

	@AfterAll
	static void stopBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@BeforeEach
	void openSandbox() {
		// The page redraws a message whenever Scopecut changes it: look it up again.
		this.wait = new WebDriverWait(browser, WAIT);
		this.wait.ignoring(StaleElementReferenceException.class);
		browser.get(base() + "/sandbox");
		this.wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#user option"), 0));
	}

	@Test
	void aWholeCutRunsThroughScopecutFromTheBrowser() throws IOException {
		actAs(ANN);
		WebElement composer = browser.findElement(By.id("composer"));
		composer.sendKeys("/scopecut Demo: a; b; c", Keys.ENTER);
		this.wait.until((driver) -> cutMessage() != null);

		vote(SandboxBrowserTests::cutMessage, "a", "Ship");
		vote(SandboxBrowserTests::cutMessage, "b", "Ship");
		// Both clicks confirmed: in one reply, or in two when the browser was slow
		// enough to spread them over two bursts.
		this.wait.until((driver) -> confirmed("Ship", "“a”", "“b”"));
		assertThat(privateReplies()).hasSizeLessThanOrEqualTo(2);

		actAs(BEN);
		assertThat(privateReplies()).as("Ann's confirmations are hers alone").isEmpty();
		vote(SandboxBrowserTests::cutMessage, "a", "Ship");
		vote(SandboxBrowserTests::cutMessage, "b", "Defer");
		this.wait.until((driver) -> confirmed("Ship", "Defer", "“a”", "“b”"));
		this.wait.until((driver) -> cutMessage().getText().contains("2 of 4 voted"));

		actAs(ANN);
		this.wait.until((driver) -> click(button(cutMessage(), "Close cut")));
		browser.findElement(By.id("bk-confirm-yes")).click();
		String text = shownText(SandboxBrowserTests::decisionMessage);
		assertThat(text).contains("Ship now", "a (2–0)", "Defer", "b (1–1) (tie)", "c (0–0)");
		// The decision is posted, then the cut's message is updated: a closed cut has no
		// vote buttons left, only the one that starts the next cut.
		this.wait.until((driver) -> cutMessage().findElements(By.cssSelector("button.bk-button"))
			.stream()
			.map(WebElement::getText)
			.toList()
			.equals(List.of("Start next cut")));
		screenshot("sandbox.png");

		// The loop goes on: the next cut carries what was deferred.
		this.wait.until((driver) -> click(button(cutMessage(), "Start next cut")));
		WebElement items = this.wait.until(ExpectedConditions.visibilityOfElementLocated(formField("items")));
		assertThat(items.getDomProperty("value")).isEqualTo("b\nc");
		assertThat(browser.findElement(By.id("modal")).getText()).contains("b (1–1) (tie)", "c (0–0) (no votes)");
		browser.findElement(By.id("modal-submit")).click();
		this.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("modal-backdrop")));
		this.wait.until((driver) -> messages().stream()
			.anyMatch((message) -> message.getText().contains("Carries 2 items deferred from Demo")));
		screenshot("sandbox-next-cut.png");
	}

	@Test
	void theLoopACutItsCloseTheCheckInAnsweredTheDayAfterAndTheNextCutCarryingWhatWasDeferred() throws IOException {
		actAs(ANN);
		browser.findElement(By.id("composer")).sendKeys("/scopecut", Keys.ENTER);
		WebElement title = this.wait.until(ExpectedConditions.visibilityOfElementLocated(formField("title")));
		title.sendKeys("Demo");
		browser.findElement(formField("question")).sendKeys("Will people share a link?");
		browser.findElement(formField("items")).sendKeys("a\nb");
		// tomorrow where Ann lives; a date input takes its value as the browser's locale
		// writes it, so it is set as the page would read it
		String tomorrow = this.clock.instant().atZone(ZoneId.of("Europe/London")).toLocalDate().plusDays(1).toString();
		browser.executeScript("arguments[0].value = arguments[1]", browser.findElement(formField("check-in")),
				tomorrow);
		browser.findElement(By.id("modal-submit")).click();
		this.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("modal-backdrop")));
		this.wait.until((driver) -> cutMessage() != null);
		vote(SandboxBrowserTests::cutMessage, "a", "Ship");
		this.wait.until((driver) -> confirmed("Ship", "“a”"));
		this.wait.until((driver) -> click(button(cutMessage(), "Close cut")));
		browser.findElement(By.id("bk-confirm-yes")).click();
		this.wait.until((driver) -> decisionMessage() != null);

		browser.findElement(By.id("skip-day")).click();
		browser.findElement(By.id("nav-dm")).click();
		assertThat(shownText(() -> messageContaining("Check-in:"))).contains("Demo", "Will people share a link?");
		this.wait.until((driver) -> click(button(messageContaining("Check-in:"), "We learned it")));
		WebElement learned = this.wait.until(ExpectedConditions.visibilityOfElementLocated(formField("check-in-text")));
		learned.sendKeys("People share links with their whole team.");
		browser.findElement(By.id("modal-submit")).click();
		this.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("modal-backdrop")));
		this.wait.until((driver) -> messages().stream()
			.anyMatch((message) -> message.getText().contains("Thank you")
					&& message.findElements(By.cssSelector("button.bk-button")).isEmpty()));

		browser.findElement(By.id("nav-channel")).click();
		// The messages' texts read in one step, so that their order is of one drawing.
		List<String> shown = this.wait.until((driver) -> {
			List<String> texts = messages().stream().map(WebElement::getText).toList();
			return (indexContaining(texts, "What the release taught") >= 0) ? texts : null;
		});
		int reply = indexContaining(shown, "What the release taught");
		assertThat(shown.get(reply)).contains("Reply in thread", "We learned it",
				"People share links with their whole team.");
		assertThat(reply).as("the reply follows the decision it answers")
			.isEqualTo(indexContaining(shown, "Scope cut: Demo") + 1);
		String replyClasses = this.wait
			.until((driver) -> messageContaining("What the release taught").getDomAttribute("class"));
		assertThat(replyClasses).contains("thread-reply");
		screenshot("sandbox-check-in.png");

		this.wait.until((driver) -> click(button(cutMessage(), "Start next cut")));
		WebElement items = this.wait.until(ExpectedConditions.visibilityOfElementLocated(formField("items")));
		assertThat(items.getDomProperty("value")).isEqualTo("b");
		browser.findElement(By.id("modal-submit")).click();
		this.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("modal-backdrop")));
		this.wait.until((driver) -> messages().stream()
			.anyMatch((message) -> message.getText().contains("Carries 1 item deferred from Demo")));
	}

	@Test
	void aMessagesListBecomesACutsItemsThroughTheMessageShortcut() {
		actAs(BEN);
		browser.findElement(By.id("composer")).sendKeys("- invoices", Keys.ENTER);
		this.wait
			.until((driver) -> messages().stream().anyMatch((message) -> message.getText().contains("- invoices")));

		actAs(ANN);
		// Found, hovered and clicked in one step, looked up again if a redraw came
		// between.
		this.wait.until((driver) -> messages().stream()
			.filter((shown) -> shown.getText().contains("- invoices"))
			.findFirst()
			.map((message) -> {
				new Actions(browser).moveToElement(message).perform();
				return click(message.findElement(By.cssSelector("button.msg-shortcut")));
			})
			.orElse(false));

		WebElement items = this.wait.until(ExpectedConditions.visibilityOfElementLocated(formField("items")));
		assertThat(items.getDomProperty("value")).isEqualTo("invoices");
	}

	/**
	 * A 30-item cut voted on whole through its ballot: one click opens it, one click an
	 * item picks Ship or Defer, one submits; every item's count is then read off the
	 * cut's message.
	 */
	@Test
	void aThirtyItemCutIsVotedInThirtyTwoClicksThroughItsBallot() throws IOException {
		actAs(ANN);
		StringBuilder items = new StringBuilder();
		for (int i = 1; i <= 30; i++) {
			items.append((i == 1) ? "" : "; ").append("item ").append(i);
		}
		browser.findElement(By.id("composer")).sendKeys("/scopecut Demo: " + items, Keys.ENTER);
		this.wait.until((driver) -> cutMessage() != null);

		actAs(BEN);
		int clicks = 0;
		this.wait.until((driver) -> click(button(cutMessage(), "Vote on all 30 items")));
		clicks++;
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(formField("item-30")));
		for (int i = 1; i <= 30; i++) {
			String choice = (i % 2 == 1) ? "S" : "D";
			browser.findElement(formField("item-" + i))
				.findElement(By.cssSelector("input[value='" + choice + "']"))
				.click();
			clicks++;
		}
		browser.findElement(By.id("modal-submit")).click();
		clicks++;

		assertThat(clicks).isEqualTo(32);
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("modal"), "30 of 30 items voted"));
		screenshot("sandbox-ballot.png");
		this.wait.until((driver) -> {
			WebElement message = cutMessage();
			for (int i = 1; i <= 30; i++) {
				String counts = (i % 2 == 1) ? "Ship 1 · Defer 0" : "Ship 0 · Defer 1";
				if (!message.findElement(By.cssSelector(".bk-section[data-block-id='item-" + i + "']"))
					.getText()
					.contains(counts)) {
					return false;
				}
			}
			return true;
		});
	}

	@Test
	void aTeammateVotesFromTheReminderInTheirDirectMessagesAndReadsTheHomeTab() throws IOException {
		// Scopecut holds reminders between 20:00 and 08:00 the recipient's time, by the
		// clock it runs on: remind someone whose day it is now.
		Instant now = this.clock.instant();
		List<Teammates.Teammate> others = Stream.of(BEN, CHLOE, DEV)
			.map((id) -> Teammates.byId(id).orElseThrow())
			.toList();
		Teammates.Teammate reminded = others.stream()
			.filter((person) -> !person.inQuietHours(now) && !person.inQuietHours(now.plus(DAYTIME_LEFT)))
			.findFirst()
			.orElseThrow(() -> new AssertionError("the sandbox's teammates should always have someone awake"));
		String finished = others.stream()
			.map(Teammates.Teammate::id)
			.filter((id) -> !id.equals(reminded.id()))
			.findFirst()
			.orElseThrow();

		actAs(ANN);
		browser.findElement(By.id("composer")).sendKeys("/scopecut Demo: a; b; c", Keys.ENTER);
		this.wait.until((driver) -> cutMessage() != null);
		actAs(finished);
		for (String item : List.of("a", "b", "c")) {
			vote(SandboxBrowserTests::cutMessage, item, "Ship");
		}
		this.wait.until((driver) -> cutMessage().getText().contains("1 of 4 voted"));

		actAs(ANN);
		browser.findElement(By.id("composer")).sendKeys("/scopecut remind", Keys.ENTER);
		this.wait
			.until((driver) -> privateReplies().stream().anyMatch((reply) -> reply.getText().contains("reminded now")));

		actAs(reminded.id());
		// The badge counts the reminder until it has been on screen, as Slack's does.
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("dm-count"), "1"));
		browser.findElement(By.id("nav-dm")).click();
		assertThat(shownText(SandboxBrowserTests::reminder)).contains("Reminder:", "3 of 3 items", "Demo",
				"#release-planning", "Ship", "Defer");
		this.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("dm-count")));
		assertThat(this.workspace.snapshot(finished).getAsJsonArray("dmMessages")).as("who voted on everything")
			.isEmpty();

		vote(SandboxBrowserTests::reminder, "a", "Ship");
		// The reminder is redrawn in place: what is left, and how far they are.
		this.wait.until((driver) -> reminder().getText().contains("You voted on 1 of 3 items so far"));
		assertThat(reminder().findElements(By.cssSelector(".bk-section[data-block-id*='item-']")))
			.extracting((section) -> section.getText().split("\n", 2)[0])
			.containsExactly("b", "c");
		assertThat(privateReplies()).as("no private confirmation besides the redrawn reminder").isEmpty();
		browser.executeScript("document.getElementById('activity-box').open = true");
		screenshot("sandbox-reminder.png");

		// The reminder links to the cut's permalink, which opens the channel
		// at the cut's message.
		reminder().findElement(By.linkText("Demo")).click();
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("pane-title"), "# release-planning"));
		this.wait.until((driver) -> cutMessage().getAttribute("class").contains("linked"));
		this.wait.until((driver) -> cutMessage().getText().contains("2 of 4 voted"));

		browser.findElement(By.id("nav-home")).click();
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("home"), "Waiting for your vote"));
		String home = browser.findElement(By.id("home")).getText();
		assertThat(home).contains("Demo", "2 of 3 items left to vote on", "Your votes on open cuts",
				"You voted Ship on a", "Cuts you run", "You run no open cut", "Recent decisions");
		// Slack's Home tab has no message box, and nothing can be sent from it.
		assertThat(browser.findElement(By.id("composer-form")).isDisplayed()).isFalse();
		assertThat(browser.findElement(By.id("dm-count")).isDisplayed()).as("read, and still read").isFalse();

		actAs(ANN);
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("home"), "Cuts you run"));
		this.wait.until((driver) -> browser.findElement(By.id("home")).getText().contains("2 of 4 voted"));
	}

	/**
	 * As on Slack, a field Scopecut refuses is marked on its block and what the person
	 * typed stays, to be corrected and submitted again.
	 */
	@Test
	void aRefusedFieldInTheFormIsShownOnItsBlockAndKeepsWhatWasTyped() {
		actAs(ANN);
		browser.findElement(By.id("composer")).sendKeys("/scopecut", Keys.ENTER);
		WebElement title = this.wait.until(ExpectedConditions.visibilityOfElementLocated(formField("title")));
		title.sendKeys("Demo");
		String tooLong = "x".repeat(151);
		String typed = "email signup\n" + tooLong + "\nshare link";
		browser.findElement(formField("items")).sendKeys(typed);
		browser.findElement(By.id("modal-submit")).click();

		WebElement error = this.wait.until(ExpectedConditions
			.visibilityOfElementLocated(By.cssSelector("#modal .bk-input[data-block-id='items'] .bk-error")));
		assertThat(error.getText()).contains("151 characters", "150 or fewer");
		assertThat(browser.findElements(By.cssSelector("#modal .bk-error"))).as("only the items are refused")
			.hasSize(1);
		assertThat(browser.findElement(formField("title")).getDomProperty("value")).isEqualTo("Demo");
		WebElement items = browser.findElement(formField("items"));
		assertThat(items.getDomProperty("value")).isEqualTo(typed);

		items.clear();
		items.sendKeys("email signup\nshare link");
		browser.findElement(By.id("modal-submit")).click();
		this.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("modal-backdrop")));
		assertThat(shownText(SandboxBrowserTests::cutMessage)).contains("email signup", "share link");
	}

	@Test
	void theFacilitatorEditsTheCutInItsFormAndTheMessageShowsItWhileATeammateMayNot() {
		actAs(ANN);
		browser.findElement(By.id("composer")).sendKeys("/scopecut Demo: a; b; c", Keys.ENTER);
		this.wait.until((driver) -> cutMessage() != null);

		actAs(BEN);
		this.wait.until((driver) -> click(button(cutMessage(), "Edit")));
		this.wait
			.until((driver) -> privateReplies().stream().anyMatch((reply) -> reply.getText().contains("can edit")));
		assertThat(browser.findElements(By.cssSelector("#modal-backdrop:not([hidden])"))).as("no form for Ben")
			.isEmpty();

		actAs(ANN);
		this.wait.until((driver) -> click(button(cutMessage(), "Edit")));
		WebElement title = this.wait.until(ExpectedConditions.visibilityOfElementLocated(formField("title")));
		assertThat(title.getDomProperty("value")).as("the form holds the cut's title").isEqualTo("Demo");
		title.clear();
		title.sendKeys("Demo, trimmed");
		browser.findElement(formField("capacity")).sendKeys("1");
		browser.findElement(By.id("modal-submit")).click();
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("modal"),
				"title “Demo” → “Demo, trimmed”; capacity none → 1"));
		browser.findElement(By.id("modal-close")).click();
		this.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("modal-backdrop")));

		Supplier<WebElement> edited = () -> messages().stream()
			.filter((message) -> message.findElements(By.cssSelector(".bk-header"))
				.stream()
				.anyMatch((header) -> header.getText().equals("Demo, trimmed")))
			.findFirst()
			.orElse(null);
		assertThat(shownText(edited)).contains("at most 1 ship", "edited: title “Demo” → “Demo, trimmed”");
		assertThat(cutMessage()).as("the cut's message redrawn in place, not posted again").isNull();
		this.wait.until((driver) -> button(edited.get(), "Edit").isDisplayed());
	}

	@Test
	void aPersonSwitchesToSeeTheirOwnDirectMessagesAndHomeTab() {
		actAs(BEN);
		browser.findElement(By.id("nav-dm")).click();
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("pane-title"), "Ben Okafor"));
		assertThat(browser.findElement(By.id("messages")).getText()).contains("No direct messages");
		browser.findElement(By.id("nav-home")).click();
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("home")));
		this.wait
			.until((driver) -> this.workspace.snapshot(BEN).get("activity").toString().contains("app_home_opened"));
		browser.findElement(By.id("nav-channel")).click();
	}

	@Test
	void aTeammateAtNightIsToldWhyTheirDirectMessagesMayStayEmpty() {
		Instant now = this.clock.instant();
		Teammates.Teammate asleep = Teammates.people()
			.stream()
			.filter((person) -> person.inQuietHours(now) && person.inQuietHours(now.plus(Duration.ofMinutes(5))))
			.findFirst()
			.orElseThrow(() -> new AssertionError("the sandbox's teammates should always have someone asleep"));
		actAs(asleep.id());
		browser.findElement(By.id("nav-dm")).click();
		WebElement note = this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("quiet-note")));
		assertThat(note.getText()).contains("for " + asleep.realName() + ", inside Scopecut's quiet hours",
				"waits until 08:00 there");
		assertThat(new Select(browser.findElement(By.id("user"))).getFirstSelectedOption().getText())
			.contains(asleep.realName(), "quiet hours");
		assertThat(browser.findElement(By.id("local-time")).getText()).contains(asleep.zone().getId(), "quiet hours");

		browser.findElement(By.id("nav-channel")).click();
		this.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("quiet-note")));
	}

	/**
	 * The renderer on every golden message and view the bot's own tests pin: nothing
	 * shown as unsupported, no raw mrkdwn token left, and every text, button, menu
	 * option, bold span, mention and form input of the JSON on the page.
	 */
	@ParameterizedTest(name = "{0}")
	@MethodSource("goldens")
	void theRendererDrawsEveryGoldenBlockKitJson(Path golden) throws IOException {
		JsonElement json = JsonParser.parseString(Files.readString(golden));
		// A golden is a message or view, or (the Home tab's) a bare list of blocks.
		JsonArray blocks = json.isJsonArray() ? json.getAsJsonArray() : json.getAsJsonObject().getAsJsonArray("blocks");
		RenderedBlocks rendered = render(blocks);
		ExpectedBlocks expected = ExpectedBlocks.of(blocks);
		assertThat(rendered.unknown()).as("placeholders for unsupported Block Kit").isZero();
		assertThat(rendered.text()).doesNotContain("<@", "<!", "<#");
		assertThat(expected.texts()).isNotEmpty()
			.allSatisfy((text) -> assertThat(rendered.text()).as("the page's text").contains(text));
		assertThat(rendered.buttons()).isEqualTo(expected.buttons());
		assertThat(rendered.primary()).isEqualTo(expected.primary());
		assertThat(rendered.menuItems()).isEqualTo(expected.menuItems());
		assertThat(rendered.bold()).isEqualTo(expected.bold());
		assertThat(rendered.inputs()).isEqualTo(expected.inputs());
	}

	static Stream<Path> goldens() throws IOException {
		try (Stream<Path> files = Files.list(Path.of("src/test/resources/golden"))) {
			List<Path> json = files.filter((file) -> file.toString().endsWith(".json")).sorted().toList();
			assertThat(json).isNotEmpty();
			return json.stream();
		}
	}

	/**
	 * What is typed in every kind of input of the form, read as view.state.values and put
	 * back into the form drawn again, reads the same: nothing typed is lost when the page
	 * redraws a modal to show its errors.
	 */
	@Test
	void aFormsStateIsPutBackIntoTheFormDrawnAgain() throws IOException {
		String modal = Files.readString(Path.of("src/test/resources/golden/new-cut-modal.json"));
		@SuppressWarnings("unchecked")
		List<String> states = (List<String>) browser.executeScript("""
				const blocks = JSON.parse(arguments[0]).blocks;
				const ctx = {users: {U01ANN: 'Ann Lee', U01BEN: 'Ben Okafor'}, tz: 'UTC'};
				const typed = BlockKit.render(blocks, ctx);
				const untouched = JSON.stringify(BlockKit.collectState(typed));
				typed.querySelectorAll('.bk-control').forEach((node) => {
				  const choices = node.querySelectorAll('input');
				  if (node.type === 'number') node.value = '2';
				  else if (node.type === 'datetime-local') node.value = '2030-01-02T03:04';
				  else if (node.tagName === 'SELECT') Array.from(node.options).forEach((o) => { o.selected = true; });
				  else if (choices.length) choices.forEach((input, i) => { input.checked = i > 0; });
				  else node.value = 'typed in ' + node.dataset.blockId;
				});
				const drawnAgain = BlockKit.render(blocks, ctx);
				BlockKit.restoreState(drawnAgain, BlockKit.collectState(typed));
				return [untouched, JSON.stringify(BlockKit.collectState(typed)),
				  JSON.stringify(BlockKit.collectState(drawnAgain))];""", modal);
		assertThat(states.get(1)).isNotEqualTo(states.get(0))
			.contains("typed in title", "\"2\"", "selected_users\":[\"U01ANN\",\"U01BEN\"]");
		assertThat(states.get(2)).isEqualTo(states.get(1));
	}

	@Test
	void mrkdwnIsDrawnAsSlackDrawsIt() {
		String html = (String) browser.executeScript(
				"return BlockKit.mrkdwn(arguments[0], " + "{users: {U01ANN: 'Ann Lee'}, tz: 'Asia/Kolkata'})",
				"*bold* _italic_ ~gone~ `a_b*c` <https://example.com/x?a=1&amp;b=2|the link> <@U01ANN> "
						+ "<!date^0^{date_num} {time}|never> &lt;kept&gt; 5 * 3 * 2");
		assertThat(html).contains("<b>bold</b>", "<i>italic</i>", "<s>gone</s>", "<code>a_b*c</code>",
				"<a href=\"https://example.com/x?a=1&amp;b=2\" target=\"_blank\" rel=\"noopener\">the link</a>",
				"@Ann Lee", "1970-01-01 5:30 AM", "&lt;kept&gt;", "5 * 3 * 2");
	}

	@Test
	void blocksAndElementsTheSandboxDoesNotKnowAreShownAsPlaceholders() {
		JsonArray blocks = JsonParser
			.parseString(
					"""
							[{"type": "rich_text", "elements": []},
							 {"type": "actions", "elements": [{"type": "workflow_button", "action_id": "w"}]},
							 {"type": "section", "fields": [{"type": "mrkdwn", "text": "a field"}, {"type": "user", "user_id": "U1"}]},
							 {"type": "context", "elements": [{"type": "plain_text", "text": "a note"},
							   {"type": "rich_text_section", "elements": []}]}]""")
			.getAsJsonArray();
		RenderedBlocks rendered = render(blocks);
		assertThat(rendered.unknown()).isEqualTo(4);
		assertThat(rendered.text()).contains("Unsupported block \"rich_text\"",
				"Unsupported element \"workflow_button\"", "a field", "Unsupported element \"user\"", "a note",
				"Unsupported element \"rich_text_section\"");
	}

	private static RenderedBlocks render(JsonArray blocks) {
		@SuppressWarnings("unchecked")
		Map<String, Object> result = (Map<String, Object>) browser.executeScript("""
				const root = BlockKit.render(JSON.parse(arguments[0]), {users: {}, tz: 'UTC', onAction: () => {}});
				const all = (selector) => Array.from(root.querySelectorAll(selector)).map((node) => node.textContent);
				return {
				  text: root.textContent,
				  unknown: root.querySelectorAll('.bk-unknown').length,
				  buttons: all('button.bk-button:not(.bk-overflow-toggle)'),
				  primary: root.querySelectorAll('button.bk-primary').length,
				  menuItems: all('.bk-menu-item'),
				  bold: all('b'),
				  inputs: Object.keys(BlockKit.collectState(root)).sort()
				};""", blocks.toString());
		return new RenderedBlocks((String) result.get("text"), ((Number) result.get("unknown")).intValue(),
				strings(result.get("buttons")), ((Number) result.get("primary")).intValue(),
				strings(result.get("menuItems")), strings(result.get("bold")), strings(result.get("inputs")));
	}

	@SuppressWarnings("unchecked")
	private static List<String> strings(Object list) {
		return ((List<Object>) list).stream().map(String::valueOf).toList();
	}

	private record RenderedBlocks(String text, int unknown, List<String> buttons, int primary, List<String> menuItems,
			List<String> bold, List<String> inputs) {
	}

	/** Switches the page to the person and waits until it has drawn what they see. */
	private void actAs(String user) {
		new Select(browser.findElement(By.id("user"))).selectByValue(user);
		this.wait.until(ExpectedConditions.attributeToBe(By.id("app"), "data-shown-user", user));
	}

	/**
	 * Clicks an item's Ship or Defer in a message, the cut's or a reminder: the item's
	 * section is {@code item-N}, its buttons {@code vote-N} (a reminder prefixes them).
	 */
	private void vote(Supplier<WebElement> message, String item, String choice) {
		this.wait.until((driver) -> {
			WebElement shown = message.get();
			String section = shown.findElements(By.cssSelector(".bk-section[data-block-id*='item-']"))
				.stream()
				.filter((found) -> found.getText().split("\n", 2)[0].equals(item))
				.findFirst()
				.orElseThrow(() -> new AssertionError("no item " + item + " in " + shown.getText()))
				.getDomAttribute("data-block-id");
			String row = section.replace("item-", "vote-");
			button(shown.findElement(By.cssSelector(".bk-actions[data-block-id='" + row + "']")), choice).click();
			return true;
		});
	}

	private static boolean click(WebElement element) {
		element.click();
		return true;
	}

	private static WebElement button(WebElement scope, String label) {
		return scope.findElements(By.cssSelector("button.bk-button"))
			.stream()
			.filter((button) -> button.getText().equals(label))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no " + label + " button in " + scope.getText()));
	}

	/** An input of the open modal, by its block id. */
	private static By formField(String blockId) {
		return By.cssSelector("#modal .bk-control[data-block-id='" + blockId + "']");
	}

	private static List<WebElement> messages() {
		return browser.findElements(By.cssSelector("#messages article.msg"));
	}

	/** Whether the private replies on the page, together, say all of these. */
	private static boolean confirmed(String... parts) {
		String replies = privateReplies().stream().map(WebElement::getText).collect(Collectors.joining("\n"));
		return Stream.of(parts).allMatch(replies::contains);
	}

	private static List<WebElement> privateReplies() {
		return browser.findElements(By.cssSelector("#messages article.msg.ephemeral"));
	}

	/** The cut's own message: the one whose header says "Demo". */
	private static WebElement cutMessage() {
		return messages().stream()
			.filter((message) -> !message.findElements(By.cssSelector(".bk-header")).isEmpty()
					&& message.findElement(By.cssSelector(".bk-header")).getText().equals("Demo"))
			.findFirst()
			.orElse(null);
	}

	/** The decision of the cut "Demo", as posted in the channel. */
	private static WebElement decisionMessage() {
		return messageContaining("Scope cut: Demo");
	}

	/** The reminder in the direct messages shown. */
	private static WebElement reminder() {
		return messageContaining("Reminder:");
	}

	/** The first message shown that says {@code part}, or null. */
	private static WebElement messageContaining(String part) {
		return messages().stream().filter((message) -> message.getText().contains(part)).findFirst().orElse(null);
	}

	private static int indexContaining(List<String> texts, String part) {
		for (int i = 0; i < texts.size(); i++) {
			if (texts.get(i).contains(part)) {
				return i;
			}
		}
		return -1;
	}

	/**
	 * The text of what {@code find} finds, read in the same step: the page redraws its
	 * messages whenever one changes, and an element found before a redraw is stale after
	 * it (the wait ignores that, and finds it again).
	 */
	private String shownText(Supplier<WebElement> find) {
		return this.wait.until((driver) -> {
			WebElement found = find.get();
			return (found != null) ? found.getText() : null;
		});
	}

	/**
	 * Saves what the page shows under target/ (docs/sandbox.png,
	 * docs/sandbox-reminder.png and docs/sandbox-next-cut.png are copies of one).
	 */
	private static void screenshot(String name) throws IOException {
		Path file = Path.of("target", name);
		Files.createDirectories(file.getParent());
		Files.write(file, browser.getScreenshotAs(OutputType.BYTES));
		assertThat(Files.size(file)).isGreaterThan(10_000);
	}

}
