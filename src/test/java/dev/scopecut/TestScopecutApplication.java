package dev.scopecut;

import org.springframework.boot.SpringApplication;

import dev.scopecut.support.processes.RedisProcess;

/**
 * Runs Scopecut locally with {@code ./mvnw spring-boot:test-run}. When {@code REDIS_URL}
 * is unset it first starts a real embedded {@code redis-server}; the production jar never
 * carries that binary. Unless {@code SCOPECUT_SANDBOX} says otherwise, the sandbox plays
 * Slack when no Slack credential is set (see {@code SandboxEnvironment}); the production
 * entry point needs {@code SCOPECUT_SANDBOX=true} for that.
 */
public final class TestScopecutApplication {

	private TestScopecutApplication() {
	}

	public static void main(String[] args) {
		String redisUrl = System.getenv("REDIS_URL");
		if (redisUrl == null || redisUrl.isBlank()) {
			RedisProcess redis = RedisProcess.start(true);
			Runtime.getRuntime().addShutdownHook(new Thread(redis::stop));
			System.setProperty("spring.data.redis.url", redis.url());
			System.out.println("Started an embedded redis-server at " + redis.url());
		}
		if (System.getenv("SCOPECUT_SANDBOX") == null && System.getProperty("scopecut.sandbox") == null) {
			System.setProperty("scopecut.sandbox", "auto");
		}
		SpringApplication.from(ScopecutApplication::main).run(args);
	}

}
