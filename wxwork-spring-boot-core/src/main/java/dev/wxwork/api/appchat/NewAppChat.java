package dev.wxwork.api.appchat;

import java.util.List;

/**
 * A group chat to create (doc 90245).
 * @param owner the owner's userid; WeCom picks a member when null
 * @param chatid the chat's id (0-9, a-z, A-Z, at most 32 characters); WeCom makes one when null
 */
public record NewAppChat(String name, String owner, List<String> userlist, String chatid) {
}
