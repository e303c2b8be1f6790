#!/usr/bin/env python3
"""A SPARQL store that misbehaves the way real ones do, for the client's edge cases (the real
store, Virtuoso, is tests/cli/remote.sh's). It holds one graph of 20 triples <s0..s19> <p> "i".
The first path segment chooses the behaviour:

  /capN/...   every answer (GSP GET, CONSTRUCT) silently cut to N triples, as Virtuoso does
  /liar/...   counts 25 triples but returns its 20 (a store that lost some: never accept)
  /auth/...   401 with a Digest challenge for every request

Endpoints: POST .../sparql (form-encoded query=: the graph's COUNT; the COUNT per partition,
grouped by SUBSTR(MD5(STR(?s)), 1, L) within FILTER(STRSTARTS(MD5(STR(?s)), "P")); or a CONSTRUCT of
one partition, as N-Triples), GET .../gsp?graph=IRI (N-Triples). Started with --port 0 it prints
its port."""
import argparse, hashlib, json, re, sys, urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

TRIPLES = [f'<http://example.org/s{i:02d}> <http://example.org/p> "{i}" .\n' for i in range(20)]


def digest(line):  # MD5(STR(?s)) of the triple's subject
    return hashlib.md5(line.split(">")[0][1:].encode()).hexdigest()


def bindings(rows):
    return json.dumps({"head": {"vars": list(rows[0].keys()) if rows else []}, "results": {"bindings": rows}})

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
        within = re.search(r'STRSTARTS\(MD5\(STR\(\?s\)\), "([0-9a-f]*)"\)', query)
        prefix = within.group(1) if within else ""
        part = [t for t in TRIPLES if digest(t).startswith(prefix)]
        if "GROUP BY" in query:
            length = int(re.search(r"SUBSTR\(MD5\(STR\(\?s\)\), 1, (\d+)\)", query).group(1))
            groups = {}
            for t in part:
                groups[digest(t)[:length]] = groups.get(digest(t)[:length], 0) + 1
            rows = [{"h": {"type": "literal", "value": h}, "n": {"type": "literal", "value": str(n)}}
                    for h, n in sorted(groups.items())]
            return self.answer(200, bindings(rows), "application/sparql-results+json")
        if "COUNT" in query:
            n = 25 if self.behaviour() == "liar" else len(TRIPLES)
            return self.answer(200, bindings([{"n": {"type": "literal", "value": str(n)}}]),
                               "application/sparql-results+json")
        self.triples(part)

parser = argparse.ArgumentParser()
parser.add_argument("--port", type=int, default=0)
server = ThreadingHTTPServer(("127.0.0.1", parser.parse_args().port), Store)
print(server.server_address[1], flush=True)
server.serve_forever()
