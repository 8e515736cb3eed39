"""SPL004: a name written in other casing than its makers' or the site's own."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import Site
from tripreport_lint.rules.name_casing import reportable
from tripreport_lint.site import name_forms
from tripreport_lint.site.name_forms import Casing, form_counts, forms_of, site_casings
from tripreport_lint.spelling.names import product_names

HEAD = "---\ntitle: Notes\ndate: 2024-05-19\n---\n\n"


def _columns(text: str, *words: str) -> list[tuple[str, int, int]]:
    """(code, line, column) of each word, the first place it stands after the one before."""
    found, at = [], 0
    for word in words:
        at = text.index(word, at)
        line = text.count("\n", 0, at) + 1
        found.append(("SPL004", line, at - text.rfind("\n", 0, at)))
        at += len(word)
    return found


def test_well_known_names_in_other_casing_are_reported_with_an_unsafe_fix(site: Site) -> None:
    text = HEAD + "We keep the sources on Github and write the site in Javascript; macos users use Wordpress's app.\n"
    found = site.diagnostics(text, "SPL004")
    assert [("SPL004", d.span.line, d.span.column) for d in found] == _columns(text, "Github", "Javascript", "macos",
                                                                              "Wordpress")
    assert found[0].message == "'Github' is written 'GitHub' (as its makers write it)"
    assert (found[3].span.end_column - found[3].span.column) == len("Wordpress")  # not its "'s"
    assert site.fixed(text, "SPL004") == text  # unsafe: only with --unsafe-fixes
    assert site.fixed(text, "SPL004", unsafe=True) == HEAD + (
        "We keep the sources on GitHub and write the site in JavaScript; macOS users use WordPress's app.\n")


def test_headings_alt_text_link_text_and_shown_front_matter_values_are_prose(site: Site) -> None:
    text = ("---\ntitle: Moving to Gitlab\ndescription: Why we left Github\ntags: [github, gitlab]\n"
            "date: 2024-05-19\n---\n\n## Our Youtube channel\n\n![The Github logo](logo.png) and "
            "[see on Youtube](https://www.youtube.com/watch?v=1).\n")
    assert site.findings(text, "SPL004") == _columns(text, "Gitlab", "Github", "Youtube", "Github", "Youtube")


def test_code_urls_targets_files_handles_identifiers_and_capitals_are_never_reported(site: Site) -> None:
    body = (
        "Run `github login`, then:\n\n```\ngithub push\n```\n\n<code>github</code> see https://Github.com/x and "
        "[the page](https://example.com/Github). Edit github.md and Github.com, ask @github, tag #github, set "
        "github_token, $github, opentelemetry-collector and Github-hosted, Github::Client, GITHUB is great, "
        "githubusercontent, \"github\" is the word.\n"
    )
    assert site.findings(HEAD + body, "SPL004") == []


def test_link_text_naming_the_repository_it_links_to_and_patch_subjects_are_not_reported(site: Site) -> None:
    body = ("See [opentelemetry](https://github.com/open-telemetry/opentelemetry) and "
            "[[PATCH net] bpf: fix ebpf maps](https://lore.kernel.org/x), or our [github](https://github.com/o/r).\n")
    assert site.findings(HEAD + body, "SPL004") == _columns(HEAD + body, "github](https://github.com/o")  # a host names no page


def test_the_sites_own_casing_is_learned_from_a_clear_majority_of_its_pages(site: Site) -> None:
    for index in range(12):
        site.write(f"content/blog/p{index}.md", HEAD + "We use TraceLens and the Tetragon agent at KubeCon.\n")
    text = HEAD + "The tracelens project, Tracelens and TRACELENS; Kubecon and kubecon, KUBECON.\n"
    found = site.diagnostics(text, "SPL004")
    assert [("SPL004", d.span.line, d.span.column) for d in found] == _columns(text, "tracelens", "Tracelens",
                                                                              "Kubecon", "kubecon")
    # The post's own two casings are the other uses: 12 of 14 is the share of 85% and more.
    assert found[1].message == "'Tracelens' is written 'TraceLens' (as 12 pages of the site write it; other casings: 2)"


def test_the_spelling_of_the_repository_a_post_links_to_is_the_name_s_own(site: Site) -> None:
    # The site writes `Surveyman` by habit; the post links to the project's repository, which writes `SurveyMan`.
    for index in range(10):
        site.write(f"content/blog/week{index}.md", HEAD + "Another week on Surveyman, the survey language.\n")
    text = HEAD + "SurveyMan checks surveys; see its [task](https://github.com/SurveyMan/SurveyMan/wiki/Task).\n"
    assert site.findings(text, "SPL004") == []
    assert site.findings(HEAD + "SurveyMan checks surveys.\n", "SPL004") == [("SPL004", 6, 1)]


def test_no_clear_majority_no_finding(site: Site) -> None:
    for index in range(6):
        site.write(f"content/blog/p{index}.md", HEAD + "We use TraceLens daily.\n")
    for index in range(2):
        site.write(f"content/blog/q{index}.md", HEAD + "We use Tracelens daily.\n")
    assert site.findings(HEAD + "About Tracelens.\n", "SPL004") == []  # 6 of 9 pages: no clear majority


def test_english_words_commands_sentence_starts_and_identifiers_keep_their_site_casing(site: Site) -> None:
    # The site writes Flux, Cilium and etcd (lower case) and a Go identifier in its prose.
    for index in range(6):
        site.write(f"content/blog/p{index}.md", HEAD + "Flux and Cilium store state in etcd. TracerProvider is set.\n")
    body = ("Install flux and cilium first. Etcd keeps state; the tracerProvider variable holds it.\n\n"
            "# Etcd Backups\n")
    assert site.findings(HEAD + body, "SPL004") == []


def test_a_surname_with_a_particle_is_a_persons_own_spelling(site: Site) -> None:
    for index in range(6):
        site.write(f"content/blog/p{index}.md", HEAD + "Thanks to Ann McLean for the talk.\n")
    text = HEAD + "A talk by Morgan Mclean, then one by Mclean alone.\n"
    assert site.findings(text, "SPL004") == _columns(text, "Mclean, then", "Mclean")[1:]


@pytest.mark.parametrize(("variant", "name", "known", "expected"), [
    ("Github", "GitHub", True, True),
    ("github", "GitHub", True, True),
    ("GITHUB", "GitHub", True, False),  # capitals only: emphasis
    ("MacOS", "macOS", True, True),
    ("Etcd", "etcd", False, False),  # a sentence's start
    ("cilium", "Cilium", False, False),  # the command
    ("kubernetes", "Kubernetes", True, True),  # a well-known name: never a command
    ("DataDog", "Datadog", False, True),
    ("tracerProvider", "TracerProvider", False, False),  # a variable's name
    ("Ios", "iOS", True, True),
])
def test_which_variants_are_reportable(variant: str, name: str, known: bool, expected: bool) -> None:
    assert reportable(variant, name, known=known) is expected


def test_page_forms_come_from_prose_shown_values_and_mixed_case_link_paths() -> None:
    text = ("---\ntitle: Using Github\ntags: [kubecon]\n---\nWe use OpenTelemetry and `opentelemetry` on github,"
            " see [the repo](https://github.com/PowerShell/PowerShell) and https://github.com/DataDog/agent.\n\n"
            "```\nKubeCon\n```\n<!-- Opentelemetry --> The URLs and APIs of the PowerShell team. The end.\n")
    body_start = text.index("We use")
    forms = forms_of(text, body_start, {"title": "Using Github", "tags": ["kubecon"]})
    assert forms == "/DataDog Github OpenTelemetry PowerShell github repo"  # a page has one say


# A word of prose as written with look-behinds: no character before it of `\w@#$/.\'’=?&%~-`, nor `::`.
_LOOKED_BEHIND = re.compile(r"(?<![\w@#$/.\\'’=?&%~-])(?<!::)[A-Za-z]{3,40}(?![\w/@=&%-]|\.\w|::|:/)")


@given(st.text(alphabet="abcXY:: -./@_’'1\n#\\$=?&%~é()[]"))
def test_words_of_prose_are_those_the_look_behinds_find(text: str) -> None:
    assert name_forms._words(text) == _LOOKED_BEHIND.findall(text)


# The parts of a page that are no prose, as one look-ahead before the alternatives in their first order.
_NOT_PROSE_AHEAD = re.compile(
    r"(?=[<{`\]])(?:(?s:<!--.*?(?:-->|\Z)|\{\{.*?\}\}|\{%.*?%\}|<(?P<tag>code|kbd|samp|var|tt|pre)\b[^>]*>.*?</(?P=tag)\s*>)"
    r"|(?P<ticks>`+)[^`\n].*?(?P=ticks)|<[^<>\n]*>|\]\([^)\n]*\)?)"
)


@given(st.lists(st.sampled_from(["<", ">", "<!--", "-->", "{{", "}}", "{%", "%}", "`", "``", "<code>", "</code>", "<b>",
                                 "](", ")", "]", "a", " ", "\n"]), max_size=20).map("".join))
def test_parts_no_prose_grouped_by_first_character_are_those_of_the_look_ahead(text: str) -> None:
    assert [m.span() for m in name_forms._NOT_PROSE.finditer(text)] == [m.span() for m in _NOT_PROSE_AHEAD.finditer(text)]


@given(st.lists(st.sampled_from(["```", "~~~", "````", "`", "\n", " ", "    ", "\t", "a"]), max_size=14).map("".join))
def test_fences_found_from_the_line_break_before_them_are_those_at_line_starts(text: str) -> None:
    at_line_start = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})[^\n]*\n.*?(?:^[ \t]{0,3}\1[ \t]*$|\Z)", re.M | re.S)
    assert name_forms._FENCE.sub("\n ", "\n" + text)[1:] == at_line_start.sub(" ", text)


def test_site_casings_need_pages_prose_and_a_clear_share() -> None:
    pages = ["OpenTelemetry"] * 6 + ["opentelemetry", "/PowerShell", "/PowerShell /Other"] + ["/PowerShell"] * 3 + ["PowerShell"]
    assert site_casings(form_counts(pages)) == {"opentelemetry": Casing("OpenTelemetry", 6, 1)}  # 86%; one page of PowerShell
    assert "opentelemetry" not in site_casings(form_counts([*pages, "Opentelemetry"]))  # 75%
    pages += ["PowerShell"]  # two pages of prose: the paths' casing counts too
    assert site_casings(form_counts(pages))["powershell"] == Casing("PowerShell", 7, 0)


def test_the_list_of_well_known_names_holds_names_with_a_capital() -> None:
    names = product_names()
    assert names["github"] == "GitHub" and names["macos"] == "macOS" and "npm" not in names
    assert all(name.lower() == lower and name != lower for lower, name in names.items())


def test_a_slip_copied_into_many_posts_never_recases_an_english_word(site: Site) -> None:
    # Six posts copied "FOr" (a held shift key): it is the site's majority form of the letters, but `For`
    # and `for` are English and stay as written.
    for index in range(6):
        site.write(f"content/blog/p{index}.md", HEAD + "FOr the record, we use Terraform.\n")
    assert site.findings(HEAD + "For the record, this works for us.\n", select="SPL004") == []


def test_well_known_names_added_after_a_trial_on_unseen_blogs(site: Site) -> None:
    text = HEAD + "We captured it with WireShark in FireFox, wrote to Hackerone and queried ElasticSearch.\n"
    assert [d.message for d in site.diagnostics(text, select="SPL004")] == [
        "'WireShark' is written 'Wireshark' (as its makers write it)",
        "'FireFox' is written 'Firefox' (as its makers write it)",
        "'Hackerone' is written 'HackerOne' (as its makers write it)",
        "'ElasticSearch' is written 'Elasticsearch' (as its makers write it)",
    ]


def test_an_image_tag_and_a_command_line_keep_their_lower_case(site: Site) -> None:
    text = HEAD + "Plugins:\n\n- kubernetes:1.29.2\n\nPull elasticsearch:7.10, run firefox --headless, then github.\n"
    assert site.findings(text, select="SPL004") == [("SPL004", 10, 55)]
