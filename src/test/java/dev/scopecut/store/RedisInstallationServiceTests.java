package dev.scopecut.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;

import com.slack.api.bolt.model.Bot;
import com.slack.api.bolt.model.Installer;
import com.slack.api.bolt.model.builtin.DefaultInstaller;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RedisInstallationServiceTests extends RedisStoreTest {

	private RedisInstallationService installations;

	@BeforeEach
	void service() {
		this.installations = new RedisInstallationService(template, new RedisGuard(), Clock.systemUTC());
	}

	@Test
	void aWorkspaceInstallRoundTripsItsBotAndInstallerWithTheirRotationFields() {
		this.installations.saveInstallerAndBot(install(null, "T1", "U1", "xoxb-one", false));

		Bot bot = this.installations.findBot(null, "T1");
		assertThat(bot.getBotAccessToken()).isEqualTo("xoxb-one");
		assertThat(bot.getBotRefreshToken()).isEqualTo("xoxe-xoxb-one");
		assertThat(bot.getBotTokenExpiresAt()).isEqualTo(1_700_000_000_000L);
		assertThat(bot.getBotUserId()).isEqualTo("UBOT");
		assertThat(bot.getTeamId()).isEqualTo("T1");
		Installer installer = this.installations.findInstaller(null, "T1", "U1");
		assertThat(installer.getInstallerUserId()).isEqualTo("U1");
		assertThat(installer.getInstallerUserAccessToken()).isEqualTo("xoxp-U1");
		assertThat(this.installations.findInstaller(null, "T1", "U2")).isNull();
		assertThat(this.installations.findBot(null, "T2")).isNull();
		assertThat(template.keys("*")).containsExactly("scopecut:{T1}:installation");
	}

	@Test
	void aWorkspaceOfAnOrganisationIsFoundWithOrWithoutTheOrganisation() {
		this.installations.saveInstallerAndBot(install("E1", "T1", "U1", "xoxb-grid", false));

		assertThat(this.installations.findBot("E1", "T1").getBotAccessToken()).isEqualTo("xoxb-grid");
		assertThat(this.installations.findBot(null, "T1").getBotAccessToken()).isEqualTo("xoxb-grid");
		assertThat(this.installations.findBot("E1", "T2")).isNull();
	}

	@Test
	void anOrganisationWideInstallServesEachOfItsWorkspacesAndBackgroundJobsAfterTheirFirstRequest() {
		this.installations.saveInstallerAndBot(install("E1", null, "U1", "xoxb-org", true));

		assertThat(this.installations.findBot(null, "T7")).as("not yet linked to the organisation").isNull();
		assertThat(this.installations.findBot("E1", "T7").getBotAccessToken()).isEqualTo("xoxb-org");
		assertThat(this.installations.findBot(null, "T7").getBotAccessToken()).isEqualTo("xoxb-org");
		assertThat(this.installations.findInstaller("E1", "T8", "U1").getInstallerUserAccessToken())
			.isEqualTo("xoxp-U1");

		this.installations.deleteAll("E1", null);

		assertThat(this.installations.findBot("E1", "T7")).isNull();
		assertThat(this.installations.findBot(null, "T7")).isNull();
	}

	@Test
	void aRotatedBotIsSavedOverTheOldOneAndTheInstallerStays() {
		this.installations.saveInstallerAndBot(install(null, "T1", "U1", "xoxb-old", false));
		Bot bot = this.installations.findBot(null, "T1");
		bot.setBotAccessToken("xoxb-new");
		bot.setBotRefreshToken("xoxe-new");
		bot.setBotTokenExpiresAt(1_800_000_000_000L);

		this.installations.saveBot(bot);

		Bot saved = this.installations.findBot(null, "T1");
		assertThat(saved.getBotAccessToken()).isEqualTo("xoxb-new");
		assertThat(saved.getBotRefreshToken()).isEqualTo("xoxe-new");
		assertThat(saved.getBotTokenExpiresAt()).isEqualTo(1_800_000_000_000L);
		assertThat(this.installations.findInstaller(null, "T1", "U1")).isNotNull();
	}

	@Test
	void aRotatedBotSavedAfterAnUninstallOrARevokedBotDoesNotBringItBack() {
		this.installations.saveInstallerAndBot(install(null, "T1", "U1", "xoxb-old", false));
		this.installations.saveInstallerAndBot(install(null, "T2", "U1", "xoxb-old", false));
		Bot refreshedOne = this.installations.findBot(null, "T1");
		Bot refreshedTwo = this.installations.findBot(null, "T2");
		refreshedOne.setBotAccessToken("xoxb-new");
		refreshedTwo.setBotAccessToken("xoxb-new");

		this.installations.deleteAll(null, "T1");
		this.installations.deleteBot(refreshedTwo);
		this.installations.saveBot(refreshedOne);
		this.installations.saveBot(refreshedTwo);

		assertThat(template.hasKey("scopecut:{T1}:installation")).as("uninstalled").isFalse();
		assertThat(this.installations.findBot(null, "T2")).as("bot token revoked").isNull();
		assertThat(this.installations.findInstaller(null, "T2", "U1")).isNotNull();
	}

	@Test
	void aLinkToAnOrganisationWhoseInstallIsGoneIsTakenBack() {
		this.installations.saveInstallerAndBot(install("E1", null, "U1", "xoxb-org", true));
		this.installations.saveInstallerAndBot(install(null, "T8", "U1", "xoxb-own", false));

		this.installations.deleteAll("E1", null);
		// What a request that found the organisation's install just before would do.
		this.installations.link("T7", "E1");
		this.installations.link("T8", "E1");

		assertThat(template.hasKey("scopecut:{T7}:installation")).isFalse();
		assertThat(template.opsForHash().keys("scopecut:{T8}:installation")).containsExactlyInAnyOrder("bot",
				"user:U1");
	}

	@Test
	void deletingTheBotKeepsTheInstallersAndDeletingAnInstallerKeepsTheBot() {
		this.installations.saveInstallerAndBot(install(null, "T1", "U1", "xoxb-one", false));
		this.installations.saveInstallerAndBot(install(null, "T1", "U2", "xoxb-one", false));

		this.installations.deleteInstaller(this.installations.findInstaller(null, "T1", "U1"));

		assertThat(this.installations.findInstaller(null, "T1", "U1")).isNull();
		assertThat(this.installations.findInstaller(null, "T1", "U2")).isNotNull();
		assertThat(this.installations.findBot(null, "T1")).isNotNull();

		this.installations.deleteBot(this.installations.findBot(null, "T1"));
		this.installations.deleteBot(install(null, "T1", "U2", "xoxb-one", false).toBot());

		assertThat(this.installations.findBot(null, "T1")).isNull();
		assertThat(this.installations.findInstaller(null, "T1", "U2")).isNotNull();
	}

	@Test
	void deletingAllOfAWorkspaceLeavesOtherWorkspacesAndCanBeRepeated() {
		this.installations.saveInstallerAndBot(install(null, "T1", "U1", "xoxb-one", false));
		this.installations.saveInstallerAndBot(install(null, "T2", "U1", "xoxb-two", false));

		this.installations.deleteAll(null, "T1");
		this.installations.deleteAll(null, "T1");

		assertThat(this.installations.findBot(null, "T1")).isNull();
		assertThat(this.installations.findInstaller(null, "T1", "U1")).isNull();
		assertThat(this.installations.findBot(null, "T2").getBotAccessToken()).isEqualTo("xoxb-two");
	}

	@Test
	void onlyTheLatestInstallationIsKept() {
		assertThat(this.installations.isHistoricalDataEnabled()).isFalse();
		assertThatThrownBy(() -> this.installations.setHistoricalDataEnabled(true))
			.isInstanceOf(UnsupportedOperationException.class);
	}

	static DefaultInstaller install(String enterprise, String team, String user, String botToken, boolean orgWide) {
		return DefaultInstaller.builder()
			.appId("A1")
			.enterpriseId(enterprise)
			.teamId(team)
			.isEnterpriseInstall(orgWide)
			.installerUserId(user)
			.installerUserAccessToken("xoxp-" + user)
			.botUserId("UBOT")
			.botAccessToken(botToken)
			.botRefreshToken("xoxe-" + botToken)
			.botTokenExpiresAt(1_700_000_000_000L)
			.installedAt(1_690_000_000_000L)
			.build();
	}

}
