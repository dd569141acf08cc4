package dev.wxwork.callback.event;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The location a member picked from the menu (doc 90240).
 *
 * @param locationX the latitude; null when WeCom leaves it out (0.0 is a real place)
 * @param locationY the longitude; null when WeCom leaves it out
 * @param scale the map zoom
 * @param label the address
 * @param poiname the name of the place, if any
 */
public record SendLocationInfo(@JsonProperty("Location_X") Double locationX,
		@JsonProperty("Location_Y") Double locationY, Integer scale, String label, String poiname) {
}
