package dev.wxwork.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The WeCom document that specifies an API method. Every public API method carries it, and the API
 * catalog in the README is generated from these annotations and checked against them by a test, so
 * that it never lies.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface WeComDoc {

	/** The document id, as in {@code https://developer.work.weixin.qq.com/document/path/<id>}. */
	String value();

	/**
	 * For a method that is no {@code @HttpExchange} endpoint (a URL builder, a signature, a streamed
	 * download): the WeCom path or URL it builds or calls, optionally after the HTTP method
	 * ({@code "POST /cgi-bin/media/upload"}).
	 */
	String path() default "";

}
