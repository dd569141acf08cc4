package dev.wxwork.callback.support;

/**
 * A callback endpoint free of HTTP, as a {@link SignedCallbackRequestHandler} serves it.
 * @param <A> its answers
 */
public interface SignedCallbackEndpoint<A extends CallbackAnswer> {

	/** The largest body accepted, in bytes. */
	int maxBodySize();

	/** Answers WeCom's URL verification (GET). */
	A verify(String signature, String timestamp, String nonce, String echostr);

	/** Receives a POSTed callback. */
	A receive(String signature, String timestamp, String nonce, byte[] body);

	/** Refuses a callback: logs why (never a secret) and answers the one uniform refusal. */
	A reject(String reason);

}
