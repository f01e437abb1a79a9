package dev.scopecut.cluster;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.springframework.context.ConfigurableApplicationContext;

import dev.scopecut.support.fakeslack.FakeSlack;
import dev.scopecut.support.fakeslack.SignedRequests;

/**
 * Vote clicks sent as fast as a few connections allow, each a new voter on one of a cut's
 * three items, for a few seconds a round: how many were acknowledged per second, and how
 * long each acknowledgement took. Every click must be acknowledged (HTTP 200).
 */
final class AckTimes {

	private static final int CONNECTIONS = 4;

	private static final Duration ROUND = Duration.ofSeconds(3);

	private final FakeSlack slack;

	private final String name;

	private final List<Long> nanos = Collections.synchronizedList(new ArrayList<>());

	private final List<String> fields = Collections.synchronizedList(new ArrayList<>());

	private long floodedNanos;

	AckTimes(FakeSlack slack, String name) {
		this.slack = slack;
		this.name = name;
	}

	/** One round against the instance; the voters' ids start with the tag. */
	void flood(ConfigurableApplicationContext instance, String team, String cut, String tag) {
		ExecutorService connections = Executors.newFixedThreadPool(CONNECTIONS);
		long start = System.nanoTime();
		long end = start + ROUND.toNanos();
		try {
			List<Future<?>> running = new ArrayList<>();
			for (int c = 0; c < CONNECTIONS; c++) {
				int connection = c;
				running.add(connections.submit(() -> {
					SignedRequests requests = Instances.requests(instance);
					for (int n = 0; System.nanoTime() < end; n++) {
						String user = "U%s%dK%05d".formatted(tag.toUpperCase(), connection, n);
						int item = 1 + n % 3;
						long sent = System.nanoTime();
						HttpResponse<String> response = requests
							.post(SignedRequests.blockAction(team, Instances.channel(team), user, "vote-ship",
									cut + "|" + item + "|S", "http://127.0.0.1:9/unused"));
						if (response.statusCode() != 200) {
							throw new IllegalStateException("a click answered " + response.statusCode());
						}
						this.nanos.add(System.nanoTime() - sent);
						this.fields.add(item + ":" + user);
					}
					return null;
				}));
			}
			for (Future<?> connection : running) {
				connection.get();
			}
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		finally {
			connections.shutdownNow();
			this.floodedNanos += System.nanoTime() - start;
		}
	}

	/** The votes acknowledged, as the cut's votes hash holds them. */
	Map<String, String> fields() {
		synchronized (this.fields) {
			return this.fields.stream().collect(Collectors.toMap((field) -> field, (field) -> "S"));
		}
	}

	@Override
	public String toString() {
		List<Long> sorted;
		synchronized (this.nanos) {
			sorted = this.nanos.stream().sorted().toList();
		}
		return "%s: %.0f votes/s, acknowledged in p50 %.1f / p99 %.1f ms (%d votes)".formatted(this.name,
				sorted.size() / (this.floodedNanos / 1e9), percentile(sorted, 0.50), percentile(sorted, 0.99),
				sorted.size());
	}

	private static double percentile(List<Long> sorted, double share) {
		return sorted.isEmpty() ? Double.NaN
				: sorted.get((int) Math.min(sorted.size() - 1, share * sorted.size())) / 1e6;
	}

}
