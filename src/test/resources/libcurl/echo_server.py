#!/usr/bin/env python3
"""A small echo server on 127.0.0.1 for generate.sh: the curl tool writes its
--libcurl file whatever the server answers, but it should run a real transfer.
Answers every method on every path with the request line, headers and body;
/redirect/N redirects N times. Prints "listening" once both ports accept connections.
Usage: echo_server.py HTTP_PORT TLS_PORT CERT KEY"""
import http.server, ssl, sys, threading


class Echo(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def body(self):
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            data = b""
            while True:
                size = int(self.rfile.readline().split(b";")[0], 16)
                if size == 0:
                    while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                        pass
                    return data
                data += self.rfile.read(size)
                self.rfile.readline()
        return self.rfile.read(int(self.headers.get("Content-Length", "0")))

    def answer(self):
        data = self.body()
        if self.path.startswith("/redirect/") and int(self.path[10:]) > 0:
            self.send_response(302)
            self.send_header("Location", "/redirect/%d" % (int(self.path[10:]) - 1))
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        out = (self.requestline + "\n" + str(self.headers)).encode("latin-1") + data
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(out)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(out)

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = do_OPTIONS = answer

    def log_message(self, *args):
        pass


def bind(port, context=None):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), Echo)
    if context:
        server.socket = context.wrap_socket(server.socket, server_side=True)
    return server


if __name__ == "__main__":
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(sys.argv[3], sys.argv[4])
    plain, tls = bind(int(sys.argv[1])), bind(int(sys.argv[2]), ctx)
    print("listening", flush=True)  # both sockets are bound and listening now
    threading.Thread(target=tls.serve_forever, daemon=True).start()
    plain.serve_forever()
