package dev.wxwork.api.linkedcorp;

import java.util.List;

/** The recipients linkedcorp/message/send could not reach (doc 90250); empty lists when all were reached. */
public record LinkedCorpSendResult(List<String> invaliduser, List<String> invalidparty, List<String> invalidtag) {
}
