"""What the remote link checks are told (LNK011's options) and what they answer, apart from the
checking itself (``url_checker``), so that the rules and the engine load without asyncio or httpx."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Protocol
from urllib.parse import urlsplit

_NUMBER = {"types": (int, float)}


@dataclass(frozen=True)
class UrlSettings:
    """How addresses are checked: the options of LNK011 (``[dead-external-link]`` in the config)."""

    concurrency: int = 16
    per_host: int = 2
    timeout: float = field(default=10.0, metadata=_NUMBER)
    retries: int = 2
    max_redirects: int = 5
    retry_after_cap: float = field(default=30.0, metadata=_NUMBER)
    accept: list[int] = field(default_factory=list, metadata={"types": (list,)})  # statuses that count as alive
    skip: tuple[str, ...] = ()  # regexes searched in each address
    skip_hosts: tuple[str, ...] = ()  # hosts skipped with their subdomains
    # host -> header -> the name of the environment variable holding its value (never the value itself)
    headers: dict[str, dict[str, str]] = field(default_factory=dict, metadata={"types": (dict,)})
    ttl_ok: float = field(default=86_400.0, metadata=_NUMBER)
    ttl_failed: float = field(default=3_600.0, metadata=_NUMBER)
    allow_private: bool = False

    def problem(self) -> str | None:
        """What is wrong with values the config gave, if anything."""
        if not all(isinstance(code, int) and 100 <= code <= 599 for code in self.accept):
            return "'accept' must be a list of HTTP status codes"
        if not all(isinstance(h, str) and isinstance(t, dict) and all(isinstance(v, str) for v in t.values())
                   for h, t in self.headers.items()):
            return "'headers' must be a table of host -> table of header -> environment variable name"
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


@dataclass(frozen=True)
class UrlStatus:
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
