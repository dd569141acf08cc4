package dev.wxwork.callback.event;

/**
 * What a member scanned from the menu (doc 90240).
 *
 * @param scanType qrcode or barcode
 * @param scanResult the decoded content
 */
public record ScanCodeInfo(String scanType, String scanResult) {
}
