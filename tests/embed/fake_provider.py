#!/usr/bin/env python3
"""A local embedding service for evograph's tests: speaks OpenAI's POST /v1/embeddings and
Ollama's POST /api/embed, and misbehaves on request. The model name chooses the behaviour:

  ok              every answer right: vector j of a batch is [len(text_j), j, 1, 0, ...] (dim 8)
  dim-N           right, with N dimensions
  wrong-dim       the second answer has 4 dimensions instead of 8
  slow            sleeps 3 s before answering
  flaky-500       500 twice, then right
  always-500      500 with an OpenAI-style error message
  retry-after     429 with Retry-After: 1 once, then right
  retry-after-ms  429 with retry-after-ms: 300 once, then right
  reset           closes the connection without answering (RST) twice, then right
  always-reset    closes the connection every time
  malformed       200 with a body that is not JSON
  fail-second     the first request right, every later one 500
  echo-key        401 quoting the Authorization header it was sent (services do)
  nan             a vector holding NaN
  oversized       200 with a 3 MB body

GET /stats answers {"requests": {model: count}, "authorization": [headers seen]}.
Started with --port 0 it prints the port it listens on, then serves until killed."""
import argparse, json, socket, struct, sys, threading, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

lock = threading.Lock()
requests = {}
authorizations = []


def vectors(texts, dim):
    return [[float(len(t)), float(j), 1.0] + [0.0] * (dim - 3) for j, t in enumerate(texts)]


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def reply(self, status, body, headers=()):
        data = body if isinstance(body, bytes) else json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def reset(self):
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.connection.close()
        self.close_connection = True

    def do_GET(self):
        if self.path == "/stats":
            with lock:
                self.reply(200, {"requests": requests, "authorization": authorizations})
        else:
            self.reply(404, {"error": "not found"})

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        ollama = self.path.endswith("/api/embed")
        if not (ollama or self.path.endswith("/v1/embeddings")):
            return self.reply(404, {"error": {"message": "no such endpoint: " + self.path}})
        request = json.loads(body)
        model, texts = request["model"], request["input"]
        with lock:
            n = requests[model] = requests.get(model, 0) + 1
            authorizations.append(self.headers.get("Authorization", ""))
        dim = int(model[4:]) if model.startswith("dim-") else 8

        def right():
            v = vectors(texts, dim)
            if ollama:
                return self.reply(200, {"model": model, "embeddings": v})
            return self.reply(200, {"object": "list", "model": model,
                                    "data": [{"object": "embedding", "index": j, "embedding": e} for j, e in enumerate(v)]})

        if model == "slow":
            time.sleep(3)
            return right()
        if model == "flaky-500" and n <= 2:
            return self.reply(500, {"error": {"message": "temporarily overloaded"}})
        if model == "always-500" or (model == "fail-second" and n > 1):
            return self.reply(500, {"error": {"message": "the model crashed", "type": "server_error"}})
        if model == "retry-after" and n == 1:
            return self.reply(429, {"error": {"message": "rate limited"}}, [("Retry-After", "1")])
        if model == "retry-after-ms" and n == 1:
            return self.reply(429, {"error": {"message": "rate limited"}}, [("retry-after-ms", "300")])
        if (model == "reset" and n <= 2) or model == "always-reset":
            return self.reset()
        if model == "malformed":
            return self.reply(200, b"<html>502 Bad Gateway</html>")
        if model == "wrong-dim" and n >= 2:
            dim = 4
        if model == "echo-key":
            return self.reply(401, {"error": {"message": "Incorrect API key provided: "
                                              + self.headers.get("Authorization", "")}})
        if model == "nan":
            return self.reply(200, b'{"data": [{"index": 0, "embedding": [NaN, 1, 2]}]}')
        if model == "oversized":
            return self.reply(200, b'{"data": [], "padding": "' + b"x" * (3 << 20) + b'"}')
        return right()


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # clients that hang up (a cancelled or timed-out test request) are expected


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=0)
    port = parser.parse_args().port
    server = Server(("127.0.0.1", port), Handler)
    print(server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
