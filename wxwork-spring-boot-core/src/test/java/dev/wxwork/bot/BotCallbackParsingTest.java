package dev.wxwork.bot;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Bot callbacks as docs 100719 and 101027 show them, read into the envelope and the typed content. */
class BotCallbackParsingTest {

	private static BotCallback parse(String json) {
		return BotCallback.parse(json.getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void readsAGroupTextMessageThatQuotesAnother() {
		BotCallback callback = parse("""
				{"msgid":"m1","aibotid":"aib1","chatid":"chat1","chattype":"group","from":{"userid":"zhangsan"},
				 "response_url":"https://qyapi.weixin.qq.com/cgi-bin/aibot/response?response_code=c1",
				 "msgtype":"text","text":{"content":"@bot what does this mean?"},
				 "quote":{"msgtype":"text","text":{"content":"the quoted words"}}}""");
		assertThat(callback.msgId()).isEqualTo("m1");
		assertThat(callback.botId()).isEqualTo("aib1");
		assertThat(callback.chatId()).isEqualTo("chat1");
		assertThat(callback.chatType()).isEqualTo("group");
		assertThat(callback.userId()).isEqualTo("zhangsan");
		assertThat(callback.responseUrl()).endsWith("response_code=c1");
		assertThat(callback.payload()).contains(new BotTextMessage("@bot what does this mean?"));
		assertThat(callback.quote()).contains(new BotTextMessage("the quoted words"));
		assertThat(callback.toString()).doesNotContain("mean", "quoted");
	}

	@Test
	void readsMixedImageFileAndVoiceMessages() {
		BotCallback mixed = parse("""
				{"msgid":"m2","msgtype":"mixed","mixed":{"msg_item":[{"msgtype":"text","text":{"content":"see"}},
				 {"msgtype":"image","image":{"url":"https://example.invalid/i"}}]}}""");
		assertThat(mixed.payload()).contains(new BotMixedMessage(java.util.List.of(new BotTextMessage("see"),
				new BotImageMessage("https://example.invalid/i", null))));
		assertThat(parse("{\"msgtype\":\"image\",\"image\":{\"url\":\"u\",\"aeskey\":\"k\"}}").payload())
			.contains(new BotImageMessage("u", "k"));
		assertThat(parse("{\"msgtype\":\"file\",\"file\":{\"url\":\"f\"}}").payload()).contains(new BotFileMessage("f", null));
		assertThat(parse("{\"msgtype\":\"voice\",\"voice\":{\"content\":\"spoken\"}}").payload())
			.contains(new BotVoiceMessage("spoken"));
	}

	@Test
	void readsEvents() {
		BotCallback enter = parse("{\"msgtype\":\"event\",\"event\":{\"eventtype\":\"enter_chat\",\"enter_chat\":{}}}");
		assertThat(enter.eventType()).isEqualTo("enter_chat");
		assertThat(enter.payload()).contains(new BotEnterChatEvent());
		BotCallback feedback = parse("""
				{"msgtype":"event","event":{"eventtype":"feedback_event","feedback_event":{"id":"fb","type":2,"content":"no"}}}""");
		assertThat(feedback.payload()).contains(new BotFeedbackEvent("fb", 2, "no"));
		BotCallback click = parse("""
				{"msgtype":"event","event":{"eventtype":"template_card_event","template_card_event":
				 {"card_type":"vote_interaction","event_key":"k","task_id":"t","selected_items":{"selected_item":[]}}}}""");
		BotTemplateCardEvent event = (BotTemplateCardEvent) click.payload().orElseThrow();
		assertThat(event.cardType()).isEqualTo("vote_interaction");
		assertThat(event.eventKey()).isEqualTo("k");
		assertThat(event.taskId()).isEqualTo("t");
		assertThat(event.raw().has("selected_items")).isTrue();
	}

	@Test
	void readsAStreamRefreshPoll() {
		BotCallback poll = parse("{\"msgid\":\"m9\",\"msgtype\":\"stream\",\"stream\":{\"id\":\"s1\"}}");
		assertThat(poll.isStreamRefresh()).isTrue();
		assertThat(poll.streamId()).isEqualTo("s1");
		assertThat(poll.payload()).isEmpty();
	}

	@Test
	void keepsUnknownTypesUntypedAndRefusesWhatIsNoCallback() {
		BotCallback video = parse("{\"msgtype\":\"video\",\"video\":{\"url\":\"v\"}}");
		assertThat(video.payload()).isEmpty();
		assertThat(video.json().at("/video/url").asString()).isEqualTo("v");
		assertThatIllegalArgumentException().isThrownBy(() -> parse("<xml/>"));
		assertThatIllegalArgumentException().isThrownBy(() -> parse("[1]"));
		assertThatIllegalArgumentException().isThrownBy(() -> parse("{\"msgid\":\"no type\"}"));
	}

}
