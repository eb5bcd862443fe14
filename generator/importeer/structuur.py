"""The structure heuristics shared by every reader: paragraphs -> hoofdstukken, artikelen, leden.

A paragraph is recognised by what a reader sees: "Hoofdstuk 2 Taken", "§ 1 Algemeen",
"Artikel 5 Taken" (a heading), "2. ..." (a lid), "b. ..." (an onderdeel), "1° ..." (a
subonderdeel), or plain text (the text of an artikel, or the words after a list). Hints from the
source (an XML `<kop>`, a Word heading style or bold line, a list depth) settle doubtful cases.
What does not fit grgen's format is reported with its place, never silently repaired: numbering
gaps and duplicates, text between artikelen, more than one paragraph in a lid, a list without
closing punctuation.
"""

from __future__ import annotations

import dataclasses
import re

from generator.errors import Bron, Melding
from generator.importeer.alineas import ARTIKEL, HOOFDSTUK, PARAGRAAF, SLUITING, Alinea, Brontekst, waarschuwing
from generator.importeer.bijlagen import lees_bijlagen
from generator.importeer.onderwerpen import raad_onderwerpen
from generator.model import (
    ALINEAGRENS,
    OPSOMMINGSTEKENS,
    Artikel,
    Bijlage,
    Element,
    Hoofdstuk,
    Lid,
    Onderdeel,
    Paragraaf,
    Subonderdeel,
    is_opsommingsteken,
)
from generator.model.ids import slug
from generator.nummering import letterpositie, letterreeks, met_letters, nummer_na, sorteersleutel

_SCHEIDING = r"\.?\s*(?:[-–—:.]\s*)?"
# "5", and the decimal "2.1" or "4:3" some regelingen use: read whole, then reported as a number
# grgen does not have (Ar 6.16 knows 5, 5a), never half-read as 2 with the title "1 ...".
_NR = r"[0-9]+(?:[.:][0-9]+)*"
_KOPPEN = {
    HOOFDSTUK: re.compile(rf"^hoofdstuk\s+(?P<nr>{_NR}[A-Za-z]?|[IVXLC]+[A-Z]?)\b{_SCHEIDING}(?P<titel>.*)$", re.IGNORECASE),
    PARAGRAAF: re.compile(
        rf"^(?:§|paragraaf)\s*(?P<nr>{_NR}[A-Za-z]?|[IVXLC]+[A-Z]?|(?-i:[A-Z]))\b{_SCHEIDING}(?P<titel>.*)$", re.IGNORECASE
    ),
    ARTIKEL: re.compile(rf"^art(?:ikel|\.)\s+(?P<nr>{_NR}[a-z]{{0,2}})\b{_SCHEIDING}(?P<titel>.*)$", re.IGNORECASE),
}
# A heading the source marks as such but without the word: "1.Parkeren", "2 Taken", "Parkeren".
_KALE_KOP = re.compile(r"^(?P<nr>[0-9]+[A-Za-z]?|[IVXLC]+)\b\.?\s*(?P<titel>.*)$")
_LID = re.compile(r"^(?P<nr>[0-9]{1,3})(?P<teken>[.)])\s*(?P<tekst>\S.*)$")
_SUB = re.compile(r"^(?P<nr>[0-9]{1,3})°[.)]?\s*(?P<tekst>\S.*)$")
_LETTER = re.compile(r"^(?P<nr>[a-z]{1,3})[.)]\s+(?P<tekst>\S.*)$")
# "A. Algemeen" in bold: a lettered tussenkop, a paragraaf printed short (`kop: kort`)
_LETTERKOP = re.compile(r"^(?P<nr>[A-Z])[.)]\s+(?P<titel>\S.*)$")
_TEKEN = re.compile(r"^(?P<nr>[-–•·*▪])\s*(?P<tekst>\S.*)$")
_SLUITING = re.compile(r"^(aldus|zo)\s+(vastgesteld|besloten)|^ondertekening\b|^vastgesteld (in|bij|door) ", re.IGNORECASE)
_BIJLAGE = re.compile(r"^bijlage\b", re.IGNORECASE)
ZONDER_INLEIDING = "[zonder inleidende zin]"
_AFKONDIGING = re.compile(r"^(besluit|besluiten|stelt|stellen)\b|vast te stellen", re.IGNORECASE)


@dataclasses.dataclass
class _Knoop:
    """A mutable element while the structure is being built."""

    soort: str
    nummer: str
    bron: Bron
    opschrift: str | None = None
    tekst: str | None = None
    slottekst: str | None = None
    kinderen: list[_Knoop] = dataclasses.field(default_factory=list)
    label: str = ""  # the number as the source wrote it, for messages
    kopvorm: str | None = None  # "kort" or "geen" when the source prints the heading so


@dataclasses.dataclass(frozen=True)
class Opbouw:
    """A regeling as the heuristics found it: front matter, the tree of elements, and findings."""

    titel: str
    aanhef: list[str]  # aanhef first, then considerans
    afkondiging: str | None
    kinderen: tuple[Element, ...]
    ondertekening: str | None
    reconstructie: str | None
    meldingen: tuple[Melding, ...]
    toegevoegd: tuple[str, ...]  # paragraphs the import had to add (shown by `toon`, not in the source)
    bijlagen: tuple[Bijlage, ...] = ()  # after the ondertekening


def bouw_opbouw(bron: Brontekst) -> Opbouw:
    """Build the regeling from the paragraphs of a source.

    >>> from generator.importeer.tekst import lees_tekst
    >>> o = bouw_opbouw(lees_tekst("R\\nDe raad;\\nbesluit:\\nArtikel 1 Doel\\n1. A.\\n2. B:\\na. c;\\nb. d.\\n", "r.txt"))
    >>> a = o.kinderen[0].kinderen[0]
    >>> [(k.id, k.tekst) for k in a.kinderen[1].kinderen]
    [('doel.2.a', 'c;'), ('doel.2.b', 'd.')]
    """
    return _Bouwer(bron).bouw()


class _Bouwer:
    def __init__(self, bron: Brontekst) -> None:
        self.bron = bron
        self.meldingen: list[Melding] = list(bron.meldingen)
        self.toegevoegd: list[str] = []
        self.weggelaten: list[str] = []
        self.hoofdstukken: list[_Knoop] = []
        self.artikelen: list[_Knoop] = []  # all so far, in order: artikel numbers run through the regeling
        self.hoofdstuk: _Knoop | None = None
        self.paragraaf: _Knoop | None = None
        self.artikel: _Knoop | None = None
        self.lid: _Knoop | None = None
        self.onderdeel: _Knoop | None = None
        self.tweede_lijst: set[int] = set()  # elements whose second list was reported (by id())
        self.bijlagen: tuple[Bijlage, ...] = ()

    def meld(self, tekst: str, bron: Bron, hint: str | None = None) -> None:
        self.meldingen.append(waarschuwing(tekst, bron, hint))

    # -- front matter -------------------------------------------------------------------------

    def bouw(self) -> Opbouw:
        alineas = self._letterkoppen(list(self.bron.alineas))
        self.alineas = alineas
        self.volgende_nummers: dict[int, str] | None = None  # see _vrij_nummer
        eerste_kop = next((i for i, a in enumerate(alineas) if self._kop(a) is not None), len(alineas))
        voor = [a for a in alineas[:eerste_kop] if a.soort != SLUITING]
        titel = self.bron.titel
        if titel is None and voor:
            titel = voor.pop(0).tekst
        reconstructie = None
        if voor and voor[0].tekst.startswith("[") and voor[0].tekst.endswith("]"):
            reconstructie = voor.pop(0).tekst[1:-1]  # as `grgen toon` prints the reconstruction notice
        aanhef = [a.tekst for a in voor]
        afkondiging = None
        if len(aanhef) >= 2 and (_AFKONDIGING.search(aanhef[-1]) or aanhef[-1].endswith(":")):
            afkondiging = aanhef.pop()
        sluiting: list[Alinea] = [a for a in alineas[:eerste_kop] if a.soort == SLUITING]
        in_sluiting = False
        for i, a in enumerate(alineas[eerste_kop:], start=eerste_kop):
            if _BIJLAGE.match(a.tekst) and self.artikel is not None and self._kop(a) is None:
                self.bijlagen = lees_bijlagen(alineas[i:], self.meld)
                break
            if a.cellen is not None:  # a table row outside a bijlage: the format has no tables there
                if i == 0 or alineas[i - 1].cellen is None:
                    self.meld(
                        "tabel niet overgenomen",
                        a.bron,
                        "grgen kent tabellen alleen in een bijlage; neem de inhoud zo nodig op als leden of onderdelen",
                    )
                continue
            in_sluiting = in_sluiting or a.soort == SLUITING or bool(_SLUITING.match(a.tekst))
            if in_sluiting:
                sluiting.append(a)
            else:
                self.alinea(a)
        if not titel:
            titel = "Regeling"
            self.toegevoegd.append(titel)
            self.meld("de bron heeft geen titel; grgen gebruikt 'Regeling'", Bron(self.bron.naam), "vul citeertitel en officiele_titel in")
        if not self.hoofdstukken:
            self.meld(
                "geen enkel artikel gevonden", Bron(self.bron.naam), "een artikel begint met een regel als 'Artikel 1 Begripsbepalingen'"
            )
        for h in self.hoofdstukken:
            self._leestekens(h, None)
        ondertekening = ALINEAGRENS.join(a.tekst for a in sluiting) or None
        return Opbouw(
            titel=titel,
            aanhef=aanhef,
            afkondiging=afkondiging,
            kinderen=tuple(_ids(self.hoofdstukken)),
            ondertekening=ondertekening,
            reconstructie=reconstructie,
            meldingen=tuple(self.meldingen),
            toegevoegd=tuple(self.toegevoegd),
            bijlagen=self.bijlagen,
        )

    def _letterkoppen(self, alineas: list[Alinea]) -> list[Alinea]:
        """Plain text has no bold: "B. Mandatering" right before an artikel heading is the same
        lettered tussenkop a Word or XML source marks bold (a list item is lower case)."""
        for i, (a, volgende) in enumerate(zip(alineas, alineas[1:], strict=False)):
            if not a.kop and a.soort is None and _LETTERKOP.match(a.tekst) and (kop := self._kop(volgende)) and kop[0] == ARTIKEL:
                alineas[i] = dataclasses.replace(a, kop=True)
        return alineas

    def _leestekens(self, k: _Knoop, artikel: _Knoop | None) -> None:
        """Report an onderdeel list whose items do not end as the Ar have them (Ar 3.59): each but
        the last with ";" (or "," / ":" / "; en" / "; of"), the last with a punctuation mark."""
        artikel = k if k.soort == ARTIKEL else artikel
        lijst = [c for c in k.kinderen if c.soort in ("onderdeel", "subonderdeel")]
        for i, c in enumerate(lijst):
            tekst = (c.slottekst or c.tekst or "").rstrip()
            laatste = i == len(lijst) - 1
            if tekst and not laatste and not (tekst.endswith((";", ",", ":")) or re.search(r"[;,]\s+(en|of)$", tekst)):
                self.meld(
                    f'{_naam(c, artikel)} eindigt niet op een puntkomma: "…{tekst[-30:]}"',
                    c.bron,
                    "in een opsomming eindigt elk onderdeel behalve het laatste op een puntkomma (Ar 3.59)",
                )
            elif tekst and laatste and not tekst.endswith((".", ";", ",", ":")):
                self.meld(
                    f"de opsomming eindigt zonder leesteken na {_naam(c, artikel)}", c.bron, "sluit het laatste onderdeel af met een punt"
                )
        for c in k.kinderen:
            self._leestekens(c, artikel)

    # -- headings -----------------------------------------------------------------------------

    def _kop(self, a: Alinea) -> tuple[str, str, str] | None:
        """(soort, nummer, opschrift) when the paragraph is a heading, else None."""
        if a.soort == SLUITING:
            return None
        if a.kop and a.soort is None and (m := _LETTERKOP.match(a.tekst)):
            return PARAGRAAF, m["nr"], m["titel"].strip()  # "A. Algemeen": printed short
        for soort, patroon in _KOPPEN.items():
            m = patroon.match(a.tekst)
            if m is None:
                continue
            titel = m["titel"].strip()
            # "Artikel 5 van de wet is van toepassing." is a sentence, not a heading.
            if a.kop or a.soort == soort or not titel or (titel[0].isupper() and not titel.endswith((".", ";", ",")) and len(titel) < 150):
                nummer = m["nr"].upper() if soort != ARTIKEL else m["nr"].lower()
                return soort, nummer, titel
        if a.soort in (HOOFDSTUK, PARAGRAAF, ARTIKEL):
            m = _KALE_KOP.match(a.tekst)
            if m and m["nr"]:
                return a.soort, m["nr"].upper() if a.soort != ARTIKEL else m["nr"].lower(), m["titel"].strip()
            titel = re.sub(rf"^{a.soort}\b\s*", "", a.tekst, flags=re.IGNORECASE)
            return a.soort, "", titel
        return None

    def alinea(self, a: Alinea) -> None:
        kop = self._kop(a)
        if kop is not None:
            soort, nummer, titel = kop
            if soort == PARAGRAAF and a.soort is None and _LETTERKOP.match(a.tekst):
                self.nieuwe_paragraaf(nummer, titel, a, kopvorm="kort")
                return
            {HOOFDSTUK: self.nieuw_hoofdstuk, PARAGRAAF: self.nieuwe_paragraaf, ARTIKEL: self.nieuw_artikel}[soort](nummer, titel, a)
            return
        if a.kop and self.artikel is not None and (self.artikel.tekst is not None or self.artikel.kinderen):
            # A bold line between artikelen that is no heading grgen knows ("A. Algemeen").
            self.meld(
                f'tussenkop na artikel {self.artikel.nummer} niet overgenomen: "{_kort(a.tekst)}"',
                a.bron,
                "grgen kent hoofdstukken en paragrafen met een nummer; maak er zo nodig een paragraaf van",
            )
            return
        if self.artikel is None:
            self._artikel_erbij(a)
        self.inhoud(a)

    def _volgnummer(self, soort: str, nummer: str, vorige: list[_Knoop], a: Alinea, stil: bool = False) -> str:
        """The number a heading gets: its own, or (reported) a free one when it is missing,
        invalid or out of order, so that the imported regeling stays loadable."""
        hoofdletter = soort != ARTIKEL
        laatste = vorige[-1].nummer if vorige else None
        letters = soort == PARAGRAAF and met_letters([*(k.nummer for k in vorige), nummer])  # "Paragraaf A", "B."
        geldig = sorteersleutel(nummer, hoofdletter, letters) is not None
        if geldig and (laatste is None or sorteersleutel(nummer, hoofdletter, letters) > sorteersleutel(laatste, hoofdletter, letters)):
            if laatste is not None and laatste.isdigit() and nummer.isdigit() and int(nummer) > int(laatste) + 1:
                self.meld(f"{soort} {nummer} volgt op {soort} {laatste}: nummering heeft een gat", a.bron)
            return nummer
        vervanger = str(int(laatste) + 1) if laatste and laatste.isdigit() else _na(laatste, hoofdletter, letters)
        if not nummer and stil:
            pass
        elif not nummer:
            self.meld(f"{soort} zonder nummer; grgen geeft het nummer {vervanger}", a.bron, "controleer de nummering in de bron")
        elif not geldig:
            self.meld(f"ongeldig {soort}nummer '{nummer}'; grgen geeft het nummer {vervanger}", a.bron)
        else:
            self.meld(
                f"{soort} {nummer} staat na {soort} {laatste} (dubbel of niet oplopend); grgen geeft het nummer {vervanger}",
                a.bron,
                "controleer de nummering in de bron",
            )
        return vervanger

    def nieuw_hoofdstuk(self, nummer: str, titel: str, a: Alinea) -> None:
        nummer = self._volgnummer(HOOFDSTUK, nummer, self.hoofdstukken, a)
        self.hoofdstuk = _Knoop(HOOFDSTUK, nummer, a.bron, opschrift=titel or f"Hoofdstuk {nummer}")
        if not titel:
            self.meld(f"hoofdstuk {nummer} heeft geen opschrift; grgen gebruikt 'Hoofdstuk {nummer}'", a.bron)
        self.hoofdstukken.append(self.hoofdstuk)
        self.paragraaf = self.artikel = self.lid = self.onderdeel = None

    def nieuwe_paragraaf(self, nummer: str, titel: str, a: Alinea, kopvorm: str | None = None) -> None:
        if self.hoofdstuk is None:
            self._hoofdstuk_erbij(a)
        assert self.hoofdstuk is not None
        vorige = [k for k in self.hoofdstuk.kinderen if k.soort == PARAGRAAF]
        nummer = self._volgnummer(PARAGRAAF, nummer, vorige, a)
        if not vorige and any(k.soort == ARTIKEL for k in self.hoofdstuk.kinderen):
            los = [k.nummer for k in self.hoofdstuk.kinderen if k.soort == ARTIKEL]
            waar = f"hoofdstuk {self.hoofdstuk.nummer}" if self.hoofdstuk.kopvorm != "geen" else "de regeling"
            self.meld(
                f"{waar} heeft artikel {', '.join(los)} buiten een paragraaf, vóór paragraaf {nummer}; grgen neemt dat zo over",
                a.bron,
                "grgen check waarschuwt hiervoor (Ar 3.56, eerste lid: in een hoofdstuk met paragrafen staan alle artikelen in een paragraaf)",
            )
        if kopvorm == "kort":
            self.meld(
                f'tussenkop "{_kort(a.tekst)}" zonder het woord "Paragraaf"; grgen maakt er paragraaf {nummer} van met \'kop: kort\'',
                a.bron,
                'grgen check waarschuwt hiervoor (Ar 3.56: "Paragraaf 1"); verwijs ernaar als "paragraaf ' + nummer + '"',
            )
        self.paragraaf = _Knoop(PARAGRAAF, nummer, a.bron, opschrift=titel or f"Paragraaf {nummer}", kopvorm=kopvorm)
        self.hoofdstuk.kinderen.append(self.paragraaf)
        self.artikel = self.lid = self.onderdeel = None

    def _hoofdstuk_erbij(self, a: Alinea) -> None:
        # grgen's format keeps artikelen in hoofdstukken; a regeling without them gets one that
        # prints no heading (`kop: geen`), so the text stays as the source has it.
        self.hoofdstuk = _Knoop(HOOFDSTUK, "1", a.bron, kopvorm="geen")
        self.hoofdstukken.append(self.hoofdstuk)
        self.meld(
            "de bron heeft geen hoofdstukken; grgen zet de artikelen in hoofdstuk 1 met 'kop: geen', dat niet wordt afgedrukt",
            a.bron,
            "een wijziging noemt dan de artikelen, niet 'hoofdstuk 1'",
        )

    def _artikel_erbij(self, a: Alinea) -> None:
        """Text outside any artikel: kept in an artikel of its own, reported."""
        if self.paragraaf is not None:
            waar = f"paragraaf {self.paragraaf.nummer}"
        elif self.hoofdstuk is not None and self.hoofdstuk.kopvorm != "geen":
            waar = f"hoofdstuk {self.hoofdstuk.nummer}"
        else:
            waar = "het begin van de regeling"
        self.nieuw_artikel("", "", a, stil=True, kopvorm="geen")
        assert self.artikel is not None
        self.meld(
            f"tekst buiten een artikel (in {waar}); grgen zet hem in artikel {self.artikel.nummer} met 'kop: geen', "
            "zodat de tekst blijft zoals de bron hem afdrukt",
            a.bron,
            "grgen kent alleen tekst in artikelen; een wijziging noemt hem 'artikel "
            f"{self.artikel.nummer}', en grgen check waarschuwt (Ar 3.54)",
        )

    def nieuw_artikel(self, nummer: str, titel: str, a: Alinea, stil: bool = False, kopvorm: str | None = None) -> None:
        if self.hoofdstuk is None:
            self._hoofdstuk_erbij(a)
        assert self.hoofdstuk is not None
        houder = self.paragraaf or self.hoofdstuk
        if self.paragraaf is None and any(k.soort == PARAGRAAF for k in self.hoofdstuk.kinderen):
            houder = self.hoofdstuk.kinderen[-1]
        nummer = self._volgnummer(ARTIKEL, nummer or self._vrij_nummer(a), self.artikelen, a, stil or not a.getoond)
        if not a.getoond:  # an empty <kop>: the source prints no heading, nor will grgen
            kopvorm = "geen"
            self.meld(
                f"artikel zonder kop (nummer en opschrift leeg); grgen geeft het nummer {nummer} met 'kop: geen', dat niet wordt afgedrukt",
                a.bron,
                f"een wijziging noemt het 'artikel {nummer}'; grgen check waarschuwt (Ar 3.54)",
            )
        self.artikel = _Knoop(ARTIKEL, nummer, a.bron, opschrift=titel or None, kopvorm=kopvorm)
        houder.kinderen.append(self.artikel)
        self.artikelen.append(self.artikel)
        self.lid = self.onderdeel = None

    def _vrij_nummer(self, a: Alinea) -> str:
        """A number for an artikel the source does not number (text outside an artikel, an empty
        heading) that the next numbered artikel does not claim: after artikel 1 and before the
        source's artikel 2 it is 1a, before artikel 1 a1 (Ar 6.16); "" leaves it to `_volgnummer`."""
        if self.volgende_nummers is None:  # made once, when first needed: by id() of each paragraph
            self.volgende_nummers, volgende = {}, ""
            for b in reversed(self.alineas):
                self.volgende_nummers[id(b)] = volgende
                if (kop := self._kop(b)) and kop[0] == ARTIKEL:
                    volgende = kop[1]
        volgende = self.volgende_nummers.get(id(a), "")
        laatste = self.artikelen[-1].nummer if self.artikelen else None
        gewoon = str(int(laatste) + 1) if laatste and laatste.isdigit() else "1" if laatste is None else ""
        if not volgende or not gewoon or sorteersleutel(volgende) is None or sorteersleutel(gewoon) < sorteersleutel(volgende):
            return ""
        if laatste is None:
            return f"a{volgende}" if volgende == "1" else ""
        return nummer_na(laatste, volgende) or ""

    # -- content of an artikel ----------------------------------------------------------------

    def inhoud(self, a: Alinea) -> None:
        artikel = self.artikel
        assert artikel is not None
        tekst = a.tekst
        if m := _SUB.match(tekst):
            self.subonderdeel(m["nr"], m["tekst"], a)
        elif (m := _LID.match(tekst)) and not artikel.kinderen and (artikel.tekst or "").endswith(".") and m["nr"] == "1":
            # A sentence, then "1.": an artikel with leden has no text of its own, so the numbers are
            # a list after an opening sentence that lacks its colon; merging the sentence into lid 1
            # would print a "1." the source does not have. (A line without a full stop, such as a
            # title under a bare "Artikel 3", does not count: its leden stay leden.)
            self.meld(
                f'artikel {artikel.nummer}: na de tekst "{_kort(artikel.tekst, 30)}" volgt een opsomming genummerd met '
                f"{m['nr']}{m['teken']}; grgen maakt die tekst de zin vóór de opsomming en neemt de nummers over zoals ze staan",
                a.bron,
                "een artikel met leden heeft geen eigen tekst; zijn het leden, maak de eerste tekst dan lid 1 "
                "(en Ar 3.59: onderdelen krijgen letters)",
            )
            self.nieuw_onderdeel(m["nr"] + m["teken"], m["tekst"], a)
        elif (m := _LID.match(tekst)) and not artikel.kinderen and (artikel.tekst or "").endswith(":"):
            self.meld(
                f'artikel {artikel.nummer}: de opsomming na "{_kort(artikel.tekst or "", 30)}" is genummerd met {m["nr"]}{m["teken"]} '
                "in plaats van met letters; grgen neemt de nummers over zoals ze staan",
                a.bron,
                "grgen check waarschuwt hiervoor (Ar 3.59: onderdelen krijgen letters); een onderdeel met een cijfer "
                "heeft geen adres om naar te verwijzen",
            )
            self.nieuw_onderdeel(m["nr"] + m["teken"], m["tekst"], a)
        elif (
            (m := _LID.match(tekst))
            and self.lid is None
            and artikel.kinderen
            and artikel.kinderen[0].soort == "onderdeel"
            and not self._is_sub(int(m["nr"]), a)
        ):
            # the next item of a list typed "1.", "2." keeps its number; in a lettered list it is lettered
            getypt = is_opsommingsteken(artikel.kinderen[0].nummer, "onderdeel") and artikel.kinderen[0].nummer[0].isdigit()
            self.nieuw_onderdeel(m["nr"] + m["teken"] if getypt else "", m["tekst"], a)
        elif (m := _LID.match(tekst)) and not self._is_sub(int(m["nr"]), a):
            self.nieuw_lid(m["nr"], m["tekst"], a)
        elif m := _LID.match(tekst):
            self.subonderdeel(m["nr"], m["tekst"], a)
        elif (m := _LETTER.match(tekst)) and letterpositie(m["nr"]) is not None:
            self.nieuw_onderdeel(m["nr"], m["tekst"], a)
        elif (m := _TEKEN.match(tekst)) and m["nr"] in OPSOMMINGSTEKENS:
            if self.onderdeel is not None and (a.niveau or 0) >= 2:
                self.subonderdeel(m["nr"], m["tekst"], a)
            else:
                self.nieuw_onderdeel(m["nr"], m["tekst"], a)
        else:
            self.losse_tekst(a)

    def _is_sub(self, nummer: int, a: Alinea) -> bool:
        """Is "2." here a subonderdeel of the open onderdeel rather than the next lid?"""
        if self.onderdeel is None:
            return False
        if a.niveau is not None:
            return a.niveau >= 2
        subs = len(self.onderdeel.kinderen)
        volgend_lid = len(self.artikel.kinderen) + 1 if self.artikel and self.lid else None
        return nummer == subs + 1 and (subs > 0 or nummer != volgend_lid)

    def nieuw_lid(self, label: str, tekst: str, a: Alinea) -> None:
        artikel = self.artikel
        assert artikel is not None
        if artikel.kinderen and artikel.kinderen[0].soort != "lid":
            self.meld(
                f"artikel {artikel.nummer}: lid {label} volgt op een opsomming zonder leden",
                a.bron,
                "grgen kent in één artikel leden of onderdelen, niet beide; het lid wordt tekst na de opsomming",
            )
            self.losse_tekst(a)
            return
        if artikel.tekst is not None and not artikel.kinderen:
            self.meld(
                f"artikel {artikel.nummer} heeft tekst vóór het eerste lid; grgen voegt die samen met het eerste lid",
                a.bron,
            )
            tekst = f"{artikel.tekst} {label}. {tekst}"
            artikel.tekst = None
        verwacht = len(artikel.kinderen) + 1
        if label != str(verwacht):
            self.meld(f"artikel {artikel.nummer}: lid {label} staat op de plaats van lid {verwacht} (gat of dubbel nummer)", a.bron)
        self.lid = _Knoop("lid", str(verwacht), a.bron, tekst=tekst, label=label)
        artikel.kinderen.append(self.lid)
        self.onderdeel = None

    def nieuw_onderdeel(self, label: str, tekst: str, a: Alinea) -> None:
        houder = self.lid or self.artikel
        assert houder is not None
        if houder.tekst is None:
            self.meld(f"{_naam(houder, self.artikel)}: opsomming zonder inleidende zin", a.bron, "grgen vraagt een zin vóór de opsomming")
            houder.tekst = ZONDER_INLEIDING
            self.toegevoegd.append(ZONDER_INLEIDING)
        if houder.slottekst is not None:
            # text, list, text, list: grgen has one list per element; the words stay, as alineas
            if id(houder) not in self.tweede_lijst:
                self.tweede_lijst.add(id(houder))
                self.meld(
                    f"{_naam(houder, self.artikel)}: een tweede opsomming na de tekst na de eerste; grgen neemt de onderdelen op "
                    "als alinea's van die tekst, met hun nummer of opsommingsteken",
                    a.bron,
                    "grgen kent één opsomming per artikel, lid of onderdeel; maak er zo nodig een eigen lid van",
                )
            houder.slottekst += ALINEAGRENS + a.tekst
            self.onderdeel = None
            return
        verwacht = letterreeks(len(houder.kinderen) + 1)
        if is_opsommingsteken(label, "onderdeel"):
            if not houder.kinderen and label in OPSOMMINGSTEKENS:
                self.meld(
                    f"{_naam(houder, self.artikel)}: opsomming met '{label}' in plaats van letters; grgen neemt het teken over",
                    a.bron,
                    "grgen check waarschuwt hiervoor (Ar 3.59: onderdelen krijgen letters); een onderdeel zonder letter heeft geen adres om naar te verwijzen",
                )
            self.onderdeel = _Knoop("onderdeel", label, a.bron, tekst=tekst, label=label)
            houder.kinderen.append(self.onderdeel)
            return
        if label and label.lower() != verwacht:
            self.meld(
                f"{_naam(houder, self.artikel)}: onderdeel {label} staat op de plaats van onderdeel {verwacht} (gat of dubbele letter)",
                a.bron,
            )
        self.onderdeel = _Knoop("onderdeel", verwacht, a.bron, tekst=tekst, label=label)
        houder.kinderen.append(self.onderdeel)

    def subonderdeel(self, label: str, tekst: str, a: Alinea) -> None:
        if self.onderdeel is None:
            self.meld(f"subonderdeel {label}° zonder onderdeel ervoor; grgen maakt er een onderdeel van", a.bron)
            self.nieuw_onderdeel("", tekst, a)
            return
        verwacht = str(len(self.onderdeel.kinderen) + 1)
        if label in OPSOMMINGSTEKENS:
            self.onderdeel.kinderen.append(_Knoop("subonderdeel", label, a.bron, tekst=tekst, label=label))
            return
        if label != verwacht:
            self.meld(f"{_naam(self.onderdeel, self.artikel)}: subonderdeel {label}° staat op de plaats van {verwacht}°", a.bron)
        self.onderdeel.kinderen.append(_Knoop("subonderdeel", verwacht, a.bron, tekst=tekst, label=label))

    def losse_tekst(self, a: Alinea) -> None:
        """Unnumbered text: the artikel's text, the words after a list, or an extra paragraph."""
        artikel = self.artikel
        assert artikel is not None
        if not artikel.kinderen and artikel.tekst is None:
            artikel.tekst = a.tekst
            return
        houder = self.lid or artikel
        if self.onderdeel is not None and (a.niveau or 0) >= 1:
            houder = self.onderdeel
            # a further alinea of a subonderdeel (the source knows the depth), else of the onderdeel
            if (a.niveau or 0) >= 2 and self.onderdeel.kinderen:
                houder = self.onderdeel.kinderen[-1]
        if houder.kinderen and houder.slottekst is None:
            houder.slottekst = a.tekst
            return
        # Another alinea of the same text (STOP: several <Al>); the format keeps them apart.
        if houder.slottekst is not None:
            houder.slottekst += ALINEAGRENS + a.tekst
        else:
            houder.tekst = f"{houder.tekst}{ALINEAGRENS}{a.tekst}" if houder.tekst else a.tekst


def _kort(tekst: str, n: int = 60) -> str:
    tekst = tekst.replace(ALINEAGRENS, " ")
    return tekst if len(tekst) <= n else tekst[: n - 1] + "…"


def _naam(k: _Knoop, artikel: _Knoop | None) -> str:
    if k.soort == ARTIKEL or artikel is None:
        return f"artikel {k.nummer}"
    if is_opsommingsteken(k.nummer, k.soort):
        return f"artikel {artikel.nummer}, {k.soort} '{k.nummer}'"
    woorden = {"lid": f"lid {k.nummer}", "onderdeel": f"onderdeel {k.nummer}", "subonderdeel": f"subonderdeel {k.nummer}°"}
    return f"artikel {artikel.nummer}, {woorden[k.soort]}"


def _na(laatste: str | None, hoofdletter: bool, letters: bool = False) -> str:
    if laatste is None:
        return "A" if letters else "1"
    return nummer_na(laatste, None, hoofdletter, letters) or laatste + ("A" if hoofdletter else "a")


# -- ids and frozen model ---------------------------------------------------------------------

_SOORTEN = {
    "hoofdstuk": Hoofdstuk,
    "paragraaf": Paragraaf,
    "artikel": Artikel,
    "lid": Lid,
    "onderdeel": Onderdeel,
    "subonderdeel": Subonderdeel,
}


def _teksten(k: _Knoop) -> list[str]:
    return [t for t in (k.tekst, k.slottekst) if t] + [t for c in k.kinderen for t in _teksten(c)]


def _ids(hoofdstukken: list[_Knoop]) -> list[Element]:
    """Frozen elements with stable ids: hoofdstuk-N, paragraaf-N-M, the artikel's opschrift (or
    artikel-N when it has none or it is taken), and `<ouder>.<nummer>` below, as the loader derives."""
    gebruikt: set[str] = set()

    def artikel_id(k: _Knoop) -> str:
        kandidaat = slug(k.opschrift or "")
        if not kandidaat or kandidaat in gebruikt or not kandidaat[0].isalpha():
            kandidaat = f"artikel-{k.nummer}"
        gebruikt.add(kandidaat)
        return kandidaat

    def bevries(k: _Knoop, ouder_id: str | None, hoofdstuk: str, positie: int = 1) -> Element:
        if k.soort == HOOFDSTUK:
            eigen = f"hoofdstuk-{k.nummer.lower()}"
        elif k.soort == PARAGRAAF:
            eigen = f"paragraaf-{hoofdstuk.lower()}-{k.nummer.lower()}"
        elif k.soort == ARTIKEL:
            eigen = artikel_id(k)
        else:
            eigen = f"{ouder_id}.{k.nummer if not is_opsommingsteken(k.nummer, k.soort) else _SOORTEN[k.soort].nummer_op_positie(positie)}"
        kinderen = tuple(bevries(c, eigen, k.nummer if k.soort == HOOFDSTUK else hoofdstuk, i) for i, c in enumerate(k.kinderen, start=1))
        onderwerpen = raad_onderwerpen(k.opschrift, _teksten(k)) if k.soort == ARTIKEL else ()
        return _SOORTEN[k.soort](
            id=eigen,
            onderwerpen=onderwerpen,
            nummer=k.nummer,
            tekst=k.tekst,
            kinderen=kinderen,
            slottekst=k.slottekst,
            opschrift=k.opschrift if k.soort in (HOOFDSTUK, PARAGRAAF, ARTIKEL) else None,
            bron=k.bron,
            kopvorm=k.kopvorm,
        )

    gebruikt.update(f"hoofdstuk-{h.nummer.lower()}" for h in hoofdstukken)
    return [bevries(h, None, h.nummer) for h in hoofdstukken]
