"""SPL001-SPL002: codespell misspellings and repository-aware typo detection."""

from __future__ import annotations

import os
import re
import sys
import time
from collections.abc import Callable
from importlib.resources import files
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from spellchecker import SpellChecker

from conftest import Site, run_cli
from tripreport_lint import __version__
from tripreport_lint.document import prose_words
from tripreport_lint.rules import spelling_candidates, spelling_names
from tripreport_lint.spelling import dictionaries, tables

HEAD = "---\ntitle: Notes from KubeCon\ndate: 2024-04-02\n---\n\n"


def codespell_says(typo: str) -> str:
    """The installed codespell's entry for a typo in the default lists (clear, then rare, which wins),
    read from its data files: the candidates change between codespell releases."""
    entry = ""
    for name in ("dictionary.txt", "dictionary_rare.txt"):
        for line in (files("codespell_lib") / "data" / name).read_text(encoding="utf-8").splitlines():
            if line.lower().startswith(f"{typo}->"):
                entry = line.partition("->")[2]
    return entry


def test_codespell_fix_keeps_case_and_lists_candidates(site: Site) -> None:
    body = "Wtih the team we were demostrating a plugin. It was a brough day.\n"
    found = site.diagnostics(HEAD + body, select="SPL001")
    assert [(d.span.column, d.fixable) for d in found] == [(1, True), (23, True), (55, False)]
    *candidates, reason = [word.strip() for word in codespell_says("brough").split(",")]
    assert len(candidates) > 1 and not reason, "codespell changed its 'brough' entry: pick a typo it has candidates for"
    assert found[2].message == "'brough' may be a misspelling of " + " or ".join(f"'{word}'" for word in candidates)
    fixed = site.fixed(HEAD + body, select="SPL001", unsafe=True)
    assert fixed == HEAD + "With the team we were demonstrating a plugin. It was a brough day.\n"


def test_code_urls_targets_emails_and_html_are_not_read(site: Site) -> None:
    body = (
        "`wtih` and\n\n```\nwtih\n```\n\n[link](https://example.com/wtih) https://example.com/wtih\n"
        "wtih@example.com <span title=\"wtih\">ok</span> AKS and add-ons\n"
    )
    assert site.findings(HEAD + body, select="SPL001") == []


def test_the_text_html_blocks_show_is_read_where_the_page_shows_it(tmp_path: Path) -> None:
    body = ("<figure>\n  <img src=\"a.png\" alt=\"wtih\">\n  <figcaption>An exisiting cluster&nbsp;today</figcaption>\n"
            "</figure>\n\n<div>\n<pre>exisiting</pre><script>var wtih = 1;</script>\n<code>wtih</code>\n</div>\n")
    plain = Site(tmp_path / "plain")
    assert plain.findings(HEAD + body, select="SPL001") == [("SPL001", 8, 18)]
    hugo = Site(tmp_path / "hugo")  # Goldmark leaves raw HTML out of the page unless `unsafe` is on
    hugo.write("hugo.toml", "title = 'Notes'\n")
    assert hugo.findings(HEAD + body, select="SPL001") == []
    hugo.write("hugo.toml", "title = 'Notes'\n[markup.goldmark.renderer]\nunsafe = true\n")
    assert hugo.findings(HEAD + body, select="SPL001") == [("SPL001", 8, 18)]


def test_comments_of_code_blocks_are_read_but_not_their_code_or_output(site: Site) -> None:
    body = ("```yaml\nport: 8080 # the defualt port\nname: recieve\n```\n\n```go\nx := 1 // Inlcude the header\n"
            "y := \"// recieve\"\n```\n\n```console\n# recieve the files\n```\n\n    #indented recieve\n\n"
            "`# recieve` in a code span.\n")
    found = site.diagnostics(HEAD + body, select="SPL001")
    assert [(d.span.line, d.span.column, d.message.split("'")[1]) for d in found] == [
        (7, 18, "defualt"), (12, 11, "Inlcude"), (20, 15, "recieve")]
    assert found[1].fix is not None and found[1].fix.applicability.value == "safe"  # first in its comment


def test_comments_of_highlight_blocks_are_read_but_not_of_console_ones(site: Site) -> None:
    body = ('{{< highlight bash "linenos=table" >}}\n# Inlcude the agent\nrun --recieve\n{{< /highlight >}}\n\n'
            "{% highlight ruby %}\nx = 1 # the defualt\n{% endhighlight %}\n\n"
            "{{< highlight console >}}\n# recieve the files\n{{< /highlight >}}\n")
    found = site.diagnostics(HEAD + body, select="SPL001")
    assert [(d.span.line, d.span.column, d.message.split("'")[1]) for d in found] == [
        (7, 3, "Inlcude"), (12, 13, "defualt")]


def test_front_matter_values_for_readers_are_read(site: Site) -> None:
    text = "---\ntitle: Demostrating Flux\ndate: 2024-04-02\ntags: [gitops, continous-delivery]\nauthr: wtih\n---\n"
    assert site.findings(text, select="SPL001") == [("SPL001", 2, 8), ("SPL001", 4, 16)]


def test_front_matter_keys_named_like_reader_keys_are_read_in_english_only(site: Site) -> None:
    text = ("---\ntitle: Notes\ndate: 2024-04-02\nlinkTitle: Demostrating Flux\nogSummary: How to vizualize traffic\n"
            "meta_description: Continous delivery\ntitle_image: /img/wtih.png\ndescription_url: https://example.com/wtih\n"
            "excerpt: Un guide pour installer Cilium dans un environnement WSL2\n---\n")
    assert site.findings(text, select="SPL001") == [("SPL001", 4, 12), ("SPL001", 5, 19), ("SPL001", 6, 19)]


def test_project_words_file_and_inline_words(site: Site) -> None:
    site.write(".tripreport-words.txt", "# our jargon\nwtih\n")
    site.write(".tripreport-lint.toml", '[spelling]\nwords = ["Demostrating"]\n')
    assert site.findings(HEAD + "Wtih demostrating.\n", select="SPL") == []


def test_posts_in_other_languages_are_skipped(site: Site) -> None:
    body = "Wtih photograpers.\n"
    assert site.findings(HEAD + body, select="SPL", relative="content/ja/blog/post.md") == []
    site.write("content/en/blog/x.md", HEAD)
    lang = "---\ntitle: Notas\ndate: 2024-04-02\nlang: es\n---\n\n" + body
    assert site.findings(lang, select="SPL") == []


def test_possible_typos_against_english_site_words_and_linked_hosts(site: Site) -> None:
    for index in range(5):
        site.write(f"content/blog/p{index}.md", HEAD + "Observability with Prometheus and Tetragon.\n")
    body = (
        "Tips for photograpers. We met the [Vitness](https://vitess.io/) team, the Prometeus people "
        "and the Tetrago folks. Make it bservable.\n"
    )
    found = site.diagnostics(HEAD + body, select="SPL002")
    assert [d.message for d in found] == [
        "'photograpers' may be a typo of 'photographers'",
        "'Vitness' may be a typo of 'Vitess'",
        "'Prometeus' may be a typo of 'Prometheus'",
        "'Tetrago' may be a typo of 'Tetragon'",
        "'bservable' may be a typo of 'observable'",
    ]
    assert all(not d.fixable for d in found)
    fixed = site.fixed(HEAD + body, select="SPL002", unsafe=True)
    assert "Tips for photographers." in fixed and "[Vitess](https://vitess.io/)" in fixed


def test_two_letters_swapped_in_a_less_common_word(site: Site) -> None:
    # `browser` and `reevaluate` are too rare to be the word meant by any edit (`droids`/`druids`), but a swap
    # of two letters is a slip of the finger; a replaced letter is not judged against them.
    body = "Open the browesr, then reevaulate the plan. The brovser and the reevalaate are not judged.\n"
    assert [d.message for d in site.diagnostics(HEAD + body, select="SPL002")] == [
        "'browesr' may be a typo of 'browser'", "'reevaulate' may be a typo of 'reevaluate'"]


def test_a_word_the_post_also_writes_as_code_or_a_verb_with_its_particle_is_not_a_typo(site: Site) -> None:
    # `Procfile` is one edit from `Profile`, `signin` from `signing`: the post names a file it shows as
    # code, and a button; a word it writes only in prose is still judged.
    body = ("Heroku reads the Procfile at the root.\n\n```\nworker: python run.py\n```\n\n"
            "Save it as `Procfile`, press the signin button, then check the photograpers list.\n")
    assert [d.message for d in site.diagnostics(HEAD + body, select="SPL002")] == [
        "'photograpers' may be a typo of 'photographers'"]
    without_code = body.replace("`Procfile`", "the file")
    assert [d.message for d in site.diagnostics(HEAD + without_code, select="SPL002")][0] == \
        "'Procfile' may be a typo of 'Profile'"


def test_jargon_names_and_inflections_are_not_typos(site: Site) -> None:
    for index in range(2):
        site.write(f"content/blog/p{index}.md", HEAD + "We run Karpenter and kubectl.\n")
    body = (
        "We run Karpenter with kubectl. Thanks to Cristian Klein. The kgateway project, "
        "untrusted workloads, rumours of containerisation, sysadmin tasks, autoscale it. The ingestor and the "
        "compactor ran.\n"
    )
    assert site.findings(HEAD + body, select="SPL002") == []


def test_add_words_accepts_the_possible_typos_never_a_known_misspelling(site: Site) -> None:
    site.write(".tripreport-words.txt", "# team jargon\nzeta\n")
    site.write("content/blog/a.md", HEAD + "The rejekts crowd met the photograpers. It occured at the begining.\n")
    before = run_cli("--select", "SPL", "--no-cache", ".", cwd=site.root).stdout
    assert [line.split()[1] for line in before.splitlines()[:-1]] == ["SPL002", "SPL002", "SPL001", "SPL001"]
    result = run_cli("--add-words", ".", cwd=site.root)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        f"Added 2 words to {site.root / '.tripreport-words.txt'}: photograpers, rejekts",
        "Left out 2 known misspellings (SPL001; fix them, or add a name to the words file by hand): begining, occured",
    ]
    assert (site.root / ".tripreport-words.txt").read_text() == "# team jargon\nphotograpers\nrejekts\nzeta\n"
    after = run_cli("--select", "SPL", "--no-cache", ".", cwd=site.root).stdout
    assert [line.split()[1] for line in after.splitlines()[:-1]] == ["SPL001", "SPL001"]


def test_words_file_at_the_site_root_works_without_a_config(site: Site) -> None:
    text = HEAD + "The rejekts conference was fun.\n"
    assert [code for code, _, _ in site.findings(text, select="SPL")] == ["SPL002"]
    site.write(".tripreport-words.txt", "Rejekts\n")
    assert site.findings(text, select="SPL") == []


def _forget_tables() -> None:
    """The per-process tables, to read the cache folder again."""
    for function in (dictionaries.english, dictionaries.codespell, dictionaries.codespell_words,
                     dictionaries._english_letters):  # noqa: SLF001
        function.cache_clear()
    dictionaries.use_cache_root(None, None)  # asked of platformdirs again, as a run without a store does


def test_english_words_come_from_pyspellchecker_cached_by_its_version(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    _forget_tables()
    try:
        assert dictionaries.english().whole() == SpellChecker(language="en").word_frequency.dictionary
        first = sorted(tmp_path.rglob("english-*"))
        assert [path.suffix for path in first] == [".marshal", ".sqlite3"]
        _forget_tables()
        assert "observability" in dictionaries.english()  # asked of the SQLite file: no new entry
        assert sorted(tmp_path.rglob("english-*")) == first
        real = dictionaries._stamp  # noqa: SLF001
        # pyspellchecker installed again (another version, or another installation): its data file is another file.
        monkeypatch.setattr(dictionaries, "_stamp", lambda path: real(path) + (":again" if path.name == "en.json.gz" else ""))
        _forget_tables()
        assert "observability" in dictionaries.english()
        # Another entry; the older one is kept while it may be in use (it was used within a month).
        entries = sorted(tmp_path.rglob("english-*.sqlite3"))
        assert len(entries) == 2
        assert entries[0].parent.name == f"{__version__}-py{sys.version_info[0]}.{sys.version_info[1]}"
        month_ago = time.time() - dictionaries.STALE_SECONDS - 60
        for path in first:
            os.utime(path, (month_ago, month_ago))
        monkeypatch.setattr(dictionaries, "_stamp", lambda path: real(path) + (":third" if path.name == "en.json.gz" else ""))
        _forget_tables()
        assert "observability" in dictionaries.english()
        # Left unused for a month: removed when another entry is made.
        assert not any(path.exists() for path in first) and len(list(tmp_path.rglob("english-*.sqlite3"))) == 2
    finally:
        _forget_tables()


def test_tables_of_other_versions_left_unused_are_removed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    folders = {name: tmp_path / "tripreport-lint" / name for name in ("0.0.9-py3.9", "0.0.9-py3.12")}
    for folder in folders.values():
        folder.mkdir(parents=True)
        (folder / "english-0123456789abcdef.marshal").write_bytes(b"")
    month_ago = time.time() - dictionaries.STALE_SECONDS - 60
    os.utime(folders["0.0.9-py3.9"], (month_ago, month_ago))  # the other was used recently: kept
    _forget_tables()
    try:
        assert "observability" in dictionaries.english()
    finally:
        _forget_tables()
    assert not folders["0.0.9-py3.9"].exists() and folders["0.0.9-py3.12"].exists()


def test_a_damaged_table_file_is_not_trusted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    _forget_tables()
    try:
        assert "observability" in dictionaries.english()
        (table,) = tmp_path.rglob("english-*.sqlite3")
        table.write_bytes(b"not a database")
        _forget_tables()
        assert "observability" in dictionaries.english() and "obzervability" not in dictionaries.english()
        assert not table.exists()  # made again by the next run
        _forget_tables()
        assert "observability" in dictionaries.english() and table.exists()
    finally:
        _forget_tables()


def test_a_word_table_answers_as_its_dict_asked_a_few_words_or_many(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    first = {"apple": 3, "pear": 1}
    second = {"pear": 2, "plum": 5}
    paths = [tmp_path / "first.sqlite3", tmp_path / "second.sqlite3"]
    assert all(tables.write_table(path, table) for path, table in zip(paths, (first, second), strict=True))
    loads: list[str] = []

    def loader(name: str, table: dict[str, int]) -> Callable[[], dict[str, int]]:
        return lambda: loads.append(name) or table  # type: ignore[func-returns-value]

    def table() -> tables.WordTable[int]:
        return tables.WordTable([(paths[0], loader("first", first)), (paths[1], loader("second", second))])

    merged = table()
    assert merged.lookup({"apple", "pear", "fig"}) == {"apple": 3, "pear": 2}  # the later table wins
    assert "plum" in merged and "fig" not in merged and merged.get("fig", 0) == 0 and merged["plum"] == 5
    assert loads == []  # asked of the files
    monkeypatch.setattr(tables, "LOAD_ALL_AFTER", 5)
    many = table()
    assert many.lookup([f"word{n}" for n in range(6)]) == {}
    assert many.lookup(["apple", "pear"]) == {"apple": 3, "pear": 2}
    assert loads == ["first", "second"]  # loaded whole once asked more words than the bound
    assert tables.WordTable([(None, loader("third", {"fig": 1}))]).lookup(["fig"]) == {"fig": 1}


def test_a_word_tables_answers_agree_with_its_lookup_on_the_words_asked(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "fruit.sqlite3"
    assert tables.write_table(path, {"apple": 3, "pear": 1})
    asked = {"apple", "fig"}
    for bound in (100, 1):  # asked of the file, then loaded whole
        monkeypatch.setattr(tables, "LOAD_ALL_AFTER", bound)
        table = tables.WordTable([(path, lambda: {"apple": 3, "pear": 1})])
        answers = table.answers(asked)
        assert {word: answers[word] for word in asked if word in answers} == table.lookup(asked) == {"apple": 3}
        assert answers.get("fig") is None


def test_one_edit_makes_what_pyspellchecker_makes() -> None:
    checker = SpellChecker(language=None, case_sensitive=True)  # as the rules asked it, over the same words
    checker.word_frequency.load_json(dictionaries.english().whole())
    for word in ("observability", "photograpers", "infinity", "nan", "x" * 60, "12345"):
        assert dictionaries.one_edit(word) == checker.edit_distance_1(word), word


@given(st.sampled_from(["photograpers", "cafe", "naive", "zurich", "vicuna", "resume", "voila", "deja", "observabilty",
                         "kubernets", "nan", "x" * 60, "12345", "it", "velasquez", "senor", "don't", "uber"]),
       st.integers(0, 12), st.sampled_from("abcdefghijklmnopqrstuvwxyz'éüñ"))
def test_english_edits_are_the_english_words_one_edit_away(word: str, at: int, letter: str) -> None:
    # The table is asked of the edits with ASCII letters only; the rest are matched against the accented words.
    word = (word[:at] + letter + word[at:]) if at < len(word) and word.isalpha() else word
    english, plain, accented = spelling_candidates.english_edits(word)
    every = dictionaries.one_edit(word) - {word}
    assert plain | accented == every
    assert english == dictionaries.english().lookup(every)


def test_words_of_what_the_post_links_to_or_shows_are_names(site: Site) -> None:
    body = (
        "Our highlighter is now [Rouge](https://github.com/rouge-ruby/rouge). Rouge has many lexers.\n\n"
        "![Request path](/images/vertx-pipeline.png)\n\n"
        "The vertx client retries, and the [omlet][] people helped.\n\n"
        "[omlet]: /teams/omlet/\n\n"
        "We are demostrating the [seperate step](#seperate-step) here.\n"
    )
    found = site.diagnostics(HEAD + body, select="SPL001")
    # A fragment is made of a heading's words, not a name: only what is linked to counts.
    assert [d.message for d in found] == ["'demostrating' is a misspelling of 'demonstrating'",
                                          "'seperate' is a misspelling of 'separate'"]
    assert all(d.fixable for d in found)


def test_a_word_several_pages_use_or_a_host_the_site_links_to_is_a_name(site: Site,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    text = HEAD + "Thanks to the Omlet crew and to the furst team.\n"
    site.write("content/blog/a.md", HEAD + "Omlet sponsored the venue.\n")
    assert [d.message for d in site.diagnostics(text, select="SPL001")] == [
        "'Omlet' is a misspelling of 'Omelet' (capitalised mid-sentence, it may be a name)",
        "'furst' is a misspelling of 'first'",
    ]
    site.write("content/blog/b.md", HEAD + "See [the hub](https://furst.example.org/) and the omlet notes.\n")
    assert site.findings(text, select="SPL001") == []  # three pages use it; another links to its host
    # On a larger site, three pages are not enough: one page in PAGES_PER_USE must use the word.
    site.write("content/blog/c.md", HEAD + "A quiet day.\n")
    monkeypatch.setattr(spelling_names, "PAGES_PER_USE", 1)
    assert [d.message for d in site.diagnostics(text, select="SPL001")] == [
        "'Omlet' is a misspelling of 'Omelet' (capitalised mid-sentence, it may be a name)"]


def test_words_split_by_inline_code_or_emphasis_are_no_words(site: Site) -> None:
    body = "Wait a few `s`econds for the `Config`uration to load, then the `kube`ctl prompt.\n"
    assert site.findings(HEAD + body, select="SPL002") == []
    assert site.findings(HEAD + "The **C**ontainer **N**etwork **I**nterface.\n", select="SPL001") == []
    assert [d.message for d in site.diagnostics(HEAD + "Wait a few econds.\n", select="SPL002")] == [
        "'econds' may be a typo of 'seconds'"]


RARE = '[spelling]\ndictionaries = ["clear", "rare"]\n'


def test_fixes_in_headings_alt_text_names_and_real_words_are_unsafe(site: Site) -> None:
    assert codespell_says("bellow").strip() == "below", "codespell changed its 'bellow' entry"
    site.write(".tripreport-lint.toml", RARE)
    body = (
        "## Demostrating the plugin\n\n"
        "![Extention points](diagram.png)\n\n"
        "Wtih the team we met the Kuberentes maintainers.\n"
        "The results are shown bellow.\n"
        'He wrote "wtih" twice.\n'
    )
    found = site.diagnostics(HEAD + body, select="SPL001")
    assert [(d.message, d.fixable, d.fix is not None) for d in found] == [
        ("'Demostrating' is a misspelling of 'Demonstrating' (the heading's anchor changes)", False, True),
        ("'Extention' is a misspelling of 'Extension' (alt text may name what the picture shows)", False, True),
        ("'Wtih' is a misspelling of 'With'", True, True),
        ("'Kuberentes' is a misspelling of 'Kubernetes' (capitalised mid-sentence, it may be a name)", False, True),
        ("'bellow' is a misspelling of 'below' (a real word too)", False, True),
        ("'wtih' is a misspelling of 'with' (quoted, it may be mentioned, not meant)", False, True),
    ]
    assert site.fixed(HEAD + body, select="SPL001") == HEAD + body.replace("Wtih", "With")
    assert site.fixed(HEAD + body, select="SPL001", unsafe=True) == HEAD + (
        "## Demonstrating the plugin\n\n![Extension points](diagram.png)\n\n"
        "With the team we met the Kubernetes maintainers.\nThe results are shown below.\n"
        'He wrote "with" twice.\n')


@pytest.mark.parametrize(("before", "expected"), [
    ("We met the ", True),
    ("we met the\n", True),  # a paragraph's line goes on from the line above
    ("Done. ", False),
    ("Done.\n", False),
    ("Done.\n\n", False),
    ("- ", False),
    ("1. **", False),
    ("> ", False),
    ("| a | ", False),
    ("## Title\n", False),
    ("", False),
])
def test_capitalised_mid_sentence(before: str, expected: bool) -> None:
    text = HEAD + before + "Omlet helped.\n"
    assert spelling_names.capitalised_mid_sentence(text, len(HEAD + before), len(HEAD)) is expected


def test_a_capitalised_word_beside_a_name_in_any_alphabet_is_a_name(site: Site) -> None:
    for index in range(5):
        site.write(f"content/blog/p{index}.md", HEAD + "Michael gave the keynote.\n")
    assert site.findings(HEAD + "Thanks to Michal Švácha and Michal.\n", select="SPL002") == [("SPL002", 6, 29)]


def test_filler_text_in_another_language_and_dropped_letters_are_not_judged(site: Site) -> None:
    latin = ("Praesent cursus magna vel scelerisque nisl consectetur et. Donec ullamcorper nulla non metus "
             "auctor fringilla.")
    text = ("---\ntitle: Notes\ndate: 2024-05-19\n---\n\n" + latin + "\n\nWe were playin' and askin' around.\n\n"
            "The demo was verry good.\n")
    assert site.findings(text, select="SPL") == [("SPL001", 10, 14)]


def test_a_real_word_capitalised_mid_sentence_is_a_name(site: Site) -> None:
    site.write(".tripreport-lint.toml", RARE)
    text = "---\ntitle: Notes\ndate: 2024-05-19\n---\n\nWe are already defaulting to Rouge for highlighting.\n"
    assert site.findings(text, select="SPL001") == []
    assert site.findings(text.replace("to Rouge", "to rouge"), select="SPL001") == [("SPL001", 6, 30)]


def test_real_words_codespell_calls_rare_are_judged_only_when_asked(site: Site) -> None:
    text = HEAD + "The results are shown bellow. It was a painful sting, but it will whet your appetite.\n"
    assert site.findings(text, select="SPL") == []
    site.write(".tripreport-lint.toml", RARE)
    assert [d.message.split()[0] for d in site.diagnostics(text, select="SPL001")] == ["'bellow'", "'sting'", "'whet'"]


def test_words_that_are_not_the_authors_are_not_judged(site: Site) -> None:
    body = (
        "- Ann Lee, [[PATCH net-next 1/2] bpf: fix adress handling](https://lists.example.org/1)\n"
        "  - [PATCH v2 bpf: fix typos, \"conenct\" and \"recieve\"](https://lists.example.org/2)\n"
        "  - [[RFC] bpf: don't copyin twice](https://lists.example.org/3)\n"
        "- Fixed the \"vertycal\" typo and a \"recieve\" misspelling.\n"
        "- We fixed the adress handling; he wrote \"recieve\" twice.\n"
    )
    found = site.diagnostics(HEAD + body, select="SPL")
    assert [(d.code, d.span.line, d.message) for d in found] == [
        ("SPL001", 10, "'adress' is a misspelling of 'address'"),
        ("SPL001", 10, "'recieve' is a misspelling of 'receive' (quoted, it may be mentioned, not meant)")]


def test_names_across_a_line_break_before_an_initial_or_in_a_handle(site: Site) -> None:
    for index in range(5):
        site.write(f"content/blog/p{index}.md", HEAD + "Martin gave the keynote.\n")
    body = (
        "Thanks to Kinvolk, especially Thilo\nFromm, for the harness.\n\n"
        "_Image credit: [Dimitry B.](https://photos.example.org/ru_boff/)_\n\n"
        "[Cristian Greco](https://github.com/cristiangreco) helped. Then Cristian stepped in.\n\n"
        "My favorite Hashi-in-a-box tool runs [Nomad](https://hashicorp.com/nomad).\n\n"
        "Thanks to Mark Lee, Martijn den Hoedt and Martijn ter Beek; I worked at Invision AG then.\n"
    )
    assert site.findings(HEAD + body, select="SPL") == []
    # Only a word with several letters to spare starts a name: `Tetrago` is `tetragon` with one dropped.
    text = HEAD + "Pick one of Falco, Tetrago, or [KubeArmor](https://kubearmor.io); see [Tetragon](https://tetragon.io).\n"
    assert [d.message for d in site.diagnostics(text, select="SPL002")] == ["'Tetrago' may be a typo of 'Tetragon'"]
    # A paragraph's line break joins a name; a heading's line does not.
    assert site.findings(HEAD + "## Meet Thilo\nFromm wrote it.\n", select="SPL001") == [("SPL001", 7, 1)]


def test_compounds_and_function_names_are_no_typos(site: Site) -> None:
    body = "The default lookback window allows hitless upgrades; hook the readline() call.\n"
    assert site.findings(HEAD + body, select="SPL002") == []
    assert [d.message for d in site.diagnostics(HEAD + "The neworking plugin.\n", select="SPL002")] == [
        "'neworking' may be a typo of 'networking'"]


@given(st.text(alphabet="aZ'’-/@.\\_1 é()\n"), st.integers(0, 3))
def test_words_are_those_a_look_behind_before_the_first_letter_finds(text: str, start: int) -> None:
    """The pattern looks behind after the first letter (fast); it finds what the plain look-behind form finds."""
    plain = re.compile(r"(?<![\w/@.\\'’-])[A-Za-z]+(?:['’][A-Za-z]+)?(?![\w/@]|\.\w|['’]|\(\))")
    assert prose_words.WORD.findall(text, start) == plain.findall(text, start)


@given(st.text(alphabet="ab*_1 é\n"))
def test_asterisks_between_letters_are_those_a_look_behind_finds(text: str) -> None:
    """The pattern starts at the `*` (fast); it finds what the plain form with a look-behind finds."""
    spans = [m.span() for m in prose_words._INTRAWORD_EMPHASIS.finditer(text)]
    assert spans == [m.span() for m in re.finditer(r"(?<=[^\W\d_])\*+(?=[^\W\d_])", text)]


def test_a_fix_in_a_title_the_url_is_made_from_is_unsafe(site: Site) -> None:
    # Hugo's `:slug` falls back to the title: fixing the title moves the page and breaks links to it.
    site.write("hugo.toml", '[permalinks]\nblog = "/:year/:month/:slug/"\n')
    text = "---\ntitle: How to recieve webhooks\ndate: 2024-04-02\n{}---\n\nWe recieve them.\n"
    found = site.diagnostics(text.format(""), select="SPL001")
    assert [(d.span.line, d.message, d.fix is not None and d.fix.applicability.name) for d in found] == [
        (2, "'recieve' is a misspelling of 'receive' (the page's URL is made from it)", "UNSAFE"),
        (6, "'recieve' is a misspelling of 'receive'", "SAFE"),
    ]
    with_slug = site.diagnostics(text.format("slug: webhooks\n"), select="SPL001")
    assert [d.fix.applicability.name for d in with_slug if d.fix is not None] == ["SAFE", "SAFE"]


def test_a_capitalised_misspelling_beside_a_frequent_english_word_is_no_persons_name(site: Site) -> None:
    # `Project Pavillion` is a title in Title Case; `Thilo Fromm` is a person (codespell knows both words).
    body = "Visit our booth in the Project Pavillion on Tuesday. Thanks to Thilo Fromm for the demo.\n"
    found = site.diagnostics(HEAD + body, select="SPL001")
    assert [(d.message, d.fix is not None and d.fix.applicability.name) for d in found] == [
        ("'Pavillion' is a misspelling of 'Pavilion' (capitalised mid-sentence, it may be a name)", "UNSAFE")]


def test_a_word_before_an_apostrophe_written_as_an_entity_is_not_judged(site: Site) -> None:
    # `theres&rsquo;` renders "theres’": the fix to "there's" would leave "there's’" on the page.
    body = "Well theres&rsquo; a thing, and theres&#39; another. But theres a third.\n"
    assert [d.message for d in site.diagnostics(HEAD + body, select="SPL001")] == [
        "'theres' is a misspelling of 'there's'"]
