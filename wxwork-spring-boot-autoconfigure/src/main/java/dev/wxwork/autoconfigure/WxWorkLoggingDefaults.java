package dev.wxwork.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Turns off, by default, the third-party loggers that print whole request URLs, and with them
 * {@code corpsecret=} (gettoken), {@code access_token=} (every API call) and webhook {@code key=}:
 * the JDK HttpClient's debug loggers, which log every request line at DEBUG (so {@code logging.level.root=DEBUG}
 * or {@code logging.level.jdk=DEBUG} would print them), and its {@code jdk.httpclient.HttpClient} request
 * log. These defaults have the lowest precedence: a {@code logging.level.<logger>} that the application
 * sets for one of these loggers by name wins.
 * <p>
 * A listener for the prepared environment, ordered after Boot's environment post-processors (so the
 * application's own configuration is in) and before its logging system starts: the same on Boot 3.5 and 4,
 * whose {@code EnvironmentPostProcessor} interfaces differ.
 */
public class WxWorkLoggingDefaults implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

	/** The name of the property source that holds these defaults. */
	public static final String PROPERTY_SOURCE_NAME = "wxworkLoggingDefaults";

	/** The loggers turned off. */
	static final Map<String, Object> DEFAULTS = defaults();

	// after EnvironmentPostProcessorApplicationListener (HIGHEST_PRECEDENCE + 10), before LoggingApplicationListener (+ 20)
	private static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 15;

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		applyTo(event.getEnvironment());
	}

	/** Adds the defaults to {@code environment}, once, with the lowest precedence. */
	public static void applyTo(ConfigurableEnvironment environment) {
		if (!environment.getPropertySources().contains(PROPERTY_SOURCE_NAME)) {
			environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, DEFAULTS));
		}
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	private static Map<String, Object> defaults() {
		Map<String, Object> levels = new LinkedHashMap<>();
		// jdk.internal.net.http.common.DebugLogger: "send <uri> GET", "establishing exchange for <uri>"
		levels.put("logging.level.jdk.internal.httpclient.debug", "OFF");
		levels.put("logging.level.jdk.internal.httpclient.websocket.debug", "OFF");
		levels.put("logging.level.jdk.internal.httpclient.hpack.debug", "OFF");
		// jdk.internal.net.http.common.Log, on with -Djdk.httpclient.HttpClient.log=requests: "REQUEST: <uri>"
		levels.put("logging.level.jdk.httpclient.HttpClient", "OFF");
		return Map.copyOf(levels);
	}

}
