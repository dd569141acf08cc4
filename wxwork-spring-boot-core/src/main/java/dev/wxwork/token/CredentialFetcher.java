package dev.wxwork.token;

/** Asks WeCom for a new token or ticket ({@code gettoken}, {@code get_jsapi_ticket}, ...). */
@FunctionalInterface
public interface CredentialFetcher {

	IssuedCredential fetch();

}
