package dev.scopecut.support.fakeslack;

import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * A {@code view_submission} payload as Slack sends it when someone submits a modal, built
 * with Gson: each input's state under {@code view.state.values.<block_id>.<action_id>}.
 * Scopecut's inputs use one id for both, so each value is given once.
 *
 * <pre>
 * requests.post(ViewSubmission.of("new-cut", CHANNEL, ANN).text("title", "Sharing app").body());
 * </pre>
 */
public final class ViewSubmission {

	private final JsonObject payload = new JsonObject();

	private final JsonObject values = new JsonObject();

	private ViewSubmission(String team, String callbackId, String privateMetadata, String user) {
		this.payload.addProperty("type", "view_submission");
		this.payload.add("team", id(team));
		JsonObject userObject = id(user);
		userObject.addProperty("team_id", team);
		this.payload.add("user", userObject);
		this.payload.addProperty("api_app_id", "A0000APP");
		this.payload.addProperty("token", "legacy-verification-token");
		this.payload.addProperty("trigger_id", SignedRequests.triggerId());
		JsonObject view = new JsonObject();
		view.addProperty("id", "V0000VIEW");
		view.addProperty("team_id", team);
		view.addProperty("type", "modal");
		view.addProperty("callback_id", callbackId);
		if (privateMetadata != null) {
			view.addProperty("private_metadata", privateMetadata);
		}
		JsonObject state = new JsonObject();
		state.add("values", this.values);
		view.add("state", state);
		this.payload.add("view", view);
	}

	public static ViewSubmission of(String callbackId, String privateMetadata, String user) {
		return new ViewSubmission(FakeSlack.TEAM, callbackId, privateMetadata, user);
	}

	/** A submission whose payload claims another workspace. */
	public static ViewSubmission of(String team, String callbackId, String privateMetadata, String user) {
		return new ViewSubmission(team, callbackId, privateMetadata, user);
	}

	/** A date picker's day, "2025-03-12"; null leaves it empty. */
	public ViewSubmission date(String id, String day) {
		input(id, "datepicker").addProperty("selected_date", day);
		return this;
	}

	/** A plain-text input; null leaves it empty, as Slack sends an empty optional one. */
	public ViewSubmission text(String id, String value) {
		JsonObject input = input(id, "plain_text_input");
		input.addProperty("value", value);
		return this;
	}

	/** A number input: Slack sends its value as text. */
	public ViewSubmission number(String id, String value) {
		JsonObject input = input(id, "number_input");
		input.addProperty("value", value);
		return this;
	}

	public ViewSubmission dateTime(String id, long epochSeconds) {
		input(id, "datetimepicker").addProperty("selected_date_time", epochSeconds);
		return this;
	}

	public ViewSubmission radio(String id, String value) {
		input(id, "radio_buttons").add("selected_option", option(value));
		return this;
	}

	/**
	 * Radio buttons in an input whose block id is not its action id, as in a ballot's one
	 * input an item.
	 */
	public ViewSubmission radio(String blockId, String actionId, String value) {
		input(blockId, actionId, "radio_buttons").add("selected_option", option(value));
		return this;
	}

	/** The blocks of the view as opened, which Slack sends back with the submission. */
	public ViewSubmission blocks(JsonArray blocks) {
		this.payload.getAsJsonObject("view").add("blocks", blocks);
		return this;
	}

	public ViewSubmission users(String id, List<String> users) {
		JsonArray selected = new JsonArray();
		users.forEach(selected::add);
		input(id, "multi_users_select").add("selected_users", selected);
		return this;
	}

	public ViewSubmission checkboxes(String id, List<String> values) {
		JsonArray selected = new JsonArray();
		values.forEach((value) -> selected.add(option(value)));
		input(id, "checkboxes").add("selected_options", selected);
		return this;
	}

	/** Leaves the input out of the state, as a payload not sent by Slack might. */
	public ViewSubmission remove(String id) {
		this.values.remove(id);
		return this;
	}

	public JsonObject json() {
		return this.payload;
	}

	/** The signed form body: {@code payload=<url-encoded JSON>}. */
	public String body() {
		return "payload=" + SignedRequests.encode(this.payload.toString());
	}

	private JsonObject input(String id, String type) {
		return input(id, id, type);
	}

	private JsonObject input(String blockId, String actionId, String type) {
		JsonObject action = new JsonObject();
		action.addProperty("type", type);
		JsonObject block = new JsonObject();
		block.add(actionId, action);
		this.values.add(blockId, block);
		return action;
	}

	private static JsonObject option(String value) {
		JsonObject option = new JsonObject();
		option.addProperty("value", value);
		JsonObject text = new JsonObject();
		text.addProperty("type", "plain_text");
		text.addProperty("text", value);
		option.add("text", text);
		return option;
	}

	private static JsonObject id(String id) {
		JsonObject object = new JsonObject();
		object.addProperty("id", id);
		return object;
	}

}
