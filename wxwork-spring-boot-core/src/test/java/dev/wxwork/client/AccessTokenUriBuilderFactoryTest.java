package dev.wxwork.client;

import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.util.DefaultUriBuilderFactory;
import org.springframework.web.util.UriBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The builders {@link AccessTokenUriBuilderFactory} hands out for a fixed path (the shortcut taken on
 * every send) make exactly the URI that Spring's own builder makes of the same template and token,
 * however they are used afterwards.
 */
class AccessTokenUriBuilderFactoryTest {

	private static final String BASE = "http://127.0.0.1:18090/simulator";

	private final AccessTokenUriBuilderFactory factory = new AccessTokenUriBuilderFactory(BASE);

	private final DefaultUriBuilderFactory spring = new DefaultUriBuilderFactory(BASE);

	@AfterEach
	void clearToken() {
		AccessTokenUriBuilderFactory.CURRENT_TOKEN.remove();
	}

	private UriBuilder expected(String template, String token) {
		return this.spring.uriString(template).queryParam("access_token", token);
	}

	@Test
	void aFixedPathGivesSpringsUriWithTheToken() {
		AccessTokenUriBuilderFactory.CURRENT_TOKEN.set("tok-A_1.x");
		assertThat(this.factory.uriString("/cgi-bin/message/send").toUriString())
			.isEqualTo(expected("/cgi-bin/message/send", "tok-A_1.x").toUriString())
			.isEqualTo(BASE + "/cgi-bin/message/send?access_token=tok-A_1.x");
		assertThat(this.factory.uriString("/cgi-bin/message/send").build())
			.isEqualTo(expected("/cgi-bin/message/send", "tok-A_1.x").build());
		assertThat(this.factory.expand("/cgi-bin/message/send", Map.of()))
			.isEqualTo(URI.create(BASE + "/cgi-bin/message/send?access_token=tok-A_1.x"));
	}

	@Test
	void theTokenOfTheCallInProgressIsUsedWhenItChanges() {
		AccessTokenUriBuilderFactory.CURRENT_TOKEN.set("first");
		assertThat(this.factory.expand("/cgi-bin/message/send", Map.of()).getQuery()).isEqualTo("access_token=first");
		AccessTokenUriBuilderFactory.CURRENT_TOKEN.set("second");
		assertThat(this.factory.expand("/cgi-bin/message/send", Map.of()).getQuery()).isEqualTo("access_token=second");
		assertThat(this.factory.uriString("/cgi-bin/message/send").toUriString()).endsWith("?access_token=second");
	}

	@Test
	void aChangedBuilderBehavesAsSpringsBuilder() {
		AccessTokenUriBuilderFactory.CURRENT_TOKEN.set("tok");
		assertThat(this.factory.uriString("/cgi-bin/user/get").queryParam("userid", "zhang san").build())
			.isEqualTo(expected("/cgi-bin/user/get", "tok").queryParam("userid", "zhang san").build());
		assertThat(this.factory.uriString("/cgi-bin/user/get").path("/{id}").build("42"))
			.isEqualTo(expected("/cgi-bin/user/get", "tok").path("/{id}").build("42"));
		assertThat(this.factory.uriString("/cgi-bin/user/get").replaceQueryParam("access_token", "other").toUriString())
			.isEqualTo(expected("/cgi-bin/user/get", "tok").replaceQueryParam("access_token", "other").toUriString());
	}

	@Test
	void aChangedBuilderStillCannotCarryTheTokenElsewhereThroughExpand() {
		AccessTokenUriBuilderFactory.CURRENT_TOKEN.set("tok");
		assertThatExceptionOfType(WxWorkException.class)
			.isThrownBy(() -> this.factory.expand("http://127.0.0.1:1/steal", Map.of()))
			.withMessageContaining("Refused to send the access token");
	}

	@Test
	void withoutATokenTheTemplateIsSpringsAlone() {
		assertThat(this.factory.uriString("/cgi-bin/gettoken").toUriString())
			.isEqualTo(this.spring.uriString("/cgi-bin/gettoken").toUriString());
	}

}
