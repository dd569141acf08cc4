package dev.wxwork.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.micrometer.observation.ObservationRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;

import dev.wxwork.autoconfigure.WxWorkHttpClientCustomizer;
import dev.wxwork.autoconfigure.WxWorkHttpClients;
import dev.wxwork.agent.WxWorkAgent;
import dev.wxwork.api.message.AppMessage;
import dev.wxwork.api.message.SendResult;
import dev.wxwork.client.RetryPolicy;
import dev.wxwork.client.WxWorkHttpClient;
import dev.wxwork.client.WxWorkJson;
import dev.wxwork.client.WxWorkRequestFactories;
import dev.wxwork.testing.StandInAgent;
import dev.wxwork.test.WeComStandIn;
import dev.wxwork.token.CredentialKeys;
import dev.wxwork.token.MemoryAccessTokenStore;
import dev.wxwork.token.TokenSettings;

/**
 * The per-call cost of {@code agent.messages().send(...)} against a local WeCom stand-in, with each
 * request factory Spring Boot can build, next to a bare JDK {@code HttpClient} POST of the same bytes
 * to the same stand-in ({@link #bareJdkPost}). Run it with {@code -prof gc} as docs/benchmarks.md
 * shows; it is not part of {@code mvn verify}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Dsun.net.httpserver.nodelay=true")
public class SendBenchmark {

	private static final String SEND = "/cgi-bin/message/send";

	private static final String ANSWER = "{\"errcode\":0,\"errmsg\":\"ok\",\"invaliduser\":\"\",\"invalidparty\":\"\","
			+ "\"invalidtag\":\"\",\"unlicenseduser\":\"\",\"msgid\":\"xyz\"}";

	/** {@code library}: the library's choice; the others: Boot's builder of that name through a customizer. */
	@Param({ "library", "jdk", "httpcomponents", "reactor" })
	public String factory;

	private WeComStandIn wecom;

	private WxWorkAgent agent;

	private AppMessage message;

	private HttpClient bare;

	private HttpRequest bareRequest;

	@Setup(Level.Trial)
	public void setUp() throws Exception {
		this.wecom = StandInAgent.wecom().recording(false).respond(SEND, ANSWER);
		String base = this.wecom.baseUrl();
		WxWorkHttpClientCustomizer customizer = switch (this.factory) {
			case "library" -> (builder) -> builder;
			case "jdk" -> (builder) -> ClientHttpRequestFactoryBuilder.jdk();
			case "httpcomponents" -> (builder) -> ClientHttpRequestFactoryBuilder.httpComponents();
			case "reactor" -> (builder) -> ClientHttpRequestFactoryBuilder.reactor();
			default -> throw new IllegalArgumentException(this.factory);
		};
		WxWorkHttpClient http = new WxWorkHttpClient(base,
				WxWorkHttpClients.create(base,
						Duration.ofSeconds(5), Duration.ofSeconds(30),
						Duration.ofMinutes(10), List.of(customizer)),
				RetryPolicy.defaults(), WxWorkHttpClient.DEFAULT_DUPLICATE_CHECK_INTERVAL, ObservationRegistry.NOOP);
		this.agent = new WxWorkAgent("bench", StandInAgent.AGENT_ID, StandInAgent.CORP_ID, StandInAgent.SECRET, http,
				new MemoryAccessTokenStore(), new CredentialKeys("bench"), TokenSettings.defaults(), Clock.systemUTC());
		this.message = AppMessage.text("您的会议室已经预定，稍后会同步到邮箱").toUsers("zhangsan", "lisi").build();
		// the bare client sends the very bytes the library sends, to the same URL with the same token
		byte[] body = WxWorkJson.mapper()
			.writeValueAsBytes(WxWorkJson.mapper()
				.valueToTree(this.message.withAgentId(StandInAgent.AGENT_ID)));
		body = WxWorkJson.mapper().writeValueAsBytes(((tools.jackson.databind.node.ObjectNode) WxWorkJson.mapper()
			.readTree(body)).put("enable_duplicate_check", 1).put("duplicate_check_interval", 60));
		this.bare = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		this.bareRequest = HttpRequest.newBuilder(URI.create(base + SEND + "?access_token=" + this.agent.accessToken()))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
	}

	@TearDown(Level.Trial)
	public void tearDown() {
		this.wecom.close();
	}

	@Benchmark
	public SendResult agentSend() {
		return this.agent.messages().send(this.message);
	}

	@Benchmark
	public byte[] bareJdkPost() throws Exception {
		HttpResponse<byte[]> response = this.bare.send(this.bareRequest, HttpResponse.BodyHandlers.ofByteArray());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("HTTP " + response.statusCode());
		}
		return response.body();
	}

}
