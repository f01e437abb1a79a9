package dev.scopecut.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriUtils;

/**
 * Refuses requests whose path Tomcat and Spring MVC would read differently. Tomcat routes
 * on the normalised path ({@code /actuator/health/../env} is {@code /actuator/env}), but
 * Spring MVC matches the path as sent, so the health endpoint took {@code ..} and
 * {@code env} for the names of nested health components, and Spring Boot's health
 * endpoint throws (500, and a stack trace at ERROR) on a nested name whose first part
 * names nothing. Such a path answers 400. The error page, meant for Tomcat's error
 * dispatches, answers 404 when asked for directly: it has no error to show and would
 * answer 500.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class CanonicalPathFilter extends OncePerRequestFilter {

	private final String errorPath;

	CanonicalPathFilter(@Value("${server.error.path:/error}") String errorPath) {
		this.errorPath = errorPath;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		// Tomcat's own view: decoded, dot segments resolved, path parameters removed.
		String routed = request.getServletPath() + Objects.toString(request.getPathInfo(), "");
		if (!routed.equals(asSent(request))) {
			response.sendError(HttpServletResponse.SC_BAD_REQUEST);
			return;
		}
		if (routed.equals(this.errorPath)) {
			response.sendError(HttpServletResponse.SC_NOT_FOUND);
			return;
		}
		chain.doFilter(request, response);
	}

	/** The path within the application as the client sent it, decoded. */
	private static String asSent(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		try {
			return UriUtils.decode(path, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
