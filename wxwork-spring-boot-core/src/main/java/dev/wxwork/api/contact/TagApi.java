package dev.wxwork.api.contact;

import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;
import tools.jackson.databind.annotation.JsonDeserialize;

import dev.wxwork.api.WeComDoc;
import dev.wxwork.api.message.PipeSeparatedList;
import dev.wxwork.client.Idempotency;
import dev.wxwork.client.WeComCall;

/** Tags (标签管理, doc 90209): {@code agent.tags()}. */
@HttpExchange("/cgi-bin/tag")
public interface TagApi {

	/** Creates a tag and answers its id (doc 90210). */
	@WeComDoc("90210")
	@WeComCall(Idempotency.NOT_IDEMPOTENT)
	@PostExchange("/create")
	CreatedTag create(@RequestBody Tag tag);

	/** Renames a tag (doc 90211). */
	@WeComDoc("90211")
	@WeComCall(Idempotency.IDEMPOTENT)
	@PostExchange("/update")
	void update(@RequestBody Tag tag);

	/** Deletes a tag the app created (doc 90212). */
	@WeComDoc("90212")
	@WeComCall(Idempotency.NOT_IDEMPOTENT)
	@GetExchange("/delete")
	void delete(@RequestParam("tagid") long tagid);

	/** The members and departments with a tag (doc 90213). */
	@WeComDoc("90213")
	@WeComCall(Idempotency.IDEMPOTENT)
	@GetExchange("/get")
	TagMembers get(@RequestParam("tagid") long tagid);

	/** Adds members and departments to a tag; invalid ones are answered, not thrown (doc 90214). */
	@WeComDoc("90214")
	@WeComCall(Idempotency.IDEMPOTENT)
	@PostExchange("/addtagusers")
	TagMembersChangeResult addMembers(@RequestBody TagMembersChange change);

	/** Removes members and departments from a tag; invalid ones are answered, not thrown (doc 90215). */
	@WeComDoc("90215")
	@WeComCall(Idempotency.IDEMPOTENT)
	@PostExchange("/deltagusers")
	TagMembersChangeResult removeMembers(@RequestBody TagMembersChange change);

	/** Every tag (doc 90216). */
	@WeComDoc("90216")
	@WeComCall(Idempotency.IDEMPOTENT)
	@GetExchange("/list")
	TagList list();

	/** The id of a tag just created. */
	record CreatedTag(long tagid) {
	}

	/** A tag's name, members and departments. */
	record TagMembers(String tagname, @JsonProperty("userlist") List<Member> users,
			@JsonProperty("partylist") List<Long> departments) {

		public TagMembers {
			users = (users != null) ? users : List.of();
			departments = (departments != null) ? departments : List.of();
		}

		/** A member with the tag. */
		public record Member(String userid, String name) {
		}

	}

	/** Members and departments to add to or remove from a tag; at most 1000 and 100 per call. */
	record TagMembersChange(long tagid, @JsonProperty("userlist") List<String> users,
			@JsonProperty("partylist") List<Long> departments) {

		/** These members of that tag. */
		public static TagMembersChange users(long tagid, String... userids) {
			return new TagMembersChange(tagid, Arrays.asList(userids), null);
		}

		/** These departments of that tag. */
		public static TagMembersChange departments(long tagid, long... departmentIds) {
			return new TagMembersChange(tagid, null, Arrays.stream(departmentIds).boxed().toList());
		}

	}

	/** The members and departments that could not be changed; empty, never null, when all were. */
	record TagMembersChangeResult(
			@JsonProperty("invalidlist") @JsonDeserialize(using = PipeSeparatedList.class) List<String> invalidUsers,
			@JsonProperty("invalidparty") List<Long> invalidDepartments) {

		public TagMembersChangeResult {
			invalidUsers = (invalidUsers != null) ? invalidUsers : List.of();
			invalidDepartments = (invalidDepartments != null) ? invalidDepartments : List.of();
		}

	}

	/** Every tag. */
	record TagList(@JsonProperty("taglist") List<Tag> tags) {

		public TagList {
			tags = (tags != null) ? tags : List.of();
		}

	}

}
