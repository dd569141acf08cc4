package dev.wxwork.api.contact;

import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

import dev.wxwork.api.WeComDoc;

/** Members (成员管理, doc 90194). */
@HttpExchange("/cgi-bin/user")
public interface UserApi {

	/** Reads a member (doc 90196). */
	@WeComDoc("90196")
	@GetExchange("/get")
	User get(@RequestParam("userid") String userid);

	/** Creates a member (doc 90195). */
	@WeComDoc("90195")
	@PostExchange("/create")
	void create(@RequestBody User user);

}
