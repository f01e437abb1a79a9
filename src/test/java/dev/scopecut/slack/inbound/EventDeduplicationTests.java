package dev.scopecut.slack.inbound;

import java.util.concurrent.atomic.AtomicInteger;

import com.slack.api.app_backend.events.payload.AppUninstalledPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.handler.BoltEventHandler;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.AppUninstalledEvent;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import dev.scopecut.app.port.EventDeliveries;
import dev.scopecut.app.port.StoreUnavailableException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * The wrapper every event listener is registered through: a repeat is acknowledged
 * without running the listener, and a listener that fails leaves its event to Slack's
 * redelivery. RemindersAndHomeFlowTests covers a retried delivery end to end, with a real
 * Redis behind it.
 */
class EventDeduplicationTests {

	private final EventDeliveries deliveries = mock(EventDeliveries.class);

	private final AtomicInteger runs = new AtomicInteger();

	@Test
	void aRepeatIsAcknowledgedWithoutRunningTheListener() throws Exception {
		given(this.deliveries.isFirst("T1", "Ev1")).willReturn(true, false);
		BoltEventHandler<AppUninstalledEvent> handler = registered(200);

		assertThat(handler.apply(uninstalled("Ev1"), new EventContext()).getStatusCode()).isEqualTo(200);
		assertThat(handler.apply(uninstalled("Ev1"), new EventContext()).getStatusCode()).isEqualTo(200);

		assertThat(this.runs).hasValue(1);
		verify(this.deliveries, never()).forget(any(), any());
	}

	@Test
	void aListenerThatFailsHasItsEventForgottenSoTheRedeliveryRunsIt() throws Exception {
		given(this.deliveries.isFirst("T1", "Ev2")).willReturn(true);
		BoltEventHandler<AppUninstalledEvent> handler = registered(503);

		assertThat(handler.apply(uninstalled("Ev2"), new EventContext()).getStatusCode()).isEqualTo(503);

		verify(this.deliveries).forget("T1", "Ev2");
	}

	@Test
	void whenRedisCannotSayTheListenerRunsAndAFailureIsStillAnswered() throws Exception {
		given(this.deliveries.isFirst("T1", "Ev3")).willThrow(new StoreUnavailableException("down", null));
		willThrow(new StoreUnavailableException("down", null)).given(this.deliveries).forget("T1", "Ev3");
		BoltEventHandler<AppUninstalledEvent> handler = registered(503);

		assertThat(handler.apply(uninstalled("Ev3"), new EventContext()).getStatusCode()).isEqualTo(503);
		assertThat(this.runs).hasValue(1);
	}

	@Test
	void anEventIdUnlikeSlacksIsNeitherRememberedNorForgotten() throws Exception {
		BoltEventHandler<AppUninstalledEvent> handler = registered(503);

		handler.apply(uninstalled("Ev 4; DEL *"), new EventContext());

		assertThat(this.runs).hasValue(1);
		verify(this.deliveries, never()).isFirst(any(), any());
		verify(this.deliveries, never()).forget(any(), any());
	}

	/**
	 * Registers a listener answering the status given, and returns what Bolt was handed.
	 */
	@SuppressWarnings("unchecked")
	private BoltEventHandler<AppUninstalledEvent> registered(int status) {
		App app = mock(App.class);
		new EventDeduplication(this.deliveries).register(app, AppUninstalledEvent.class, (payload, ctx) -> {
			this.runs.incrementAndGet();
			return Response.builder().statusCode(status).build();
		});
		ArgumentCaptor<BoltEventHandler<AppUninstalledEvent>> handler = ArgumentCaptor.forClass(BoltEventHandler.class);
		verify(app).event(eq(AppUninstalledEvent.class), handler.capture());
		return handler.getValue();
	}

	private static AppUninstalledPayload uninstalled(String eventId) {
		AppUninstalledPayload payload = new AppUninstalledPayload();
		payload.setTeamId("T1");
		payload.setEventId(eventId);
		payload.setEvent(new AppUninstalledEvent());
		return payload;
	}

}
