package dev.wxwork.api.contact;

import java.util.List;

import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

import dev.wxwork.api.WeComDoc;
import dev.wxwork.client.Idempotency;
import dev.wxwork.client.WeComCall;

/**
 * Asynchronous contact imports from an uploaded CSV file (异步批量接口, doc 90979):
 * {@code agent.batchJobs()}. A job's end comes as a {@code batch_job_result} callback or by polling
 * {@link #result}.
 */
@HttpExchange("/cgi-bin/batch")
public interface BatchJobApi {

	/** Adds and updates the members in the file, leaving the others (doc 90980). */
	@WeComDoc("90980")
	@WeComCall(Idempotency.NOT_IDEMPOTENT)
	@PostExchange("/syncuser")
	BatchJobId syncUsers(@RequestBody BatchJob job);

	/** Makes the members exactly those in the file, deleting the others (doc 90981). */
	@WeComDoc("90981")
	@WeComCall(Idempotency.NOT_IDEMPOTENT)
	@PostExchange("/replaceuser")
	BatchJobId replaceUsers(@RequestBody BatchJob job);

	/** Makes the departments exactly those in the file (doc 90982). */
	@WeComDoc("90982")
	@WeComCall(Idempotency.NOT_IDEMPOTENT)
	@PostExchange("/replaceparty")
	BatchJobId replaceDepartments(@RequestBody BatchJob job);

	/** The state and per-row results of a job (doc 90983). */
	@WeComDoc("90983")
	@WeComCall(Idempotency.IDEMPOTENT)
	@GetExchange("/getresult")
	BatchJobResult result(@RequestParam("jobid") String jobid);

	/**
	 * A job: the uploaded CSV file, whether to invite new members (member jobs only; default true),
	 * and an optional callback for the end of the job.
	 */
	record BatchJob(String mediaId, Boolean toInvite, Callback callback) {

		/** A job for this uploaded file, with WeCom's defaults. */
		public static BatchJob of(String mediaId) {
			return new BatchJob(mediaId, null, null);
		}

	}

	/**
	 * Where WeCom reports the end of a job; {@link #toString()} hides the token and the key, which
	 * seal callbacks.
	 */
	record Callback(String url, String token, String encodingaeskey) {

		@Override
		public String toString() {
			return "Callback[url=" + this.url + ", token=******, encodingaeskey=******]";
		}

	}

	/** The id of a job just started. */
	record BatchJobId(String jobid) {
	}

	/**
	 * A job's state: {@code status} 1 started, 2 running, 3 done; {@code type} {@code sync_user},
	 * {@code replace_user} or {@code replace_party}; {@code percentage} 100 when done.
	 */
	record BatchJobResult(int status, String type, int total, int percentage, List<Row> result) {

		public BatchJobResult {
			result = (result != null) ? result : List.of();
		}

		/** Whether the job has finished. */
		public boolean done() {
			return this.status == 3;
		}

		/**
		 * The result for one row: a member ({@code userid}) or a department ({@code partyid} and
		 * {@code action}, bits 1 created, 2 renamed, 4 moved, 8 reordered), with its own errcode.
		 */
		public record Row(String userid, Long partyid, Integer action, int errcode, String errmsg) {
		}

	}

}
