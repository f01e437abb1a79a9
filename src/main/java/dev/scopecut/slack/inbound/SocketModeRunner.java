package dev.scopecut.slack.inbound;

import com.slack.api.bolt.App;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.socket_mode.SocketModeClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Connects to Slack over Socket Mode when an app token is set; otherwise does nothing.
 */
public class SocketModeRunner implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(SocketModeRunner.class);

	private final String appToken;

	private final App app;

	private SocketModeApp socketModeApp;

	public SocketModeRunner(String appToken, App app) {
		this.appToken = appToken;
		this.app = app;
	}

	@Override
	public void start() {
		if (this.appToken == null) {
			return;
		}
		try {
			this.socketModeApp = new SocketModeApp(this.appToken, this.app, SocketModeClient.Backend.JavaWebSocket);
			this.socketModeApp.startAsync();
			log.info("Connected to Slack in Socket Mode");
		}
		catch (Exception ex) {
			throw new IllegalStateException("Socket Mode could not connect to Slack", ex);
		}
	}

	@Override
	public void stop() {
		if (this.socketModeApp != null) {
			// SocketModeApp#close leaves its client's threads running, and if the
			// connection is down just then, the client goes on reconnecting. Close the
			// client first: a stopped app neither reconnects nor takes envelopes.
			SocketModeClient client = this.socketModeApp.getClient();
			try {
				if (client != null) {
					client.close();
				}
				this.socketModeApp.close();
			}
			catch (Exception ex) {
				log.warn("Socket Mode did not close cleanly: {}", ex.toString());
			}
			this.socketModeApp = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.socketModeApp != null;
	}

}
