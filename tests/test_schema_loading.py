"""Schemas: the built-in ones ship in the wheel, user schemas are checked, nothing is fetched."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import Site, run_cli
from tripreport_lint.errors import InputError
from tripreport_lint.frontmatter import schema

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("ref", ["https://example.com/post.json", "file:///etc/passwd", "other.json#/defs/x"])
def test_references_outside_the_schema_are_refused_without_network(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, ref: str
) -> None:
    def no_network(*args: object, **kwargs: object) -> None:
        raise AssertionError("a network connection was attempted")

    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(socket.socket, "connect", no_network)
    path = tmp_path / "remote.json"
    path.write_text(json.dumps({"properties": {"title": {"$ref": ref}}}), encoding="utf-8")
    with pytest.raises(InputError) as error:
        schema.load("remote.json", tmp_path)
    assert str(path) in str(error.value) and "refused (never fetched)" in str(error.value)


def test_local_refs_work(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    path.write_text(json.dumps({"$defs": {"t": {"type": "string"}}, "properties": {"title": {"$ref": "#/$defs/t"}}}))
    loaded = schema.load("s.json", tmp_path)
    assert loaded is not None
    assert [e.message for e in loaded.validator.iter_errors({"title": 3})] == ["3 is not of type 'string'"]


@pytest.mark.parametrize(
    ("text", "needle"),
    [("{not json", "schema is not valid JSON"), ("[1]", "a schema must be a JSON object"),
     ('{"type": "strng"}', "not a valid JSON Schema")],
)
def test_bad_schema_files(tmp_path: Path, text: str, needle: str) -> None:
    (tmp_path / "s.json").write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=needle):
        schema.load("s.json", tmp_path)


def test_missing_schema_file_is_an_input_error_on_the_command_line(site: Site) -> None:
    site.write(".tripreport-lint.toml", 'schema = "nope.json"\n')
    site.write("content/blog/a.md", "---\ntitle: N\ndate: 2024-01-01\n---\n")
    result = run_cli(".", cwd=site.root)
    assert result.returncode == 2
    assert result.stderr.strip().endswith("nope.json: cannot read schema: No such file or directory "
                                          "(built-in schemas: post, page, section, none)")


@pytest.mark.parametrize(("spec", "hint"), [("posts", "did you mean 'post'? "), ("sections", "did you mean 'section'? "),
                                            ("event.json", "")])
def test_a_schema_neither_file_nor_built_in_lists_the_built_in_ones(tmp_path: Path, spec: str, hint: str) -> None:
    with pytest.raises(InputError) as error:
        schema.load(spec, tmp_path)
    assert str(error.value) == (f"{tmp_path / spec}: cannot read schema: No such file or directory "
                                f"({hint}built-in schemas: post, page, section, none)")


def test_builtin_schemas_are_valid() -> None:
    import jsonschema

    for name in schema.BUILTIN.values():
        jsonschema.Draft202012Validator.check_schema(json.loads((ROOT / "schemas" / name).read_text()))


def test_wheel_ships_the_schemas(tmp_path: Path) -> None:
    """A top-level schemas/ folder is not packaged unless the build maps it in: check the real wheel."""
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-w", str(tmp_path), str(ROOT)],
        capture_output=True, text=True, check=False,
    )
    assert build.returncode == 0, build.stderr
    [wheel] = tmp_path.glob("tripreport_lint-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    for name in schema.BUILTIN.values():
        assert f"tripreport_lint/schemas/{name}" in names
