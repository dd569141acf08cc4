package dev.wxwork.autoconfigure;

/** The {@code wxwork.*} configuration cannot work; the message names the property. */
public class WxWorkConfigurationException extends IllegalStateException {

	public WxWorkConfigurationException(String message) {
		super(message);
	}

}
