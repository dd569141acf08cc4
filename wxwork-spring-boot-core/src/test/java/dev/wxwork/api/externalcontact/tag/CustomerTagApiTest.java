package dev.wxwork.api.externalcontact.tag;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.wxwork.api.externalcontact.CustomerContactFixture;

import static dev.wxwork.api.externalcontact.CustomerContactFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

class CustomerTagApiTest {

	private final CustomerContactFixture fixture = new CustomerContactFixture();

	private final CustomerTagApi tags = this.fixture.agent().customerTags();

	@AfterEach
	void close() {
		this.fixture.close();
	}

	@Test
	void listsCorpTagsByIdAndParsesGroupsWithTheirTags() {
		this.fixture.respond("get_corp_tag_list", """
				"tag_group":[{"group_id":"TAG_GROUPID1","group_name":"GOURP_NAME","create_time":1557838797,"order":1,
				"deleted":false,"tag":[{"id":"TAG_ID1","name":"NAME1","create_time":1557838797,"order":1,"deleted":false},
				{"id":"TAG_ID2","name":"NAME2","create_time":1557838797,"order":2,"deleted":true}]}]""");
		List<TagGroup> groups = this.tags.list(CustomerTagApi.TagQuery.tags(List.of("etXXXXXXXXXX", "etYYYYYYYYYY")))
			.tagGroup();
		assertThat(this.fixture.sentBody("get_corp_tag_list"))
			.isEqualTo(json("{\"tag_id\":[\"etXXXXXXXXXX\",\"etYYYYYYYYYY\"]}"));
		assertThat(groups).singleElement().satisfies((group) -> {
			assertThat(group.groupId()).isEqualTo("TAG_GROUPID1");
			assertThat(group.createTime()).isEqualTo(1557838797L);
			assertThat(group.deleted()).isFalse();
			assertThat(group.tag()).extracting(TagGroup.Tag::id).containsExactly("TAG_ID1", "TAG_ID2");
			assertThat(group.tag().get(1).deleted()).isTrue();
			assertThat(group.tag().get(1).order()).isEqualTo(2L);
		});
	}

	@Test
	void listsTheWholeLibraryWithAnEmptyQuery() {
		this.fixture.respond("get_corp_tag_list", "\"tag_group\":[]");
		assertThat(this.tags.listAll()).isEmpty();
		assertThat(this.fixture.sentBody("get_corp_tag_list")).isEqualTo(json("{}"));
	}

	@Test
	void addsTagsToAGroupByNameAndReturnsTheirIds() {
		this.fixture.respond("add_corp_tag", """
				"tag_group":{"group_id":"TAG_GROUPID1","group_name":"GOURP_NAME","create_time":1557838797,"order":1,
				"tag":[{"id":"TAG_ID1","name":"NAME1","create_time":1557838797,"order":1}]}""");
		TagGroup group = this.tags
			.add(CustomerTagApi.NewTags.inGroupNamed("GOURP_NAME",
					List.of(new CustomerTagApi.NewTag("NAME1", 1L), CustomerTagApi.NewTag.named("NAME2"))))
			.tagGroup();
		assertThat(this.fixture.sentBody("add_corp_tag")).isEqualTo(json("""
				{"group_name":"GOURP_NAME","tag":[{"name":"NAME1","order":1},{"name":"NAME2"}]}"""));
		assertThat(group.groupId()).isEqualTo("TAG_GROUPID1");
		assertThat(group.tag().get(0).id()).isEqualTo("TAG_ID1");
	}

	@Test
	void editsAndDeletesCorpTags() {
		this.fixture.respond("edit_corp_tag", "").respond("del_corp_tag", "");
		this.tags.edit(new CustomerTagApi.TagEdit("TAG_ID", "NEW_TAG_NAME", 1L, null));
		this.tags.delete(CustomerTagApi.TagDeletion.groups(List.of("GROUP_ID_1", "GROUP_ID_2")));
		assertThat(this.fixture.sentBody("edit_corp_tag"))
			.isEqualTo(json("{\"id\":\"TAG_ID\",\"name\":\"NEW_TAG_NAME\",\"order\":1}"));
		assertThat(this.fixture.sentBody("del_corp_tag"))
			.isEqualTo(json("{\"group_id\":[\"GROUP_ID_1\",\"GROUP_ID_2\"]}"));
	}

	@Test
	void readsTheTagsOfARuleGroup() {
		this.fixture.respond("get_strategy_tag_list", """
				"tag_group":[{"group_id":"TAG_GROUPID1","group_name":"GOURP_NAME","create_time":1557838797,"order":1,
				"strategy_id":1,"tag":[{"id":"TAG_ID1","name":"NAME1","create_time":1557838797,"order":1}]}]""");
		TagGroup group = this.tags.listOfStrategy(CustomerTagApi.TagQuery.strategy(1)).tagGroup().get(0);
		assertThat(this.fixture.sentBody("get_strategy_tag_list")).isEqualTo(json("{\"strategy_id\":1}"));
		assertThat(group.strategyId()).isEqualTo(1L);
		assertThat(group.tag().get(0).name()).isEqualTo("NAME1");
	}

	@Test
	void addsEditsAndDeletesRuleGroupTags() {
		this.fixture.respond("add_strategy_tag", """
				"tag_group":{"group_id":"TAG_GROUPID1","group_name":"GOURP_NAME","create_time":1557838797,"order":1,
				"tag":[{"id":"TAG_ID1","name":"NAME1","create_time":1557838797,"order":1}]}""")
			.respond("edit_strategy_tag", "")
			.respond("del_strategy_tag", "");
		TagGroup group = this.tags
			.addToStrategy(CustomerTagApi.NewTags.inGroup("TAG_GROUPID1", List.of(CustomerTagApi.NewTag.named("NAME1")))
				.forStrategy(1))
			.tagGroup();
		this.tags.editOfStrategy(CustomerTagApi.TagEdit.rename("TAG_ID1", "NEW"));
		this.tags.deleteOfStrategy(CustomerTagApi.TagDeletion.tags(List.of("TAG_ID1")));
		assertThat(group.tag().get(0).id()).isEqualTo("TAG_ID1");
		assertThat(this.fixture.sentBody("add_strategy_tag")).isEqualTo(json("""
				{"strategy_id":1,"group_id":"TAG_GROUPID1","tag":[{"name":"NAME1"}]}"""));
		assertThat(this.fixture.sentBody("edit_strategy_tag")).isEqualTo(json("{\"id\":\"TAG_ID1\",\"name\":\"NEW\"}"));
		assertThat(this.fixture.sentBody("del_strategy_tag")).isEqualTo(json("{\"tag_id\":[\"TAG_ID1\"]}"));
	}

	@Test
	void marksACustomerWithTagsToAddAndRemove() {
		this.fixture.respond("mark_tag", "");
		this.tags.mark("zhangsan", "woAJ2GCAAAd1NPGHKSD4wKmE8Aabj9AAA", List.of("TAGID1", "TAGID2"), List.of("TAGID3"));
		assertThat(this.fixture.sentBody("mark_tag")).isEqualTo(json("""
				{"userid":"zhangsan","external_userid":"woAJ2GCAAAd1NPGHKSD4wKmE8Aabj9AAA",
				 "add_tag":["TAGID1","TAGID2"],"remove_tag":["TAGID3"]}"""));
	}

}
