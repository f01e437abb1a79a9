package dev.scopecut.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import com.slack.api.app_backend.SlackSignature;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The bare baseline the benchmark compares Scopecut with: the same Spring Boot servlet
 * container answering {@code POST /slack/events} with only the signature check and one
 * Redis HSET per request. Whatever Scopecut does beyond that is what the ratio prices.
 * Not a {@code @Configuration}, so that component scans of Scopecut's own tests never
 * pick it up.
 */
@EnableAutoConfiguration
public class BaselineApp {

	public static void main(String[] args) {
		SpringApplication.run(BaselineApp.class, args);
	}

	@Bean
	ServletRegistrationBean<HttpServlet> events(StringRedisTemplate redis,
			@Value("${scopecut.slack.signing-secret}") String secret) {
		SlackSignature.Verifier verifier = new SlackSignature.Verifier(new SlackSignature.Generator(secret));
		HttpServlet servlet = new HttpServlet() {

			@Override
			protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
				String body = new String(req.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
				String signature = req.getHeader(SlackSignature.HeaderNames.X_SLACK_SIGNATURE);
				if (!verifier.isValid(req.getHeader(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP), body,
						signature)) {
					resp.setStatus(401);
					return;
				}
				redis.opsForHash().put("baseline:votes", signature, "1");
				resp.setStatus(200);
			}

		};
		return new ServletRegistrationBean<>(servlet, "/slack/events");
	}

}
