package dev.wxwork.api.externalcontact.groupchat;

import java.util.List;
import java.util.stream.Stream;

import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

import dev.wxwork.api.CursorPage;
import dev.wxwork.api.OffsetPage;
import dev.wxwork.api.Pages;
import dev.wxwork.api.WeComDoc;
import dev.wxwork.client.Idempotency;
import dev.wxwork.client.WeComCall;

/** Customer group chats and their statistics (客户群管理, doc 92120). */
@HttpExchange("/cgi-bin/externalcontact")
public interface GroupChatApi {

	/** One page of customer groups, optionally of some owners or in some handover state (doc 92120). */
	@WeComDoc("92120")
	@WeComCall(Idempotency.IDEMPOTENT)
	@PostExchange("/groupchat/list")
	Page list(@RequestBody ListQuery query);

	/** Every customer group of these owners (null for all), page by page (doc 92120). */
	@WeComDoc(value = "92120", path = "/cgi-bin/externalcontact/groupchat/list")
	default Stream<ChatStatus> listAll(List<String> ownerUserids) {
		OwnerFilter owners = (ownerUserids != null) ? new OwnerFilter(ownerUserids) : null;
		return Pages.byCursor((cursor) -> list(new ListQuery(null, owners, cursor, 1000)));
	}

	/** A customer group with its members and admins (doc 92122). */
	@WeComDoc("92122")
	@WeComCall(Idempotency.IDEMPOTENT)
	@PostExchange("/groupchat/get")
	Details get(@RequestBody ChatQuery query);

	/** A customer group with its members, including their names (doc 92122). */
	@WeComDoc(value = "92122", path = "/cgi-bin/externalcontact/groupchat/get")
	default GroupChat get(String chatId) {
		return get(new ChatQuery(chatId, 1)).groupChat();
	}

	/** The chat id of a customer group a mini program knows by its opengid (doc 94822). */
	@WeComDoc("94822")
	@WeComCall(Idempotency.IDEMPOTENT)
	@PostExchange("/opengid_to_chatid")
	ChatId chatIdOfOpengid(@RequestBody Opengid opengid);

	/** The chat id of a customer group a mini program knows by its opengid (doc 94822). */
	@WeComDoc(value = "94822", path = "/cgi-bin/externalcontact/opengid_to_chatid")
	default String chatIdOfOpengid(String opengid) {
		return chatIdOfOpengid(new Opengid(opengid)).chatId();
	}

	/** One page of group statistics per owner over a day range (doc 92133). */
	@WeComDoc("92133")
	@WeComCall(Idempotency.IDEMPOTENT)
	@PostExchange("/groupchat/statistic")
	StatisticPage statistic(@RequestBody StatisticQuery query);

	/** Group statistics of every owner over a day range (epoch seconds), page by page (doc 92133). */
	@WeComDoc(value = "92133", path = "/cgi-bin/externalcontact/groupchat/statistic")
	default Stream<OwnerStatistic> statisticAll(long dayBeginTime, long dayEndTime, List<String> ownerUserids) {
		return Pages.byOffset((offset) -> statistic(new StatisticQuery(dayBeginTime, dayEndTime,
				new OwnerFilter(ownerUserids), null, null, offset, 1000)));
	}

	/** Group statistics of some owners, per day (doc 92133). */
	@WeComDoc("92133")
	@WeComCall(Idempotency.IDEMPOTENT)
	@PostExchange("/groupchat/statistic_group_by_day")
	DayStatistics statisticByDay(@RequestBody DayStatisticQuery query);

	/** Owners whose groups to include. */
	record OwnerFilter(List<String> useridList) {
	}

	/**
	 * The query of {@code groupchat/list}.
	 * @param statusFilter 0 all, 1 owner left and not handed over, 2 handover in progress, 3 handed over
	 * @param limit 1 to 1000
	 */
	record ListQuery(Integer statusFilter, OwnerFilter ownerFilter, String cursor, Integer limit) {
	}

	/** A page of customer groups. */
	record Page(List<ChatStatus> groupChatList, String nextCursor) implements CursorPage<ChatStatus> {

		@Override
		public List<ChatStatus> items() {
			return this.groupChatList;
		}

	}

	/** A group's id and handover status (0 normal, 1 to hand over, 2 in progress, 3 done). */
	record ChatStatus(String chatId, Integer status) {
	}

	/** The query of {@code groupchat/get}; {@code needName} 1 adds the members' names. */
	record ChatQuery(String chatId, Integer needName) {
	}

	/** A group, as {@code groupchat/get} answers it. */
	record Details(GroupChat groupChat) {
	}

	/** A group's opengid (from a mini program). */
	record Opengid(String opengid) {
	}

	/** A group's chat id. */
	record ChatId(String chatId) {
	}

	/**
	 * The query of {@code groupchat/statistic}.
	 * @param dayBeginTime the first day, epoch seconds at 00:00
	 * @param dayEndTime the last day (within 30 days of the first), epoch seconds at 00:00
	 * @param orderBy 1 new groups, 2 groups, 3 new members, 4 members
	 * @param orderAsc 0 descending, 1 ascending
	 */
	record StatisticQuery(Long dayBeginTime, Long dayEndTime, OwnerFilter ownerFilter, Integer orderBy,
			Integer orderAsc, Integer offset, Integer limit) {
	}

	/** A page of statistics per owner. */
	record StatisticPage(int total, int nextOffset, List<OwnerStatistic> items) implements OffsetPage<OwnerStatistic> {
	}

	/** One owner's group statistics. */
	record OwnerStatistic(String owner, GroupChatStatistic data) {
	}

	/** The query of {@code groupchat/statistic_group_by_day}: a day range and the owners (required). */
	record DayStatisticQuery(Long dayBeginTime, Long dayEndTime, OwnerFilter ownerFilter) {

		/** The statistics of these owners' groups from one day to another (epoch seconds at 00:00). */
		public static DayStatisticQuery of(long dayBeginTime, long dayEndTime, List<String> ownerUserids) {
			return new DayStatisticQuery(dayBeginTime, dayEndTime, new OwnerFilter(ownerUserids));
		}

	}

	/** Statistics per day. */
	record DayStatistics(List<DayStatistic> items) {
	}

	/** One day's group statistics; {@code statTime} is the day in epoch seconds. */
	record DayStatistic(Long statTime, GroupChatStatistic data) {
	}

}
