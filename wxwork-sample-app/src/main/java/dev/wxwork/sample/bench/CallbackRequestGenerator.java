package dev.wxwork.sample.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.wxwork.crypto.CallbackCrypto;
import dev.wxwork.crypto.SealedMessage;

/**
 * Writes N sealed text-message callbacks for the demo app, one per line ({@code <path>?<query>\t<body>}),
 * each with its own MsgId and a fresh timestamp, for {@code bench/callbacks.lua}:
 * <pre>
 * java -cp wxwork-sample-app/target/wxwork-sample-app-0.1.0-SNAPSHOT.jar \
 *   -Dloader.main=dev.wxwork.sample.bench.CallbackRequestGenerator \
 *   org.springframework.boot.loader.launch.PropertiesLauncher 200000 target/callbacks.txt
 * </pre>
 * Optional further arguments: token, EncodingAESKey, corp id and callback path (the sample's defaults
 * otherwise).
 */
public final class CallbackRequestGenerator {

	private CallbackRequestGenerator() {
	}

	public static void main(String[] args) throws IOException {
		if (args.length < 2) {
			System.err.println("Usage: CallbackRequestGenerator <count> <file> [token] [encodingAesKey] [corpId] [path]");
			System.exit(2);
		}
		int count = Integer.parseInt(args[0]);
		Path file = Path.of(args[1]);
		String token = (args.length > 2) ? args[2] : "QDG6eK";
		String encodingAesKey = (args.length > 3) ? args[3] : "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
		String corpId = (args.length > 4) ? args[4] : "wx5823bf96d3bd56c7";
		String path = (args.length > 5) ? args[5] : "/wxwork/demo/callback";
		CallbackCrypto crypto = new CallbackCrypto(token, encodingAesKey, corpId);
		// MsgIds from the clock, so that a second run is not taken for WeCom's retries of the first.
		long firstMsgId = System.currentTimeMillis() * 1_000_000L;
		if (file.getParent() != null) {
			Files.createDirectories(file.getParent());
		}
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			for (int i = 0; i < count; i++) {
				long createTime = System.currentTimeMillis() / 1000;
				String message = "<xml><ToUserName><![CDATA[" + corpId + "]]></ToUserName>"
						+ "<FromUserName><![CDATA[user" + (i % 1000) + "]]></FromUserName>"
						+ "<CreateTime>" + createTime + "</CreateTime><MsgType><![CDATA[text]]></MsgType>"
						+ "<Content><![CDATA[hello " + i + "]]></Content><MsgId>" + (firstMsgId + i) + "</MsgId>"
						+ "<AgentID>1000002</AgentID></xml>";
				SealedMessage sealed = crypto.seal(message);
				out.write(path);
				out.write('?');
				out.write(sealed.callbackQuery());
				out.write('\t');
				out.write(sealed.callbackXml(corpId, 1000002L));
				out.write('\n');
			}
		}
		System.out.println("Wrote " + count + " sealed callbacks to " + file.toAbsolutePath());
	}

}
