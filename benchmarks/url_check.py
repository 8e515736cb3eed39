"""Time remote link checks: distinct URLs on local servers that answer after a delay.

    python benchmarks/url_check.py [--urls 2000] [--delay 0.05] [--hosts 8]

The URLs are spread over ``--hosts`` servers (one port each, so one host each for the per-host
limit). With 16 requests at once overall and 2 per host, the ideal time is
URLs x delay / min(16, 2 x hosts); the script prints the measured time beside it.
"""

from __future__ import annotations

import argparse
import multiprocessing
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from tripreport_lint.remote.checker import UrlSettings, check_urls


def _serve(delay: float, hosts: int, ports: multiprocessing.Queue[int]) -> None:
    """Run ``hosts`` servers in this process (apart from the checker's, so they share no GIL)."""

    class Slow(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"  # keep-alive, as real servers do
        def log_message(self, *args: object) -> None:
            pass

        def do_HEAD(self) -> None:  # noqa: N802 - http.server's naming
            time.sleep(delay)
            self.send_response(200)
            self.send_header("Content-Length", "0")
            self.end_headers()

    ThreadingHTTPServer.request_queue_size = 128
    for _ in range(hosts):
        httpd = ThreadingHTTPServer(("127.0.0.1", 0), Slow)
        httpd.daemon_threads = True
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        ports.put(httpd.server_address[1])
    threading.Event().wait()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--urls", type=int, default=2000)
    parser.add_argument("--delay", type=float, default=0.05)
    parser.add_argument("--hosts", type=int, default=8)
    args = parser.parse_args()
    queue: multiprocessing.Queue[int] = multiprocessing.Queue()
    servers = multiprocessing.Process(target=_serve, args=(args.delay, args.hosts, queue), daemon=True)
    servers.start()
    ports = [queue.get(timeout=30) for _ in range(args.hosts)]
    urls = [f"http://127.0.0.1:{ports[n % args.hosts]}/page/{n}" for n in range(args.urls)]
    settings = UrlSettings(allow_private=True)
    parallel = min(settings.concurrency, settings.per_host * args.hosts)
    with tempfile.TemporaryDirectory() as cache:
        started = time.perf_counter()
        found = check_urls(urls, settings, Path(cache))
        cold = time.perf_counter() - started
        started = time.perf_counter()
        check_urls(urls, settings, Path(cache))
        warm = time.perf_counter() - started
    alive = sum(status.ok for status in found.values())
    ideal = args.urls * args.delay / parallel
    print(f"{args.urls} URLs on {args.hosts} hosts, {args.delay * 1000:.0f} ms each, {parallel} at once: "
          f"{cold:.2f} s (ideal {ideal:.2f} s, {cold / ideal:.2f}x); {alive} alive; "
          f"again from the cache: {warm:.2f} s")
    servers.terminate()


if __name__ == "__main__":
    main()
