#!/usr/bin/env python3
"""A real HTTP server on loopback for the agents' end-to-end test: serves FILE at /ontology.ttl
with an ETag (If-None-Match answered 304) and a Last-Modified, logs every GET's status to
LOG, and keeps each POST body (alert webhooks) as a line of HOOKS. Writes its port to PORTFILE."""
import hashlib, http.server, sys

served, log_path, hooks_path, port_path = sys.argv[1:5]


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        body = open(served, "rb").read()
        etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
        status = 304 if self.headers.get("If-None-Match") == etag else 200
        with open(log_path, "a") as log:
            log.write(f"{status}\n")
        self.send_response(status)
        self.send_header("ETag", etag)
        self.send_header("Last-Modified", "Tue, 01 Dec 2026 10:00:00 GMT")
        if status == 200:
            self.send_header("Content-Type", "text/turtle")
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if status == 200:
            self.wfile.write(body)

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        with open(hooks_path, "ab") as hooks:
            hooks.write(body.replace(b"\n", b" ") + b"\n")
        self.send_response(200)
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"ok")

    def log_message(self, *args):
        pass


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
with open(port_path, "w") as f:
    f.write(str(server.server_address[1]))
server.serve_forever()
