package dev.wxwork.client;

import java.net.URI;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.web.service.invoker.HttpExchangeAdapter;
import org.springframework.web.service.invoker.HttpRequestValues;
import tools.jackson.databind.JsonNode;

import dev.wxwork.token.SharedCredential;

/**
 * Runs every {@code @HttpExchange} call through {@link WxWorkHttpClient#call}, with the
 * {@link Idempotency} that {@link IdempotencyProcessor} found for its method (a method that declares
 * none: idempotent when it is a GET). A method without a
 * result still reads the answer, because WeCom reports errors in the body of an HTTP 200.
 */
final class WxWorkExchangeAdapter implements HttpExchangeAdapter {

	private static final ParameterizedTypeReference<JsonNode> JSON = new ParameterizedTypeReference<>() {
	};

	private final HttpExchangeAdapter delegate;

	private final WxWorkHttpClient client;

	private final SharedCredential token;

	WxWorkExchangeAdapter(HttpExchangeAdapter delegate, WxWorkHttpClient client, SharedCredential token) {
		this.delegate = delegate;
		this.client = client;
		this.token = token;
	}

	@Override
	public boolean supportsRequestAttributes() {
		return this.delegate.supportsRequestAttributes();
	}

	@Override
	public void exchange(HttpRequestValues values) {
		this.client.call(path(values), idempotency(values), this.token,
				() -> this.delegate.exchangeForBody(values, JSON));
	}

	@Override
	public HttpHeaders exchangeForHeaders(HttpRequestValues values) {
		return this.client.call(path(values), idempotency(values), this.token,
				() -> this.delegate.exchangeForHeaders(values));
	}

	@Override
	public <T> T exchangeForBody(HttpRequestValues values, ParameterizedTypeReference<T> bodyType) {
		return this.client.call(path(values), idempotency(values), this.token,
				() -> this.delegate.exchangeForBody(values, bodyType));
	}

	@Override
	public ResponseEntity<Void> exchangeForBodilessEntity(HttpRequestValues values) {
		return this.client.call(path(values), idempotency(values), this.token,
				() -> this.delegate.exchangeForBodilessEntity(values));
	}

	@Override
	public <T> ResponseEntity<T> exchangeForEntity(HttpRequestValues values, ParameterizedTypeReference<T> bodyType) {
		return this.client.call(path(values), idempotency(values), this.token,
				() -> this.delegate.exchangeForEntity(values, bodyType));
	}

	private Idempotency idempotency(HttpRequestValues values) {
		URI uri = values.getUri();
		if (uri != null && uri.isAbsolute() && !AccessTokenUriBuilderFactory.sameOrigin(this.client.baseUrl(), uri)) {
			throw new WxWorkException("Refused a WeCom call to " + uri.getScheme() + "://" + uri.getAuthority()
					+ ": calls with the access token go only to the WeCom API (wxwork.api-base-url)", null, false);
		}
		Idempotency declared = IdempotencyProcessor.current();
		if (declared != null) {
			return declared;
		}
		return HttpMethod.GET.equals(values.getHttpMethod()) ? Idempotency.IDEMPOTENT : Idempotency.NOT_IDEMPOTENT;
	}

	private static String path(HttpRequestValues values) {
		String template = values.getUriTemplate();
		if (template == null) {
			return (values.getUri() != null) ? values.getUri().getPath() : "?";
		}
		int query = template.indexOf('?');
		return (query >= 0) ? template.substring(0, query) : template;
	}

}
