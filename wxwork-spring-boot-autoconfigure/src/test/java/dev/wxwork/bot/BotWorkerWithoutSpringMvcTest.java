package dev.wxwork.bot;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

import dev.wxwork.test.WeComBotDriver;
import dev.wxwork.test.WeComBotServerStandIn;
import dev.wxwork.test.WeComBotServerStandIn.Frame;

import static dev.wxwork.test.WeComBotServerStandIn.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A worker built on the starter alone has neither Spring MVC nor the servlet API on its classpath (the
 * starter brings neither). Such an application, started from a class loader that holds this module's
 * test classpath without those jars, runs a long-connection bot that streams its answer, and says why a
 * bot in callback mode cannot work there.
 */
class BotWorkerWithoutSpringMvcTest {

	private static final Duration WAIT = Duration.ofSeconds(20);

	// Spring MVC, the servlet API, a servlet container, and Boot's modules that wire them
	private static final Pattern WEB_JARS = Pattern.compile(
			"(spring-webmvc|jakarta\\.servlet-api|tomcat-embed-[a-z]+|spring-boot-(starter-)?(webmvc|tomcat|servlet|web-server))-[0-9].*\\.jar");

	private WeComBotServerStandIn wecom;

	private URLClassLoader classLoader;

	@BeforeEach
	void start() throws Exception {
		this.wecom = WeComBotServerStandIn.start().bot("aib-1", "bot-secret-value");
		List<URL> urls = new ArrayList<>();
		List<String> left = new ArrayList<>();
		for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
			if (WEB_JARS.matcher(new File(entry).getName()).matches()) {
				left.add(new File(entry).getName());
			}
			else {
				urls.add(new File(entry).toURI().toURL());
			}
		}
		assertThat(left).anyMatch((name) -> name.startsWith("spring-webmvc-"))
			.anyMatch((name) -> name.startsWith("jakarta.servlet-api-"));
		this.classLoader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
	}

	@AfterEach
	void stop() throws Exception {
		this.wecom.close();
		this.classLoader.close();
	}

	@Test
	void answersOverTheLongConnectionWithoutSpringMvcOnTheClasspath() throws Exception {
		assertThatExceptionOfType(ClassNotFoundException.class)
			.isThrownBy(() -> Class.forName("org.springframework.web.servlet.DispatcherServlet", false, this.classLoader));
		assertThatExceptionOfType(ClassNotFoundException.class)
			.isThrownBy(() -> Class.forName("jakarta.servlet.Servlet", false, this.classLoader));
		try (AutoCloseable worker = startWorker("--wxwork.bots.assistant.bot-id=aib-1",
				"--wxwork.bots.assistant.secret=bot-secret-value", "--wxwork.bots.assistant.ws-url=" + this.wecom.url())) {
			assertThat(worker.toString()).isEqualTo("NONE");
			await("subscribed", WAIT, () -> this.wecom.isSubscribed("aib-1"));
			WeComBotDriver.Answer answer = WeComBotDriver.connectedTo(this.wecom, "aib-1").deadline(WAIT).ask("zhangsan", "hi");
			assertThat(answer.content()).isEqualTo("echo: hi");
			assertThat(answer.updates()).isGreaterThanOrEqualTo(2);
			assertThat(answer.finished()).isTrue();
		}
		await("the close", WAIT, () -> !this.wecom.frames(Frame::isClose).isEmpty());
		assertThat(this.wecom.frames(Frame::isClose).get(0).closeCode()).isEqualTo(1000);
	}

	@Test
	void saysSpringMvcIsMissingForABotInCallbackMode() {
		assertThatExceptionOfType(java.lang.reflect.InvocationTargetException.class)
			.isThrownBy(() -> startWorker("--wxwork.bots.assistant.callback.token=t",
					"--wxwork.bots.assistant.callback.encoding-aes-key=abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG"))
			.satisfies((ex) -> assertThat(ex.getCause().getClass().getName())
				.isEqualTo("dev.wxwork.autoconfigure.WxWorkConfigurationException"))
			.satisfies((ex) -> assertThat(ex.getCause().getMessage())
				.contains("wxwork.bots.assistant.callback.token is set")
				.contains("Spring MVC is not on the classpath"));
	}

	private AutoCloseable startWorker(String... args) throws Exception {
		Class<?> worker = Class.forName(Worker.class.getName(), true, this.classLoader);
		assertThat(worker.getClassLoader()).isSameAs(this.classLoader);
		// as a launcher would: the application's class loader is the context class loader of its main thread
		Thread thread = Thread.currentThread();
		ClassLoader previous = thread.getContextClassLoader();
		thread.setContextClassLoader(this.classLoader);
		try {
			return (AutoCloseable) worker.getMethod("start", String[].class).invoke(null, (Object) args);
		}
		finally {
			thread.setContextClassLoader(previous);
		}
	}

	/** The worker, loaded and started in the class loader without Spring MVC; its application type is deduced. */
	public static final class Worker implements AutoCloseable {

		private final ConfigurableApplicationContext context;

		private final String type;

		private Worker(ConfigurableApplicationContext context, String type) {
			this.context = context;
			this.type = type;
		}

		public static AutoCloseable start(String... args) {
			SpringApplication application = new SpringApplication(App.class);
			application.setDefaultProperties(java.util.Map.of("wxwork.token-store", "memory"));
			ConfigurableApplicationContext context = application.run(args);
			return new Worker(context, application.getWebApplicationType().name());
		}

		@Override
		public void close() {
			this.context.close();
		}

		@Override
		public String toString() {
			return this.type;
		}

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(Assistant.class)
	static class App {

	}

	@WxWorkBot("assistant")
	static class Assistant {

		@OnBotMessage
		Flux<String> echo(BotTextMessage text) {
			return Flux.just("echo: ", text.content());
		}

	}

}
