"""Check http(s) addresses over the network, politely: concurrent within a global and a per-host
limit, HEAD first and GET when a server refuses HEAD, redirects followed by hand (each hop is
vetted again), timeouts and 429/503 retried with backoff (``Retry-After`` honoured up to a cap),
and answers kept on disk for a while so a re-run asks nothing again.

No private, loopback or link-local address is contacted unless allowed: the check happens where
the connection is made, after DNS resolution, so neither a literal IP, a host name resolving to
one, nor a redirect to either gets through. httpx (optional: ``pip install tripreport-lint[urls]``)
is imported only here and by the transport (remote/transport.py), both when URLs are checked.
"""

from __future__ import annotations

import asyncio
import email.utils
import os
import time
from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

from tripreport_lint import __version__
from tripreport_lint.errors import InputError
from tripreport_lint.remote.settings import Answers, UrlSettings, UrlStatus

if TYPE_CHECKING:
    import httpx

USER_AGENT = f"tripreport-lint/{__version__} (link check; +https://pypi.org/project/tripreport-lint/)"
_REFUSED_HEAD = frozenset({400, 403, 404, 405, 406, 500, 501})  # some servers answer HEAD wrongly: ask with GET
_RETRIED = frozenset({429, 503})


def check_urls(urls: Iterable[str], settings: UrlSettings, answers: Answers | None) -> dict[str, UrlStatus]:
    """The status of every distinct address (skipped ones left out); from ``answers`` while fresh."""
    wanted = sorted({u for u in urls if not settings.skips(u)})
    found = {u: s for u in wanted if answers and (s := _fresh(answers.get(u), settings)) is not None}
    missing = [u for u in wanted if u not in found]
    if missing:
        fresh = asyncio.run(_check_all(missing, settings))
        for url, status in fresh.items():
            found[url] = status
            if answers:
                answers.put(url, status)
    return found


def _fresh(status: UrlStatus | None, settings: UrlSettings) -> UrlStatus | None:
    """A stored answer while it is still to be believed: a day for a live address, an hour for a dead one."""
    if status is None:
        return None
    ttl = settings.ttl_ok if status.ok else settings.ttl_failed
    return status if 0 <= time.time() - status.checked_at < ttl else None


async def _check_all(urls: list[str], settings: UrlSettings) -> dict[str, UrlStatus]:
    try:
        import httpx  # noqa: PLC0415 - optional, and only remote checks need it
    except ImportError:
        raise InputError("checking URLs needs httpx: pip install 'tripreport-lint[urls]'") from None
    checker = _Checker(settings)
    async with httpx.AsyncClient(transport=_transport(settings), timeout=settings.timeout, follow_redirects=False,
                                 headers={"User-Agent": USER_AGENT}, trust_env=False) as client:
        statuses = await asyncio.gather(*(checker.check(client, url) for url in urls))
    return dict(zip(urls, statuses, strict=True))


class _Checker:
    def __init__(self, settings: UrlSettings) -> None:
        self.settings = settings
        self.slots = asyncio.Semaphore(settings.concurrency)
        self.host_slots: dict[str, asyncio.Semaphore] = defaultdict(lambda: asyncio.Semaphore(settings.per_host))

    async def check(self, client: httpx.AsyncClient, url: str) -> UrlStatus:
        """Follow the address through its redirects to an answer."""
        current, permanent = url, True
        for _ in range(self.settings.max_redirects + 1):
            if current != url and self.settings.skips(current):
                return UrlStatus(True, None, "", None, time.time())  # redirected somewhere the user skips
            status, headers, failure = await self._ask(client, current)
            if failure:
                return UrlStatus(False, None, failure, None, time.time())
            assert status is not None
            location = headers.get("location")
            if 300 <= status < 400 and location:
                permanent = permanent and status in (301, 308)
                current = urljoin(current, location)
                continue
            ok = status < 400 or status in self.settings.accept
            moved = current if ok and permanent and current != url else None
            return UrlStatus(ok, status, "" if ok else _status_text(status), moved, time.time())
        return UrlStatus(False, None, f"more than {self.settings.max_redirects} redirects", None, time.time())

    async def _ask(self, client: httpx.AsyncClient, url: str) -> tuple[int | None, Mapping[str, str], str]:
        """(status, headers, "") of one address, or (None, {}, why it failed); retried when worth it."""
        import httpx  # noqa: PLC0415

        host = urlsplit(url).netloc.lower()
        headers = _host_headers(self.settings.headers, urlsplit(url).hostname or "")
        failure = ""
        for attempt in range(self.settings.retries + 1):
            wait = 0.5 * 2**attempt
            try:
                # The host's slot first: a request waiting for its host must not hold one of the global slots.
                async with self.host_slots[host], self.slots:
                    response = await client.head(url, headers=headers)
                    if response.status_code in _REFUSED_HEAD:
                        async with client.stream("GET", url, headers=headers) as streamed:
                            response = streamed  # the status and headers are enough: the body is never read
                status, answer = response.status_code, response.headers  # case-insensitive already
            except httpx.TimeoutException:
                failure = "timeout"
            except (httpx.TransportError, httpx.InvalidURL, ValueError) as error:
                return None, {}, _failure(error)
            else:
                if status not in _RETRIED or attempt == self.settings.retries:
                    return status, answer, ""
                wait = min(_retry_after(answer.get("retry-after")) or wait, self.settings.retry_after_cap)
            if attempt < self.settings.retries:
                await asyncio.sleep(wait)
        return None, {}, failure


def _host_headers(configured: Mapping[str, Mapping[str, str]], host: str) -> dict[str, str]:
    """Headers for a host; their values come from environment variables named in the config."""
    chosen = configured.get(host.lower(), {})
    return {name: os.environ[variable] for name, variable in chosen.items() if variable in os.environ}


def _retry_after(value: str | None) -> float | None:
    """Seconds a Retry-After header asks for: a number, or an HTTP date."""
    if not value:
        return None
    if value.strip().isdigit():
        return float(value.strip())
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def _status_text(status: int) -> str:
    from http import HTTPStatus  # noqa: PLC0415

    try:
        return f"HTTP {status} {HTTPStatus(status).phrase}"
    except ValueError:
        return f"HTTP {status}"


def _failure(error: BaseException) -> str:
    """Why a request failed, in the words a reader knows: DNS, refused, TLS, private address."""
    causes: list[BaseException] = []
    cause: BaseException | None = error
    while cause is not None and len(causes) < 10:
        causes.append(cause)
        cause = cause.__cause__ or cause.__context__
    if any(isinstance(c, ConnectionRefusedError) for c in causes):
        return "connection refused"
    text = str(error) or type(error).__name__
    lowered = text.lower()
    if "private address" in lowered:
        return text
    if "name or service not known" in lowered or "nodename nor servname" in lowered or "dns" in lowered \
            or "temporary failure in name resolution" in lowered or "no address associated" in lowered:
        return "DNS lookup failed"
    if "refused" in lowered:
        return "connection refused"
    if "ssl" in lowered or "certificate" in lowered or "tls" in lowered:
        return f"TLS error ({' '.join(text.split())[:120]})"
    return " ".join(text.split())[:160]


def _transport(settings: UrlSettings) -> httpx.AsyncBaseTransport:
    """httpx's transport for the checks: its connections go through the address guard."""
    from tripreport_lint.remote.transport import GuardedTransport  # noqa: PLC0415 - imports httpx

    return GuardedTransport(allow_private=settings.allow_private, timeout=settings.timeout,
                            max_connections=settings.concurrency)
