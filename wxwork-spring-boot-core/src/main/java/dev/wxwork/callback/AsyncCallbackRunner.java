package dev.wxwork.callback;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.util.ClassUtils;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Runs the async handler of an acknowledged callback: each attempt observed as
 * {@code wxwork.callbacks.async} (app, outcome) under the observation and MDC of the request that
 * handed it over (when it ran in this process), failed attempts retried with exponential backoff, and
 * the callback given to the {@link CallbackErrorHandler} once every attempt failed. Shared by the
 * in-memory and the Redis hand-off.
 */
public final class AsyncCallbackRunner {

	private static final Log logger = LogFactory.getLog(AsyncCallbackRunner.class);

	private static final boolean MDC_PRESENT = ClassUtils.isPresent("org.slf4j.MDC", AsyncCallbackRunner.class.getClassLoader());

	private final int maxAttempts;

	private final BackOff backOff;

	private final ObservationRegistry observations;

	private final CallbackErrorHandler errorHandler;

	/**
	 * @param settings attempts and backoff
	 * @param observations where each run is observed
	 * @param errorHandler what receives a callback that failed every attempt
	 */
	public AsyncCallbackRunner(RetrySettings settings, ObservationRegistry observations, CallbackErrorHandler errorHandler) {
		this.maxAttempts = settings.maxAttempts();
		ExponentialBackOff backOff = new ExponentialBackOff(settings.initialBackoff().toMillis(), 2.0);
		backOff.setMaxInterval(Math.max(settings.initialBackoff().toMillis(), settings.maxBackoff().toMillis()));
		this.backOff = backOff;
		this.observations = observations;
		this.errorHandler = errorHandler;
	}

	/**
	 * Runs the handler until it succeeds or every attempt failed.
	 * @param stopping counted down when the application stops: a wait for the next attempt ends at once
	 * @return null when the handler succeeded, else the failure after the last attempt (not yet given to the error handler)
	 * @throws InterruptedException when stopping interrupted a wait between attempts: the callback is not handled
	 */
	FailedCallback run(CallbackEndpoint endpoint, CallbackMessage message, RequestContext context, CountDownLatch stopping,
			String deadLetterId) throws InterruptedException {
		BackOffExecution backOff = this.backOff.start();
		for (int attempt = 1;; attempt++) {
			Throwable failure = attempt(endpoint, message, context);
			if (failure == null) {
				return null;
			}
			if (attempt >= this.maxAttempts) {
				logger.warn("Async callback handler of app '" + endpoint.agentName() + "' failed for " + message
						+ " (attempt " + attempt + " of " + this.maxAttempts + ", the last)", failure);
				return new FailedCallback(endpoint.agentName(), message.identity(), message, attempt, failure, deadLetterId);
			}
			long wait = backOff.nextBackOff();
			logger.warn("Async callback handler of app '" + endpoint.agentName() + "' failed for " + message + " (attempt "
					+ attempt + " of " + this.maxAttempts + "); retrying in " + Duration.ofMillis(wait), failure);
			if (stopping.await(wait, TimeUnit.MILLISECONDS)) {
				throw new InterruptedException("stopping");
			}
		}
	}

	/** Gives a callback that failed every attempt to the error handler, which must not stop the caller. */
	void giveUp(FailedCallback failure) {
		try {
			this.errorHandler.handle(failure);
		}
		catch (RuntimeException ex) {
			logger.error("The CallbackErrorHandler failed for " + failure, ex);
		}
	}

	private Throwable attempt(CallbackEndpoint endpoint, CallbackMessage message, RequestContext context) {
		Map<String, String> previousMdc = (MDC_PRESENT && context != null) ? Mdc.replace(context.mdc()) : null;
		Observation observation = Observation.createNotStarted("wxwork.callbacks.async", this.observations)
			.lowCardinalityKeyValue("app", endpoint.agentName());
		if (context != null && context.observation() != null) {
			observation.parentObservation(context.observation());
		}
		observation.start();
		try (Observation.Scope scope = observation.openScope()) {
			endpoint.runAsyncHandler(message);
			observation.lowCardinalityKeyValue("outcome", "handled");
			return null;
		}
		catch (Throwable ex) {
			observation.lowCardinalityKeyValue("outcome", "failed");
			observation.error(ex);
			return ex;
		}
		finally {
			observation.stop();
			if (MDC_PRESENT && context != null) {
				Mdc.replace(previousMdc);
			}
		}
	}

	/**
	 * What the request that handed a callback over had in scope: its current observation and MDC, so
	 * that the handler's logs and spans join the request's. Only in-process hand-offs carry it.
	 *
	 * @param observation the request's current observation, or null
	 * @param mdc the request's MDC, or null
	 */
	public record RequestContext(Observation observation, Map<String, String> mdc) {

		/** The context of the calling thread. */
		static RequestContext capture(ObservationRegistry observations) {
			return new RequestContext(observations.getCurrentObservation(), MDC_PRESENT ? Mdc.copy() : null);
		}

	}

	/**
	 * How often an async handler runs before its callback goes to the error handler.
	 *
	 * @param maxAttempts how many times the handler runs at most
	 * @param initialBackoff the wait before the second attempt, doubled before each further one
	 * @param maxBackoff the longest wait between attempts
	 */
	public record RetrySettings(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

		public RetrySettings {
			if (maxAttempts < 1) {
				throw new IllegalArgumentException("wxwork.callback.async.max-attempts must be at least 1, not " + maxAttempts);
			}
		}

	}

	/** SLF4J's MDC, touched only when SLF4J is present. */
	private static final class Mdc {

		static Map<String, String> copy() {
			return org.slf4j.MDC.getCopyOfContextMap();
		}

		static Map<String, String> replace(Map<String, String> context) {
			Map<String, String> previous = org.slf4j.MDC.getCopyOfContextMap();
			if (context == null) {
				org.slf4j.MDC.clear();
			}
			else {
				org.slf4j.MDC.setContextMap(context);
			}
			return previous;
		}

	}

}
