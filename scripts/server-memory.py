#!/usr/bin/env python3
"""The language server's memory with many plans open: starts `runlint server`, opens every
plan in a folder over stdio as an editor would, waits until each has its diagnostics, and
prints the process's resident memory (now and at its peak) from /proc.

    scripts/server-memory.py RUNLINT FOLDER [COUNT]
"""
import json
import os
import subprocess
import sys


def main():
    runlint, folder = sys.argv[1], sys.argv[2]
    count = int(sys.argv[3]) if len(sys.argv) > 3 else 50
    plans = sorted(os.path.join(folder, name) for name in os.listdir(folder) if name.endswith(".yaml"))[:count]
    server = subprocess.Popen([runlint, "server"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)

    def send(message):
        body = json.dumps(message).encode()
        server.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        server.stdin.flush()

    def receive():
        length = 0
        while True:
            line = server.stdout.readline()
            if line in (b"\r\n", b""):
                break
            name, value = line.decode().split(":", 1)
            if name.lower() == "content-length":
                length = int(value)
        return json.loads(server.stdout.read(length))

    send({"jsonrpc": "2.0", "id": 0, "method": "initialize", "params": {"capabilities": {}}})
    receive()
    send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
    for path in plans:
        uri = "file://" + os.path.abspath(path)
        text = open(path, encoding="utf-8").read()
        send({"jsonrpc": "2.0", "method": "textDocument/didOpen",
              "params": {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": text}}})
    waiting = {"file://" + os.path.abspath(path) for path in plans}
    while waiting:
        message = receive()
        if message.get("method") == "textDocument/publishDiagnostics":
            waiting.discard(message["params"]["uri"])
    status = open(f"/proc/{server.pid}/status").read()
    memory = {line.split(":")[0]: line.split(":")[1].strip() for line in status.splitlines() if line.startswith(("VmRSS", "VmHWM"))}
    total = sum(os.path.getsize(path) for path in plans)
    print(json.dumps({"plans": len(plans), "bytes": total, "rss": memory["VmRSS"], "peak": memory["VmHWM"]}))
    send({"jsonrpc": "2.0", "id": 1, "method": "shutdown"})
    receive()
    send({"jsonrpc": "2.0", "method": "exit"})
    server.wait()


if __name__ == "__main__":
    main()
