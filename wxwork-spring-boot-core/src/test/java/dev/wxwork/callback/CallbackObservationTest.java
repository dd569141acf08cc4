package dev.wxwork.callback;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.micrometer.observation.Observation;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import dev.wxwork.crypto.CallbackCrypto;
import dev.wxwork.crypto.SealedMessage;
import dev.wxwork.testing.RecordedObservations;

import static org.assertj.core.api.Assertions.assertThat;

class CallbackObservationTest {

	private final RecordedObservations observations = new RecordedObservations();

	private final CallbackRequestHandler handler = new CallbackRequestHandler(
			CallbackEndpointHardeningTest.endpoint(new CallbackEndpointHardeningTest.Handlers()),
			this.observations.registry());

	@Test
	void everyRequestIsObservedWithAppMethodAndOutcome() throws Exception {
		CallbackCrypto wecom = new CallbackCrypto(CallbackEndpointHardeningTest.TOKEN, CallbackEndpointHardeningTest.KEY,
				CallbackEndpointHardeningTest.CORP_ID, CallbackEndpointHardeningTest.CLOCK);
		SealedMessage sealed = wecom.seal(CallbackEndpointHardeningTest.text("hi", 7));
		post(sealed.callbackQuery(), sealed.callbackXml(CallbackEndpointHardeningTest.CORP_ID, 1000002L));
		post(sealed.callbackQuery(), sealed.callbackXml(CallbackEndpointHardeningTest.CORP_ID, 1000002L));
		post("msg_signature=forged&timestamp=" + CallbackEndpointHardeningTest.NOW + "&nonce=n", "<xml/>");

		List<Observation.Context> observed = this.observations.stopped();
		assertThat(observed).extracting(Observation.Context::getName).containsOnly("wxwork.callbacks");
		assertThat(observed).extracting((context) -> context.getLowCardinalityKeyValue("outcome").getValue())
			.containsExactly("acknowledged", "acknowledged", "rejected");
		assertThat(observed).allSatisfy((context) -> {
			assertThat(context.getLowCardinalityKeyValue("app").getValue()).isEqualTo("bot");
			assertThat(context.getLowCardinalityKeyValue("method").getValue()).isEqualTo("POST");
		});
	}

	private void post(String query, String body) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/wxwork/bot/callback");
		request.setQueryString(query);
		for (String pair : query.split("&")) {
			String[] nameAndValue = pair.split("=", 2);
			request.addParameter(nameAndValue[0],
					java.net.URLDecoder.decode(nameAndValue[1], StandardCharsets.UTF_8));
		}
		request.setContent(body.getBytes(StandardCharsets.UTF_8));
		this.handler.handleRequest(request, new MockHttpServletResponse());
	}

}
