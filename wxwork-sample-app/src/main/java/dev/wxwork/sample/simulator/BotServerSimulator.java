package dev.wxwork.sample.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import dev.wxwork.autoconfigure.WxWorkProperties;
import dev.wxwork.test.WeComBotDriver;
import dev.wxwork.test.WeComBotServerStandIn;

/**
 * WeCom's bot WebSocket server (doc 101463) built into the sample: the test kit's
 * {@link WeComBotServerStandIn}, served by this app's own Tomcat at {@link #PATH}, accepting exactly the
 * {@code bot-id} and {@code secret} of this app's {@code wxwork.bots.*}. A bot whose {@code ws-url} points here
 * (the {@code long-connection} profile does it for {@code demo-bot}) connects to it as it would to WeCom;
 * {@link #push} then plays a user's message over that connection and collects the streamed answer with the
 * kit's {@link WeComBotDriver}.
 */
public final class BotServerSimulator implements AutoCloseable {

	/** Where this app serves the bot server. */
	public static final String PATH = "/simulator/bot-server";

	private static final Duration ANSWER_DEADLINE = Duration.ofSeconds(30);

	// a demo runs for long: keep the newest frames only (an answer needs a few dozen)
	private final WeComBotServerStandIn server = WeComBotServerStandIn.unstarted().historyLimit(10_000);

	private final WxWorkProperties wxwork;

	public BotServerSimulator(WxWorkProperties wxwork) {
		this.wxwork = wxwork;
		wxwork.getBots().values().forEach((bot) -> {
			if (bot.getBotId() != null && bot.getSecret() != null) {
				this.server.bot(bot.getBotId(), bot.getSecret());
			}
		});
	}

	/** The stand-in this app serves. */
	public WeComBotServerStandIn server() {
		return this.server;
	}

	/** Which configured bots have a subscribed connection now, by name, and how many connections were opened. */
	public Map<String, Object> status() {
		Map<String, Boolean> connected = new LinkedHashMap<>();
		this.wxwork.getBots().forEach((name, bot) -> {
			if (bot.getBotId() != null) {
				connected.put(name, this.server.isSubscribed(bot.getBotId()));
			}
		});
		Map<String, Object> status = new LinkedHashMap<>();
		status.put("connected", connected);
		status.put("connections", this.server.connections());
		return status;
	}

	/**
	 * Pushes a text message ({@code aibot_msg_callback}) or an {@code enter_chat} event
	 * ({@code aibot_event_callback}) to the bot over its long connection, as WeCom does, and answers what the
	 * user would see: for a text, every {@code aibot_respond_msg} body in order, the stream id, each update
	 * ({@code content}, {@code finish}), the final content and whether it finished; for enter_chat, the
	 * {@code aibot_respond_welcome_msg} body and its text.
	 *
	 * @throws IllegalArgumentException for an unknown bot, one without long-connection settings, or a message
	 * type other than text or the enter_chat event
	 * @throws IllegalStateException when the bot is not connected to this server
	 * @throws NoAnswerException when the bot answers with no stream, a frame WeCom refuses, or no finish in 30 s
	 */
	public Map<String, Object> push(BotPushRequest request) {
		String botName = (request.bot() != null) ? request.bot() : "demo-bot";
		WxWorkProperties.Bot bot = this.wxwork.getBots().get(botName);
		if (bot == null || bot.getBotId() == null) {
			throw new IllegalArgumentException("No bot '" + botName + "' with a bot-id (its long-connection settings); "
					+ "start the app with --spring.profiles.active=long-connection for demo-bot");
		}
		if (request.target() != null) {
			throw new IllegalArgumentException("target is not supported here: the bot connects to this app's bot server");
		}
		String fromUser = (request.fromUser() != null) ? request.fromUser() : "zhangsan";
		String msgType = (request.msgType() != null) ? request.msgType() : "text";
		if (!this.server.isSubscribed(bot.getBotId())) {
			throw new IllegalStateException("Bot '" + botName + "' is not connected to " + PATH
					+ " (is its ws-url this app's bot server?)");
		}
		WeComBotDriver driver = WeComBotDriver.connectedTo(this.server, bot.getBotId()).deadline(ANSWER_DEADLINE);
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("bot", botName);
		if ("event".equals(msgType) && "enter_chat".equals(request.event())) {
			JsonNode welcome = driver.enterChat(fromUser);
			answer.put("reply", welcome);
			answer.put("replyContent", (welcome != null) ? welcome.at("/text/content").asString(null) : null);
			return answer;
		}
		if (!"text".equals(msgType)) {
			throw new IllegalArgumentException("msgType must be text, or event with event enter_chat");
		}
		WeComBotDriver.Answer streamed;
		try {
			streamed = driver.ask(fromUser, (request.content() != null) ? request.content() : "");
		}
		catch (AssertionError ex) {
			// the driver's verdict: no stream, a refused frame, or no finish within the deadline
			throw new NoAnswerException(ex.getMessage());
		}
		List<Map<String, Object>> updates = new ArrayList<>();
		for (JsonNode reply : streamed.replies()) {
			Map<String, Object> update = new LinkedHashMap<>();
			update.put("content", reply.at("/stream/content").asString());
			update.put("finish", reply.at("/stream/finish").asBoolean());
			updates.add(update);
		}
		answer.put("replies", streamed.replies());
		answer.put("streamId", streamed.streamId());
		answer.put("updates", updates);
		answer.put("replyContent", streamed.content());
		answer.put("finished", streamed.finished());
		return answer;
	}

	/** The bot did not answer as WeCom expects. */
	public static final class NoAnswerException extends RuntimeException {

		NoAnswerException(String message) {
			super(message);
		}

	}

	@Override
	public void close() {
		this.server.close();
	}

}
