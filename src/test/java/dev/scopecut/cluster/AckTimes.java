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
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import org.springframework.context.ConfigurableApplicationContext;

import dev.scopecut.support.fakeslack.SignedRequests;

/**
 * Vote clicks sent as fast as a few connections allow, each a new voter on one of a cut's
 * three items, for a fixed time a round: how many were acknowledged per second, and how
 * long each acknowledgement took. The clicks go round the instances in turn, as a load
 * balancer sends them, and round the cuts. Every click must be acknowledged (HTTP 200).
 * Their private replies are sent to a closed port: what is timed is the acknowledgement.
 */
final class AckTimes {

	/** A cut to vote in, and its workspace. */
	record Ballot(String team, String cut) {

		/** The cut's votes hash (Keys). */
		String votesKey() {
			return "scopecut:{" + this.team + "}:votes:" + this.cut;
		}

	}

	private record Ack(Ballot ballot, String field) {
	}

	private final String name;

	private final int connections;

	private final Duration round;

	private final List<Long> nanos = Collections.synchronizedList(new ArrayList<>());

	private final List<Ack> acks = Collections.synchronizedList(new ArrayList<>());

	private long floodedNanos;

	AckTimes(String name, int connections, Duration round) {
		this.name = name;
		this.connections = connections;
		this.round = round;
	}

	/**
	 * One round, the clicks taking the instances in turn and, after each turn of them,
	 * the next cut; the voters' ids start with the tag.
	 */
	void flood(List<ConfigurableApplicationContext> instances, List<Ballot> ballots, String tag) {
		List<SignedRequests> endpoints = instances.stream().map(Instances::requests).toList();
		AtomicLong clicks = new AtomicLong();
		ExecutorService pool = Executors.newFixedThreadPool(this.connections);
		long start = System.nanoTime();
		long end = start + this.round.toNanos();
		try {
			List<Future<?>> running = new ArrayList<>();
			for (int c = 0; c < this.connections; c++) {
				int connection = c;
				running.add(pool.submit(() -> {
					for (int n = 0; System.nanoTime() < end; n++) {
						long click = clicks.getAndIncrement();
						SignedRequests endpoint = endpoints.get((int) (click % endpoints.size()));
						Ballot ballot = ballots.get((int) (click / endpoints.size() % ballots.size()));
						String user = "U%s%dK%05d".formatted(tag.toUpperCase(), connection, n);
						int item = 1 + n % 3;
						long sent = System.nanoTime();
						HttpResponse<String> response = endpoint
							.post(SignedRequests.blockAction(ballot.team(), Instances.channel(ballot.team()), user,
									"vote-ship", ballot.cut() + "|" + item + "|S", "http://127.0.0.1:9/unused"));
						if (response.statusCode() != 200) {
							throw new IllegalStateException("a click answered " + response.statusCode());
						}
						this.nanos.add(System.nanoTime() - sent);
						this.acks.add(new Ack(ballot, item + ":" + user));
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
			pool.shutdownNow();
			this.floodedNanos += System.nanoTime() - start;
		}
	}

	/** The votes acknowledged in this cut, as its votes hash holds them. */
	Map<String, String> fields(Ballot ballot) {
		synchronized (this.acks) {
			return this.acks.stream()
				.filter((ack) -> ack.ballot().equals(ballot))
				.collect(Collectors.toMap(Ack::field, (ack) -> "S"));
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
