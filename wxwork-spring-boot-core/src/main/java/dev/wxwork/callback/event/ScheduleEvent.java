package dev.wxwork.callback.event;

/** A schedule was added, changed, deleted or answered (doc 93704). */
public interface ScheduleEvent extends WxWorkEvent {

	/** The calendar id. */
	String calId();

	/** The schedule id. */
	String scheduleId();

}
