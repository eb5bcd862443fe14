"""A bijlage (annex) of a regeling: after the artikelen and the ondertekening, a heading, then
alineas and tables of plain text.

A bijlage is no element of the artikel tree: nothing refers into it by Ar 3.29 address, and an
amendment changes it only as a whole, by an instruction that names it ("Bijlage 1 komt te luiden
zoals opgenomen in de bijlage bij dit besluit").
"""

from __future__ import annotations

import dataclasses

from generator.errors import GEEN_BRON, Bron

# In the plain-text view a table row is one line: its cells between "| ", " | " and " |", as in
# a Markdown table; a "|" inside a cell is written "\|" so the line still splits into its cells.
CELSCHEIDING = " | "


@dataclasses.dataclass(frozen=True)
class Tabel:
    """A table of plain text: its rows of cells, the first row being the header row.

    >>> Tabel((("Zaak", "Aan"), ("aangifte", "secretaris"))).regels()
    ['| Zaak | Aan |', '| aangifte | secretaris |']
    """

    rijen: tuple[tuple[str, ...], ...]

    @property
    def kolommen(self) -> int:
        return max((len(r) for r in self.rijen), default=0)

    @property
    def kop(self) -> tuple[str, ...]:
        return self.rijen[0] if self.rijen else ()

    def regels(self) -> list[str]:
        """One line per row, as `grgen toon --formaat tekst` prints it."""
        return [rijregel(r) for r in self.rijen]


def rijregel(cellen: tuple[str, ...] | list[str]) -> str:
    r"""A table row as one line of text.

    >>> rijregel(["a|b", ""])
    '| a\\|b |  |'
    """
    return "| " + CELSCHEIDING.join(c.replace("|", "\\|") for c in cellen) + " |"


def leesrij(regel: str) -> tuple[str, ...] | None:
    r"""The cells of a line written as `rijregel` writes it (or a Markdown table row); None when
    the line is no row, or is the rule under a Markdown header ("| --- | --- |": an empty tuple).

    >>> leesrij("| a\\|b |  |"), leesrij("|---|:--|"), leesrij("geen rij")
    (('a|b', ''), (), None)
    """
    regel = regel.strip()
    if len(regel) < 2 or not (regel.startswith("|") and regel.endswith("|")) or regel.endswith("\\|"):
        return None
    cellen: list[str] = []
    huidig: list[str] = []
    i = 1
    while i < len(regel) - 1:
        teken = regel[i]
        if teken == "\\" and regel[i + 1] == "|":
            huidig.append("|")
            i += 2
            continue
        if teken == "|":
            cellen.append("".join(huidig).strip())
            huidig = []
        else:
            huidig.append(teken)
        i += 1
    cellen.append("".join(huidig).strip())
    if all(c and set(c) <= set(":-") and "-" in c for c in cellen):
        return ()
    return tuple(cellen)


@dataclasses.dataclass(frozen=True)
class Bijlage:
    """One bijlage: its stable id, its number ("1"; None when the regeling has only this one),
    the heading as printed ("Bijlage 1 bij Regeling mandatering ..."; None: "Bijlage 1") and its
    content, in order: alineas (str) and tables.

    >>> b = Bijlage("mandaten", "1", None, ("Overzicht.", Tabel((("Zaak", "Aan"),))))
    >>> b.kop, b.verwijzing, b.naam
    ('Bijlage 1', 'bijlage 1', 'Bijlage 1')
    >>> Bijlage("lijst", None, "Bijlage bij de regeling", ()).verwijzing
    'de bijlage'
    """

    id: str
    nummer: str | None
    opschrift: str | None
    inhoud: tuple[str | Tabel, ...]
    bron: Bron = dataclasses.field(default=GEEN_BRON, compare=False)

    @property
    def naam(self) -> str:
        """ "Bijlage 1", or "Bijlage" for the only one, unnumbered."""
        return f"Bijlage {self.nummer}" if self.nummer else "Bijlage"

    @property
    def kop(self) -> str:
        """The heading as printed: the opschrift, else "Bijlage 1"."""
        return self.opschrift or self.naam

    @property
    def verwijzing(self) -> str:
        """How an amendment names it: "bijlage 1", or "de bijlage" when it has no number."""
        return f"bijlage {self.nummer}" if self.nummer else "de bijlage"

    def regels(self) -> list[str]:
        """The content as lines of plain text: each alinea, each table row (see `Tabel.regels`)."""
        uit: list[str] = []
        for deel in self.inhoud:
            uit += deel.regels() if isinstance(deel, Tabel) else [deel]
        return uit


def bijlage_kaart(bijlage: Bijlage, met_id: bool = True) -> dict:
    """A bijlage as regeling.yaml (or the `nieuw` of an amendment) writes it (docs/formaat.md).

    >>> bijlage_kaart(Bijlage("b", "1", None, ("Lijst.", Tabel((("a", "b"),)))))
    {'id': 'b', 'nummer': '1', 'inhoud': ['Lijst.', {'tabel': [['a', 'b']]}]}
    """
    uit: dict = {"id": bijlage.id} if met_id and bijlage.id else {}
    if bijlage.nummer:
        uit["nummer"] = bijlage.nummer
    if bijlage.opschrift:
        uit["opschrift"] = bijlage.opschrift
    uit["inhoud"] = [{"tabel": [list(r) for r in d.rijen]} if isinstance(d, Tabel) else d for d in bijlage.inhoud]
    return uit
