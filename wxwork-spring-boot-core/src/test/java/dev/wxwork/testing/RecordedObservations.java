package dev.wxwork.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;

/** An observation registry that keeps every stopped observation, for tests to read. */
public final class RecordedObservations {

	private final List<Observation.Context> stopped = new CopyOnWriteArrayList<>();

	private final ObservationRegistry registry = ObservationRegistry.create();

	public RecordedObservations() {
		this.registry.observationConfig().observationHandler(new ObservationHandler<>() {

			@Override
			public boolean supportsContext(Observation.Context context) {
				return true;
			}

			@Override
			public void onStop(Observation.Context context) {
				RecordedObservations.this.stopped.add(context);
			}

		});
	}

	/** The registry to hand to the code under test. */
	public ObservationRegistry registry() {
		return this.registry;
	}

	/** The stopped observations, oldest first. */
	public List<Observation.Context> stopped() {
		return List.copyOf(this.stopped);
	}

}
