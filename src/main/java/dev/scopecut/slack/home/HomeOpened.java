package dev.scopecut.slack.home;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.handler.BoltEventHandler;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.AppHomeOpenedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import dev.scopecut.slack.inbound.EventDeduplication;
import dev.scopecut.slack.SlackListener;

/**
 * {@code app_home_opened} on the Home tab: acknowledged at once, the tab published after.
 * The Messages tab sends the same event, and needs nothing.
 */
@Component
class HomeOpened implements SlackListener, BoltEventHandler<AppHomeOpenedEvent> {

	private static final Logger log = LoggerFactory.getLogger(HomeOpened.class);

	private final HomeTab tab;

	private final Executor executor;

	private final EventDeduplication events;

	HomeOpened(HomeTab tab, @Qualifier("publishExecutor") Executor executor, EventDeduplication events) {
		this.tab = tab;
		this.executor = executor;
		this.events = events;
	}

	@Override
	public void register(App app) {
		this.events.register(app, AppHomeOpenedEvent.class, this);
	}

	@Override
	public Response apply(EventsApiPayload<AppHomeOpenedEvent> payload, EventContext ctx) {
		AppHomeOpenedEvent event = payload.getEvent();
		if (event != null && "home".equals(event.getTab()) && event.getUser() != null) {
			String workspace = ctx.getTeamId();
			try {
				this.executor.execute(() -> this.tab.publish(workspace, event.getUser()));
			}
			catch (RejectedExecutionException ex) {
				log.warn("App Home not published: the queue is full");
			}
		}
		return ctx.ack();
	}

}
