"""The site builds with zero warnings, offline, and shows what readers are promised.

One full build (with -W -n --keep-going, as `make book` runs it) into a temporary folder,
then checks on the HTML: figures with alt text and source captions, citations and a
bibliography, exercises with solutions, glued numbers filled in. A second build with
solutions hidden proves a teacher's copy leaves them out.
"""

import re

import pytest
import yaml
from bs4 import BeautifulSoup

from book_facts import ROOT, build_site as _build, config, toc_chapters, toc_files
from sinorus.sphinx_solutions import config_without_solutions


@pytest.fixture(scope="module")
def site(built_site):
    """The one build of the session (tests/conftest.py), shared with test_browser."""
    return built_site


def test_build_succeeds_with_zero_warnings(site):
    _, returncode, log = site
    warnings = [line for line in log.splitlines() if re.search(r"\bWARNING\b|\bERROR\b", line)]
    assert returncode == 0 and not warnings, "\n".join(warnings) or log[-3000:]


def _page(html_dir, name):
    return BeautifulSoup((html_dir / f"{name}.html").read_text(encoding="utf-8"), "html.parser")


def test_every_page_in_the_toc_is_built(site):
    html_dir, _, _ = site
    missing = [f for f in toc_files() if not (html_dir / f"{f}.html").exists()]
    assert not missing


@pytest.mark.parametrize("md", toc_chapters(), ids=lambda p: p.stem)
def test_figures_have_alt_text_and_source_captions(site, md):
    html_dir, _, _ = site
    page = _page(html_dir, f"chapters/{md.stem}")
    main = page.find("main") or page
    for img in main.find_all("img"):
        if "logo" in (img.get("src") or ""):
            continue
        assert len(img.get("alt", "")) >= 40, f"{md.stem}: image without alt text"
        figure = img.find_parent("figure")
        assert figure is not None and "Source" in figure.find("figcaption").get_text(), \
            f"{md.stem}: image without a source caption"


@pytest.mark.parametrize("md", toc_chapters(), ids=lambda p: p.stem)
def test_glue_is_filled_in_and_exercises_have_solutions(site, md):
    html_dir, _, _ = site
    page = _page(html_dir, f"chapters/{md.stem}")
    for code in page.select("code, pre"):  # the how-to chapter shows a glue role as code
        code.decompose()
    assert "{glue" not in page.get_text(" "), f"{md.stem}: an unresolved glue role"
    page = _page(html_dir, f"chapters/{md.stem}")
    assert len(page.select(".exercise")) >= 1
    assert len(page.select(".solution")) == len(page.select(".exercise"))


def test_bibliography_lists_every_entry_and_citations_link_to_it(site):
    html_dir, _, _ = site
    import pybtex.database
    entries = pybtex.database.parse_file(ROOT / "references.bib").entries
    bibliography = _page(html_dir, "bibliography")
    assert len(bibliography.select(".citation, dl.citation > dt, div.citation")) >= len(entries) \
        or len(bibliography.find_all(id=re.compile(r"^id\d+"))) >= len(entries)
    theory = _page(html_dir, "chapters/01-balance-of-power-and-threat")
    assert any("bibliography.html#" in a.get("href", "") for a in theory.find_all("a"))


def test_claims_ledger_lists_every_claim_with_its_section(site):
    html_dir, _, _ = site
    from book_facts import claims
    ledger = _page(html_dir, "claims").find("main").get_text(" ")
    # Sphinx's smartquotes turn ' and " into typographic quotes on the page
    quotes = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})
    ledger = ledger.translate(quotes)
    for md in toc_chapters():
        for name, record in claims(md).items():
            words = (record["text"] or "").translate(quotes)
            assert record["condition"].translate(quotes) in ledger, f"{md.stem}: {name} missing from the ledger"
            assert words in ledger, f"{md.stem}: {name}'s words missing from the ledger"


def test_launch_buttons_point_at_the_configured_repository(site):
    html_dir, _, _ = site
    html = (html_dir / "chapters" / "01-balance-of-power-and-threat.html").read_text(encoding="utf-8")
    repository = config()["repository"]["url"].removeprefix("https://github.com/")
    branch = config()["repository"]["branch"]
    notebook = "chapters/01-balance-of-power-and-threat.ipynb"
    links = {a["href"] for a in BeautifulSoup(html, "html.parser").find_all("a", href=True)}
    assert f"https://colab.research.google.com/github/{repository}/blob/{branch}/{notebook}" in links
    assert f"https://mybinder.org/v2/gh/{repository}/{branch}?urlpath=lab/tree/{notebook}" in links
    launch = [link for link in links if "colab.research" in link or "mybinder.org" in link]
    assert launch and not [link for link in launch if "/./" in link or "//" in link.split("://", 1)[1]]


def _solution_lines():
    """Distinctive lines of the chapters' solutions (code and prose), from their sources:
    lines of 30 characters or more that no chapter has outside a solution."""
    from sinorus.sphinx_solutions import strip_solution_text
    texts = [md.read_text(encoding="utf-8") for md in toc_chapters()]
    stripped = "\n".join(strip_solution_text(text) for text in texts)
    outside = {line.strip() for line in stripped.splitlines()}
    # a solution's line that is also part of a longer line outside the solutions (a table's
    # formats, say) would be found in the student's copy without being a solution
    return {line.strip() for text in texts for line in text.splitlines()
            if line.strip() not in outside and len(line.strip()) >= 30
            and not line.startswith("```") and line.strip() not in stripped}


def test_students_copy_has_no_solution_anywhere(tmp_path):
    """`make book SOLUTIONS=hide`: no solution on any page, in any file offered for
    download, or behind a launch button; and no text that speaks of solutions to open."""
    settings = config_without_solutions(ROOT)
    config_file = tmp_path / "config.yml"
    config_file.write_text(yaml.safe_dump(settings))
    result = _build(tmp_path, config_file)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    html_dir = tmp_path / "_build" / "html"
    for md in toc_chapters():
        page = _page(html_dir, f"chapters/{md.stem}")
        assert page.select(".exercise") and not page.select(".solution"), md.stem
        assert "solution-start" not in page.get_text(), md.stem
        assert not page.select('a[href*="colab.research"], a[href*="mybinder"]'), md.stem
        assert "click to open" not in page.get_text(), md.stem
        assert (html_dir / "_sources" / "chapters" / f"{md.stem}.md").exists(), md.stem
    lines = _solution_lines()
    assert len(lines) > 50, "too few solution lines to make the check meaningful"
    files = [p for p in html_dir.rglob("*") if p.is_file() and p.suffix in
             {".html", ".ipynb", ".md", ".txt", ".js", ".json"}]
    patterns = [(line, re.compile(r"(?<![\w.])" + re.escape(line) + r"(?!\w)")) for line in lines]
    leaks = [(p.relative_to(html_dir).as_posix(), line) for p in files
             for text in [p.read_text(encoding="utf-8", errors="replace")]
             for line, pattern in patterns if line in text and pattern.search(text)]
    assert not leaks, f"solutions left in the student's copy: {leaks[:10]}"


def test_exercises_link_to_the_reference_page_for_the_functions_they_use(site):
    html_dir, _, _ = site
    page = _page(html_dir, "chapters/04-central-asia-sco-csto")
    hrefs = [a["href"] for a in page.select(".exercise .package-link")]
    assert "../reference.html#sinorus.memberships.overlaps" in hrefs
    reference = _page(html_dir, "reference")
    for href in hrefs:
        assert reference.find(id=href.split("#")[1]) is not None, href


def test_downloads_offer_each_chapters_markdown_source(site):
    html_dir, _, _ = site
    for md in toc_chapters():
        offered = html_dir / "_sources" / "chapters" / f"{md.stem}.md"
        assert offered.read_text(encoding="utf-8") == md.read_text(encoding="utf-8")
        page = _page(html_dir, f"chapters/{md.stem}")
        assert page.select(f'a[href$="_sources/chapters/{md.stem}.md"]'), md.stem


def test_chapters_are_numbered_as_the_prose_counts_them(site):
    """Chapter NN is chapter NN in the table of contents (00 and the back matter unnumbered),
    and figures, tables and exercises are numbered within their chapter: "Fig. 5.1",
    "Table 4.9", "Exercise 11.2"."""
    html_dir, _, _ = site
    index = _page(html_dir, "index")
    for md in toc_chapters():
        link = index.find("a", href=f"chapters/{md.stem}.html")
        number = int(md.stem[:2])
        text = link.get_text(" ", strip=True)
        if number == 0:
            assert not re.match(r"^\d", text), text
        else:
            assert text.startswith(f"{number}. "), text
        page = _page(html_dir, f"chapters/{md.stem}")
        for caption in page.select("figure .caption-number"):
            assert caption.get_text().startswith(f"Fig. {number}."), (md.stem, caption.get_text())
        for title in page.select(".exercise .admonition-title"):
            found = re.search(r"Exercise (\S+)", title.get_text())
            if found and number:
                assert found.group(1).startswith(f"{number}."), (md.stem, title.get_text())
        # every captioned book table is numbered, in order, within its chapter
        tables = [c for c in page.select("table.sinorus-table > caption")]
        numbers = [c.select_one(".caption-number") for c in tables]
        assert all(numbers), (md.stem, [c.get_text() for c, n in zip(tables, numbers) if not n])
        expected = [f"Table {number}.{k}" if number else f"Table {k}" for k in range(1, len(tables) + 1)]
        assert [n.get_text(strip=True) for n in numbers] == expected, md.stem
        # and {numref} to a named table reads as its number and lands on it
        for ref in page.select("a.reference.internal[href^='#tbl-']"):
            target = page.find(id=ref["href"][1:])
            assert target is not None, ref["href"]
            assert ref.get_text(strip=True) == target.select_one(".caption-number").get_text(strip=True)
    assert not re.match(r"^\d", index.find("a", href="bibliography.html").get_text(strip=True))


def test_bibliography_labels_are_the_citations_author_year(site):
    html_dir, _, _ = site
    bibliography = _page(html_dir, "bibliography")
    entry = bibliography.find(id="cite-machaffie2011")
    assert entry is not None, "bibliography anchors are cite-<key> (bibtex_cite_id)"
    assert entry.find(class_="label").get_text(strip=True) == "[MacHaffie, 2011]"
    assert not bibliography.find(class_="label", string=re.compile(r"^\[\d+\]$"))
    assert bibliography.find(id="cite-machaffie2011").get("role") == "listitem"


@pytest.mark.parametrize("name", [f for f in toc_files()])
def test_every_page_loads_nothing_from_the_network_and_maths_is_local(site, name):
    html_dir, _, _ = site
    page = _page(html_dir, name)
    sources = [tag.get("src") for tag in page.find_all("script") if tag.get("src")]
    sources += [tag.get("href") for tag in page.find_all("link", rel="stylesheet")]
    assert not [s for s in sources if re.match(r"^(https?:)?//", s)], sources
    mathjax = [s for s in sources if "tex-chtml" in s]
    for source in mathjax:
        assert (html_dir / name).parent.joinpath(source.split("?")[0]).resolve().exists()
    assert (html_dir / "_static" / "mathjax" / "output" / "chtml" / "fonts" / "woff-v2").is_dir()
    inline = [tag.string or "" for tag in page.find_all("script") if not tag.get("src")]
    assert len(inline) == len(set(inline)), "an inline script twice (a JavaScript error)"
