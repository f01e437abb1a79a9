package dev.scopecut.slack.outbound;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.slack.api.methods.response.chat.ChatGetPermalinkResponse;
import okhttp3.FormBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.scopecut.app.port.NotifyFailedException;
import dev.scopecut.app.port.RetryLaterException;
import dev.scopecut.cut.Cut;
import dev.scopecut.cut.CutRef;

/**
 * Links to cuts' messages, from {@code chat.getPermalink}. A message's link never
 * changes, so each instance keeps the latest {@link #CACHED} it read: a reminder going to
 * a whole channel asks Slack once, not once per person.
 */
@Component
public class Permalinks {

	static final int CACHED = 1_000;

	private static final Logger log = LoggerFactory.getLogger(Permalinks.class);

	private final SharedRetryAfterWebApi api;

	private final Map<CutRef, String> cache = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<CutRef, String> eldest) {
			return size() > CACHED;
		}

	});

	Permalinks(SharedRetryAfterWebApi api) {
		this.api = api;
	}

	/**
	 * The link to the cut's message; empty when it is not posted yet, Slack refuses or
	 * asks to wait. A link is a nicety: whatever shows it goes without rather than wait.
	 */
	public Optional<String> of(Cut cut) {
		if (cut.messageTs() == null) {
			return Optional.empty();
		}
		String cached = this.cache.get(cut.ref());
		if (cached != null) {
			return Optional.of(cached);
		}
		try {
			String link = this.api
				.call(cut.ref().workspace(), "chat.getPermalink",
						new FormBody.Builder().add("channel", cut.channel()).add("message_ts", cut.messageTs()),
						ChatGetPermalinkResponse.class)
				.getPermalink();
			if (link == null || link.isBlank()) {
				return Optional.empty();
			}
			this.cache.put(cut.ref(), link);
			return Optional.of(link);
		}
		catch (NotifyFailedException ex) {
			log.info("No link to the message of cut {}: {}", cut.ref().id(), ex.getReason());
			return Optional.empty();
		}
		catch (RetryLaterException ex) {
			log.info("No link to the message of cut {} for now: {}", cut.ref().id(), ex.getMessage());
			return Optional.empty();
		}
	}

}
