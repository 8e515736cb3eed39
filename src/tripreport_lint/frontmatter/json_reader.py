"""Read JSON front matter: the data from json, the positions from PyYAML (JSON is nearly all YAML)."""

from __future__ import annotations

import json

from tripreport_lint.frontmatter import yaml_reader
from tripreport_lint.frontmatter.model import FrontMatterSyntaxError, Parsed


def read(content: str) -> Parsed:
    """Data from json; positions from PyYAML, which reads nearly all JSON as YAML."""
    try:
        data = json.loads(content)
    except json.JSONDecodeError as error:
        raise FrontMatterSyntaxError(f"JSON syntax error: {error.msg}", error.pos) from error
    try:
        _, nodes, duplicates = yaml_reader.read(content)
    except FrontMatterSyntaxError:
        nodes, duplicates = {}, []
    return data, nodes, duplicates
