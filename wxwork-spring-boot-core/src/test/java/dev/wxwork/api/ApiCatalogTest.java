package dev.wxwork.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Keeps {@code docs/API.md} true to the code: every endpoint method carries {@code @WeComDoc}, and
 * the catalog table in the file is exactly the one the annotations produce. Regenerate it with
 * {@code mvn test -pl wxwork-spring-boot-autoconfigure -Dtest=ApiCatalogTest -Dwxwork.api-catalog.write=true}.
 */
class ApiCatalogTest {

	static final String START = "<!-- api-catalog:start -->";

	static final String END = "<!-- api-catalog:end -->";

	private static final Path CATALOG_FILE = Path.of("..", "docs", "API.md");

	@Test
	void everyEndpointMethodNamesItsWeComDocument() {
		List<String> undocumented = ApiCatalog.ofLibrary().undocumented();
		if (!undocumented.isEmpty()) {
			fail("These endpoint methods lack @WeComDoc(\"<doc id>\") (the id in " + ApiCatalog.DOC_URL + "<id>):\n  "
					+ String.join("\n  ", undocumented));
		}
	}

	@Test
	void docsApiMdListsExactlyTheSupportedApis() throws IOException {
		String table = ApiCatalog.ofLibrary().table();
		Path file = CATALOG_FILE.toAbsolutePath().normalize();
		if (Boolean.getBoolean("wxwork.api-catalog.write")) {
			Files.createDirectories(file.getParent());
			Files.writeString(file, withTable(Files.exists(file) ? Files.readString(file) : skeleton(), table),
					StandardCharsets.UTF_8);
			System.out.println("Rewrote the API catalog in " + file);
			return;
		}
		assertThat(file).as("the API catalog; create it with -Dwxwork.api-catalog.write=true").exists();
		String written = tableIn(Files.readString(file));
		if (!written.equals(table)) {
			fail("docs/API.md does not match the API annotations in the code:\n" + diff(written, table)
					+ "\nRegenerate it: mvn test -pl wxwork-spring-boot-autoconfigure -Dtest=ApiCatalogTest "
					+ "-Dwxwork.api-catalog.write=true");
		}
	}

	@Test
	void joinsTheInterfacePrefixAndShowsAFixedQueryApart() {
		ApiCatalog catalog = ApiCatalog.of(List.of(Documented.class));
		assertThat(catalog.undocumented()).isEmpty();
		assertThat(catalog.rows()).containsExactly(
				new ApiCatalog.Row("api", "ApiCatalogTest.Documented.read", "GET", "/cgi-bin/thing/get", "", "1"),
				new ApiCatalog.Row("api", "ApiCatalogTest.Documented.ticket", "GET", "/cgi-bin/thing/ticket",
						"type=agent_config", "2"),
				new ApiCatalog.Row("api", "ApiCatalogTest.Documented.write", "POST", "/cgi-bin/thing/write", "", "3"));
		assertThat(catalog.table()).contains(
				"| api | `ApiCatalogTest.Documented.ticket` | GET | `/cgi-bin/thing/ticket` (`type=agent_config`) | "
						+ "[2](https://developer.work.weixin.qq.com/document/path/2) |");
	}

	@Test
	void reportsAnEndpointWithoutWeComDoc() {
		ApiCatalog catalog = ApiCatalog.of(List.of(Undocumented.class));
		assertThat(catalog.undocumented()).containsExactly("ApiCatalogTest.Undocumented.forgotten");
	}

	@Test
	void listsMethodsOutsideHttpExchangeByTheirDocumentedPath() {
		ApiCatalog catalog = ApiCatalog.of(List.of(Streams.class));
		assertThat(catalog.rows()).containsExactly(
				new ApiCatalog.Row("api", "ApiCatalogTest.Streams.download", "GET", "/cgi-bin/thing/download", "", "5"),
				new ApiCatalog.Row("api", "ApiCatalogTest.Streams.link", "link", "https://example.com/authorize", "a=b",
						"4"));
	}

	@Test
	void replacesOnlyTheTableBetweenTheMarkers() {
		String file = "# Title\n\nIntro.\n\n" + START + "\nold\n" + END + "\n\nOutro.\n";
		assertThat(withTable(file, "| new |\n")).isEqualTo("# Title\n\nIntro.\n\n" + START + "\n| new |\n" + END
				+ "\n\nOutro.\n");
		assertThat(tableIn(withTable(file, "| new |\n"))).isEqualTo("| new |\n");
	}

	@Test
	void diffShowsRemovedAndAddedLines() {
		assertThat(diff("a\nb\nc\n", "a\nc\nd\n")).isEqualTo("  a\n- b\n  c\n+ d\n");
	}

	static String withTable(String file, String table) {
		int start = file.indexOf(START);
		int end = file.indexOf(END);
		if (start < 0 || end < start) {
			return file + "\n" + START + "\n" + table + END + "\n";
		}
		return file.substring(0, start + START.length()) + "\n" + table + file.substring(end);
	}

	static String tableIn(String file) {
		int start = file.indexOf(START);
		int end = file.indexOf(END);
		if (start < 0 || end < start) {
			return "";
		}
		return file.substring(start + START.length(), end).replaceFirst("^\r?\n", "").replace("\r\n", "\n");
	}

	private static String skeleton() {
		return """
				# Supported WeCom APIs

				Every WeCom API this library supports, generated from the `@HttpExchange` and `@WeComDoc` annotations
				in the code (`ApiCatalogTest` fails when this table and the code disagree). Methods that are no
				`@HttpExchange` endpoint (URL builders, signatures, streamed media) are listed by the path or URL
				their `@WeComDoc` names.
				""";
	}

	/** A line diff (longest common subsequence): "- " lines are in the file only, "+ " lines in the code only. */
	static String diff(String written, String expected) {
		List<String> before = written.lines().toList();
		List<String> after = expected.lines().toList();
		int[][] common = new int[before.size() + 1][after.size() + 1];
		for (int i = before.size() - 1; i >= 0; i--) {
			for (int j = after.size() - 1; j >= 0; j--) {
				common[i][j] = before.get(i).equals(after.get(j)) ? common[i + 1][j + 1] + 1
						: Math.max(common[i + 1][j], common[i][j + 1]);
			}
		}
		List<String> lines = new ArrayList<>();
		int i = 0;
		int j = 0;
		while (i < before.size() || j < after.size()) {
			if (i < before.size() && j < after.size() && before.get(i).equals(after.get(j))) {
				lines.add("  " + before.get(i++));
				j++;
			}
			else if (j < after.size() && (i == before.size() || common[i][j + 1] >= common[i + 1][j])) {
				lines.add("+ " + after.get(j++));
			}
			else {
				lines.add("- " + before.get(i++));
			}
		}
		return String.join("\n", lines) + "\n";
	}

	@HttpExchange("/cgi-bin/thing")
	public interface Documented {

		@WeComDoc("1")
		@GetExchange("/get")
		String read(@RequestParam("id") String id);

		@WeComDoc("3")
		@PostExchange("write")
		void write();

		@WeComDoc("2")
		@GetExchange("/ticket?type=agent_config")
		String ticket();

		// A convenience over an endpoint: not an endpoint of its own.
		@WeComDoc("1")
		default String readTwice(String id) {
			return read(id) + read(id);
		}

	}

	@HttpExchange("/cgi-bin/thing")
	public interface Undocumented {

		@GetExchange("/forgotten")
		String forgotten();

	}

	public static final class Streams {

		@WeComDoc(value = "4", path = "https://example.com/authorize?a=b")
		public String link() {
			return "";
		}

		@WeComDoc(value = "5", path = "GET /cgi-bin/thing/download")
		public void download() {
		}

		@WeComDoc(value = "5", path = "GET /cgi-bin/thing/download")
		public void download(String overload) {
		}

	}

}
