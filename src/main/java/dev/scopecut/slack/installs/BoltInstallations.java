package dev.scopecut.slack.installs;

import com.slack.api.bolt.model.Bot;
import com.slack.api.bolt.model.Installer;
import com.slack.api.bolt.service.InstallationService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.scopecut.app.port.NotifyFailedException;
import dev.scopecut.app.port.RetryLaterException;

/**
 * The installations as Bolt sees them in multi-workspace mode. A bot Bolt finds for a
 * request has its token refreshed by {@link InstalledWorkspaceTokens}, one caller at a
 * time across every instance, and comes without its refresh token, nor does an installer:
 * Bolt would otherwise refresh it itself, without the lock, and save what it refreshed
 * even over an uninstall. So Bolt saves only new installs through it (no
 * {@code saveBot}); every other call goes to the store.
 */
public class BoltInstallations implements InstallationService {

	private static final Logger log = LoggerFactory.getLogger(BoltInstallations.class);

	private final InstallationService installations;

	private final InstalledWorkspaceTokens tokens;

	public BoltInstallations(InstallationService installations, InstalledWorkspaceTokens tokens) {
		this.installations = installations;
		this.tokens = tokens;
	}

	@Override
	public Bot findBot(String enterpriseId, String teamId) {
		Bot bot;
		try {
			bot = this.tokens.bot(enterpriseId, teamId);
		}
		catch (RetryLaterException | NotifyFailedException ex) {
			// The request goes on with the token it has, good until it expires; the next
			// one tries the refresh again.
			log.info("Workspace {} is served with its unrefreshed token: {}", teamId, ex.getMessage());
			bot = this.installations.findBot(enterpriseId, teamId);
		}
		if (bot != null) {
			bot.setBotRefreshToken(null);
		}
		return bot;
	}

	@Override
	public Installer findInstaller(String enterpriseId, String teamId, String userId) {
		Installer installer = this.installations.findInstaller(enterpriseId, teamId, userId);
		if (installer != null) {
			installer.setBotRefreshToken(null);
			installer.setInstallerUserRefreshToken(null);
		}
		return installer;
	}

	@Override
	public boolean isHistoricalDataEnabled() {
		return this.installations.isHistoricalDataEnabled();
	}

	@Override
	public void setHistoricalDataEnabled(boolean isHistoricalDataEnabled) {
		this.installations.setHistoricalDataEnabled(isHistoricalDataEnabled);
	}

	@Override
	public void saveInstallerAndBot(Installer installer) throws Exception {
		this.installations.saveInstallerAndBot(installer);
	}

	@Override
	public void deleteBot(Bot bot) throws Exception {
		this.installations.deleteBot(bot);
	}

	@Override
	public void deleteInstaller(Installer installer) throws Exception {
		this.installations.deleteInstaller(installer);
	}

	@Override
	public String getInstallationGuideText(String enterpriseId, String teamId, String userId) {
		return this.installations.getInstallationGuideText(enterpriseId, teamId, userId);
	}

}
