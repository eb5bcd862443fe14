"""The neutral structure every reader produces: the paragraphs of a source, as a reader sees them.

A reader does not decide what is a lid or an onderdeel; it reports what the source shows: the
text with its number ("2. De raad ..."), whether the paragraph looks like a heading (a heading
style, bold, or a `<kop>` in XML), its list depth when the source knows it, and where it stands
(paragraph number or XML line) for messages.
"""

from __future__ import annotations

import dataclasses

from generator.errors import WAARSCHUWING, Bron, Melding

# A reader's hint of what a heading is, when the source says so (XML <hoofdstuk><kop>).
HOOFDSTUK, PARAGRAAF, ARTIKEL = "hoofdstuk", "paragraaf", "artikel"
# The closing part (ondertekening), when the source marks it (XML <regeling-sluiting>).
SLUITING = "sluiting"


@dataclasses.dataclass(frozen=True)
class Alinea:
    """One paragraph of a source.

    >>> Alinea("2. De raad besluit.", Bron("bron.txt", 12)).tekst
    '2. De raad besluit.'
    """

    tekst: str  # whitespace-normalised, with its visible number ("a. ...", "Artikel 3 Taken")
    bron: Bron
    kop: bool = False  # heading style, bold, or an XML <kop>
    soort: str | None = None  # HOOFDSTUK, ARTIKEL, ... when the source marks it
    # Indentation as `grgen toon` prints it, when the source knows it: 0 artikel and lid text,
    # 1 onderdelen, 2 subonderdelen.
    niveau: int | None = None
    # False for a heading the reader had to name itself because the source shows no words there
    # (a CVDR <artikel> with an empty <kop>): it marks the structure, but is no text of the source.
    getoond: bool = True
    # A row of a table: its cells (plain text, merged cells flattened); `tekst` is the row as
    # `grgen toon` prints it ("| cel | cel |").
    cellen: tuple[str, ...] | None = None


@dataclasses.dataclass(frozen=True)
class Brontekst:
    """A source read: its paragraphs, its metadata (CVDR: identifier, bekendmaking, ...) and what
    the reader noticed but could not keep (tables, footnotes, tracked changes)."""

    naam: str  # the file or id as the user named it
    alineas: tuple[Alinea, ...]
    titel: str | None = None
    gegevens: dict[str, str] = dataclasses.field(default_factory=dict)
    meldingen: tuple[Melding, ...] = ()


def normaliseer(tekst: str) -> str:
    """Collapse whitespace (also non-breaking spaces) to single spaces.

    >>> normaliseer("  a\\u00a0 b\\n c ")
    'a b c'
    """
    return " ".join(tekst.split())


def waarschuwing(tekst: str, bron: Bron, hint: str | None = None) -> Melding:
    return Melding(tekst, bron, hint=hint, ernst=WAARSCHUWING)
