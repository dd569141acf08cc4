package dev.wxwork.callback;

import org.junit.jupiter.api.Test;

import dev.wxwork.callback.event.MenuClickEvent;
import dev.wxwork.callback.event.ScancodePushEvent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Menu events routed by their EventKey, exact or by prefix, as WxJava users route them. */
class EventKeyRoutingTest {

	private final CallbackDispatcher dispatcher = CallbackDispatcher.builder("demo")
		.add(new Menu(), Menu.class)
		.build();

	@Test
	void anExactEventKeyWinsOverAPrefixAndALongerPrefixOverAShorterOne() {
		assertThat(handlerOf(click("order_today"))).contains("Menu.today(");
		assertThat(handlerOf(click("order_history_2024"))).contains("Menu.history(");
		assertThat(handlerOf(click("order_new"))).contains("Menu.orders(");
		assertThat(handlerOf(click("help"))).contains("Menu.anyClick(");
	}

	@Test
	void anEventKeyRouteAppliesToItsEventOnly() {
		assertThat(handlerOf(event("scancode_push", "order_today", "<ScanCodeInfo><ScanType>qrcode</ScanType>"
				+ "<ScanResult>1</ScanResult></ScanCodeInfo>"))).contains("Menu.scanned(");
		assertThat(handlerOf(event("view", "order_today", ""))).contains("Menu.other(");
	}

	@Test
	void refusesTwoHandlersOfOneEventKeyAndAStarInsideTheKey() {
		assertThatExceptionOfType(InvalidCallbackHandlerException.class)
			.isThrownBy(() -> CallbackDispatcher.builder("demo").add(new Twice(), Twice.class))
			.withMessageContaining("two handlers for Event click / EventKey same");
		assertThatExceptionOfType(InvalidCallbackHandlerException.class)
			.isThrownBy(() -> CallbackDispatcher.builder("demo").add(new StarInside(), StarInside.class))
			.withMessageContaining("eventKey 'a*b' may only end with '*' after a prefix");
	}

	private String handlerOf(String xml) {
		return String.valueOf(this.dispatcher.find(CallbackMessage.parse(xml)));
	}

	private static String click(String eventKey) {
		return event("click", eventKey, "");
	}

	private static String event(String event, String eventKey, String elements) {
		return "<xml><ToUserName>ww1</ToUserName><FromUserName>zhangsan</FromUserName><CreateTime>1700000000</CreateTime>"
				+ "<MsgType>event</MsgType><Event>" + event + "</Event><EventKey>" + eventKey + "</EventKey>" + elements
				+ "<AgentID>1</AgentID></xml>";
	}

	static class Menu {

		@OnEvent(eventKey = "order_today")
		void today(MenuClickEvent click) {
		}

		@OnEvent(value = "click", eventKey = "order_history_*")
		void history(MenuClickEvent click) {
		}

		@OnEvent(value = "click", eventKey = "order_*")
		void orders(CallbackMessage click) {
		}

		@OnEvent
		void anyClick(MenuClickEvent click) {
		}

		@OnEvent(eventKey = "order_*")
		void scanned(ScancodePushEvent scan) {
		}

		@OnOtherCallbacks
		void other(CallbackMessage message) {
		}

	}

	static class Twice {

		@OnEvent(eventKey = "same")
		void one(MenuClickEvent click) {
		}

		@OnEvent(value = "click", eventKey = "same")
		void two(MenuClickEvent click) {
		}

	}

	static class StarInside {

		@OnEvent(eventKey = "a*b")
		void one(MenuClickEvent click) {
		}

	}

}
