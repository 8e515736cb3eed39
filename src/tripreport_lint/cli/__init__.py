"""The command line: argument parsing, one run as a session, and what git says changed."""

from tripreport_lint.cli.command import main, run, script

__all__ = ["main", "run", "script"]
