package dev.wxwork.callback.event;

/**
 * The result of an asynchronous batch job (doc 90240).
 *
 * @param jobId the job id the batch API returned
 * @param jobType sync_user, replace_user, invite_user or replace_party
 * @param errCode 0 when the job succeeded
 * @param errMsg WeCom's description of the result
 */
public record BatchJob(String jobId, String jobType, Integer errCode, String errMsg) {
}
