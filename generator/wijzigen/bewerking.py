"""The paragraphs of an edited ontwerp -> the edited version of the regeling. Pure.

Each marked paragraph belongs to the element of its key; a paragraph the drafter added becomes a
new element of the kind its style or label says ("3." a lid, "c." an onderdeel, "Artikel 4a" an
artikel), placed where it stands: under the nearest open element that can hold it. New
elements get placeholder ids (`_nieuw.<n>`); generator/diff/afleiden.py turns the result into
operations. What has no place (text outside any element, an edit of the aanhef, a number that
contradicts the structure) is a located message, never a guess.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata

from generator.adressen import los_op_in_delen
from generator.errors import Bron, Melding
from generator.model import SOORTEN, Deelnemer, Element, Regeling
from generator.model.bewerking import GelezenAlinea
from generator.model.ids import NIEUW_ID

# What each kind may hold (the regeling itself: hoofdstukken).
_HOUDT = {
    "regeling": ("hoofdstuk",),
    "hoofdstuk": ("paragraaf", "artikel"),
    "paragraaf": ("artikel",),
    "artikel": ("lid", "onderdeel"),
    "lid": ("onderdeel",),
    "onderdeel": ("subonderdeel",),
    "subonderdeel": (),
}
_KOP = re.compile(r"^(?i:(hoofdstuk|paragraaf|artikel))(?:\s+([0-9]+[a-zA-Z]*|[IVXLC]+[A-Z]*))?\.?(?:\s+(.*))?$")
_LABELS = {
    "subonderdeel": re.compile(r"^(\d+)°\.?(?:\s+|$)"),
    "lid": re.compile(r"^(\d+)\.(?:\s+|$)"),
    "onderdeel": re.compile(r"^([a-z]{1,3})\.(?:\s+|$)"),
}
_DEELNEMER = re.compile(r"^(gemeente|openbaar lichaam)\s+(.+)$", re.IGNORECASE)
_ORGANEN = {"gemeente": ("college van burgemeester en wethouders", "raad"), "openbaar lichaam": ("dagelijks bestuur", "algemeen bestuur")}


@dataclasses.dataclass(frozen=True)
class Bewerking:
    """The edited version, where each element stands in the document, and the comments on it."""

    regeling: Regeling
    bronnen: dict[str, Bron]
    toelichtingen: dict[str, str]
    meldingen: tuple[Melding, ...]


@dataclasses.dataclass
class _Knoop:
    id: str
    soort: str
    nummer: str
    bron: Bron
    tekst: str | None = None
    slottekst: str | None = None
    opschrift: str | None = None
    onderwerpen: tuple[str, ...] = ()
    kinderen: list[_Knoop] = dataclasses.field(default_factory=list)
    label: str | None = None  # the number the drafter typed before the text, if any

    def element(self) -> Element:
        kinderen = []
        for i, k in enumerate(self.kinderen, start=1):
            if k.soort in ("lid", "onderdeel", "subonderdeel"):
                k.nummer = SOORTEN[k.soort].nummer_op_positie(i)
            kinderen.append(k.element())
        return SOORTEN[self.soort](
            self.id, self.nummer, self.tekst, tuple(kinderen), self.slottekst, self.opschrift, self.onderwerpen, self.bron
        )


def bouw_bewerking(basis: Regeling, alineas: list[GelezenAlinea], datum) -> Bewerking:  # noqa: ANN001 - datum: dt.date
    """The edited version from the paragraphs of an ontwerp of `basis`.

    `datum` is the day new deelnemers take part from (the engine sets it again on toetreding).
    """
    return _Bouwer(basis, datum).bouw(alineas)


class _Bouwer:
    def __init__(self, basis: Regeling, datum) -> None:  # noqa: ANN001
        self.basis = basis
        self.datum = datum
        self.meldingen: list[Melding] = []
        self.bronnen: dict[str, Bron] = {}
        self.toelichtingen: dict[str, str] = {}
        self.nieuw = 0
        self.wortel = _Knoop("", "regeling", "", Bron(""))
        self.stapel: list[_Knoop] = [self.wortel]
        self.gezien: set[str] = set()
        self.koppelingen: list[tuple[str, str, GelezenAlinea]] = []  # (element id, field, paragraph)

    def fout(self, tekst: str, bron: Bron, hint: str | None = None) -> None:
        self.meldingen.append(Melding(tekst, bron, None, hint))

    def bouw(self, alineas: list[GelezenAlinea]) -> Bewerking:
        citeertitel = self.basis.citeertitel
        deelnemers: list[Deelnemer] | None = None
        for a in alineas:
            if a.sleutel == "@citeertitel":
                self._opmerking(a.sleutel, a)
            if deelnemers is not None:
                self._deelnemer(a, deelnemers)
                continue
            if a.sleutel == "@deelnemers":
                deelnemers = []
                continue
            if a.sleutel == "@citeertitel":
                if a.tekst:
                    citeertitel = a.tekst
                else:
                    self.fout("de citeertitel is leeg", a.bron, "een regeling houdt een citeertitel; schrijf de nieuwe citeertitel")
                continue
            if a.sleutel is not None and a.sleutel.startswith("@"):
                self._vast(a)
                continue
            if not a.tekst:
                continue
            if a.sleutel is None:
                self._nieuw(a)
            else:
                self._bekend(a)
        kinderen = tuple(self._maak(k) for k in self.wortel.kinderen)
        self._controleer_labels(self.wortel)
        if deelnemers is None:
            actief = tuple(d for d in self.basis.deelnemers)
        else:
            actief = tuple(d for d in self.basis.deelnemers if d.tot is not None) + tuple(deelnemers)
        regeling = self.basis.met(kinderen=kinderen, citeertitel=citeertitel, deelnemers=actief)
        self._controleer_koppelingen(regeling)
        return Bewerking(regeling, self.bronnen, self.toelichtingen, tuple(self.meldingen))

    def _opmerking(self, sleutel: str, a: GelezenAlinea) -> None:
        """The Word comments on a paragraph become the toelichting of the change to its element."""
        if a.opmerkingen:
            eerder = self.toelichtingen.get(sleutel)
            self.toelichtingen[sleutel] = " ".join((*([eerder] if eerder else []), *a.opmerkingen))

    # -- parts that are not elements ---------------------------------------------------------
    def _vast(self, a: GelezenAlinea) -> None:
        """Aanhef, considerans, afkondiging and ondertekening cannot be amended: unchanged or a message."""
        sleutel = a.sleutel or ""
        oud = {"@aanhef": self.basis.aanhef, "@afkondiging": self.basis.afkondiging, "@ondertekening": self.basis.ondertekening}.get(
            sleutel
        )
        if sleutel.startswith("@considerans:"):
            i = int(sleutel.split(":")[1]) - 1
            oud = self.basis.considerans[i] if i < len(self.basis.considerans) else None
        if oud is not None and a.tekst != " ".join(oud.split()):
            wat = {"@aanhef": "de aanhef", "@afkondiging": "de afkondiging", "@ondertekening": "de ondertekening"}.get(
                sleutel, "de considerans"
            )
            self.fout(f"{wat} is gewijzigd; die kan niet met een wijziging van de regeling worden veranderd", a.bron, "zet de tekst terug")

    def _deelnemer(self, a: GelezenAlinea, deelnemers: list[Deelnemer]) -> None:
        if not a.tekst:
            return
        if a.sleutel is not None and a.sleutel.startswith("@deelnemer:"):
            d = self.basis.zoek_deelnemer(a.sleutel.split(":", 1)[1])
            if d is not None and a.tekst != d.lichaam:
                self.fout(
                    f"de naam van deelnemer {d.naam} is gewijzigd; dat kan niet",
                    a.bron,
                    "laat de deelnemer uittreden en een nieuwe toetreden",
                )
            if d is not None:
                deelnemers.append(d)
            return
        m = _DEELNEMER.match(a.tekst)
        if m is None:
            self.fout(f"'{a.tekst}' is geen deelnemer", a.bron, "schrijf 'gemeente Naam' of 'openbaar lichaam Naam', één per alinea")
            return
        soort, naam = m[1].lower(), m[2].strip()
        zonder_accenten = unicodedata.normalize("NFKD", naam).encode("ascii", "ignore").decode()  # Súdwest-Fryslân -> sudwest-fryslan
        deelnemer_id = re.sub(r"[^a-z0-9]+", "-", zonder_accenten.lower()).strip("-")
        bestuur, toestemming = _ORGANEN[soort]
        deelnemers.append(Deelnemer(deelnemer_id, naam, soort, bestuur, toestemming, self.datum, None, a.bron))
        self.bronnen["@deelnemer:" + deelnemer_id] = a.bron
        self._opmerking("@deelnemer:" + deelnemer_id, a)

    # -- elements ----------------------------------------------------------------------------
    def _bekend(self, a: GelezenAlinea) -> None:
        element_id, _, deel = (a.sleutel or "").partition(":")
        plek = self.basis.index.get(element_id)
        if plek is None:
            return
        oud = plek.element
        if deel in ("tekst", "slot"):
            knoop = next((k for k in reversed(self.stapel) if k.id == element_id), None)
            if knoop is None:
                self.fout(
                    f"de tekst van {plek.adres} staat niet meer bij {plek.adres}", a.bron, "zet de tekst terug onder de kop van het artikel"
                )
                return
            while self.stapel[-1] is not knoop:
                self.stapel.pop()
            self._opmerking(element_id, a)
            if deel == "tekst":
                knoop.tekst = a.tekst
            else:
                knoop.slottekst = a.tekst
            if a.koppelingen:
                self.koppelingen.append((element_id, "tekst" if deel == "tekst" else "slottekst", a))
            return
        if element_id in self.gezien:
            return  # a copied paragraph kept the bookmark of its original
        self.gezien.add(element_id)
        if oud.heeft_opschrift:
            kop = self._kop(a, oud.soort)
            if kop is None:
                return
            soort, nummer, opschrift = kop
            if nummer and nummer != oud.nummer:
                self.fout(
                    f"{oud.kop} heet hier {soort} {nummer}; een bestaand {oud.soort} houdt zijn nummer (Ar 6.16)",
                    a.bron,
                    f"zet het nummer terug op {oud.nummer}",
                )
            knoop = _Knoop(oud.id, oud.soort, oud.nummer, a.bron, opschrift=opschrift or None, onderwerpen=oud.onderwerpen)
        else:
            label, tekst = self._label(a.tekst, oud.soort)
            knoop = _Knoop(oud.id, oud.soort, oud.nummer, a.bron, tekst=tekst, label=label)
        self.bronnen[oud.id] = a.bron
        self._opmerking(oud.id, a)
        if a.koppelingen and not oud.heeft_opschrift:
            self.koppelingen.append((oud.id, "tekst", a))
        self._plaats(knoop, a)

    def _nieuw(self, a: GelezenAlinea) -> None:
        soort = a.soort
        if soort == "titel":
            self.fout("een tweede titel", a.bron, "de citeertitel staat bovenaan; maak van deze alinea een kop of gewone tekst")
            return
        if soort in ("hoofdstuk", "kop"):  # a heading style (Word) or '##' (Markdown); never a guess from the words
            kop = self._kop(a, None)
            if kop is None:
                return
            soort, nummer, opschrift = kop
            knoop = _Knoop(self._nieuw_id(), soort, nummer or "", a.bron, opschrift=opschrift or None)
        else:
            if soort == "tekst":
                soort = next((s for s, p in _LABELS.items() if p.match(a.tekst)), "tekst")
            if soort == "tekst":
                self._losse_tekst(a)
                return
            label, tekst = self._label(a.tekst, soort)
            knoop = _Knoop(self._nieuw_id(), soort, "", a.bron, tekst=tekst, label=label)
        self.bronnen[knoop.id] = a.bron
        self._opmerking(knoop.id, a)
        if a.koppelingen and knoop.tekst is not None:
            self.koppelingen.append((knoop.id, "tekst", a))
        self._plaats(knoop, a)

    def _losse_tekst(self, a: GelezenAlinea) -> None:
        """A paragraph without number or heading: the text of an artikel right after its
        heading; anywhere else it has no place."""
        top = self.stapel[-1]
        if top.soort == "artikel" and top.tekst is None and not top.kinderen:
            top.tekst = a.tekst
            if a.koppelingen:
                self.koppelingen.append((top.id, "tekst", a))
            return
        self.fout(
            "deze tekst hoort bij geen enkel element",
            a.bron,
            'begin een nieuw lid met zijn nummer ("3.") of een onderdeel met zijn letter ("c."), of voeg de tekst bij de alinea ervoor',
        )

    def _nieuw_id(self) -> str:
        self.nieuw += 1
        return f"{NIEUW_ID}.{self.nieuw}"

    def _kop(self, a: GelezenAlinea, soort: str | None) -> tuple[str, str | None, str] | None:
        m = _KOP.match(a.tekst)
        if m is None or (soort is not None and m[1].lower() != soort):
            verwacht = soort or "hoofdstuk, paragraaf of artikel"
            self.fout(f"een kop moet beginnen met '{verwacht.capitalize()}' en het nummer", a.bron, 'bijv. "Artikel 4a Nieuwe taken"')
            return None
        return m[1].lower(), m[2], (m[3] or "").strip()

    def _label(self, tekst: str, soort: str) -> tuple[str | None, str]:
        m = _LABELS[soort].match(tekst) if soort in _LABELS else None
        if m is None:
            return None, tekst
        return m[1], tekst[m.end() :].strip()

    def _plaats(self, knoop: _Knoop, a: GelezenAlinea) -> None:
        while len(self.stapel) > 1 and knoop.soort not in _HOUDT[self.stapel[-1].soort]:
            self.stapel.pop()
        ouder = self.stapel[-1]
        if knoop.soort not in _HOUDT[ouder.soort]:
            self.fout(
                f"een {knoop.soort} kan hier niet staan",
                a.bron,
                "een artikel staat in een hoofdstuk, een lid in een artikel, een onderdeel in een artikel of lid",
            )
            return
        if ouder.kinderen and ouder.kinderen[0].soort != knoop.soort and knoop.soort in ("lid", "onderdeel"):
            self.fout(
                f"een {knoop.soort} tussen {ouder.kinderen[0].soort == 'lid' and 'leden' or 'onderdelen'}",
                a.bron,
                "een artikel heeft leden of onderdelen, niet allebei",
            )
            return
        ouder.kinderen.append(knoop)
        self.stapel.append(knoop)

    def _maak(self, knoop: _Knoop) -> Element:
        for k in knoop.kinderen:
            self._een_lid(k)
        self._een_lid(knoop)
        return knoop.element()

    def _een_lid(self, knoop: _Knoop) -> None:
        """Ar: an artikel with one lid has no numbered lid; its text is the artikel's. And an
        artikel whose text is followed by a new lid has leden: its text is the first."""
        if knoop.soort == "artikel" and len(knoop.kinderen) == 1 and knoop.kinderen[0].soort == "lid" and knoop.tekst is None:
            lid = knoop.kinderen[0]
            knoop.tekst, knoop.slottekst, knoop.kinderen = lid.tekst, lid.slottekst, lid.kinderen
        elif knoop.soort == "artikel" and knoop.tekst is not None and knoop.kinderen and knoop.kinderen[0].soort == "lid":
            eerste = _Knoop(self._nieuw_id(), "lid", "1", knoop.bron, tekst=knoop.tekst)
            knoop.tekst = None
            knoop.kinderen.insert(0, eerste)
        for k in knoop.kinderen:
            self._een_lid(k)

    def _controleer_koppelingen(self, regeling: Regeling) -> None:
        """A reference shows the address of its target; text typed over it would be lost (the
        reference follows the numbering by itself), so it must still read as that address, in
        the basis or in the edited numbering."""
        for element_id, veld, a in self.koppelingen:
            plek = regeling.index.get(element_id)
            tekst = getattr(plek.element, veld) if plek is not None else None
            if not tekst:
                continue
            nu = [adres for adres, ref in los_op_in_delen(tekst, regeling, plek) if ref]
            eerder: list[str] = []
            if element_id in self.basis.index:
                oud = self.basis.index[element_id]
                eerder = [adres for adres, ref in los_op_in_delen(getattr(oud.element, veld) or "", self.basis, oud) if ref]
            refs = [ref for _, ref in los_op_in_delen(tekst, regeling, plek) if ref]
            for i, (getoond, ref) in enumerate(zip(a.koppelingen, refs, strict=False)):
                goed = {nu[i] if i < len(nu) else "", eerder[i] if i < len(eerder) else ""}
                goed |= {r.index[ref].adres for r in (regeling, self.basis) if ref in r.index}
                if _gewoon(getoond) not in {_gewoon(g) for g in goed if g}:
                    self.fout(
                        f'de tekst van de verwijzing "{getoond}" is gewijzigd; een verwijzing volgt de nummering vanzelf (hier: "{nu[i] if i < len(nu) else ref}")',
                        a.bron,
                        "zet de tekst terug, of verwijder de koppeling (hyperlink) en schrijf de tekst zelf",
                    )

    def _controleer_labels(self, knoop: _Knoop) -> None:
        """A number typed before a lid or onderdeel must be its number in the basis or at its new place."""
        for i, k in enumerate(knoop.kinderen, start=1):
            if k.label is not None and k.soort in _LABELS:
                nu = SOORTEN[k.soort].nummer_op_positie(i)
                oud = self.basis.index[k.id].element.nummer if k.id in self.basis.index else None
                if k.label not in (nu, oud):
                    self.fout(
                        f"het nummer {k.label} past niet bij de plaats van dit {k.soort} (hier: {nu})",
                        k.bron,
                        "nummers van leden en onderdelen volgen uit hun plaats; laat het nummer staan of pas het aan",
                    )
            self._controleer_labels(k)


def _gewoon(tekst: str) -> str:
    """An address as compared: without capitals and a closing comma."""
    return " ".join(tekst.lower().rstrip(", ").split())
