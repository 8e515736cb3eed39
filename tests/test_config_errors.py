"""Configuration and usage errors: exit 2 and one line naming the file and the problem; a schema's
remote ``$ref`` is refused without any attempt to reach the network; a bug of ours is one line too."""

from __future__ import annotations

import io
import json
import socket
from pathlib import Path
from types import MappingProxyType
from typing import get_args

import pytest

from conftest import Site
from tripreport_lint.cli import command as cli
from tripreport_lint.cli.command import run
from tripreport_lint.config import settings as config
from tripreport_lint.errors import InputError
from tripreport_lint.rules.links.fragments import AnchorStyle
from tripreport_lint.site.anchors import STYLES

POST = "---\ntitle: Booth notes\ndate: 2024-05-19\n---\n\nHello.\n"


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("selct = []\n", "unknown setting 'selct'"),
        ('select = ["FM999"]\n', "unknown rule code or name 'FM999'"),
        ("select = \"FM010\"\n", "'select' must be a list of strings"),
        ("[taxonomy-mismatch]\nmode = \"equal\"\n", "option 'mode' of rule FM030 (taxonomy-mismatch) does not exist"),
        ("[taxonomy-mismatch]\nmatch = \"same\"\n", "must be one of drift, equal"),
        ("select = [\n", "invalid TOML"),
    ],
)
def test_config_errors_name_the_file_and_the_problem(tmp_path: Path, text: str, needle: str) -> None:
    path = tmp_path / ".tripreport-lint.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as error:
        config.load(path)
    assert str(path) in str(error.value) and needle in str(error.value)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[not-normalised]\nwrap = "wide"\n', "option 'wrap' of rule FMT001 (not-normalised) must be keep, no or an "
                                              "integer, got 'wide'"),
        ("[FMT001]\nwrap = true\n", "option 'wrap' of rule FMT001 (not-normalised) must be keep, no or an integer, "
                                    "got True"),
        ("[dead-external-link]\ntimeout = true\n", "option 'timeout' of rule LNK011 (dead-external-link) must be a "
                                                   "number, got True"),
        ('[dead-external-link]\naccept = ["403"]\n', "option 'accept' of rule LNK011 (dead-external-link) must be a "
                                                     "list of integers, got ['403']"),
        ('[dead-external-link.headers]\n"api.github.com" = "GITHUB_TOKEN"\n',
         "option 'headers' of rule LNK011 (dead-external-link) must be a table of tables of strings, "
         "got {'api.github.com': 'GITHUB_TOKEN'}"),
        ('[missing-fragment]\nanchor-style = "gitlab"\n', "option 'anchor-style' of rule LNK005 (missing-fragment) "
         "must be one of auto, github, github-ascii, blackfriday or kramdown, got 'gitlab'"),
        ("[duplicate-heading]\nscope = 1\n", "option 'scope' of rule HDG002 (duplicate-heading) must be one of "
                                             "siblings or document, got 1"),
        ('[image-missing]\nkeys = "ogImage"\n', "option 'keys' of rule FM040 (image-missing) must be a list of "
                                                "strings, got 'ogImage'"),
        ("[title-repeated]\nkeys = []\n", "option 'keys' of rule HDG001 (title-repeated) does not exist "
                                          "(options: none)"),
    ],
    ids=["choice or width", "bool is no width", "bool is no number", "list of integers", "table of tables",
         "anchor style", "scope", "list of strings", "rule without options"],
)
def test_option_errors_name_the_rule_the_option_the_type_and_the_value(tmp_path: Path, text: str,
                                                                        message: str) -> None:
    path = tmp_path / ".tripreport-lint.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as error:
        config.load(path)
    assert str(error.value) == f"{path}: {message}"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("ignor = []\n", "unknown setting 'ignor': did you mean 'ignore'?"),
        ("[missing-fragmnt]\nignore = []\n", "unknown setting 'missing-fragmnt': did you mean 'missing-fragment'?"),
        ('select = ["LNK05"]\n', "'select': unknown rule code or name 'LNK05' (did you mean 'LNK005' (missing-fragment)?)"),
        ('ignore = ["missing-fragments"]\n', "'ignore': unknown rule code or name 'missing-fragments' (did you mean "
                                            "'missing-fragment' (LNK005)?)"),
        ('extend-select = ["LKN005"]\n', "'extend-select': unknown rule code or name 'LKN005' (did you mean 'LNK005' "
                                         "(missing-fragment)?)"),
        ('[per-file-ignores]\n"README.md" = ["taxonomy-mismatches"]\n',
         "'per-file-ignores.README.md': unknown rule code or name 'taxonomy-mismatches' (did you mean "
         "'taxonomy-mismatch' (FM030)?)"),
        ('select = ["XYZ123"]\n', "'select': unknown rule code or name 'XYZ123' (see tripreport-lint --show-rules)"),
        ('[missing-fragment]\nanchor-styles = "github"\n', "option 'anchor-styles' of rule LNK005 (missing-fragment) "
                                                            "does not exist (did you mean 'anchor-style'?)"),
        ('[missing-fragment]\nanchor_stile = "github"\n', "option 'anchor_stile' of rule LNK005 (missing-fragment) "
                                                           "does not exist (did you mean 'anchor-style'?)"),
        ('[spelling]\nword = ["kubectl"]\n', "'spelling.word' is not a spelling setting (did you mean 'words'?)"),
    ],
    ids=["setting", "rule table", "code", "name", "swapped letters", "per-file-ignores", "nothing near",
         "option", "option in snake case", "spelling setting"],
)
def test_unknown_names_name_the_nearest_valid_one(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / ".tripreport-lint.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as error:
        config.load(path)
    assert str(error.value) == f"{path}: {message}"


def test_option_values_are_held_as_their_declared_types(tmp_path: Path) -> None:
    path = tmp_path / ".tripreport-lint.toml"
    path.write_text('[dead-external-link]\ntimeout = 3\naccept = [403]\nheaders."api.github.com" = '
                    '{ Authorization = "GITHUB_TOKEN" }\n[not-normalised]\nwrap = 80\n[missing-fragment]\n'
                    'anchor_style = "kramdown"\nignore = ["top", "comments"]\n', encoding="utf-8")
    options = config.load(path).rule_options
    urls = options["LNK011"]
    assert urls.timeout == 3.0 and isinstance(urls.timeout, float) and urls.accept == (403,)
    assert isinstance(urls.headers, MappingProxyType) and isinstance(urls.headers["api.github.com"], MappingProxyType)
    assert dict(urls.headers["api.github.com"]) == {"Authorization": "GITHUB_TOKEN"}
    assert options["FMT001"].wrap == 80
    assert (options["LNK005"].anchor_style, options["LNK005"].ignore) == ("kramdown", ("top", "comments"))


def test_anchor_style_choices_are_the_slug_styles() -> None:
    assert get_args(AnchorStyle) == ("auto", *STYLES)


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Every attempt to resolve or connect is recorded and fails."""
    attempts: list[object] = []

    def refuse(*args: object, **kwargs: object) -> None:
        attempts.append(args)
        raise OSError("network disabled in tests")

    for name in ("create_connection", "getaddrinfo", "gethostbyname"):
        monkeypatch.setattr(socket, name, refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    return attempts


REMOTE_SCHEMA = json.dumps({"type": "object", "properties": {"title": {"$ref": "https://schemas.example.com/t.json"}}})


@pytest.mark.parametrize(
    ("files", "args", "needle"),
    [
        ({".tripreport-lint.toml": "selct = []\n"}, [], ".tripreport-lint.toml: unknown setting 'selct'"),
        ({".tripreport-lint.toml": 'select = ["FM010"\nignore = 3\n'}, [], ".tripreport-lint.toml: invalid TOML"),
        ({".tripreport-lint.toml": 'select = ["XYZ123"]\n'}, [], "unknown rule code or name 'XYZ123'"),
        ({"pyproject.toml": '[tool.tripreport-lint]\nwrap = 80\n'}, [], "pyproject.toml: unknown setting 'wrap'"),
        ({}, ["--select", "FM999"], "unknown rule code or name 'FM999' in --select"),
        ({}, ["--ignore", "SPL01"], "unknown rule code or name 'SPL01' in --ignore (did you mean 'SPL001' "
                                    "(known-misspelling)?)"),
        ({".tripreport-lint.toml": 'schema = "post.schema.json"\n', "post.schema.json": "{not json"}, [],
         "post.schema.json: schema is not valid JSON"),
        ({".tripreport-lint.toml": 'schema = "post.schema.json"\n', "post.schema.json": '{"type": "strng"}'}, [],
         "post.schema.json: not a valid JSON Schema"),
        ({".tripreport-lint.toml": 'schema = "missing.json"\n'}, [], "missing.json: cannot read schema"),
        ({".tripreport-lint.toml": 'schema = "post.schema.json"\n', "post.schema.json": REMOTE_SCHEMA}, [],
         "post.schema.json: $ref 'https://schemas.example.com/t.json' points outside the schema"),
    ],
    ids=["unknown key", "bad TOML", "unknown rule in config", "unknown key in pyproject", "unknown rule on the command line",
         "near rule on the command line",
         "schema not JSON", "schema not a schema", "schema missing", "remote $ref"],
)
def test_configuration_errors_exit_2_with_one_line(site: Site, monkeypatch: pytest.MonkeyPatch, no_network: list[object],
                                                   files: dict[str, str], args: list[str], needle: str) -> None:
    site.write("content/blog/post.md", POST)
    for name, text in files.items():
        site.write(name, text)
    monkeypatch.chdir(site.root)
    out, err = io.StringIO(), io.StringIO()
    assert run(["--no-cache", *args, "content"], stdout=out, stderr=err) == 2
    assert err.getvalue().startswith("tripreport-lint: error: ") and err.getvalue().count("\n") == 1, err.getvalue()
    assert needle in err.getvalue() and "All checks passed" not in out.getvalue()
    assert no_network == []


def test_an_output_file_that_cannot_be_written_is_an_error_after_the_report(site: Site,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    site.write("content/blog/post.md", POST)
    monkeypatch.chdir(site.root)
    out, err = io.StringIO(), io.StringIO()
    assert run(["--no-cache", "--output-file", "json=missing-folder/report.json", "content"], stdout=out, stderr=err) == 2
    assert out.getvalue() == "All checks passed (1 file).\n"
    assert err.getvalue() == ("tripreport-lint: error: --output-file json=missing-folder/report.json: cannot write: "
                              "No such file or directory\n")


def test_a_bug_of_ours_is_one_line_and_exit_2(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    def broken(*args: object) -> int:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(cli, "run", broken)
    with pytest.raises(SystemExit) as done:
        cli.main()
    assert done.value.code == 2
    assert capsys.readouterr().err == ("tripreport-lint: internal error: ZeroDivisionError('division by zero'); "
                                       "please report it\n")


@pytest.mark.parametrize(
    ("schema_data", "needle"),
    [
        ({"properties": {"title": {"$ref": "#/$defs/missing"}}}, "$ref '#/$defs/missing' points to nothing"),
        ({"$defs": {"t": {"type": "string"}}, "properties": {"tags": {"items": {"$ref": "#/$defs/t/items"}}}},
         "$ref '#/$defs/t/items' points to nothing"),
        ({"$id": "https://blog.example.com/post.schema.json", "properties": {"title": {"$ref": "#nowhere"}}},
         "$ref '#nowhere' points to nothing"),
        ({"$defs": {"meta": {"$dynamicAnchor": "meta", "type": "object"}},
          "properties": {"params": {"$dynamicRef": "#other"}}}, "$dynamicRef '#other' points to nothing"),
    ],
    ids=["missing $defs entry", "pointer past a leaf", "missing anchor under an $id", "missing dynamic anchor"],
)
def test_a_schema_reference_to_nothing_is_one_error_exit_2(site: Site, monkeypatch: pytest.MonkeyPatch,
                                                            no_network: list[object], schema_data: dict[str, object],
                                                            needle: str) -> None:
    site.write(".tripreport-lint.toml", 'schema = "post.schema.json"\n')
    site.write("post.schema.json", json.dumps(schema_data))
    site.write("content/blog/post.md", POST)
    site.write("content/blog/other.md", POST)
    monkeypatch.chdir(site.root)
    out, err = io.StringIO(), io.StringIO()
    assert run(["--no-cache", "content"], stdout=out, stderr=err) == 2
    assert err.getvalue().count("\n") == 1 and "internal error" not in err.getvalue(), err.getvalue()
    assert err.getvalue().startswith("tripreport-lint: error: ") and "post.schema.json" in err.getvalue()
    assert needle in err.getvalue() and no_network == []


def test_schema_references_that_resolve_are_accepted(site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    schema_data = {
        "$id": "https://blog.example.com/post.schema.json",
        "$defs": {"text": {"$anchor": "text", "type": "string"}, "a~b/c": {"type": "string"}},
        "properties": {"title": {"$ref": "#/$defs/text"}, "summary": {"$ref": "#text"},
                       "author": {"$ref": "#/$defs/a~0b~1c"}, "self": {"$ref": "#"}},
    }
    site.write(".tripreport-lint.toml", 'schema = "post.schema.json"\n')
    site.write("post.schema.json", json.dumps(schema_data))
    site.write("content/blog/post.md", POST)
    monkeypatch.chdir(site.root)
    out, err = io.StringIO(), io.StringIO()
    assert run(["--no-cache", "content"], stdout=out, stderr=err) == 0, err.getvalue()


@pytest.mark.parametrize("text", ['[tool.tripreport-lint]\nignore = ["SPL002"\n', '[project]\nname = "blog\n'],
                         ids=["tool table", "other tables"])
def test_a_pyproject_that_is_not_toml_is_an_error_not_passed_over(site: Site, monkeypatch: pytest.MonkeyPatch,
                                                                   text: str) -> None:
    # It may hold this tool's settings: linting without them would report what the user turned off.
    site.write("pyproject.toml", text)
    site.write("content/blog/post.md", POST)
    monkeypatch.chdir(site.root)
    out, err = io.StringIO(), io.StringIO()
    assert run(["--no-cache", "content"], stdout=out, stderr=err) == 2
    assert err.getvalue().startswith("tripreport-lint: error: ") and err.getvalue().count("\n") == 1, err.getvalue()
    assert "pyproject.toml: invalid TOML" in err.getvalue() and "All checks passed" not in out.getvalue()
