"""Hugo shortcodes and Jekyll Liquid tags as they stand in Markdown source."""

from __future__ import annotations

import re

# Any one tag: {{< x >}}, {{% x %}}, {% x %}, {{ x }}.
TAG = re.compile(r"\{\{[<%].*?[%>]\}\}|\{%.*?%\}|\{\{.*?\}\}", re.S)
# Blocks whose content is not Markdown: highlight (Hugo and Jekyll) and Jekyll's raw are code.
HIGHLIGHT = re.compile(
    r"\{\{[<%]\s*highlight\b.*?[%>]\}\}.*?\{\{[<%]\s*/\s*highlight\s*[%>]\}\}"
    r"|\{%-?\s*highlight\b.*?\{%-?\s*endhighlight\s*-?%\}",
    re.S,
)
# Hugo's comment shortcode: content the author hid on purpose.
COMMENT = re.compile(r"\{\{[<%]\s*comment\s*[%>]\}\}.*?\{\{[<%]\s*/\s*comment\s*[%>]\}\}", re.S)
RAW = re.compile(r"\{%-?\s*raw\s*-?%\}.*?\{%-?\s*endraw\s*-?%\}", re.S)
