package dev.wxwork.sample.simulator;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The WeCom simulator built into the sample app, bound from {@code sample.simulator.*}.
 *
 * @param enabled whether the {@code /simulator} endpoints exist; turn them off when the app talks to the real WeCom
 * @param users the userids of the members the simulator knows
 * @param sendLatency how long {@code message/send} takes before it answers, to play a slow WeCom; none by default
 */
@ConfigurationProperties("sample.simulator")
public record SimulatorProperties(@DefaultValue("true") boolean enabled,
		@DefaultValue({ "zhangsan", "lisi", "wangwu" }) List<String> users, @DefaultValue("0ms") Duration sendLatency) {
}
