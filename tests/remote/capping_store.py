#!/usr/bin/env python3
"""A SPARQL store that misbehaves the way real ones do, for the client's edge cases (the real
store, Virtuoso, is tests/cli/remote.sh's). It holds one graph of 20 triples <s0..s19> <p> "i".
The first path segment chooses the behaviour:

  /capN/...   every answer (GSP GET, CONSTRUCT) silently cut to N triples, as Virtuoso does
  /liar/...   counts 25 triples but returns its 20 (a store that lost some: never accept)
  /auth/...   401 with a Digest challenge for every request

Endpoints: POST .../sparql (form-encoded query=: COUNT, or CONSTRUCT ... LIMIT n OFFSET k as
N-Triples), GET .../gsp?graph=IRI (N-Triples). Started with --port 0 it prints its port."""
import argparse, json, re, sys, urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

TRIPLES = [f'<http://example.org/s{i:02d}> <http://example.org/p> "{i}" .\n' for i in range(20)]

class Store(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def behaviour(self):
        return self.path.split("/")[1]

    def answer(self, status, body, kind):
        data = body.encode()
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        if status == 401:
            self.send_header("WWW-Authenticate", 'Digest realm="store", nonce="abc", qop="auth"')
        self.end_headers()
        self.wfile.write(data)

    def triples(self, lines):
        b = self.behaviour()
        cap = int(b[3:]) if b.startswith("cap") else len(lines)
        self.answer(200, "".join(lines[:cap]), "application/n-triples")

    def do_GET(self):
        if self.behaviour() == "auth":
            return self.answer(401, "unauthorized", "text/plain")
        self.triples(TRIPLES)

    def do_POST(self):
        if self.behaviour() == "auth":
            return self.answer(401, "unauthorized", "text/plain")
        form = urllib.parse.parse_qs(self.rfile.read(int(self.headers["Content-Length"])).decode())
        query = form["query"][0]
        if "COUNT" in query:
            n = 25 if self.behaviour() == "liar" else len(TRIPLES)
            body = {"head": {"vars": ["n"]}, "results": {"bindings": [{"n": {"type": "literal", "value": str(n)}}]}}
            return self.answer(200, json.dumps(body), "application/sparql-results+json")
        limit = int(re.search(r"LIMIT (\d+)", query).group(1))
        offset = int(re.search(r"OFFSET (\d+)", query).group(1))
        self.triples(TRIPLES[offset:offset + limit])

parser = argparse.ArgumentParser()
parser.add_argument("--port", type=int, default=0)
server = ThreadingHTTPServer(("127.0.0.1", parser.parse_args().port), Store)
print(server.server_address[1], flush=True)
server.serve_forever()
