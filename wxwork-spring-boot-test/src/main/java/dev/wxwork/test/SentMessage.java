package dev.wxwork.test;

import java.util.Arrays;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * A message the {@link WeComStandIn} accepted, as the application sent it.
 *
 * @param path the API path ({@code /cgi-bin/message/send} or {@code /cgi-bin/appchat/send})
 * @param agentId the {@code agentid} (null for a group chat message)
 * @param toUsers the members it reached ({@code touser} split at {@code |}, less unknown ones and the ones it was
 * dropped for)
 * @param toParties the {@code toparty} ids it reached
 * @param toTags the {@code totag} ids it reached
 * @param chatId the {@code chatid} of a group chat message, else null
 * @param msgType the {@code msgtype}
 * @param body the whole JSON request body
 * @param msgid the {@code msgid} the stand-in answered
 */
public record SentMessage(String path, Long agentId, List<String> toUsers, List<String> toParties, List<String> toTags,
		String chatId, String msgType, JsonNode body, String msgid) {

	static SentMessage of(String path, JsonNode body, String msgid) {
		return new SentMessage(path, body.has("agentid") ? body.path("agentid").asLong() : null,
				split(body.path("touser").asString("")), split(body.path("toparty").asString("")),
				split(body.path("totag").asString("")), body.has("chatid") ? body.path("chatid").asString() : null,
				body.path("msgtype").asString(""), body, msgid);
	}

	private static List<String> split(String receivers) {
		return receivers.isEmpty() ? List.of() : Arrays.stream(receivers.split("\\|")).filter((id) -> !id.isEmpty()).toList();
	}

	SentMessage withReceivers(List<String> users, List<String> parties, List<String> tags) {
		return new SentMessage(this.path, this.agentId, List.copyOf(users), List.copyOf(parties), List.copyOf(tags),
				this.chatId, this.msgType, this.body, this.msgid);
	}

	/** The content of a text, markdown or markdown_v2 message; fails for other types. */
	public String content() {
		JsonNode content = this.body.path(this.msgType).path("content");
		if (content.isMissingNode()) {
			throw new AssertionError("A " + this.msgType + " message has no content: " + this.body);
		}
		return content.asString();
	}

	/** Whether the application asked WeCom to drop repeats ({@code enable_duplicate_check: 1}). */
	public boolean duplicateCheck() {
		return this.body.path("enable_duplicate_check").asInt(0) == 1;
	}

	@Override
	public String toString() {
		return "SentMessage[" + this.msgType + " to " + ((this.chatId != null) ? "chat " + this.chatId : this.toUsers)
				+ " by agent " + this.agentId + ": " + this.body + "]";
	}

}
