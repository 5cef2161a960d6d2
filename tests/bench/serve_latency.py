#!/usr/bin/env python3
"""The preview's start and its save-to-reload time, as a browser would see them.

    serve_latency.py PORTICO PORTAL REPORT_FILE [RUNS]

Starts `portico serve` on a free port and times, from the start of the process, the
consultant's index and then the page of REPORT_FILE (whose client is built when first
asked for; the others are built in the background). Then, RUNS times, subscribes to the
reload stream like the injected script does, appends a line to REPORT_FILE, times until
`event: reload` arrives (the 30 ms debounce included), and fetches the report's page right
after the signal to check that it already shows the new line (a stale page is counted).
Prints one line of JSON: the times in ms, the stale count and the server's peak resident
memory. REPORT_FILE is restored.
"""
import os
import urllib.request
import json
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


def fetch_ms(url, since):
    """Milliseconds from `since` until `url` answered 200, whole."""
    with urllib.request.urlopen(url, timeout=600) as response:
        response.read()
        if response.status != 200:
            raise RuntimeError(f"{url}: {response.status}")
    return round((time.monotonic() - since) * 1000)


def main():
    portico, portal, report = sys.argv[1:4]
    runs = int(sys.argv[4]) if len(sys.argv) > 4 else 10
    port = free_port()
    client = os.path.basename(os.path.dirname(os.path.dirname(report)))
    page = f"http://127.0.0.1:{port}/{client}/reports/{os.path.basename(report)[:-3]}/"
    started = time.monotonic()
    server = subprocess.Popen(
        [portico, "serve", portal, "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    original = open(report).read()
    try:
        ready = server.stdout.readline()
        if "Serving the preview" not in ready:
            raise RuntimeError(f"the preview did not start: {ready!r}")
        index_ms = fetch_ms(f"http://127.0.0.1:{port}/", started)
        page_ms = fetch_ms(page, started)
        latencies = []
        stale = 0
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
            if f"Edit {i}." not in urllib.request.urlopen(page).read().decode():
                stale += 1
        print(json.dumps({
            "latencies_ms": latencies,
            "index_ms": index_ms,
            "first_page_ms": page_ms,
            "stale_pages": stale,
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
