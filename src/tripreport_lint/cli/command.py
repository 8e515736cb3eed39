"""The console script: ``run(argv) -> exit code``, which tests call directly, and ``main()``."""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Sequence
from contextlib import suppress
from typing import TextIO

from tripreport_lint.cli.arguments import UsageError, build_format_parser, format_options, parse, run_options
from tripreport_lint.cli.report import EXIT_ERROR, EXIT_OK, report
from tripreport_lint.errors import InputError


def run(argv: Sequence[str] | None = None, stdout: TextIO | None = None, stderr: TextIO | None = None) -> int:
    """Run the linter as the command line would and return the exit code."""
    out, err = stdout or sys.stdout, stderr or sys.stderr
    words = list(sys.argv[1:] if argv is None else argv)
    if words[:1] == ["rule"]:
        return _rule(words[1:], out, err)
    if words[:1] == ["format"]:
        return _format(words[1:], out, err)
    if words[:1] == ["check"]:  # what ``tripreport-lint [PATHS]`` means too
        words = words[1:]
    try:
        args = parse(words)
    except UsageError as error:
        err.write(f"tripreport-lint: error: {error}\n")
        return EXIT_ERROR
    except SystemExit as done:  # --help and --version
        return int(done.code or 0)
    if args.show_rules:
        from tripreport_lint.rules.docs import rules_table  # noqa: PLC0415

        out.write(rules_table())
        return EXIT_OK
    try:
        from tripreport_lint.cli import session  # noqa: PLC0415 - --version and --help need none of it

        options = run_options(args)
        if args.show_site:
            from tripreport_lint.cli.show_site import show_sites  # noqa: PLC0415
            from tripreport_lint.config.lookup import ConfigLookup  # noqa: PLC0415

            text, missing = show_sites(options.paths, ConfigLookup(options.config))
            out.write(text)
            for message in missing:
                err.write(f"tripreport-lint: error: {message}\n")
            return EXIT_ERROR if missing else EXIT_OK
        if options.add_words:
            errors = session.add_words(options, out)
            for message in errors:
                err.write(f"tripreport-lint: error: {message}\n")
            return EXIT_ERROR if errors else EXIT_OK
        return report(options, session.lint(options, err), out, err)
    except InputError as error:
        err.write(f"tripreport-lint: error: {error}\n")
        return EXIT_ERROR


def _format(words: list[str], out: TextIO, err: TextIO) -> int:
    """``tripreport-lint format [PATHS]``: normalise in place, or (--check, --diff) say what would change."""
    try:
        args = build_format_parser().parse_args(words)
    except UsageError as error:
        err.write(f"tripreport-lint format: error: {error}\n")
        return EXIT_ERROR
    except SystemExit as done:  # --help
        return int(done.code or 0)
    from tripreport_lint.cli import session  # noqa: PLC0415
    from tripreport_lint.cli.format_report import report_format  # noqa: PLC0415

    options = format_options(args)
    try:
        return report_format(options, session.lint(options, err), out, err)
    except InputError as error:
        err.write(f"tripreport-lint: error: {error}\n")
        return EXIT_ERROR


def _rule(words: list[str], out: TextIO, err: TextIO) -> int:
    """``tripreport-lint rule CODE-OR-NAME``: the rule's documentation, as the reference gives it."""
    from tripreport_lint.rules import did_you_mean, resolve  # noqa: PLC0415
    from tripreport_lint.rules.docs import rule_markdown  # noqa: PLC0415

    if len(words) != 1 or words[0].startswith("-"):
        err.write("tripreport-lint: error: usage: tripreport-lint rule CODE-OR-NAME (such as LNK005 or missing-fragment)\n")
        return EXIT_ERROR
    found = resolve(words[0])
    if not found:
        hint = did_you_mean(words[0]) or "see tripreport-lint --show-rules"
        err.write(f"tripreport-lint: error: unknown rule code or name '{words[0]}' ({hint})\n")
        return EXIT_ERROR
    out.write("\n\n".join(rule_markdown(rule) for rule in found) + "\n")
    return EXIT_OK


def main() -> None:
    """The command line as a program: a bug of ours is one line and exit 2, an interrupt exit 130, a closed pipe exit
    141 in silence; never a traceback."""
    try:
        code = run()
    except KeyboardInterrupt:
        sys.stderr.write("tripreport-lint: interrupted\n")
        code = 130
    except BrokenPipeError:  # the reader stopped early (``| head``): no error of ours; exit as SIGPIPE would
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # so the final flush cannot fail again
        code = 141
    except Exception as error:  # noqa: BLE001 - the last line of defence; rules are already wrapped
        sys.stderr.write(f"tripreport-lint: internal error: {error!r}; please report it\n")
        code = EXIT_ERROR
    sys.exit(code)


def script() -> None:
    """The console script and ``python -m tripreport_lint``: ``main()``, then out as soon as the standard
    streams are flushed, without the interpreter's teardown (freeing every object one at a time costs a
    one-file pre-commit run ~15 ms): every file a run writes is written and closed by then."""
    # Each collection of the cyclic garbage collector walks every object made so far, again and again while
    # modules load and the site's facts are read, and finds next to nothing: off, unless a run has many
    # files to lint (``session.lint`` turns it back on).
    gc.disable()
    try:
        main()
        code = EXIT_OK
    except SystemExit as done:
        code = done.code if isinstance(done.code, int) else EXIT_ERROR if done.code else EXIT_OK
    try:
        sys.stdout.flush()
    except BrokenPipeError:  # the reader stopped early: exit as SIGPIPE would, as main() does
        code = 141
    except OSError:
        code = code or EXIT_ERROR
    with suppress(OSError):
        sys.stderr.flush()
    os._exit(code)
