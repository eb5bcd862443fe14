"""Checked access to one YAML mapping: keys, types, dates and texts, with positions.

Every accessor records a `Melding` on the shared `Verzamelaar` instead of raising, so a loader
walks the whole file and the user sees every problem at once.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from typing import Any

from generator.errors import Bron, Verzamelaar
from generator.loader.yaml_lezer import YamlKaart, YamlLijst
from generator.model.elementen import ALINEAGRENS
from generator.model.ids import ID
from generator.suggesties import MAX_SUGGESTIES, suggestie

# Characters XML 1.0 cannot carry: a document with one of them does not open in Word.
ONGELDIGE_TEKENS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")
# Characters a reader cannot see that change what a text says or how it is searched: bidi controls
# (U+202E turns "2025" into "5202" on screen) and zero-width characters (a word with U+200B does
# not match the same word in an amendment). A byte order mark at the start of a file is fine
# (the reader drops it); anywhere else it is one of these.
ONZICHTBARE_TEKENS = re.compile("[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
_ONZICHTBAAR = {
    "\u200b": "spatie zonder breedte",
    "\u200c": "verbindingsteken zonder breedte",
    "\u200d": "verbindingsteken zonder breedte",
    "\u200e": "richtingsteken",
    "\u200f": "richtingsteken",
    "\u2060": "woordverbinder zonder breedte",
    "\ufeff": "byte order mark (BOM) midden in de tekst",
}
# Dates grgen accepts: a Wgr regeling (Wgr 1950, 1985) or an older predecessor, and plans far ahead;
# a date outside this range is a typing error (0001-01-01, 2205 for 2025).
EERSTE_DATUM = dt.date(1800, 1, 1)
LAATSTE_DATUM = dt.date(2199, 12, 31)

_TYPENAMEN = {str: "tekst", int: "geheel getal", bool: "ja/nee (true/false)", list: "lijst", dict: "sleutels met waarden"}


def typenaam(waarde: Any) -> str:
    if isinstance(waarde, bool):
        return "ja/nee"
    if isinstance(waarde, dict):
        return "sleutels met waarden"
    if isinstance(waarde, list):
        return "lijst"
    if waarde is None:
        return "leeg"
    if isinstance(waarde, int | float):
        return "getal"
    return "tekst"


def positie(container: Any, sleutel: Any, naam: str, van_waarde: bool = True) -> Bron:
    """The 1-based position of a key (or its value, or a list item) in its file."""
    plek = None
    if isinstance(container, YamlLijst):
        plek = container.item_plek(sleutel)
    elif isinstance(container, YamlKaart):
        if sleutel is None:
            plek = container.plek
        elif van_waarde:
            plek = container.waarde_plek(sleutel)
        else:
            plek = container.sleutel_plek(sleutel)
    return Bron(naam, *plek) if plek else Bron(naam)


class Kaart:
    """A YAML mapping, the file it came from and the address of the element it describes."""

    def __init__(self, data: Any, naam: str, v: Verzamelaar, adres: str | None = None, bron: Bron | None = None):
        self.data = data if isinstance(data, dict) else {}
        self.naam = naam
        self.v = v
        self.adres = adres
        self.eigen_bron = bron or positie(data, None, naam)
        self._ontbrekend_gemeld: set[str] = set()

    def __contains__(self, sleutel: str) -> bool:
        return sleutel in self.data

    def bron(self, sleutel: str | None = None, van_waarde: bool = True) -> Bron:
        if sleutel is None or sleutel not in self.data:
            return self.eigen_bron
        return positie(self.data, sleutel, self.naam, van_waarde)

    def fout(self, tekst: str, sleutel: str | None = None, hint: str | None = None) -> None:
        self.v.fout(tekst, self.bron(sleutel), self.adres, hint)

    def ontbreekt(self, sleutel: str, hint: str | None = None) -> None:
        """Report a missing or empty required key, once per mapping (several checks may notice)."""
        if sleutel in self._ontbrekend_gemeld:
            return
        self._ontbrekend_gemeld.add(sleutel)
        if sleutel in self.data:
            # YAML gives an empty value the position of what follows it: point at the key instead.
            self.v.fout(f"'{sleutel}' is leeg; een waarde is verplicht", self.bron(sleutel, van_waarde=False), self.adres, hint)
        else:
            self.v.fout(f"verplichte sleutel '{sleutel}' ontbreekt", self.eigen_bron, self.adres, hint)

    def leeg(self, sleutel: str) -> bool:
        """True (and reported) when a key is present without a value: `tekst:` is always a slip."""
        if sleutel in self.data and self.data[sleutel] is None:
            self.ontbreekt(sleutel)
            return True
        return False

    def controleer(self, toegestaan: Iterable[str], verplicht: Iterable[str] = ()) -> None:
        """Report unknown keys (with a near-miss suggestion) and missing required keys."""
        toegestaan = list(toegestaan)
        onbekend = 0
        for sleutel in self.data:
            if sleutel not in toegestaan:
                onbekend += 1
                naast = suggestie(str(sleutel), toegestaan) if onbekend <= MAX_SUGGESTIES else None
                hint = f"bedoelde u '{naast}'?" if naast else f"toegestaan: {', '.join(toegestaan)}"
                self.v.fout(f"onbekende sleutel '{sleutel}'", self.bron(sleutel, van_waarde=False), self.adres, hint)
        for sleutel in verplicht:
            if sleutel not in self.data:
                self.ontbreekt(sleutel)

    def ruw(self, sleutel: str) -> Any:
        return self.data.get(sleutel)

    def tekst(self, sleutel: str, verplicht: bool = False, alineas: bool = False) -> str | None:
        """A text value, with white space folded to single spaces (legal texts are one line).

        With `alineas` a line feed in the value (a blank line in a `>-` block) separates
        alineas, each folded on its own (model.ALINEAGRENS)."""
        waarde = self.data.get(sleutel)
        if waarde is None:
            if verplicht or sleutel in self.data:
                self.ontbreekt(sleutel)
            return None
        if isinstance(waarde, bool) or not isinstance(waarde, str | int | float):
            self.fout(f"'{sleutel}' moet tekst zijn, niet {typenaam(waarde)}", sleutel)
            return None
        return self.controleer_tekst(str(waarde), sleutel, alineas=alineas)

    def controleer_tekst(self, waarde: str, sleutel: str, bron: Bron | None = None, alineas: bool = False) -> str | None:
        bron = bron or self.bron(sleutel)
        if m := ONGELDIGE_TEKENS.search(waarde):
            self.v.fout(
                f"'{sleutel}' bevat een besturingsteken (U+{ord(m[0]):04X}) dat niet in een document kan staan",
                bron,
                self.adres,
                "verwijder het teken (vaak meegekopieerd uit een pdf of e-mail)",
            )
            return None
        if m := ONZICHTBARE_TEKENS.search(waarde):
            soort = _ONZICHTBAAR.get(m[0], "richtingsteken (bidi)")
            self.v.fout(
                f"'{sleutel}' bevat een onzichtbaar teken U+{ord(m[0]):04X} ({soort}) op teken {m.start() + 1} van de tekst",
                bron,
                self.adres,
                "verwijder het teken (vaak meegekopieerd uit een pdf, e-mail of website); het verandert de tekst zonder dat het te zien is",
            )
            return None
        if alineas:
            gevouwen = ALINEAGRENS.join(a for regel in waarde.split("\n") if (a := " ".join(regel.split())))
        else:
            gevouwen = " ".join(waarde.split())
        if not gevouwen:
            self.v.fout(f"'{sleutel}' is leeg; een tekst is verplicht", bron, self.adres)
            return None
        return gevouwen

    def nummer(self, sleutel: str = "nummer", verplicht: bool = False) -> str | None:
        waarde = self.data.get(sleutel)
        if waarde is None:
            if verplicht or sleutel in self.data:
                self.ontbreekt(sleutel)
            return None
        if isinstance(waarde, bool) or not isinstance(waarde, str | int):
            self.fout(f"'{sleutel}' moet een nummer zijn zoals 5 of 5a, niet {typenaam(waarde)}", sleutel)
            return None
        return str(waarde).strip()

    def ident(self, sleutel: str = "id", verplicht: bool = False) -> str | None:
        waarde = self.data.get(sleutel)
        if waarde is None:
            if verplicht or sleutel in self.data:
                self.ontbreekt(sleutel)
            return None
        waarde = str(waarde) if isinstance(waarde, int) and not isinstance(waarde, bool) else waarde
        if not isinstance(waarde, str) or not ID.match(waarde):
            self.fout(
                f"ongeldige id {waarde!r}",
                sleutel,
                "toegestaan: kleine letters, cijfers, punt, streepje en liggend streepje, beginnend met een letter of cijfer (bijv. 'taken' of 'taken.2')",
            )
            return None
        return waarde

    def datum(self, sleutel: str, verplicht: bool = False) -> dt.date | None:
        waarde = self.data.get(sleutel)
        if waarde is None:
            if verplicht or sleutel in self.data:
                self.ontbreekt(sleutel)
            return None
        try:
            if not isinstance(waarde, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", waarde):
                raise ValueError
            datum = dt.date.fromisoformat(waarde)
        except ValueError:
            self.fout(
                f"ongeldige datum {str(waarde)!r} bij '{sleutel}'", sleutel, "schrijf een bestaande datum als JJJJ-MM-DD, bijv. 2025-04-01"
            )
            return None
        if not EERSTE_DATUM <= datum <= LAATSTE_DATUM:
            self.fout(
                f"datum {waarde} bij '{sleutel}' ligt buiten het bereik dat grgen aanneemt",
                sleutel,
                f"toegestaan: {EERSTE_DATUM} tot en met {LAATSTE_DATUM}; een tikfout in het jaartal?",
            )
            return None
        return datum

    def keuze(self, sleutel: str, opties: Iterable[str], standaard: str | None = None, verplicht: bool = False) -> str | None:
        opties = list(opties)
        waarde = self.data.get(sleutel)
        if waarde is None:
            if verplicht or sleutel in self.data:
                self.ontbreekt(sleutel, hint=f"toegestaan: {', '.join(opties)}")
            return standaard
        if waarde not in opties:
            naast = suggestie(str(waarde), opties)
            self.fout(
                f"ongeldige waarde {waarde!r} bij '{sleutel}'",
                sleutel,
                (f"bedoelde u '{naast}'? " if naast else "") + f"toegestaan: {', '.join(opties)}",
            )
            return standaard
        return waarde

    def controleer_inwerkingtreding(self, vastgesteld: dt.date | None, wat: str, inwerking: dt.date | None, terug: dt.date | None) -> None:
        """A besluit takes effect after it is made, unless terugwerkende kracht is declared."""
        if vastgesteld and inwerking and inwerking < vastgesteld and terug is None:
            self.fout(
                f"inwerkingtreding ({inwerking}) ligt vóór {wat} ({vastgesteld})",
                "inwerkingtreding",
                "een besluit treedt pas na vaststelling in werking; geef 'terugwerkende_kracht' op als het terugwerkt",
            )
        if terug and inwerking and terug > inwerking:
            self.fout(f"terugwerkende kracht ({terug}) ligt na de inwerkingtreding ({inwerking})", "terugwerkende_kracht")

    def vlag(self, sleutel: str, standaard: bool = False) -> bool:
        waarde = self.data.get(sleutel)
        if waarde is None:
            return standaard
        if not isinstance(waarde, bool):
            self.fout(f"'{sleutel}' moet true of false zijn, niet {typenaam(waarde)}", sleutel)
            return standaard
        return waarde

    def lijst(self, sleutel: str, verplicht: bool = False) -> Iterator[tuple[Any, Bron]]:
        """The items of a list value with the position of each."""
        waarde = self.data.get(sleutel)
        if waarde is None:
            if verplicht or sleutel in self.data:
                self.ontbreekt(sleutel)
            return
        if not isinstance(waarde, list):
            self.fout(f"'{sleutel}' moet een lijst zijn (regels die beginnen met '- '), niet {typenaam(waarde)}", sleutel)
            return
        if verplicht and not waarde:
            self.fout(f"'{sleutel}' is een lege lijst", sleutel)
        for i, item in enumerate(waarde):
            yield item, positie(waarde, i, self.naam)

    def kaart(self, sleutel: str, verplicht: bool = False) -> Kaart | None:
        waarde = self.data.get(sleutel)
        if waarde is None:
            if verplicht or sleutel in self.data:
                self.ontbreekt(sleutel)
            return None
        if not isinstance(waarde, dict):
            self.fout(f"'{sleutel}' moet sleutels met waarden bevatten, niet {typenaam(waarde)}", sleutel)
            return None
        return Kaart(waarde, self.naam, self.v, self.adres, positie(waarde, None, self.naam))

    def kind(self, item: Any, bron: Bron, adres: str | None, wat: str) -> Kaart | None:
        """A list item that must itself be a mapping."""
        if not isinstance(item, dict):
            self.v.fout(f"{wat} moet sleutels met waarden bevatten, niet {typenaam(item)}", bron, adres)
            return None
        return Kaart(item, self.naam, self.v, adres, bron)
