package dev.wxwork.test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static dev.wxwork.test.WeComBotServerStandIn.await;
import static org.assertj.core.api.Assertions.assertThat;

/** The stand-in of WeCom's bot server is as strict as WeCom: checked with a bare JDK WebSocket. */
class WeComBotServerStandInTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final WeComBotServerStandIn wecom = WeComBotServerStandIn.start().bot("aib-1", "secret-1");

	@AfterEach
	void stop() {
		this.wecom.close();
	}

	@Test
	void closesAConnectionWhoseFirstFrameIsNoSubscription() throws Exception {
		Client client = new Client(this.wecom.url());
		client.send("{\"cmd\":\"ping\",\"headers\":{\"req_id\":\"ping_1\"}}");
		assertThat(client.closeCode.get(10, TimeUnit.SECONDS)).isEqualTo(1008);
		assertThat(client.received).isEmpty();
	}

	@Test
	void acksWithTheEchoedReqIdAndRefusesRepliesToUnknownReqIds() throws Exception {
		Client client = new Client(this.wecom.url());
		client.send("{\"cmd\":\"aibot_subscribe\",\"headers\":{\"req_id\":\"sub_1\"},\"body\":{\"bot_id\":\"aib-1\",\"secret\":\"secret-1\"}}");
		await("the subscription ack", Duration.ofSeconds(10), () -> client.received.size() == 1);
		assertThat(client.received.get(0).at("/headers/req_id").asString()).isEqualTo("sub_1");
		assertThat(client.received.get(0).path("errcode").asInt()).isZero();
		client.send("{\"cmd\":\"aibot_respond_msg\",\"headers\":{\"req_id\":\"made_up\"},\"body\":{\"msgtype\":\"stream\"}}");
		await("the refusal", Duration.ofSeconds(10), () -> client.received.size() == 2);
		assertThat(client.received.get(1).at("/headers/req_id").asString()).isEqualTo("made_up");
		assertThat(client.received.get(1).path("errcode").asInt()).isEqualTo(WeComBotServerStandIn.UNKNOWN_REQ_ID);
		String requestId = this.wecom.pushText("aib-1", "zhangsan", "hello");
		await("the callback", Duration.ofSeconds(10), () -> client.received.size() == 3);
		client.send("{\"cmd\":\"aibot_respond_msg\",\"headers\":{\"req_id\":\"" + requestId + "\"},\"body\":{\"msgtype\":\"stream\"}}");
		await("the ack", Duration.ofSeconds(10), () -> client.received.size() == 4);
		assertThat(client.received.get(3).path("errcode").asInt()).isZero();
	}

	@Test
	void refusesAWrongSecretAndClosesTheConnection() throws Exception {
		Client client = new Client(this.wecom.url());
		client.send("{\"cmd\":\"aibot_subscribe\",\"headers\":{\"req_id\":\"sub_1\"},\"body\":{\"bot_id\":\"aib-1\",\"secret\":\"nope\"}}");
		assertThat(client.closeCode.get(10, TimeUnit.SECONDS)).isEqualTo(1008);
		assertThat(client.received.get(0).path("errcode").asInt()).isEqualTo(WeComBotServerStandIn.INVALID_CREDENTIAL);
		assertThat(this.wecom.isSubscribed("aib-1")).isFalse();
	}

	@Test
	void aSecondSubscriptionEvictsTheFirstWithDisconnectedEvent() throws Exception {
		Client first = subscribed();
		Client second = subscribed();
		assertThat(first.closeCode.get(10, TimeUnit.SECONDS)).isEqualTo(1000);
		JsonNode evicted = first.received.get(first.received.size() - 1);
		assertThat(evicted.path("cmd").asString()).isEqualTo("aibot_event_callback");
		assertThat(evicted.at("/body/event/eventtype").asString()).isEqualTo("disconnected_event");
		assertThat(this.wecom.subscribedConnection("aib-1")).isEqualTo(2);
		assertThat(second.closeCode).isNotDone();
	}

	@Test
	void dropsAConnectionOnDemandAndRefusesPushesThen() throws Exception {
		Client client = subscribed();
		this.wecom.drop("aib-1");
		assertThat(client.closeCode.get(10, TimeUnit.SECONDS)).isEqualTo(1001);
		assertThat(this.wecom.isSubscribed("aib-1")).isFalse();
		org.assertj.core.api.Assertions.assertThatIllegalStateException()
			.isThrownBy(() -> this.wecom.pushText("aib-1", "zhangsan", "hello"))
			.withMessageContaining("no subscribed connection");
	}

	@Test
	void leavesPingsUnansweredWhenTold() throws Exception {
		Client client = subscribed();
		assertThat(client.request("ping_1", "ping", "{}").path("errcode").asInt()).isZero();
		this.wecom.ignorePings(true);
		client.send("{\"cmd\":\"ping\",\"headers\":{\"req_id\":\"ping_2\"}}");
		// a frame sent after the ping is answered, so the ping was seen and left unanswered
		client.request("after", "aibot_respond_msg", "{}");
		assertThat(client.received).noneMatch((frame) -> "ping_2".equals(frame.at("/headers/req_id").asString(null)));
	}

	private Client subscribed() {
		Client client = new Client(this.wecom.url());
		assertThat(client.request("aibot_subscribe_" + this.wecom.connections(), "aibot_subscribe",
				"{\"bot_id\":\"aib-1\",\"secret\":\"secret-1\"}").path("errcode").asInt()).isZero();
		return client;
	}

	@Test
	void aHistoryLimitKeepsOnlyTheNewestFrames() throws Exception {
		this.wecom.historyLimit(3);
		Client client = subscribed();
		for (int i = 1; i <= 5; i++) {
			assertThat(client.request("ping_" + i, "ping", "{}").path("errcode").asInt()).isZero();
		}
		// subscribe, its ack, then five pings and five acks: 12 frames, of which the newest 3 stay
		List<WeComBotServerStandIn.Frame> frames = this.wecom.frames();
		assertThat(frames).extracting(WeComBotServerStandIn.Frame::requestId).containsExactly("ping_4", "ping_5", "ping_5");
		assertThat(frames).extracting(WeComBotServerStandIn.Frame::inbound).containsExactly(false, true, false);
	}

	@Test
	void checksMediaUploadsStrictly() throws Exception {
		Client client = new Client(this.wecom.url());
		client.send("{\"cmd\":\"aibot_subscribe\",\"headers\":{\"req_id\":\"sub_1\"},\"body\":{\"bot_id\":\"aib-1\",\"secret\":\"secret-1\"}}");
		await("the subscription ack", Duration.ofSeconds(10), () -> client.received.size() == 1);
		// "abc" in two chunks ("ab", "c"), announced with the MD5 of "abd"
		JsonNode init = client.request("init_1", "aibot_upload_media_init", "{\"type\":\"file\",\"filename\":\"a.txt\","
				+ "\"total_size\":3,\"total_chunks\":2,\"md5\":\"4911e516e5aa21d327512e0c8b197616\"}");
		assertThat(init.path("errcode").asInt()).isZero();
		String uploadId = init.at("/body/upload_id").asString();
		assertThat(client.request("c_x", "aibot_upload_media_chunk",
				"{\"upload_id\":\"nope\",\"chunk_index\":1,\"base64_data\":\"YWI=\"}").path("errcode").asInt())
			.isEqualTo(WeComBotServerStandIn.UNKNOWN_UPLOAD_ID);
		assertThat(client.request("c_0", "aibot_upload_media_chunk",
				"{\"upload_id\":\"" + uploadId + "\",\"chunk_index\":0,\"base64_data\":\"YWI=\"}").path("errcode").asInt())
			.isEqualTo(40008);
		assertThat(client.request("c_3", "aibot_upload_media_chunk",
				"{\"upload_id\":\"" + uploadId + "\",\"chunk_index\":3,\"base64_data\":\"YWI=\"}").path("errcode").asInt())
			.isEqualTo(40008);
		assertThat(client.request("f_early", "aibot_upload_media_finish", "{\"upload_id\":\"" + uploadId + "\"}")
			.path("errcode").asInt()).isEqualTo(WeComBotServerStandIn.UPLOAD_MISMATCH);
		assertThat(client.request("c_2", "aibot_upload_media_chunk",
				"{\"upload_id\":\"" + uploadId + "\",\"chunk_index\":2,\"base64_data\":\"Yw==\"}").path("errcode").asInt())
			.isZero();
		assertThat(client.request("c_1", "aibot_upload_media_chunk",
				"{\"upload_id\":\"" + uploadId + "\",\"chunk_index\":1,\"base64_data\":\"YWI=\"}").path("errcode").asInt())
			.isZero();
		// a repeated chunk is ignored, even with other content
		assertThat(client.request("c_1b", "aibot_upload_media_chunk",
				"{\"upload_id\":\"" + uploadId + "\",\"chunk_index\":1,\"base64_data\":\"eHk=\"}").path("errcode").asInt())
			.isZero();
		JsonNode finish = client.request("f_1", "aibot_upload_media_finish", "{\"upload_id\":\"" + uploadId + "\"}");
		assertThat(finish.path("errcode").asInt()).isEqualTo(WeComBotServerStandIn.UPLOAD_MISMATCH);
		assertThat(finish.path("errmsg").asString()).contains("md5");
		assertThat(this.wecom.uploadedMedia()).isEmpty();
		// the same content with its own MD5 is accepted and reassembled in chunk order
		String good = client.request("init_2", "aibot_upload_media_init", "{\"type\":\"file\",\"filename\":\"a.txt\","
				+ "\"total_size\":3,\"total_chunks\":2,\"md5\":\"900150983cd24fb0d6963f7d28e17f72\"}").at("/body/upload_id").asString();
		client.request("g_2", "aibot_upload_media_chunk", "{\"upload_id\":\"" + good + "\",\"chunk_index\":2,\"base64_data\":\"Yw==\"}");
		client.request("g_1", "aibot_upload_media_chunk", "{\"upload_id\":\"" + good + "\",\"chunk_index\":1,\"base64_data\":\"YWI=\"}");
		JsonNode done = client.request("g_f", "aibot_upload_media_finish", "{\"upload_id\":\"" + good + "\"}");
		assertThat(done.path("errcode").asInt()).isZero();
		String mediaId = done.at("/body/media_id").asString();
		assertThat(this.wecom.uploadedMedia().get(mediaId).content()).isEqualTo("abc".getBytes());
		// a finished upload is gone
		assertThat(client.request("g_f2", "aibot_upload_media_finish", "{\"upload_id\":\"" + good + "\"}")
			.path("errcode").asInt()).isEqualTo(WeComBotServerStandIn.UNKNOWN_UPLOAD_ID);
	}

	static final class Client implements WebSocket.Listener {

		final List<JsonNode> received = new CopyOnWriteArrayList<>();

		final CompletableFuture<Integer> closeCode = new CompletableFuture<>();

		private final WebSocket socket;

		private final StringBuilder partial = new StringBuilder();

		Client(String url) {
			this.socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(URI.create(url), this).join();
		}

		void send(String text) {
			this.socket.sendText(text, true).join();
		}

		JsonNode request(String requestId, String command, String body) {
			send("{\"cmd\":\"" + command + "\",\"headers\":{\"req_id\":\"" + requestId + "\"},\"body\":" + body + "}");
			await("the answer to " + requestId, Duration.ofSeconds(10), () -> this.received.stream()
				.anyMatch((frame) -> requestId.equals(frame.at("/headers/req_id").asString(null))));
			return this.received.stream()
				.filter((frame) -> requestId.equals(frame.at("/headers/req_id").asString(null)))
				.findFirst()
				.orElseThrow();
		}

		@Override
		public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
			this.partial.append(data);
			if (last) {
				this.received.add(JSON.readTree(this.partial.toString()));
				this.partial.setLength(0);
			}
			webSocket.request(1);
			return null;
		}

		@Override
		public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
			this.closeCode.complete(statusCode);
			return null;
		}

	}

}
