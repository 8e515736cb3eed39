"""Which IP addresses are no public host's: what a link check must not reach unasked, and what no reader of
a post can visit. Light to import (the URL checker's transport is not)."""

from __future__ import annotations

import ipaddress


def is_private(address: str) -> bool:
    """Whether an IP address is loopback, private, link-local, reserved, multicast or unspecified."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_reserved or ip.is_multicast or ip.is_unspecified
