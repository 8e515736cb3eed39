"""The address guard of remote link checks: the host is resolved here, every address it resolves to
is vetted, and the connection goes to the vetted address (so a DNS answer cannot change between the
check and the connection). Loaded only when URLs are checked."""

from __future__ import annotations

import socket
from typing import Any

import anyio
import httpcore

from tripreport_lint.remote.addresses import is_private


class GuardedBackend(httpcore.AsyncNetworkBackend):
    """httpcore's own backend, behind a resolver that refuses private addresses unless allowed."""

    def __init__(self, *, allow_private: bool, timeout: float) -> None:
        self.inner = httpcore.AnyIOBackend()
        self.allow_private = allow_private
        self.timeout = timeout

    async def connect_tcp(self, host: str, port: int, timeout: float | None = None, local_address: str | None = None,
                          socket_options: Any = None) -> Any:
        try:
            with anyio.fail_after(timeout or self.timeout):
                infos = await anyio.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except TimeoutError:
            raise httpcore.ConnectTimeout("DNS lookup timed out") from None
        except OSError as error:
            raise httpcore.ConnectError(f"DNS lookup failed ({error})") from None
        addresses = [str(info[4][0]) for info in infos]
        refused = [a for a in addresses if is_private(a)] if not self.allow_private else []
        if refused or not addresses:
            raise httpcore.ConnectError(f"private address {refused[0]} refused (allow it with --allow-private-urls)"
                                        if refused else "DNS lookup found no address")
        return await self.inner.connect_tcp(addresses[0], port, timeout=timeout, local_address=local_address,
                                            socket_options=socket_options)

    async def connect_unix_socket(self, path: str, timeout: float | None = None, socket_options: Any = None) -> Any:
        raise httpcore.ConnectError("unix sockets are never checked")

    async def sleep(self, seconds: float) -> None:
        await self.inner.sleep(seconds)
