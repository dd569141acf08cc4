package dev.wxwork.test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import dev.wxwork.test.WeComStandIn.Answer;
import dev.wxwork.test.WeComStandIn.RecordedRequest;

/**
 * The members, departments and customers a test arranged, and the contacts and customer-contact reads
 * answered from them in the shape of WeCom's documented examples.
 */
final class StandInDirectory {

	private static final JsonMapper JSON = JsonMapper.shared();

	record Member(String userId, String name, long[] departments) {
	}

	record Department(long id, String name, long parentId) {
	}

	record Customer(String externalUserId, String name, List<String> followUsers) {
	}

	private final Map<String, Member> members = new ConcurrentSkipListMap<>();

	private final Map<Long, Department> departments = new ConcurrentSkipListMap<>();

	private final Map<String, Customer> customers = new ConcurrentSkipListMap<>();

	private final Map<Long, String> tags = new ConcurrentSkipListMap<>();

	private volatile boolean closed;

	void member(String userId, String name, long... departmentIds) {
		this.members.put(userId, new Member(userId, name, (departmentIds.length > 0) ? departmentIds : new long[] { 1 }));
	}

	void department(long id, String name, long parentId) {
		this.departments.put(id, new Department(id, name, parentId));
	}

	void customer(String externalUserId, String name, String... followUserIds) {
		this.customers.put(externalUserId, new Customer(externalUserId, name, List.of(followUserIds)));
	}

	void tag(long id, String name) {
		this.tags.put(id, name);
	}

	void close() {
		this.closed = true;
	}

	/** Whether a message may go to this member: any member while the test arranged none (unless closed). */
	boolean knows(String userId) {
		return (this.members.isEmpty() && !this.closed) || this.members.containsKey(userId);
	}

	/** Whether a message may go to this department: any while the test arranged none (unless closed). */
	boolean knowsParty(String id) {
		return (this.departments.isEmpty() && !this.closed) || this.departments.containsKey(parseId(id));
	}

	/** Whether a message may go to this tag: any while the test arranged none (unless closed). */
	boolean knowsTag(String id) {
		return (this.tags.isEmpty() && !this.closed) || this.tags.containsKey(parseId(id));
	}

	private static Long parseId(String id) {
		try {
			return Long.valueOf(id.trim());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	void routes(WeComStandIn standIn) {
		standIn.route("/cgi-bin/user/get", this::userGet);
		standIn.route("/cgi-bin/user/simplelist", (request) -> userList(request, false));
		standIn.route("/cgi-bin/user/list", (request) -> userList(request, true));
		standIn.route("/cgi-bin/user/list_id", this::userListId);
		standIn.route("/cgi-bin/department/list", this::departmentList);
		standIn.route("/cgi-bin/externalcontact/list", this::externalList);
		standIn.route("/cgi-bin/externalcontact/get", this::externalGet);
	}

	// doc 90196
	private Answer userGet(RecordedRequest request) {
		Member member = this.members.get(String.valueOf(request.param("userid")));
		if (member == null) {
			return WeComStandIn.error(60111);
		}
		return ok(memberJson(member, true));
	}

	// docs 90200, 90201
	private Answer userList(RecordedRequest request, boolean details) {
		String departmentId = request.param("department_id");
		if (departmentId == null) {
			return WeComStandIn.error(40035, "department_id missing");
		}
		long department = Long.parseLong(departmentId);
		ObjectNode answer = ok();
		ArrayNode list = answer.putArray("userlist");
		this.members.values()
			.stream()
			.filter((member) -> Arrays.stream(member.departments()).anyMatch((id) -> id == department))
			.forEach((member) -> list.add(memberJson(member, details)));
		return Answer.json(answer.toString());
	}

	// doc 96067
	private Answer userListId(RecordedRequest request) {
		ObjectNode answer = ok();
		ArrayNode list = answer.putArray("dept_user");
		this.members.values().forEach((member) -> Arrays.stream(member.departments())
			.forEach((department) -> list.addObject().put("userid", member.userId()).put("department", department)));
		answer.put("next_cursor", "");
		return Answer.json(answer.toString());
	}

	// doc 90208
	private Answer departmentList(RecordedRequest request) {
		String id = request.param("id");
		ObjectNode answer = ok();
		ArrayNode list = answer.putArray("department");
		this.departments.values()
			.stream()
			.filter((department) -> id == null || id.isEmpty() || isUnder(department, Long.parseLong(id)))
			.forEach((department) -> list.addObject()
				.put("id", department.id())
				.put("name", department.name())
				.put("name_en", "")
				.putPOJO("department_leader", List.of())
				.put("parentid", department.parentId())
				.put("order", 100000000 - department.id()));
		return Answer.json(answer.toString());
	}

	private boolean isUnder(Department department, long root) {
		Department current = department;
		for (int depth = 0; current != null && depth < 100; depth++) {
			if (current.id() == root) {
				return true;
			}
			current = this.departments.get(current.parentId());
		}
		return false;
	}

	// doc 92113
	private Answer externalList(RecordedRequest request) {
		String userId = request.param("userid");
		if (userId == null || !this.members.containsKey(userId) && !this.members.isEmpty()) {
			return WeComStandIn.error(60111);
		}
		ObjectNode answer = ok();
		ArrayNode list = answer.putArray("external_userid");
		this.customers.values()
			.stream()
			.filter((customer) -> customer.followUsers().contains(userId))
			.forEach((customer) -> list.add(customer.externalUserId()));
		if (list.isEmpty()) {
			// WeCom answers 84061 for a member without customers, with the list empty:
			// {"errcode":84061,"errmsg":"not external contact, hint: [...], more info at ...","external_userid":[]}
			return errorWith(84061, "external_userid");
		}
		return Answer.json(answer.toString());
	}

	// doc 92114
	private Answer externalGet(RecordedRequest request) {
		Customer customer = this.customers.get(String.valueOf(request.param("external_userid")));
		if (customer == null) {
			// as WeCom answers it: {"errcode":84061,"errmsg":"not external contact, ...","follow_user":[]}
			return errorWith(84061, "follow_user");
		}
		ObjectNode answer = ok();
		answer.putObject("external_contact")
			.put("external_userid", customer.externalUserId())
			.put("name", customer.name())
			.put("avatar", "http://p.qlogo.cn/bizmail/IcsdgagqefergqerhewSdage/0")
			.put("type", 1)
			.put("gender", 1)
			.put("unionid", "ozynqsulJFCZ2z1aYeS8h-nuasdAAA");
		ArrayNode follow = answer.putArray("follow_user");
		for (String userId : customer.followUsers()) {
			ObjectNode entry = follow.addObject()
				.put("userid", userId)
				.put("remark", "")
				.put("description", "")
				.put("createtime", 1525779812L)
				.put("remark_corp_name", "")
				.put("add_way", 1)
				.put("oper_userid", userId);
			entry.putArray("tags");
			entry.putArray("remark_mobiles");
		}
		answer.put("next_cursor", "");
		return Answer.json(answer.toString());
	}

	private static ObjectNode memberJson(Member member, boolean details) {
		ObjectNode json = JSON.createObjectNode().put("userid", member.userId()).put("name", member.name());
		ArrayNode departments = json.putArray("department");
		Arrays.stream(member.departments()).forEach(departments::add);
		if (details) {
			json.put("status", 1).put("main_department", member.departments()[0]).put("open_userid", "wo" + member.userId());
		}
		return json;
	}

	private static Answer errorWith(int errcode, String emptyList) {
		ObjectNode answer = (ObjectNode) JSON.readTree(WeComStandIn.error(errcode).bodyText());
		answer.putArray(emptyList);
		return Answer.json(answer.toString());
	}

	private static ObjectNode ok() {
		return JSON.createObjectNode().put("errcode", 0).put("errmsg", "ok");
	}

	private static Answer ok(ObjectNode fields) {
		ObjectNode answer = ok();
		answer.setAll(fields);
		return Answer.json(answer.toString());
	}

}
