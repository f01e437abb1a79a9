package dev.scopecut.sandbox;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.app_backend.SlackSignature;
import com.slack.api.methods.response.users.UsersListResponse;
import com.slack.api.model.User;
import com.slack.api.util.json.GsonFactory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sandbox without a browser: what the page's requests do, the Web API answers
 * Scopecut gets, and the response URLs.
 */
class SandboxWebApiTests extends SandboxTest {

	/** How Slack's SDK, and so Scopecut, reads the Web API's answers. */
	private static final Gson SLACK_JSON = GsonFactory.createSnakeCase();

	@Test
	void aCommandAndAClickDeliveredBySignedRequestsAreServedByScopecut() {
		assertThat(ui("message", message(ANN, "/scopecut Demo: a; b; c")).statusCode()).isEqualTo(200);
		JsonObject cut = awaitSnapshot(BEN, (seen) -> cutMessage(seen) != null).getAsJsonArray("messages")
			.get(0)
			.getAsJsonObject();
		String shipA = buttonValues(cut).get(0);

		JsonObject click = new JsonObject();
		click.addProperty("user", BEN);
		click.addProperty("channel", this.workspace.channel());
		click.addProperty("ts", cut.get("ts").getAsString());
		click.add("action", JsonParser.parseString("{\"type\":\"button\",\"action_id\":\"vote-ship\",\"block_id\":"
				+ "\"vote-1\",\"value\":\"" + shipA + "\"}"));
		assertThat(ui("action", click).statusCode()).isEqualTo(200);

		JsonObject ben = awaitSnapshot(BEN, (seen) -> privateTexts(seen).stream().anyMatch((t) -> t.contains("Ship")));
		assertThat(privateTexts(ben)).containsExactly("You voted *Ship* on “a”.");
		assertThat(privateTexts(this.workspace.snapshot(ANN))).as("Ben's confirmation is his alone").isEmpty();
		awaitSnapshot(ANN, (seen) -> cutMessage(seen).toString().contains("Ship 1 · Defer 0"));
		assertThat(this.workspace.snapshot(ANN).get("activity").toString()).doesNotContain("HTTP 401");
	}

	@Test
	void aCommandsTextGoesToScopecutEscapedAsSlackEscapesItAndIsReadAsTyped() {
		ui("message", message(ANN, "/scopecut R&D <1>: a & b; c"));

		JsonObject cut = cutMessage(awaitSnapshot(ANN, (seen) -> cutMessage(seen) != null));
		assertThat(this.workspace.snapshot(ANN).get("activity").toString())
			.contains("/scopecut R&amp;D &lt;1&gt;: a &amp; b; c");
		assertThat(buttonValues(cut).stream().filter((value) -> value.endsWith("|S"))).hasSize(2);
		assertThat(cut.toString()).contains("R&D <1>", "a &amp; b").doesNotContain("&amp;amp;", "&amp;lt;");
	}

	/**
	 * A form on any other site can post text/plain, form-encoded or multipart bodies to
	 * the sandbox without asking; only JSON needs a CORS preflight, which the sandbox
	 * never allows.
	 */
	@Test
	void thePagesRequestsAreRefusedUnlessJsonSoNoOtherSiteCanActAsATeammate() {
		String channel = this.workspace.channel();
		String forged = message(ANN, "/scopecut Forged: a; b").toString();
		for (String path : List.of("message", "action", "submit", "close", "home", "reset")) {
			for (String type : List.of("text/plain", "application/x-www-form-urlencoded",
					"multipart/form-data; boundary=x")) {
				assertThat(post("/sandbox/ui/" + path, type, forged, null).statusCode()).as(path + " as " + type)
					.isEqualTo(415);
			}
		}
		JsonObject seen = this.workspace.snapshot(ANN);
		assertThat(seen.getAsJsonArray("messages")).isEmpty();
		assertThat(seen.get("activity").toString()).as("nothing delivered to Scopecut").doesNotContain("→ Scopecut");
		assertThat(this.workspace.channel()).as("no reset").isEqualTo(channel);
	}

	@Test
	void theSigningMatchesSlacksOwnSdk() {
		String body = "payload=%7B%22type%22%3A%22block_actions%22%7D";
		assertThat(Signature.sign("s3cret", "1700000000", body))
			.isEqualTo(new SlackSignature.Generator("s3cret").generate("1700000000", body));
	}

	@Test
	void theFormOpensFromItsTriggerAndShowsScopecutsErrorsOnTheField() {
		ui("message", message(ANN, "/scopecut"));
		JsonObject modal = awaitSnapshot(ANN, (seen) -> seen.has("modal")).getAsJsonObject("modal");
		JsonObject view = modal.getAsJsonObject("view");
		assertThat(view.getAsJsonObject("title").get("text").getAsString()).isEqualTo("New scope cut");
		assertThat(this.workspace.snapshot(BEN).has("modal")).as("the modal is Ann's").isFalse();

		JsonObject values = JsonParser
			.parseString("""
					{"title": {"title": {"type": "plain_text_input", "value": null}},
					 "items": {"items": {"type": "plain_text_input", "value": "a\\nb"}},
					 "deadline": {"deadline": {"type": "datetimepicker", "selected_date_time": %d}}}"""
				.formatted(System.currentTimeMillis() / 1000 + 86_400))
			.getAsJsonObject();
		ui("submit", submission(ANN, view, values));
		JsonObject refused = awaitSnapshot(ANN,
				(seen) -> seen.has("modal") && seen.getAsJsonObject("modal").getAsJsonObject("errors").size() > 0)
			.getAsJsonObject("modal");
		assertThat(refused.getAsJsonObject("errors").keySet()).containsExactly("title");
		assertThat(refused.getAsJsonObject("view").getAsJsonObject("state").getAsJsonObject("values"))
			.as("what was submitted, kept as Slack keeps it")
			.isEqualTo(values);

		values.getAsJsonObject("title").getAsJsonObject("title").addProperty("value", "From the form");
		ui("submit", submission(ANN, view, values));
		JsonObject posted = awaitSnapshot(ANN,
				(seen) -> !seen.has("modal") && seen.toString().contains("From the form"));
		assertThat(posted.getAsJsonArray("messages")).hasSize(1);
	}

	@Test
	void aTriggerIdWorksOnceAsOnSlack() {
		String trigger = this.workspace.issueTrigger(ANN);
		String view = "{\"type\":\"modal\",\"title\":{\"type\":\"plain_text\",\"text\":\"Hi\"},\"blocks\":[]}";
		assertThat(api("views.open", "trigger_id=" + trigger + "&view=" + encode(view)).get("ok").getAsBoolean())
			.isTrue();
		assertThat(api("views.open", "trigger_id=" + trigger + "&view=" + encode(view)).get("error").getAsString())
			.isEqualTo("invalid_trigger_id");
	}

	@Test
	void unknownMethodsAndBadTokensAreAnsweredAsSlackAnswersThem() {
		assertThat(api("chat.meMessage", "channel=C1").toString())
			.isEqualTo("{\"ok\":false,\"error\":\"unknown_method\"}");
		HttpResponse<String> wrong = post("/sandbox/api/auth.test", "application/x-www-form-urlencoded", "",
				"Bearer xoxb-real-looking");
		assertThat(wrong.body()).contains("invalid_auth");
		assertThat(post("/sandbox/api/auth.test", "application/x-www-form-urlencoded", "", null).body())
			.contains("not_authed");
		assertThat(api("chat.postMessage", "channel=C999&text=hi").get("error").getAsString())
			.isEqualTo("channel_not_found");
	}

	@Test
	void aMessageOverBlockKitsLimitsIsRefusedAndFlaggedOnThePage() {
		JsonArray blocks = new JsonArray();
		for (int i = 0; i < 51; i++) {
			blocks.add(JsonParser.parseString("{\"type\":\"divider\"}"));
		}
		JsonObject answer = api("chat.postMessage",
				"channel=" + this.workspace.channel() + "&text=big&blocks=" + encode(blocks.toString()));
		assertThat(answer.get("error").getAsString()).isEqualTo("invalid_blocks");
		assertThat(answer.getAsJsonArray("errors").toString()).contains("message has 51 blocks, more than 50");
		JsonObject shown = this.workspace.snapshot(ANN).getAsJsonArray("messages").get(0).getAsJsonObject();
		assertThat(shown.getAsJsonArray("rejected")).hasSize(1);
	}

	@Test
	void usersInfoAndDirectConversationsAnswerAsSlackDoes() {
		JsonObject ben = api("users.info", "user=" + BEN).getAsJsonObject("user");
		assertThat(ben.get("tz").getAsString()).isEqualTo("America/New_York");
		assertThat(ben.get("is_bot").getAsBoolean()).isFalse();
		assertThat(api("users.info", "user=" + Teammates.BOT).getAsJsonObject("user").get("is_bot").getAsBoolean())
			.isTrue();
		String dm = api("conversations.open", "users=" + BEN).getAsJsonObject("channel").get("id").getAsString();
		api("chat.postMessage", "channel=" + dm + "&text=" + encode("Vote on *Demo*"));
		assertThat(this.workspace.snapshot(BEN).getAsJsonArray("dmMessages").toString()).contains("Vote on *Demo*");
		assertThat(this.workspace.snapshot(ANN).getAsJsonArray("dmMessages")).isEmpty();
		JsonObject home = api("views.publish",
				"user_id=" + BEN + "&view="
						+ encode(
								"{\"type\":\"home\",\"blocks\":[{\"type\":\"header\",\"text\":{\"type\":\"plain_text\","
										+ "\"text\":\"Waiting for you\"}}]}"));
		assertThat(home.get("ok").getAsBoolean()).isTrue();
		assertThat(this.workspace.snapshot(BEN).getAsJsonObject("home").toString()).contains("Waiting for you");
	}

	@Test
	void usersListPagesThroughEveryoneAsSlackDoesAndScopecutsSdkReadsIt() {
		List<String> listed = new ArrayList<>();
		String cursor = "";
		int pages = 0;
		do {
			UsersListResponse page = SLACK_JSON.fromJson(
					api("users.list", "limit=2" + (cursor.isEmpty() ? "" : "&cursor=" + encode(cursor))),
					UsersListResponse.class);
			assertThat(page.isOk()).isTrue();
			assertThat(page.getMembers()).hasSizeBetween(1, 2);
			page.getMembers().forEach((member) -> listed.add(member.getId()));
			cursor = page.getResponseMetadata().getNextCursor();
			pages++;
		}
		while (!cursor.isEmpty());
		assertThat(pages).isEqualTo(3);
		assertThat(listed).containsExactlyElementsOf(Teammates.ALL.stream().map(Teammates.Teammate::id).toList());

		List<User> everyone = SLACK_JSON.fromJson(api("users.list", ""), UsersListResponse.class).getMembers();
		assertThat(everyone).as("no limit: everyone in one page").hasSize(Teammates.ALL.size());
		User ben = everyone.stream().filter((member) -> member.getId().equals(BEN)).findFirst().orElseThrow();
		assertThat(ben.getName()).isEqualTo("ben");
		assertThat(ben.getRealName()).isEqualTo("Ben Okafor");
		assertThat(ben.getTz()).isEqualTo("America/New_York");
		assertThat(ben.getTzOffset()).isIn(-5 * 3600, -4 * 3600);
		assertThat(ben.isBot()).isFalse();
		assertThat(ben.isDeleted()).isFalse();
		assertThat(everyone.stream().filter(User::isBot).map(User::getId)).containsExactly(Teammates.BOT);
		assertThat(api("users.list", "cursor=not-a-cursor").get("error").getAsString()).isEqualTo("invalid_cursor");
	}

	@Test
	void theHomeTabOpeningIsDeliveredAsASignedEvent() {
		ui("home", person(ANN));
		assertThat(this.workspace.snapshot(ANN).get("activity").toString()).contains("event app_home_opened · HTTP")
			.doesNotContain("HTTP 401");
	}

	@Test
	void responseUrlsReplyPrivatelyReplaceOrDeleteTheMessageClicked() {
		String channel = this.workspace.channel();
		String ts = this.workspace.post(channel, Teammates.BOT, "original", new JsonArray(), null);
		String hook = this.workspace.issueResponseUrl(BEN, channel, ts);
		respond(hook, "{\"text\":\"just for Ben\"}");
		assertThat(texts(this.workspace.snapshot(BEN))).containsExactly("original", "just for Ben");
		assertThat(texts(this.workspace.snapshot(ANN))).containsExactly("original");
		respond(hook, "{\"text\":\"for all\",\"response_type\":\"in_channel\"}");
		assertThat(texts(this.workspace.snapshot(ANN))).containsExactly("original", "for all");
		respond(hook, "{\"text\":\"replaced\",\"replace_original\":true}");
		assertThat(texts(this.workspace.snapshot(ANN))).containsExactly("replaced", "for all");
		respond(hook, "{\"delete_original\":true}");
		assertThat(texts(this.workspace.snapshot(ANN))).containsExactly("for all");
		assertThat(respond(hook, "{\"text\":\"fifth\"}").statusCode()).isEqualTo(200);
		HttpResponse<String> sixth = respond(hook, "{\"text\":\"once more\"}");
		assertThat(sixth.body()).contains("used_url");
		assertThat(respond("nope", "{\"text\":\"x\"}").statusCode()).isEqualTo(404);
	}

	private HttpResponse<String> respond(String hook, String body) {
		return post("/sandbox/response/" + hook, "application/json", body, null);
	}

	private JsonObject message(String user, String text) {
		JsonObject message = person(user);
		message.addProperty("conversation", this.workspace.channel());
		message.addProperty("text", text);
		return message;
	}

	private JsonObject submission(String user, JsonObject view, JsonObject values) {
		JsonObject submission = person(user);
		submission.addProperty("viewId", view.get("id").getAsString());
		submission.add("values", values);
		return submission;
	}

	private static JsonObject person(String user) {
		JsonObject json = new JsonObject();
		json.addProperty("user", user);
		return json;
	}

	private static JsonObject cutMessage(JsonObject snapshot) {
		for (JsonElement message : snapshot.getAsJsonArray("messages")) {
			if (message.toString().contains("\"action_id\":\"vote-ship\"")
					&& !message.getAsJsonObject().get("ephemeral").getAsBoolean()) {
				return message.getAsJsonObject();
			}
		}
		return null;
	}

	private static List<String> buttonValues(JsonObject message) {
		return message.getAsJsonArray("blocks")
			.asList()
			.stream()
			.filter((block) -> Json.string(block.getAsJsonObject(), "type").equals("actions"))
			.flatMap((block) -> Json.array(block.getAsJsonObject(), "elements").asList().stream())
			.map((element) -> Json.string(element.getAsJsonObject(), "value"))
			.toList();
	}

	private static List<String> privateTexts(JsonObject snapshot) {
		return snapshot.getAsJsonArray("messages")
			.asList()
			.stream()
			.map(JsonElement::getAsJsonObject)
			.filter((message) -> message.get("ephemeral").getAsBoolean())
			.map((message) -> message.get("text").getAsString())
			.toList();
	}

	private static List<String> texts(JsonObject snapshot) {
		return snapshot.getAsJsonArray("messages")
			.asList()
			.stream()
			.map((message) -> message.getAsJsonObject().get("text").getAsString())
			.toList();
	}

	private static String encode(String value) {
		return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
	}

}
