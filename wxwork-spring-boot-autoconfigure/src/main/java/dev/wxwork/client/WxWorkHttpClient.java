package dev.wxwork.client;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

import dev.wxwork.token.SharedCredential;

/**
 * The one HTTP path to WeCom: a {@link RestClient} with the library's own JSON mapper, and
 * {@link #call} around every exchange, which adds the access token, retries once with a fresh token
 * after 40014/42001, backs off and retries after -1/45009/45033, and turns failures into exceptions
 * that name the API path but never the token.
 * <p>
 * API groups are {@code @HttpExchange} interfaces; {@link #api} makes one for an app's token.
 */
public final class WxWorkHttpClient {

	private final RestClient restClient;

	private final RestClient mediaRestClient;

	private final RetryPolicy retryPolicy;

	private final ObservationRegistry observations;

	public WxWorkHttpClient(String baseUrl, Duration connectTimeout, Duration readTimeout, RetryPolicy retryPolicy) {
		this(baseUrl, connectTimeout, readTimeout, retryPolicy, ObservationRegistry.NOOP);
	}

	/**
	 * @param observations where each call is observed as {@code wxwork.api.calls}, tagged with the API
	 * path, the errcode and the outcome (Micrometer turns it into a timer when the application has it).
	 * RestClient's own observation is deliberately left off: its {@code http.url} carries the access
	 * token into traces.
	 */
	public WxWorkHttpClient(String baseUrl, Duration connectTimeout, Duration readTimeout, RetryPolicy retryPolicy,
			ObservationRegistry observations) {
		this(baseUrl, connectTimeout, readTimeout, Duration.ofMinutes(10), retryPolicy, observations);
	}

	/**
	 * @param readTimeout how long an API call may take once sent
	 * @param mediaTimeout how long a media upload or download may take: the JDK request factory's
	 * timeout covers the whole exchange, body included, so large files need their own
	 */
	public WxWorkHttpClient(String baseUrl, Duration connectTimeout, Duration readTimeout, Duration mediaTimeout,
			RetryPolicy retryPolicy, ObservationRegistry observations) {
		HttpClient httpClient = HttpClient.newBuilder()
			.connectTimeout(connectTimeout)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		this.restClient = RestClient.builder()
			.requestFactory(requestFactory(httpClient, readTimeout))
			.uriBuilderFactory(new AccessTokenUriBuilderFactory(baseUrl))
			.configureMessageConverters((converters) -> converters.registerDefaults()
				.withJsonConverter(new WxWorkJsonConverter(WxWorkJson.mapper())))
			.build();
		this.mediaRestClient = this.restClient.mutate().requestFactory(requestFactory(httpClient, mediaTimeout)).build();
		this.retryPolicy = retryPolicy;
		this.observations = observations;
	}

	private static JdkClientHttpRequestFactory requestFactory(HttpClient httpClient, Duration timeout) {
		JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(httpClient);
		requestFactory.setReadTimeout(timeout);
		return requestFactory;
	}

	/** The underlying client, for exchanges that must be run through {@link #call}. */
	public RestClient restClient() {
		return this.restClient;
	}

	/** The same client with the media timeout, for uploads and downloads run through {@link #call}. */
	public RestClient mediaRestClient() {
		return this.mediaRestClient;
	}

	/** A factory of {@code @HttpExchange} API groups whose calls carry {@code token}'s access token. */
	public ApiFactory apiFactory(SharedCredential token) {
		return new ApiFactory(this, token);
	}

	/**
	 * Runs one exchange with WeCom's error handling.
	 * @param path the API path, for errors and logs
	 * @param token the access token to send, or null for calls that take none ({@code gettoken})
	 * @param exchange the exchange; it reads the body through the library's converter, so that a
	 * non-zero errcode is thrown as {@link WxWorkApiException}
	 */
	public <T> T call(String path, SharedCredential token, Supplier<T> exchange) {
		Observation observation = Observation.createNotStarted("wxwork.api.calls", this.observations)
			.contextualName("wecom " + path)
			.lowCardinalityKeyValue("path", path)
			.start();
		try (Observation.Scope scope = observation.openScope()) {
			T result = callWithRetries(path, token, exchange);
			observation.lowCardinalityKeyValue("errcode", "0").lowCardinalityKeyValue("outcome", "SUCCESS");
			return result;
		}
		catch (WxWorkApiException ex) {
			observation.lowCardinalityKeyValue("errcode", String.valueOf(ex.getErrcode()))
				.lowCardinalityKeyValue("outcome", ex.getKind().name());
			observation.error(ex);
			throw ex;
		}
		catch (RuntimeException ex) {
			observation.lowCardinalityKeyValue("errcode", "none").lowCardinalityKeyValue("outcome", "TRANSPORT");
			observation.error(ex);
			throw ex;
		}
		finally {
			observation.stop();
		}
	}

	private <T> T callWithRetries(String path, SharedCredential token, Supplier<T> exchange) {
		boolean tokenRetried = false;
		int busyRetries = 0;
		while (true) {
			String accessToken = (token != null) ? token.get() : null;
			String outer = AccessTokenUriBuilderFactory.CURRENT_TOKEN.get();
			AccessTokenUriBuilderFactory.CURRENT_TOKEN.set(accessToken);
			try {
				return exchange.get();
			}
			catch (WxWorkApiException ex) {
				WxWorkErrorKind kind = ex.getKind();
				if (kind == WxWorkErrorKind.INVALID_TOKEN && token != null && !tokenRetried) {
					token.invalidate(accessToken);
					tokenRetried = true;
					continue;
				}
				if (kind == WxWorkErrorKind.RETRYABLE && busyRetries < this.retryPolicy.maxAttempts()) {
					sleep(this.retryPolicy.backoff(busyRetries++), path);
					continue;
				}
				throw (ex.getPath() != null) ? ex : ex.withPath(path);
			}
			catch (RestClientException ex) {
				throw transportFailure(path, ex);
			}
			finally {
				if (outer != null) {
					AccessTokenUriBuilderFactory.CURRENT_TOKEN.set(outer);
				}
				else {
					AccessTokenUriBuilderFactory.CURRENT_TOKEN.remove();
				}
			}
		}
	}

	// RestClient's own messages contain the request URL, and with it the access token or secret:
	// keep only the path, the status and the root cause, never the original exception.
	private static WxWorkTransportException transportFailure(String path, RestClientException ex) {
		if (ex instanceof RestClientResponseException response) {
			return new WxWorkTransportException(
					"WeCom answered " + path + " with HTTP " + response.getStatusCode().value(), null);
		}
		Throwable root = NestedExceptionUtils.getMostSpecificCause(ex);
		if (root == ex) {
			return new WxWorkTransportException("Call to " + path + " failed: " + ex.getClass().getSimpleName(), null);
		}
		return new WxWorkTransportException("Call to " + path + " failed: " + root.getClass().getSimpleName()
				+ ((root.getMessage() != null && !root.getMessage().contains("access_token")
						&& !root.getMessage().contains("corpsecret")) ? ": " + root.getMessage() : ""),
				null);
	}

	private static void sleep(Duration pause, String path) {
		try {
			Thread.sleep(pause.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new WxWorkException("Interrupted while backing off from " + path);
		}
	}

	/** Makes {@code @HttpExchange} API groups for one access token. */
	public static final class ApiFactory {

		private final HttpServiceProxyFactory proxyFactory;

		private final Map<Class<?>, Object> apis = new ConcurrentHashMap<>();

		private ApiFactory(WxWorkHttpClient client, SharedCredential token) {
			this.proxyFactory = HttpServiceProxyFactory.builderFor(RestClientAdapter.create(client.restClient))
				.exchangeAdapterDecorator((adapter) -> new WxWorkExchangeAdapter(adapter, client, token))
				.build();
		}

		/** The API group of that interface, made once. */
		@SuppressWarnings("unchecked")
		public <S> S api(Class<S> type) {
			return (S) this.apis.computeIfAbsent(type, this.proxyFactory::createClient);
		}

	}

}
