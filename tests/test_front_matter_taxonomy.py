"""FM030-FM031: tags and categories drifting apart, and repeated entries."""

from __future__ import annotations

from pathlib import Path

from conftest import Site

DRIFTED = """\
---
title: Notes from KubeCon
date: 2024-11-18
tags:
  - kubecon
  - cncf
  - "Open Telemetry"
  - prometheus
categories:
  - kubecon
  - cncf
  - prometheus
  - flux
---

Body.
"""


def test_drift_is_reported_with_both_sides(site: Site) -> None:
    [finding] = site.diagnostics(DRIFTED)
    assert (finding.code, finding.span.line, finding.span.column) == ("FM030", 4, 1)
    assert finding.message == (
        "tags and categories do not match: categories lack Open Telemetry; tags lack flux: add the missing entries"
    )


def test_drift_fix_appends_copies_in_each_list_style(site: Site) -> None:
    fixed = site.fixed(DRIFTED)
    assert fixed == DRIFTED.replace("  - prometheus\ncategories:", "  - prometheus\n  - flux\ncategories:").replace(
        "  - flux\n---", '  - flux\n  - "Open Telemetry"\n---'
    )
    assert site.findings(fixed) == []


def test_flow_lists_grow_inside_their_brackets(site: Site) -> None:
    text = "---\ntitle: N\ndate: 2024-01-01\ntags: [a, b, c]\ncategories: [a, b, d]\n---\n"
    assert site.fixed(text) == "---\ntitle: N\ndate: 2024-01-01\ntags: [a, b, c, d]\ncategories: [a, b, d, c]\n---\n"


def test_block_list_gets_entries_from_a_flow_list(site: Site) -> None:
    site.write(".tripreport-lint.toml", '[taxonomy-mismatch]\nmatch = "equal"\n')
    text = "---\ntitle: N\ndate: 2024-01-01\ntags: [a, b, 'c, d']\ncategories:\n- a\n- b\n---\n"
    assert site.fixed(text) == "---\ntitle: N\ndate: 2024-01-01\ntags: [a, b, 'c, d']\ncategories:\n- a\n- b\n- 'c, d'\n---\n"


def test_separate_taxonomies_are_not_drift(site: Site) -> None:
    text = "---\ntitle: N\ndate: 2024-01-01\ntags: [ebpf, networking, hubble]\ncategories: [Technology]\n---\n"
    assert site.findings(text) == []


def test_equal_mode_reports_any_difference(site: Site) -> None:
    site.write(".tripreport-lint.toml", '[taxonomy-mismatch]\nmatch = "equal"\n')
    text = "---\ntitle: N\ndate: 2024-01-01\ntags: [ebpf, networking]\ncategories: [Technology]\n---\n"
    assert site.findings(text) == [("FM030", 4, 1)]


def test_subset_mode_only_grows_the_containing_list(site: Site) -> None:
    site.write(".tripreport-lint.toml", '[FM030]\nmatch = "categories-subset"\n')
    text = "---\ntitle: N\ndate: 2024-01-01\ntags: [ebpf]\ncategories: [ebpf, Technology]\n---\n"
    assert site.fixed(text) == text.replace("tags: [ebpf]", "tags: [ebpf, Technology]")
    assert site.findings("---\ntitle: N\ndate: 2024-01-01\ntags: [ebpf, x]\ncategories: [ebpf]\n---\n") == []


def test_case_only_difference_is_a_match(site: Site) -> None:
    assert site.findings("---\ntitle: N\ndate: 2024-01-01\ntags: [CNCF]\ncategories: [cncf]\n---\n") == []


def test_duplicates_in_block_list_are_removed(site: Site) -> None:
    text = "---\ntitle: N\ndate: 2024-01-01\ntags:\n  - ebpf  # kernel\n  - BPF\n  - eBPF\n  - bpf\n---\n"
    findings = site.diagnostics(text)
    assert [(d.code, d.span.line, d.span.column) for d in findings] == [("FM031", 7, 5), ("FM031", 8, 5)]
    assert findings[0].message == "'tags' lists 'ebpf' again as 'eBPF': remove the repeat"
    assert site.fixed(text) == "---\ntitle: N\ndate: 2024-01-01\ntags:\n  - ebpf  # kernel\n  - BPF\n---\n"


def test_adjacent_duplicates_in_flow_list(site: Site) -> None:
    text = "---\ntitle: N\ndate: 2024-01-01\ncategories: [news, News, news , talks]\n---\n"
    assert site.fixed(text) == "---\ntitle: N\ndate: 2024-01-01\ncategories: [news, talks]\n---\n"


def test_duplicates_in_toml(site: Site) -> None:
    text = '+++\ntitle = "N"\ndate = 2024-01-01\ntags = ["rust", "wasm", "Rust"]\n+++\n'
    assert site.fixed(text) == '+++\ntitle = "N"\ndate = 2024-01-01\ntags = ["rust", "wasm"]\n+++\n'


def test_repeats_are_looked_for_in_the_site_s_own_taxonomies(site: Site) -> None:
    text = "---\ntitle: Notes\ndate: 2024-05-19\nseries: [kubecon, KubeCon]\nTags: [cncf, cncf]\n---\n\nBody.\n"
    assert site.findings(text, select="FM031") == [("FM031", 5, 14)]  # Hugo reads `Tags:` as tags
    site.write("hugo.toml", '[taxonomies]\ntag = "tags"\nseries = "series"\n')
    assert site.findings(text, select="FM031") == [("FM031", 4, 19), ("FM031", 5, 14)]


def test_a_list_contained_in_the_other_is_a_hierarchy_not_drift(site: Site) -> None:
    text = "---\ntitle: N\ndate: 2024-01-01\ntags: [Post Formats, chat]\ncategories: [Post Formats]\n---\n"
    assert site.findings(text) == []


def test_adding_categories_moves_a_jekyll_post_so_that_fix_is_unsafe(tmp_path: Path) -> None:
    site = Site(tmp_path)
    site.write("_config.yml", "permalink: /:categories/:title/\n")
    text = DRIFTED
    relative = "_posts/2024-11-18-kubecon.md"
    [finding] = site.diagnostics(text, select="FM030", relative=relative)
    assert finding.fix is not None and finding.fix.applicability.value == "unsafe"
    assert site.fixed(text, select="FM030", relative=relative) == text
    moved = site.fixed(text, select="FM030", relative=relative, unsafe=True)
    assert "Open Telemetry" in moved.split("categories:")[1] and "flux" in moved.split("categories:")[0]
