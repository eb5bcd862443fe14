"""The keys that tie the paragraphs of an ontwerp (an editable text, `grgen ontwerp`) to the
elements of the version it was made from.

Each paragraph carries one key: an element id for the element's main paragraph (the heading of
a hoofdstuk, paragraaf or artikel; the text of a lid or onderdeel), `<id>:tekst` for the text
of an artikel, `<id>:slot` for text after a list, and `@...` for what is not an element
(`@citeertitel`, `@aanhef`, `@deelnemer:<id>`). Ids never start with "@" or contain ":".

Word allows bookmark names of at most 40 letters, digits and underscores, starting with a letter,
so a bookmark is named `g<n>_<key, shortened>`: n is the key's position in `sleutels(versie)`,
which the reader computes again from the same version; the readable rest lets a reader check
that the document belongs to that version (and a person see which element it marks).
"""

from __future__ import annotations

import re

from generator.model import Regeling

_NAAM = re.compile(r"^g(\d+)_([A-Za-z0-9_]*)$")
MAX_NAAM = 40


def sleutels(regeling: Regeling) -> list[str]:
    """Every key of a version in document order.

    >>> from generator.model import Artikel, Hoofdstuk, Lid
    >>> r = Regeling("x", "X", "X", "s", "g", None, "p", (), "a", ("c",), "b",
    ...     (Hoofdstuk("h", "1", kinderen=(Artikel("a", "1", kinderen=(Lid("a.1", "1", "T."), Lid("a.2", "2", "U."))),)),))
    >>> sleutels(r)
    ['@citeertitel', '@aanhef', '@considerans:1', '@afkondiging', 'h', 'a', 'a.1', 'a.2', '@deelnemers']
    """
    uit = ["@citeertitel", "@aanhef", *(f"@considerans:{i}" for i in range(1, len(regeling.considerans) + 1)), "@afkondiging"]
    for plek in regeling.elementen():
        e = plek.element
        uit.append(e.id)
        if e.heeft_opschrift and e.tekst is not None:
            uit.append(f"{e.id}:tekst")
        if e.slottekst is not None:
            uit.append(f"{e.id}:slot")
    # a slottekst follows the children: put each after its element's last descendant
    uit = _slot_na_kinderen(regeling, uit)
    if regeling.ondertekening:
        uit.append("@ondertekening")
    uit.append("@deelnemers")
    uit += [f"@deelnemer:{d.id}" for d in regeling.deelnemers if d.tot is None]
    return uit


def _slot_na_kinderen(regeling: Regeling, sleutels_: list[str]) -> list[str]:
    uit: list[str] = []
    open_: list[tuple[set[str], str]] = []  # (ids of the element's subtree, its slot key)
    for s in sleutels_:
        if s.endswith(":slot"):
            element = regeling.index[s[: -len(":slot")]].element
            open_.append((set(element.ids_in), s))
            continue
        element_id = s.split(":")[0]
        while open_ and element_id not in open_[-1][0]:
            uit.append(open_.pop()[1])
        uit.append(s)
    uit += [s for _, s in reversed(open_)]
    return uit


def bladwijzer(n: int, sleutel: str) -> str:
    """The Word bookmark name of the n-th key.

    >>> bladwijzer(7, "bestuurlijk-overleg.2.haaksbergen")
    'g7_bestuurlijk_overleg_2_haaksbergen'
    >>> len(bladwijzer(1234, "x" * 100)) <= 40
    True
    """
    return f"g{n}_{re.sub(r'[^A-Za-z0-9]', '_', sleutel)}"[:MAX_NAAM]


def lees_bladwijzer(naam: str, alle: list[str]) -> str | None:
    """The key a bookmark name stands for in a version with keys `alle`; None for another
    bookmark (Word's own, or one that does not belong to this version).

    >>> lees_bladwijzer("g1_a", ["@citeertitel", "a"]), lees_bladwijzer("_GoBack", ["a"]), lees_bladwijzer("g1_b", ["x", "a"])
    ('a', None, None)
    """
    m = _NAAM.match(naam)
    if not m or int(m[1]) >= len(alle):
        return None
    sleutel = alle[int(m[1])]
    return sleutel if bladwijzer(int(m[1]), sleutel) == naam else None
