package dev.wxwork.sample.bench;

import org.springframework.context.annotation.Profile;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The baseline of the callback benchmark: an empty POST endpoint on the same Spring MVC stack, only
 * with the {@code bench} profile. See docs/sample-app.md.
 */
@RestController
@Profile("bench")
class EmptyEndpoint {

	@PostMapping("/bench/empty")
	ResponseEntity<Void> empty() {
		return ResponseEntity.ok().build();
	}

}
