package dev.scopecut.slack.inbound;

import com.slack.api.bolt.response.Response;

/**
 * The answer to a signed payload that lacks what any real Slack payload of its kind has.
 */
public final class BadRequest {

	private BadRequest() {
	}

	public static Response response(String what) {
		return Response.builder()
			.statusCode(400)
			.contentType(Response.CONTENT_TYPE_APPLICATION_JSON)
			.body("{\"error\":\"malformed " + what + "\"}")
			.build();
	}

}
