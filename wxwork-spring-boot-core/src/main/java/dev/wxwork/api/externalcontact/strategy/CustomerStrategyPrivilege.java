package dev.wxwork.api.externalcontact.strategy;

/**
 * What the admins of a customer rule group may do (doc 94883); null means WeCom's default.
 */
public record CustomerStrategyPrivilege(Boolean viewCustomerList, Boolean viewCustomerData, Boolean viewRoomList,
		Boolean contactMe, Boolean joinRoom, Boolean shareCustomer, Boolean operResignCustomer,
		Boolean operResignGroup, Boolean sendCustomerMsg, Boolean editWelcomeMsg, Boolean viewBehaviorData,
		Boolean viewRoomData, Boolean sendGroupMsg, Boolean roomDeduplication, Boolean rapidReply,
		Boolean onjobCustomerTransfer, Boolean editAntiSpamRule, Boolean exportCustomerList,
		Boolean exportCustomerData, Boolean exportCustomerGroupList, Boolean manageCustomerTag) {
}
