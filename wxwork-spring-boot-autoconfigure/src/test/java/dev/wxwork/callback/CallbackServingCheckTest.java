package dev.wxwork.callback;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.web.servlet.DispatcherServlet;

import dev.wxwork.autoconfigure.WxWorkAutoConfiguration;
import dev.wxwork.autoconfigure.WxWorkCallbackAutoConfiguration;
import dev.wxwork.autoconfigure.WxWorkCallbackServingAutoConfiguration;
import dev.wxwork.callback.message.TextMessage;
import dev.wxwork.callback.reply.Reply;

import static org.assertj.core.api.Assertions.assertThat;

/** No silent 404: a {@code @WxWorkCallback} class that no endpoint serves fails the startup, or is warned about. */
@ExtendWith(OutputCaptureExtension.class)
class CallbackServingCheckTest {

	private static final AutoConfigurations WXWORK = AutoConfigurations.of(WebMvcAutoConfiguration.class,
			WxWorkAutoConfiguration.class, WxWorkCallbackAutoConfiguration.class, WxWorkCallbackServingAutoConfiguration.class);

	private static final String[] CONFIGURED = { "wxwork.corp-id=wwcorp", "wxwork.token-store=memory",
			"wxwork.agents.demo.secret=s", "wxwork.agents.demo.callback.token=t",
			"wxwork.agents.demo.callback.encoding-aes-key=abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG" };

	@Test
	void servesTheClassInASpringMvcApplication() {
		new WebApplicationContextRunner().withConfiguration(WXWORK)
			.withPropertyValues(CONFIGURED)
			.withBean(Echo.class)
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(CallbackEndpointRegistrar.class));
	}

	@Test
	void failsInAReactiveApplication() {
		new ReactiveWebApplicationContextRunner().withConfiguration(WXWORK)
			.withPropertyValues(CONFIGURED)
			.withBean(Echo.class)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasMessageContaining("@WxWorkCallback [" + Echo.class.getName() + "] cannot be served")
				.hasMessageContaining("reactive (WebFlux)"));
	}

	@Test
	void failsWithoutSpringMvc() {
		new WebApplicationContextRunner().withConfiguration(WXWORK)
			.withClassLoader(new FilteredClassLoader(DispatcherServlet.class))
			.withPropertyValues(CONFIGURED)
			.withBean(Echo.class)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasMessageContaining(Echo.class.getName())
				.hasMessageContaining("Spring MVC is not on the classpath"));
	}

	@Test
	void failsInAnApplicationThatIsNoWebApplication() {
		new ApplicationContextRunner().withConfiguration(WXWORK)
			.withPropertyValues(CONFIGURED)
			.withBean(Echo.class)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasMessageContaining(Echo.class.getName())
				.hasMessageContaining("not a servlet web application"));
	}

	@Test
	void warnsWhenNoWxWorkPropertyIsSetAtAll(CapturedOutput output) {
		new WebApplicationContextRunner().withConfiguration(WXWORK).withBean(Echo.class).run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(CallbackEndpointRegistrar.class);
			assertThat(output).contains("@WxWorkCallback [" + Echo.class.getName() + "] will not be served",
					"neither wxwork.corp-id nor wxwork.agents is configured");
		});
	}

	@Test
	void saysNothingWithoutCallbackClasses(CapturedOutput output) {
		new ApplicationContextRunner().withConfiguration(WXWORK)
			.withPropertyValues("wxwork.corp-id=wwcorp", "wxwork.token-store=memory", "wxwork.agents.demo.secret=s")
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).doesNotContain("will not be served");
	}

	@WxWorkCallback(agent = "demo")
	static class Echo {

		@OnMessage
		Reply echo(TextMessage message) {
			return Reply.text(message.content());
		}

	}

}
