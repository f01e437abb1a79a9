package dev.scopecut.slack.home;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import com.slack.api.methods.response.views.ViewsPublishResponse;
import okhttp3.FormBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.scopecut.app.port.CutSnapshot;
import dev.scopecut.app.Home;
import dev.scopecut.app.HomeService;
import dev.scopecut.app.port.NotifyFailedException;
import dev.scopecut.app.port.RetryLaterException;
import dev.scopecut.app.port.StoreUnavailableException;
import dev.scopecut.cut.CutId;
import dev.scopecut.slack.SlackJson;
import dev.scopecut.slack.blocks.HomeView;
import dev.scopecut.slack.outbound.Permalinks;
import dev.scopecut.slack.outbound.SharedRetryAfterWebApi;

/**
 * Publishes one person's App Home with {@code views.publish}: read, linked, rendered,
 * sent. Runs after the event's acknowledgement; a failure is logged and the person sees
 * the tab as it was, until they open it again.
 */
@Component
class HomeTab {

	private static final Logger log = LoggerFactory.getLogger(HomeTab.class);

	private final HomeService homes;

	private final Permalinks permalinks;

	private final SharedRetryAfterWebApi api;

	HomeTab(HomeService homes, Permalinks permalinks, SharedRetryAfterWebApi api) {
		this.homes = homes;
		this.permalinks = permalinks;
		this.api = api;
	}

	public void publish(String workspace, String user) {
		try {
			Home home = this.homes.home(workspace, user);
			String view = SlackJson.GSON.toJson(HomeView.render(home, links(home)));
			this.api.call(workspace, "views.publish", new FormBody.Builder().add("user_id", user).add("view", view),
					ViewsPublishResponse.class);
		}
		catch (StoreUnavailableException | RetryLaterException | NotifyFailedException ex) {
			log.warn("App Home not published: {}", ex.getMessage());
		}
	}

	/**
	 * The links of the open cuts shown (only those: a link costs a call to Slack); a cut
	 * Slack gives no link for is shown without.
	 */
	private Map<CutId, String> links(Home home) {
		Map<CutId, String> links = new HashMap<>();
		Stream
			.concat(home.waiting().stream().limit(HomeView.WAITING_SHOWN),
					home.running().stream().limit(HomeView.RUNNING_SHOWN))
			.map(CutSnapshot::cut)
			.forEach((cut) -> this.permalinks.of(cut).ifPresent((link) -> links.put(cut.ref().id(), link)));
		return links;
	}

}
