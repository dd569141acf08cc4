package dev.wxwork.client;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

import dev.wxwork.token.SharedCredential;

/**
 * The one HTTP path to WeCom: a {@link RestClient} with the library's own JSON mapper, and
 * {@link #call} around every exchange, which adds the access token (to the WeCom origin only), retries
 * once with a fresh token after 40014/42001, backs off and retries after 45033, retries -1 only for
 * calls whose repetition is harmless, never retries 45009, and turns failures into exceptions that name
 * the API path but never the token and say whether the request may have taken effect.
 * <p>
 * API groups are {@code @HttpExchange} interfaces; {@link ApiFactory#api} makes one for an app's token.
 */
public final class WxWorkHttpClient {

	/** How long WeCom drops a repeat of a send, when the library turns its duplicate check on. */
	public static final Duration DEFAULT_DUPLICATE_CHECK_INTERVAL = Duration.ofSeconds(60);

	private final String baseUrl;

	private final RestClient restClient;

	private final RestClient mediaRestClient;

	private final RetryPolicy retryPolicy;

	private final Duration duplicateCheckInterval;

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
		this(baseUrl, WxWorkRequestFactories.create(baseUrl, connectTimeout, readTimeout, mediaTimeout), retryPolicy,
				DEFAULT_DUPLICATE_CHECK_INTERVAL, observations);
	}

	/**
	 * @param requestFactories the HTTP client (see {@link WxWorkRequestFactories})
	 * @param duplicateCheckInterval the {@code duplicate_check_interval} the library sets on sends that
	 * WeCom can deduplicate and the caller left without one; zero leaves the check off and such sends are
	 * then never retried after -1
	 */
	@SuppressWarnings("deprecation") // RestClient.Builder#messageConverters(Consumer): the form Framework 6.2 and 7 share
	public WxWorkHttpClient(String baseUrl, WxWorkRequestFactories requestFactories, RetryPolicy retryPolicy,
			Duration duplicateCheckInterval, ObservationRegistry observations) {
		this.baseUrl = baseUrl;
		this.restClient = RestClient.builder()
			.requestFactory(requestFactories.api())
			.uriBuilderFactory(new AccessTokenUriBuilderFactory(baseUrl))
			.messageConverters(new WxWorkJsonConverter(WxWorkJson.mapper())::replaceJsonConverters)
			.build();
		this.mediaRestClient = this.restClient.mutate().requestFactory(requestFactories.media()).build();
		this.retryPolicy = retryPolicy;
		this.duplicateCheckInterval = duplicateCheckInterval;
		this.observations = observations;
	}

	/** The underlying client, for exchanges that must be run through {@link #call}. */
	public RestClient restClient() {
		return this.restClient;
	}

	/** The same client with the media timeout, for uploads and downloads run through {@link #call}. */
	public RestClient mediaRestClient() {
		return this.mediaRestClient;
	}

	/** The configured WeCom API base URL; the access token goes to its origin only. */
	public String baseUrl() {
		return this.baseUrl;
	}

	/** A factory of {@code @HttpExchange} API groups whose calls carry {@code token}'s access token. */
	public ApiFactory apiFactory(SharedCredential token) {
		return new ApiFactory(this, token);
	}

	/**
	 * Runs one exchange whose repetition is harmless (a read, a download, {@code gettoken}) with WeCom's
	 * error handling; see {@link #call(String, Idempotency, SharedCredential, Supplier)}.
	 */
	public <T> T call(String path, SharedCredential token, Supplier<T> exchange) {
		return call(path, Idempotency.IDEMPOTENT, token, exchange);
	}

	/**
	 * Runs one exchange with WeCom's error handling: a rejected token (40014, 42001) is refreshed and the
	 * call repeated once; 45033 is retried with backoff; -1 is retried with backoff only when the call is
	 * {@link Idempotency#IDEMPOTENT}; 45009 is never retried, since WeCom's quotas are per minute and per
	 * hour and a quick retry only burns them. A failure says whether the request may have taken effect.
	 * @param path the API path, for errors and logs
	 * @param idempotency whether repeating the exchange is harmless ({@link Idempotency#DUPLICATE_CHECKED}
	 * counts as not: resolve it first)
	 * @param token the access token to send, or null for calls that take none ({@code gettoken})
	 * @param exchange the exchange; it reads the body through the library's converter, so that a
	 * non-zero errcode is thrown as {@link WxWorkApiException}
	 */
	public <T> T call(String path, Idempotency idempotency, SharedCredential token, Supplier<T> exchange) {
		Observation observation = Observation.createNotStarted("wxwork.api.calls", this.observations)
			.contextualName("wecom " + path)
			.lowCardinalityKeyValue("path", path)
			.start();
		try (Observation.Scope scope = observation.openScope()) {
			T result = callWithRetries(path, idempotency == Idempotency.IDEMPOTENT, token, exchange);
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

	private <T> T callWithRetries(String path, boolean idempotent, SharedCredential token, Supplier<T> exchange) {
		boolean tokenRetried = false;
		int retries = 0;
		// whether an earlier attempt may have taken effect: then so may the call, whatever the last answer
		boolean mayHaveTakenEffect = false;
		while (true) {
			String accessToken = (token != null) ? token.get() : null;
			String outer = AccessTokenUriBuilderFactory.CURRENT_TOKEN.get();
			AccessTokenUriBuilderFactory.CURRENT_TOKEN.set(accessToken);
			try {
				return exchange.get();
			}
			catch (WxWorkApiException ex) {
				int errcode = ex.getErrcode();
				if (ex.getKind() == WxWorkErrorKind.INVALID_TOKEN && token != null && !tokenRetried) {
					token.invalidate(accessToken);
					tokenRetried = true;
					continue;
				}
				boolean retryable = (errcode == 45033) || (errcode == -1 && idempotent);
				if (retryable && retries < this.retryPolicy.maxAttempts()) {
					mayHaveTakenEffect |= ex.mayHaveTakenEffect();
					sleep(this.retryPolicy.backoff(retries++), path);
					continue;
				}
				throw ex.with((ex.getPath() != null) ? ex.getPath() : path, mayHaveTakenEffect || ex.mayHaveTakenEffect());
			}
			catch (RestClientException ex) {
				throw transportFailure(path, ex, mayHaveTakenEffect);
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
	private static WxWorkTransportException transportFailure(String path, RestClientException ex,
			boolean earlierMayHaveTakenEffect) {
		if (ex instanceof RestClientResponseException response) {
			return new WxWorkTransportException(
					"WeCom answered " + path + " with HTTP " + response.getStatusCode().value(), null, true);
		}
		Throwable root = NestedExceptionUtils.getMostSpecificCause(ex);
		boolean mayHaveTakenEffect = earlierMayHaveTakenEffect || !neverSent(root);
		if (root == ex) {
			return new WxWorkTransportException("Call to " + path + " failed: " + ex.getClass().getSimpleName(), null,
					mayHaveTakenEffect);
		}
		return new WxWorkTransportException("Call to " + path + " failed: " + root.getClass().getSimpleName()
				+ ((root.getMessage() != null && !root.getMessage().contains("access_token")
						&& !root.getMessage().contains("corpsecret")) ? ": " + root.getMessage() : ""),
				null, mayHaveTakenEffect);
	}

	// Failures to open the connection: the request never left. Anything later (a read timeout, a reset)
	// may have come after WeCom received it.
	private static boolean neverSent(Throwable root) {
		return root instanceof java.net.ConnectException || root instanceof java.net.UnknownHostException
				|| root instanceof java.net.NoRouteToHostException
				|| root instanceof java.net.http.HttpConnectTimeoutException
				|| root.getClass().getName().equals("org.apache.hc.client5.http.ConnectTimeoutException")
				|| root.getClass().getName().equals("org.apache.hc.client5.http.HttpHostConnectException");
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

		private final Duration duplicateCheckInterval;

		private final Map<Class<?>, Object> apis = new ConcurrentHashMap<>();

		private ApiFactory(WxWorkHttpClient client, SharedCredential token) {
			// decorating the adapter and wrapping the proxy, not Framework 7's hooks for both, so that this runs
			// on Framework 6.2 (Boot 3.5) too
			this.proxyFactory = HttpServiceProxyFactory
				.builderFor(new WxWorkExchangeAdapter(RestClientAdapter.create(client.restClient), client, token))
				.customArgumentResolver(IdempotencyProcessor.BODY)
				.build();
			this.duplicateCheckInterval = client.duplicateCheckInterval;
		}

		/** The API group of that interface, made once. */
		@SuppressWarnings("unchecked")
		public <S> S api(Class<S> type) {
			return (S) this.apis.computeIfAbsent(type, this::create);
		}

		private <S> S create(Class<S> type) {
			return IdempotencyProcessor.wrap(type, createClient(type), this.duplicateCheckInterval);
		}

		// Framework 6.2 (Boot 3.5) defines the proxy in the thread's context class loader, which cannot hold a
		// proxy of a package-private interface loaded elsewhere (DevTools' restart loader, a FilteredClassLoader):
		// the interface's own loader is used, as Framework 7 does
		private <S> S createClient(Class<S> type) {
			Thread thread = Thread.currentThread();
			ClassLoader previous = thread.getContextClassLoader();
			thread.setContextClassLoader(type.getClassLoader());
			try {
				return this.proxyFactory.createClient(type);
			}
			finally {
				thread.setContextClassLoader(previous);
			}
		}

	}

}
