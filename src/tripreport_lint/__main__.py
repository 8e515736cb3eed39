"""``python -m tripreport_lint``."""

from .cli import main

main()
