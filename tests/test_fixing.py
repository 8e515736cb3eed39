"""--fix: byte-exact edits, idempotence, and how files are written."""

from __future__ import annotations

import os
import stat

from conftest import Site, run_cli
from tripreport_lint.diagnostics import Edit, Fix
from tripreport_lint.engine.fixes import apply

MESSY = (
    "---\r\n"
    "# a comment the fix must keep\r\n"
    "title:   'Notes from Config Mgmt Camp'\r\n"
    "date: 2025-02-03\r\n"
    "draft: \"no\"\r\n"
    "tags: [ghent, Ansible, ansible]\r\n"
    "categories: [ghent, Ansible, talks]\r\n"
    "---\r\n"
    "Snow in Ghent.  \r\n"
    "No final newline"
)


def test_fix_keeps_crlf_comments_quoting_bom_and_hard_breaks(site: Site) -> None:
    path = site.root / "content/blog/cfgmgmt.md"
    path.parent.mkdir(parents=True)
    path.write_bytes(b"\xef\xbb\xbf" + MESSY.encode())
    result = run_cli("--fix", "--select", "FM,ENC", "content", cwd=site.root)
    assert result.returncode == 1, result.stderr
    expected = (
        MESSY.replace('draft: "no"', "draft: false")
        .replace("[ghent, Ansible, ansible]", "[ghent, Ansible]")  # then within categories: no drift
        + "\r\n"
    )
    assert path.read_bytes() == b"\xef\xbb\xbf" + expected.encode()
    again = run_cli("--fix", "--select", "FM,ENC", "-q", "content", cwd=site.root)
    assert again.stdout.split(" ", 2)[1] == "ENC003" and len(again.stdout.splitlines()) == 1, again.stdout
    assert path.read_bytes() == b"\xef\xbb\xbf" + expected.encode()


def test_unchanged_file_is_not_rewritten_and_mode_is_kept(site: Site) -> None:
    clean = site.write("content/blog/clean.md", "---\ntitle: M\ndate: 2024-01-01\n---\n")
    dirty = site.write("content/blog/dirty.md", "---\ntitle: N\ndate: 2024-01-01\ndraft: 'yes'\n---\n")
    os.chmod(dirty, 0o640)
    before = clean.stat().st_mtime_ns, clean.stat().st_ino
    assert run_cli("--fix", ".", cwd=site.root).returncode == 0  # all fixed: nothing left to report
    assert (clean.stat().st_mtime_ns, clean.stat().st_ino) == before
    assert stat.S_IMODE(dirty.stat().st_mode) == 0o640
    assert dirty.read_text() == "---\ntitle: N\ndate: 2024-01-01\ndraft: true\n---\n"
    assert [p.name for p in dirty.parent.iterdir() if p.name.endswith(".tmp")] == []


def test_diff_prints_and_writes_nothing(site: Site) -> None:
    path = site.write("content/blog/p.md", "---\ntitle: N\ndate: 2024-01-01\ndraft: 'yes'\n---\n")
    result = run_cli("--diff", ".", cwd=site.root)
    assert result.returncode == 1
    assert "-draft: 'yes'\n+draft: true\n" in result.stdout
    assert "Would fix 1 problem in 1 file." in result.stderr
    assert path.read_text() == "---\ntitle: N\ndate: 2024-01-01\ndraft: 'yes'\n---\n"


def test_overlapping_fixes_wait_for_the_next_pass() -> None:
    text = "abcdef"
    first = Fix((Edit(1, 3, "X"),))
    overlapping = Fix((Edit(2, 4, "Y"),))
    insert_inside = Fix((Edit(2, 2, "Z"),))
    later = Fix((Edit(4, 5, "W"),))
    assert apply(text, [later, overlapping, first, insert_inside]) == ("aXdWf", 2)


def test_fixes_that_never_settle_leave_the_file_alone(site: Site, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from tripreport_lint.diagnostics import Span, Violation
    from tripreport_lint.rules.encoding.whitespace import TrailingWhitespace

    def flip(self: object, doc, ctx):  # type: ignore[no-untyped-def]
        # Rewrites "alpha" as "beta" and "beta" as "alpha": a fix that never converges.
        old = "alpha" if "alpha" in doc.text else "beta"
        start = doc.text.index(old)
        new = "beta" if old == "alpha" else "alpha"
        yield Violation("flip", Span(5, 1, 5, 1), Fix((Edit(start, start + len(old), new),)))

    monkeypatch.setattr(TrailingWhitespace, "check", flip)
    path = site.write("content/blog/a.md", "---\ntitle: N\ndate: 2024-01-01\n---\nalpha\n")
    result = site.lint("content/blog/a.md", select="ENC006", fix=True)
    assert result.error is not None and "fixes of ENC006 did not settle" in result.error
    assert not result.changed and path.read_text() == "---\ntitle: N\ndate: 2024-01-01\n---\nalpha\n"


# Posts that set off most rules whose fix is declared ALWAYS, including the odd shapes where an
# edit is hard to make (a tagged item, a flow list on two lines, an alias, an item below its dash).
CONTRACT_POSTS = [
    MESSY,
    "---\ntitle: Notes\ndate: 2024-05-19\ndraft: no\ntags:\n  - kubernetes\n  - !!str Kubernetes\n  - cncf\n"
    "categories: [events,\n  Events]\n---\n\nSee https://example.com/slides and [the deck] (https://example.com/deck).\n"
    "Read the[notes](https://example.com/notes) by StÃ©phane\u200b.   \n\n* one\n+ two\n",
    '+++\ntitle = "Notes"\ndate = 2024-05-19\ntags = ["a", "b", "A"]\n+++\n\nThe keynote, the keynote, the kenote.\r\nEnd',
    '{\n  "title": "Notes",\n  "date": "2024-05-19",\n  "tags": ["x", "x"]\n}\n\nThe keynote was good.\n',
    "---\ntitle: Notes\ndate: 2024-05-19\nkeywords: &words [kubernetes, Kubernetes]\ntags: *words\ncategories:\n"
    "  - events\n  -\n    Events\n---\n\nBody.\n",
]


def test_rules_declared_always_fixable_never_report_without_a_fix(site: Site) -> None:
    from tripreport_lint.diagnostics import FixAvailability  # noqa: PLC0415 - only this test needs it
    from tripreport_lint.rules import BY_CODE  # noqa: PLC0415 - only this test needs it

    site.write("content/blog/keynote.md", "---\ntitle: Keynote\ndate: 2024-05-19\n---\n\nThe keynote.\n")
    fired = set()
    for number, text in enumerate(CONTRACT_POSTS):
        result = site.lint(f"content/blog/contract-{number}.md", text, select="ALL")
        assert result.error is None, result.error
        for diagnostic in result.diagnostics:
            if BY_CODE[diagnostic.code].fix_availability is FixAvailability.ALWAYS:
                fired.add(diagnostic.code)
                assert diagnostic.fix is not None, f"{diagnostic.code} is declared always fixable: {diagnostic}"
    assert len(fired) >= 8, fired  # the posts keep exercising most of the always-fixable rules
