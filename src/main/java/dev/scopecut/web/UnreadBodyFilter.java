package dev.scopecut.web;

import java.io.IOException;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers a request that carries a body to a path that reads none with 413, unread, and
 * closes the connection. After answering a blocking request Tomcat drains its unread body
 * with a blocking read, so a client trickling a body to the health check or to any other
 * path held a thread for as long as it trickled; answered in non-blocking mode, the body
 * is left unread. Only Slack's endpoint (which reads its body without blocking) and the
 * sandbox, a local tool, take bodies.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class UnreadBodyFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!hasBody(request) || readsBody(request.getServletPath())) {
			chain.doFilter(request, response);
			return;
		}
		AsyncContext exchange = request.startAsync(request, response);
		request.getInputStream().setReadListener(new Unread());
		response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
		response.setHeader("Connection", "close");
		exchange.complete();
	}

	private static boolean hasBody(HttpServletRequest request) {
		return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
	}

	private static boolean readsBody(String path) {
		return path.equals("/slack/events") || path.startsWith("/sandbox/");
	}

	/** Non-blocking mode, reading nothing. */
	private static final class Unread implements ReadListener {

		@Override
		public void onDataAvailable() {
		}

		@Override
		public void onAllDataRead() {
		}

		@Override
		public void onError(Throwable failure) {
		}

	}

}
