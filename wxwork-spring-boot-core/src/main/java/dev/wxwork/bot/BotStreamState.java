package dev.wxwork.bot;

/**
 * What a stream shows now: the whole text so far (WeCom replaces what it shows with each update) and
 * whether it is finished.
 *
 * @param content the whole answer so far
 * @param finished whether the answer is complete (or ended by an error)
 */
public record BotStreamState(String content, boolean finished) {

	@Override
	public String toString() {
		return "BotStreamState[" + this.content.length() + " chars, finished=" + this.finished + "]";
	}

}
