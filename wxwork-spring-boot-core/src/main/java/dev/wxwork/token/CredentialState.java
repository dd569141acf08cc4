package dev.wxwork.token;

/**
 * What the store holds for one credential.
 * @param credential the credential, or null when there is none or it has expired
 * @param generation the fence of {@link AccessTokenStore#put}
 * @param failure a refresh failure recorded within its memory, or null
 */
public record CredentialState(StoredCredential credential, long generation, RefreshFailure failure) {

	static final CredentialState EMPTY = new CredentialState(null, 0, null);

}
