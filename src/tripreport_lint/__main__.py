"""``python -m tripreport_lint``."""

from tripreport_lint.cli.command import script

script()
