package dev.wxwork.api.externalcontact;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.service.annotation.HttpExchange;

import dev.wxwork.agent.WxWorkAgent;
import dev.wxwork.api.WeComDoc;
import dev.wxwork.client.WxWorkApiException;
import dev.wxwork.test.WeComStandIn.Answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CustomerContactApisTest {

	private final CustomerContactFixture fixture = new CustomerContactFixture();

	@AfterEach
	void close() {
		this.fixture.close();
	}

	/** The API groups the agent's customer-contact accessors return. */
	private static List<Class<?>> apis() {
		return Arrays.stream(WxWorkAgent.class.getDeclaredMethods())
			.<Class<?>>map(Method::getReturnType)
			.filter((type) -> type.getPackageName().startsWith("dev.wxwork.api.externalcontact"))
			.distinct()
			.toList();
	}

	@Test
	void theAgentOffersEveryCustomerContactGroup() {
		assertThat(apis()).extracting(Class::getSimpleName)
			.containsExactlyInAnyOrder("CustomerApi", "ContactWayApi", "CustomerTagApi", "CustomerStrategyApi",
					"CustomerTransferApi", "GroupChatApi", "MomentApi", "MomentStrategyApi", "CustomerMessageApi");
	}

	@Test
	void everyMethodNamesItsWeComDocumentAndConveniencesNameTheirPath() {
		for (Class<?> api : apis()) {
			assertThat(api.getAnnotation(HttpExchange.class)).as(api.getSimpleName()).isNotNull();
			for (Method method : api.getMethods()) {
				WeComDoc doc = method.getAnnotation(WeComDoc.class);
				String name = api.getSimpleName() + "." + method.getName();
				assertThat(doc).as(name).isNotNull();
				assertThat(doc.value()).as(name).matches("\\d{5,}");
				// A default method is a convenience over an endpoint, not an endpoint itself.
				if (method.isDefault()) {
					assertThat(doc.path()).as(name).startsWith("/cgi-bin/externalcontact/");
				}
				else {
					assertThat(doc.path()).as(name).isEmpty();
				}
			}
		}
	}

	@Test
	void aWeComErrorOnACustomerContactCallCarriesErrcodeAndPath() {
		this.fixture.wecom()
			.respond("/cgi-bin/externalcontact/get", "{\"errcode\":84061,\"errmsg\":\"not external contact\"}");
		assertThatExceptionOfType(WxWorkApiException.class)
			.isThrownBy(() -> this.fixture.agent().customers().get("woAJ2GCAAAXtWyujaWJHDDGi0mACHAAA"))
			.satisfies((ex) -> {
				assertThat(ex.getErrcode()).isEqualTo(84061);
				assertThat(ex.getPath()).isEqualTo("/cgi-bin/externalcontact/get");
			});
	}

	@Test
	void aWalkStopsAtTheFirstFailingPageWithTheWeComError() {
		this.fixture.wecom()
			.route("/cgi-bin/externalcontact/groupchat/list",
					(request) -> Answer.json(request.bodyText().contains("\"cursor\"")
							? "{\"errcode\":60011,\"errmsg\":\"no privilege to access/modify contact/party/agent \"}"
							: "{\"errcode\":0,\"group_chat_list\":[{\"chat_id\":\"c1\",\"status\":0}],\"next_cursor\":\"P2\"}"));
		assertThatExceptionOfType(WxWorkApiException.class)
			.isThrownBy(() -> this.fixture.agent().customerGroupChats().listAll(null).toList())
			.satisfies((ex) -> assertThat(ex.getErrcode()).isEqualTo(60011));
		assertThat(this.fixture.calls("groupchat/list")).isEqualTo(2);
	}

}
