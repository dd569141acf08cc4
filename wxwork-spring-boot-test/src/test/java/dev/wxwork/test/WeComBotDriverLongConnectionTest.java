package dev.wxwork.test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The bot driver in long-connection mode, against a bot written here on the JDK's WebSocket (the kit does
 * not depend on the library): it pushes the message through the stand-in and collects what the bot streams.
 */
class WeComBotDriverLongConnectionTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final WeComBotServerStandIn wecom = WeComBotServerStandIn.start().bot("aib-1", "secret-1");

	private Bot bot;

	@AfterEach
	void stop() {
		if (this.bot != null) {
			this.bot.socket.abort();
		}
		this.wecom.close();
	}

	@Test
	void collectsEveryUpdateOfTheStreamUntilFinish() {
		this.bot = new Bot(this.wecom.url(), (bot, callback) -> {
			String content = callback.at("/body/text/content").asString();
			bot.reply(callback, "aibot_respond_msg", stream("s-1", "echo: ", false));
			bot.reply(callback, "aibot_respond_msg", stream("s-1", "echo: " + content.substring(0, 2), false));
			bot.reply(callback, "aibot_respond_msg", stream("s-1", "echo: " + content, true));
		});
		WeComBotDriver driver = WeComBotDriver.connectedTo(this.wecom, "aib-1").awaitConnected();
		WeComBotDriver.Answer answer = driver.ask("zhangsan", "hello");
		assertThat(answer.content()).isEqualTo("echo: hello");
		assertThat(answer.streamId()).isEqualTo("s-1");
		assertThat(answer.updates()).isEqualTo(3);
		assertThat(answer.finished()).isTrue();
		assertThat(answer.replies()).extracting((reply) -> reply.at("/stream/content").asString())
			.containsExactly("echo: ", "echo: he", "echo: hello");
		// the message went to the bot as WeCom sends it
		JsonNode callback = this.wecom.frames((frame) -> "aibot_msg_callback".equals(frame.command())).get(0).body();
		assertThat(callback.path("msgtype").asString()).isEqualTo("text");
		assertThat(callback.at("/from/userid").asString()).isEqualTo("zhangsan");
	}

	@Test
	void failsWhenOneAnswerComesAsTwoStreams() {
		this.bot = new Bot(this.wecom.url(), (bot, callback) -> {
			bot.reply(callback, "aibot_respond_msg", stream("s-1", "echo: ", false));
			bot.reply(callback, "aibot_respond_msg", stream("s-2", "echo: hello", true));
		});
		WeComBotDriver driver = WeComBotDriver.connectedTo(this.wecom, "aib-1").awaitConnected();
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> driver.ask("zhangsan", "hello"))
			.withMessageContaining("more than one stream");
	}

	@Test
	void failsWhenTheStreamNeverFinishes() {
		this.bot = new Bot(this.wecom.url(),
				(bot, callback) -> bot.reply(callback, "aibot_respond_msg", stream("s-1", "echo: ", false)));
		WeComBotDriver driver = WeComBotDriver.connectedTo(this.wecom, "aib-1")
			.deadline(Duration.ofSeconds(1))
			.awaitConnected();
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> driver.ask("zhangsan", "hello"))
			.withMessageContaining("did not finish");
	}

	@Test
	void failsWhenTheStandInRefusedAReply() {
		// a reply without a body object is refused (40008), so the user would never see it
		this.bot = new Bot(this.wecom.url(), (bot, callback) -> {
			bot.send("{\"cmd\":\"aibot_respond_msg\",\"headers\":{\"req_id\":\"" + callback.at("/headers/req_id").asString()
					+ "\"},\"body\":\"echo\"}");
			bot.reply(callback, "aibot_respond_msg", stream("s-1", "echo: hello", true));
		});
		WeComBotDriver driver = WeComBotDriver.connectedTo(this.wecom, "aib-1").awaitConnected();
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> driver.ask("zhangsan", "hello"))
			.withMessageContaining("refused");
	}

	@Test
	void returnsTheWelcomeOfEnterChat() {
		this.bot = new Bot(this.wecom.url(), (bot, callback) -> {
			ObjectNode welcome = JSON.createObjectNode().put("msgtype", "text");
			welcome.putObject("text").put("content", "welcome");
			bot.reply(callback, "aibot_respond_welcome_msg", welcome);
		});
		WeComBotDriver driver = WeComBotDriver.connectedTo(this.wecom, "aib-1").awaitConnected();
		assertThat(driver.enterChat("zhangsan").at("/text/content").asString()).isEqualTo("welcome");
	}

	@Test
	void callbackModeCallsAreRefusedInLongConnectionMode() {
		WeComBotDriver driver = WeComBotDriver.connectedTo(this.wecom, "aib-1");
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> driver.send("{}"))
			.withMessageContaining("long connection");
	}

	private static ObjectNode stream(String id, String content, boolean finish) {
		ObjectNode body = JSON.createObjectNode().put("msgtype", "stream");
		body.putObject("stream").put("id", id).put("content", content).put("finish", finish);
		return body;
	}

	/**
	 * A minimal bot client: subscribes, and hands each callback frame to its answer, on the WebSocket's
	 * thread; it sends without waiting for acks (the stand-in acks each frame anyway).
	 */
	static final class Bot implements WebSocket.Listener {

		private final WebSocket socket;

		private final BiConsumer<Bot, JsonNode> answer;

		private final StringBuilder partial = new StringBuilder();

		Bot(String url, BiConsumer<Bot, JsonNode> answer) {
			this.answer = answer;
			this.socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(URI.create(url), this).join();
			send("{\"cmd\":\"aibot_subscribe\",\"headers\":{\"req_id\":\"aibot_subscribe_1\"},"
					+ "\"body\":{\"bot_id\":\"aib-1\",\"secret\":\"secret-1\"}}");
		}

		synchronized void send(String text) {
			this.socket.sendText(text, true).join();
		}

		void reply(JsonNode callback, String command, JsonNode body) {
			ObjectNode frame = JSON.createObjectNode().put("cmd", command);
			frame.putObject("headers").put("req_id", callback.at("/headers/req_id").asString());
			frame.set("body", body);
			send(frame.toString());
		}

		@Override
		public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
			this.partial.append(data);
			if (last) {
				JsonNode frame = JSON.readTree(this.partial.toString());
				this.partial.setLength(0);
				if (frame.has("cmd")) {
					this.answer.accept(this, frame);
				}
			}
			webSocket.request(1);
			return null;
		}

	}

}
