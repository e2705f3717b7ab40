package io.curlew;

import static io.curlew.raw.LibCurl.*;

import io.curlew.callback.*;
import io.curlew.internal.Sneaky;
import io.curlew.raw.CURL;
import io.curlew.raw.LibCurl;
import io.curlew.raw.curl_chunk_bgn_callback;
import io.curlew.raw.curl_chunk_end_callback;
import io.curlew.raw.curl_closesocket_callback;
import io.curlew.raw.curl_debug_callback;
import io.curlew.raw.curl_fnmatch_callback;
import io.curlew.raw.curl_hstsread_callback;
import io.curlew.raw.curl_hstswrite_callback;
import io.curlew.raw.curl_opensocket_callback;
import io.curlew.raw.curl_prereq_callback;
import io.curlew.raw.curl_read_callback;
import io.curlew.raw.curl_resolver_start_callback;
import io.curlew.raw.curl_seek_callback;
import io.curlew.raw.curl_slist;
import io.curlew.raw.curl_sockopt_callback;
import io.curlew.raw.curl_ssl_ctx_callback;
import io.curlew.raw.curl_trailer_callback;
import io.curlew.raw.curl_write_callback;
import io.curlew.raw.curl_xferinfo_callback;
import java.util.List;

/**
 * Installs an idiomatic callback ({@code io.curlew.callback}) on a raw handle by wrapping
 * it in the raw layer's typedef interface. Each adapter owns its own {@link Chunk} view, so
 * nothing is allocated per call; checked exceptions pass through to the driving call.
 */
final class EasyCallbackAdapters {

  private EasyCallbackAdapters() {
  }

  static void install(CURL raw, CurlOption<?> option, Object cb) {
    int id = option.id();
    if (cb == null) {
      LibCurl.curl_easy_setopt(raw, id, (Object) null);
      return;
    }
    Object adapter = adapt(option, cb);
    LibCurl.curl_easy_setopt(raw, id, adapter);
  }

  private static Object adapt(CurlOption<?> option, Object cb) {
    switch (option.name()) {
      case "WRITEFUNCTION" -> {
        WriteCallback w = (WriteCallback) cb;
        Chunk chunk = new Chunk();
        return (curl_write_callback) (buf, size, n, ud) -> {
          try {
            return w.write(chunk.wrap(buf)) == WriteCallback.PAUSE ? CURL_WRITEFUNC_PAUSE : n;
          } catch (Exception e) {
            throw Sneaky.raise(e);
          } finally {
            chunk.release();
          }
        };
      }
      case "HEADERFUNCTION" -> {
        HeaderCallback h = (HeaderCallback) cb;
        Chunk chunk = new Chunk();
        return (curl_write_callback) (buf, size, n, ud) -> {
          try {
            h.header(chunk.wrap(buf));
            return n;
          } catch (Exception e) {
            throw Sneaky.raise(e);
          } finally {
            chunk.release();
          }
        };
      }
      case "INTERLEAVEFUNCTION" -> {
        InterleaveCallback h = (InterleaveCallback) cb;
        Chunk chunk = new Chunk();
        return (curl_write_callback) (buf, size, n, ud) -> {
          try {
            h.interleave(chunk.wrap(buf));
            return n;
          } catch (Exception e) {
            throw Sneaky.raise(e);
          } finally {
            chunk.release();
          }
        };
      }
      case "READFUNCTION" -> {
        ReadCallback r = (ReadCallback) cb;
        Chunk chunk = new Chunk();
        return (curl_read_callback) (buf, size, n, ud) -> {
          try {
            int k = r.read(chunk.wrap(buf));
            if (k == ReadCallback.ABORT) {
              return CURL_READFUNC_ABORT;
            }
            if (k == ReadCallback.PAUSE) {
              return CURL_READFUNC_PAUSE;
            }
            if (k < 0 || k > n) {
              throw new IllegalStateException("a ReadCallback returned " + k
                  + " for a buffer of " + n + " bytes");
            }
            return k;
          } catch (Exception e) {
            throw Sneaky.raise(e);
          } finally {
            chunk.release();
          }
        };
      }
      case "XFERINFOFUNCTION" -> {
        ProgressCallback p = (ProgressCallback) cb;
        return (curl_xferinfo_callback) (ud, dt, dn, ut, un) -> {
          try {
            return p.progress(dt, dn, ut, un) ? 0 : 1;
          } catch (Exception e) {
            throw Sneaky.raise(e);
          }
        };
      }
      case "DEBUGFUNCTION" -> {
        DebugCallback d = (DebugCallback) cb;
        Chunk chunk = new Chunk();
        return (curl_debug_callback) (h, type, data, size, ud) -> {
          try {
            d.debug(InfoType.of(type), chunk.wrap(data));
            return 0;
          } catch (Exception e) {
            throw Sneaky.raise(e);
          } finally {
            chunk.release();
          }
        };
      }
      case "SEEKFUNCTION" -> {
        SeekCallback s = (SeekCallback) cb;
        return (curl_seek_callback) (ud, offset, origin) -> {
          try {
            return s.seek(offset, origin);
          } catch (Exception e) {
            throw Sneaky.raise(e);
          }
        };
      }
      case "SOCKOPTFUNCTION" -> {
        SockoptCallback s = (SockoptCallback) cb;
        return (curl_sockopt_callback) (ud, fd, purpose) -> {
          try {
            return s.configure(fd, purpose);
          } catch (Exception e) {
            throw Sneaky.raise(e);
          }
        };
      }
      case "OPENSOCKETFUNCTION" -> {
        OpenSocketCallback o = (OpenSocketCallback) cb;
        return (curl_opensocket_callback) (ud, purpose, address) -> {
          try {
            return o.open(new SocketRequest(purpose, address));
          } catch (Exception e) {
            throw Sneaky.raise(e);
          }
        };
      }
      case "CLOSESOCKETFUNCTION" -> {
        CloseSocketCallback c = (CloseSocketCallback) cb;
        return (curl_closesocket_callback) (ud, fd) -> {
          try {
            c.close(fd);
            return 0;
          } catch (Exception e) {
            throw Sneaky.raise(e);
          }
        };
      }
      case "PREREQFUNCTION" -> {
        PrereqCallback p = (PrereqCallback) cb;
        return (curl_prereq_callback) (ud, pip, lip, pport, lport) -> {
          try {
            return p.approve(pip, lip, pport, lport) ? CURL_PREREQFUNC_OK : CURL_PREREQFUNC_ABORT;
          } catch (Exception e) {
            throw Sneaky.raise(e);
          }
        };
      }
      case "RESOLVER_START_FUNCTION" -> {
        ResolverStartCallback r = (ResolverStartCallback) cb;
        return (curl_resolver_start_callback) (state, reserved, ud) -> {
          try {
            return r.start() ? 0 : 1;
          } catch (Exception e) {
            throw Sneaky.raise(e);
          }
        };
      }
      case "TRAILERFUNCTION" -> {
        TrailerCallback t = (TrailerCallback) cb;
        return (curl_trailer_callback) (list, ud) -> {
          try {
            List<String> trailers = t.trailers();
            if (trailers != null) {
              trailers.forEach(CurlEasy::checkNoNewline);
              list[0] = curl_slist.of(trailers);
            }
            return CURL_TRAILERFUNC_OK;
          } catch (Exception e) {
            throw Sneaky.raise(e);
          }
        };
      }
      case "HSTSREADFUNCTION" -> {
        HstsReadCallback r = (HstsReadCallback) cb;
        return (curl_hstsread_callback) (easy, e, ud) -> {
          try {
            HstsEntry entry = r.next();
            if (entry == null) {
              return CURLSTS_DONE;
            }
            e.name = entry.host();
            e.includeSubDomains = entry.includeSubDomains();
            e.expire = entry.expire();
            return CURLSTS_OK;
          } catch (Exception ex) {
            throw Sneaky.raise(ex);
          }
        };
      }
      case "HSTSWRITEFUNCTION" -> {
        HstsWriteCallback w = (HstsWriteCallback) cb;
        return (curl_hstswrite_callback) (easy, e, i, ud) -> {
          try {
            w.write(new HstsEntry(e.name, e.includeSubDomains,
                e.expire == null || e.expire.isEmpty() ? null : e.expire), i.index, i.total);
            return CURLSTS_OK;
          } catch (Exception ex) {
            throw Sneaky.raise(ex);
          }
        };
      }
      case "CHUNK_BGN_FUNCTION" -> {
        ChunkBeginCallback c = (ChunkBeginCallback) cb;
        return (curl_chunk_bgn_callback) (info, ud, remains) -> {
          try {
            return c.begin(info, remains);
          } catch (Exception e) {
            throw Sneaky.raise(e);
          }
        };
      }
      case "CHUNK_END_FUNCTION" -> {
        ChunkEndCallback c = (ChunkEndCallback) cb;
        return (curl_chunk_end_callback) ud -> {
          try {
            return c.end();
          } catch (Exception e) {
            throw Sneaky.raise(e);
          }
        };
      }
      case "FNMATCH_FUNCTION" -> {
        FnmatchCallback f = (FnmatchCallback) cb;
        return (curl_fnmatch_callback) (ud, pattern, string) -> {
          try {
            return f.matches(pattern, string) ? CURL_FNMATCHFUNC_MATCH : CURL_FNMATCHFUNC_NOMATCH;
          } catch (Exception e) {
            throw Sneaky.raise(e);
          }
        };
      }
      case "SSL_CTX_FUNCTION" -> {
        SslCtxCallback s = (SslCtxCallback) cb;
        return (curl_ssl_ctx_callback) (curl, ctx, ud) -> {
          try {
            s.configure(ctx);
            return CURLE_OK;
          } catch (Exception e) {
            throw Sneaky.raise(e);
          }
        };
      }
      default -> throw new IllegalArgumentException(option + " has no callback adapter");
    }
  }
}
