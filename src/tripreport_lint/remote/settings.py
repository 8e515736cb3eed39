"""What the remote link checks are told (LNK011's options) and what they answer, apart from the
checking itself (``remote.checker``), so that the rules and the engine load without asyncio or httpx."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import NamedTuple, Protocol
from urllib.parse import urlsplit


@dataclass(frozen=True)
class UrlSettings:
    """How addresses are checked: the options of LNK011 (``[dead-external-link]`` in the config)."""

    concurrency: int = field(default=16, metadata={"help": "Requests under way at once."})
    per_host: int = field(default=2, metadata={"help": "Requests under way at once to one host."})
    timeout: float = field(default=10.0, metadata={"help": "Seconds to wait for a connection or an answer."})
    retries: int = field(default=2, metadata={
        "help": "How many more times an address is asked after a timeout, a 429 or a 503, waiting longer "
                "each time."})
    max_redirects: int = field(default=5, metadata={
        "help": "Redirects followed before the address counts as failed."})
    retry_after_cap: float = field(default=30.0, metadata={
        "help": "The longest wait, in seconds, that a server's `Retry-After` gets."})
    accept: tuple[int, ...] = field(default=(), metadata={
        "help": "More status codes that count as alive, such as `[403]`; below 400 all do."})
    skip: tuple[str, ...] = field(default=(), metadata={
        "help": "Regular expressions searched in each address: addresses they match are not checked."})
    skip_hosts: tuple[str, ...] = field(default=(), metadata={
        "help": "Hosts not checked, with their subdomains."})
    headers: Mapping[str, Mapping[str, str]] = field(default_factory=lambda: MappingProxyType({}), metadata={
        "help": "Per host, a table of header name to the name of the environment variable holding its value "
                "(never the value itself)."})
    ttl_ok: float = field(default=86_400.0, metadata={
        "help": "Seconds an answer that an address works is kept in the cache folder."})
    ttl_failed: float = field(default=3_600.0, metadata={
        "help": "Seconds a failure is kept in the cache folder."})
    allow_private: bool = field(default=False, metadata={
        "help": "Check addresses that resolve to private, loopback or link-local networks, refused otherwise; "
                "the `allow-private-urls` setting and `--allow-private-urls` turn it on too."})

    def problem(self) -> str | None:
        """What is wrong with values the config gave, if anything, beyond their types."""
        if not all(100 <= code <= 599 for code in self.accept):
            return "'accept' must be a list of HTTP status codes"
        for pattern in self.skip:
            try:
                re.compile(pattern)
            except re.error as error:
                return f"'skip' pattern {pattern!r} is not a regex: {error}"
        if min(self.concurrency, self.per_host, self.max_redirects + 1, self.retries + 1) < 1 or self.timeout <= 0:
            return "'concurrency', 'per-host' and 'timeout' must be positive; 'retries' and 'max-redirects' at least 0"
        return None

    def skips(self, url: str) -> bool:
        host = (urlsplit(url).hostname or "").lower()
        return (any(host == h or host.endswith("." + h) for h in self.skip_hosts)
                or any(re.search(pattern, url) for pattern in self.skip))


class UrlStatus(NamedTuple):
    """What checking an address found: ``reason`` says why it failed; ``moved_to`` is where a chain of
    permanent redirects (301, 308) ends, when it ends well."""

    ok: bool
    status: int | None = None
    reason: str = ""
    moved_to: str | None = None
    checked_at: float = 0.0


class Answers(Protocol):
    """Where answers are kept between runs (the cache folder's store)."""

    def get(self, url: str) -> UrlStatus | None: ...

    def put(self, url: str, status: UrlStatus) -> None: ...
