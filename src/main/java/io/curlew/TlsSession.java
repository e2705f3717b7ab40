package io.curlew;

/**
 * A TLS session exported from a handle's session cache ({@code curl_easy_ssls_export}),
 * to be imported into another handle or process later
 * ({@code curl_easy_ssls_import}) so its first connection resumes instead of doing a full
 * handshake. The data is secret: store it like a credential.
 *
 * @param sessionKey the peer the session belongs to (host, port and TLS settings)
 * @param shmac the salted hash libcurl matches peers by
 * @param data the session itself
 * @param validUntil when it expires, epoch seconds
 * @param tlsVersion the IETF TLS version id (0x0304 for TLS 1.3)
 * @param alpn the negotiated application protocol, or null
 * @param earlyDataMax how much early data the session allows
 */
public record TlsSession(String sessionKey, byte[] shmac, byte[] data, long validUntil,
    int tlsVersion, String alpn, long earlyDataMax) {
}
