package dev.wxwork.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The code the README and the guides show is the code the tests compile and run: a block written
 * after {@code <!-- snippet: path -->} must be, character for character, the region between
 * {@code // tag::snippet[]} and {@code // end::snippet[]} of that source file (tabs shown as four
 * spaces). Run with {@code -Dsnippets.update=true} to write the sources' regions into the documents.
 */
class DocumentationSnippetsTest {

	private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

	private static final Pattern SNIPPET = Pattern.compile("<!-- snippet: (\\S+) -->\\n```java\\n(.*?)```",
			Pattern.DOTALL);

	@Test
	void everySnippetInTheDocumentsIsItsSourceRegion() throws IOException {
		List<String> checked = new ArrayList<>();
		for (Path document : documents()) {
			String text = Files.readString(document, StandardCharsets.UTF_8);
			Matcher matcher = SNIPPET.matcher(text);
			StringBuilder updated = new StringBuilder();
			while (matcher.find()) {
				String region = region(ROOT.resolve(matcher.group(1)));
				if (Boolean.getBoolean("snippets.update")) {
					matcher.appendReplacement(updated,
							Matcher.quoteReplacement("<!-- snippet: " + matcher.group(1) + " -->\n```java\n" + region + "```"));
				}
				else {
					assertThat(matcher.group(2)).as("the block after <!-- snippet: %s --> in %s (run with "
							+ "-Dsnippets.update=true to copy the source into it)", matcher.group(1), ROOT.relativize(document))
						.isEqualTo(region);
				}
				checked.add(ROOT.relativize(document) + " <- " + matcher.group(1));
			}
			if (Boolean.getBoolean("snippets.update")) {
				matcher.appendTail(updated);
				Files.writeString(document, updated.toString(), StandardCharsets.UTF_8);
			}
		}
		assertThat(checked).contains(
				"README.md <- wxwork-spring-boot-core/src/test/java/dev/wxwork/callback/SalesCallbacks.java",
				"docs/callbacks.md <- wxwork-spring-boot-core/src/test/java/dev/wxwork/callback/DemoCallbacks.java",
				"README.md <- wxwork-spring-boot-autoconfigure/src/test/java/dev/wxwork/docs/WelcomeMessagesTest.java");
	}

	private static List<Path> documents() throws IOException {
		List<Path> documents = new ArrayList<>(List.of(ROOT.resolve("README.md")));
		try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
			docs.filter((path) -> path.toString().endsWith(".md")).sorted().forEach(documents::add);
		}
		return documents;
	}

	private static String region(Path source) throws IOException {
		String text = Files.readString(source, StandardCharsets.UTF_8);
		int start = text.indexOf("// tag::snippet[]\n");
		int end = text.indexOf("// end::snippet[]");
		assertThat(start).as("the snippet region of %s", source).isNotNegative().isLessThan(end);
		StringBuilder region = new StringBuilder();
		for (String line : text.substring(start + "// tag::snippet[]\n".length(), end).split("\n", -1)) {
			int tabs = 0;
			while (tabs < line.length() && line.charAt(tabs) == '\t') {
				tabs++;
			}
			region.append("    ".repeat(tabs)).append(line.substring(tabs)).append('\n');
		}
		// the split leaves one empty piece after the last line break
		return region.substring(0, region.length() - 1);
	}

}
