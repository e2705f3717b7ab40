package io.curlew.raw.jni;

/**
 * What curlew's C trampolines call for an easy handle: one method per libcurl callback,
 * with raw addresses instead of Java objects, so an upcall allocates nothing. The native
 * side caches these methods' IDs once; the names and signatures are part of the contract
 * with {@code native/jni_upcalls.c}.
 *
 * <p>Implementations must not let exceptions escape: they record them and return the
 * abort value libcurl documents for the callback. {@link #onFailure} receives what escaped
 * anyway. Each default here is libcurl's "abort" or "not handled" answer.
 */
public abstract class EasyUpcalls {

  /** For subclasses. */
  protected EasyUpcalls() {
  }

  /**
   * CURLOPT_WRITEFUNCTION.
   * @param ptr data
   * @param len bytes
   * @return bytes taken
   */
  public long onWrite(long ptr, long len) {
    return 0;
  }

  /**
   * CURLOPT_READFUNCTION.
   * @param ptr buffer
   * @param len room
   * @return bytes given
   */
  public long onRead(long ptr, long len) {
    return 0x10000000L; // CURL_READFUNC_ABORT
  }

  /**
   * CURLOPT_HEADERFUNCTION.
   * @param ptr header line
   * @param len bytes
   * @return bytes taken
   */
  public long onHeader(long ptr, long len) {
    return len;
  }

  /**
   * CURLOPT_XFERINFOFUNCTION.
   *
   * @param dltotal expected download bytes
   * @param dlnow downloaded bytes
   * @param ultotal expected upload bytes
   * @param ulnow uploaded bytes
   * @return 0 to continue
   */
  public int onXferinfo(long dltotal, long dlnow, long ultotal, long ulnow) {
    return 0;
  }

  /**
   * CURLOPT_PROGRESSFUNCTION (deprecated).
   *
   * @param dltotal expected download bytes
   * @param dlnow downloaded bytes
   * @param ultotal expected upload bytes
   * @param ulnow uploaded bytes
   * @return 0 to continue
   */
  public int onProgress(double dltotal, double dlnow, double ultotal, double ulnow) {
    return 0;
  }

  /**
   * CURLOPT_DEBUGFUNCTION.
   * @param type curl_infotype
   * @param ptr data
   * @param len bytes
   * @return 0
   */
  public int onDebug(int type, long ptr, long len) {
    return 0;
  }

  /**
   * CURLOPT_SEEKFUNCTION.
   * @param offset where
   * @param origin whence
   * @return CURL_SEEKFUNC_*
   */
  public int onSeek(long offset, int origin) {
    return 2; // CURL_SEEKFUNC_CANTSEEK
  }

  /**
   * CURLOPT_SOCKOPTFUNCTION.
   * @param fd socket
   * @param purpose curlsocktype
   * @return CURL_SOCKOPT_*
   */
  public int onSockopt(int fd, int purpose) {
    return 0;
  }

  /**
   * CURLOPT_OPENSOCKETFUNCTION.
   * @param purpose curlsocktype
   * @param address struct curl_sockaddr*
   * @return fd
   */
  public int onOpenSocket(int purpose, long address) {
    return -1;
  }

  /**
   * CURLOPT_CLOSESOCKETFUNCTION.
   * @param fd socket
   * @return 0 on success
   */
  public int onCloseSocket(int fd) {
    return 1;
  }

  /**
   * CURLOPT_PREREQFUNCTION.
   *
   * @param primaryIp char* of the server address
   * @param localIp char* of the local address
   * @param primaryPort server port
   * @param localPort local port
   * @return CURL_PREREQFUNC_*
   */
  public int onPrereq(long primaryIp, long localIp, int primaryPort, int localPort) {
    return 0;
  }

  /**
   * CURLOPT_RESOLVER_START_FUNCTION.
   * @param state resolver state
   * @return 0 to continue
   */
  public int onResolverStart(long state) {
    return 0;
  }

  /**
   * CURLOPT_TRAILERFUNCTION.
   *
   * @return a struct curl_slist* (0 for none), -1 to abort
   */
  public long onTrailer() {
    return 0;
  }

  /**
   * CURLOPT_HSTSREADFUNCTION.
   * @param entry struct curl_hstsentry*
   * @return CURLSTS_*
   */
  public int onHstsRead(long entry) {
    return 1; // CURLSTS_DONE
  }

  /**
   * CURLOPT_HSTSWRITEFUNCTION.
   * @param entry curl_hstsentry*
   * @param index curl_index*
   * @return CURLSTS_*
   */
  public int onHstsWrite(long entry, long index) {
    return 0;
  }

  /**
   * CURLOPT_CHUNK_BGN_FUNCTION.
   * @param info curl_fileinfo*
   * @param remains count
   * @return CURL_CHUNK_BGN_FUNC_*
   */
  public long onChunkBegin(long info, int remains) {
    return 0;
  }

  /**
   * CURLOPT_CHUNK_END_FUNCTION.
   *
   * @return CURL_CHUNK_END_FUNC_*
   */
  public long onChunkEnd() {
    return 0;
  }

  /**
   * CURLOPT_FNMATCH_FUNCTION.
   * @param pattern char*
   * @param string char*
   * @return CURL_FNMATCHFUNC_*
   */
  public int onFnmatch(long pattern, long string) {
    return 2;
  }

  /**
   * CURLOPT_INTERLEAVEFUNCTION.
   * @param ptr data
   * @param len bytes
   * @return bytes taken
   */
  public long onInterleave(long ptr, long len) {
    return len;
  }

  /**
   * CURLOPT_SSL_CTX_FUNCTION.
   * @param sslctx the backend's SSL_CTX*
   * @return a CURLcode
   */
  public int onSslCtx(long sslctx) {
    return 0;
  }

  /**
   * CURLOPT_IOCTLFUNCTION (deprecated).
   * @param cmd curliocmd
   * @return curlioerr
   */
  public int onIoctl(int cmd) {
    return 1;
  }

  /**
   * curl_easy_ssls_export's callback.
   *
   * @param sessionKey char*
   * @param shmac salted hash bytes
   * @param shmacLen their length
   * @param sdata session bytes
   * @param sdataLen their length
   * @param validUntil epoch seconds
   * @param alpn char* or 0
   * @param ietfTlsId the TLS version
   * @param earlydataMax early data limit
   * @return a CURLcode
   */
  public int onSslsExport(long sessionKey, long shmac, long shmacLen, long sdata, long sdataLen,
      long validUntil, long alpn, int ietfTlsId, long earlydataMax) {
    return 0;
  }

  /** @param t a throwable that escaped one of the methods above */
  public void onFailure(Throwable t) {
  }
}
