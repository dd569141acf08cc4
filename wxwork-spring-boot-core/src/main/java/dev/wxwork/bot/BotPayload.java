package dev.wxwork.bot;

/**
 * The typed content of a bot callback (doc 100719 for messages, doc 101027 for events). A handler
 * takes one of these types to say which callbacks it handles.
 */
public sealed interface BotPayload permits BotTextMessage, BotImageMessage, BotMixedMessage, BotVoiceMessage,
		BotFileMessage, BotEnterChatEvent, BotTemplateCardEvent, BotFeedbackEvent {

}
