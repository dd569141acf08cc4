package dev.wxwork.api.contact;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

import dev.wxwork.api.WeComDoc;
import dev.wxwork.client.Idempotency;
import dev.wxwork.client.WeComCall;

/** Departments (部门管理, doc 90204): {@code agent.departments()}. */
@HttpExchange("/cgi-bin/department")
public interface DepartmentApi {

	/** Creates a department and answers its id (doc 90205). */
	@WeComDoc("90205")
	@WeComCall(Idempotency.NOT_IDEMPOTENT)
	@PostExchange("/create")
	CreatedDepartment create(@RequestBody Department department);

	/** Updates the fields of a department that are set (doc 90206). */
	@WeComDoc("90206")
	@WeComCall(Idempotency.IDEMPOTENT)
	@PostExchange("/update")
	void update(@RequestBody Department department);

	/** Deletes a department that has no members and no sub-departments (doc 90207). */
	@WeComDoc("90207")
	@WeComCall(Idempotency.NOT_IDEMPOTENT)
	@GetExchange("/delete")
	void delete(@RequestParam("id") long id);

	/** Every department the app can see, in full (doc 90208). */
	@WeComDoc("90208")
	@WeComCall(Idempotency.IDEMPOTENT)
	@GetExchange("/list")
	DepartmentList list();

	/** A department and all its sub-departments, in full (doc 90208). */
	@WeComDoc("90208")
	@WeComCall(Idempotency.IDEMPOTENT)
	@GetExchange("/list")
	DepartmentList list(@RequestParam("id") long id);

	/** The ids, parents and orders of every department the app can see (doc 95350). */
	@WeComDoc("95350")
	@WeComCall(Idempotency.IDEMPOTENT)
	@GetExchange("/simplelist")
	DepartmentIdList simpleList();

	/** The ids, parents and orders of a department and all its sub-departments (doc 95350). */
	@WeComDoc("95350")
	@WeComCall(Idempotency.IDEMPOTENT)
	@GetExchange("/simplelist")
	DepartmentIdList simpleList(@RequestParam("id") long id);

	/** One department (doc 95351). */
	@WeComDoc("95351")
	@WeComCall(Idempotency.IDEMPOTENT)
	@GetExchange("/get")
	DepartmentDetail get(@RequestParam("id") long id);

	/** The id of a department just created. */
	record CreatedDepartment(long id) {
	}

	/** Departments in full. */
	record DepartmentList(@JsonProperty("department") List<Department> departments) {

		public DepartmentList {
			departments = (departments != null) ? departments : List.of();
		}

	}

	/** Departments as ids, parents and orders. */
	record DepartmentIdList(@JsonProperty("department_id") List<DepartmentId> departments) {

		public DepartmentIdList {
			departments = (departments != null) ? departments : List.of();
		}

	}

	/** A department's id, parent and order. */
	record DepartmentId(long id, Long parentid, Long order) {
	}

	/** The answer of {@code department/get}. */
	record DepartmentDetail(Department department) {
	}

}
