package dev.wxwork.callback.event;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The location a member picked from the menu (doc 90240).
 *
 * @param locationX the latitude
 * @param locationY the longitude
 * @param scale the map zoom
 * @param label the address
 * @param poiname the name of the place, if any
 */
public record SendLocationInfo(@JsonProperty("Location_X") double locationX,
		@JsonProperty("Location_Y") double locationY, Integer scale, String label, String poiname) {
}
