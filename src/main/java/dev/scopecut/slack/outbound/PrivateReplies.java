package dev.scopecut.slack.outbound;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import com.slack.api.model.block.LayoutBlock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

import dev.scopecut.app.port.Metrics;
import dev.scopecut.slack.SlackJson;
import dev.scopecut.slack.blocks.SlackMessage;

/**
 * Sends a private (ephemeral) reply to whoever clicked, through the click's response URL,
 * after the click has been acknowledged; or replaces the message clicked, which only that
 * person sees in their direct messages. Response URLs are not bound by the Web API's rate
 * tiers, so a flood of votes does not starve the message updates.
 * <p>
 * Replies are made on the reply executor (a reply may read Redis) and posted without
 * blocking: the JDK's HTTP client writes and reads them on its own selector thread, so no
 * thread waits for Slack's answer. At most {@link #MAX_IN_FLIGHT} are in flight; past
 * that the executor's threads wait for one to finish, the executor's bounded queue fills,
 * and what it cannot take is shed, logged and counted.
 */
@Component
public class PrivateReplies implements DisposableBean {

	/** Posts awaiting Slack's answer at once, across all response URLs. */
	static final int MAX_IN_FLIGHT = 64;

	static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final Logger log = LoggerFactory.getLogger(PrivateReplies.class);

	private final HttpClient http;

	private final ThreadPoolTaskExecutor executor;

	private final Metrics metrics;

	private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);

	/**
	 * Where the HTTP client hands its answers: its own thread, since the reply executor's
	 * threads may all be waiting for an answer to free a place in flight.
	 */
	private final ExecutorService answers = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "reply-answers");
		thread.setDaemon(true);
		return thread;
	});

	PrivateReplies(@Qualifier("replyExecutor") ThreadPoolTaskExecutor executor, Metrics metrics) {
		this.executor = executor;
		this.metrics = metrics;
		this.http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(TIMEOUT)
			.executor(this.answers)
			.build();
	}

	public void send(String responseUrl, String text) {
		send(responseUrl, text, null);
	}

	/** A private reply with blocks; the message's text is the notification fallback. */
	public void send(String responseUrl, SlackMessage message) {
		send(responseUrl, message.text(), message.blocks());
	}

	/**
	 * Replaces the message clicked with the one {@code reply} makes, or sends it
	 * privately when it is {@link Reply#replacing() not replacing}. {@code reply} runs on
	 * the reply executor after the acknowledgement: what it reads never delays a click.
	 */
	void send(String responseUrl, Supplier<Reply> reply) {
		later(responseUrl, () -> {
			Reply made = reply.get();
			post(responseUrl, made.replacing(), made.text(), made.blocks());
		});
	}

	private void send(String responseUrl, String text, List<LayoutBlock> blocks) {
		later(responseUrl, () -> post(responseUrl, false, text, blocks));
	}

	private void later(String responseUrl, Runnable post) {
		if (responseUrl == null) {
			return;
		}
		try {
			this.executor.execute(post);
		}
		catch (RejectedExecutionException ex) {
			this.metrics.privateReply(Metrics.ReplyOutcome.SHED);
			log.warn("Private reply dropped: the reply queue is full");
		}
	}

	private void post(String responseUrl, boolean replacing, String text, List<LayoutBlock> blocks) {
		ActionResponse reply = ActionResponse.builder()
			.responseType(replacing ? null : "ephemeral")
			.replaceOriginal(replacing)
			.text(text)
			.blocks(blocks)
			.build();
		HttpRequest request;
		try {
			// Written with the shared Gson: Bolt's Responder builds a new Gson per reply.
			request = HttpRequest.newBuilder(URI.create(responseUrl))
				.timeout(TIMEOUT)
				.header("Content-Type", "application/json; charset=utf-8")
				.POST(HttpRequest.BodyPublishers.ofString(SlackJson.GSON.toJson(reply)))
				.build();
			this.inFlight.acquire();
		}
		catch (IllegalArgumentException ex) {
			failed("a response URL that is not one");
			return;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			failed("interrupted");
			return;
		}
		this.http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
			this.inFlight.release();
			if (failure != null) {
				failed(failure.getClass().getSimpleName());
			}
			else if (response.statusCode() != 200) {
				failed("HTTP " + response.statusCode());
			}
			else {
				this.metrics.privateReply(Metrics.ReplyOutcome.SENT);
			}
		});
	}

	private void failed(String why) {
		this.metrics.privateReply(Metrics.ReplyOutcome.FAILED);
		log.warn("Private reply not delivered: {}", why);
	}

	/**
	 * Lets the replies already queued and in flight finish, within {@link #TIMEOUT},
	 * before the JVM stops: the executor takes no more, runs what it holds, and the posts
	 * in flight get their answers.
	 */
	@Override
	public void destroy() throws InterruptedException {
		ThreadPoolExecutor pool = this.executor.getThreadPoolExecutor();
		long deadline = System.nanoTime() + TIMEOUT.toNanos();
		pool.shutdown();
		pool.awaitTermination(TIMEOUT.toNanos(), TimeUnit.NANOSECONDS);
		if (this.inFlight.tryAcquire(MAX_IN_FLIGHT, Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
			this.inFlight.release(MAX_IN_FLIGHT);
		}
		this.answers.shutdown();
	}

	/**
	 * What to answer a click with.
	 *
	 * @param blocks null for text alone
	 * @param replacing true to replace the message clicked, false to follow it privately
	 */
	record Reply(String text, List<LayoutBlock> blocks, boolean replacing) {

		static Reply replacing(SlackMessage message) {
			return new Reply(message.text(), message.blocks(), true);
		}

		static Reply privately(String text) {
			return new Reply(text, null, false);
		}

	}

}
