"""What every chapter's stored outputs and prose must (not) contain."""

import re

import pytest

from book_facts import GLUE_MIME, GLUE_ROLE, config, glue_references, glued, notebook, toc_chapters

CHAPTER_SOURCES = toc_chapters()
chapters = pytest.mark.parametrize("md", CHAPTER_SOURCES, ids=lambda p: p.stem)


def _outputs(md):
    for index, cell in enumerate(notebook(md).cells, start=1):
        for output in cell.get("outputs", []):
            yield index, cell, output


def _output_text(output) -> str:
    if output.get("output_type") == "stream":
        return output.get("text", "")
    data = output.get("data", {})
    return "\n".join(str(v) for k, v in data.items() if k.startswith("text/") or k == GLUE_MIME)


@chapters
def test_no_warning_or_stderr_in_outputs(md):
    for index, _, output in _outputs(md):
        assert output.get("name") != "stderr", f"{md.stem}, cell {index}: stderr output {output.get('text')!r}"
        assert not re.search(r"Warning\b|warnings\.warn", _output_text(output)), \
            f"{md.stem}, cell {index}: warning text in output"


@chapters
def test_outputs_are_deterministic_text(md):
    volatile = {
        "memory address": r"\bat 0x[0-9a-f]{6,}",
        "absolute path": r"(?<![\w.])/(?:work|tmp|home|root|usr|opt|var)/",
        "timing": r"\b(?:Wall time|CPU times|\d+(?:\.\d+)? ?s/it|it/s\])",
    }
    for index, _, output in _outputs(md):
        text = _output_text(output)
        for what, pattern in volatile.items():
            assert not re.search(pattern, text), f"{md.stem}, cell {index}: {what} in output"


@chapters
def test_glued_values_are_plain(md):
    """Glue plain ints, floats and strings: a numpy scalar shows as np.float64(...)."""
    for name, text in glued(md).items():
        assert not re.match(r"(np\.|numpy\.|array\(|<)", text), f"{md.stem}: {name} glued as {text!r}"


def test_glue_roles_are_all_recognised():
    """Every form of the role, the plain {glue:} one included (it once went unseen)."""
    prose = "{glue}`a` {glue:}`b` {glue:text}`c:.2f` {glue:md}`d` and `e`"
    assert [m.group(1) for m in GLUE_ROLE.finditer(prose)] == ["a", "b", "c", "d"]


@chapters
def test_prose_quotes_only_glued_names(md):
    missing = glue_references(md) - set(glued(md))
    assert not missing, f"{md.stem}: prose quotes unglued names {sorted(missing)}"


@chapters
def test_every_figure_has_caption_naming_source_and_alt_text(md):
    for index, cell, output in _outputs(md):
        if not any(k.startswith("image/") for k in output.get("data", {})):
            continue
        options = cell.metadata.get("mystnb", {})
        caption = options.get("figure", {}).get("caption", "")
        alt = options.get("image", {}).get("alt", "")
        assert "Source" in caption, f"{md.stem}, cell {index}: figure caption must name its source"
        assert len(alt) >= 40, f"{md.stem}, cell {index}: figure needs alt text describing it"
        assert options.get("figure", {}).get("name", "").startswith("fig-"), \
            f"{md.stem}, cell {index}: name figures fig-<chapter>-<what> so prose can refer to them"


# Numbers typed into prose: percentages, money, thousands separators and decimals. Years,
# section and table numbers, and counts spelt in words are fine.
TYPED_NUMBER = re.compile(
    r"(?<![\w§.])(\d+(?:[.,]\d+)*\s?(?:%|per ?cent\b)|[$€£]\s?\d|\d{1,3}(?:,\d{3})+\b|\d+\.\d+)"
)
NOT_PROSE = [
    re.compile(r"```.*?```", re.S),          # code blocks and directives' bodies with fences
    re.compile(r"`[^`\n]*`"),                # inline code and roles' targets
    re.compile(r"\$\$.*?\$\$|\$[^$\n]+\$", re.S),  # maths
    re.compile(r"\]\([^)]*\)"),              # link targets
    re.compile(r"§\s?\d+(?:\.\d+)*(?:[–-]\d+(?:\.\d+)*)?"),  # section references
    re.compile(r"^:\w+:.*$", re.M),          # directive options
]


def typed_numbers(markdown: str) -> list[str]:
    for pattern in NOT_PROSE:
        markdown = pattern.sub(" ", markdown)
    return TYPED_NUMBER.findall(markdown)


@chapters
def test_no_numbers_typed_into_prose(md):
    found = [n for cell in notebook(md).cells if cell.cell_type == "markdown"
             for n in typed_numbers(cell.source)]
    assert not found, f"{md.stem}: numbers typed into prose {found}; compute them and glue"


def test_typed_number_detector_can_fail():
    assert typed_numbers("The US spent 46.5% of the total") == ["46.5%"]
    assert typed_numbers("about 1,605 warheads and $2 billion") == ["1,605", "$2"]
    assert typed_numbers("In 1689, §4.2.1 and Table 3, {glue:}`x` and `0.5`") == []


def test_setup_cell_is_the_same_in_every_chapter_and_names_the_configured_repository():
    setups = {md.stem: next(c.source for c in notebook(md).cells if c.cell_type == "code")
              for md in CHAPTER_SOURCES}
    assert len(set(setups.values())) == 1, "chapters' set-up cells differ"
    setup = next(iter(setups.values()))
    url = config()["repository"]["url"]
    assert f'BOOK_REPOSITORY = "{url}"' in setup
    assert "remove-cell" in next(c for c in notebook(CHAPTER_SOURCES[0]).cells
                                 if c.cell_type == "code").metadata.get("tags", [])


@chapters
def test_chapter_follows_the_template(md):
    """A title, exercises with solutions, and a closing summary."""
    cells = notebook(md).cells
    text = "\n".join(c.source for c in cells if c.cell_type == "markdown")
    assert cells[0].cell_type == "markdown" and cells[0].source.startswith("# ")
    labels = re.findall(r"```\{exercise\}\n:label: ([\w-]+)", text)
    assert labels, f"{md.stem} has no exercise"
    prefix = labels[0].split("-ex-")[0]
    for label in labels:
        assert label.startswith(f"{prefix}-ex-"), f"{md.stem}: label exercises {prefix}-ex-<what>"
        assert f"{{solution-start}} {label}" in text or f"{{solution}} {label}" in text, \
            f"{md.stem}: exercise {label} has no solution"
    assert re.search(r"^## Summary", text, re.M), f"{md.stem} has no Summary section"
