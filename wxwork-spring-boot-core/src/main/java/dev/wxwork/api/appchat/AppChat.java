package dev.wxwork.api.appchat;

import java.util.List;

/** A group chat created by an app (doc 90247); {@code chatType} 0 is a normal chat, 1 a class chat. */
public record AppChat(String chatid, String name, String owner, List<String> userlist, Integer chatType) {
}
