"""callback-gaps (merged 78290eb): CallbackServingCheck refers to Boot 4's ReactiveWebApplicationContext.
Make it check by either line's interface name, so that the shared wiring compiles on Boot 4 and Boot 3.5."""
import re, sys
p = sys.argv[1]; s = open(p, encoding='utf-8').read()
s = s.replace('import org.springframework.boot.web.context.reactive.ReactiveWebApplicationContext;\n', '', 1)
new = '''	private static boolean isReactive(ApplicationContext context) {
		// Boot 4 and Boot 3.5 name this interface differently, and this source is compiled for both
		for (String name : new String[] { "org.springframework.boot.web.context.reactive.ReactiveWebApplicationContext",
				"org.springframework.boot.web.reactive.context.ReactiveWebApplicationContext" }) {
			if (ClassUtils.isPresent(name, context.getClassLoader())
					&& ClassUtils.resolveClassName(name, context.getClassLoader()).isInstance(context)) {
				return true;
			}
		}
		return false;
	}'''
s, n = re.subn(r'\tprivate static boolean isReactive\(ApplicationContext context\) \{.*?\n\t\}', lambda m: new, s, count=1, flags=re.S)
if n != 1:
    sys.exit("CallbackServingCheck.isReactive changed since the spike: make it line-neutral by hand")
open(p, 'w', encoding='utf-8').write(s)
