package dev.scopecut.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whole cut in a real browser: typed in the sandbox's channel, voted on by two people,
 * closed by the facilitator, the decision read off the page. Everything Scopecut does
 * here goes through its real {@code POST /slack/events} and its Web API calls.
 */
class SandboxBrowserTests extends SandboxTest {

	private static ChromeDriver browser;

	private WebDriverWait wait;

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

		vote("a", "Ship");
		vote("b", "Ship");
		this.wait.until((driver) -> privateReplies().size() >= 2);

		actAs(BEN);
		assertThat(privateReplies()).as("Ann's confirmations are hers alone").isEmpty();
		vote("a", "Ship");
		vote("b", "Defer");
		this.wait.until((driver) -> privateReplies().size() >= 2);
		this.wait.until((driver) -> cutMessage().getText().contains("2 of 4 voted"));

		actAs(ANN);
		this.wait.until((driver) -> click(button(cutMessage(), "Close cut")));
		browser.findElement(By.id("bk-confirm-yes")).click();
		WebElement decision = this.wait.until((driver) -> messages().stream()
			.filter((message) -> message.getText().contains("Scope cut: Demo"))
			.findFirst()
			.orElse(null));
		String text = decision.getText();
		assertThat(text).contains("Ship now", "a (2–0)", "Defer", "b (1–1) (tie)", "c (0–0)");
		assertThat(cutMessage().findElements(By.cssSelector("button.bk-button"))).as("a closed cut has no buttons left")
			.isEmpty();
		screenshot();
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

	private void actAs(String user) {
		new Select(browser.findElement(By.id("user"))).selectByValue(user);
		this.wait.until(
				(driver) -> browser
					.executeScript("return document.getElementById('user').value === arguments[0] && "
							+ "!!document.querySelector('#messages')", user)
					.equals(Boolean.TRUE));
		this.wait.until((driver) -> messagesShownFor(user));
	}

	/** The page has redrawn for this person: it shows no one else's private replies. */
	private boolean messagesShownFor(String user) {
		long shownEphemeral = privateReplies().size();
		long theirs = this.workspace.snapshot(user)
			.getAsJsonArray("messages")
			.asList()
			.stream()
			.filter((message) -> message.getAsJsonObject().get("ephemeral").getAsBoolean())
			.count();
		return shownEphemeral == theirs;
	}

	private void vote(String item, String choice) {
		this.wait.until((driver) -> {
			clickVote(item, choice);
			return true;
		});
	}

	private void clickVote(String item, String choice) {
		WebElement message = cutMessage();
		List<WebElement> sections = message.findElements(By.cssSelector(".bk-section"));
		int index = 0;
		for (; index < sections.size(); index++) {
			if (sections.get(index).getText().startsWith(item + "\n")) {
				break;
			}
		}
		String rowId = "vote-" + (index + 1);
		WebElement row = message.findElement(By.cssSelector(".bk-actions[data-block-id='" + rowId + "']"));
		button(row, choice).click();
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

	private static List<WebElement> messages() {
		return browser.findElements(By.cssSelector("#messages article.msg"));
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

	/**
	 * Saves what the page shows to target/sandbox.png (docs/sandbox.png is a copy of
	 * one).
	 */
	private static void screenshot() throws IOException {
		Path file = Path.of("target", "sandbox.png");
		Files.createDirectories(file.getParent());
		Files.write(file, browser.getScreenshotAs(OutputType.BYTES));
		assertThat(Files.size(file)).isGreaterThan(10_000);
	}

}
