package dev.wxwork.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a {@link WeComStandIn} for the test's application context: it starts on a random loopback port
 * before the context, {@code wxwork.api-base-url} points at it, and it is a bean to inject
 * ({@code @Autowired WeComStandIn wecom}). It accepts the context's {@code wxwork.corp-id} (or
 * {@code corp-standin} when none is set) and every {@code wxwork.agents.NAME.secret}; a secret with an
 * {@code agent-id} may send messages as that app only. It stops when the context closes. Data and
 * faults a test arranges stay for the context's life (a cached context is shared between test classes):
 * clear what a test changed, or use a fresh context.
 * <p>
 * It also runs a {@link WebhookStandIn} for the group robots (unless {@link #webhooks()} is false): it
 * accepts the key of every {@code wxwork.webhooks.NAME} (given as {@code key} or in the {@code key=} of
 * {@code url}), each robot's {@code url} points at it, and it is a bean too
 * ({@code @Autowired WebhookStandIn robots}).
 * <pre>{@code
 * @SpringBootTest(properties = { "wxwork.corp-id=ww1", "wxwork.agents.demo.agent-id=1000002",
 * 		"wxwork.agents.demo.secret=s3cr3t" })
 * @AutoConfigureWeComStandIn
 * class NotificationTests {
 *
 * 	@Autowired
 * 	WeComStandIn wecom;
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface AutoConfigureWeComStandIn {

	/**
	 * Whether a {@link WebhookStandIn} plays the group robots of {@code wxwork.webhooks.*}, their
	 * {@code url}s pointing at it; false leaves the robots' addresses as configured.
	 */
	boolean webhooks() default true;

}
