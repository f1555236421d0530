#!/usr/bin/env python3
"""A small model server for tests: OpenAI chat completions and Anthropic messages on 127.0.0.1.

It answers from the JSON Schema the client sends (response_format or the tool's input_schema), so a
valid answer names exactly the columns asked for. Tests script its failures through a control endpoint:

  POST /__script   {"steps": ["429", "ok", ...], "latency": 0.0}   one step per coming request; then "ok"
  GET  /__stats    {"requests": n, "by_step": {...}, "bodies": [...]}
  POST /__reset

Steps: ok, 429 (Retry-After: 1), 500, malformed (not JSON), missing_column, extra_column, slow (sleeps 5 s),
cut (closes the connection without answering); 401_echo and 403_echo refuse the key and echo it and the
Authorization (or x-api-key) header in the body, as some servers and proxies do; 400_echo rejects the request
and echoes its prompt and headers.
Usage: server.py [--port 0]   prints "listening PORT" once it accepts connections.
"""
import argparse
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

lock = threading.Lock()
state = {"steps": [], "latency": 0.0, "requests": 0, "by_step": {}, "bodies": []}


def next_step():
    with lock:
        state["requests"] += 1
        step = state["steps"].pop(0) if state["steps"] else "ok"
        state["by_step"][step] = state["by_step"].get(step, 0) + 1
        return step, state["latency"]


def answer_for(schema):
    columns = schema["properties"]["columns"]["required"]
    answer = {"columns": {c: f"Description of {c}." for c in columns}}
    if "table" in schema.get("required", []):
        answer["table"] = "Description of the table."
    return answer


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def send_json(self, status, payload, headers=None):
        body = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)

    def echo(self, step, request):
        """What a careless server or proxy says on a refusal: the key, the headers and the prompt, verbatim."""
        auth = self.headers.get("Authorization") or self.headers.get("x-api-key") or ""
        key = auth.removeprefix("Bearer ")
        headers = {k: v for k, v in self.headers.items() if k.lower() in ("authorization", "x-api-key")}
        if step == "400_echo":
            prompt = request["messages"][-1]["content"]
            return {"error": {"message": f"could not use the request: {prompt}", "headers": headers, "request": request}}
        return {"error": {"message": f"Incorrect API key provided: {key}.", "headers": headers}}

    def do_GET(self):
        if self.path == "/__stats":
            with lock:
                self.send_json(200, {k: state[k] for k in ("requests", "by_step", "bodies")})
        else:
            self.send_json(404, {"error": "not found"})

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        if self.path == "/__script":
            script = json.loads(body)
            with lock:
                state["steps"] = list(script.get("steps", []))
                state["latency"] = float(script.get("latency", 0))
            return self.send_json(200, {"ok": True})
        if self.path == "/__reset":
            with lock:
                state.update(steps=[], latency=0.0, requests=0, by_step={}, bodies=[])
            return self.send_json(200, {"ok": True})

        request = json.loads(body)
        with lock:
            state["bodies"].append({"path": self.path, "auth": self.headers.get("Authorization") or self.headers.get("x-api-key"),
                                    "request": request})
        step, latency = next_step()
        if latency:
            time.sleep(latency)
        if step == "slow":
            time.sleep(5)
        if step == "cut":
            self.close_connection = True
            self.connection.shutdown(2)
            return
        if step == "429":
            return self.send_json(429, {"error": {"message": "rate limited"}}, {"Retry-After": "1"})
        if step == "500":
            return self.send_json(500, {"error": {"message": "internal error"}})
        if step in ("401_echo", "403_echo", "400_echo"):
            return self.send_json(int(step[:3]), self.echo(step, request))
        if step == "malformed":
            return self.send_json(200, b"{not json")

        anthropic = self.path.endswith("/messages")
        schema = request["tools"][0]["input_schema"] if anthropic else request["response_format"]["json_schema"]["schema"]
        answer = answer_for(schema)
        if step == "missing_column" and answer["columns"]:
            answer["columns"].pop(sorted(answer["columns"])[0])
        if step == "extra_column":
            answer["columns"]["not_a_column"] = "Made up."
        if anthropic:
            payload = {"type": "message", "role": "assistant",
                       "content": [{"type": "tool_use", "id": "t1", "name": "record_descriptions", "input": answer}]}
        else:
            payload = {"object": "chat.completion",
                       "choices": [{"index": 0, "message": {"role": "assistant", "content": json.dumps(answer)}}]}
        self.send_json(200, payload)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=0)
    args = parser.parse_args()
    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    server.daemon_threads = True
    print(f"listening {server.server_address[1]}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
