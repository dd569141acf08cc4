package dev.wxwork.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
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
 */
public class WxWorkLoggingDefaults implements EnvironmentPostProcessor, Ordered {

	/** The name of the property source that holds these defaults. */
	public static final String PROPERTY_SOURCE_NAME = "wxworkLoggingDefaults";

	/** The loggers turned off. */
	static final Map<String, Object> DEFAULTS = defaults();

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!environment.getPropertySources().contains(PROPERTY_SOURCE_NAME)) {
			environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, DEFAULTS));
		}
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
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
