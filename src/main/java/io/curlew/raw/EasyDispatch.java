package io.curlew.raw;

import io.curlew.raw.jni.CurlewNative;
import io.curlew.raw.jni.EasyUpcalls;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The Java end of one easy handle's callbacks: holds the callbacks and *DATA objects set
 * with curl_easy_setopt and turns each upcall into a call of the right one. It never lets
 * an exception escape into libcurl: a failure is recorded (see {@link CallbackFailures})
 * and libcurl gets the abort value documented for that callback.
 *
 * <p>Without a write function the body goes to WRITEDATA when it is an OutputStream,
 * else to System.out; without a read function data comes from READDATA when it is an
 * InputStream, else System.in; without a debug function verbose output goes to
 * System.err in libcurl's format: the Java equivalents of C's stdio defaults.
 */
final class EasyDispatch extends EasyUpcalls {

  static final long WRITEFUNC_ERROR = 0xFFFFFFFFL;
  static final long READFUNC_ABORT = 0x10000000L;

  private final CURL handle;
  private final CurlBuffer view = new CurlBuffer();
  private byte[] scratch;

  curl_write_callback write;
  curl_write_callback header;
  curl_write_callback interleave;
  curl_read_callback read;
  curl_xferinfo_callback xferinfo;
  curl_progress_callback progress;
  curl_debug_callback debug;
  curl_seek_callback seek;
  curl_sockopt_callback sockopt;
  curl_opensocket_callback opensocket;
  curl_closesocket_callback closesocket;
  curl_prereq_callback prereq;
  curl_resolver_start_callback resolverStart;
  curl_trailer_callback trailer;
  curl_hstsread_callback hstsRead;
  curl_hstswrite_callback hstsWrite;
  curl_chunk_bgn_callback chunkBegin;
  curl_chunk_end_callback chunkEnd;
  curl_fnmatch_callback fnmatch;
  curl_ssl_ctx_callback sslCtx;
  curl_ioctl_callback ioctl;
  curl_ssls_export_cb sslsExport;

  Object writeData;
  Object readData;
  Object headerData;
  Object progressData;
  Object debugData;
  Object seekData;
  Object sockoptData;
  Object opensocketData;
  Object closesocketData;
  Object prereqData;
  Object resolverStartData;
  Object trailerData;
  Object hstsReadData;
  Object hstsWriteData;
  Object chunkData;
  Object fnmatchData;
  Object interleaveData;
  Object sslCtxData;
  Object ioctlData;
  Object sslsExportData;

  /** the last callback failure on this handle, for the idiomatic layer */
  volatile Throwable failure;

  EasyDispatch(CURL handle) {
    this.handle = handle;
  }

  /** A copy for a duplicated handle: same callbacks, same data objects. */
  EasyDispatch copyFor(CURL other) {
    EasyDispatch d = new EasyDispatch(other);
    d.write = write;
    d.header = header;
    d.interleave = interleave;
    d.read = read;
    d.xferinfo = xferinfo;
    d.progress = progress;
    d.debug = debug;
    d.seek = seek;
    d.sockopt = sockopt;
    d.opensocket = opensocket;
    d.closesocket = closesocket;
    d.prereq = prereq;
    d.resolverStart = resolverStart;
    d.trailer = trailer;
    d.hstsRead = hstsRead;
    d.hstsWrite = hstsWrite;
    d.chunkBegin = chunkBegin;
    d.chunkEnd = chunkEnd;
    d.fnmatch = fnmatch;
    d.sslCtx = sslCtx;
    d.ioctl = ioctl;
    d.writeData = writeData;
    d.readData = readData;
    d.headerData = headerData;
    d.progressData = progressData;
    d.debugData = debugData;
    d.seekData = seekData;
    d.sockoptData = sockoptData;
    d.opensocketData = opensocketData;
    d.closesocketData = closesocketData;
    d.prereqData = prereqData;
    d.resolverStartData = resolverStartData;
    d.trailerData = trailerData;
    d.hstsReadData = hstsReadData;
    d.hstsWriteData = hstsWriteData;
    d.chunkData = chunkData;
    d.fnmatchData = fnmatchData;
    d.interleaveData = interleaveData;
    d.sslCtxData = sslCtxData;
    d.ioctlData = ioctlData;
    return d;
  }

  /** Forgets every callback and data object (curl_easy_reset). */
  EasyDispatch cleared() {
    return new EasyDispatch(handle);
  }

  private void fail(Throwable t) {
    failure = t;
    CallbackFailures.record(t);
  }

  @Override
  public void onFailure(Throwable t) {
    fail(t);
  }

  // --- data ----------------------------------------------------------------------

  @Override
  public long onWrite(long ptr, long len) {
    try {
      return deliver(write, writeData, ptr, len);
    } catch (Throwable t) {
      fail(t);
      return WRITEFUNC_ERROR;
    } finally {
      view.clear();
    }
  }

  @Override
  public long onHeader(long ptr, long len) {
    try {
      if (header != null) {
        return header.call(view.point(ptr, len), 1, len, headerData);
      }
      // C: without a header function, headers go to the write function with HEADERDATA
      return deliver(write, headerData, ptr, len);
    } catch (Throwable t) {
      fail(t);
      return WRITEFUNC_ERROR;
    } finally {
      view.clear();
    }
  }

  @Override
  public long onInterleave(long ptr, long len) {
    try {
      return interleave == null ? len : interleave.call(view.point(ptr, len), 1, len,
          interleaveData);
    } catch (Throwable t) {
      fail(t);
      return 0;
    } finally {
      view.clear();
    }
  }

  private long deliver(curl_write_callback cb, Object data, long ptr, long len) throws Exception {
    if (cb != null) {
      return cb.call(view.point(ptr, len), 1, len, data);
    }
    OutputStream out = data instanceof OutputStream ? (OutputStream) data : System.out;
    byte[] b = scratch(len);
    CurlewNative.curlew_copy_out(ptr, b, 0, len);
    out.write(b, 0, (int) len);
    return len;
  }

  @Override
  public long onRead(long ptr, long len) {
    try {
      if (read != null) {
        return read.call(view.point(ptr, len), 1, len, readData);
      }
      InputStream in = readData instanceof InputStream ? (InputStream) readData : System.in;
      byte[] b = scratch(len);
      int n = in.read(b, 0, (int) Math.min(len, b.length));
      if (n <= 0) {
        return 0;
      }
      CurlewNative.curlew_copy_in(ptr, b, 0, n);
      return n;
    } catch (Throwable t) {
      fail(t);
      return READFUNC_ABORT;
    } finally {
      view.clear();
    }
  }

  private byte[] scratch(long len) {
    int n = (int) Math.min(Math.max(len, 16384), 16 << 20);
    if (scratch == null || scratch.length < n) {
      scratch = new byte[n];
    }
    return scratch;
  }

  // --- progress, debug -------------------------------------------------------------

  @Override
  public int onXferinfo(long dltotal, long dlnow, long ultotal, long ulnow) {
    try {
      return xferinfo == null ? 0 : xferinfo.call(progressData, dltotal, dlnow, ultotal, ulnow);
    } catch (Throwable t) {
      fail(t);
      return 1;
    }
  }

  @Override
  public int onProgress(double dltotal, double dlnow, double ultotal, double ulnow) {
    try {
      return progress == null ? 0 : progress.call(progressData, dltotal, dlnow, ultotal, ulnow);
    } catch (Throwable t) {
      fail(t);
      return 1;
    }
  }

  @Override
  public int onDebug(int type, long ptr, long len) {
    try {
      if (debug != null) {
        debug.call(handle, type, view.point(ptr, len), len, debugData);
      } else {
        printVerbose(type, ptr, len);
      }
    } catch (Throwable t) {
      fail(t);
    } finally {
      view.clear();
    }
    return 0;
  }

  /** libcurl's own format for verbose output without a debug function. */
  private static void printVerbose(int type, long ptr, long len) {
    String prefix = switch (type) {
      case 0 -> "* ";
      case 1 -> "< ";
      case 2 -> "> ";
      default -> null;
    };
    if (prefix == null) {
      return;
    }
    String text = new String(CStrings.bytesAt(ptr, len), StandardCharsets.ISO_8859_1);
    PrintStream err = System.err;
    err.print(prefix + text);
  }

  // --- the rest --------------------------------------------------------------------

  @Override
  public int onSeek(long offset, int origin) {
    try {
      return seek == null ? 2 : seek.call(seekData, offset, origin);
    } catch (Throwable t) {
      fail(t);
      return 1; // CURL_SEEKFUNC_FAIL
    }
  }

  @Override
  public int onSockopt(int fd, int purpose) {
    try {
      return sockopt == null ? 0 : sockopt.call(sockoptData, fd, purpose);
    } catch (Throwable t) {
      fail(t);
      return 1; // CURL_SOCKOPT_ERROR
    }
  }

  @Override
  public int onOpenSocket(int purpose, long address) {
    try {
      long[] f = new long[4];
      byte[] addr = new byte[128];
      CurlewNative.curlew_sockaddr_fields(address, f, addr);
      curl_sockaddr sa = new curl_sockaddr((int) f[0], (int) f[1], (int) f[2], (int) f[3],
          java.util.Arrays.copyOf(addr, (int) Math.min(f[3], 128)));
      return opensocket.call(opensocketData, purpose, sa);
    } catch (Throwable t) {
      fail(t);
      return -1; // CURL_SOCKET_BAD
    }
  }

  @Override
  public int onCloseSocket(int fd) {
    try {
      return closesocket.call(closesocketData, fd);
    } catch (Throwable t) {
      fail(t);
      return 1;
    }
  }

  @Override
  public int onPrereq(long primaryIp, long localIp, int primaryPort, int localPort) {
    try {
      return prereq.call(prereqData, CStrings.at(primaryIp), CStrings.at(localIp), primaryPort,
          localPort);
    } catch (Throwable t) {
      fail(t);
      return 1; // CURL_PREREQFUNC_ABORT
    }
  }

  @Override
  public int onResolverStart(long state) {
    try {
      return resolverStart.call(state, 0, resolverStartData);
    } catch (Throwable t) {
      fail(t);
      return 1;
    }
  }

  @Override
  public long onTrailer() {
    try {
      curl_slist[] out = new curl_slist[1];
      int rc = trailer.call(out, trailerData);
      if (rc != 0) {
        return -1;
      }
      java.util.List<String> list = curl_slist.toList(out[0]);
      return list.isEmpty() ? 0
          : CurlewNative.curlew_slist_build(CStrings.packed(list), list.size());
    } catch (Throwable t) {
      fail(t);
      return -1;
    }
  }

  @Override
  public int onHstsRead(long entry) {
    try {
      long[] f = new long[6];
      CurlewNative.curlew_hsts_get(entry, 0, f);
      curl_hstsentry e = new curl_hstsentry(null, f[5], false, null);
      int rc = hstsRead.call(handle, e, hstsReadData);
      if (rc == 0 && e.name != null) {
        int set = CurlewNative.curlew_hsts_set(entry, CStrings.of(e.name), e.includeSubDomains
            ? 1 : 0, CStrings.of(e.expire));
        if (set != 0) {
          throw new IllegalArgumentException("HSTS entry does not fit libcurl's buffer: "
              + e.name);
        }
      }
      return rc;
    } catch (Throwable t) {
      fail(t);
      return 2; // CURLSTS_FAIL
    }
  }

  @Override
  public int onHstsWrite(long entry, long index) {
    try {
      long[] f = new long[6];
      CurlewNative.curlew_hsts_get(entry, index, f);
      curl_hstsentry e = new curl_hstsentry(CStrings.at(f[0]), 0, f[1] != 0, CStrings.at(f[2]));
      return hstsWrite.call(handle, e, new curl_index(f[3], f[4]), hstsWriteData);
    } catch (Throwable t) {
      fail(t);
      return 2;
    }
  }

  @Override
  public long onChunkBegin(long info, int remains) {
    try {
      return chunkBegin.call(info, chunkData, remains);
    } catch (Throwable t) {
      fail(t);
      return 1;
    }
  }

  @Override
  public long onChunkEnd() {
    try {
      return chunkEnd.call(chunkData);
    } catch (Throwable t) {
      fail(t);
      return 1;
    }
  }

  @Override
  public int onFnmatch(long pattern, long string) {
    try {
      return fnmatch.call(fnmatchData, CStrings.at(pattern), CStrings.at(string));
    } catch (Throwable t) {
      fail(t);
      return 2;
    }
  }

  @Override
  public int onSslCtx(long sslctx) {
    try {
      return sslCtx.call(handle, sslctx, sslCtxData);
    } catch (Throwable t) {
      fail(t);
      return 42; // CURLE_ABORTED_BY_CALLBACK
    }
  }

  @Override
  public int onIoctl(int cmd) {
    try {
      return ioctl.call(handle, cmd, ioctlData);
    } catch (Throwable t) {
      fail(t);
      return 2; // CURLIOE_FAILRESTART
    }
  }

  @Override
  public int onSslsExport(long sessionKey, long shmac, long shmacLen, long sdata, long sdataLen,
      long validUntil, long alpn, int ietfTlsId, long earlydataMax) {
    try {
      return sslsExport.call(handle, sslsExportData, CStrings.at(sessionKey),
          CStrings.bytesAt(shmac, shmacLen), CStrings.bytesAt(sdata, sdataLen), validUntil,
          ietfTlsId, CStrings.at(alpn), earlydataMax);
    } catch (Throwable t) {
      fail(t);
      return 42;
    }
  }
}
