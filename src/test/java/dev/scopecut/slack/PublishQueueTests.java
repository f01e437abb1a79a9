package dev.scopecut.slack;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import dev.scopecut.app.port.Metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The queue of work for the Web API after an acknowledgement (new cuts, export parts,
 * Home tabs) is bounded, and what it refuses is counted and refused to the caller, who
 * tells the person.
 */
class PublishQueueTests {

	@Test
	void aFullPublishQueueRefusesMoreWorkAndCountsIt() {
		AtomicInteger shed = new AtomicInteger();
		Metrics metrics = new Metrics() {
			@Override
			public void publishShed() {
				shed.incrementAndGet();
			}
		};
		ThreadPoolTaskExecutor executor = new SlackConfig().publishExecutor(metrics);
		executor.initialize();
		CountDownLatch release = new CountDownLatch(1);
		try {
			int threads = executor.getMaxPoolSize();
			int queue = executor.getQueueCapacity();
			for (int i = 0; i < threads + queue; i++) {
				executor.execute(() -> await(release));
			}
			assertThat(shed).hasValue(0);

			assertThatThrownBy(() -> executor.execute(() -> {
			})).isInstanceOf(RejectedExecutionException.class);
			assertThat(shed).hasValue(1);
		}
		finally {
			release.countDown();
			executor.shutdown();
		}
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
