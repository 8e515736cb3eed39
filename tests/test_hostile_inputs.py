"""Hostile and odd files: each ends in a finding or a one-line error, never a traceback or a hang,
and ``--fix`` leaves a file it cannot read safely byte for byte as it was."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest

from conftest import Site
from tripreport_lint.cli.command import run

HEAD = "---\ntitle: Booth notes\ndate: 2024-05-19\n---\n\n"
REPEAT = 10_000  # benchmarks/pathological.py shows the growth from 10k to 40k


def _alias_bomb() -> str:
    levels = "".join(f"{c}: &{c} [" + ",".join([f"*{p}"] * 9) + "]\n" for p, c in zip("abcdefgh", "bcdefghi", strict=True))
    return "---\na: &a [x,x,x,x,x,x,x,x,x]\n" + levels + "---\n"


# name -> (file bytes, "CODE words of its message" the file must get; None: only that the run ends cleanly)
POSTS: dict[str, tuple[bytes, str | None]] = {
    "empty file": (b"", "FM001"),
    "front matter only": (b"---\ntitle: Only a head\ndate: 2024-05-19\n---\n", None),
    "unterminated front matter": (b"---\ntitle: Open\ndate: 2024-05-19\n\nThe body starts here.\n", "FM002"),
    "invalid UTF-8": (HEAD.encode() + b"Caf\xe9 au lait \xff\n", "ENC001"),
    "binary file": (bytes(range(256)) * 64, "ENC001"),
    "UTF-16 with a BOM": (("\ufeff" + HEAD + "Hello.\n").encode("utf-16"), "ENC001"),
    "NUL bytes": (HEAD.encode() + b"Before\x00after.\n", "ENC004"),
    "TOML front matter": (b'+++\ntitle = "Booth notes"\ndate = 2024-05-19\n+++\n\nHello.\n', None),
    "JSON front matter": (b'{\n  "title": "Booth notes",\n  "date": "2024-05-19"\n}\n\nHello.\n', None),
    "front matter that is a list": (b"---\n- title\n- date\n---\n\nHello.\n", "FM003"),
    "front matter that is a scalar": (b"---\njust words\n---\n\nHello.\n", "FM003"),
    "python/object/apply tag": (b"---\ntitle: !!python/object/apply:os.system ['touch PWNED']\n---\n", "FM004"),
    "python/name tag": (b"---\ntitle: !!python/name:os.system\ndate: 2024-05-19\n---\n", "FM004"),
    "alias bomb": (_alias_bomb().encode(), "FM004 alias bomb"),
    "NUL in YAML": (b"---\ntitle: a\x00b\n---\n", "FM004 character #x0000 is not allowed"),
    "duplicate keys": (b"---\ntitle: One\ntitle: Two\ndate: 2024-05-19\n---\n", "FM005"),
    "tabs in YAML indentation": (b"---\ntitle: Tabs\ntags:\n\t- kubecon\n---\n", "FM004"),
    "YAML nested 50,000 levels deep": (b"---\na: " + b"[" * 50_000 + b"]" * 50_000 + b"\n---\n", "FM004 nested more than 200 levels"),
    "YAML keys nested 400 levels deep": (
        ("---\n" + "".join("  " * i + f"k{i}:\n" for i in range(400)) + "---\n").encode(), "FM004 nested more than 200 levels"),
    "out-of-range timestamp": (b"---\ntitle: Far future\ndate: 99999-01-01\n---\n", "FM020"),
    "impossible timestamp": (b"---\ntitle: Leap\ndate: 2023-02-29T25:61:00Z\n---\n", "FM020"),
    "huge integer": (b"---\ntitle: Big\nweight: " + b"9" * 5000 + b"\n---\n", "FM004 a number with thousands of digits"),
    "huge float": (b"---\ntitle: Big\ndate: 2024-05-19\nweight: 1.0e99999\n---\n", None),
    "binary tag": (b"---\ntitle: Blob\ndate: 2024-05-19\nimage: !!binary aGVsbG8=\n---\n", None),
    "thousands of nested lists": ((HEAD + "- " * 5000 + "deep\n").encode(), None),
    "thousands of nested block quotes": ((HEAD + ">" * 5000 + " deep\n").encode(), "FMT002"),
    "many [": ((HEAD + "[" * REPEAT + "\n").encode(), None),
    "many [a](": ((HEAD + "[a](" * REPEAT + "\n").encode(), "LNK001"),
    "many *a **a": ((HEAD + "*a **a " * REPEAT + "\n").encode(), None),
    "backtick runs": ((HEAD + "".join("`" * (i % 50 + 1) + "e" for i in range(REPEAT)) + "\n").encode(), None),
    "many unclosed <!--": ((HEAD + "<!--" * REPEAT + "\n").encode(), None),
    "many unclosed {{<": ((HEAD + "{{< " * REPEAT + "\n").encode(), None),
    "many unclosed <img": ((HEAD + "<img src=x " * REPEAT + "\n").encode(), None),
    "a multi-megabyte line": ((HEAD + "word " * 600_000 + "\n").encode(), "FMT002"),
    "one very long word": ((HEAD + "a" * 200_000 + "\n").encode(), None),
    "CR-only line endings": ((HEAD + "# Title\rText  \r").replace("\n", "\r").encode(), "ENC006"),
    "BOM before the front matter": (b"\xef\xbb\xbf" + HEAD.encode() + b"Hello.\n", "ENC003"),
    "shortcodes and Liquid everywhere": ((HEAD + ('{{< figure src="missing.png" >}} {{% note %}}x{{% /note %}} '
                                                  "{% include card.html %} {{ .Title }} {% raw %}[a]({{ x }}{% endraw %}\n"
                                                  ) * 200).encode(), None),
}


def _run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(["--no-cache", "--no-progress", *args], stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def _clean_end(code: int, out: str, err: str) -> None:
    assert code in (0, 1, 2), code
    assert "Traceback" not in out + err and "internal error" not in err
    for line in err.splitlines():  # errors are one line each, naming the tool or the file
        assert line.startswith(("tripreport-lint:", "content/")), line


def _post(site: Site, monkeypatch: pytest.MonkeyPatch, data: bytes) -> Path:
    """``content/blog/post.md`` with these bytes, the site's folder the working directory."""
    post = site.root / "content" / "blog" / "post.md"
    post.parent.mkdir(parents=True)
    post.write_bytes(data)
    monkeypatch.chdir(site.root)
    return post


@pytest.mark.parametrize("name", list(POSTS))
def test_hostile_post_ends_in_a_finding_and_fixes_settle(site: Site, monkeypatch: pytest.MonkeyPatch,
                                                        name: str) -> None:
    data, expected = POSTS[name]
    post = _post(site, monkeypatch, data)
    code, out, err = _run("--select", "ALL", "--output-format", "json", "content/blog/post.md")
    _clean_end(code, out, err)
    if expected is not None:
        code_wanted, _, words = expected.partition(" ")
        found = [row for row in json.loads(out) if row["code"] == code_wanted]
        assert found and any(words in row["message"] and "\n" not in row["message"] for row in found), out[:2000]
    assert not (site.root / "PWNED").exists()
    code, out, err = _run("--select", "ALL", "--fix", "-q", "content/blog/post.md")
    _clean_end(code, out, err)
    fixed = post.read_bytes()
    _run("--select", "ALL", "--fix", "-q", "content/blog/post.md")
    assert post.read_bytes() == fixed  # a second --fix changes nothing


@pytest.mark.parametrize("name", ["invalid UTF-8", "binary file", "UTF-16 with a BOM", "unterminated front matter",
                                  "YAML nested 50,000 levels deep", "alias bomb"])
def test_fix_leaves_what_it_cannot_read_safely_untouched(site: Site, monkeypatch: pytest.MonkeyPatch,
                                                        name: str) -> None:
    data, _ = POSTS[name]
    post = _post(site, monkeypatch, data)
    os.utime(post, ns=(1_000_000_000, 1_000_000_000))
    _clean_end(*_run("--select", "ALL", "--fix", "content/blog/post.md"))
    assert post.read_bytes() == data
    assert post.stat().st_mtime_ns == 1_000_000_000  # not even rewritten with the same bytes


def test_cr_only_endings_survive_a_fix(site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    data, _ = POSTS["CR-only line endings"]
    post = site.write("content/blog/post.md", data.decode())
    monkeypatch.chdir(site.root)
    _clean_end(*_run("--select", "ALL", "--fix", "content/blog/post.md"))
    fixed = post.read_bytes()
    assert fixed != data and b"\n" not in fixed and fixed.endswith(b"\r")


def test_file_names_with_spaces_brackets_and_accents(site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    name = "content/blog/KubeCon [EU] – Café notes.md"
    site.write(name, HEAD + "Teh booth.\n")
    monkeypatch.chdir(site.root)
    code, out, err = _run(name)
    _clean_end(code, out, err)
    assert f"{name}:6:1: SPL001" in out


def test_paths_that_are_not_posts(site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    site.write("content/blog/real.md", HEAD + "Hello.\n")
    (site.root / "content" / "blog" / "folder.md").mkdir()
    site.write("content/blog/folder.md/inside.md", HEAD + "Teh booth.\n")
    (site.root / "content" / "blog" / "loop").symlink_to("loop")  # a link to itself
    (site.root / "content" / "blog" / "again").symlink_to(site.root / "content")  # a folder loop
    monkeypatch.chdir(site.root)
    code, out, err = _run("content")
    _clean_end(code, out, err)
    assert code == 1 and out.count("inside.md:6:1: SPL001") == 1  # the loop walked once, the folder.md walked
    code, out, err = _run("content/blog/missing.md")
    assert code == 2 and err == "tripreport-lint: error: content/blog/missing.md: no such file or directory\n"
    code, out, err = _run("content/blog/loop")
    assert code == 2 and err.count("\n") == 1 and "content/blog/loop" in err


def test_front_matter_that_does_not_parse_is_never_edited(site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    head = '---\ntitle: [KubeCon notes\ndate: 2024-5-9\ndraft: "false"\ntags: [k8s, k8s]   \n---\n'
    post = site.write("content/blog/post.md", head + "\nWe met StÃ©phane.\n")
    monkeypatch.chdir(site.root)
    _clean_end(*_run("--fix", "--unsafe-fixes", "content/blog/post.md"))
    assert post.read_text(encoding="utf-8") == head + "\nWe met Stéphane.\n"  # the body's fix only
