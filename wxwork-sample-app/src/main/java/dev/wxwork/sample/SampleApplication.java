package dev.wxwork.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The sample app: an echo bot on the {@code demo} app's callback, a message sender
 * ({@code POST /messages}), the last callbacks ({@code GET /events}) and a built-in WeCom simulator
 * ({@code /simulator}) so that all of it runs without a WeCom account.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SampleApplication {

	public static void main(String[] args) {
		SpringApplication.run(SampleApplication.class, args);
	}

}
