"""``python -m tripreport_lint``."""

from tripreport_lint.cli.command import main

main()
