package dev.scopecut.ops;

import java.io.IOException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Times every Web API call the app makes, Bolt's own included ({@code views.open},
 * {@code auth.test}, ...), by method and outcome: {@code ok}, Slack's error code, or
 * {@code 429}, {@code http_5xx}, {@code http_4xx}, {@code io_error}; and records the
 * Retry-After Slack asks for with a 429 ({@code scopecut.slack.api.retry.after}). Only
 * the method name and Slack's error code are read from a call, never a token or a body
 * field other than {@code error}.
 */
class SlackApiMeter implements Interceptor {

	static final String CALLS = "scopecut.slack.api.calls";

	static final String RETRY_AFTER = "scopecut.slack.api.retry.after";

	private static final Pattern METHOD = Pattern.compile("[a-zA-Z]+(\\.[a-zA-Z]+){1,3}");

	private static final Pattern ERROR = Pattern.compile("\"error\"\\s*:\\s*\"([a-z_]{1,60})\"");

	private static final Pattern OK = Pattern.compile("\"ok\"\\s*:\\s*true");

	/** Enough of an answer to find its {@code ok} and {@code error}. */
	private static final long PEEK = 64 * 1024;

	private final MeterRegistry registry;

	private final String prefix;

	private final Timer retryAfter;

	SlackApiMeter(MeterRegistry registry, String methodsUrlPrefix) {
		this.registry = registry;
		this.prefix = methodsUrlPrefix;
		this.retryAfter = Timer.builder(RETRY_AFTER)
			.description("How long Slack asked to wait with a 429")
			.register(registry);
	}

	@Override
	public Response intercept(Chain chain) throws IOException {
		String method = method(chain.request().url().toString());
		long start = System.nanoTime();
		String outcome = "io_error";
		try {
			Response response = chain.proceed(chain.request());
			outcome = method.equals("response_url") && response.isSuccessful() ? "ok" : outcome(response);
			if (response.code() == 429) {
				String header = response.header("Retry-After");
				if (header != null && header.strip().matches("\\d{1,6}")) {
					this.retryAfter.record(Duration.ofSeconds(Long.parseLong(header.strip())));
				}
			}
			return response;
		}
		finally {
			Timer.builder(CALLS)
				.description("Slack Web API calls")
				.tag("method", method)
				.tag("outcome", outcome)
				.register(this.registry)
				.record(Duration.ofNanos(System.nanoTime() - start));
		}
	}

	/** The Web API method called, or {@code response_url} for any other address. */
	String method(String url) {
		if (!url.startsWith(this.prefix)) {
			return "response_url";
		}
		String method = url.substring(this.prefix.length());
		int query = method.indexOf('?');
		method = (query >= 0) ? method.substring(0, query) : method;
		return METHOD.matcher(method).matches() ? method : "other";
	}

	static String outcome(Response response) throws IOException {
		if (response.code() == 429) {
			return "429";
		}
		if (response.code() >= 500) {
			return "http_5xx";
		}
		if (!response.isSuccessful()) {
			return "http_4xx";
		}
		String body = response.peekBody(PEEK).string();
		if (OK.matcher(body).find()) {
			return "ok";
		}
		Matcher error = ERROR.matcher(body);
		return error.find() ? error.group(1) : "unknown";
	}

}
