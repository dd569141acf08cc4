package dev.wxwork.sample.bot;

import java.time.Duration;

import reactor.core.publisher.Flux;

import dev.wxwork.bot.BotEnterChatEvent;
import dev.wxwork.bot.BotTextMessage;
import dev.wxwork.bot.OnBotEvent;
import dev.wxwork.bot.OnBotMessage;
import dev.wxwork.bot.WxWorkBot;

/**
 * The AI bot {@code demo-bot} (智能机器人) at {@code /wxwork/bots/demo-bot/callback}: it streams
 * {@code echo: <content>} back as an LLM would stream its tokens, and welcomes a user entering the chat.
 * The library keeps WeCom's streaming rules (one stream id, the whole text so far in every update,
 * {@code finish} at the end) and answers WeCom's refresh polls.
 */
@WxWorkBot("demo-bot")
class DemoBot {

	/** Two chunks, a moment apart: the user sees "echo: " and then the whole echo. */
	@OnBotMessage
	Flux<String> echo(BotTextMessage message) {
		return Flux.just("echo: ", message.content()).delayElements(Duration.ofMillis(200));
	}

	@OnBotEvent
	String welcome(BotEnterChatEvent event) {
		return "welcome";
	}

}
