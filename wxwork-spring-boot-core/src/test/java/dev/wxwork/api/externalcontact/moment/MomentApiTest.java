package dev.wxwork.api.externalcontact.moment;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.wxwork.api.externalcontact.Attachment;
import dev.wxwork.api.externalcontact.CustomerContactFixture;
import dev.wxwork.test.WeComStandIn.Answer;

import static dev.wxwork.api.externalcontact.CustomerContactFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

class MomentApiTest {

	private final CustomerContactFixture fixture = new CustomerContactFixture();

	private final MomentApi moments = this.fixture.agent().moments();

	@AfterEach
	void close() {
		this.fixture.close();
	}

	@Test
	void listsPostsWithTheirTextImagesVideoLinkAndLocation() {
		this.fixture.respond("get_moment_list", """
				"next_cursor":"CURSOR","moment_list":[{"moment_id":"momxxx","creator":"xxxx","create_time":1605171726,
				"create_type":1,"visible_type":1,"text":{"content":"test"},
				"image":[{"media_id":"WWCISP_xxxxxxxx1"},{"media_id":"WWCISP_xxxxxxxx2"}],
				"video":{"media_id":"WWCISP_xxxxxxxx","thumb_media_id":"WWCISP_xxxxxxxx"},
				"link":{"title":"腾讯网-QQ.COM","url":"https://www.qq.com"},
				"location":{"latitude":"23.10647","longitude":"113.32446","name":"广州市 · 广州塔"}}]""");
		MomentApi.MomentPage page = this.moments
			.list(new MomentApi.ListQuery(1605000000L, 1605172726L, "zhangsan", 1, "CURSOR", 10));
		assertThat(this.fixture.sentBody("get_moment_list")).isEqualTo(json("""
				{"start_time":1605000000,"end_time":1605172726,"creator":"zhangsan","filter_type":1,
				 "cursor":"CURSOR","limit":10}"""));
		Moment moment = page.items().get(0);
		assertThat(moment.momentId()).isEqualTo("momxxx");
		assertThat(moment.createTime()).isEqualTo(1605171726L);
		assertThat(moment.visibleType()).isEqualTo(1);
		assertThat(moment.text().content()).isEqualTo("test");
		assertThat(moment.image()).extracting(Attachment.Image::mediaId).containsExactly("WWCISP_xxxxxxxx1",
				"WWCISP_xxxxxxxx2");
		assertThat(moment.video().thumbMediaId()).isEqualTo("WWCISP_xxxxxxxx");
		assertThat(moment.link().url()).isEqualTo("https://www.qq.com");
		assertThat(moment.location().name()).isEqualTo("广州市 · 广州塔");
		assertThat(moment.location().latitude()).isEqualTo("23.10647");
		assertThat(page.nextCursor()).isEqualTo("CURSOR");
	}

	@Test
	void walksEveryPostInATimeRange() {
		this.fixture.wecom().route("/cgi-bin/externalcontact/get_moment_list",
				(request) -> Answer.json(request.bodyText().contains("\"cursor\"")
						? "{\"errcode\":0,\"next_cursor\":\"\",\"moment_list\":[{\"moment_id\":\"m3\"}]}"
						: "{\"errcode\":0,\"next_cursor\":\"N2\",\"moment_list\":[{\"moment_id\":\"m1\"},{\"moment_id\":\"m2\"}]}"));
		assertThat(this.moments.listAll(1605000000L, 1605172726L)).extracting(Moment::momentId)
			.containsExactly("m1", "m2", "m3");
		assertThat(this.fixture.sentBodies("get_moment_list")).containsExactly(
				json("{\"start_time\":1605000000,\"end_time\":1605172726,\"limit\":20}"),
				json("{\"start_time\":1605000000,\"end_time\":1605172726,\"cursor\":\"N2\",\"limit\":20}"));
	}

	@Test
	void readsTheTasksOfACorpPost() {
		this.fixture.respond("get_moment_task", """
				"next_cursor":"CURSOR","task_list":[{"userid":"zhangshan","publish_status":1},{"userid":"lisi","publish_status":0}]""");
		MomentApi.TaskPage page = this.moments.task(new MomentApi.MomentQuery("momxxx", null, "CURSOR", 1000));
		assertThat(this.fixture.sentBody("get_moment_task"))
			.isEqualTo(json("{\"moment_id\":\"momxxx\",\"cursor\":\"CURSOR\",\"limit\":1000}"));
		assertThat(page.items()).extracting(MomentApi.Task::publishStatus).containsExactly(1, 0);
		assertThat(page.items().get(1).userid()).isEqualTo("lisi");
	}

	@Test
	void walksTheCustomersAMemberChoseForAPost() {
		this.fixture.wecom().route("/cgi-bin/externalcontact/get_moment_customer_list",
				(request) -> Answer.json(request.bodyText().contains("\"cursor\"")
						? "{\"errcode\":0,\"customer_list\":[{\"userid\":\"zhangshan\",\"external_userid\":\"w2\"}]}"
						: "{\"errcode\":0,\"next_cursor\":\"N\",\"customer_list\":[{\"userid\":\"zhangshan\",\"external_userid\":\"woAJ2GCAAAd4uL12hdfsdasfdAAAA\"}]}"));
		assertThat(this.moments.customersAll("momxxx", "zhangshan")).extracting(MomentApi.Reach::externalUserid)
			.containsExactly("woAJ2GCAAAd4uL12hdfsdasfdAAAA", "w2");
		assertThat(this.fixture.sentBodies("get_moment_customer_list")).containsExactly(
				json("{\"moment_id\":\"momxxx\",\"userid\":\"zhangshan\",\"limit\":1000}"),
				json("{\"moment_id\":\"momxxx\",\"userid\":\"zhangshan\",\"cursor\":\"N\",\"limit\":1000}"));
	}

	@Test
	void readsWhoCanSeeAPublishedPost() {
		this.fixture.respond("get_moment_send_result", """
				"next_cursor":"CURSOR","customer_list":[{"external_userid":"woAJ2GCAAAd4uL12hdfsdasfdAAAA"}]""");
		MomentApi.CustomerPage page = this.moments
			.sendResult(new MomentApi.MomentQuery("momxxx", "xxx", "CURSOR", 100));
		assertThat(this.fixture.sentBody("get_moment_send_result")).isEqualTo(json("""
				{"moment_id":"momxxx","userid":"xxx","cursor":"CURSOR","limit":100}"""));
		assertThat(page.items()).singleElement()
			.satisfies((reach) -> assertThat(reach.externalUserid()).isEqualTo("woAJ2GCAAAd4uL12hdfsdasfdAAAA"));
		assertThat(page.nextCursor()).isEqualTo("CURSOR");
	}

	@Test
	void readsCommentsAndLikesByCustomersAndMembers() {
		this.fixture.respond("get_moment_comments", """
				"comment_list":[{"external_userid":"woAJ2GCAAAd4uL12hdfsdasfdAAAA","create_time":1605172726},
				{"userid":"zhangshan","create_time":1605172729}],
				"like_list":[{"external_userid":"woAJ2GCAAAd4uL12hdfsdasfdAAAA","create_time":1605172726},
				{"userid":"zhangshan","create_time":1605172720}]""");
		MomentApi.Interactions interactions = this.moments.comments("momxxx", "xxx");
		assertThat(this.fixture.sentBody("get_moment_comments"))
			.isEqualTo(json("{\"moment_id\":\"momxxx\",\"userid\":\"xxx\"}"));
		assertThat(interactions.commentList().get(0).externalUserid()).isEqualTo("woAJ2GCAAAd4uL12hdfsdasfdAAAA");
		assertThat(interactions.commentList().get(1).userid()).isEqualTo("zhangshan");
		assertThat(interactions.likeList()).extracting(MomentApi.Interaction::createTime).containsExactly(1605172726L,
				1605172720L);
	}

}
