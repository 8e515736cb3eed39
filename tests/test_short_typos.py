"""SPL002 on short words (slips of frequent words) and on typos copied into other posts; SPL001 on the latter."""

from __future__ import annotations

from conftest import Site

HEAD = "---\ntitle: Notes from KubeCon\ndate: 2024-04-02\n---\n\n"


def _messages(site: Site, text: str, select: str = "SPL") -> list[tuple[str, int, str]]:
    return [(d.code, d.span.line, d.message) for d in site.diagnostics(text, select=select)]


def test_short_typos_are_found_by_codespell_or_as_slips_of_frequent_words(site: Site) -> None:
    body = (
        "Teh keynote adn the demo. We met wiht the team.\n\n"  # codespell knows these
        "The fiels were ready whhen we came.\n\n"
        "Tehy left early. We sat hwen it rained; the rain came waay too early.\n\n"
        "Hwat a day. A slip of a shorter word: neever again.\n"
    )
    # codespell's entries change between its releases: what it offers is its own business.
    assert [(code, line, message.split("'")[1]) for code, line, message in _messages(site, HEAD + body)] == [
        ("SPL001", 6, "Teh"), ("SPL001", 6, "adn"), ("SPL001", 6, "wiht"),
        ("SPL001", 8, "fiels"), ("SPL001", 8, "whhen"),
        ("SPL001", 10, "Tehy"), ("SPL002", 10, "hwen"), ("SPL002", 10, "waay"),
        ("SPL002", 12, "Hwat"), ("SPL002", 12, "neever"),
    ]
    found = {d.message: d for d in site.diagnostics(HEAD + body, select="SPL002")}
    # A correction of a short word is a guess: unsafe with one candidate, none with several.
    assert found["'hwen' may be a typo of 'when'"].fix is not None
    assert not found["'hwen' may be a typo of 'when'"].fixable
    assert found["'waay' may be a typo of 'way' or 'away'"].fix is None
    fixed = site.fixed(HEAD + "We sat hwen it rained.\n", select="SPL002", unsafe=True)
    assert fixed == HEAD + "We sat when it rained.\n"


def test_a_short_word_is_a_slip_of_a_word_the_site_uses(site: Site) -> None:
    text = HEAD + "Drain the nodse first, then the hsot.\n"
    # `nodes` is no frequent English word, `host` and `shot` are: both are offered.
    assert _messages(site, text, "SPL002") == [("SPL002", 6, "'hsot' may be a typo of 'shot' or 'host'")]
    for index in range(3):
        site.write(f"content/blog/p{index}.md", HEAD + "Each host runs two nodes.\n")
    assert _messages(site, text, "SPL002") == [
        ("SPL002", 6, "'nodse' may be a typo of 'nodes'"),
        ("SPL002", 6, "'hsot' may be a typo of 'host' or 'shot'"),  # the site's word first
    ]


def test_abbreviations_names_code_and_foreign_words_are_not_short_typos(site: Site) -> None:
    body = (
        "We run k8s with gRPC on ECS and Ubuntu Jammy. Set foo and baz in the repo, pass the args to kube\n"
        "over ssh, write yaml in utf, build libc with wget and cron, and read the util docs.\n\n"
        "Hsot Lee and Jan Waay spoke. We met Waay at lunch. Then: Hsot. Waay came too.\n\n"
        "Wir haben hier die Daten und eine neue Rolle gebaut, aber nicht mehr als zwei Knoten.\n\n"
        "As the French say, entre nous, comme ci.\n\n"
        "Run `hwen` and `waay`, see [the docs](/hwen/waay/) and <https://example.com/hwen>, or open hwen.yaml.\n"
    )
    text = "---\ntitle: Notes\ndate: 2024-04-02\nhwen: waay\n---\n\n" + body
    assert site.findings(text, select="SPL002") == []


def test_a_word_more_pages_use_is_the_sites_own_but_a_copied_typo_is_not(site: Site) -> None:
    text = HEAD + "The photograpers and the hwen crowd met Alexandre.\n"
    for index in range(2):
        site.write(f"content/blog/p{index}.md", HEAD + "Alexandre met photograpers, hwen and all.\n")
    # Three pages use them: a name capitalised is the site's own, a slip of a common word in lower case is not.
    assert _messages(site, text, "SPL002") == [
        ("SPL002", 6, "'photograpers' may be a typo of 'photographers'"),
        ("SPL002", 6, "'hwen' may be a typo of 'when'"),
    ]
    site.write("content/blog/p2.md", HEAD + "More photograpers, hwen again.\n")
    assert site.findings(text, select="SPL002") == []  # four pages: the site's own


def test_a_known_misspelling_in_lower_case_needs_four_pages_to_be_a_name(site: Site) -> None:
    text = HEAD + "The furst talk was by the Omlet team.\n"
    for index in range(2):
        site.write(f"content/blog/p{index}.md", HEAD + "The furst day, with Omlet.\n")
    assert _messages(site, text, "SPL001") == [("SPL001", 6, "'furst' is a misspelling of 'first'")]
    site.write("content/blog/p2.md", HEAD + "Our furst meetup.\n")
    assert site.findings(text, select="SPL001") == []


def test_a_word_the_post_writes_again_or_outside_a_sentence_is_no_slip(site: Site) -> None:
    # Jargon recurs (here once more in code); labels and markup are no sentences; nor is a doubled first letter.
    body = (
        "The htree index was rebuilt.\n\n```\nhtree --check\n```\n\n"
        "- snice: match on pid\n- fix {hree 3}\n- fix the bbox and the ppolicy schema\n"
    )
    assert site.findings(HEAD + body, select="SPL002") == []
    assert [d.message for d in site.diagnostics(HEAD + "The htree index was rebuilt.\n", select="SPL002")] == [
        "'htree' may be a typo of 'three'"]
