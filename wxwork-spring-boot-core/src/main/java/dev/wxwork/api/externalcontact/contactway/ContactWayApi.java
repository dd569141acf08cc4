package dev.wxwork.api.externalcontact.contactway;

import java.util.List;
import java.util.stream.Stream;

import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

import dev.wxwork.api.CursorPage;
import dev.wxwork.api.Pages;
import dev.wxwork.api.WeComDoc;
import dev.wxwork.client.Idempotency;
import dev.wxwork.client.WeComCall;

/** "Contact me" ways (客户联系「联系我」管理, doc 92228). */
@HttpExchange("/cgi-bin/externalcontact")
public interface ContactWayApi {

	/** Creates a way and returns its id and QR code (doc 92228). */
	@WeComDoc("92228")
	@WeComCall(Idempotency.NOT_IDEMPOTENT)
	@PostExchange("/add_contact_way")
	Created add(@RequestBody ContactWay way);

	/** Reads a way by its id (doc 92228). */
	@WeComDoc("92228")
	@WeComCall(Idempotency.IDEMPOTENT)
	@PostExchange("/get_contact_way")
	Details get(@RequestBody ConfigId configId);

	/** Reads a way by its id (doc 92228). */
	@WeComDoc(value = "92228", path = "/cgi-bin/externalcontact/get_contact_way")
	default ContactWay get(String configId) {
		return get(new ConfigId(configId)).contactWay();
	}

	/** One page of the ids of the ways configured in a time range (doc 92228). */
	@WeComDoc("92228")
	@WeComCall(Idempotency.IDEMPOTENT)
	@PostExchange("/list_contact_way")
	Page list(@RequestBody ListQuery query);

	/** The ids of every way created in the time range (seconds; null for WeCom's default), page by page. */
	@WeComDoc(value = "92228", path = "/cgi-bin/externalcontact/list_contact_way")
	default Stream<String> listAll(Long startTime, Long endTime) {
		return Pages.<ConfigId>byCursor((cursor) -> list(new ListQuery(startTime, endTime, cursor, 1000)))
			.map(ConfigId::configId);
	}

	/** Updates a way; fields left null keep their value (doc 92228). */
	@WeComDoc("92228")
	@WeComCall(Idempotency.IDEMPOTENT)
	@PostExchange("/update_contact_way")
	void update(@RequestBody ContactWay way);

	/** Deletes a way (doc 92228). */
	@WeComDoc("92228")
	@WeComCall(Idempotency.NOT_IDEMPOTENT)
	@PostExchange("/del_contact_way")
	void delete(@RequestBody ConfigId configId);

	/** Deletes a way (doc 92228). */
	@WeComDoc(value = "92228", path = "/cgi-bin/externalcontact/del_contact_way")
	default void delete(String configId) {
		delete(new ConfigId(configId));
	}

	/** Ends a temporary chat between a member and a customer (doc 92228). */
	@WeComDoc("92228")
	@WeComCall(Idempotency.NOT_IDEMPOTENT)
	@PostExchange("/close_temp_chat")
	void closeTemporaryChat(@RequestBody TemporaryChat chat);

	/** Ends a temporary chat between a member and a customer (doc 92228). */
	@WeComDoc(value = "92228", path = "/cgi-bin/externalcontact/close_temp_chat")
	default void closeTemporaryChat(String userid, String externalUserid) {
		closeTemporaryChat(new TemporaryChat(userid, externalUserid));
	}

	/** A way's id. */
	record ConfigId(String configId) {
	}

	/** The answer to creating a way. */
	record Created(String configId, String qrCode) {
	}

	/** The answer to reading a way. */
	record Details(ContactWay contactWay) {
	}

	/** The query of {@code list_contact_way}; times in seconds, cursor null for the first page. */
	record ListQuery(Long startTime, Long endTime, String cursor, Integer limit) {
	}

	/** A page of way ids. */
	record Page(List<ConfigId> contactWay, String nextCursor) implements CursorPage<ConfigId> {

		@Override
		public List<ConfigId> items() {
			return this.contactWay;
		}

	}

	/** A member and a customer in a temporary chat. */
	record TemporaryChat(String userid, String externalUserid) {
	}

}
