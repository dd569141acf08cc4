package dev.wxwork.webhook;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import dev.wxwork.api.media.UploadedMedia;
import dev.wxwork.api.message.TemplateCard;
import dev.wxwork.client.RetryPolicy;
import dev.wxwork.client.WxWorkErrorKind;
import dev.wxwork.client.WxWorkHttpClient;
import dev.wxwork.client.WxWorkTransportException;
import dev.wxwork.test.WeComStandIn.Part;
import dev.wxwork.test.WeComStandIn.RecordedRequest;
import dev.wxwork.test.WebhookStandIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class WxWorkWebhookTest {

	private static final String KEY = "693a91f6-7b1e-4bc4-97a0-0ec2b1f5a0aa";

	private static final String OTHER_KEY = "0b1c2d3e-aaaa-bbbb-cccc-123456789abc";

	// The smallest PNG header, enough for WeCom's type check; bytes after it are arbitrary.
	private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 1, 2, 3, 4, 5 };

	private final WebhookStandIn wecom = new WebhookStandIn(KEY, OTHER_KEY);

	// as the auto-configuration builds it: retries off
	private final WxWorkHttpClient http = new WxWorkHttpClient("https://qyapi.weixin.qq.com", Duration.ofSeconds(2),
			Duration.ofSeconds(5), new RetryPolicy(0, Duration.ofMillis(10), Duration.ofMillis(10)));

	private final WxWorkWebhook ops = webhook("ops", KEY, null);

	@AfterEach
	void stop() {
		this.wecom.close();
	}

	private WxWorkWebhook webhook(String name, String key, WebhookRateLimiter limiter) {
		return new WxWorkWebhook(name, WebhookAddress.of(key, this.wecom.baseUrl(), null), this.http, limiter,
				Duration.ZERO);
	}

	private JsonNode lastPosted() {
		List<JsonNode> posted = this.wecom.posted();
		assertThat(posted).as("messages the stand-in accepted").isNotEmpty();
		return posted.get(posted.size() - 1);
	}

	@Test
	void postsTextWithMentionedUsersAndMobilesToTheRobotsKey() {
		this.ops.send(WebhookMessage.text("deploy done 你好", List.of("zhangsan", WebhookMessage.ALL),
				List.of("13800001111")));
		RecordedRequest request = this.wecom.requests("/cgi-bin/webhook/send").get(0);
		assertThat(request.param("key")).isEqualTo(KEY);
		assertThat(request.param("access_token")).isNull();
		assertThat(request.contentType()).startsWith("application/json");
		JsonNode posted = lastPosted();
		assertThat(posted.path("msgtype").asString()).isEqualTo("text");
		assertThat(posted.path("text").path("content").asString()).isEqualTo("deploy done 你好");
		assertThat(posted.path("text").path("mentioned_list").valueStream().map(JsonNode::asString))
			.containsExactly("zhangsan", "@all");
		assertThat(posted.path("text").path("mentioned_mobile_list").valueStream().map(JsonNode::asString))
			.containsExactly("13800001111");
	}

	@Test
	void leavesEmptyMentionListsOut() {
		this.ops.sendText("plain");
		assertThat(lastPosted().path("text").has("mentioned_list")).isFalse();
		assertThat(lastPosted().path("text").has("mentioned_mobile_list")).isFalse();
	}

	@Test
	void postsMarkdownAndMarkdownV2() {
		this.ops.sendMarkdown("**alert** <font color=\"warning\">disk</font>");
		assertThat(lastPosted().path("msgtype").asString()).isEqualTo("markdown");
		assertThat(lastPosted().path("markdown").path("content").asString()).contains("<font color=\"warning\">");
		this.ops.send(WebhookMessage.markdownV2("| a | b |\n|---|---|\n| 1 | 2 |"));
		assertThat(lastPosted().path("msgtype").asString()).isEqualTo("markdown_v2");
		assertThat(lastPosted().path("markdown_v2").path("content").asString()).startsWith("| a | b |");
	}

	@Test
	void postsAnImageAsBase64WithTheMd5OfItsBytes() {
		this.ops.send(WebhookMessage.image(PNG));
		// the stand-in refuses an image whose md5 does not match its decoded bytes
		JsonNode image = lastPosted().path("image");
		assertThat(Base64.getDecoder().decode(image.path("base64").asString())).isEqualTo(PNG);
		assertThat(image.path("md5").asString()).matches("[0-9a-f]{32}");
	}

	@Test
	void refusesImagesWeComWouldRefuseBeforeSending() {
		assertThatIllegalArgumentException().isThrownBy(() -> WebhookMessage.image("GIF89a....".getBytes()))
			.withMessageContaining("JPG or PNG");
		byte[] big = new byte[2 * 1024 * 1024 + 1];
		System.arraycopy(PNG, 0, big, 0, PNG.length);
		assertThatIllegalArgumentException().isThrownBy(() -> WebhookMessage.image(big)).withMessageContaining("2 MB");
	}

	@Test
	void postsNewsWithOneToEightArticles() {
		this.ops.send(WebhookMessage.news(new WebhookMessage.Article("Release 1.2", "what changed",
				"https://example.com/r", "https://example.com/p.png"), WebhookMessage.Article.of("Docs", "https://example.com/d")));
		JsonNode articles = lastPosted().path("news").path("articles");
		assertThat(articles.size()).isEqualTo(2);
		assertThat(articles.get(0).path("picurl").asString()).isEqualTo("https://example.com/p.png");
		assertThat(articles.get(0).path("description").asString()).isEqualTo("what changed");
		assertThat(articles.get(1).has("description")).isFalse();
		WebhookMessage.Article article = WebhookMessage.Article.of("t", "https://example.com");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> WebhookMessage.news(List.of(article, article, article, article, article, article, article,
					article, article)))
			.withMessageContaining("1 to 8 articles, not 9");
		assertThatIllegalArgumentException().isThrownBy(() -> WebhookMessage.news(List.of()));
		assertThatIllegalArgumentException().isThrownBy(() -> WebhookMessage.Article.of("长".repeat(43), "https://e.com"))
			.withMessageContaining("news.articles.title has 129 bytes");
		assertThatIllegalArgumentException().isThrownBy(() -> WebhookMessage.Article.of("t", null))
			.withMessageContaining("url is required");
	}

	@Test
	void refusesTextAndMarkdownOverWeComsLimitsWithoutSending() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.ops.sendText("字".repeat(683)))
			.withMessage("text.content has 2049 bytes of UTF-8; WeCom takes at most 2048");
		assertThatIllegalArgumentException().isThrownBy(() -> this.ops.sendMarkdown("x".repeat(4097)))
			.withMessageContaining("markdown.content has 4097 bytes");
		assertThatIllegalArgumentException().isThrownBy(() -> WebhookMessage.markdownV2("x".repeat(4097)))
			.withMessageContaining("markdown_v2.content");
		assertThatIllegalArgumentException().isThrownBy(() -> this.ops.sendText(""));
		this.ops.sendText("字".repeat(682));
		assertThat(this.wecom.requests()).hasSize(1);
	}

	@Test
	void weComsLengthRefusalIsTypedWithErrcode40058() {
		// a message built by hand skips the client-side check, as an older limit would
		WebhookMessage tooLong = new WebhookMessage("markdown", new WebhookMessage.Markdown("x".repeat(4097)));
		assertThatExceptionOfType(WxWorkWebhookException.class).isThrownBy(() -> this.ops.send(tooLong))
			.satisfies((ex) -> {
				assertThat(ex.getErrcode()).isEqualTo(40058);
				assertThat(ex.getErrmsg()).startsWith("markdown.content exceed max length 4096");
				assertThat(ex.getWebhook()).isEqualTo("ops");
				assertThat(ex.getMessage()).contains("webhook 'ops'", "nothing was posted").doesNotContain(KEY);
			});
	}

	@Test
	void postsNoticeTemplateCardsAndRefusesInteractiveOnes() {
		this.ops.send(WebhookMessage.templateCard(TemplateCard.textNotice()
			.mainTitle("Build failed", "main branch")
			.cardAction(TemplateCard.CardAction.url("https://ci.example.com/1"))
			.build()));
		JsonNode card = lastPosted().path("template_card");
		assertThat(lastPosted().path("msgtype").asString()).isEqualTo("template_card");
		assertThat(card.path("card_type").asString()).isEqualTo("text_notice");
		assertThat(card.path("main_title").path("title").asString()).isEqualTo("Build failed");
		assertThat(card.path("card_action").path("url").asString()).isEqualTo("https://ci.example.com/1");
		this.ops.send(WebhookMessage.templateCard(TemplateCard.newsNotice()
			.mainTitle("News", null)
			.cardAction(TemplateCard.CardAction.url("https://example.com"))
			.build()));
		assertThat(lastPosted().path("template_card").path("card_type").asString()).isEqualTo("news_notice");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> WebhookMessage.templateCard(TemplateCard.buttonInteraction()
				.cardAction(TemplateCard.CardAction.url("https://example.com"))
				.build()))
			.withMessageContaining("not button_interaction");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> WebhookMessage.templateCard(TemplateCard.textNotice().mainTitle("t", null).build()))
			.withMessageContaining("card_action is required");
	}

	@Test
	void uploadsAFileAsTheMultipartPartMediaWithItsNameAndPostsIt(@TempDir Path dir) throws Exception {
		Path report = dir.resolve("report 报告.csv");
		Files.writeString(report, "a,b\n1,2\n");
		UploadedMedia uploaded = this.ops.uploadFile(report);
		assertThat(uploaded.type()).isEqualTo("file");
		assertThat(uploaded.mediaId()).startsWith("media-file-");
		assertThat(uploaded.createdAt()).isPositive();
		RecordedRequest upload = this.wecom.requests("/cgi-bin/webhook/upload_media").get(0);
		assertThat(upload.param("key")).isEqualTo(KEY);
		assertThat(upload.param("type")).isEqualTo("file");
		Part media = upload.part("media");
		assertThat(media.filename()).isEqualTo("report 报告.csv");
		assertThat(new String(media.content(), StandardCharsets.UTF_8)).isEqualTo("a,b\n1,2\n");
		this.ops.send(WebhookMessage.file(uploaded.mediaId()));
		assertThat(lastPosted().path("file").path("media_id").asString()).isEqualTo(uploaded.mediaId());
		this.ops.sendFile(report);
		assertThat(this.wecom.posted()).hasSize(2);
	}

	@Test
	void uploadsAnAmrVoiceClipAndRefusesOtherAudio() {
		byte[] amr = "#!AMR\n0123456789".getBytes(StandardCharsets.US_ASCII);
		UploadedMedia voice = this.ops.uploadVoice("hello.amr", amr);
		assertThat(voice.type()).isEqualTo("voice");
		assertThat(this.wecom.requests("/cgi-bin/webhook/upload_media").get(0).param("type")).isEqualTo("voice");
		this.ops.send(WebhookMessage.voice(voice.mediaId()));
		assertThat(lastPosted().path("voice").path("media_id").asString()).isEqualTo(voice.mediaId());
		assertThatIllegalArgumentException().isThrownBy(() -> this.ops.uploadVoice("a.mp3", "ID3.........".getBytes()))
			.withMessageContaining("AMR");
	}

	@Test
	void refusesFilesWeComWouldRefuseBeforeUploading() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.ops.uploadFile("tiny.txt", new byte[5]))
			.withMessageContaining("more than 5 bytes");
		assertThat(this.wecom.requests()).isEmpty();
	}

	@Test
	void aMediaIdOfAnotherRobotIsRefusedByWeCom() {
		UploadedMedia other = webhook("other", OTHER_KEY, null).uploadFile("a.txt", "hello world".getBytes());
		assertThatExceptionOfType(WxWorkWebhookException.class)
			.isThrownBy(() -> this.ops.send(WebhookMessage.file(other.mediaId())))
			.satisfies((ex) -> assertThat(ex.getErrcode()).isEqualTo(40007));
	}

	@Test
	void anUnknownKeyIs93000AConfigurationErrorThatNamesTheRobotNotTheKey() {
		this.wecom.removeRobot(KEY);
		assertThatExceptionOfType(WxWorkWebhookException.class).isThrownBy(() -> this.ops.sendText("hi"))
			.satisfies((ex) -> {
				assertThat(ex.getErrcode()).isEqualTo(93000);
				assertThat(ex.getKind()).isEqualTo(WxWorkErrorKind.CONFIGURATION);
				assertThat(ex.getMessage()).contains("webhook 'ops'", "wxwork.webhooks.ops", "removed from its group")
					.doesNotContain(KEY);
				assertThat(ex.toString()).doesNotContain(KEY);
			});
		assertThatExceptionOfType(WxWorkWebhookException.class)
			.isThrownBy(() -> this.ops.uploadFile("a.txt", "hello world".getBytes()))
			.satisfies((ex) -> assertThat(ex.getErrcode()).isEqualTo(93000));
	}

	@Test
	void weComsTwentyAMinuteLimitIsATypedRateLimitErrorAndIsNotRetried() {
		for (int i = 0; i < 20; i++) {
			this.ops.sendText("alert " + i);
		}
		assertThatExceptionOfType(WebhookRateLimitException.class).isThrownBy(() -> this.ops.sendText("alert 20"))
			.satisfies((ex) -> {
				assertThat(ex.getErrcode()).isEqualTo(45009);
				assertThat(ex.isClientSide()).isFalse();
				assertThat(ex.getRetryAfter()).isNull();
				assertThat(ex.getKind()).isEqualTo(WxWorkErrorKind.RETRYABLE);
				assertThat(ex.getMessage()).contains("20 messages a minute", "nothing was posted");
			});
		assertThat(this.wecom.requests("/cgi-bin/webhook/send")).hasSize(21);
		assertThat(this.wecom.posted()).hasSize(20);
		// the limit is per robot
		webhook("other", OTHER_KEY, null).sendText("still fine");
	}

	@Test
	void theClientSideLimitRefusesTheTwentyFirstMessageWithoutAskingWeCom() {
		WxWorkWebhook limited = webhook("ops", KEY, new LocalWebhookRateLimiter(20, Clock.systemUTC()));
		for (int i = 0; i < 20; i++) {
			limited.sendText("alert " + i);
		}
		assertThatExceptionOfType(WebhookRateLimitException.class).isThrownBy(() -> limited.sendText("alert 20"))
			.satisfies((ex) -> {
				assertThat(ex.getErrcode()).isEqualTo(45009);
				assertThat(ex.isClientSide()).isTrue();
				assertThat(ex.getRetryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(1));
			});
		assertThat(this.wecom.requests("/cgi-bin/webhook/send")).hasSize(20);
	}

	@Test
	void aSendThatMayWaitGetsThroughOnceThePermitFrees() {
		// a limiter whose only refusal frees up after 50 ms
		WebhookRateLimiter oneRefusal = new WebhookRateLimiter() {
			private int calls;

			@Override
			public synchronized Duration tryAcquire(String robot) {
				return (this.calls++ == 0) ? Duration.ofMillis(50) : Duration.ZERO;
			}
		};
		WxWorkWebhook waiting = new WxWorkWebhook("ops", WebhookAddress.of(KEY, this.wecom.baseUrl(), null), this.http,
				oneRefusal, Duration.ofSeconds(30));
		waiting.sendText("after a wait");
		assertThat(this.wecom.posted()).hasSize(1);
	}

	@Test
	void anUnreachableWeComIsATransportFailureThatMayHavePostedAndNeverShowsTheKey() {
		WxWorkWebhook unreachable = webhook("ops", KEY, null);
		this.wecom.close();
		assertThatExceptionOfType(WxWorkTransportException.class).isThrownBy(() -> unreachable.sendText("hi"))
			.satisfies((ex) -> {
				assertThat(ex.getMessage()).contains("Webhook 'ops'", "may have been posted").doesNotContain(KEY);
				ByteArrayOutputStream trace = new ByteArrayOutputStream();
				ex.printStackTrace(new java.io.PrintStream(trace, true, StandardCharsets.UTF_8));
				assertThat(trace.toString(StandardCharsets.UTF_8)).doesNotContain(KEY);
			});
	}

	@Test
	void toStringShowsTheNameAndBaseButNeverTheKey() {
		assertThat(this.ops.toString()).contains("ops", this.wecom.baseUrl()).doesNotContain(KEY);
		assertThat(new WxWorkWebhooks(List.of(this.ops)).toString()).isEqualTo("WxWorkWebhooks[ops]");
	}

}
