package dev.wxwork.callback;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;

import dev.wxwork.callback.event.AddExternalContactEvent;
import dev.wxwork.callback.event.AddHalfExternalContactEvent;
import dev.wxwork.callback.event.AddScheduleEvent;
import dev.wxwork.callback.event.BatchJobResultEvent;
import dev.wxwork.callback.event.BookMeetingRoomEvent;
import dev.wxwork.callback.event.CancelMeetingRoomEvent;
import dev.wxwork.callback.event.CloseInactiveAgentEvent;
import dev.wxwork.callback.event.CreatePartyEvent;
import dev.wxwork.callback.event.CreateUserEvent;
import dev.wxwork.callback.event.DelExternalContactEvent;
import dev.wxwork.callback.event.DelFollowUserEvent;
import dev.wxwork.callback.event.DeleteCalendarEvent;
import dev.wxwork.callback.event.DeletePartyEvent;
import dev.wxwork.callback.event.DeleteScheduleEvent;
import dev.wxwork.callback.event.DeleteUserEvent;
import dev.wxwork.callback.event.EditExternalContactEvent;
import dev.wxwork.callback.event.EnterAgentEvent;
import dev.wxwork.callback.event.ExternalChatCreateEvent;
import dev.wxwork.callback.event.ExternalChatDismissEvent;
import dev.wxwork.callback.event.ExternalChatUpdateEvent;
import dev.wxwork.callback.event.ExternalTagCreateEvent;
import dev.wxwork.callback.event.ExternalTagDeleteEvent;
import dev.wxwork.callback.event.ExternalTagShuffleEvent;
import dev.wxwork.callback.event.ExternalTagUpdateEvent;
import dev.wxwork.callback.event.LocationEvent;
import dev.wxwork.callback.event.LocationSelectEvent;
import dev.wxwork.callback.event.MenuClickEvent;
import dev.wxwork.callback.event.MenuViewEvent;
import dev.wxwork.callback.event.ModifyCalendarEvent;
import dev.wxwork.callback.event.ModifyScheduleEvent;
import dev.wxwork.callback.event.OpenApprovalChangeEvent;
import dev.wxwork.callback.event.PicPhotoOrAlbumEvent;
import dev.wxwork.callback.event.PicSysphotoEvent;
import dev.wxwork.callback.event.PicWeixinEvent;
import dev.wxwork.callback.event.ReopenInactiveAgentEvent;
import dev.wxwork.callback.event.RespondScheduleEvent;
import dev.wxwork.callback.event.ScancodePushEvent;
import dev.wxwork.callback.event.ScancodeWaitmsgEvent;
import dev.wxwork.callback.event.ShareAgentChangeEvent;
import dev.wxwork.callback.event.ShareChainChangeEvent;
import dev.wxwork.callback.event.SubscribeEvent;
import dev.wxwork.callback.event.SysApprovalChangeEvent;
import dev.wxwork.callback.event.TaskCardClickEvent;
import dev.wxwork.callback.event.TemplateCardEvent;
import dev.wxwork.callback.event.TemplateCardMenuEvent;
import dev.wxwork.callback.event.TransferFailEvent;
import dev.wxwork.callback.event.UnsubscribeEvent;
import dev.wxwork.callback.event.UpdatePartyEvent;
import dev.wxwork.callback.event.UpdateTagEvent;
import dev.wxwork.callback.event.UpdateUserEvent;
import dev.wxwork.callback.message.ImageMessage;
import dev.wxwork.callback.message.LinkMessage;
import dev.wxwork.callback.message.LocationMessage;
import dev.wxwork.callback.message.TextMessage;
import dev.wxwork.callback.message.VideoMessage;
import dev.wxwork.callback.message.VoiceMessage;
import dev.wxwork.callback.message.WxWorkMessage;
import dev.wxwork.client.WxWorkJson;

/**
 * Every message and event type this library knows, with the MsgType / Event / ChangeType it stands
 * for, and the binding of a callback's element tree to its type.
 */
public final class CallbackTypes {

	private static final Map<CallbackKey, Class<? extends WxWorkMessage>> BY_KEY = new LinkedHashMap<>();

	private static final Map<Class<?>, CallbackKey> KEYS = new LinkedHashMap<>();

	// Element names are WeCom's PascalCase, sometimes with odd capitals (AgentID, UserID, approverstep):
	// UPPER_CAMEL_CASE plus case-insensitive matching maps them once; empty elements are absent values.
	private static final JsonMapper MAPPER = WxWorkJson.mapper()
		.rebuild()
		.propertyNamingStrategy(PropertyNamingStrategies.UPPER_CAMEL_CASE)
		.enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
		.enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
		.withCoercionConfigDefaults((config) -> config.setCoercion(CoercionInputShape.EmptyString, CoercionAction.AsNull))
		.build();

	static {
		message(TextMessage.class, "text");
		message(ImageMessage.class, "image");
		message(VoiceMessage.class, "voice");
		message(VideoMessage.class, "video");
		message(LocationMessage.class, "location");
		message(LinkMessage.class, "link");
		event(SubscribeEvent.class, "subscribe");
		event(UnsubscribeEvent.class, "unsubscribe");
		event(EnterAgentEvent.class, "enter_agent");
		event(LocationEvent.class, "LOCATION");
		event(BatchJobResultEvent.class, "batch_job_result");
		event(ShareAgentChangeEvent.class, "share_agent_change");
		event(ShareChainChangeEvent.class, "share_chain_change");
		event(CloseInactiveAgentEvent.class, "close_inactive_agent");
		event(ReopenInactiveAgentEvent.class, "reopen_inactive_agent");
		event(MenuClickEvent.class, "click");
		event(MenuViewEvent.class, "view");
		event(ScancodePushEvent.class, "scancode_push");
		event(ScancodeWaitmsgEvent.class, "scancode_waitmsg");
		event(PicSysphotoEvent.class, "pic_sysphoto");
		event(PicPhotoOrAlbumEvent.class, "pic_photo_or_album");
		event(PicWeixinEvent.class, "pic_weixin");
		event(LocationSelectEvent.class, "location_select");
		event(TaskCardClickEvent.class, "taskcard_click");
		event(TemplateCardEvent.class, "template_card_event");
		event(TemplateCardMenuEvent.class, "template_card_menu_event");
		change(CreateUserEvent.class, "change_contact", "create_user");
		change(UpdateUserEvent.class, "change_contact", "update_user");
		change(DeleteUserEvent.class, "change_contact", "delete_user");
		change(CreatePartyEvent.class, "change_contact", "create_party");
		change(UpdatePartyEvent.class, "change_contact", "update_party");
		change(DeletePartyEvent.class, "change_contact", "delete_party");
		change(UpdateTagEvent.class, "change_contact", "update_tag");
		change(AddExternalContactEvent.class, "change_external_contact", "add_external_contact");
		change(EditExternalContactEvent.class, "change_external_contact", "edit_external_contact");
		change(AddHalfExternalContactEvent.class, "change_external_contact", "add_half_external_contact");
		change(DelExternalContactEvent.class, "change_external_contact", "del_external_contact");
		change(DelFollowUserEvent.class, "change_external_contact", "del_follow_user");
		change(TransferFailEvent.class, "change_external_contact", "transfer_fail");
		change(ExternalChatCreateEvent.class, "change_external_chat", "create");
		change(ExternalChatUpdateEvent.class, "change_external_chat", "update");
		change(ExternalChatDismissEvent.class, "change_external_chat", "dismiss");
		change(ExternalTagCreateEvent.class, "change_external_tag", "create");
		change(ExternalTagUpdateEvent.class, "change_external_tag", "update");
		change(ExternalTagDeleteEvent.class, "change_external_tag", "delete");
		change(ExternalTagShuffleEvent.class, "change_external_tag", "shuffle");
		event(SysApprovalChangeEvent.class, "sys_approval_change");
		event(OpenApprovalChangeEvent.class, "open_approval_change");
		event(AddScheduleEvent.class, "add_schedule");
		event(ModifyScheduleEvent.class, "modify_schedule");
		event(DeleteScheduleEvent.class, "delete_schedule");
		event(RespondScheduleEvent.class, "respond_schedule");
		event(ModifyCalendarEvent.class, "modify_calendar");
		event(DeleteCalendarEvent.class, "delete_calendar");
		event(BookMeetingRoomEvent.class, "book_meeting_room");
		event(CancelMeetingRoomEvent.class, "cancel_meeting_room");
	}

	private CallbackTypes() {
	}

	private static void message(Class<? extends WxWorkMessage> type, String msgType) {
		register(type, CallbackKey.message(msgType));
	}

	private static void event(Class<? extends WxWorkMessage> type, String event) {
		register(type, CallbackKey.event(event));
	}

	private static void change(Class<? extends WxWorkMessage> type, String event, String changeType) {
		register(type, CallbackKey.change(event, changeType));
	}

	private static void register(Class<? extends WxWorkMessage> type, CallbackKey key) {
		BY_KEY.put(key, type);
		KEYS.put(type, key);
	}

	/** The type of a callback with this key, if this library knows it. */
	public static Optional<Class<? extends WxWorkMessage>> typeOf(CallbackKey key) {
		return Optional.ofNullable(BY_KEY.get(key));
	}

	/** The key a known message or event type stands for. */
	public static Optional<CallbackKey> keyOf(Class<?> type) {
		return Optional.ofNullable(KEYS.get(type));
	}

	/** Every known type, in the order of WeCom's documentation. */
	public static Map<CallbackKey, Class<? extends WxWorkMessage>> all() {
		return Collections.unmodifiableMap(BY_KEY);
	}

	/** The keys of every known type that a parameter of this type accepts. */
	static List<CallbackKey> keysAssignableTo(Class<?> parameterType) {
		List<CallbackKey> keys = new ArrayList<>();
		BY_KEY.forEach((key, type) -> {
			if (parameterType.isAssignableFrom(type)) {
				keys.add(key);
			}
		});
		return keys;
	}

	static <T> T bind(JsonNode tree, Class<T> type) {
		return MAPPER.treeToValue(tree, type);
	}

	static Map<String, Object> toMap(JsonNode tree) {
		@SuppressWarnings("unchecked")
		Map<String, Object> map = MAPPER.convertValue(tree, Map.class);
		return map;
	}

}
