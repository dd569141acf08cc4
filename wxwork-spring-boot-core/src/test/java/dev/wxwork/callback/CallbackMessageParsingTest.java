package dev.wxwork.callback;

import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import dev.wxwork.callback.event.AddExternalContactEvent;
import dev.wxwork.callback.event.AddScheduleEvent;
import dev.wxwork.callback.event.BatchJobResultEvent;
import dev.wxwork.callback.event.BookMeetingRoomEvent;
import dev.wxwork.callback.event.ChangeContactEvent;
import dev.wxwork.callback.event.CreatePartyEvent;
import dev.wxwork.callback.event.CreateUserEvent;
import dev.wxwork.callback.event.DeleteCalendarEvent;
import dev.wxwork.callback.event.ExternalChatUpdateEvent;
import dev.wxwork.callback.event.ExternalTagShuffleEvent;
import dev.wxwork.callback.event.LocationEvent;
import dev.wxwork.callback.event.LocationSelectEvent;
import dev.wxwork.callback.event.MenuClickEvent;
import dev.wxwork.callback.event.OpenApprovalChangeEvent;
import dev.wxwork.callback.event.PicWeixinEvent;
import dev.wxwork.callback.event.ScancodeWaitmsgEvent;
import dev.wxwork.callback.event.SysApprovalChangeEvent;
import dev.wxwork.callback.event.TaskCardClickEvent;
import dev.wxwork.callback.event.TemplateCardEvent;
import dev.wxwork.callback.event.TransferFailEvent;
import dev.wxwork.callback.event.UpdateTagEvent;
import dev.wxwork.callback.event.UpdateUserEvent;
import dev.wxwork.callback.event.WxWorkEvent;
import dev.wxwork.callback.message.ImageMessage;
import dev.wxwork.callback.message.LinkMessage;
import dev.wxwork.callback.message.LocationMessage;
import dev.wxwork.callback.message.TextMessage;
import dev.wxwork.callback.message.VideoMessage;
import dev.wxwork.callback.message.VoiceMessage;
import dev.wxwork.callback.message.WxWorkMessage;

import static org.assertj.core.api.Assertions.assertThat;

/** Every family of messages and events binds to its type, nested elements included (XML as in WeCom's docs). */
class CallbackMessageParsingTest {

	private static final String COMMON = "<ToUserName><![CDATA[ww1]]></ToUserName><FromUserName><![CDATA[zhangsan]]></FromUserName>"
			+ "<CreateTime>1409659813</CreateTime><AgentID>1000002</AgentID>";

	private static String message(String msgType, String elements) {
		return "<xml>" + COMMON + "<MsgType><![CDATA[" + msgType + "]]></MsgType>" + elements + "</xml>";
	}

	private static String event(String event, String elements) {
		return message("event", "<Event><![CDATA[" + event + "]]></Event>" + elements);
	}

	private static <T> void parsesAs(String xml, Class<T> type, Consumer<T> check) {
		CallbackMessage message = CallbackMessage.parse(xml);
		assertThat(message.typed()).get().isInstanceOfSatisfying(type, (typed) -> {
			WxWorkMessage common = (WxWorkMessage) typed;
			assertThat(common.fromUserName()).isEqualTo("zhangsan");
			assertThat(common.createTime()).isEqualTo(1409659813L);
			assertThat(common.agentId()).isEqualTo(1000002L);
			check.accept(typed);
		});
	}

	@Test
	void readsEveryMessageType() {
		parsesAs(message("text", "<Content><![CDATA[hello]]></Content><MsgId>4561255354251345929</MsgId>"), TextMessage.class,
				(text) -> assertThat(text.msgId()).isEqualTo("4561255354251345929"));
		parsesAs(message("image", "<PicUrl><![CDATA[https://p/1.jpg]]></PicUrl><MediaId><![CDATA[m1]]></MediaId><MsgId>1</MsgId>"),
				ImageMessage.class, (image) -> assertThat(image.picUrl()).isEqualTo("https://p/1.jpg"));
		parsesAs(message("voice", "<MediaId><![CDATA[m2]]></MediaId><Format><![CDATA[amr]]></Format><MsgId>2</MsgId>"),
				VoiceMessage.class, (voice) -> assertThat(voice.format()).isEqualTo("amr"));
		parsesAs(message("video", "<MediaId><![CDATA[m3]]></MediaId><ThumbMediaId><![CDATA[t3]]></ThumbMediaId><MsgId>3</MsgId>"),
				VideoMessage.class, (video) -> assertThat(video.thumbMediaId()).isEqualTo("t3"));
		parsesAs(message("location", "<Location_X>23.134</Location_X><Location_Y>113.358</Location_Y><Scale>20</Scale>"
				+ "<Label><![CDATA[广州市海珠区]]></Label><MsgId>4</MsgId><AppType><![CDATA[wxwork]]></AppType>"), LocationMessage.class,
				(location) -> {
					assertThat(location.locationX()).isEqualTo(23.134);
					assertThat(location.locationY()).isEqualTo(113.358);
					assertThat(location.scale()).isEqualTo(20);
					assertThat(location.label()).isEqualTo("广州市海珠区");
				});
		parsesAs(message("link", "<Title><![CDATA[t]]></Title><Description><![CDATA[d]]></Description><Url><![CDATA[https://u]]></Url>"
				+ "<PicUrl><![CDATA[https://p]]></PicUrl><MsgId>5</MsgId>"), LinkMessage.class,
				(link) -> assertThat(link.url()).isEqualTo("https://u"));
	}

	@Test
	void readsAppEvents() {
		parsesAs(event("LOCATION", "<Latitude>23.104</Latitude><Longitude>113.320</Longitude><Precision>65.000</Precision>"),
				LocationEvent.class, (location) -> assertThat(location.precision()).isEqualTo(65.0));
		// a missing coordinate is unknown, not 0.0 (a real place in the Gulf of Guinea)
		parsesAs(event("LOCATION", "<Precision>65.000</Precision>"), LocationEvent.class, (location) -> {
			assertThat(location.latitude()).isNull();
			assertThat(location.longitude()).isNull();
		});
		parsesAs(message("location", "<Label><![CDATA[somewhere]]></Label><MsgId>40</MsgId>"), LocationMessage.class,
				(location) -> {
					assertThat(location.locationX()).isNull();
					assertThat(location.locationY()).isNull();
				});
		parsesAs(event("batch_job_result", "<BatchJob><JobId><![CDATA[S0MrnndvRG5fadSlLwiBqiDDbM143UqTmKP3152FZk4]]></JobId>"
				+ "<JobType><![CDATA[sync_user]]></JobType><ErrCode>0</ErrCode><ErrMsg><![CDATA[ok]]></ErrMsg></BatchJob>"),
				BatchJobResultEvent.class, (job) -> {
					assertThat(job.batchJob().jobType()).isEqualTo("sync_user");
					assertThat(job.batchJob().errCode()).isZero();
					assertThat(job.event()).isEqualTo("batch_job_result");
				});
	}

	@Test
	void readsMenuEvents() {
		parsesAs(event("click", "<EventKey><![CDATA[#sendmsg#_0_0#7599826]]></EventKey>"), MenuClickEvent.class,
				(click) -> assertThat(click.eventKey()).isEqualTo("#sendmsg#_0_0#7599826"));
		parsesAs(event("scancode_waitmsg", "<EventKey><![CDATA[6]]></EventKey><ScanCodeInfo><ScanType><![CDATA[qrcode]]></ScanType>"
				+ "<ScanResult><![CDATA[2]]></ScanResult></ScanCodeInfo>"), ScancodeWaitmsgEvent.class,
				(scan) -> assertThat(scan.scanCodeInfo().scanType()).isEqualTo("qrcode"));
		parsesAs(event("pic_weixin", "<EventKey><![CDATA[6]]></EventKey><SendPicsInfo><Count>2</Count><PicList>"
				+ "<item><PicMd5Sum><![CDATA[1b5f7c23b5bf75682a53e7b6d163e185]]></PicMd5Sum></item>"
				+ "<item><PicMd5Sum><![CDATA[2c5f7c23b5bf75682a53e7b6d163e186]]></PicMd5Sum></item></PicList></SendPicsInfo>"),
				PicWeixinEvent.class, (pics) -> {
					assertThat(pics.sendPicsInfo().count()).isEqualTo(2);
					assertThat(pics.sendPicsInfo().picList()).extracting((picture) -> picture.picMd5Sum())
						.containsExactly("1b5f7c23b5bf75682a53e7b6d163e185", "2c5f7c23b5bf75682a53e7b6d163e186");
				});
		parsesAs(event("location_select", "<EventKey><![CDATA[6]]></EventKey><SendLocationInfo><Location_X><![CDATA[23]]></Location_X>"
				+ "<Location_Y><![CDATA[113]]></Location_Y><Scale><![CDATA[15]]></Scale><Label><![CDATA[ 广州市海珠区客村]]></Label>"
				+ "<Poiname><![CDATA[艺苑路]]></Poiname></SendLocationInfo>"), LocationSelectEvent.class, (location) -> {
					assertThat(location.sendLocationInfo().locationX()).isEqualTo(23.0);
					assertThat(location.sendLocationInfo().poiname()).isEqualTo("艺苑路");
				});
	}

	@Test
	void readsCardEventsWithTheirSelections() {
		parsesAs(event("taskcard_click", "<EventKey><![CDATA[key111]]></EventKey><TaskId><![CDATA[taskid111]]></TaskId>"),
				TaskCardClickEvent.class, (click) -> assertThat(click.taskId()).isEqualTo("taskid111"));
		parsesAs(event("template_card_event", "<EventKey><![CDATA[key111]]></EventKey><TaskId><![CDATA[taskid111]]></TaskId>"
				+ "<CardType><![CDATA[vote_interaction]]></CardType><ResponseCode><![CDATA[ResponseCode]]></ResponseCode>"
				+ "<SelectedItems><SelectedItem><QuestionKey><![CDATA[QuestionKey1]]></QuestionKey><OptionIds>"
				+ "<OptionId><![CDATA[OptionId1]]></OptionId><OptionId><![CDATA[OptionId2]]></OptionId></OptionIds></SelectedItem>"
				+ "<SelectedItem><QuestionKey><![CDATA[QuestionKey2]]></QuestionKey><OptionIds><OptionId><![CDATA[OptionId3]]></OptionId>"
				+ "</OptionIds></SelectedItem></SelectedItems>"), TemplateCardEvent.class, (card) -> {
					assertThat(card.responseCode()).isEqualTo("ResponseCode");
					assertThat(card.selectedItems()).hasSize(2);
					assertThat(card.selectedItems().get(0).optionIds()).containsExactly("OptionId1", "OptionId2");
					assertThat(card.selectedItems().get(1).questionKey()).isEqualTo("QuestionKey2");
					assertThat(card.selectedItems().get(1).optionIds()).containsExactly("OptionId3");
				});
	}

	@Test
	void readsContactChanges() {
		String change = "<ChangeType><![CDATA[update_user]]></ChangeType><UserID><![CDATA[zhangsan]]></UserID>"
				+ "<NewUserID><![CDATA[zhangsan001]]></NewUserID><Name><![CDATA[张三]]></Name><Department><![CDATA[1,2,3]]></Department>"
				+ "<MainDepartment>1</MainDepartment><IsLeaderInDept><![CDATA[1,0,0]]></IsLeaderInDept><Position><![CDATA[产品经理]]></Position>"
				+ "<Mobile>13800000000</Mobile><Gender>1</Gender><Email><![CDATA[zhangsan@gzdev.com]]></Email><Status>1</Status>"
				+ "<Avatar><![CDATA[http://wx.qlogo.cn/mmopen/ajNVdqHZLLA3WJ6DSZUfiakYe37PKnQhBIeOQBO4czqrnZDS79FH5Wm5m4X69TBicnHFlhiafvDwklOpZeXYQQ2icg/0]]></Avatar>"
				+ "<Alias><![CDATA[zhangsan]]></Alias><Telephone><![CDATA[020-123456]]></Telephone><Address><![CDATA[广州市]]></Address>"
				+ "<ExtAttr><Item><Name><![CDATA[爱好]]></Name><Type>0</Type><Text><Value><![CDATA[旅游]]></Value></Text></Item>"
				+ "<Item><Name><![CDATA[卡号]]></Name><Type>1</Type><Web><Title><![CDATA[企业微信]]></Title><Url><![CDATA[https://work.weixin.qq.com]]></Url></Web></Item></ExtAttr>";
		parsesAs(event("change_contact", change), UpdateUserEvent.class, (user) -> {
			assertThat(user.newUserId()).isEqualTo("zhangsan001");
			assertThat(user.department()).containsExactly(1L, 2L, 3L);
			assertThat(user.isLeaderInDept()).containsExactly(1, 0, 0);
			assertThat(user.mainDepartment()).isEqualTo(1L);
			assertThat(user.extAttr()).hasSize(2);
			assertThat(user.extAttr().get(0).text().value()).isEqualTo("旅游");
			assertThat(user.extAttr().get(1).web().url()).isEqualTo("https://work.weixin.qq.com");
			assertThat(user).isInstanceOf(ChangeContactEvent.class);
		});
		parsesAs(event("change_contact", "<ChangeType>create_party</ChangeType><Id>2</Id><Name><![CDATA[张三]]></Name>"
				+ "<ParentId><![CDATA[1]]></ParentId><Order>1</Order>"), CreatePartyEvent.class, (party) -> {
					assertThat(party.id()).isEqualTo(2L);
					assertThat(party.parentId()).isEqualTo(1L);
				});
		parsesAs(event("change_contact", "<ChangeType><![CDATA[update_tag]]></ChangeType><TagId>1</TagId>"
				+ "<AddUserItems><![CDATA[zhangsan,lisi]]></AddUserItems><DelUserItems><![CDATA[zhangsan1,lisi1]]></DelUserItems>"
				+ "<AddPartyItems><![CDATA[1,2]]></AddPartyItems><DelPartyItems><![CDATA[3,4]]></DelPartyItems>"), UpdateTagEvent.class,
				(tag) -> {
					assertThat(tag.addUserItems()).containsExactly("zhangsan", "lisi");
					assertThat(tag.delPartyItems()).containsExactly(3L, 4L);
				});
		parsesAs(event("change_contact", "<ChangeType>create_user</ChangeType><UserID>u</UserID><Department></Department>"),
				CreateUserEvent.class, (user) -> assertThat(user.department()).isEmpty());
	}

	@Test
	void readsCustomerContactChanges() {
		parsesAs(event("change_external_contact", "<ChangeType><![CDATA[add_external_contact]]></ChangeType><UserID><![CDATA[zhangsan]]></UserID>"
				+ "<ExternalUserID><![CDATA[woAJ2GCAAAXtWyujaWJHDDGi0mACAAA]]></ExternalUserID><State><![CDATA[teststate]]></State>"
				+ "<WelcomeCode><![CDATA[WELCOMECODE]]></WelcomeCode>"), AddExternalContactEvent.class, (added) -> {
					assertThat(added.externalUserId()).isEqualTo("woAJ2GCAAAXtWyujaWJHDDGi0mACAAA");
					assertThat(added.welcomeCode()).isEqualTo("WELCOMECODE");
				});
		parsesAs(event("change_external_contact", "<ChangeType>transfer_fail</ChangeType><FailReason><![CDATA[customer_refused]]></FailReason>"
				+ "<UserID>u</UserID><ExternalUserID>e</ExternalUserID>"), TransferFailEvent.class,
				(failed) -> assertThat(failed.failReason()).isEqualTo("customer_refused"));
		parsesAs(event("change_external_chat", "<ChatId><![CDATA[CHAT_ID]]></ChatId><ChangeType><![CDATA[update]]></ChangeType>"
				+ "<UpdateDetail><![CDATA[add_member]]></UpdateDetail><JoinScene>1</JoinScene><QuitScene>0</QuitScene><MemChangeCnt>2</MemChangeCnt>"
				+ "<MemChangeList><Item>Jack</Item><Item>Rose</Item></MemChangeList><LastMemVer>9c3f97c2ada667dfb5f6d03308d963e1</LastMemVer>"
				+ "<CurMemVer>71217227bbd112ecfe3a49c482195cb4</CurMemVer>"), ExternalChatUpdateEvent.class, (chat) -> {
					assertThat(chat.updateDetail()).isEqualTo("add_member");
					assertThat(chat.memChangeCnt()).isEqualTo(2);
					assertThat(chat.memChangeList()).containsExactly("Jack", "Rose");
				});
		parsesAs(event("change_external_tag", "<Id><![CDATA[TAG_GROUP_ID]]></Id><ChangeType><![CDATA[shuffle]]></ChangeType>"
				+ "<StrategyId>1</StrategyId>"), ExternalTagShuffleEvent.class, (shuffle) -> assertThat(shuffle.strategyId()).isEqualTo(1L));
	}

	@Test
	void readsApprovalsWithTheirStepsNotifieesAndComments() {
		parsesAs(event("sys_approval_change", """
				<ApprovalInfo><SpNo>202011190011</SpNo><SpName><![CDATA[请假]]></SpName><SpStatus>1</SpStatus>
				<TemplateId><![CDATA[3TmALk1ogfgKiQE3e3jRwnTUhMTh8vca1N8zUVNU]]></TemplateId><ApplyTime>1605743282</ApplyTime>
				<Applyer><UserId><![CDATA[WangXiaoMing]]></UserId><Party><![CDATA[1]]></Party></Applyer>
				<SpRecord><SpStatus>1</SpStatus><ApproverAttr>1</ApproverAttr>
				<Details><Approver><UserId><![CDATA[LiSi]]></UserId></Approver><Speech><![CDATA[]]></Speech><SpStatus>1</SpStatus><SpTime>0</SpTime></Details>
				<Details><Approver><UserId><![CDATA[ZhaoWu]]></UserId></Approver><Speech><![CDATA[同意]]></Speech><SpStatus>2</SpStatus><SpTime>1605743300</SpTime></Details>
				</SpRecord>
				<SpRecord><SpStatus>1</SpStatus><ApproverAttr>2</ApproverAttr>
				<Details><Approver><UserId><![CDATA[Boss]]></UserId></Approver><SpStatus>1</SpStatus><SpTime>0</SpTime></Details></SpRecord>
				<Notifyer><UserId><![CDATA[ChenLiu]]></UserId></Notifyer>
				<Comments><CommentUserInfo><UserId><![CDATA[LiSi]]></UserId></CommentUserInfo><CommentTime>1605743290</CommentTime>
				<CommentContent><![CDATA[请补充]]></CommentContent><CommentId><![CDATA[6750538708562308082]]></CommentId>
				<Attach><![CDATA[WWCISP_attach_1]]></Attach><Attach><![CDATA[WWCISP_attach_2]]></Attach></Comments>
				<StatuChangeEvent>1</StatuChangeEvent></ApprovalInfo>"""), SysApprovalChangeEvent.class, (approval) -> {
					var info = approval.approvalInfo();
					assertThat(info.spNo()).isEqualTo("202011190011");
					assertThat(info.applyer().userId()).isEqualTo("WangXiaoMing");
					assertThat(info.spRecord()).hasSize(2);
					assertThat(info.spRecord().get(0).details()).extracting((detail) -> detail.approver().userId())
						.containsExactly("LiSi", "ZhaoWu");
					assertThat(info.spRecord().get(1).details()).singleElement()
						.satisfies((detail) -> assertThat(detail.approver().userId()).isEqualTo("Boss"));
					assertThat(info.notifyer()).singleElement().satisfies((user) -> assertThat(user.userId()).isEqualTo("ChenLiu"));
					assertThat(info.comments()).singleElement()
						.satisfies((comment) -> {
							assertThat(comment.commentContent()).isEqualTo("请补充");
							assertThat(comment.attach()).containsExactly("WWCISP_attach_1", "WWCISP_attach_2");
						});
					assertThat(info.statuChangeEvent()).isEqualTo(1);
				});
		parsesAs(event("open_approval_change", """
				<ApprovalInfo><ThirdNo><![CDATA[201806010001]]></ThirdNo><OpenSpName><![CDATA[付款]]></OpenSpName>
				<OpenTemplateId><![CDATA[1234567890]]></OpenTemplateId><OpenSpStatus>1</OpenSpStatus><ApplyTime>1527837645</ApplyTime>
				<ApplyUserName><![CDATA[jackiejjwu]]></ApplyUserName><ApplyUserId><![CDATA[1]]></ApplyUserId>
				<ApplyUserParty><![CDATA[产品部]]></ApplyUserParty><ApplyUserImage><![CDATA[http://www.qq.com/xxx.png]]></ApplyUserImage>
				<ApprovalNodes><ApprovalNode><NodeStatus>1</NodeStatus><NodeAttr>1</NodeAttr><NodeType>1</NodeType>
				<Items><Item><ItemName><![CDATA[chauvetxiao]]></ItemName><ItemUserId><![CDATA[2]]></ItemUserId>
				<ItemParty><![CDATA[产品部]]></ItemParty><ItemImage><![CDATA[http://www.qq.com/xxx.png]]></ItemImage><ItemStatus>1</ItemStatus><ItemSpeech><![CDATA[]]></ItemSpeech>
				<ItemOpTime>0</ItemOpTime></Item></Items></ApprovalNode></ApprovalNodes>
				<NotifyNodes><NotifyNode><ItemName><![CDATA[jinhuiguo]]></ItemName><ItemParty><![CDATA[行政部]]></ItemParty><ItemUserId><![CDATA[3]]></ItemUserId>
				<ItemImage><![CDATA[http://www.qq.com/xxx.png]]></ItemImage></NotifyNode></NotifyNodes><approverstep>0</approverstep>
				</ApprovalInfo>"""), OpenApprovalChangeEvent.class, (approval) -> {
					var info = approval.approvalInfo();
					assertThat(info.thirdNo()).isEqualTo("201806010001");
					assertThat(info.approvalNodes()).singleElement().satisfies((node) -> assertThat(node.items())
						.singleElement()
						.satisfies((item) -> {
							assertThat(item.itemName()).isEqualTo("chauvetxiao");
							assertThat(item.itemParty()).isEqualTo("产品部");
						}));
					assertThat(info.notifyNodes()).singleElement()
						.satisfies((node) -> {
							assertThat(node.itemUserId()).isEqualTo("3");
							assertThat(node.itemParty()).isEqualTo("行政部");
						});
					assertThat(info.approverStep()).isZero();
				});
	}

	@Test
	void readsCalendarAndMeetingRoomEvents() {
		parsesAs(event("add_schedule", "<CalId><![CDATA[wcjgewCwAAqeJcPI1d8Pwbjt7nttzAAA]]></CalId>"
				+ "<ScheduleId><![CDATA[17c7d2bd9f20d652840f72f59e796AAA]]></ScheduleId>"), AddScheduleEvent.class,
				(schedule) -> assertThat(schedule.scheduleId()).isEqualTo("17c7d2bd9f20d652840f72f59e796AAA"));
		parsesAs(event("delete_calendar", "<CalId><![CDATA[c1]]></CalId>"), DeleteCalendarEvent.class,
				(calendar) -> assertThat(calendar.calId()).isEqualTo("c1"));
		parsesAs(event("book_meeting_room", "<MeetingRoomId>1</MeetingRoomId><MeetingId><![CDATA[mt42b34949gsaseb6e027c123cbafAAA]]></MeetingId>"),
				BookMeetingRoomEvent.class, (booking) -> assertThat(booking.meetingRoomId()).isEqualTo("1"));
	}

	@Test
	void bindsEveryKnownTypeFromItsKeyAlone() {
		CallbackTypes.all().forEach((key, type) -> {
			String xml = (key.event() == null) ? message(key.msgType(), "<MsgId>1</MsgId>")
					: event(key.event(), (key.changeType() != null) ? "<ChangeType>" + key.changeType() + "</ChangeType>" : "");
			CallbackMessage message = CallbackMessage.parse(xml);
			assertThat(message.key()).isEqualTo(key);
			assertThat(message.typed()).as(key.toString()).get().isInstanceOf(type);
			if (key.event() != null) {
				assertThat(((WxWorkEvent) message.typed().get()).event()).isEqualTo(key.event());
			}
		});
		assertThat(CallbackTypes.all()).hasSize(56);
	}

	@Test
	void twoDifferentEventsInOneSecondAreTwoCallbacksButARetryIsTheSame() {
		String mobile = event("change_contact", "<ChangeType>update_user</ChangeType><UserID>lisi</UserID><Mobile>1</Mobile>");
		String position = event("change_contact",
				"<ChangeType>update_user</ChangeType><UserID>lisi</UserID><Position>boss</Position>");
		assertThat(CallbackMessage.parse(mobile).identity()).isNotEqualTo(CallbackMessage.parse(position).identity());
		assertThat(CallbackMessage.parse(mobile).identity()).isEqualTo(CallbackMessage.parse(mobile).identity());
		assertThat(CallbackMessage.parse(mobile).identity()).doesNotContain("Mobile").doesNotContain("boss");
	}

	@Test
	void identifiesMessagesByMsgIdAndEventsBySenderTimeAndIds() {
		assertThat(CallbackMessage.parse(message("text", "<Content>hi</Content><MsgId>42</MsgId>")).identity()).isEqualTo("MsgId=42");
		assertThat(CallbackMessage.parse(event("click", "<EventKey>menu_1</EventKey>")).identity())
			.matches("FromUserName=zhangsan,CreateTime=1409659813,Event=click,EventKey=menu_1,Digest=[0-9a-f]{16}");
		assertThat(CallbackMessage.parse(event("batch_job_result", "<BatchJob><JobId>j1</JobId></BatchJob>")).identity())
			.contains("Event=batch_job_result,JobId=j1,Digest=");
		assertThat(CallbackMessage.parse(event("change_contact", "<ChangeType>delete_user</ChangeType><UserID>lisi</UserID>")).identity())
			.contains("Event=change_contact,ChangeType=delete_user,UserID=lisi,Digest=");
		assertThat(CallbackMessage.parse(message("text", "<Content>secret content</Content><MsgId>42</MsgId>")).toString())
			.doesNotContain("secret content");
	}

	@Test
	void aKnownTypeWhoseFieldsDoNotBindStaysReadableAndTheProblemNamesNoContent() {
		CallbackMessage message = CallbackMessage.parse(message("location", "<Location_X>north-secret</Location_X><MsgId>9</MsgId>"));
		assertThat(message.typed()).isEmpty();
		assertThat(message.get("Location_X")).isEqualTo("north-secret");
		assertThat(message.bindingProblem()).contains("LocationMessage", "Location_X").doesNotContain("north-secret");
	}

	@Test
	void leavesUnknownTypesUntypedButReadable() {
		CallbackMessage message = CallbackMessage.parse(event("brand_new_event", "<Thing><Part>1</Part><Part>2</Part></Thing>"));
		assertThat(message.typed()).isEmpty();
		assertThat(message.event()).isEqualTo("brand_new_event");
		assertThat(message.tree().get("Thing").get("Part").get(1).stringValue()).isEqualTo("2");
		assertThat(message.xml()).contains("brand_new_event");
	}

}
