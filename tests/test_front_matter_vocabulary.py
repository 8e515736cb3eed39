"""FM032-FM034: taxonomy terms and keys measured against the site's other posts."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from conftest import Site, run_cli
from tripreport_lint.rules.front_matter.site_terms import fold

VOCABULARY = "FM030,FM031,FM032,FM033,FM034"


def post(title: str, extra: str, *, body: str = "Text.") -> str:
    return f"---\ntitle: {title}\ndate: 2024-03-01\n{extra}---\n\n{body}\n"


def blog(site: Site, count: int, extra: str | list[str], folder: str = "content/blog") -> None:
    """``count`` posts whose front matter ends with ``extra`` (or with each of a list in turn)."""
    for n in range(count):
        text = extra if isinstance(extra, str) else extra[n % len(extra)]
        site.write(f"{folder}/post-{n:02}.md", post(f"Post {n}", text))


def test_fold_sets_aside_case_spacing_hyphens_and_plurals_only() -> None:
    assert fold("PyCon") == fold("py-con") == fold("Py Con")
    assert fold("Tutorial") == fold("tutorials") and fold("Policies") == fold("policy")
    assert fold("news") != fold("new") and fold("Node.js") != fold("nodejs") and fold("class") == "class"


def test_a_spelling_other_posts_write_differently_is_reported_with_the_majority_spelling(site: Site) -> None:
    blog(site, 6, ["tags: [observability, service-mesh]\n", "tags: [observability, tutorials]\n"])
    text = post("Mine", "tags:\n  - Observability\n  - Service Mesh\n  - tutorial\n  - tracing\n")
    found = site.diagnostics(text, VOCABULARY)
    assert [(d.code, d.span.line, d.span.column) for d in found] == [("FM032", 5, 5), ("FM032", 6, 5), ("FM032", 7, 5)]
    assert found[0].message == "'tags' lists 'Observability', which 6 other posts write 'observability': use the site's spelling"
    assert site.fixed(text, VOCABULARY) == text  # the fix is unsafe
    fixed = site.fixed(text, VOCABULARY, unsafe=True)
    assert fixed == post("Mine", "tags:\n  - observability\n  - service-mesh\n  - tutorials\n  - tracing\n")
    assert site.findings(fixed, VOCABULARY) == []


def test_the_fix_keeps_the_list_style_and_quotes(site: Site) -> None:
    blog(site, 4, "tags: [observability, kubernetes]\n")
    text = post("Mine", "tags: ['Observability', \"Kubernetes\"]\n")
    assert site.fixed(text, "FM032", unsafe=True) == post("Mine", "tags: ['observability', \"kubernetes\"]\n")
    toml = '+++\ntitle = "Mine"\ndate = 2024-03-01\ntags = ["Observability"]\n+++\n\nText.\n'
    assert site.fixed(toml, "FM032", unsafe=True) == toml.replace("Observability", "observability")


def test_every_post_agrees_on_the_site_spelling_even_in_a_tie(site: Site) -> None:
    # One post each: the winner must be the same seen from either post, or --fix would swap them.
    blog(site, 4, "tags: [kubernetes]\n")
    site.write("content/blog/a.md", post("A", "tags: [Tutorial]\n"))
    site.write("content/blog/b.md", post("B", "tags: [tutorials]\n"))
    a, b = site.diagnostics(None, "FM032", "content/blog/a.md"), site.diagnostics(None, "FM032", "content/blog/b.md")
    assert [d.message for d in a] == ["'tags' lists 'Tutorial', which 1 other post writes 'tutorials': use the site's "
                                      "spelling"] and b == []  # the site's tags are lower case: so is the winner


def test_drafts_and_list_pages_do_not_vote_and_other_kinds_are_not_compared(site: Site) -> None:
    blog(site, 2, "tags: [observability]\n")
    for n in range(3):
        site.write(f"content/blog/draft-{n}.md", post(f"Draft {n}", "draft: true\ntags: [Observability]\n"))
    site.write("content/blog/_index.md", post("Blog", "tags: [Observability]\n"))
    site.write("content/about/team.md", post("Team", "tags: [OBSERVABILITY]\n"))  # a page, not a post
    assert site.findings(post("Mine", "tags: [Observability]\n"), "FM032") == [("FM032", 4, 8)]
    # A draft is checked against the published posts.
    assert site.findings(post("Mine", "draft: true\ntags: [Observability]\n"), "FM032") == [("FM032", 5, 8)]
    assert site.findings(None, "FM032", "content/blog/_index.md") == []


def test_a_category_block_on_one_post_of_a_tags_only_site_is_reported_once(site: Site) -> None:
    blog(site, 24, ["tags: [observability, kubernetes]\n", "tags: [release]\n"])
    text = post("Mine", "tags: [observability, kubernetes, release]\ncategories: [observability, kubernetes, events]\n")
    found = site.diagnostics(text, VOCABULARY)
    assert [(d.code, d.span.line, d.span.column) for d in found] == [("FM033", 5, 1)]  # FM030 stands down
    assert found[0].message == ("no other post of this site sets 'categories': of its 24 other posts, 24 set "
                                "'tags' (24)")
    assert site.findings(post("Mine", "tags: [release]\n"), VOCABULARY) == []
    blog(site, 24, "tags: [release]\ncategories: [events]\n", folder="content/blog/more")
    assert [c for c, _, _ in site.findings(text, "FM030,FM033")] == ["FM030"]  # the site's categories: drift


def test_lone_taxonomies_need_a_site_of_min_posts_that_shares_a_vocabulary(site: Site) -> None:
    text = post("Mine", "tags: [observability]\ncategories: [Events]\n")
    blog(site, 19, "tags: [observability]\n")
    assert site.findings(text, "FM033") == []  # 19 other posts: a small site
    blog(site, 30, ["tags: [observability]\n", "", ""])  # 10 of 30 tagged: no shared vocabulary
    assert site.findings(text, "FM033") == []
    site.write(".tripreport-lint.toml", "[lone-taxonomy]\nmin-posts = 5\n")
    blog(site, 6, "tags: [observability]\n", folder="content/blog/2023")
    for path in (site.root / "content/blog").glob("post-*.md"):
        path.unlink()
    assert site.findings(text, "FM033") == [("FM033", 5, 1)]


def test_a_key_the_generator_does_not_read_as_the_taxonomy_is_renamed(site: Site) -> None:
    blog(site, 3, "categories: [Events]\n")
    text = post("Mine", "category: [Events]\n")
    found = site.diagnostics(text, "FM033")
    assert [d.message for d in found] == ["the site reads no taxonomy 'category': 3 other posts set 'categories'"]
    assert site.fixed(text, "FM033", unsafe=True) == post("Mine", "categories: [Events]\n")
    # Hugo reads keys without regard to case: `Categories:` is the taxonomy itself.
    assert site.findings(post("Mine", "Categories: [Events]\n"), "FM033") == []


def test_a_lone_term_in_a_closed_vocabulary_is_reported_with_the_closest_term(site: Site) -> None:
    blog(site, 24, ["categories: [Security]\n", "categories: [Community]\n", "categories: [Release]\n"])
    text = post("Mine", "categories: [Secuirty]\n")
    [found] = site.diagnostics(text, VOCABULARY)
    assert (found.code, found.message) == ("FM034", "no other post has 'Secuirty' in 'categories': the 24 other "
                                                    "posts that set it share 3 terms; did you mean 'Security'?")
    assert site.findings(post("Mine", "categories: [Security]\n"), VOCABULARY) == []
    site.write("content/blog/one-off.md", post("One-off", "categories: [Partners]\n"))
    assert site.findings(text, "FM034") == []  # another post has a term of its own: new terms are expected


def test_jekyll_reads_singular_keys_and_space_separated_strings(tmp_path: Path) -> None:
    site = Site(tmp_path)
    site.write("_config.yml", "title: Blog\n")
    for n in range(24):
        extra = "category: release\ntags: ruby jekyll\n" if n % 2 else "categories: [community]\ntags: [ruby]\n"
        site.write(f"_posts/2024-01-{n + 1:02}-post.md", post(f"Post {n}", extra))
    mine = "_posts/2024-03-01-mine.md"
    assert site.findings(post("Mine", "categories: [release, community]\n"), VOCABULARY, mine) == []
    text = post("Mine", "category: release\ntags: Ruby jekyll\n")
    assert site.findings(text, VOCABULARY, mine) == [("FM032", 5, 7)]
    assert site.fixed(text, "FM032", mine, unsafe=True) == post("Mine", "category: release\ntags: ruby jekyll\n")
    # Jekyll tells case apart in keys: `Tags:` is no taxonomy.
    assert site.findings(post("Mine", "Tags: [ruby]\n"), "FM033", mine) == [("FM033", 4, 1)]


def test_blogs_of_a_site_no_generator_describes_are_compared_apart(tmp_path: Path) -> None:
    site = Site(tmp_path)
    blog(site, 5, "tags: [Community]\n", folder="one.example/src/posts")
    blog(site, 5, "tags: [community]\n", folder="two.example/content/blog")
    assert site.findings(None, "FM032", "two.example/content/blog/post-01.md") == []
    site.write("two.example/content/blog/mine.md", post("Mine", "tags: [Community]\n"))
    assert site.findings(None, "FM032", "two.example/content/blog/mine.md") == [("FM032", 4, 8)]


def git(*args: str, cwd: Path) -> None:
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@t", *args], cwd=cwd, check=True,
                   capture_output=True)


def test_diff_base_leaves_new_terms_out_and_a_cached_run_sees_other_posts_change(site: Site) -> None:
    blog(site, 24, ["categories: [Security]\n", "categories: [Community]\n"])
    site.write("content/blog/mine.md", post("Mine", "categories: [Community]\n"))
    git("init", "-q", cwd=site.root)
    git("add", ".", cwd=site.root)
    git("commit", "-qm", "posts", cwd=site.root)
    site.write("content/blog/mine.md", post("Mine", "categories: [Secuirty, community]\n"))
    args = ("--select", "FM032,FM034", "--output-format", "json")
    full = run_cli(*args, "content/blog/mine.md", cwd=site.root)
    assert sorted(row["code"] for row in json.loads(full.stdout)) == ["FM032", "FM034"]
    changed = run_cli(*args, "--diff-base", "HEAD", "content/blog/mine.md", cwd=site.root)
    assert [row["code"] for row in json.loads(changed.stdout)] == ["FM032"]
    # The site renames its category: the (cached) one-file run sees it, and the post is now right.
    for path in (site.root / "content/blog").glob("post-*.md"):
        path.write_text(path.read_text(encoding="utf-8").replace("Community", "community"), encoding="utf-8")
    again = run_cli(*args, "content/blog/mine.md", cwd=site.root)
    assert [row["code"] for row in json.loads(again.stdout)] == ["FM034"]
