package bench.wxjava;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.common.util.http.apache.DefaultApacheHttpClientBuilder;
import me.chanjar.weixin.cp.api.WxCpService;
import me.chanjar.weixin.cp.api.impl.WxCpServiceImpl;
import me.chanjar.weixin.cp.bean.message.WxCpMessage;
import me.chanjar.weixin.cp.bean.message.WxCpMessageSendResult;
import me.chanjar.weixin.cp.config.impl.WxCpDefaultConfigImpl;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sample app's {@code POST /messages} contract ({@code {"toUser":"a|b","content":"…"}} → 200
 * {@code {"msgid","invaliduser"}}, a WeCom error → 502 {@code {"errcode","errmsg"}}) served by WxJava
 * 4.6.0 with its defaults (or {@code --wecom.max-connections=N} connections per host instead of its 10),
 * for benchmarks/send-throughput.sh.
 */
@SpringBootApplication
@RestController
public class WxJavaSendApplication {

	private final WxCpService wxCp;

	WxJavaSendApplication(WxCpService wxCp) {
		this.wxCp = wxCp;
	}

	public static void main(String[] args) {
		SpringApplication.run(WxJavaSendApplication.class, args);
	}

	@Bean
	static WxCpService wxCpService(@Value("${wecom.base-url}") String baseUrl, @Value("${wecom.corp-id}") String corpId,
			@Value("${wecom.secret}") String secret, @Value("${wecom.agent-id}") int agentId,
			@Value("${wecom.max-connections:0}") int maxConnections) {
		WxCpDefaultConfigImpl config = new WxCpDefaultConfigImpl();
		config.setCorpId(corpId);
		config.setCorpSecret(secret);
		config.setAgentId(agentId);
		config.setBaseApiUrl(baseUrl);
		if (maxConnections > 0) {
			// WxJava's default pool keeps at most 10 connections per host (50 in all); a fair comparison at
			// 32 concurrent sends may give it as many as the library's client allows
			DefaultApacheHttpClientBuilder http = DefaultApacheHttpClientBuilder.get();
			http.setMaxConnPerHost(maxConnections);
			http.setMaxTotalConn(Math.max(maxConnections, http.getMaxTotalConn()));
			config.setApacheHttpClientBuilder(http);
		}
		WxCpServiceImpl service = new WxCpServiceImpl();
		service.setWxCpConfigStorage(config);
		return service;
	}

	record SendTextRequest(String toUser, String content) {
	}

	/**
	 * The ceiling of any app on this server stack (Tomcat, Spring MVC, Jackson): the same contract with the
	 * send replaced by nothing. Benchmark-only; the sample's {@code POST /messages} has no such mode.
	 */
	@PostMapping("/ceiling/messages")
	ResponseEntity<Map<String, Object>> noSend(@RequestBody SendTextRequest request) {
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("msgid", "msgid-" + request.toUser().length());
		answer.put("invaliduser", List.of());
		return ResponseEntity.ok(answer);
	}

	/** An empty Spring MVC endpoint: what the server stack costs per request at all. Benchmark-only. */
	@GetMapping("/ceiling/empty")
	ResponseEntity<Void> empty() {
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/messages")
	ResponseEntity<Map<String, Object>> send(@RequestBody SendTextRequest request) {
		try {
			WxCpMessageSendResult result = this.wxCp.getMessageService()
				.send(WxCpMessage.TEXT().toUser(request.toUser()).content(request.content()).build());
			Map<String, Object> answer = new LinkedHashMap<>();
			answer.put("msgid", result.getMsgId());
			answer.put("invaliduser", (result.getInvalidUser() == null || result.getInvalidUser().isEmpty()) ? List.of()
					: List.of(result.getInvalidUser().split("\\|")));
			return ResponseEntity.ok(answer);
		}
		catch (WxErrorException ex) {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("errcode", ex.getError().getErrorCode());
			body.put("errmsg", ex.getError().getErrorMsg());
			return ResponseEntity.status(HttpStatus.BAD_GATEWAY).body(body);
		}
	}

}
