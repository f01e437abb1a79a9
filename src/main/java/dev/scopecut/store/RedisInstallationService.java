package dev.scopecut.store;

import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.google.gson.Gson;
import com.slack.api.bolt.model.Bot;
import com.slack.api.bolt.model.Installer;
import com.slack.api.bolt.model.builtin.DefaultBot;
import com.slack.api.bolt.model.builtin.DefaultInstaller;
import com.slack.api.bolt.service.InstallationService;
import com.slack.api.util.json.GsonFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

import dev.scopecut.app.port.StoreUnavailableException;

/**
 * Bolt's installations, kept in Redis next to the cuts so that every instance sees every
 * install (Bolt itself ships file and S3 stores only). The key layout and why each change
 * is atomic are in {@link Keys}. While Redis does not answer, what this instance read
 * lately is served from memory ({@link RecentInstallations}). An installation holds
 * tokens: it is never logged, and neither are the Bolt model objects, whose
 * {@code toString()} shows them.
 */
@Component
class RedisInstallationService implements InstallationService {

	/**
	 * Bolt's models in Slack's snake_case: one Gson for every call caches its adapters.
	 */
	private static final Gson GSON = GsonFactory.createSnakeCase();

	static final String BOT = "bot";

	static final String ENTERPRISE = "enterprise";

	private static final String USER = "user:";

	private final StringRedisTemplate redis;

	private final RedisGuard guard;

	private final RecentInstallations recent;

	RedisInstallationService(StringRedisTemplate redis, RedisGuard guard, Clock clock) {
		this.redis = redis;
		this.guard = guard;
		this.recent = new RecentInstallations(clock);
	}

	/** Only the latest installation of each workspace is kept. */
	@Override
	public boolean isHistoricalDataEnabled() {
		return false;
	}

	@Override
	public void setHistoricalDataEnabled(boolean isHistoricalDataEnabled) {
		if (isHistoricalDataEnabled) {
			throw new UnsupportedOperationException("Scopecut keeps only the latest installation of a workspace");
		}
	}

	/** The bot and the installing user in one {@code HSET}, so both land or neither. */
	@Override
	public void saveInstallerAndBot(Installer installer) {
		Map<String, String> fields = new LinkedHashMap<>();
		if (installer.getBotAccessToken() != null) {
			fields.put(BOT, GSON.toJson(installer.toBot()));
		}
		if (installer.getInstallerUserId() != null) {
			fields.put(USER + installer.getInstallerUserId(), GSON.toJson(installer));
		}
		if (!fields.isEmpty()) {
			String key = key(installer.getIsEnterpriseInstall(), installer.getEnterpriseId(), installer.getTeamId());
			change(key, installer.getTeamId(), () -> {
				this.redis.opsForHash().putAll(key, fields);
				return null;
			});
		}
	}

	/**
	 * Saves a bot whose token was just rotated, only while it is still installed: a
	 * refresh that ends after an uninstall (or a revoked bot token) must not bring the
	 * installation back. A fresh install goes through {@link #saveInstallerAndBot}.
	 */
	@Override
	public void saveBot(Bot bot) {
		String key = key(bot.getIsEnterpriseInstall(), bot.getEnterpriseId(), bot.getTeamId());
		change(key, bot.getTeamId(),
				() -> this.redis.execute(Scripts.SET_IF_EXISTS, List.of(key), BOT, BOT, GSON.toJson(bot)));
	}

	@Override
	public void deleteBot(Bot bot) {
		String key = key(bot.getIsEnterpriseInstall(), bot.getEnterpriseId(), bot.getTeamId());
		change(key, bot.getTeamId(), () -> this.redis.opsForHash().delete(key, BOT));
	}

	/** Deletes the user's installation only; the workspace's bot stays installed. */
	@Override
	public void deleteInstaller(Installer installer) {
		String key = key(installer.getIsEnterpriseInstall(), installer.getEnterpriseId(), installer.getTeamId());
		change(key, installer.getTeamId(),
				() -> this.redis.opsForHash().delete(key, USER + installer.getInstallerUserId()));
	}

	/**
	 * Everything installed for a workspace, or for an organisation when no workspace is
	 * named (an organisation-wide install was removed).
	 */
	@Override
	public void deleteAll(String enterpriseId, String teamId) {
		if (teamId != null) {
			change(Keys.installation(teamId), teamId, () -> this.redis.delete(Keys.installation(teamId)));
		}
		else if (enterpriseId != null) {
			String key = Keys.enterpriseInstallation(enterpriseId);
			change(key, null, () -> this.redis.delete(key));
		}
	}

	@Override
	public Bot findBot(String enterpriseId, String teamId) {
		String json = find(enterpriseId, teamId, BOT);
		return (json != null) ? GSON.fromJson(json, DefaultBot.class) : null;
	}

	@Override
	public Installer findInstaller(String enterpriseId, String teamId, String userId) {
		if (userId == null) {
			return null;
		}
		String json = find(enterpriseId, teamId, USER + userId);
		return (json != null) ? GSON.fromJson(json, DefaultInstaller.class) : null;
	}

	@Override
	public String getInstallationGuideText(String enterpriseId, String teamId, String userId) {
		return "Scopecut is not installed in this workspace (or was removed). Ask an admin to add it again "
				+ "through its Add to Slack page.";
	}

	/**
	 * The workspace's own installation first; else its organisation's organisation-wide
	 * one, named by the request or, for a background job that knows only the workspace,
	 * by the link its first request left. While Redis does not answer, the one this
	 * instance read last.
	 */
	private String find(String enterpriseId, String teamId, String field) {
		String json;
		try {
			json = this.guard.call(() -> read(enterpriseId, teamId, field));
		}
		catch (StoreUnavailableException ex) {
			return this.recent.recall(enterpriseId, teamId, field).orElseThrow(() -> ex);
		}
		this.recent.read(enterpriseId, teamId, field, json);
		return json;
	}

	private String read(String enterpriseId, String teamId, String field) {
		// One read for the workspace's own installation and its organisation link.
		List<Object> own = (teamId != null)
				? this.redis.opsForHash().multiGet(Keys.installation(teamId), List.of(field, ENTERPRISE))
				: Arrays.asList(null, null);
		if (own.get(0) != null) {
			return (String) own.get(0);
		}
		String linked = (String) own.get(1);
		String enterprise = (enterpriseId != null) ? enterpriseId : linked;
		if (enterprise == null) {
			return null;
		}
		String orgWide = (String) this.redis.opsForHash().get(Keys.enterpriseInstallation(enterprise), field);
		// Written once, not on every request the organisation's install serves.
		if (orgWide != null && teamId != null && !enterprise.equals(linked)) {
			link(teamId, enterprise);
		}
		return orgWide;
	}

	/**
	 * Changes an installation, then forgets what was read of it, whether or not Redis
	 * took the change: an organisation's install serves workspaces no lookup names.
	 */
	private void change(String key, String teamId, Supplier<?> write) {
		try {
			this.guard.call(write);
		}
		finally {
			if (teamId != null && key.equals(Keys.installation(teamId))) {
				this.recent.forgetWorkspace(teamId);
			}
			else {
				this.recent.forgetAll();
			}
		}
	}

	/**
	 * Links a workspace to the organisation-wide install found serving it, then checks
	 * that install is still there and takes the link back if not: an organisation
	 * uninstalled since it was read must not leave its workspace a hash that nothing
	 * deletes. Two steps, not one script, as the two keys are on different cluster slots.
	 */
	void link(String teamId, String enterprise) {
		String key = Keys.installation(teamId);
		this.redis.opsForHash().put(key, ENTERPRISE, enterprise);
		if (!Boolean.TRUE.equals(this.redis.hasKey(Keys.enterpriseInstallation(enterprise)))) {
			this.redis.opsForHash().delete(key, ENTERPRISE);
		}
	}

	/**
	 * The hash of an installation: the organisation's for an organisation-wide install,
	 * else the workspace's.
	 */
	private static String key(Boolean enterpriseInstall, String enterpriseId, String teamId) {
		if (Boolean.TRUE.equals(enterpriseInstall) && enterpriseId != null) {
			return Keys.enterpriseInstallation(enterpriseId);
		}
		if (teamId == null) {
			throw new IllegalArgumentException("an installation names neither its workspace nor an organisation");
		}
		return Keys.installation(teamId);
	}

}
