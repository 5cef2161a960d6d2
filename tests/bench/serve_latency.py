#!/usr/bin/env python3
"""Time from saving a report to the preview's reload signal, as a browser would see it.

    serve_latency.py PORTICO PORTAL REPORT_FILE [RUNS]

Starts `portico serve` on a free port, subscribes to its reload stream like the injected
script does, appends a line to REPORT_FILE, and times until `event: reload` arrives. The
debounce (30 ms) is part of what is measured. Prints one line of JSON: the latencies in
ms, the first build's time and the server's peak resident memory. REPORT_FILE is restored.
"""
import json
import re
import signal
import socket
import subprocess
import sys
import time


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_reload(sock, deadline):
    buf = b""
    while b"event: reload" not in buf:
        sock.settimeout(max(deadline - time.monotonic(), 0.01))
        chunk = sock.recv(4096)
        if not chunk:
            raise RuntimeError("the preview closed the event stream")
        buf += chunk


def peak_rss_mib(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024)
    return None


def main():
    portico, portal, report = sys.argv[1:4]
    runs = int(sys.argv[4]) if len(sys.argv) > 4 else 10
    port = free_port()
    server = subprocess.Popen(
        [portico, "serve", portal, "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    original = open(report).read()
    try:
        ready = server.stdout.readline()
        built = re.search(r"built in (\d+) ms", ready)
        if not built:
            raise RuntimeError(f"the preview did not start: {ready!r}")
        latencies = []
        for i in range(runs):
            sock = socket.create_connection(("127.0.0.1", port))
            # An unknown version makes the server answer at once; after that the stream
            # is waiting for the next rebuild, like a freshly loaded page.
            # The preview answers only requests addressed to it (Host checked).
            sock.sendall(
                f"GET /__portico/events?since=999999999 HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode()
            )
            wait_for_reload(sock, time.monotonic() + 10)
            time.sleep(0.2)
            start = time.monotonic()
            with open(report, "a") as f:
                f.write(f"\nEdit {i}.\n")
            wait_for_reload(sock, start + 10)
            latencies.append(round((time.monotonic() - start) * 1000, 1))
            sock.close()
        print(json.dumps({
            "latencies_ms": latencies,
            "first_build_ms": int(built.group(1)),
            "peak_rss_mib": peak_rss_mib(server.pid),
        }))
    finally:
        with open(report, "w") as f:
            f.write(original)
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()


if __name__ == "__main__":
    main()
