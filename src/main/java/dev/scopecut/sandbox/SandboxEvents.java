package dev.scopecut.sandbox;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.context.SmartLifecycle;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Live updates for the open pages: each change of the workspace becomes one server-sent
 * {@code change} event (changes in a burst are coalesced), and the page then reads what
 * its person sees. Events are sent from a thread of their own, never while holding the
 * workspace's lock.
 */
class SandboxEvents implements SmartLifecycle {

	private final Set<SseEmitter> emitters = ConcurrentHashMap.newKeySet();

	private final ExecutorService sender = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "sandbox-events");
		thread.setDaemon(true);
		return thread;
	});

	private final AtomicBoolean pending = new AtomicBoolean();

	private final Workspace workspace;

	private volatile boolean running;

	SandboxEvents(Workspace workspace) {
		this.workspace = workspace;
		workspace.onChange(this::changed);
	}

	SseEmitter subscribe() {
		SseEmitter emitter = new SseEmitter(0L);
		this.emitters.add(emitter);
		emitter.onCompletion(() -> this.emitters.remove(emitter));
		emitter.onTimeout(() -> this.emitters.remove(emitter));
		emitter.onError((ex) -> this.emitters.remove(emitter));
		send(emitter, this.workspace.version());
		return emitter;
	}

	private void changed() {
		if (this.pending.compareAndSet(false, true)) {
			this.sender.execute(() -> {
				this.pending.set(false);
				long version = this.workspace.version();
				this.emitters.forEach((emitter) -> send(emitter, version));
			});
		}
	}

	private void send(SseEmitter emitter, long version) {
		try {
			emitter.send(SseEmitter.event().name("change").data(Long.toString(version)));
		}
		catch (IOException | IllegalStateException ex) {
			// The page went away; its emitter is done.
			this.emitters.remove(emitter);
		}
	}

	@Override
	public void start() {
		this.running = true;
	}

	/**
	 * Ends the open streams first, so a graceful shutdown does not wait on pages that
	 * never close their end.
	 */
	@Override
	public void stop() {
		this.running = false;
		this.emitters.forEach(SseEmitter::complete);
		this.emitters.clear();
		this.sender.shutdownNow();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return Integer.MAX_VALUE;
	}

}
