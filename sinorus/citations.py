"""Author–year labels for the book's one bibliography (``references.bib``).

The same label names a work everywhere a reader meets it: in the text (sphinxcontrib-bibtex's
``author_year`` citations, "[MacHaffie, 2011]"), on the bibliography page (the pybtex style
registered by :mod:`sinorus.sphinx_site`) and in a table's source column
(:mod:`sinorus.tables`). The bibliography's anchors are ``cite-<key>`` (``bibtex_cite_id`` in
``_config.yml``, passed through docutils' ``make_id``), so a link written in a notebook's
raw HTML output can point at ``bibliography.html#cite-…`` and keep working.
"""

from __future__ import annotations

import functools
import pathlib

BIB_FILE = pathlib.Path(__file__).resolve().parent.parent / "references.bib"
ANCHOR_PREFIX = "cite-"


@functools.lru_cache(maxsize=None)
def _plain(latex: str) -> str:
    # render() with one backend object: render_as("text") looks the backend up among all
    # installed packages' entry points on every call (30 ms each).
    from pybtex.richtext import Text

    return Text.from_latex(latex).render(_text_backend())


@functools.lru_cache(maxsize=None)
def _text_backend():
    from pybtex.backends.plaintext import Backend

    return Backend()


def _surname(person) -> str:
    return _plain(" ".join(person.prelast_names + person.last_names))


def author_year(entry) -> str:
    """'MacHaffie, 2011'; 'Azizian and Davis, 2008'; 'Smith et al., 2010' (3+ authors).
    Editors stand in when there is no author; 'n.d.' when there is no year."""
    people = entry.persons.get("author") or entry.persons.get("editor") or []
    names = [_surname(p) for p in people]
    if not names:
        who = _plain(entry.fields.get("organization") or entry.fields.get("title", entry.key))
    elif len(names) == 1:
        who = names[0]
    elif len(names) == 2:
        who = f"{names[0]} and {names[1]}"
    else:
        who = f"{names[0]} et al."
    return f"{who}, {entry.fields.get('year', 'n.d.')}"


@functools.lru_cache(maxsize=None)
def labels(bib_file: pathlib.Path = BIB_FILE) -> dict[str, str]:
    """Every key of the bibliography with its author–year label, made unique as usual: two
    works of one author and year become '2006a' and '2006b', in the order of their titles."""
    import pybtex.database

    entries = pybtex.database.parse_file(str(bib_file)).entries
    base = {key: author_year(entry) for key, entry in entries.items()}
    result = dict(base)
    for label_ in set(base.values()):
        same = sorted((k for k in base if base[k] == label_),
                      key=lambda k: (_plain(entries[k].fields.get("title", "")).lower(), k))
        if len(same) > 1:
            for letter, key in zip("abcdefghijklmnopqrstuvwxyz", same):
                result[key] = label_ + letter
    return result


def anchor(key: str) -> str:
    """The id of ``key``'s entry on the bibliography page (as docutils makes ids)."""
    from docutils.nodes import make_id

    return make_id(ANCHOR_PREFIX + key)


def label(key: str) -> str:
    """The author–year label of ``key``; an unknown key is refused, naming it."""
    try:
        return labels()[key]
    except KeyError:
        raise KeyError(f"{key!r} is not a key of {BIB_FILE.name}") from None
