package dev.wxwork.autoconfigure;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;

/**
 * Tunes the HTTP client that every app's WeCom calls share, without replacing it: declare a bean of
 * this type, e.g. {@code builder -> ClientHttpRequestFactoryBuilder.jdk().withHttpClientCustomizer(b ->
 * b.proxy(proxySelector))} or {@code builder -> ClientHttpRequestFactoryBuilder.httpComponents()}.
 * Timeouts, redirects and the SSL bundle come from {@code wxwork.http.*}; JSON bodies are buffered
 * (sent with a {@code Content-Length}) whatever the builder.
 */
@FunctionalInterface
public interface WxWorkHttpClientCustomizer {

	/**
	 * @param builder the builder the library chose (see {@link WxWorkHttpClients#defaultBuilder})
	 * @return the builder to use: the same one customized, or another one
	 */
	ClientHttpRequestFactoryBuilder<?> customize(ClientHttpRequestFactoryBuilder<?> builder);

}
