package dev.wxwork.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.Authenticator;
import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;

import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.core5.http.HttpHost;

import org.springframework.util.Assert;

/**
 * An HTTP proxy that every call to WeCom goes through, e.g. for a fixed egress IP on WeCom's trusted-IP
 * list, with optional Basic proxy authentication. Towards an https base URL the client opens a tunnel
 * ({@code CONNECT host:port}): the proxy never sees a path, a secret or an access token.
 * @param host the proxy's host name or address
 * @param port the proxy's port
 * @param username the user name for proxy authentication, or null for none
 * @param password the password for proxy authentication, or null for none
 */
public record WxWorkProxy(String host, int port, String username, String password) {

	/** The JVM-wide property that disables authentication schemes for proxy tunnels of the JDK's HTTP client. */
	public static final String TUNNELING_DISABLED_SCHEMES = "jdk.http.auth.tunneling.disabledSchemes";

	public WxWorkProxy {
		Assert.hasText(host, "host must not be empty");
		Assert.isTrue(port > 0 && port <= 65535, "port must be between 1 and 65535");
	}

	/** A proxy without authentication. */
	public WxWorkProxy(String host, int port) {
		this(host, port, null, null);
	}

	/** Whether the proxy asks for credentials. */
	public boolean authenticated() {
		return this.username != null;
	}

	/** Sets this proxy (and its credentials) on an Apache HttpClient 5 builder. */
	public void applyTo(HttpClientBuilder client) {
		HttpComponents.apply(this, client);
	}

	/**
	 * Sets this proxy (and its credentials) on a JDK {@code HttpClient} builder. The JDK sends Basic
	 * credentials for an https (or WebSocket) tunnel only when the JVM's {@code jdk.http.auth.tunneling.disabledSchemes}
	 * allows it (it disables Basic by default, see {@link #jdkAllowsBasicForTunnels()}); Apache HttpClient 5,
	 * the starter's default, has no such limit.
	 */
	public void applyTo(HttpClient.Builder client) {
		client.proxy(ProxySelector.of(InetSocketAddress.createUnresolved(this.host, this.port)));
		if (authenticated()) {
			String user = this.username;
			char[] secret = (this.password != null) ? this.password.toCharArray() : new char[0];
			client.authenticator(new Authenticator() {
				@Override
				protected PasswordAuthentication getPasswordAuthentication() {
					return (getRequestorType() == RequestorType.PROXY) ? new PasswordAuthentication(user, secret.clone())
							: null;
				}
			});
		}
	}

	/**
	 * Whether the JDK's {@code HttpClient} (and its WebSocket) sends Basic proxy credentials through a
	 * {@code CONNECT} tunnel in this JVM: only when the JVM-wide {@code jdk.http.auth.tunneling.disabledSchemes}
	 * (a system property, else {@code $JAVA_HOME/conf/net.properties}, where the JDK sets it to {@code Basic})
	 * does not list Basic. The JDK reads it once, when its client is first used, so it belongs on the
	 * command line ({@code -Djdk.http.auth.tunneling.disabledSchemes=}); this library never sets it.
	 */
	public static boolean jdkAllowsBasicForTunnels() {
		String disabled = System.getProperty(TUNNELING_DISABLED_SCHEMES);
		if (disabled == null) {
			Properties defaults = new Properties();
			try (InputStream in = Files.newInputStream(Path.of(System.getProperty("java.home"), "conf", "net.properties"))) {
				defaults.load(in);
			}
			catch (IOException | RuntimeException ex) {
				// unreadable: assume the JDK's documented default
				defaults.setProperty(TUNNELING_DISABLED_SCHEMES, "Basic");
			}
			disabled = defaults.getProperty(TUNNELING_DISABLED_SCHEMES);
		}
		if (disabled == null) {
			return true;
		}
		for (String scheme : disabled.split(",")) {
			if (scheme.trim().toLowerCase(Locale.ROOT).equals("basic")) {
				return false;
			}
		}
		return true;
	}

	@Override
	public String toString() {
		return "WxWorkProxy[" + this.host + ":" + this.port + (authenticated() ? ", user " + this.username + ", password ******" : "")
				+ "]";
	}

	// only loaded with Apache HttpClient 5 on the classpath
	private static final class HttpComponents {

		static void apply(WxWorkProxy proxy, HttpClientBuilder client) {
			client.setProxy(new HttpHost(proxy.host, proxy.port));
			if (proxy.authenticated()) {
				BasicCredentialsProvider credentials = new BasicCredentialsProvider();
				credentials.setCredentials(new AuthScope(proxy.host, proxy.port), new UsernamePasswordCredentials(
						proxy.username, (proxy.password != null) ? proxy.password.toCharArray() : new char[0]));
				client.setDefaultCredentialsProvider(credentials);
			}
		}

	}

}
