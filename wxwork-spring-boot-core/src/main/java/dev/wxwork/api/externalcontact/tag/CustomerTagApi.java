package dev.wxwork.api.externalcontact.tag;

import java.util.List;

import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

import dev.wxwork.api.WeComDoc;
import dev.wxwork.client.Idempotency;
import dev.wxwork.client.WeComCall;

/** Customer tags: the corp's tag library, rule-group tags and tagging customers (客户标签管理, doc 92117). */
@HttpExchange("/cgi-bin/externalcontact")
public interface CustomerTagApi {

	/** The corp's tags, all of them or those with these tag or group ids (doc 92117). */
	@WeComDoc("92117")
	@WeComCall(Idempotency.IDEMPOTENT)
	@PostExchange("/get_corp_tag_list")
	TagGroups list(@RequestBody TagQuery query);

	/** The corp's whole tag library (doc 92117). */
	@WeComDoc(value = "92117", path = "/cgi-bin/externalcontact/get_corp_tag_list")
	default List<TagGroup> listAll() {
		return list(new TagQuery(null, null, null)).tagGroup();
	}

	/** Adds tags, to an existing group (by id or name) or to a new one, and returns the group (doc 92117). */
	@WeComDoc("92117")
	@WeComCall(Idempotency.NOT_IDEMPOTENT)
	@PostExchange("/add_corp_tag")
	AddedTags add(@RequestBody NewTags tags);

	/** Renames or reorders a tag or a group (doc 92117). */
	@WeComDoc("92117")
	@WeComCall(Idempotency.IDEMPOTENT)
	@PostExchange("/edit_corp_tag")
	void edit(@RequestBody TagEdit edit);

	/** Deletes tags and groups; a group goes with its last tag (doc 92117). */
	@WeComDoc("92117")
	@WeComCall(Idempotency.NOT_IDEMPOTENT)
	@PostExchange("/del_corp_tag")
	void delete(@RequestBody TagDeletion deletion);

	/** The tags of a rule group, all of them or those with these ids (doc 94882). */
	@WeComDoc("94882")
	@WeComCall(Idempotency.IDEMPOTENT)
	@PostExchange("/get_strategy_tag_list")
	TagGroups listOfStrategy(@RequestBody TagQuery query);

	/** Adds tags to a rule group and returns their group (doc 94882). */
	@WeComDoc("94882")
	@WeComCall(Idempotency.NOT_IDEMPOTENT)
	@PostExchange("/add_strategy_tag")
	AddedTags addToStrategy(@RequestBody NewTags tags);

	/** Renames or reorders a rule-group tag or group (doc 94882). */
	@WeComDoc("94882")
	@WeComCall(Idempotency.IDEMPOTENT)
	@PostExchange("/edit_strategy_tag")
	void editOfStrategy(@RequestBody TagEdit edit);

	/** Deletes rule-group tags and groups (doc 94882). */
	@WeComDoc("94882")
	@WeComCall(Idempotency.NOT_IDEMPOTENT)
	@PostExchange("/del_strategy_tag")
	void deleteOfStrategy(@RequestBody TagDeletion deletion);

	/** Adds and removes corp tags on a customer, as one member's marking (doc 92118). */
	@WeComDoc("92118")
	@WeComCall(Idempotency.IDEMPOTENT)
	@PostExchange("/mark_tag")
	void mark(@RequestBody Marking marking);

	/** Adds and removes corp tags on a customer, as one member's marking (doc 92118). */
	@WeComDoc(value = "92118", path = "/cgi-bin/externalcontact/mark_tag")
	default void mark(String userid, String externalUserid, List<String> addTag, List<String> removeTag) {
		mark(new Marking(userid, externalUserid, addTag, removeTag));
	}

	/**
	 * Which tags to read; null lists mean all. {@code strategyId} is for rule-group tags only.
	 */
	record TagQuery(Long strategyId, List<String> tagId, List<String> groupId) {

		/** The corp tags with these ids. */
		public static TagQuery tags(List<String> tagIds) {
			return new TagQuery(null, tagIds, null);
		}

		/** The corp tags in these groups. */
		public static TagQuery groups(List<String> groupIds) {
			return new TagQuery(null, null, groupIds);
		}

		/** Every tag of a rule group. */
		public static TagQuery strategy(long strategyId) {
			return new TagQuery(strategyId, null, null);
		}

	}

	/** Tag groups. */
	record TagGroups(List<TagGroup> tagGroup) {
	}

	/** The group that received the new tags, with their ids. */
	record AddedTags(TagGroup tagGroup) {
	}

	/**
	 * New tags: into the group {@code groupId}, or the group named {@code groupName} (created if missing).
	 * @param agentid the app that owns the tags (only for an app that manages its own tags)
	 */
	record NewTags(Long strategyId, String groupId, String groupName, Long order, List<NewTag> tag, Long agentid) {

		/** Tags into the group with this name, created when missing. */
		public static NewTags inGroupNamed(String groupName, List<NewTag> tags) {
			return new NewTags(null, null, groupName, null, tags, null);
		}

		/** Tags into the group with this id. */
		public static NewTags inGroup(String groupId, List<NewTag> tags) {
			return new NewTags(null, groupId, null, null, tags, null);
		}

		/** These tags, for the rule group with this id. */
		public NewTags forStrategy(long strategyId) {
			return new NewTags(strategyId, this.groupId, this.groupName, this.order, this.tag, this.agentid);
		}

	}

	/** A new tag; a larger order sorts first. */
	record NewTag(String name, Long order) {

		/** A tag with this name and the default order. */
		public static NewTag named(String name) {
			return new NewTag(name, null);
		}

	}

	/** A rename or reorder of the tag or group with this id; null fields stay. */
	record TagEdit(String id, String name, Long order, Long agentid) {

		/** Renames a tag or group. */
		public static TagEdit rename(String id, String name) {
			return new TagEdit(id, name, null, null);
		}

	}

	/** Tags and groups to delete. */
	record TagDeletion(List<String> tagId, List<String> groupId, Long agentid) {

		/** Deletes these tags. */
		public static TagDeletion tags(List<String> tagIds) {
			return new TagDeletion(tagIds, null, null);
		}

		/** Deletes these groups with their tags. */
		public static TagDeletion groups(List<String> groupIds) {
			return new TagDeletion(null, groupIds, null);
		}

	}

	/** One member's change of a customer's corp tags. */
	record Marking(String userid, String externalUserid, List<String> addTag, List<String> removeTag) {
	}

}
