"""FM011 and FM020-FM024: YAML 1.1 booleans and dates as the author wrote them."""

from __future__ import annotations

import pytest

from conftest import Site


def post(*lines: str) -> str:
    return "---\n" + "\n".join(lines) + "\n---\n\nA day of talks.\n"


def test_yaml11_boolean_on_a_boolean_key_is_safely_fixed(site: Site) -> None:
    text = post("title: Notes", "date: 2024-07-01", "draft: no")
    [finding] = site.diagnostics(text)
    assert (finding.code, finding.span.line, finding.span.column, finding.fixable) == ("FM011", 4, 8, True)
    assert site.fixed(text) == text.replace("draft: no", "draft: false")


def test_yaml11_boolean_elsewhere_needs_unsafe_fixes(site: Site) -> None:
    text = post("title: Notes", "date: 2024-07-01", "params:", "  country: NO")
    [finding] = site.diagnostics(text)
    assert (finding.code, finding.span.line, finding.fixable) == ("FM011", 5, False)
    assert "or quote it for the text 'NO'" in finding.message
    assert site.fixed(text) == text
    assert site.fixed(text, unsafe=True) == text.replace("country: NO", "country: false")


def test_yaml11_word_on_a_string_key_is_left_to_the_schema_rule(site: Site) -> None:
    text = post("title: yes", "date: 2024-07-01")
    assert [d.code for d in site.diagnostics(text)] == ["FM010"]
    assert site.fixed(text) == text.replace("title: yes", 'title: "yes"')


def test_quoted_yes_and_real_booleans_are_fine(site: Site) -> None:
    assert site.findings(post("title: Notes", "date: 2024-07-01", "draft: true", 'mood: "yes"')) == []


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("2025-02-30", "February 2025 has 28 days"),
        ("2024-13-01", "there is no month 13"),
        ("2024-05-19T24:10:00Z", "is not a real time of day"),
        ('"May 19th, 2024"', "is not a date in a form"),
        ("2024-05-19T10:00:00+25:00", "impossible time zone offset"),
    ],
)
def test_invalid_dates_are_reported_with_the_reason(site: Site, value: str, reason: str) -> None:
    [finding] = site.diagnostics(post("title: Notes", f"date: {value}"), select="FM020")
    assert (finding.span.line, finding.span.column) == (3, 7)
    assert reason in finding.message


@pytest.mark.parametrize(
    "value", ["2024-05-19", "2024-05-19T10:30:00Z", "2024-05-19 10:30:00 +0200", "2024-05-19T10:30:00.123-07:00",
              "2024-02-29", "2025-04-07T00:00:00-00:00"],
)
def test_valid_dates_pass(site: Site, value: str) -> None:
    assert site.findings(post("title: Notes", f"date: {value}"), select="FM020") == []


def test_impossible_toml_date_is_a_syntax_error_not_a_crash(site: Site) -> None:
    assert [c for c, _, _ in site.findings('+++\ntitle = "N"\ndate = 2025-02-30\n+++\n')] == ["FM004"]


def test_future_date_on_a_published_post(site: Site) -> None:
    text = post("title: Notes", "date: 2027-01-10", "draft: false")
    assert site.findings(text) == [("FM021", 3, 7)]
    assert site.findings(post("title: Notes", "date: 2027-01-10", "draft: true")) == []
    assert site.findings(post("title: Notes", "date: 2026-11-22")) == []
    assert site.findings(post("title: Notes", "date: 2026-11-22T13:00:00Z")) == [("FM021", 3, 7)]


def test_lastmod_before_date(site: Site) -> None:
    text = post("title: Notes", "date: 2024-05-19T10:00:00Z", "lastmod: 2024-05-18")
    [finding] = site.diagnostics(text)
    assert (finding.code, finding.span.line, finding.span.column) == ("FM022", 4, 10)
    assert site.findings(post("title: N", "date: 2024-05-19T10:00:00Z", "lastmod: 2024-05-19")) == []


def test_date_without_timezone_is_opt_in(site: Site) -> None:
    text = post("title: Notes", "date: 2024-05-19T10:00:00")
    assert site.findings(text) == []
    assert site.findings(text, select="FM023") == [("FM023", 3, 7)]
    assert site.findings(post("title: Notes", "date: 2024-05-19"), select="FM023") == []


def _jekyll(site: Site, config: str = "title: Blog\n") -> None:
    (site.root / "hugo.toml").unlink()
    site.write("_config.yml", config)


def test_a_jekyll_post_dated_another_day_than_its_file_name(site: Site) -> None:
    _jekyll(site)
    name = "_posts/2024-03-05-meetup-recap.md"
    [finding] = site.diagnostics(post("title: Meetup recap", "date: 2024-03-12"), "FM024", name)
    assert (finding.span.line, finding.span.column) == (3, 7)
    assert finding.message == ("'date' 2024-03-12 names another day than the file name's 2024-03-05: rename the file "
                               "or correct the date, so that the two agree")
    assert site.findings(post("title: Meetup recap", "date: 2024-03-05 18:00"), "FM024", name) == []
    assert site.findings(post("title: Meetup recap"), "FM024", name) == []  # the date comes from the name
    # Words after the time, as Jekyll reads them: compared by the leading date.
    assert site.findings(post("title: Meetup recap", "date: 2024-03-12 10:00:00 2024 -0800"), "FM024", name) != []
    # Other collections take no date from their names; neither do pages.
    assert site.findings(post("title: Meetup recap", "date: 2024-03-12"), "FM024", "_talks/2024-03-05-x.md") == []


def test_a_zoned_date_is_read_in_the_site_s_time_zone(site: Site) -> None:
    name = "_posts/2024-03-05-late-talk.md"
    late = post("title: Late talk", "date: 2024-03-05 23:30:00 -0800")
    _jekyll(site)  # no zone set: the build machine's decides; the day as written could be it
    assert site.findings(late, "FM024", name) == []
    site.write("_config.yml", "title: Blog\ntimezone: Europe/Berlin\n")  # in Berlin it is the 6th already
    assert site.findings(late, "FM024", name) == [("FM024", 3, 7)]
    assert site.findings(late, "FM024", "_posts/2024-03-06-late-talk.md") == []
    site.write("_config.yml", "title: Blog\ntimezone:\n")  # empty: no zone, not one named 'None'
    assert site.findings(late, "FM024", name) == []
    [other_day] = site.diagnostics(post("title: Late talk", "date: 2024-03-12 10:00:00 -0800"), "FM024", name)
    assert other_day.message.startswith("'date' 2024-03-12 10:00:00 -0800 names another day")
    site.write("_config.yml", "title: Blog\ntimezone: Europe/Berlin\n")
    [finding] = site.diagnostics(late, "FM024", name)
    assert "(2024-03-06 in the site's time zone, Europe/Berlin)" in finding.message


def test_hugo_compares_only_when_it_reads_dates_from_file_names(site: Site) -> None:
    text = post("title: Meetup recap", "date: 2024-03-12")
    assert site.findings(text, "FM024", "content/posts/2024-03-05-meetup-recap.md") == []
    site.write("hugo.toml", 'title = "Blog"\n[frontmatter]\ndate = [":filename", ":default"]\n')
    assert site.findings(text, "FM024", "content/posts/2024-03-05-meetup-recap.md") == [("FM024", 3, 7)]
    assert site.findings(text, "FM024", "content/posts/2024-03-05-meetup-recap/index.md") == [("FM024", 3, 7)]
    assert site.findings(text, "FM024", "content/posts/2024-03-12-meetup-recap/index.md") == []
