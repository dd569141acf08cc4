package dev.wxwork.bot;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** WeCom's stream rules, kept by one stream: cumulative updates in order, the byte limit, a visible end. */
class BotStreamTest {

	private final List<BotStreamState> updates = new ArrayList<>();

	private BotStream stream(int maxBytes) {
		return new BotStream("s1", (stream, state) -> this.updates.add(state), maxBytes, "Sorry.");
	}

	@Test
	void everyUpdateCarriesTheWholeTextSoFar() {
		BotStream stream = stream(100);
		stream.append("1").append("").append("2").append("3");
		stream.complete();
		assertThat(this.updates).containsExactly(new BotStreamState("1", false), new BotStreamState("12", false),
				new BotStreamState("123", false), new BotStreamState("123", true));
	}

	@Test
	void takesNothingAfterTheEnd() {
		BotStream stream = stream(100);
		stream.append("done");
		stream.complete();
		stream.append("late");
		stream.fail(new IllegalStateException("late"));
		stream.complete();
		assertThat(this.updates).hasSize(2);
		assertThat(stream.state()).isEqualTo(new BotStreamState("done", true));
	}

	@Test
	void cutsAtTheByteLimitWithoutSplittingACharacter() {
		BotStream stream = stream(10);
		// 3 + 3 bytes, then a 4-byte emoji that does not fit whole after 3 more bytes
		stream.append("中文").append("a😀b").append("more");
		String content = stream.state().content();
		assertThat(content).isEqualTo("中文a");
		assertThat(content.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(10);
		assertThat(this.updates).hasSize(2);
	}

	@Test
	void aFailureEndsWithTheErrorTextWithinTheLimit() {
		BotStream stream = stream(12);
		stream.append("0123456789");
		stream.fail(new IllegalStateException("boom"));
		BotStreamState last = this.updates.get(this.updates.size() - 1);
		assertThat(last.finished()).isTrue();
		assertThat(last.content()).isEqualTo("0123\n\nSorry.");
		assertThat(last.content().getBytes(StandardCharsets.UTF_8)).hasSize(12);
	}

	@Test
	void aFailureBeforeAnyChunkShowsOnlyTheErrorText() {
		BotStream stream = stream(100);
		stream.fail(new IllegalStateException("boom"));
		assertThat(this.updates).containsExactly(new BotStreamState("Sorry.", true));
	}

	@Test
	void countsUtf8BytesAsWeComDoes() {
		for (String text : List.of("", "abc", "é", "中文", "😀", "a😀中é")) {
			assertThat(BotStream.utf8Length(text)).as(text).isEqualTo(text.getBytes(StandardCharsets.UTF_8).length);
		}
		assertThat(BotStream.withSuffix("中文中文", "xy", 9)).isEqualTo("中\n\nxy");
	}

}
