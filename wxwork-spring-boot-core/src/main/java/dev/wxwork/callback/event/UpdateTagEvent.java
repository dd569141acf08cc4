package dev.wxwork.callback.event;

import java.util.List;

import tools.jackson.databind.annotation.JsonDeserialize;

import dev.wxwork.callback.message.CommaSeparated;

/**
 * The members or departments of a tag changed (doc 90972).
 *
 * @param toUserName the corp id the message was sent to
 * @param fromUserName the member who sent it
 * @param createTime when it was sent, seconds since the epoch
 * @param msgType the MsgType
 * @param agentId the AgentID of the app
 * @param event the Event
 * @param changeType the ChangeType
 * @param tagId the tag id
 * @param addUserItems the userids added
 * @param delUserItems the userids removed
 * @param addPartyItems the departments added
 * @param delPartyItems the departments removed
 */
public record UpdateTagEvent(String toUserName,
		String fromUserName,
		long createTime,
		String msgType,
		Long agentId,
		String event,
		String changeType,
		long tagId,
		@JsonDeserialize(using = CommaSeparated.Strings.class) List<String> addUserItems,
		@JsonDeserialize(using = CommaSeparated.Strings.class) List<String> delUserItems,
		@JsonDeserialize(using = CommaSeparated.Longs.class) List<Long> addPartyItems,
		@JsonDeserialize(using = CommaSeparated.Longs.class) List<Long> delPartyItems) implements ChangeContactEvent {
}
