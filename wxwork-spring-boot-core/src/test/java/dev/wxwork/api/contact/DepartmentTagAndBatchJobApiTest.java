package dev.wxwork.api.contact;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.wxwork.testing.StandInAgent;
import dev.wxwork.agent.WxWorkAgent;
import dev.wxwork.api.contact.BatchJobApi.BatchJob;
import dev.wxwork.api.contact.BatchJobApi.BatchJobResult;
import dev.wxwork.api.contact.BatchJobApi.Callback;
import dev.wxwork.api.contact.DepartmentApi.DepartmentId;
import dev.wxwork.api.contact.TagApi.TagMembers;
import dev.wxwork.api.contact.TagApi.TagMembersChange;
import dev.wxwork.api.contact.TagApi.TagMembersChangeResult;
import dev.wxwork.client.WxWorkApiException;
import dev.wxwork.test.WeComStandIn;

import static dev.wxwork.testing.StandInAgent.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class DepartmentTagAndBatchJobApiTest {

	private static final String OK = "{\"errcode\":0,\"errmsg\":\"ok\"}";

	private final WeComStandIn wecom = new WeComStandIn("corp1").secret("s3cr3t");

	private final WxWorkAgent agent = agent();

	@AfterEach
	void close() {
		this.wecom.close();
	}

	private WxWorkAgent agent() {
		return StandInAgent.of(this.wecom, null);
	}

	private WeComStandIn.RecordedRequest last(String path) {
		return this.wecom.lastRequest(path);
	}

	private JsonNode lastBody(String path) {
		return json(last(path).bodyText());
	}

	@Test
	void createsADepartmentAndAnswersItsId() {
		this.wecom.respond("/cgi-bin/department/create", "{\"errcode\":0,\"errmsg\":\"created\",\"id\":2}");
		long id = this.agent.departments()
			.create(Department.create("广州研发中心", 1).withNameEn("RDGZ").withOrder(1).withId(2))
			.id();
		assertThat(id).isEqualTo(2);
		assertThat(last("/cgi-bin/department/create").method()).isEqualTo("POST");
		assertThat(lastBody("/cgi-bin/department/create")).isEqualTo(json("""
				{"name":"广州研发中心","name_en":"RDGZ","parentid":1,"order":1,"id":2}"""));
	}

	@Test
	void updatesOnlyTheFieldsSetAndDeletesById() {
		this.wecom.respond("/cgi-bin/department/update", OK).respond("/cgi-bin/department/delete", OK);
		this.agent.departments().update(Department.update(2).withName("广研").withParentid(5));
		assertThat(lastBody("/cgi-bin/department/update")).isEqualTo(json("{\"id\":2,\"name\":\"广研\",\"parentid\":5}"));
		this.agent.departments().delete(2);
		assertThat(last("/cgi-bin/department/delete").method()).isEqualTo("GET");
		assertThat(last("/cgi-bin/department/delete").param("id")).isEqualTo("2");
	}

	@Test
	void listsDepartmentsInFullAndAsIds() {
		this.wecom.respond("/cgi-bin/department/list", """
				{"errcode":0,"errmsg":"ok","department":[
				  {"id":2,"name":"广州研发中心","name_en":"RDGZ","department_leader":["zhangsan","lisi"],"parentid":1,"order":10},
				  {"id":3,"name":"邮箱产品部","name_en":"mail","department_leader":["lisi","wangwu"],"parentid":2,"order":40}]}""");
		this.wecom.respond("/cgi-bin/department/simplelist", """
				{"errcode":0,"errmsg":"ok","department_id":[{"id":2,"parentid":1,"order":10},{"id":3,"parentid":2,"order":40}]}""");
		var departments = this.agent.departments().list(2).departments();
		assertThat(last("/cgi-bin/department/list").param("id")).isEqualTo("2");
		assertThat(departments).hasSize(2);
		assertThat(departments.get(1).nameEn()).isEqualTo("mail");
		assertThat(departments.get(1).departmentLeader()).containsExactly("lisi", "wangwu");
		assertThat(departments.get(1).parentid()).isEqualTo(2L);
		this.agent.departments().list();
		assertThat(last("/cgi-bin/department/list").param("id")).isNull();
		assertThat(this.agent.departments().simpleList().departments()).containsExactly(new DepartmentId(2, 1L, 10L),
				new DepartmentId(3, 2L, 40L));
		assertThat(last("/cgi-bin/department/simplelist").param("id")).isNull();
		this.agent.departments().simpleList(3);
		assertThat(last("/cgi-bin/department/simplelist").param("id")).isEqualTo("3");
	}

	@Test
	void readsOneDepartment() {
		this.wecom.respond("/cgi-bin/department/get", """
				{"errcode":0,"errmsg":"ok","department":{"id":2,"name":"广州研发中心","name_en":"RDGZ",
				 "department_leader":["zhangsan","lisi"],"parentid":1,"order":10}}""");
		Department department = this.agent.departments().get(2).department();
		assertThat(last("/cgi-bin/department/get").param("id")).isEqualTo("2");
		assertThat(department).isEqualTo(new Department(2L, "广州研发中心", "RDGZ", List.of("zhangsan", "lisi"),
				1L, 10L));
	}

	@Test
	void createsRenamesAndDeletesTags() {
		this.wecom.respond("/cgi-bin/tag/create", "{\"errcode\":0,\"errmsg\":\"created\",\"tagid\":12}");
		this.wecom.respond("/cgi-bin/tag/update", OK).respond("/cgi-bin/tag/delete", OK);
		assertThat(this.agent.tags().create(Tag.named("UI")).tagid()).isEqualTo(12);
		assertThat(lastBody("/cgi-bin/tag/create")).isEqualTo(json("{\"tagname\":\"UI\"}"));
		this.agent.tags().update(new Tag(12L, "UI design"));
		assertThat(lastBody("/cgi-bin/tag/update")).isEqualTo(json("{\"tagid\":12,\"tagname\":\"UI design\"}"));
		this.agent.tags().delete(12);
		assertThat(last("/cgi-bin/tag/delete").param("tagid")).isEqualTo("12");
	}

	@Test
	void readsTheMembersOfATag() {
		this.wecom.respond("/cgi-bin/tag/get", """
				{"errcode":0,"errmsg":"ok","tagname":"乒乓球协会",
				 "userlist":[{"userid":"zhangsan","name":"李四"}],"partylist":[2]}""");
		TagMembers members = this.agent.tags().get(1);
		assertThat(last("/cgi-bin/tag/get").param("tagid")).isEqualTo("1");
		assertThat(members.tagname()).isEqualTo("乒乓球协会");
		assertThat(members.users()).containsExactly(new TagMembers.Member("zhangsan", "李四"));
		assertThat(members.departments()).containsExactly(2L);
	}

	@Test
	void addsTagMembersAndParsesTheBarSeparatedInvalidList() {
		this.wecom.respond("/cgi-bin/tag/addtagusers", """
				{"errcode":0,"errmsg":"ok","invalidlist":"usr1|usr2|usr","invalidparty":[2,4]}""");
		TagMembersChangeResult result = this.agent.tags()
			.addMembers(new TagMembersChange(12, List.of("user1", "user2"), List.of(4L)));
		assertThat(lastBody("/cgi-bin/tag/addtagusers")).isEqualTo(json("""
				{"tagid":12,"userlist":["user1","user2"],"partylist":[4]}"""));
		assertThat(result.invalidUsers()).containsExactly("usr1", "usr2", "usr");
		assertThat(result.invalidDepartments()).containsExactly(2L, 4L);
	}

	@Test
	void removesTagMembersAndAnswersEmptyListsWhenAllWereValid() {
		this.wecom.respond("/cgi-bin/tag/deltagusers", "{\"errcode\":0,\"errmsg\":\"deleted\"}");
		TagMembersChangeResult result = this.agent.tags().removeMembers(TagMembersChange.users(12, "user1"));
		assertThat(lastBody("/cgi-bin/tag/deltagusers")).isEqualTo(json("{\"tagid\":12,\"userlist\":[\"user1\"]}"));
		assertThat(result.invalidUsers()).isEmpty();
		assertThat(result.invalidDepartments()).isEmpty();
		this.agent.tags().removeMembers(TagMembersChange.departments(12, 2, 3));
		assertThat(lastBody("/cgi-bin/tag/deltagusers")).isEqualTo(json("{\"tagid\":12,\"partylist\":[2,3]}"));
	}

	@Test
	void listsTags() {
		this.wecom.respond("/cgi-bin/tag/list", """
				{"errcode":0,"errmsg":"ok","taglist":[{"tagid":1,"tagname":"a"},{"tagid":2,"tagname":"b"}]}""");
		assertThat(this.agent.tags().list().tags()).containsExactly(new Tag(1L, "a"), new Tag(2L, "b"));
	}

	@Test
	void startsTheThreeImportJobs() {
		String started = "{\"errcode\":0,\"errmsg\":\"ok\",\"jobid\":\"xxxxx\"}";
		this.wecom.respond("/cgi-bin/batch/syncuser", started)
			.respond("/cgi-bin/batch/replaceuser", started)
			.respond("/cgi-bin/batch/replaceparty", started);
		BatchJob job = new BatchJob("xxxxxx", false, new Callback("https://example.com/callback", "xxx",
				"jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C"));
		assertThat(this.agent.batchJobs().syncUsers(job).jobid()).isEqualTo("xxxxx");
		assertThat(lastBody("/cgi-bin/batch/syncuser")).isEqualTo(json("""
				{"media_id":"xxxxxx","to_invite":false,"callback":{"url":"https://example.com/callback","token":"xxx",
				 "encodingaeskey":"jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C"}}"""));
		this.agent.batchJobs().replaceUsers(BatchJob.of("users.csv"));
		assertThat(lastBody("/cgi-bin/batch/replaceuser")).isEqualTo(json("{\"media_id\":\"users.csv\"}"));
		this.agent.batchJobs().replaceDepartments(BatchJob.of("parties.csv"));
		assertThat(lastBody("/cgi-bin/batch/replaceparty")).isEqualTo(json("{\"media_id\":\"parties.csv\"}"));
	}

	@Test
	void aJobsCallbackHidesItsTokenAndKeyInToString() {
		Callback callback = new Callback("https://example.com/callback", "tok3n",
				"jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C");
		assertThat(new BatchJob("m", null, callback).toString()).contains("https://example.com/callback")
			.doesNotContain("tok3n")
			.doesNotContain("jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C");
	}

	@Test
	void readsAJobResultWithPerRowErrors() {
		this.wecom.respond("/cgi-bin/batch/getresult", """
				{"errcode":0,"errmsg":"ok","status":3,"type":"replace_party","total":2,"percentage":100,
				 "result":[{"action":1,"partyid":2,"errcode":0,"errmsg":"ok"},
				           {"action":4,"partyid":3,"errcode":60008,"errmsg":"department existed"}]}""");
		BatchJobResult result = this.agent.batchJobs().result("xxxxx");
		assertThat(last("/cgi-bin/batch/getresult").param("jobid")).isEqualTo("xxxxx");
		assertThat(result.done()).isTrue();
		assertThat(result.type()).isEqualTo("replace_party");
		assertThat(result.result()).containsExactly(new BatchJobResult.Row(null, 2L, 1, 0, "ok"),
				new BatchJobResult.Row(null, 3L, 4, 60008, "department existed"));
	}

	@Test
	void anUnknownJobIsAnApiError() {
		this.wecom.respond("/cgi-bin/batch/getresult", "{\"errcode\":40073,\"errmsg\":\"invalid jobid\"}");
		assertThatExceptionOfType(WxWorkApiException.class).isThrownBy(() -> this.agent.batchJobs().result("nope"))
			.satisfies((ex) -> assertThat(ex.getErrcode()).isEqualTo(40073));
	}

}
