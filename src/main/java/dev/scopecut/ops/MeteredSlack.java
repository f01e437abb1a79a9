package dev.scopecut.ops;

import com.slack.api.Slack;
import com.slack.api.bolt.App;
import com.slack.api.util.http.SlackHttpClient;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Instruments the Slack beans where they are made, so that the Slack adapter needs no
 * edit: the Web API client gets a {@link SlackApiMeter} on its HTTP client, and the Bolt
 * app a {@link RequestMeter} middleware.
 */
class MeteredSlack implements BeanPostProcessor {

	private final ObjectProvider<MeterRegistry> registry;

	MeteredSlack(ObjectProvider<MeterRegistry> registry) {
		this.registry = registry;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof Slack slack) {
			com.slack.api.SlackConfig config = slack.getConfig();
			SlackApiMeter meter = new SlackApiMeter(this.registry.getObject(), config.getMethodsEndpointUrlPrefix());
			// The SDK's own client with the meter added: newBuilder shares its connection
			// pool and dispatcher, so no second set of them is built.
			SlackHttpClient http = new SlackHttpClient(
					slack.getHttpClient().getOkHttpClient().newBuilder().addInterceptor(meter).build());
			return Slack.getInstance(config, http);
		}
		if (bean instanceof App app) {
			// When Bolt starts, after its own middleware: App.use now would build that
			// first, calling auth.test before the app can answer (the sandbox's own API).
			app.initializer("scopecut-request-meter",
					(started) -> started.use(new RequestMeter(this.registry.getObject())));
		}
		return bean;
	}

}
