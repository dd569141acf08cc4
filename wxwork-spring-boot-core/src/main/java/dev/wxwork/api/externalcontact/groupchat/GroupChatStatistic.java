package dev.wxwork.api.externalcontact.groupchat;

/**
 * Customer group statistics of one owner or one day (群聊数据统计, doc 92133); counts are as of the end
 * of the period unless they say "new".
 */
public record GroupChatStatistic(Integer newChatCnt, Integer chatTotal, Integer chatHasMsg, Integer newMemberCnt,
		Integer memberTotal, Integer memberHasMsg, Integer msgTotal, Integer migrateTraineeChatCnt) {
}
