package dev.wxwork.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings of the {@code wxwork} health indicator. */
@ConfigurationProperties("wxwork.health")
public class WxWorkHealthProperties {

	/** Whether an app that cannot obtain its token (a refused secret, a WeCom outage) makes the wxwork health indicator DOWN, rather than a detail of an UP indicator. */
	private boolean affectsStatus;

	public boolean isAffectsStatus() {
		return this.affectsStatus;
	}

	public void setAffectsStatus(boolean affectsStatus) {
		this.affectsStatus = affectsStatus;
	}

}
