package dev.wxwork.bot;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Flux;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

import dev.wxwork.test.WeComBotDriver;
import dev.wxwork.test.WeComBotServerStandIn;
import dev.wxwork.test.WeComBotServerStandIn.Frame;

import static dev.wxwork.test.WeComBotServerStandIn.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bots-only application whose bot is configured only with {@code bot-id}, {@code secret} and
 * {@code ws-url}: the same {@code @WxWorkBot} class as in callback mode answers over the long
 * connection, and closing the context closes the connection normally.
 */
@ExtendWith(OutputCaptureExtension.class)
class BotLongConnectionModeTest {

	private static final Duration WAIT = Duration.ofSeconds(20);

	private WeComBotServerStandIn wecom;

	private ConfigurableApplicationContext context;

	@BeforeEach
	void start() {
		this.wecom = WeComBotServerStandIn.start().bot("aib-1", "bot-secret-value");
	}

	@AfterEach
	void stop() {
		if (this.context != null) {
			this.context.close();
		}
		this.wecom.close();
	}

	@Test
	void servesTheSameHandlersOverTheLongConnectionAndClosesWithTheContext(CapturedOutput output) {
		this.context = new SpringApplicationBuilder(App.class).run("--server.port=0", "--wxwork.token-store=memory",
				"--wxwork.bots.assistant.bot-id=aib-1", "--wxwork.bots.assistant.secret=bot-secret-value",
				"--wxwork.bots.assistant.ws-url=" + this.wecom.url(),
				"--wxwork.bots.assistant.connection.heartbeat-interval=200ms");
		BotEndpointRegistrar registrar = this.context.getBean(BotEndpointRegistrar.class);
		assertThat(registrar.endpoints()).isEmpty();
		assertThat(registrar.connections()).containsOnlyKeys("assistant");
		awaitSubscribed();
		// WeCom pushes the message over the connection; the test kit's driver collects the streamed answer
		WeComBotDriver.Answer answer = WeComBotDriver.connectedTo(this.wecom, "aib-1").deadline(WAIT).ask("zhangsan", "hi");
		assertThat(answer.content()).isEqualTo("echo: hi");
		assertThat(answer.updates()).isGreaterThanOrEqualTo(2);
		assertThat(answer.finished()).isTrue();
		assertThat(answer.replies()).allSatisfy((reply) -> assertThat(reply.path("msgtype").asString()).isEqualTo("stream"));
		// an active send over the connection: to the chat where the user wrote, and refused elsewhere
		WxWorkBotClient client = this.context.getBean("wxwork.bots.assistant", WxWorkBotClient.class);
		client.sendMarkdown("zhangsan", "**done**");
		client.sendTemplateCard("zhangsan", java.util.Map.of("card_type", "text_notice", "task_id", "t1"));
		List<Frame> sends = this.wecom.frames((frame) -> frame.inbound() && "aibot_send_msg".equals(frame.command()));
		assertThat(sends).hasSize(2);
		assertThat(sends.get(0).body().path("chatid").asString()).isEqualTo("zhangsan");
		assertThat(sends.get(0).body().at("/markdown/content").asString()).isEqualTo("**done**");
		assertThat(sends.get(1).body().at("/template_card/task_id").asString()).isEqualTo("t1");
		assertThat(sends.get(0).requestId()).startsWith("aibot_send_msg_").isNotEqualTo(sends.get(1).requestId());
		org.assertj.core.api.Assertions
			.assertThatExceptionOfType(dev.wxwork.client.WxWorkApiException.class)
			.isThrownBy(() -> client.sendMarkdown("stranger", "hello"))
			.satisfies((ex) -> assertThat(ex.getErrcode()).isEqualTo(40003));
		await("heartbeats", WAIT, () -> this.wecom.frames((frame) -> "ping".equals(frame.command())).size() >= 2);
		this.context.close();
		this.context = null;
		await("the close", WAIT, () -> !this.wecom.frames(Frame::isClose).isEmpty());
		assertThat(this.wecom.frames(Frame::isClose).get(0).closeCode()).isEqualTo(1000);
		assertThat(output).contains("long-connection mode").doesNotContain("bot-secret-value");
	}

	@Test
	void uploadsMediaInChunksNumberedFromOneAndSendsIt() {
		this.context = new SpringApplicationBuilder(App.class).run("--server.port=0", "--wxwork.token-store=memory",
				"--wxwork.bots.assistant.bot-id=aib-1", "--wxwork.bots.assistant.secret=bot-secret-value",
				"--wxwork.bots.assistant.ws-url=" + this.wecom.url());
		awaitSubscribed();
		WxWorkBotClient client = this.context.getBean("wxwork.bots.assistant", WxWorkBotClient.class);
		byte[] content = new byte[1_200_000];
		new java.util.Random(42).nextBytes(content);
		String mediaId = client.uploadMedia("file", "report.bin", content);
		WeComBotServerStandIn.Media media = this.wecom.uploadedMedia().get(mediaId);
		assertThat(media).isNotNull();
		assertThat(media.type()).isEqualTo("file");
		assertThat(media.filename()).isEqualTo("report.bin");
		assertThat(media.content()).isEqualTo(content);
		List<Frame> init = this.wecom.frames((frame) -> frame.inbound() && "aibot_upload_media_init".equals(frame.command()));
		assertThat(init).hasSize(1);
		assertThat(init.get(0).body().path("total_size").asLong()).isEqualTo(1_200_000);
		assertThat(init.get(0).body().path("total_chunks").asInt()).isEqualTo(3);
		assertThat(this.wecom.frames((frame) -> frame.inbound() && "aibot_upload_media_chunk".equals(frame.command()))
			.stream()
			.map((frame) -> frame.body().path("chunk_index").asInt())
			.toList()).containsExactly(1, 2, 3);
		// too large: refused before anything is sent
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
			.isThrownBy(() -> client.uploadMedia("file", "huge.bin", new byte[100 * 512 * 1024 + 1]))
			.withMessageContaining(String.valueOf(WxWorkBotClient.MAX_UPLOAD_SIZE))
			.withMessageContaining("100 chunks");
		assertThat(this.wecom.frames((frame) -> frame.inbound() && "aibot_upload_media_init".equals(frame.command())))
			.hasSize(1);
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
			.isThrownBy(() -> client.uploadMedia("pdf", "a.pdf", new byte[] { 1 }));
		// the media goes to a chat where the user wrote
		this.wecom.pushText("aib-1", "zhangsan", "send me the report");
		client.sendFile("zhangsan", mediaId);
		List<Frame> sends = this.wecom.frames((frame) -> frame.inbound() && "aibot_send_msg".equals(frame.command()));
		assertThat(sends).hasSize(1);
		assertThat(sends.get(0).body().path("msgtype").asString()).isEqualTo("file");
		assertThat(sends.get(0).body().at("/file/media_id").asString()).isEqualTo(mediaId);
	}

	@Test
	void anUploadRefusedByWeComIsAnApiException() {
		this.context = new SpringApplicationBuilder(App.class).run("--server.port=0", "--wxwork.token-store=memory",
				"--wxwork.bots.assistant.bot-id=aib-1", "--wxwork.bots.assistant.secret=bot-secret-value",
				"--wxwork.bots.assistant.ws-url=" + this.wecom.url());
		awaitSubscribed();
		WxWorkBotClient client = this.context.getBean("wxwork.bots.assistant", WxWorkBotClient.class);
		this.wecom.corruptChunks(true);
		org.assertj.core.api.Assertions
			.assertThatExceptionOfType(dev.wxwork.client.WxWorkApiException.class)
			.isThrownBy(() -> client.uploadMedia("image", "a.png", new byte[] { 1, 2, 3 }))
			.satisfies((ex) -> {
				assertThat(ex.getErrcode()).isEqualTo(WeComBotServerStandIn.UPLOAD_MISMATCH);
				assertThat(ex.getErrmsg()).contains("md5");
				assertThat(ex.getPath()).isEqualTo("aibot_upload_media_finish");
				assertThat(ex.mayHaveTakenEffect()).isFalse();
			});
		assertThat(this.wecom.uploadedMedia()).isEmpty();
	}

	// subscribed at the stand-in and, once its ack arrived, at the client too: only then may it send
	private void awaitSubscribed() {
		await("subscribed", WAIT, () -> this.wecom.isSubscribed("aib-1"));
		BotLongConnection connection = this.context.getBean(BotEndpointRegistrar.class).connections().get("assistant");
		await("the subscription acknowledged", WAIT, connection::isConnected);
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
