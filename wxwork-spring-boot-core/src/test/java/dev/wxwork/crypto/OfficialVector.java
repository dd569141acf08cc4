package dev.wxwork.crypto;

/** WeCom's published sample vector (doc 91144), as PROTOCOL.md gives it. */
public final class OfficialVector {

	public static final String TOKEN = "QDG6eK";

	public static final String CORP_ID = "wx5823bf96d3bd56c7";

	public static final String ENCODING_AES_KEY = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";

	public static final String VERIFY_SIGNATURE = "5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3";

	public static final String VERIFY_TIMESTAMP = "1409659589";

	public static final String VERIFY_NONCE = "263014780";

	public static final String ECHOSTR = "P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==";

	public static final String MESSAGE_SIGNATURE = "477715d11cdb4164915debcba66cb864d751f3e6";

	public static final String MESSAGE_TIMESTAMP = "1409659813";

	public static final String MESSAGE_NONCE = "1372623149";

	public static final String MESSAGE_ENCRYPT = "RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUpj911L3vg3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+kDZ+HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6tiWSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p8g7m3fVKn28H3KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q==";

	private OfficialVector() {
	}

	/** The crypto of the vector's app. */
	public static CallbackCrypto crypto() {
		return new CallbackCrypto(TOKEN, ENCODING_AES_KEY, CORP_ID);
	}

	/** The POST body WeCom sent with the vector's message. */
	public static String messageBody() {
		return "<xml><ToUserName><![CDATA[" + CORP_ID + "]]></ToUserName><Encrypt><![CDATA[" + MESSAGE_ENCRYPT
				+ "]]></Encrypt><AgentID><![CDATA[218]]></AgentID></xml>";
	}

}
