"""The topics (`onderwerpen`) of an imported artikel, guessed from its opschrift and text.

`grgen check` asks which artikel regulates what the Wgr requires (belang, toetreding, ...); an
artikel says so with `onderwerpen`. A source does not, so the import derives them from words in
the opschrift (and two standard sentences in the text). The import report says they were
derived; a user can correct them in the YAML.
"""

from __future__ import annotations

import re

from generator.onderwerpen import ONDERWERPEN

# (pattern on the opschrift, topic); the first match of each pattern counts, longer phrases first.
_OPSCHRIFT: tuple[tuple[str, str], ...] = (
    (r"gevolgen van (de )?uittreding", "uittreding-gevolgen"),
    (r"begrip", "begrippen"),
    (r"\bbelang", "belang"),
    (r"centrumgemeente", "centrumgemeente"),
    (r"mandaat", "mandaat"),
    (r"\btaken\b|\btaak\b", "taken"),
    (r"overleg", "overleg"),
    (r"informatie(?!management)|verantwoording", "informatie"),
    (r"financ|kosten|begroting", "financien"),
    (r"dienstverlening", "dienstverlening"),
    (r"personeel", "personeel"),
    (r"aansprakelijk", "aansprakelijkheid"),
    (r"toetreding", "toetreding"),
    (r"uittreding", "uittreding"),
    (r"^wijziging", "wijziging"),
    (r"opheffing", "opheffing"),
    (r"evaluatie", "evaluatie"),
    (r"zienswijze", "zienswijzen"),
    (r"archief", "archief"),
    (r"geschil", "geschillen"),
    (r"bekendmaking|publicatie", "publicatie"),
    (r"inwerkingtreding", "inwerkingtreding"),
    (r"^duur\b", "duur"),
    (r"citeertitel|citeerwijze|aanhaling", "citeertitel"),
    (r"slotbepaling", "slotbepaling"),
)
_TEKST: tuple[tuple[str, str], ...] = (
    (r"wordt aangehaald als|kan worden aangehaald als|wordt geciteerd als", "citeertitel"),
    (r"treedt in werking", "inwerkingtreding"),
)
assert all(o in ONDERWERPEN for _, o in _OPSCHRIFT + _TEKST)


def raad_onderwerpen(opschrift: str | None, teksten: list[str]) -> tuple[str, ...]:
    """The topics an artikel is about, by its opschrift and its texts.

    >>> raad_onderwerpen("Gevolgen van uittreding", []), raad_onderwerpen("Slotbepaling", ["Deze regeling wordt aangehaald als: X."])
    (('uittreding-gevolgen',), ('slotbepaling', 'citeertitel'))
    """
    uit: list[str] = []
    kop = (opschrift or "").lower()
    for patroon, onderwerp in _OPSCHRIFT:
        if re.search(patroon, kop) and onderwerp not in uit and not (onderwerp == "uittreding" and "uittreding-gevolgen" in uit):
            uit.append(onderwerp)
    tekst = " ".join(teksten).lower()
    for patroon, onderwerp in _TEKST:
        if re.search(patroon, tekst) and onderwerp not in uit:
            uit.append(onderwerp)
    return tuple(uit)
