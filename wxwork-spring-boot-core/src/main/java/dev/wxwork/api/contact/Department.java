package dev.wxwork.api.contact;

import java.util.List;

/**
 * A department as WeCom reads and writes it (docs 90205, 90206, 95351); absent fields are null and
 * are not sent.
 *
 * @param id the id; set it to choose one at creation (greater than 1), or leave it null to let WeCom
 * choose
 * @param name 1 to 64 characters, none of {@code \:*?"<>|}
 * @param nameEn the English name, when multilingual names are enabled
 * @param departmentLeader the userids of the department's leaders (read only)
 * @param parentid the parent department's id; 1 is the root
 * @param order the order among its siblings; larger comes first
 */
public record Department(Long id, String name, String nameEn, List<String> departmentLeader, Long parentid,
		Long order) {

	/** A department to create under that parent, with WeCom choosing its id. */
	public static Department create(String name, long parentid) {
		return new Department(null, name, null, null, parentid, null);
	}

	/** A change to the department with this id: only the fields set with the {@code with…} methods change. */
	public static Department update(long id) {
		return new Department(id, null, null, null, null, null);
	}

	/** The same department with this id. */
	public Department withId(long id) {
		return new Department(id, this.name, this.nameEn, this.departmentLeader, this.parentid, this.order);
	}

	/** The same department with this name. */
	public Department withName(String name) {
		return new Department(this.id, name, this.nameEn, this.departmentLeader, this.parentid, this.order);
	}

	/** The same department with this English name. */
	public Department withNameEn(String nameEn) {
		return new Department(this.id, this.name, nameEn, this.departmentLeader, this.parentid, this.order);
	}

	/** The same department under this parent. */
	public Department withParentid(long parentid) {
		return new Department(this.id, this.name, this.nameEn, this.departmentLeader, parentid, this.order);
	}

	/** The same department with this order. */
	public Department withOrder(long order) {
		return new Department(this.id, this.name, this.nameEn, this.departmentLeader, this.parentid, order);
	}

}
