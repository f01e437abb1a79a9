package dev.scopecut.sandbox;

import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The response URLs handed out with commands and clicks. As on Slack: a reply is private
 * to whoever acted unless {@code response_type} is {@code in_channel};
 * {@code replace_original} replaces the message clicked, {@code delete_original} deletes
 * it; a URL works five times within thirty minutes.
 */
@RestController
@ConditionalOnBooleanProperty(SandboxEnvironment.ENABLED)
class ResponseUrls {

	private final Workspace workspace;

	ResponseUrls(Workspace workspace) {
		this.workspace = workspace;
	}

	@PostMapping(path = "/sandbox/response/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<String> reply(@PathVariable String id, @RequestBody String body) {
		Workspace.Result<Workspace.Hook> hook = this.workspace.useResponseUrl(id);
		if (!hook.ok()) {
			return answer(404, hook.error());
		}
		JsonObject reply;
		try {
			reply = JsonParser.parseString(body).getAsJsonObject();
		}
		catch (RuntimeException ex) {
			return answer(400, "invalid_payload");
		}
		String outcome = apply(hook.value(), reply);
		this.workspace.record("← response URL: " + outcome);
		return outcome.equals("ok") ? answer(200, null) : answer(outcome.equals("invalid_blocks") ? 400 : 404, outcome);
	}

	private String apply(Workspace.Hook hook, JsonObject reply) {
		String text = Json.string(reply, "text");
		JsonArray blocks = Json.array(reply, "blocks");
		boolean original = hook.messageTs() != null;
		if (original && Json.bool(reply, "delete_original")) {
			return this.workspace.delete(hook.channel(), hook.messageTs()) ? "ok" : "message_not_found";
		}
		boolean inChannel = "in_channel".equals(Json.string(reply, "response_type"));
		String onlyFor = inChannel ? null : hook.user();
		List<String> broken = BlockKitRules.violations(blocks, BlockKitRules.Surface.MESSAGE);
		if (!broken.isEmpty()) {
			this.workspace.refused(hook.channel(), Teammates.BOT, text, blocks, onlyFor, broken);
			return "invalid_blocks";
		}
		if (original && Json.bool(reply, "replace_original")) {
			return this.workspace.update(hook.channel(), hook.messageTs(), text, blocks) ? "ok" : "message_not_found";
		}
		if (text.isBlank() && blocks.isEmpty()) {
			return "no_text";
		}
		this.workspace.post(hook.channel(), Teammates.BOT, text, blocks, onlyFor);
		return "ok";
	}

	private static ResponseEntity<String> answer(int status, String error) {
		JsonObject json = new JsonObject();
		json.addProperty("ok", error == null);
		if (error != null) {
			json.addProperty("error", error);
		}
		return ResponseEntity.status(status).body(json.toString());
	}

}
