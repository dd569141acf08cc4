package dev.wxwork.api;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;

import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ClassUtils;
import org.springframework.web.service.annotation.HttpExchange;

/**
 * The catalog of every supported WeCom API, read off the code: each public method under
 * {@code dev.wxwork.api} that is an {@code @HttpExchange} endpoint ({@code @GetExchange},
 * {@code @PostExchange}, ...), or that carries {@code @WeComDoc(path = ...)} because it builds a URL,
 * signs, or streams outside {@code @HttpExchange}.
 * <p>
 * A {@code @WeComDoc} path may start with the HTTP method ({@code "POST /cgi-bin/media/upload"});
 * a path that is a URL is listed as a link the method builds.
 */
final class ApiCatalog {

	static final String DOC_URL = "https://developer.work.weixin.qq.com/document/path/";

	static final String BASE_PACKAGE = "dev.wxwork.api";

	private static final Comparator<Row> ORDER = Comparator.comparing(Row::group)
		.thenComparing(Row::path)
		.thenComparing(Row::httpMethod)
		.thenComparing(Row::method)
		.thenComparing(Row::doc);

	private final List<Row> rows;

	private final List<String> undocumented;

	private ApiCatalog(List<Row> rows, List<String> undocumented) {
		this.rows = rows;
		this.undocumented = undocumented;
	}

	/** One line of the catalog. */
	record Row(String group, String method, String httpMethod, String path, String query, String doc) {
	}

	/** The catalog of the library's own API types (main classes only, never test fixtures). */
	static ApiCatalog ofLibrary() {
		return of(libraryApiTypes());
	}

	/** The catalog of these types. */
	static ApiCatalog of(Collection<Class<?>> types) {
		TreeSet<Row> rows = new TreeSet<>(ORDER);
		TreeSet<String> undocumented = new TreeSet<>();
		for (Class<?> type : types) {
			// A package-private endpoint interface (one a public facade wraps) must be documented too,
			// but users cannot call it, so the catalog lists the facade instead.
			boolean callable = Modifier.isPublic(type.getModifiers());
			for (Method method : type.getDeclaredMethods()) {
				if (!Modifier.isPublic(method.getModifiers()) || method.isSynthetic() || method.isBridge()) {
					continue;
				}
				HttpExchange exchange = AnnotatedElementUtils.findMergedAnnotation(method, HttpExchange.class);
				WeComDoc doc = method.getAnnotation(WeComDoc.class);
				if (exchange != null) {
					if (doc == null) {
						undocumented.add(label(type) + "." + method.getName());
						continue;
					}
					if (callable) {
						rows.add(exchangeRow(type, method, exchange, doc));
					}
				}
				else if (callable && doc != null && !doc.path().isEmpty()) {
					rows.add(documentedRow(type, method, doc));
				}
			}
		}
		return new ApiCatalog(List.copyOf(rows), List.copyOf(undocumented));
	}

	/** Every row, sorted by group, path, HTTP method and method. */
	List<Row> rows() {
		return this.rows;
	}

	/** The endpoint methods without {@code @WeComDoc}, as {@code Type.method}. */
	List<String> undocumented() {
		return this.undocumented;
	}

	/** The catalog as a Markdown table. */
	String table() {
		StringBuilder table = new StringBuilder();
		table.append("| Group | Method | HTTP | WeCom path | Doc |\n");
		table.append("|---|---|---|---|---|\n");
		for (Row row : this.rows) {
			table.append("| ").append(cell(row.group()));
			table.append(" | `").append(cell(row.method())).append('`');
			table.append(" | ").append(cell(row.httpMethod()));
			table.append(" | `").append(cell(row.path())).append('`');
			if (!row.query().isEmpty()) {
				table.append(" (`").append(cell(row.query())).append("`)");
			}
			table.append(" | [").append(cell(row.doc())).append("](").append(DOC_URL).append(cell(row.doc())).append(")");
			table.append(" |\n");
		}
		return table.toString();
	}

	// A '|' would end the cell early, a line break the row.
	private static String cell(String text) {
		return text.replace("|", "\\|").replace('\n', ' ');
	}

	private static Row exchangeRow(Class<?> type, Method method, HttpExchange exchange, WeComDoc doc) {
		HttpExchange typeExchange = AnnotatedElementUtils.findMergedAnnotation(type, HttpExchange.class);
		String url = join((typeExchange != null) ? typeExchange.url() : "", exchange.url());
		String httpMethod = exchange.method();
		if (httpMethod.isEmpty() && typeExchange != null) {
			httpMethod = typeExchange.method();
		}
		int query = url.indexOf('?');
		String path = (query >= 0) ? url.substring(0, query) : url;
		return new Row(group(type), label(type) + "." + method.getName(),
				httpMethod.isEmpty() ? "GET" : httpMethod.toUpperCase(Locale.ROOT), path,
				(query >= 0) ? url.substring(query + 1) : "", doc.value());
	}

	private static Row documentedRow(Class<?> type, Method method, WeComDoc doc) {
		String target = doc.path().trim();
		String httpMethod = "—";
		int space = target.indexOf(' ');
		String first = (space > 0) ? target.substring(0, space) : "";
		if (first.matches("GET|POST|PUT|DELETE|PATCH")) {
			httpMethod = first;
			target = target.substring(space + 1).trim();
		}
		else if (target.startsWith("https://") || target.startsWith("http://")) {
			httpMethod = "link";
		}
		int query = target.indexOf('?');
		return new Row(group(type), label(type) + "." + method.getName(), httpMethod,
				(query >= 0) ? target.substring(0, query) : target, (query >= 0) ? target.substring(query + 1) : "",
				doc.value());
	}

	// As Spring joins an interface's @HttpExchange url with a method's: one slash between them.
	private static String join(String prefix, String url) {
		if (prefix.isEmpty()) {
			return url;
		}
		if (url.isEmpty()) {
			return prefix;
		}
		if (prefix.endsWith("/") && url.startsWith("/")) {
			return prefix + url.substring(1);
		}
		if (!prefix.endsWith("/") && !url.startsWith("/") && !url.startsWith("?")) {
			return prefix + "/" + url;
		}
		return prefix + url;
	}

	private static String group(Class<?> type) {
		String packageName = type.getPackageName();
		return packageName.equals(BASE_PACKAGE) ? "api" : packageName.substring(BASE_PACKAGE.length() + 1);
	}

	private static String label(Class<?> type) {
		return type.getName().substring(type.getPackageName().length() + 1).replace('$', '.');
	}

	static List<Class<?>> libraryApiTypes() {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {

			@Override
			protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
				// Interfaces, records and nested types too: every type may declare API methods.
				return true;
			}

		};
		scanner.addIncludeFilter((reader, factory) -> true);
		CodeSource library = WeComDoc.class.getProtectionDomain().getCodeSource();
		List<Class<?>> types = new ArrayList<>();
		for (BeanDefinition definition : scanner.findCandidateComponents(BASE_PACKAGE)) {
			Class<?> type = ClassUtils.resolveClassName(Objects.requireNonNull(definition.getBeanClassName()),
					ApiCatalog.class.getClassLoader());
			// Test sources share the package names; their fixtures are not the library's API.
			if (Objects.equals(type.getProtectionDomain().getCodeSource().getLocation(), library.getLocation())) {
				types.add(type);
			}
		}
		return types;
	}

}
