"""FM040: front matter images that name no file of the site."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

from tripreport_lint.diagnostics import Violation
from tripreport_lint.document.document import Document
from tripreport_lint.frontmatter.model import KeyPath
from tripreport_lint.rules.base import Rule, locate
from tripreport_lint.rules.context import Context

_EXTERNAL = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//)|\{\{|\{%")


@dataclass(frozen=True)
class ImageKeys:
    keys: tuple[str, ...] = field(default=("image", "images"), metadata={
        "help": "The keys holding image paths; add your theme's, such as `ogImage` or `cover.image` (dotted "
                "keys reach into mappings)."})


class ImageMissing(Rule[ImageKeys]):
    """## What it does
    Reports an `image` or `images` entry that names a file existing neither beside the post (a
    Hugo page bundle, a Jekyll post folder) nor in one of the site's static folders. URLs are not
    checked here.

    ## Why is this bad?
    The social card or header image is silently missing on the published post.

    ## Example
    ```markdown
    ---
    title: Notes from the conference
    date: 2024-05-19
    image: no-such-picture.png
    ---
    ```

    ## Use instead
    ```markdown
    ---
    title: Notes from the conference
    date: 2024-05-19
    image: https://example.com/picture.png
    ---
    ```

    ## Fix safety
    No fix.

    ## Options
    Where site-absolute paths (`/images/x.png`) are looked up is the `static-dirs` setting.

    ## Known problems
    Images that a theme resolves by its own convention (a fixed folder prefix) are reported; add
    that folder to `static-dirs`.
    """

    code = "FM040"
    name = "image-missing"
    summary = "A front matter image names a file that does not exist."

    def check(self, doc: Document, ctx: Context) -> Iterator[Violation]:
        fm = doc.front_matter
        data = fm.mapping if fm else None
        if fm is None or data is None:
            return
        for key in self.options.keys:
            first, *rest = key.split(".")
            path: KeyPath = (ctx.key_as_written(data, first), *rest)
            value: object = data
            for part in path:
                value = value.get(part) if isinstance(value, dict) else None
            entries = [(path, value)] if isinstance(value, str) else []
            if isinstance(value, list):
                entries = [(path + (i,), v) for i, v in enumerate(value) if isinstance(v, str)]
            if isinstance(value, dict):  # jekyll-seo-tag's {path: ..., height: ..., width: ...}
                entries = [(path + (inner,), value[inner]) for inner in ("path", "url")
                           if isinstance(value.get(inner), str)][:1]
            for where, name in entries:
                if name.strip() and not _EXTERNAL.match(name.strip()) and not _exists(doc.path, name, ctx):
                    folders = ", ".join(_show(d, ctx.site_root) for d in ctx.static_dirs) or "no static folder"
                    yield Violation(
                        f"'{key}' names '{name}', which is neither beside the post nor in {folders}: "
                        "fix the path or add the file",
                        locate(doc, fm, where),
                    )


def _exists(post: Path, name: str, ctx: Context) -> bool:
    target = unquote(name.strip().split("#")[0].split("?")[0])
    return ctx.find_site_file(target, post) is not None


def _show(folder: Path, root: Path) -> str:
    try:
        return folder.relative_to(root).as_posix() + "/"
    except ValueError:
        return str(folder)
