package dev.wxwork.bot;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import dev.wxwork.agent.WxWorkAgents;
import dev.wxwork.test.WeComBotDriver;
import dev.wxwork.test.WeComCrypto;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bots-only application (no corp id, no app) in callback mode, driven over real HTTP by a stand-in of
 * WeCom that seals JSON callbacks with the empty receive id and polls streams as WeCom does.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = BotCallbackModeTest.App.class,
		properties = { "wxwork.token-store=memory", "wxwork.bots.assistant.callback.token=bottoken",
				"wxwork.bots.assistant.callback.encoding-aes-key=" + BotCallbackModeTest.KEY,
				"wxwork.bots.assistant.error-text=Sorry, that failed." })
class BotCallbackModeTest {

	static final String KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	Assistant assistant;

	@Autowired
	org.springframework.context.ApplicationContext context;

	private WeComBotDriver wecom;

	@BeforeEach
	void sender() {
		this.wecom = new WeComBotDriver("http://127.0.0.1:" + this.port + "/wxwork/bots/assistant/callback", "bottoken",
				KEY);
		this.assistant.calls.set(0);
	}

	@Test
	void needsNoCorpIdAndNoApp() {
		assertThat(this.context.getBeanNamesForType(WxWorkAgents.class)).isEmpty();
		assertThat(this.context.getBean(BotEndpointRegistrar.class).endpoints()).containsOnlyKeys("assistant");
	}

	@Test
	void answersUrlVerificationWithThePlainEcho() {
		HttpResponse<String> response = this.wecom.verify("echo-4711");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("echo-4711");
	}

	@Test
	void streamsAPublisherAsCumulativeUpdatesOfOneStreamUntilFinished() {
		JsonNode first = this.wecom.send(WeComBotDriver.text("zhangsan", "one two three four"));
		assertThat(first.get("msgtype").asString()).isEqualTo("stream");
		assertThat(first.at("/stream/finish").asBoolean()).isFalse();
		String id = first.at("/stream/id").asString();
		assertThat(id).isNotBlank();
		List<String> updates = pollUntilFinished(this.wecom, id, first);
		assertThat(updates.get(updates.size() - 1)).isEqualTo("one two three four ");
		assertThat(updates).hasSizeGreaterThanOrEqualTo(2);
		for (int i = 1; i < updates.size(); i++) {
			// WeCom replaces what it shows with each update: every one is the whole text so far
			assertThat(updates.get(i)).startsWith(updates.get(i - 1));
		}
	}

	@Test
	void streamsAJavaStreamPulledOnTheBotsExecutor() {
		JsonNode first = this.wecom.send(image("zhangsan"));
		List<String> updates = pollUntilFinished(this.wecom, first.at("/stream/id").asString(), first);
		assertThat(updates.get(updates.size() - 1)).isEqualTo("an image, 3 parts");
	}

	@Test
	void streamsWhatAHandlerPushesThroughItsBotStream() {
		JsonNode first = this.wecom.send(file("zhangsan"));
		assertThat(first.at("/stream/finish").asBoolean()).isFalse();
		List<String> updates = pollUntilFinished(this.wecom, first.at("/stream/id").asString(), first);
		assertThat(updates.get(updates.size() - 1)).isEqualTo("reading… done");
	}

	@Test
	void aStringIsTheWholeAnswerInOneFinishedUpdate() {
		ObjectNodeBuilder voice = new ObjectNodeBuilder("voice");
		JsonNode reply = this.wecom.send(voice.content("what time is it"));
		assertThat(reply.at("/stream/finish").asBoolean()).isTrue();
		assertThat(reply.at("/stream/content").asString()).isEqualTo("heard: what time is it");
	}

	@Test
	void aFailingAnswerFinishesWithTheErrorTextAfterWhatWasSent() {
		JsonNode first = this.wecom.send(WeComBotDriver.text("zhangsan", "fail please"));
		List<String> updates = pollUntilFinished(this.wecom, first.at("/stream/id").asString(), first);
		assertThat(updates.get(updates.size() - 1)).isEqualTo("partial\n\nSorry, that failed.");
	}

	@Test
	void aHandlerThatThrowsFinishesAtOnceWithTheErrorText() {
		JsonNode reply = this.wecom.send(new ObjectNodeBuilder("voice").content("throw"));
		assertThat(reply.at("/stream/finish").asBoolean()).isTrue();
		assertThat(reply.at("/stream/content").asString()).isEqualTo("Sorry, that failed.");
	}

	@Test
	void cutsTheContentAtWeComsLimitOnACodePointBoundary() {
		JsonNode first = this.wecom.send(WeComBotDriver.text("zhangsan", "long answer"));
		List<String> updates = pollUntilFinished(this.wecom, first.at("/stream/id").asString(), first);
		String last = updates.get(updates.size() - 1);
		int bytes = last.getBytes(StandardCharsets.UTF_8).length;
		assertThat(bytes).isLessThanOrEqualTo(20480).isGreaterThan(20480 - 4);
		assertThat(last).doesNotContain("\uFFFD").startsWith("中文😀");
	}

	@Test
	void streamsAnIteratorWithATemplateCardBelowIt() {
		JsonNode first = this.wecom.send(WeComBotDriver.envelope("zhangsan", "video").toString());
		assertThat(first.get("msgtype").asString()).isEqualTo("stream_with_template_card");
		assertThat(first.at("/template_card/card_type").asString()).isEqualTo("text_notice");
		assertThat(first.at("/stream/finish").asBoolean()).isFalse();
		List<String> updates = pollUntilFinished(this.wecom, first.at("/stream/id").asString(), first);
		assertThat(updates.get(updates.size() - 1)).isEqualTo("a video, 2 parts");
	}

	@Test
	void welcomesOnEnterChat() {
		JsonNode reply = this.wecom.send(WeComBotDriver.event("zhangsan", "enter_chat", JSON.createObjectNode()));
		assertThat(reply.get("msgtype").asString()).isEqualTo("text");
		assertThat(reply.at("/text/content").asString()).isEqualTo("welcome, zhangsan");
	}

	@Test
	void updatesTheClickedCard() {
		JsonNode click = JSON.createObjectNode().put("card_type", "button_interaction").put("event_key", "approve")
			.put("task_id", "task-1");
		JsonNode reply = this.wecom.send(WeComBotDriver.event("lisi", "template_card_event", click));
		assertThat(reply.get("response_type").asString()).isEqualTo("update_template_card");
		assertThat(reply.get("userids").get(0).asString()).isEqualTo("lisi");
		assertThat(reply.at("/template_card/task_id").asString()).isEqualTo("task-1");
		assertThat(reply.at("/template_card/main_title/title").asString()).isEqualTo("approve: done");
	}

	@Test
	void answersFeedbackWithAnEmptyBody() {
		JsonNode feedback = JSON.createObjectNode().put("id", "fb-1").put("type", 2).put("content", "wrong");
		assertThat(this.wecom.send(WeComBotDriver.event("lisi", "feedback_event", feedback))).isNull();
		assertThat(this.assistant.feedback).contains("fb-1:2:wrong");
	}

	@Test
	void repliesWithATemplateCardToAMixedMessage() {
		JsonNode reply = this.wecom.send(mixed("wangwu"));
		assertThat(reply.get("msgtype").asString()).isEqualTo("template_card");
		assertThat(reply.at("/template_card/card_type").asString()).isEqualTo("text_notice");
		assertThat(reply.at("/template_card/main_title/title").asString()).isEqualTo("2 parts, first: look");
	}

	@Test
	void handlesARepeatedCallbackOnce() {
		WeComCrypto.Sealed sealed = this.wecom.crypto().seal(new ObjectNodeBuilder("voice").content("once"));
		HttpResponse<String> first = this.wecom.post(sealed);
		HttpResponse<String> repeated = this.wecom.post(sealed);
		assertThat(first.body()).isNotEmpty();
		assertThat(repeated.statusCode()).isEqualTo(200);
		assertThat(repeated.body()).isEmpty();
		assertThat(this.assistant.calls).hasValue(1);
	}

	@Test
	void refusesForgedStaleAndOversizedCallbacksAlikeWithoutCallingAHandler() {
		String message = new ObjectNodeBuilder("voice").content("forged");
		WeComCrypto.Sealed good = this.wecom.crypto().seal(message);
		WeComCrypto.Sealed badSignature = new WeComCrypto.Sealed(good.encrypt(), "0".repeat(40), good.timestamp(), good.nonce());
		String stale = String.valueOf(Instant.now().minus(Duration.ofMinutes(10)).getEpochSecond());
		WeComCrypto.Sealed staleMessage = this.wecom.crypto().seal(message, stale, "4242");
		WeComCrypto.Sealed oversized = this.wecom.crypto().seal(message.replace("forged", "x".repeat(300_000)));
		List<HttpResponse<String>> responses = List.of(this.wecom.post(badSignature), this.wecom.post(staleMessage),
				this.wecom.post(oversized));
		for (HttpResponse<String> response : responses) {
			assertThat(response.statusCode()).isEqualTo(400);
			assertThat(response.body()).isEqualTo("invalid callback");
		}
		assertThat(this.assistant.calls).hasValue(0);
	}

	@Test
	void refusesAnXmlEnvelopeAsAppCallbacksHaveIt() throws Exception {
		WeComCrypto.Sealed sealed = this.wecom.crypto().seal(new ObjectNodeBuilder("voice").content("xml"));
		HttpResponse<String> response = java.net.http.HttpClient.newHttpClient()
			.send(java.net.http.HttpRequest
				.newBuilder(java.net.URI.create("http://127.0.0.1:" + this.port + "/wxwork/bots/assistant/callback?"
						+ sealed.callbackQuery()))
				.POST(java.net.http.HttpRequest.BodyPublishers.ofString(sealed.callbackXml("", null)))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).isEqualTo("invalid callback");
		assertThat(this.assistant.calls).hasValue(0);
	}

	@Test
	void finishesAPollForAnUnknownStreamVisibly() {
		JsonNode reply = this.wecom.send(WeComBotDriver.refresh("zhangsan", "no-such-stream"));
		assertThat(reply.at("/stream/id").asString()).isEqualTo("no-such-stream");
		assertThat(reply.at("/stream/finish").asBoolean()).isTrue();
		assertThat(reply.at("/stream/content").asString()).isEqualTo("Sorry, that failed.");
	}

	/** Polls as WeCom does until the stream says finish; every content seen, the first reply's included. */
	static List<String> pollUntilFinished(WeComBotDriver wecom, String id, JsonNode first) {
		List<String> updates = new ArrayList<>();
		updates.add(first.at("/stream/content").asString());
		Instant deadline = Instant.now().plusSeconds(30);
		while (Instant.now().isBefore(deadline)) {
			JsonNode reply = wecom.send(WeComBotDriver.refresh("zhangsan", id));
			assertThat(reply.get("msgtype").asString()).isEqualTo("stream");
			assertThat(reply.at("/stream/id").asString()).isEqualTo(id);
			String content = reply.at("/stream/content").asString();
			if (!content.equals(updates.get(updates.size() - 1))) {
				updates.add(content);
			}
			if (reply.at("/stream/finish").asBoolean()) {
				return updates;
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}
		throw new AssertionError("stream " + id + " did not finish within 30 s; seen " + updates);
	}

	private static String image(String from) {
		var message = WeComBotDriver.envelope(from, "image");
		message.putObject("image").put("url", "https://example.invalid/image");
		return message.toString();
	}

	private static String file(String from) {
		var message = WeComBotDriver.envelope(from, "file");
		message.putObject("file").put("url", "https://example.invalid/file");
		return message.toString();
	}

	private static String mixed(String from) {
		var message = WeComBotDriver.envelope(from, "mixed");
		var items = message.putObject("mixed").putArray("msg_item");
		items.addObject().put("msgtype", "text").putObject("text").put("content", "look");
		items.addObject().put("msgtype", "image").putObject("image").put("url", "https://example.invalid/i");
		return message.toString();
	}

	/** A message of a type whose body is {@code {"content": ...}}. */
	private record ObjectNodeBuilder(String type) {

		String content(String content) {
			var message = WeComBotDriver.envelope("zhangsan", this.type);
			message.putObject(this.type).put("content", content);
			return message.toString();
		}

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(Assistant.class)
	static class App {

	}

	@WxWorkBot("assistant")
	static class Assistant {

		final AtomicInteger calls = new AtomicInteger();

		final List<String> feedback = new CopyOnWriteArrayList<>();

		@OnBotMessage
		Flux<String> answer(BotTextMessage text) {
			this.calls.incrementAndGet();
			if (text.content().equals("fail please")) {
				return Flux.concat(Flux.just("partial"), Flux.error(new IllegalStateException("the model went away")));
			}
			if (text.content().equals("long answer")) {
				// 3 + 4 bytes, then enough 3-byte characters to cross 20480 bytes mid-character
				return Flux.concat(Flux.just("中文😀"), Flux.range(0, 100).map((i) -> "长".repeat(100)));
			}
			return Flux.fromArray(text.content().split(" ")).map((word) -> word + " ").delayElements(Duration.ofMillis(30));
		}

		@OnBotMessage
		Stream<String> describe(BotImageMessage image) {
			this.calls.incrementAndGet();
			return Stream.of("an ", "image, ", "3 parts");
		}

		@OnBotMessage
		void read(BotFileMessage file, BotStream stream) {
			this.calls.incrementAndGet();
			stream.append("reading…");
			new Thread(() -> {
				try {
					Thread.sleep(300);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				stream.append(" done");
				stream.complete();
			}).start();
		}

		@OnBotMessage
		String hear(BotVoiceMessage voice) {
			this.calls.incrementAndGet();
			if (voice.content().equals("throw")) {
				throw new IllegalStateException("handler bug");
			}
			return "heard: " + voice.content();
		}

		@OnBotMessage
		BotReply card(BotMixedMessage mixed, BotCallback callback) {
			this.calls.incrementAndGet();
			String first = ((BotTextMessage) mixed.items().get(0)).content();
			return BotReply.templateCard(Map.of("card_type", "text_notice", "main_title",
					Map.of("title", mixed.items().size() + " parts, first: " + first)));
		}

		@OnOtherBotCallbacks
		BotReply other(BotCallback callback) {
			this.calls.incrementAndGet();
			return BotReply.streamWithCard(List.of("a " + callback.msgType(), ", 2 parts").iterator(),
					Map.of("card_type", "text_notice", "main_title", Map.of("title", "more")));
		}

		@OnBotEvent
		String welcome(BotEnterChatEvent event, BotCallback callback) {
			return "welcome, " + callback.userId();
		}

		@OnBotEvent
		BotReply clicked(BotTemplateCardEvent click, BotCallback callback) {
			return BotReply.updateCard(Map.of("card_type", "text_notice", "task_id", click.taskId(), "main_title",
					Map.of("title", click.eventKey() + ": done")), callback.userId());
		}

		@OnBotEvent
		void feedback(BotFeedbackEvent feedback) {
			this.feedback.add(feedback.id() + ":" + feedback.type() + ":" + feedback.content());
		}

	}

}
