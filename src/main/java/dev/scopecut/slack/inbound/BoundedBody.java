package dev.scopecut.slack.inbound;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A request body read with Servlet non-blocking IO, bounded in bytes and in time. A
 * blocking read holds a Tomcat thread for as long as the client takes to send its body,
 * so a few hundred clients trickling a byte every few seconds would hold every thread;
 * here a thread is used only while bytes are there to read. A body over the limit gets
 * 413 and one not sent whole before the deadline 408. A request refused before its body
 * is read is answered in non-blocking mode too: after a blocking request Tomcat drains
 * the unread body with a blocking read, holding a thread for as long as the client
 * trickles, but leaves it in non-blocking mode; the connection is then closed. A whole
 * body is handed to its handler on the container thread that read its last bytes, so
 * handling stays within Tomcat's own thread limit and needs no executor of its own.
 */
final class BoundedBody implements ReadListener, AsyncListener {

	/**
	 * The most of a refused body read and dropped; beyond it the connection is closed.
	 */
	static final long DRAINED_MAX = 8 * 1024 * 1024;

	/**
	 * The most of a body's declared length given room before its bytes come: a vote's
	 * click (10-14 KB, echoing its message) is read into one array of its length, with no
	 * copy, while a client that declares a large body and trickles it holds no more than
	 * this until it sends more.
	 */
	static final int FIRST_ROOM_MAX = 32 * 1024;

	private static final int CHUNK = 8192;

	/** What to do with a body read whole. */
	@FunctionalInterface
	interface Handler {

		void handle(byte[] body) throws IOException;

	}

	private final AsyncContext exchange;

	private final ServletInputStream in;

	private final HttpServletResponse response;

	private final int limit;

	/** The body's length as declared; -1 when not declared (chunked). */
	private final long declared;

	/** What was read of the body: {@link #size} bytes of {@link #buffer}. */
	private byte[] buffer;

	private int size;

	/**
	 * Set by whichever answers first: the handler, a refusal or the deadline; the others
	 * then do nothing.
	 */
	private final AtomicBoolean answered = new AtomicBoolean();

	private Handler handler;

	/** Set by {@link #refuse}: what still comes is read and dropped. */
	private volatile boolean draining;

	private long drained;

	private final AtomicBoolean completed = new AtomicBoolean();

	private BoundedBody(AsyncContext exchange, ServletInputStream in, HttpServletResponse response, int limit,
			long declared) {
		this.exchange = exchange;
		this.declared = declared;
		this.in = in;
		this.response = response;
		this.limit = limit;
	}

	/**
	 * Takes the request out of Tomcat's blocking cycle, with nothing read yet: then
	 * either {@link #read} or {@link #refuse}.
	 */
	static BoundedBody start(HttpServletRequest request, HttpServletResponse response, int limit, Duration deadline)
			throws IOException {
		AsyncContext exchange = request.startAsync(request, response);
		// The async timeout runs from here to complete(): the handler completes at
		// once, so it is the body's deadline.
		exchange.setTimeout(deadline.toMillis());
		BoundedBody body = new BoundedBody(exchange, request.getInputStream(), response, limit,
				request.getContentLengthLong());
		exchange.addListener(body);
		return body;
	}

	/** Reads the body without blocking and hands it to {@code handler} once whole. */
	void read(Handler handler) {
		this.handler = handler;
		this.in.setReadListener(this);
	}

	/**
	 * Answers now and closes the connection once the client has stopped sending: the rest
	 * of the body is read and dropped, without a thread, up to {@link #DRAINED_MAX} or
	 * the deadline. Closing at once, while the client still sends, would reset the
	 * connection and could lose the answer before the client reads it.
	 */
	void refuse(int status, String error) throws IOException {
		if (!this.answered.compareAndSet(false, true)) {
			return;
		}
		this.response.setHeader("Connection", "close");
		VerifiedSlackAppServlet.reply(this.response, status, error);
		this.response.flushBuffer();
		this.draining = true;
		if (this.handler == null) {
			// Non-blocking, so that Tomcat never drains the body with a blocking read.
			read((ignored) -> {
			});
		}
	}

	private void complete() {
		if (this.completed.compareAndSet(false, true)) {
			this.exchange.complete();
		}
	}

	@Override
	public void onDataAvailable() throws IOException {
		while (this.in.isReady()) {
			if (this.draining) {
				int read = this.in.read(room());
				if (read == -1) {
					return;
				}
				this.drained += read;
				if (this.drained > DRAINED_MAX) {
					complete();
					return;
				}
				continue;
			}
			byte[] room = room();
			int read = this.in.read(room, this.size, room.length - this.size);
			if (read == -1) {
				return;
			}
			this.size += read;
			if (this.size > this.limit) {
				refuse(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "request body too large");
				this.size = 0;
			}
		}
	}

	/**
	 * The buffer with room for more: first the declared length (at most
	 * {@link #FIRST_ROOM_MAX}), then twice as much each time it fills, up to one byte
	 * past the limit, so that a body over it is seen. Tomcat reports a body of the
	 * declared length finished as its last byte is read, so such a body never grows the
	 * buffer.
	 */
	private byte[] room() {
		if (this.buffer == null) {
			long first = (this.declared > 0) ? Math.min(this.declared, FIRST_ROOM_MAX) : CHUNK;
			this.buffer = new byte[(int) Math.min(first, this.limit + 1L)];
		}
		else if (this.size == this.buffer.length) {
			this.buffer = Arrays.copyOf(this.buffer,
					(int) Math.min(Math.max(2L * this.buffer.length, CHUNK), this.limit + 1L));
		}
		return this.buffer;
	}

	@Override
	public void onAllDataRead() throws IOException {
		if (this.answered.compareAndSet(false, true)) {
			try {
				this.handler.handle(body());
			}
			finally {
				complete();
			}
		}
		else {
			complete();
		}
	}

	private byte[] body() {
		if (this.buffer == null) {
			return new byte[0];
		}
		return (this.size == this.buffer.length) ? this.buffer : Arrays.copyOf(this.buffer, this.size);
	}

	@Override
	public void onTimeout(AsyncEvent event) throws IOException {
		if (this.answered.compareAndSet(false, true)) {
			this.response.setHeader("Connection", "close");
			VerifiedSlackAppServlet.reply(this.response, HttpServletResponse.SC_REQUEST_TIMEOUT,
					"request body not sent in time");
		}
		complete();
	}

	@Override
	public void onError(Throwable failure) {
		// The client went away or broke the exchange: there is nobody to answer.
		this.answered.set(true);
		complete();
	}

	@Override
	public void onError(AsyncEvent event) {
		onError(event.getThrowable());
	}

	@Override
	public void onComplete(AsyncEvent event) {
	}

	@Override
	public void onStartAsync(AsyncEvent event) {
	}

}
