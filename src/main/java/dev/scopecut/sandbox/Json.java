package dev.scopecut.sandbox;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/** Lenient reads of Slack JSON: a missing or mistyped field reads as empty. */
final class Json {

	private Json() {
	}

	static String string(JsonObject object, String name) {
		JsonElement value = object.get(name);
		return (value != null && value.isJsonPrimitive()) ? value.getAsString() : "";
	}

	static boolean bool(JsonObject object, String name) {
		JsonElement value = object.get(name);
		return value != null && value.isJsonPrimitive() && value.getAsBoolean();
	}

	static JsonArray array(JsonObject object, String name) {
		JsonElement value = object.get(name);
		return (value != null && value.isJsonArray()) ? value.getAsJsonArray() : new JsonArray();
	}

}
