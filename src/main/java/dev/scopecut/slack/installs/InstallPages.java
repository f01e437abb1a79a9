package dev.scopecut.slack.installs;

import com.slack.api.bolt.model.Installer;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.service.builtin.oauth.view.OAuthRedirectUriPageRenderer;

/**
 * The plain pages a browser lands on after "Add to Slack". Bolt renders the install page
 * itself (an "Add to Slack" button); the outcome pages are Scopecut's own: no redirect
 * into the Slack client, and nothing of the request echoed but an escaped error code.
 */
public final class InstallPages implements OAuthRedirectUriPageRenderer {

	public static final String INSTALL_PATH = "/slack/install";

	public static final String REDIRECT_PATH = "/slack/oauth_redirect";

	/** Bolt's code for a state that is unknown, used, expired or not this browser's. */
	public static final String INVALID_STATE = "invalid_state";

	@Override
	public String renderSuccessPage(Installer installer, String completionUrl) {
		return page("Scopecut is installed",
				"<p>Scopecut is now installed in your workspace. Invite it to a channel with "
						+ "<code>/invite @scopecut</code>, then type <code>/scopecut help</code> there.</p>");
	}

	@Override
	public String renderFailurePage(String installPath, String reason) {
		String why = INVALID_STATE.equals(reason)
				? "This install link has expired (links last ten minutes), was already used, or was opened in "
						+ "another browser."
				: "Slack answered <code>" + escape(reason) + "</code>.";
		return page("Scopecut was not installed",
				"<p>" + why + "</p><p><a href=\"" + INSTALL_PATH + "\">Start again</a></p>");
	}

	/** A failure page as a Bolt response: 400, since the request cannot succeed again. */
	public Response failure(Response response, String reason) {
		response.setStatusCode(400);
		response.setContentType("text/html; charset=utf-8");
		response.setBody(renderFailurePage(INSTALL_PATH, reason));
		return response;
	}

	private static String page(String title, String body) {
		return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title
				+ "</title></head>\n<body><h1>" + title + "</h1>\n" + body + "\n</body></html>\n";
	}

	private static String escape(String text) {
		if (text == null) {
			return "unknown";
		}
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

}
