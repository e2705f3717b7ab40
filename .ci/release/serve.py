#!/usr/bin/env python3
"""Local test server for the release check: serves one directory over HTTP
and over HTTPS (the given certificate and key) on 127.0.0.1, on ports the
kernel picks. Prints one line "http=PORT https=PORT" once both sockets
listen, so the caller can wait for that line instead of sleeping. Stops when
its standard input closes, or after --max-seconds.

  serve.py DIR CERT KEY [--max-seconds N]
"""
import functools
import http.server
import ssl
import sys
import threading


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, fmt, *args):
        pass


def main():
    directory, cert, key = sys.argv[1:4]
    limit = float(sys.argv[5]) if len(sys.argv) > 5 and sys.argv[4] == "--max-seconds" else 900
    handler = functools.partial(Quiet, directory=directory)
    plain = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    tls = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    tls.socket = context.wrap_socket(tls.socket, server_side=True)
    for server in (plain, tls):
        threading.Thread(target=server.serve_forever, daemon=True).start()
    print("http=%d https=%d" % (plain.server_address[1], tls.server_address[1]), flush=True)
    # Block until the caller closes our stdin (or the time limit ends).
    done = threading.Event()
    threading.Thread(target=lambda: (sys.stdin.read(), done.set()), daemon=True).start()
    done.wait(limit)
    plain.shutdown()
    tls.shutdown()


if __name__ == "__main__":
    main()
