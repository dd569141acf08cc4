package dev.wxwork.api.externalcontact.transfer;

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

/**
 * Handing customers and customer groups over from one member to another, while the member is still
 * employed (在职继承, doc 92125) or after they left (离职继承, doc 92124).
 */
@HttpExchange("/cgi-bin/externalcontact")
public interface CustomerTransferApi {

	/** Hands an employed member's customers (at most 100) to another member (doc 92125). */
	@WeComDoc("92125")
	@WeComCall(Idempotency.NOT_IDEMPOTENT)
	@PostExchange("/transfer_customer")
	TransferAnswer transfer(@RequestBody Transfer transfer);

	/** One page of the handover state of an employed member's customers (doc 94088). */
	@WeComDoc("94088")
	@WeComCall(Idempotency.IDEMPOTENT)
	@PostExchange("/transfer_result")
	ResultPage transferResult(@RequestBody ResultQuery query);

	/** The handover state of every customer handed from one employed member to another, page by page (doc 94088). */
	@WeComDoc(value = "94088", path = "/cgi-bin/externalcontact/transfer_result")
	default Stream<CustomerHandover> transferResultAll(String handoverUserid, String takeoverUserid) {
		return Pages.byCursor((cursor) -> transferResult(new ResultQuery(handoverUserid, takeoverUserid, cursor)));
	}

	/** One page of the customers of members who left and whom nobody took over yet (doc 92124). */
	@WeComDoc("92124")
	@WeComCall(Idempotency.IDEMPOTENT)
	@PostExchange("/get_unassigned_list")
	UnassignedPage unassigned(@RequestBody UnassignedQuery query);

	/** Every customer of members who left and whom nobody took over yet, page by page (doc 92124). */
	@WeComDoc(value = "92124", path = "/cgi-bin/externalcontact/get_unassigned_list")
	default Stream<UnassignedCustomer> unassignedAll() {
		return Pages.byCursor((cursor) -> unassigned(new UnassignedQuery(cursor, 1000)));
	}

	/** Hands the customers (at most 100) of a member who left to another member (doc 94081). */
	@WeComDoc("94081")
	@WeComCall(Idempotency.NOT_IDEMPOTENT)
	@PostExchange("/resigned/transfer_customer")
	TransferAnswer transferResigned(@RequestBody Transfer transfer);

	/** One page of the handover state of the customers of a member who left (doc 94082). */
	@WeComDoc("94082")
	@WeComCall(Idempotency.IDEMPOTENT)
	@PostExchange("/resigned/transfer_result")
	ResultPage resignedTransferResult(@RequestBody ResultQuery query);

	/** The handover state of every customer handed from a member who left, page by page (doc 94082). */
	@WeComDoc(value = "94082", path = "/cgi-bin/externalcontact/resigned/transfer_result")
	default Stream<CustomerHandover> resignedTransferResultAll(String handoverUserid, String takeoverUserid) {
		return Pages.byCursor(
				(cursor) -> resignedTransferResult(new ResultQuery(handoverUserid, takeoverUserid, cursor)));
	}

	/** Hands customer groups (at most 100) of members who left to a new owner (doc 92127). */
	@WeComDoc("92127")
	@WeComCall(Idempotency.NOT_IDEMPOTENT)
	@PostExchange("/groupchat/transfer")
	GroupChatTransferAnswer transferResignedGroupChats(@RequestBody GroupChatTransfer transfer);

	/** Hands customer groups (at most 100) of employed members to a new owner (doc 95703). */
	@WeComDoc("95703")
	@WeComCall(Idempotency.NOT_IDEMPOTENT)
	@PostExchange("/groupchat/onjob_transfer")
	GroupChatTransferAnswer transferGroupChats(@RequestBody GroupChatTransfer transfer);

	/**
	 * A handover of customers.
	 * @param transferSuccessMsg the message the customers see (employed members only; WeCom has a default)
	 */
	record Transfer(String handoverUserid, String takeoverUserid, List<String> externalUserid,
			String transferSuccessMsg) {

		/** Hands these customers from one member to another, with WeCom's default message. */
		public static Transfer of(String handoverUserid, String takeoverUserid, List<String> externalUserids) {
			return new Transfer(handoverUserid, takeoverUserid, externalUserids, null);
		}

	}

	/** Per customer, whether the handover started: errcode 0, or why not. */
	record TransferAnswer(List<CustomerError> customer) {
	}

	/** A customer and the errcode of its handover. */
	record CustomerError(String externalUserid, Integer errcode) {
	}

	/** The query of a handover's state. */
	record ResultQuery(String handoverUserid, String takeoverUserid, String cursor) {
	}

	/** A page of handover states. */
	record ResultPage(List<CustomerHandover> customer, String nextCursor) implements CursorPage<CustomerHandover> {

		@Override
		public List<CustomerHandover> items() {
			return this.customer;
		}

	}

	/**
	 * A customer's handover state.
	 * @param status 1 done, 2 waiting for the customer, 3 refused, 4 limit reached, 5 no record
	 * @param takeoverTime when the takeover happens or happened, in epoch seconds
	 */
	record CustomerHandover(String externalUserid, Integer status, Long takeoverTime) {
	}

	/** The query of unassigned customers; WeCom's older page_id paging is superseded by the cursor. */
	record UnassignedQuery(String cursor, Integer pageSize) {
	}

	/** A page of unassigned customers. */
	record UnassignedPage(List<UnassignedCustomer> info, Boolean isLast, String nextCursor)
			implements CursorPage<UnassignedCustomer> {

		@Override
		public List<UnassignedCustomer> items() {
			return this.info;
		}

	}

	/**
	 * A customer of a member who left.
	 * @param dimissionTime when the member left, in epoch seconds
	 */
	record UnassignedCustomer(String handoverUserid, String externalUserid, Long dimissionTime) {
	}

	/** A handover of customer groups to a new owner. */
	record GroupChatTransfer(List<String> chatIdList, String newOwner) {
	}

	/** The groups that could not be handed over; empty when all could. */
	record GroupChatTransferAnswer(List<FailedChat> failedChatList) {
	}

	/** A group that could not be handed over, and why. */
	record FailedChat(String chatId, Integer errcode, String errmsg) {
	}

}
