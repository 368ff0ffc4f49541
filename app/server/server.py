#!/usr/bin/env python3
"""The sample application: answers /health for the load balancer and a short page on every other path."""
import os
import socket
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path == "/health":
            self._reply(200, "ok\n")
        else:
            self._reply(200, "multiregion sample application on %s\n" % socket.gethostname())

    def do_HEAD(self):
        self.do_GET()

    def _reply(self, status, text):
        body = text.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


def serve(port):
    return ThreadingHTTPServer(("0.0.0.0", port), Handler)


if __name__ == "__main__":
    serve(int(os.environ.get("APP_PORT", "8080"))).serve_forever()
