package dev.wxwork.bot;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import dev.wxwork.client.WxWorkApiException;
import dev.wxwork.test.WeComBotDriver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * An answer that outlasts WeCom's poll window: the stream is finished with the continuation text, and the
 * whole answer follows through the callback's response_url, as doc 101138 describes, to a local stand-in
 * of WeCom's response endpoint.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = BotResponseUrlTest.App.class,
		properties = { "wxwork.token-store=memory", "wxwork.bots.slow.callback.token=slowtoken",
				"wxwork.bots.slow.callback.encoding-aes-key=" + BotResponseUrlTest.KEY,
				"wxwork.bots.slow.stream-timeout=1s", "wxwork.bots.slow.continuation-text=(continued below)" })
class BotResponseUrlTest {

	static final String KEY = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFG";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static HttpServer wecom;

	private static final BlockingQueue<String> received = new LinkedBlockingQueue<>();

	private static volatile String answer = "{\"errcode\":0,\"errmsg\":\"ok\"}";

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("slow")
	WxWorkBotClient client;

	@BeforeAll
	static void startWeComsResponseEndpoint() throws IOException {
		wecom = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		wecom.createContext("/cgi-bin/aibot/response", (exchange) -> {
			try (InputStream in = exchange.getRequestBody()) {
				received.add(exchange.getRequestURI().getQuery() + " " + new String(in.readAllBytes(), StandardCharsets.UTF_8));
			}
			byte[] body = answer.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		wecom.start();
	}

	@AfterAll
	static void stopIt() {
		wecom.stop(0);
	}

	private static String responseUrl(String code) {
		return "http://127.0.0.1:" + wecom.getAddress().getPort() + "/cgi-bin/aibot/response?response_code=" + code;
	}

	@Test
	void finishesTheStreamAtTheWindowAndSendsTheWholeAnswerThroughTheResponseUrl() throws Exception {
		received.clear();
		WeComBotDriver sender = new WeComBotDriver("http://127.0.0.1:" + this.port + "/wxwork/bots/slow/callback",
				"slowtoken", KEY);
		var message = WeComBotDriver.envelope("zhangsan", "text").put("response_url", responseUrl("code-1"));
		message.putObject("text").put("content", "think long");
		JsonNode first = sender.send(message.toString());
		List<String> shown = BotCallbackModeTest.pollUntilFinished(sender, first.at("/stream/id").asString(), first);

		assertThat(shown.get(shown.size() - 1)).isEqualTo("thinking…\n\n(continued below)");
		String sent = received.poll(20, TimeUnit.SECONDS);
		assertThat(sent).as("the response_url reply").isNotNull();
		assertThat(sent).startsWith("response_code=code-1 ");
		JsonNode body = JSON.readTree(sent.substring(sent.indexOf(' ') + 1));
		assertThat(body.get("msgtype").asString()).isEqualTo("markdown");
		assertThat(body.at("/markdown/content").asString()).isEqualTo("thinking… and here is the answer");
	}

	@Test
	void theBotBeanRepliesThroughAResponseUrlAndTypesWeComsRefusal() throws Exception {
		received.clear();
		this.client.replyMarkdown(responseUrl("code-2"), "**done**");
		String sent = received.poll(10, TimeUnit.SECONDS);
		assertThat(JSON.readTree(sent.substring(sent.indexOf(' ') + 1)).at("/markdown/content").asString()).isEqualTo("**done**");

		answer = "{\"errcode\":40058,\"errmsg\":\"markdown.content exceed max length 20480\"}";
		try {
			assertThatExceptionOfType(WxWorkApiException.class)
				.isThrownBy(() -> this.client.replyMarkdown(responseUrl("code-3"), "x"))
				.satisfies((ex) -> assertThat(ex.getErrcode()).isEqualTo(40058))
				.withMessageNotContaining("code-3");
		}
		finally {
			answer = "{\"errcode\":0,\"errmsg\":\"ok\"}";
		}
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(SlowBot.class)
	static class App {

	}

	@WxWorkBot("slow")
	static class SlowBot {

		@OnBotMessage
		Flux<String> answer(BotTextMessage text) {
			// the second chunk comes after the 1 s poll window
			return Flux.concat(Flux.just("thinking…"),
					Flux.just(" and here is the answer").delaySubscription(Duration.ofMillis(2500)));
		}

	}


}
