"""Remote link checks (LNK011, LNK012) against a real HTTP server the tests start on 127.0.0.1."""

from __future__ import annotations

import io
import json
import shutil
import socket
import ssl
import subprocess
import threading
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from conftest import Site
from tripreport_lint.cli.command import run

pytest.importorskip("httpx")

HEAD = "---\ntitle: Links\ndate: 2024-05-19\n---\n\n"
CONFIG = "[dead-external-link]\ntimeout = 1\nretries = 1\nretry-after-cap = 2\n"


@dataclass
class Traffic:
    """What the server saw: requests by method and path, headers, and the most requests at once."""

    requests: Counter[tuple[str, str]] = field(default_factory=Counter)
    headers: list[dict[str, str]] = field(default_factory=list)
    in_flight: int = 0
    most_in_flight: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def total(self) -> int:
        return sum(self.requests.values())


class _Handler(BaseHTTPRequestHandler):
    traffic: Traffic

    def log_message(self, *args: object) -> None:  # quiet
        pass

    def do_HEAD(self) -> None:  # noqa: N802 - http.server's naming
        self._answer("HEAD")

    def do_GET(self) -> None:  # noqa: N802
        self._answer("GET")

    def _answer(self, method: str) -> None:
        traffic = self.traffic
        with traffic.lock:
            traffic.requests[method, self.path] += 1
            traffic.headers.append(dict(self.headers))
            traffic.in_flight += 1
            traffic.most_in_flight = max(traffic.most_in_flight, traffic.in_flight)
            seen = traffic.requests["HEAD", self.path] + traffic.requests["GET", self.path]
        try:
            status, headers = self._route(method, seen)
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", "0")
            self.end_headers()
        finally:
            with traffic.lock:
                traffic.in_flight -= 1

    def _route(self, method: str, seen: int) -> tuple[int, dict[str, str]]:
        path = self.path
        if path == "/ok" or path.startswith("/page"):
            return 200, {}
        if path == "/moved":
            return 301, {"Location": "/ok"}
        if path == "/moved-twice":
            return 308, {"Location": "/moved"}
        if path == "/temporary":
            return 302, {"Location": "/ok"}
        if path == "/loop":
            return 301, {"Location": "/loop"}
        if path == "/busy":
            return (429, {"Retry-After": "1"}) if seen == 1 else (200, {})
        if path == "/broken":
            return 500, {}
        if path == "/slow":
            time.sleep(3)
            return 200, {}
        if path == "/nohead":
            return (405, {}) if method == "HEAD" else (200, {})
        if path.startswith("/held/"):
            time.sleep(0.3)
            return 200, {}
        return 404, {}


@pytest.fixture
def server() -> Iterator[tuple[str, Traffic]]:
    traffic = Traffic()
    handler = type("Handler", (_Handler,), {"traffic": traffic})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", traffic
    httpd.shutdown()
    httpd.server_close()


def _lint(site: Site, monkeypatch: pytest.MonkeyPatch, *args: str) -> tuple[int, list[dict[str, object]], str]:
    monkeypatch.chdir(site.root)
    out, err = io.StringIO(), io.StringIO()
    code = run(["--output-format", "json", "--cache-dir", str(site.root / "cache"), *args, "content"],
               stdout=out, stderr=err)
    return code, json.loads(out.getvalue() or "[]"), err.getvalue()


def _found(rows: list[dict[str, object]]) -> dict[str, tuple[str, str]]:
    return {str(row["message"]).split("'")[1]: (str(row["code"]), str(row["message"])) for row in rows
            if str(row["code"]).startswith("LNK01")}


def test_each_answer_of_a_server_is_reported_right(site: Site, server: tuple[str, Traffic],
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    base, traffic = server
    paths = ["ok", "moved", "moved-twice", "temporary", "loop", "busy", "broken", "slow", "nohead", "gone#part"]
    site.write(".tripreport-lint.toml", CONFIG)
    site.write("content/blog/post.md", HEAD + "\n\n".join(f"See [{p}]({base}/{p})." for p in paths[:-1])
               + f"\n\nSee [{paths[-1]}][ref].\n\n[ref]: {base}/{paths[-1]}\n")
    code, rows, err = _lint(site, monkeypatch, "--check-urls", "--allow-private-urls")
    assert code == 1 and err == ""
    found = _found(rows)
    assert found.pop(f"{base}/moved")[1].endswith(f"has moved permanently to '{base}/ok': link there")
    assert found.pop(f"{base}/moved-twice")[1].endswith(f"has moved permanently to '{base}/ok': link there")
    assert found.pop(f"{base}/loop") == ("LNK011", f"'{base}/loop' does not answer (more than 5 redirects): "
                                                   "fix or replace the link")
    assert "(HTTP 500 Internal Server Error)" in found.pop(f"{base}/broken")[1]
    assert "(timeout)" in found.pop(f"{base}/slow")[1]
    assert "(HTTP 404 Not Found)" in found.pop(f"{base}/gone#part")[1]
    assert found == {}  # ok, temporary, busy (after its Retry-After) and nohead (by GET) are alive
    assert traffic.requests["HEAD", "/busy"] == 2  # 429, then 200 one second later
    assert traffic.requests["HEAD", "/nohead"] == 1 and traffic.requests["GET", "/nohead"] == 1
    assert traffic.requests["HEAD", "/gone"] == 1  # the fragment is never sent
    assert all(h.get("User-Agent", "").startswith("tripreport-lint/") for h in traffic.headers)


def test_per_host_limit_and_cache(site: Site, server: tuple[str, Traffic], monkeypatch: pytest.MonkeyPatch) -> None:
    base, traffic = server
    site.write(".tripreport-lint.toml", CONFIG + "per-host = 2\n")
    site.write("content/blog/post.md", HEAD + "".join(f"- [talk {n}]({base}/held/{n})\n" for n in range(10)))
    started = time.monotonic()
    assert _lint(site, monkeypatch, "--check-urls", "--allow-private-urls")[0] == 0
    assert traffic.most_in_flight == 2  # in parallel, never more than the host's limit
    assert time.monotonic() - started < 10 * 0.3  # so faster than one by one
    requests = traffic.total
    assert _lint(site, monkeypatch, "--check-urls", "--allow-private-urls")[0] == 0
    assert traffic.total == requests  # the second run asked nothing: every answer came from the cache
    assert _lint(site, monkeypatch, "--check-urls", "--allow-private-urls", "--no-cache")[0] == 0
    assert traffic.total == requests * 2


def test_private_addresses_are_refused_unless_allowed(site: Site, server: tuple[str, Traffic],
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    base, traffic = server
    port = base.rsplit(":", 1)[1]
    site.write("content/blog/post.md", HEAD + f"[a]({base}/ok) and [b](http://localhost:{port}/ok)\n")
    code, rows, _ = _lint(site, monkeypatch, "--check-urls")
    assert code == 1 and traffic.total == 0
    messages = sorted(str(row["message"]) for row in rows)
    assert "private address 127.0.0.1 refused (allow it with --allow-private-urls)" in messages[0]
    assert "refused (allow it with --allow-private-urls)" in messages[1] and "localhost" in messages[1]


def test_a_redirect_hop_to_a_private_address_is_refused(site: Site, server: tuple[str, Traffic],
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    from tripreport_lint.remote import guard as url_guard

    base, traffic = server
    port = base.rsplit(":", 1)[1]
    # The test server stands for a public host; 127.0.0.2 for the runner's internal network.
    monkeypatch.setattr(url_guard, "is_private", lambda address: address == "127.0.0.2")
    site.write("content/blog/post.md", HEAD + f"[a]({base}/to-internal)\n")
    monkeypatch.setattr(_Handler, "_route", lambda self, method, seen: (301, {"Location": f"http://127.0.0.2:{port}/ok"}))
    code, rows, _ = _lint(site, monkeypatch, "--check-urls")
    assert code == 1 and traffic.total == 1  # the public hop was asked; the internal one never
    assert "private address 127.0.0.2 refused" in str(rows[0]["message"])


def test_pre_commit_offline_and_the_config_switch(site: Site, server: tuple[str, Traffic],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    base, traffic = server
    site.write(".tripreport-lint.toml", "check-urls = true\nallow-private-urls = true\n" + CONFIG)
    site.write("content/blog/post.md", HEAD + f"[gone]({base}/gone)\n")
    monkeypatch.setenv("PRE_COMMIT", "1")
    assert _lint(site, monkeypatch)[:2] == (0, []) and traffic.total == 0  # commits stay fast and offline
    assert _lint(site, monkeypatch, "--check-urls")[0] == 1 and traffic.total == 2  # unless asked (HEAD, then GET)
    monkeypatch.delenv("PRE_COMMIT")
    code, rows, err = _lint(site, monkeypatch, "--offline")
    assert (code, rows) == (0, []) and err == "tripreport-lint: remote link checks skipped (--offline)\n"
    assert traffic.total == 2
    assert _lint(site, monkeypatch, "--no-cache")[0] == 1 and traffic.total == 4  # the config alone turns it on


def test_unsafe_fix_rewrites_a_permanently_moved_link(site: Site, server: tuple[str, Traffic],
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    base, _ = server
    post = site.write("content/blog/post.md", HEAD + f"Read [the docs]({base}/moved#setup).\n")
    _lint(site, monkeypatch, "--check-urls", "--allow-private-urls", "--fix")
    assert f"({base}/moved#setup)" in post.read_text()  # safe fixes leave it
    _lint(site, monkeypatch, "--check-urls", "--allow-private-urls", "--fix", "--unsafe-fixes")
    assert post.read_text() == HEAD + f"Read [the docs]({base}/ok#setup).\n"


def test_network_errors_are_findings_with_the_reason(site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    site.write("content/blog/post.md",
               f"---\ntitle: Links\ndate: 2024-05-19\ncanonical: http://127.0.0.1:{port}/post/\n---\n\n"
               "[x](http://no-such-host.invalid/page)\n")
    code, rows, err = _lint(site, monkeypatch, "--check-urls", "--allow-private-urls")
    assert code == 1 and "Traceback" not in err
    reasons = {(row["line"], str(row["message"]).split("(")[1].split(")")[0]) for row in rows if row["code"] == "LNK011"}
    assert reasons == {(4, "connection refused"), (7, "DNS lookup failed")}


def test_headers_come_from_environment_variables_named_in_the_config(site: Site, server: tuple[str, Traffic],
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    base, traffic = server
    site.write(".tripreport-lint.toml", CONFIG + '[dead-external-link.headers."127.0.0.1"]\nAuthorization = "BLOG_TOKEN"\n')
    site.write("content/blog/post.md", HEAD + f"[a]({base}/ok)\n")
    monkeypatch.setenv("BLOG_TOKEN", "Bearer s3cret")
    assert _lint(site, monkeypatch, "--check-urls", "--allow-private-urls")[0] == 0
    assert traffic.headers[0]["Authorization"] == "Bearer s3cret"


def test_bad_url_settings_are_configuration_errors(site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    site.write(".tripreport-lint.toml", "[dead-external-link]\naccept = [42]\n")
    site.write("content/blog/post.md", HEAD + "[a](https://example.com/)\n")
    code, _, err = _lint(site, monkeypatch, "--check-urls")
    assert code == 2 and ".tripreport-lint.toml: 'accept' must be a list of HTTP status codes" in err


def test_a_certificate_nobody_trusts_is_a_tls_error(site: Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if shutil.which("openssl") is None:
        pytest.skip("openssl is needed to make a self-signed certificate")
    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
                    "-keyout", str(key), "-out", str(cert)], check=True, capture_output=True)
    traffic = Traffic()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), type("Handler", (_Handler,), {"traffic": traffic}))
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    httpd.socket = context.wrap_socket(httpd.socket, server_side=True)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        site.write("content/blog/post.md", HEAD + f"[a](https://127.0.0.1:{httpd.server_address[1]}/ok)\n")
        code, rows, err = _lint(site, monkeypatch, "--check-urls", "--allow-private-urls")
        assert code == 1 and "Traceback" not in err
        message = str(rows[0]["message"])
        assert "does not answer (TLS error (" in message and "CERTIFICATE_VERIFY_FAILED" in message
    finally:
        httpd.shutdown()
        httpd.server_close()
