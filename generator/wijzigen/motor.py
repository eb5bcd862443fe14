"""The amendment engine: old version + amendment -> new version. Pure; never mutates.

Each operation's target is resolved in the amendment's `basis` version (the numbering the drafter
saw) to a stable id, and applied to the current version by id. Operations are applied in the
order the wijzigingsbesluit will list them (Ar 6.15: in the order of the regeling), so that each
`Stap` records the state its Ar wording must describe.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable

from generator.adressen import los_op, onbekende_verwijzingen, zoek
from generator.errors import Verzamelaar, WijzigingFout
from generator.model import SOORTEN, Element, Lid, Plek, Regeling, Versie, VersieInfo
from generator.model.organen import ORGANEN, toestemmingsorgaan
from generator.model.wijziging import BIJLAGE, METADATA_ACTIES, Operatie, Wijziging
from generator.nummering import met_letters, nummer_na, rangtelwoord, sorteersleutel, splits_nummer
from generator.wijzigen.boom import (
    geef_ids,
    ids_in,
    is_nieuw_id,
    kinderen_van,
    vervang,
    volgende_in_documentvolgorde,
    vorige_in_documentvolgorde,
    vrij_id,
    zet_kinderen,
)
from generator.wijzigen.gevolgen import verwijzingsgevolgen
from generator.wijzigen.stap import Stap
from generator.wijzigen.woorden import LEESTEKEN_AAN_SLOT, netjes, vervang_treffers, woordtreffers, zinspannen


@dataclasses.dataclass(frozen=True)
class Toepassing:
    """The result of applying one amendment: both versions and every step."""

    wijziging: Wijziging
    voor: Versie
    na: Versie
    stappen: tuple[Stap, ...]
    nieuwe_artikelnummers: frozenset[str] = frozenset()

    @property
    def raakt(self) -> frozenset[str]:
        return frozenset().union(*(s.raakt for s in self.stappen))

    def toelichting_per_element(self) -> dict[str, tuple[str, ...]]:
        """Element id -> the toelichtingen of the operations that touched it (renumbering included)."""
        uit: dict[str, list[str]] = {}
        for stap in self.stappen:
            if stap.operatie.toelichting:
                for element_id in stap.raakt:
                    lijst = uit.setdefault(element_id, [])
                    if stap.operatie.toelichting not in lijst:
                        lijst.append(stap.operatie.toelichting)
        return {k: tuple(v) for k, v in uit.items()}


def pas_toe(
    huidig: Versie,
    wijziging: Wijziging,
    basis: Versie,
    ooit_gebruikt: frozenset[str] = frozenset(),
    ooit_artikelnummers: frozenset[str] = frozenset(),
) -> Toepassing:
    """Apply `wijziging` (written against `basis`) to `huidig`; return the new version.

    `ooit_gebruikt` holds every id of earlier versions (ids are never reused) and
    `ooit_artikelnummers` every artikel number (the number of a vervallen artikel is not given
    again, Ar 6.16). Raises `WijzigingFout` with every problem found.
    """
    motor = _Motor(huidig.regeling, basis.regeling, wijziging, ooit_gebruikt, ooit_artikelnummers)
    motor.huidig_id = huidig.id
    regeling, stappen = motor.voer_uit()
    info = VersieInfo(
        id=wijziging.id,
        betreft=wijziging.betreft,
        inwerkingtreding=wijziging.terugwerkende_kracht or wijziging.inwerkingtreding,
        datum_ondertekening=wijziging.datum_besluit,
        bekendmaking=wijziging.bekendmaking,
        terugwerkende_kracht=wijziging.terugwerkende_kracht,
        vastgesteld_door=wijziging.vastgesteld_door,
        kenmerk_voorstel=wijziging.kenmerk_voorstel,
        wijziging=wijziging.id,
        bron=wijziging.bron,
    )
    return Toepassing(wijziging, huidig, Versie(info, regeling), tuple(stappen), frozenset(motor.artikelnummers.eigen))


class Bezet:
    """The ids that may not be given again: read-only layers plus this amendment's own.

    >>> b = Bezet({"a"}, {"b": None})
    >>> b.add("c"); ("a" in b, "b" in b, "c" in b, "d" in b)
    (True, True, True, False)
    """

    def __init__(self, *lagen) -> None:  # noqa: ANN002
        self.lagen = lagen
        self.eigen: set[str] = set()

    def __contains__(self, element_id: object) -> bool:
        return element_id in self.eigen or any(element_id in laag for laag in self.lagen)

    def add(self, element_id: str) -> None:
        self.eigen.add(element_id)

    def __ior__(self, andere: Bezet | set[str]) -> Bezet:
        self.eigen |= andere.eigen if isinstance(andere, Bezet) else andere
        return self

    def __sub__(self, weg: set[str]) -> Bezet:
        """All but `weg` (the ids of text being rewritten, which it may keep)."""
        return _Zonder(self, weg)


class _Zonder(Bezet):
    def __init__(self, basis: Bezet, weg: set[str]) -> None:
        super().__init__()
        self.basis, self.weg = basis, weg

    def __contains__(self, element_id: object) -> bool:
        return element_id in self.eigen or (element_id not in self.weg and element_id in self.basis)


class _Motor:
    def __init__(self, huidig: Regeling, basis: Regeling, wijziging: Wijziging, ooit: frozenset[str], nummers: frozenset[str]):
        self.reg = huidig
        self.basis = basis
        self.w = wijziging
        self.v = Verzamelaar()
        # Ids in use or ever used: the timeline's set and this version's index are only read;
        # what this amendment adds goes into a set of its own (no copy of the large sets).
        self.bezet = Bezet(ooit, huidig.index)
        # Artikel numbers ever given (Ar 6.16: never again); the timeline's set already holds
        # this version's, so only a direct call without one collects them here.
        self.artikelnummers = Bezet(nummers if nummers else {a.nummer for a in huidig.artikelen()})
        # anchor id -> ids inserted after it by this amendment, so that two insertions "na
        # artikel 4" end up as 4a and 4b in the order of the file.
        self.ingevoegd_na: dict[str, list[str]] = {}
        self.vervallen_door: dict[str, Operatie] = {}
        self.huidig_id = wijziging.basis  # the id of the version applied to (set by pas_toe)
        self._doel_van: dict[tuple[int, int], str | None] = {}

    # -- driver ------------------------------------------------------------------------------
    def voer_uit(self) -> tuple[Regeling, list[Stap]]:
        operaties = [
            deel
            for op in self.w.operaties
            for deel in (
                dataclasses.replace(op, meer=(), deel=1 if op.meer else 0),
                *(dataclasses.replace(op, doel=d, meer=(), deel=i) for i, d in enumerate(op.meer, 2)),
            )
        ]
        doelen = {(op.volgnummer, op.deel): self._los_op(op) for op in operaties}
        self._doel_van = doelen
        for op in operaties:  # a target an earlier amendment on the same basis removed
            doel_id = doelen[(op.volgnummer, op.deel)]
            if doel_id is not None and doel_id not in self.reg.index:
                self._fout(
                    op,
                    f"{op.doel.tekst} bestaat in versie {self.w.basis}, maar niet meer in versie {self.huidig_id}, waarop deze "
                    "wijziging wordt toegepast",
                    f"laat deze wijziging voortbouwen op versie {self.huidig_id} ('basis: {self.huidig_id}') en pas de adressen daarop aan",
                )
        self.v.stop_bij_fouten(f"Wijziging {self.w.id} past niet op versie {self.w.basis}", WijzigingFout)
        volgorde = sorted(operaties, key=lambda op: self._sorteersleutel(op, doelen[(op.volgnummer, op.deel)]))
        stappen: list[Stap] = []
        huidig = self.reg
        for op in volgorde:
            doel_id = doelen[(op.volgnummer, op.deel)]
            if doel_id is not None and doel_id not in self.reg.index and op.actie not in METADATA_ACTIES:
                eerder = self.vervallen_door.get(doel_id)
                self._fout(
                    op,
                    f"{op.doel.tekst} is al vervallen door wijziging {eerder.volgnummer}"
                    if eerder
                    else f"{op.doel.tekst} bestaat niet meer",
                )
                continue
            stap = self._handler(op)(op, doel_id)
            if stap is not None:
                stappen.append(stap)
                self.reg = stap.na
        self._controleer_verwijzingen(huidig)
        self.v.stop_bij_fouten(f"Wijziging {self.w.id} past niet op versie {self.w.basis}", WijzigingFout)
        # References whose printed words changed with this amendment get an instruction too.
        stappen = verwijzingsgevolgen(huidig, stappen, self.reg)
        # The states between operations are kept for the wording of the besluit; their indexes
        # are rebuilt if that is rendered, instead of holding one per operation in memory.
        for stap in stappen:
            for toestand in (stap.voor, stap.na):
                if toestand is not self.reg and toestand is not stappen[0].voor:
                    toestand.zonder_index()
        return self.reg, stappen

    def _handler(self, op: Operatie) -> Callable[[Operatie, str | None], Stap | None]:
        return getattr(self, "_" + op.actie)

    def _fout(self, op: Operatie, tekst: str, hint: str | None = None) -> None:
        # Point at the target the drafter wrote when there is one, else at the operation.
        bron = op.doel.bron if op.doel is not None and op.doel.bron.regel else op.bron
        self.v.fout(tekst, bron, f"wijziging {op.volgnummer} ({op.positie if op.actie == BIJLAGE else op.actie})", hint)

    # -- resolving targets -------------------------------------------------------------------
    def _los_op(self, op: Operatie) -> str | None:
        doel = op.doel
        if op.actie in METADATA_ACTIES or doel is None:
            return None
        if doel.stappen == ():  # "de regeling"
            return None
        if doel.id is not None:
            if doel.id not in self.basis.index and doel.id not in self.reg.index:
                self._fout(op, f"onbekende id '{doel.id}' in versie {self.w.basis}")
                return None
            if (self.reg.index.get(doel.id) or self.basis.index[doel.id]).element.opsommingsteken:
                self._fout(
                    op,
                    f"'{doel.id}' is een onderdeel met een opsommingsteken; dat heeft geen adres in de zin van Ar 3.29",
                    "laat het element met de opsomming komen te luiden (komt_te_luiden), met letters (Ar 3.59)",
                )
                return None
            plek = self.reg.index.get(doel.id) or self.basis.index[doel.id]
            return doel.id if self._genoemd_met_kop(op, plek, ("hoofdstuk", "paragraaf")) else None
        plek = zoek(self.basis, doel.stappen)
        if plek is None:
            self._fout(op, f"{doel.tekst} bestaat niet in versie {self.w.basis}", self._wel_wat(doel.stappen))
            return None
        return plek.element.id if self._genoemd_met_kop(op, plek, {s for s, _ in doel.stappen}) else None

    def _genoemd_met_kop(self, op: Operatie, plek: Plek, soorten: Iterable[str]) -> bool:
        """A hoofdstuk or paragraaf the text prints without heading (`kop: geen`) has no address a
        reader can find: the besluit may not name it. False, with an error, when it would."""
        for e in (*plek.ouders, plek.element):
            if e.soort in soorten and e.soort in ("hoofdstuk", "paragraaf") and not e.kop_getoond:
                self._fout(
                    op,
                    f"{e.verwijzing} heeft geen kop in de tekst ('kop: geen'); een wijzigingsbesluit kan het niet noemen",
                    "wijzig de artikelen zelf (Na artikel 5 wordt een artikel ingevoegd, ...), of geef het hoofdstuk een kop",
                )
                return False
        return True

    def _wel_wat(self, stappen: tuple[tuple[str, str], ...]) -> str:
        """A hint naming what does exist near a missing address."""
        for n in range(len(stappen) - 1, 0, -1):
            plek = zoek(self.basis, stappen[:n])
            if plek is not None:
                kinderen = plek.element.kinderen
                if not kinderen:
                    return f"{plek.adres} heeft geen leden of onderdelen"
                if kinderen[0].opsommingsteken:
                    return (
                        f"de {kinderen[0].meervoud} van {plek.adres} zijn aangeduid met '{kinderen[0].nummer}', niet met letters (Ar 3.59); "
                        "laat het element met de opsomming komen te luiden"
                    )
                return f"{plek.adres} heeft {len(kinderen)} {kinderen[0].meervoud} ({kinderen[0].nummer} tot en met {kinderen[-1].nummer})"
        nummers = [a.nummer for a in self.basis.artikelen()]
        return (
            f"versie {self.w.basis} heeft de artikelen {nummers[0]} tot en met {nummers[-1]}"
            if nummers
            else "de regeling heeft geen artikelen"
        )

    def _sorteersleutel(self, op: Operatie, doel_id: str | None) -> tuple:
        """Where this change stands in the besluit: in the order of the regeling (Ar 6.15), both
        between the lettered onderdelen and among the sub-changes of one artikel (formaat.md §9).

        The key is (place of the onderdeel, rank, place within it, rank, position in the file).
        """
        if op.actie == BIJLAGE:  # the bijlagen follow the artikelen
            return ((len(self.reg.kinderen) + 1, ()), 0, (0, ()), 0, op.volgnummer)
        if op.actie in METADATA_ACTIES:
            return ((-1, ()), 0, (-1, ()), 0, op.volgnummer)
        if len(self.w.operaties) == 1 and not self.w.operaties[0].meer:  # nothing to sort
            return ((0, ()), 0, (0, ()), 0, op.volgnummer)
        positie = self.reg.index.positie  # (rank of the top-level element, path within it)
        einde = (len(self.reg.kinderen), ())
        if op.actie == "toevoegen":
            if doel_id is None:
                return (einde, 1, einde, 0, op.volgnummer)
            plek = self.reg.index[doel_id]
            laatste = positie(_laatste_afstammeling(plek.element).id)
            if op.nieuw is not None and op.nieuw.soort in ("artikel", "hoofdstuk", "paragraaf"):
                return (laatste, 1, laatste, 0, op.volgnummer)
            return (positie((plek.artikel or plek.element).id), 0, laatste, 1, op.volgnummer)
        if doel_id is None:
            return (einde, 2, einde, 0, op.volgnummer)
        plek = self.reg.index[doel_id]
        if op.actie == "invoegen" and plek.element.soort in ("artikel", "hoofdstuk", "paragraaf"):
            if op.positie == "na":  # after everything in the neighbour, its artikelen included
                laatste = positie(_laatste_afstammeling(plek.element).id)
                return (laatste, 1, laatste, 0, op.volgnummer)
            return (positie(doel_id), -1, positie(doel_id), 0, op.volgnummer)
        groep = plek.artikel or plek.element
        if op.actie == "invoegen":  # a lid or onderdeel: before its neighbour, or after it and its own list
            if op.positie == "na":
                return (positie(groep.id), 0, positie(_laatste_afstammeling(plek.element).id), 1, op.volgnummer)
            return (positie(groep.id), 0, positie(doel_id), -1, op.volgnummer)
        return (positie(groep.id), 0, positie(doel_id), 0, op.volgnummer)

    def _groep(self, plek: Plek) -> str:
        return (plek.artikel or plek.element).id

    def _stap(self, op: Operatie, groep: str | None, na: Regeling, element_id: str | None, raakt: set[str], **extra: object) -> Stap:
        return Stap(op, groep, self.reg, na, element_id, frozenset(raakt), **extra)  # type: ignore[arg-type]

    # -- whole elements ----------------------------------------------------------------------
    # -- sentences ("het vijfde lid, tweede zin", Ar 3.29 and the Ar 6.15 example) --------------
    def _zinspan(self, op: Operatie, plek: Plek) -> tuple[int, int] | None:
        """The span of the targeted sentence in the element's text, or None with an error."""
        tekst = plek.element.tekst or ""
        spannen = zinspannen(tekst)
        n = op.doel.zin
        if n > len(spannen):
            aantal = f"{len(spannen)} zin" if len(spannen) == 1 else f"{len(spannen)} zinnen"
            self._fout(
                op, f"{plek.adres} heeft geen {rangtelwoord(n)} zin", f'de tekst heeft {aantal}: "{_kort(los_op(tekst, self.reg, plek))}"'
            )
            return None
        return spannen[n - 1]

    def _zin_gewijzigd(self, op: Operatie, doel_id: str | None, vervallen: bool) -> Stap | None:
        plek = self.reg.index[doel_id]
        span = self._zinspan(op, plek)
        if span is None:
            return None
        tekst = plek.element.tekst or ""
        if vervallen:
            if len(zinspannen(tekst)) == 1:
                self._fout(op, f"{plek.adres} heeft maar één zin", "laat het element vervallen of laat het komen te luiden")
                return None
            nieuw = netjes(tekst[: span[0]] + tekst[span[1] :])
        else:
            nieuw = tekst[: span[0]] + (op.tekst or "") + tekst[span[1] :]
        na = vervang(self.reg, plek, plek.element.met(tekst=nieuw))
        return self._stap(op, self._groep(plek), na, plek.element.id, {plek.element.id})

    def _komt_te_luiden(self, op: Operatie, doel_id: str | None) -> Stap | None:
        if op.doel is not None and op.doel.zin is not None:
            return self._zin_gewijzigd(op, doel_id, vervallen=False)
        plek = self.reg.index[doel_id]
        oud = plek.element
        if op.nieuw is None or op.nieuw.soort != oud.soort:
            self._fout(op, f"{plek.adres} is een {oud.soort}; de nieuwe tekst moet ook een {oud.soort} zijn")
            return None
        bezet = self.bezet - ids_in(oud)
        nieuw = geef_ids(op.nieuw, oud.id, oud.nummer, bezet)
        nieuw = nieuw.met(
            opschrift=nieuw.opschrift or oud.opschrift,
            onderwerpen=nieuw.onderwerpen or oud.onderwerpen,
            bron=op.bron,
        )
        if oud.soort == "hoofdstuk" and not self._artikelnummers_in_orde(op, nieuw):
            return None
        self.bezet |= bezet
        for weg in ids_in(oud) - ids_in(nieuw):
            self.vervallen_door[weg] = op
        na = vervang(self.reg, plek, nieuw)
        return self._stap(op, self._groep(plek), na, oud.id, ids_in(oud) | ids_in(nieuw))

    def _artikelnummers_in_orde(self, op: Operatie, hoofdstuk: Element) -> bool:
        nummers = [e.nummer for e in hoofdstuk.kinderen if e.soort == "artikel"]
        if any(not n for n in nummers):
            self._fout(op, "artikelen in een nieuw hoofdstuk hebben een nummer", "voeg 'nummer:' toe aan elk artikel")
            return False
        return True

    def _invoegen(self, op: Operatie, doel_id: str | None) -> Stap | None:
        buur = self.reg.index[doel_id]
        ouder = self.reg.index[buur.ouder.id] if buur.ouder else None
        if op.nieuw is None or op.nieuw.soort != buur.element.soort:
            self._fout(op, f"naast {buur.adres} (een {buur.element.soort}) kan alleen een {buur.element.soort} worden ingevoegd")
            return None
        kinderen = list(kinderen_van(self.reg, ouder))
        positie = kinderen.index(buur.element)
        if op.positie == "na":
            # Several insertions after the same element keep the order of the file: 4a, 4b.
            eerder = self.ingevoegd_na.setdefault(buur.element.id, [])
            positie += 1 + sum(1 for k in kinderen[positie + 1 :] if k.id in eerder)
        return self._voeg_in(op, ouder, kinderen, positie, buur)

    def _toevoegen(self, op: Operatie, doel_id: str | None) -> Stap | None:
        ouder = self.reg.index[doel_id] if doel_id is not None else None
        bestaande = kinderen_van(self.reg, ouder)
        if op.soort is None and op.nieuw is not None and bestaande and op.nieuw.soort == "lid" and bestaande[0].soort == "onderdeel":
            # "toevoegen aan artikel 1" without 'soort': an artikel whose list is onderdelen gets one more.
            op = dataclasses.replace(op, nieuw=als_soort(op.nieuw, "onderdeel"))
        soort = op.nieuw.soort if op.nieuw else None
        toegestaan = ouder.element.kindsoorten if ouder else ("hoofdstuk", "artikel")
        if soort not in toegestaan:
            wat = ouder.adres if ouder else "de regeling"
            self._fout(op, f"aan {wat} kan geen {soort} worden toegevoegd", f"toegestaan: {', '.join(toegestaan) or 'niets'}")
            return None
        if bestaande and bestaande[0].soort != soort:
            self._fout(
                op,
                f"{ouder.adres if ouder else 'de regeling'} bevat {bestaande[0].meervoud}, geen {SOORTEN[soort].meervoud}",
                "kies 'soort' passend bij de bestaande indeling",
            )
            return None
        if ouder is not None and soort == "lid" and not bestaande:
            return self._eerste_lid_erbij(op, ouder)
        return self._voeg_in(op, ouder, list(bestaande), len(bestaande), None)

    def _voeg_in(self, op: Operatie, ouder: Plek | None, kinderen: list[Element], positie: int, buur: Plek | None) -> Stap | None:
        nieuw = op.nieuw
        assert nieuw is not None
        soort = nieuw.soort
        raakt: set[str] = set()
        extra: dict[str, object] = {}
        if nieuw.vast_nummer:
            nummer = self._vast_nummer(op, nieuw, kinderen, positie, ouder)
            if nummer is None:
                return None
            groep_override = None
        else:
            if self._opsomming_zonder_letters(op, kinderen):
                return None
            nummer = nieuw.nummer_op_positie(positie + 1)
            groep_override = self._groep(ouder) if ouder else None
            extra["hernummerd"] = tuple((k.nummer, k.nummer_op_positie(i + 2)) for i, k in enumerate(kinderen[positie:], start=positie))
            raakt |= {k.id for k in kinderen[positie:]}
        eigen_id = nieuw.id if not is_nieuw_id(nieuw.id) else vrij_id(self._afgeleid_id(nieuw, nummer, ouder), self.bezet)
        if not is_nieuw_id(nieuw.id) and nieuw.id in self.bezet:
            self._fout(
                op, f"id '{nieuw.id}' is al in gebruik of was dat in een eerdere versie", "ids worden nooit hergebruikt; kies een nieuwe id"
            )
            return None
        element = geef_ids(nieuw, eigen_id, nummer, self.bezet).met(bron=op.bron)
        if soort in ("hoofdstuk", "paragraaf"):
            vorige = kinderen[positie - 1] if positie > 0 else None
            element = self._nummer_artikelen(op, element, vorige)
            if element is None:
                return None
        voegwoord = _voegwoord(kinderen) if soort in ("onderdeel", "subonderdeel") else None
        kinderen.insert(positie, element)
        if voegwoord:
            raakt |= self._slottekens(kinderen, voegwoord, element, extra)
        elif soort in ("onderdeel", "subonderdeel") and positie == len(kinderen) - 1 and positie > 0:
            vorige = kinderen[positie - 1]
            aangepast = _zet_slotleesteken(vorige, ";")
            if aangepast is not vorige:
                kinderen[positie - 1] = aangepast
                extra["leesteken"] = vorige.nummer
                raakt.add(vorige.id)
        na = zet_kinderen(self.reg, ouder, kinderen)
        if buur is not None and op.positie == "na":
            self.ingevoegd_na.setdefault(buur.element.id, []).append(element.id)
        if soort == "artikel":
            self.artikelnummers.add(nummer)
        raakt |= ids_in(element)
        groep = groep_override if groep_override else element.id
        return self._stap(op, groep, na, element.id, raakt, **extra)

    def _slottekens(self, kinderen: list[Element], voegwoord: str, nieuw: Element | None, extra: dict[str, object]) -> set[str]:
        """Ar 6.18 for a list joined by "; of" / "; en": after an insertion, addition or deletion
        every item but the last two ends with ";", the one before the last with "; of", the last
        with "."; the changed endings of existing items are recorded for the besluit (in the
        numbering before the change). Returns the ids of the items changed."""
        gewijzigd: set[str] = set()
        wijzigingen: list[tuple[str, str, str]] = []
        for i, kind in enumerate(kinderen):
            gewenst = "." if i == len(kinderen) - 1 else (f"; {voegwoord}" if i == len(kinderen) - 2 else ";")
            aangepast = _zet_slotleesteken(kind, gewenst)
            if aangepast is kind:
                continue
            if kind is not nieuw:
                wijzigingen.append((kind.nummer, _slot(kind), gewenst))
                gewijzigd.add(kind.id)
            kinderen[i] = aangepast
        extra["slotwijzigingen"] = tuple(wijzigingen)
        return gewijzigd

    def _nummer_artikelen(self, op: Operatie, element: Element, vorige_buur: Element | None) -> Element | None:
        """Artikelen in a new hoofdstuk continue the numbering with letter suffixes (Ar 6.16):
        after artikel 3 come 3a, 3b; at the end of the regeling the next whole numbers."""
        if vorige_buur is not None:
            vorige = (
                vorige_in_documentvolgorde(self.reg, "artikel", vorige_buur.id)
                if not _artikelen(vorige_buur)
                else _artikelen(vorige_buur)[-1]
            )
            volgende = volgende_in_documentvolgorde(self.reg, "artikel", vorige_buur.id)
        else:
            vorige, volgende = None, next(self.reg.artikelen(), None)
        vorig_nummer = vorige.nummer if vorige else None
        nieuwe_kinderen = []
        for kind in element.kinderen:
            if kind.soort == "paragraaf":
                kind = self._nummer_artikelen(op, kind, vorige_buur)
                if kind is None:
                    return None
            elif kind.soort == "artikel" and not kind.nummer:
                nummer = nummer_na(vorig_nummer, volgende.nummer if volgende else None) if vorig_nummer else None
                while nummer is not None and nummer in self.artikelnummers:
                    nummer = nummer_na(nummer, volgende.nummer if volgende else None)
                if nummer is None:
                    self._fout(
                        op, "geen vrij artikelnummer voor de artikelen van het nieuwe hoofdstuk", "geef de artikelen een nummer (Ar 6.16)"
                    )
                    return None
                self.artikelnummers.add(nummer)
                kind = kind.met(
                    nummer=nummer, id=kind.id if not kind.id.startswith(f"{element.id}.") else vrij_id(f"artikel-{nummer}", self.bezet)
                )
                self.bezet.add(kind.id)
            if kind.soort == "artikel":
                vorig_nummer = kind.nummer
            nieuwe_kinderen.append(kind)
        return element.met(kinderen=tuple(nieuwe_kinderen))

    def _afgeleid_id(self, nieuw: Element, nummer: str, ouder: Plek | None) -> str:
        if nieuw.soort in ("artikel", "hoofdstuk", "paragraaf"):
            return f"{nieuw.soort}-{nummer.lower()}"
        return f"{ouder.element.id}.{nummer}" if ouder else nummer

    def _vast_nummer(self, op: Operatie, nieuw: Element, kinderen: list[Element], positie: int, ouder: Plek | None) -> str | None:
        """Ar 6.16: an inserted artikel or hoofdstuk gets a letter suffix; existing numbers stay."""
        soort = nieuw.soort
        hoofdletter = soort != "artikel"
        if soort == "artikel" and positie > 0 and kinderen[positie - 1].soort != "artikel" and ouder is not None:
            # Loose artikelen stand before the paragrafen of a hoofdstuk (formaat.md, hoofdstuk 4).
            laatste = kinderen[positie - 1]
            self._fout(
                op,
                f"{ouder.adres} is ingedeeld in paragrafen; een artikel na {laatste.verwijzing} zou bij geen paragraaf horen",
                f"voeg het artikel toe aan de paragraaf ('aan: {Plek(laatste, (*ouder.ouders, ouder.element)).adres}')",
            )
            return None
        if soort == "artikel":
            # Artikel numbers run through the whole regeling, across hoofdstukken.
            if positie > 0:
                vorige = kinderen[positie - 1]
                volgende_el = volgende_in_documentvolgorde(self.reg, "artikel", vorige.id)
            else:
                volgende_el = (
                    kinderen[0] if kinderen else (volgende_in_documentvolgorde(self.reg, "artikel", ouder.element.id) if ouder else None)
                )
                vorige = vorige_in_documentvolgorde(self.reg, "artikel", volgende_el.id) if volgende_el else None
                if vorige is None and ouder is not None and not kinderen:
                    vorige = vorige_in_documentvolgorde(self.reg, "artikel", ouder.element.id)
        else:
            # Only the siblings of its own kind count: a hoofdstuk may hold loose artikelen before its paragrafen.
            vorige = next((k for k in reversed(kinderen[:positie]) if k.soort == soort), None)
            volgende_el = next((k for k in kinderen[positie:] if k.soort == soort), None)
        volgende = volgende_el.nummer if volgende_el else None
        gebruikt = self.artikelnummers if soort == "artikel" else {k.nummer for k in kinderen if k.soort == soort}
        letters = soort == "paragraaf" and met_letters(sorted(gebruikt))  # "Paragraaf B": the next one is C
        if nieuw.nummer:
            gegeven = nieuw.nummer
            laag = sorteersleutel(vorige.nummer, hoofdletter, letters) if vorige else None
            hoog = sorteersleutel(volgende, hoofdletter, letters) if volgende else None
            eigen = sorteersleutel(gegeven, hoofdletter, letters)
            if eigen is None or (laag and not laag < eigen) or (hoog and not eigen < hoog) or gegeven in gebruikt:
                self._fout(
                    op,
                    f"nummer {gegeven} past niet op deze plaats of is al gebruikt",
                    f"tussen {vorige.nummer if vorige else 'het begin'} en {volgende or 'het eind'}; laat 'nummer' weg om het te laten berekenen (Ar 6.16)",
                )
                return None
            return gegeven
        if vorige is None and soort == "artikel" and volgende is not None and splits_nummer(volgende) is not None:
            # Before the first artikel: "a1", "b1" (Ar 6.16, toelichting); existing numbers stay.
            for letter in "abcdefghijklmnopqrstuvwxyz":
                if f"{letter}{volgende}" not in gebruikt:
                    return f"{letter}{volgende}"
        if vorige is None:
            self._fout(
                op,
                f"vóór het eerste {soort} kan geen {soort} worden ingevoegd zonder bestaande nummers te wijzigen",
                "voeg het in na een bestaand element (Ar 6.16)",
            )
            return None
        kandidaat = nummer_na(vorige.nummer, volgende, hoofdletter, letters)
        while kandidaat is not None and kandidaat in gebruikt:  # a vervallen number is not given again
            kandidaat = nummer_na(kandidaat, volgende, hoofdletter, letters)
        if kandidaat is None:
            self._fout(
                op,
                f"tussen {soort} {vorige.nummer} en {soort} {volgende} is geen nummer vrij",
                f"Ar 6.16: voeg in na {soort} {volgende} of geef een nummer op",
            )
        return kandidaat

    def _eerste_lid_erbij(self, op: Operatie, ouder: Plek) -> Stap | None:
        """Ar 6.18: an artikel without leden gets "1." before its text, then a second lid."""
        artikel = ouder.element
        # The old text becomes lid 1; its onderdelen keep their ids.
        bestaand = Lid(
            id=vrij_id(f"{artikel.id}.1", self.bezet),
            nummer="1",
            tekst=artikel.tekst,
            kinderen=artikel.kinderen,
            slottekst=artikel.slottekst,
            bron=artikel.bron,
        )
        self.bezet.add(bestaand.id)
        nieuw = geef_ids(op.nieuw, vrij_id(f"{artikel.id}.2", self.bezet), "2", self.bezet).met(bron=op.bron)
        na = vervang(self.reg, ouder, artikel.met(tekst=None, slottekst=None, kinderen=(bestaand, nieuw)))
        return self._stap(op, artikel.id, na, nieuw.id, {artikel.id, bestaand.id, *ids_in(nieuw)}, aanduiding="geplaatst")

    def _opsomming_zonder_letters(self, op: Operatie, kinderen: list[Element]) -> bool:
        """True (and reported) for a list marked "•" or "-": inserting or removing an item would
        call for a renumbering the list does not have (Ar 6.18 speaks of letters)."""
        teken = next((k.nummer for k in kinderen if k.opsommingsteken), None)
        if teken is None:
            return False
        self._fout(
            op,
            f"de opsomming is aangeduid met '{teken}', niet met letters; een onderdeel invoegen of laten vervallen vraagt een verlettering die zij niet heeft",
            "laat het element met de opsomming komen te luiden (komt_te_luiden), met letters (Ar 3.59)",
        )
        return True

    def _vervalt(self, op: Operatie, doel_id: str | None) -> Stap | None:
        if op.doel is not None and op.doel.zin is not None:
            return self._zin_gewijzigd(op, doel_id, vervallen=True)
        plek = self.reg.index[doel_id]
        element = plek.element
        ouder = self.reg.index[plek.ouder.id] if plek.ouder else None
        kinderen = list(kinderen_van(self.reg, ouder))
        positie = kinderen.index(element)
        del kinderen[positie]
        raakt = ids_in(element)
        for weg in raakt:
            self.vervallen_door[weg] = op
        extra: dict[str, object] = {}
        if not element.vast_nummer and self._opsomming_zonder_letters(op, kinderen + [element]):
            return None
        if not element.vast_nummer:
            extra["hernummerd"] = tuple((k.nummer, k.nummer_op_positie(i + 1)) for i, k in enumerate(kinderen[positie:], start=positie))
            raakt |= {k.id for k in kinderen[positie:]}
            voegwoord = (
                _voegwoord([*kinderen[:positie], element, *kinderen[positie:]]) if element.soort in ("onderdeel", "subonderdeel") else None
            )
            if voegwoord and kinderen:
                raakt |= self._slottekens(kinderen, voegwoord, None, extra)
            elif element.soort in ("onderdeel", "subonderdeel") and positie == len(kinderen) and kinderen:
                laatste = kinderen[-1]
                aangepast = _zet_slotleesteken(laatste, ".")
                if aangepast is not laatste:
                    kinderen[-1] = aangepast
                    extra["leesteken"] = laatste.nummer
                    raakt.add(laatste.id)
        if ouder is None and not kinderen:
            self._fout(
                op,
                "de regeling houdt geen hoofdstukken over",
                "een regeling die geheel vervalt, wordt ingetrokken (betreft: intrekking), niet leeggemaakt",
            )
            return None
        if ouder is not None and not kinderen and ouder.element.soort in ("hoofdstuk", "paragraaf"):
            self._fout(op, f"{ouder.adres} houdt geen artikelen over", f"laat {ouder.adres} zelf vervallen")
            return None
        if (
            ouder is not None
            and not kinderen
            and ouder.element.soort in ("lid", "onderdeel")
            or (ouder is not None and not kinderen and ouder.element.soort == "artikel" and not ouder.element.tekst)
        ):
            self._fout(op, f"{ouder.adres} houdt geen tekst over", f"laat {ouder.adres} zelf vervallen of laat het komen te luiden")
            return None
        if ouder is not None and element.soort == "lid" and len(kinderen) == 1:
            # Ar: an artikel with one lid is not numbered; the remaining lid loses "1.".
            enige = kinderen[0]
            artikel = ouder.element.met(tekst=enige.tekst, slottekst=enige.slottekst, kinderen=enige.kinderen)
            na = vervang(self.reg, ouder, artikel)
            self.vervallen_door[enige.id] = op
            return self._stap(op, self._groep(plek), na, element.id, raakt | {enige.id, ouder.element.id}, aanduiding="vervallen", **extra)
        na = zet_kinderen(self.reg, ouder, kinderen)
        return self._stap(op, self._groep(plek), na, element.id, raakt, **extra)

    # -- words -------------------------------------------------------------------------------
    def _woorden(self, op: Operatie, doel_id: str | None, woorden: str, nieuw: Callable[[str], str]) -> Stap | None:
        plek = self.reg.index[doel_id]
        element = plek.element
        velden = {veld: getattr(element, veld) for veld in ("tekst", "slottekst", "opschrift") if getattr(element, veld)}
        if op.actie != "opschrift":
            velden.pop("opschrift", None)
        per_veld = {veld: woordtreffers(woorden, tekst) for veld, tekst in velden.items()}
        if op.doel is not None and op.doel.zin is not None:  # only the words in that sentence
            span = self._zinspan(op, plek)
            if span is None:
                return None
            per_veld = {"tekst": [t for t in per_veld.get("tekst", []) if span[0] <= t[0] and t[1] <= span[1]]}
            velden = {"tekst": velden.get("tekst", "")}
        treffers = [(velden[veld], t) for veld, lijst in per_veld.items() for t in lijst]
        if not treffers:
            weergave = " / ".join(los_op(t, self.reg, plek) for t in velden.values()) or "(geen tekst)"
            in_weergave = any(woordtreffers(woorden, los_op(t, self.reg, plek)) for t in velden.values())
            basisplek = self.basis.index.get(element.id)
            in_basis = basisplek is not None and any(woordtreffers(woorden, t) for t in basisplek.element.teksten())
            if in_basis and self.huidig_id != self.w.basis:
                # The drafter read the basis; an earlier amendment on the same basis changed these words.
                self._fout(
                    op,
                    f'de woorden "{woorden}" staan in {_komma(basisplek.adres)} van versie {self.w.basis}, maar niet meer in versie '
                    f'{self.huidig_id}, waarop deze wijziging wordt toegepast; daar luidt de tekst: "{_kort(weergave)}"',
                    f"laat deze wijziging voortbouwen op versie {self.huidig_id} ('basis: {self.huidig_id}') en pas de woorden daarop aan",
                )
                return None
            hint = (
                "deze woorden bevatten een verwijzing; verwijzingen worden als [[id]] geschreven en volgen de nummering vanzelf"
                if in_weergave
                else f'de tekst in versie {self.huidig_id} luidt: "{_kort(weergave)}"'
            )
            self._fout(op, f'de woorden "{woorden}" komen niet voor in {plek.adres}', hint)
            return None
        if len(treffers) > 1 and not op.telkens:
            plaatsen = "; ".join(_context(tekst, *t) for tekst, t in treffers)
            self._fout(
                op,
                f'de woorden "{woorden}" komen {len(treffers)} keer voor in {plek.adres}: {plaatsen}',
                "maak de aangehaalde woorden langer zodat ze één keer voorkomen, of zet 'telkens: true'",
            )
            return None
        gewijzigd = {veld: netjes(vervang_treffers(tekst, per_veld[veld], nieuw)) for veld, tekst in velden.items()}
        for veld, tekst in gewijzigd.items():
            if not tekst:
                self._fout(op, f"na deze wijziging is de {veld} van {plek.adres} leeg", "laat het element vervallen")
                return None
        na = vervang(self.reg, plek, element.met(**gewijzigd))
        return self._stap(op, self._groep(plek), na, element.id, {element.id})

    def _vervangen(self, op: Operatie, doel_id: str | None) -> Stap | None:
        return self._woorden(op, doel_id, op.wat, lambda gevonden: op.door)

    def _woorden_vervallen(self, op: Operatie, doel_id: str | None) -> Stap | None:
        return self._woorden(op, doel_id, op.wat, lambda gevonden: "")

    def _woorden_invoegen(self, op: Operatie, doel_id: str | None) -> Stap | None:
        tekst = op.tekst or ""
        if op.positie == "na":
            scheiding = "" if tekst[:1] in ",.;:)" else " "
            return self._woorden(op, doel_id, op.wat, lambda gevonden: gevonden + scheiding + tekst)
        return self._woorden(op, doel_id, op.wat, lambda gevonden: tekst + ("" if tekst[-1:] in "(" else " ") + gevonden)

    def _woorden_toevoegen(self, op: Operatie, doel_id: str | None) -> Stap | None:
        plek = self.reg.index[doel_id]
        element = plek.element
        veld = "slottekst" if element.slottekst else "tekst"
        oud = getattr(element, veld)
        if not oud:
            self._fout(
                op, f"{plek.adres} heeft geen eigen tekst om woorden aan toe te voegen", "voeg de woorden toe aan een lid of onderdeel"
            )
            return None
        tekst = op.tekst or ""
        scheiding = "" if tekst[:1] in ",.;:)" else " "
        begin, eind = 0, len(oud)
        if op.doel is not None and op.doel.zin is not None:  # at the end of that sentence
            veld, oud = "tekst", element.tekst or ""
            span = self._zinspan(op, plek)
            if span is None:
                return None
            begin, eind = span
        zin = oud[begin:eind]
        m = LEESTEKEN_AAN_SLOT.search(zin)
        zin = zin[: m.start()] + scheiding + tekst + m[0] if m else zin + scheiding + tekst
        nieuw = oud[:begin] + zin + oud[eind:]
        na = vervang(self.reg, plek, element.met(**{veld: netjes(nieuw)}))
        return self._stap(op, self._groep(plek), na, element.id, {element.id})

    def _opschrift(self, op: Operatie, doel_id: str | None) -> Stap | None:
        plek = self.reg.index[doel_id]
        if not plek.element.heeft_opschrift:
            self._fout(op, f"{plek.adres} heeft geen opschrift", "alleen artikelen, paragrafen en hoofdstukken hebben een opschrift")
            return None
        if not plek.element.kop_getoond:
            self._fout(
                op,
                f"{plek.adres} wordt zonder kop afgedrukt ('kop: geen'); een opschrift zou nergens staan",
                "laat het artikel komen te luiden met een kop, of geef het in regeling.yaml een kop",
            )
            return None
        na = vervang(self.reg, plek, plek.element.met(opschrift=op.tekst))
        return self._stap(op, self._groep(plek), na, plek.element.id, {plek.element.id})

    # -- metadata ----------------------------------------------------------------------------
    def _toetreding(self, op: Operatie, doel_id: str | None) -> Stap | None:
        d = op.deelnemer
        bestaand = self.reg.zoek_deelnemer(d.id)
        if bestaand is not None and bestaand.tot is None:
            self._fout(op, f"{bestaand.naam} is al deelnemer (sinds {bestaand.sinds:%d-%m-%Y})")
            return None
        nieuw = dataclasses.replace(d, sinds=self.w.terugwerkende_kracht or self.w.inwerkingtreding, tot=None)
        deelnemers = tuple(x for x in self.reg.deelnemers if x.id != d.id) + (nieuw,)
        return self._stap(op, None, self.reg.met(deelnemers=deelnemers), None, {f"deelnemer:{d.id}"})

    def _uittreding(self, op: Operatie, doel_id: str | None) -> Stap | None:
        d = self.reg.zoek_deelnemer(op.deelnemer_id)
        if d is None or d.tot is not None:
            actief = [x.id for x in self.reg.deelnemers if x.tot is None]
            self._fout(op, f"'{op.deelnemer_id}' is geen deelnemer", f"deelnemers: {', '.join(actief)}")
            return None
        if d.id in (self.reg.centrumgemeente, self.reg.publicerende_gemeente):
            self._fout(
                op,
                f"{d.naam} is centrumgemeente of publicerende gemeente en kan niet zonder meer uittreden",
                "wijs eerst een andere gemeente aan",
            )
            return None
        tot = op.datum or self.w.inwerkingtreding  # `tot`: the uittreding may take effect apart from the text
        if tot <= d.sinds:
            self._fout(op, f"'tot' ({tot:%d-%m-%Y}) ligt niet na de eerste dag van deelname van {d.naam} ({d.sinds:%d-%m-%Y})")
            return None
        deelnemers = tuple(dataclasses.replace(x, tot=tot) if x.id == d.id else x for x in self.reg.deelnemers)
        return self._stap(op, None, self.reg.met(deelnemers=deelnemers), None, {f"deelnemer:{d.id}"})

    def _herindeling(self, op: Operatie, doel_id: str | None) -> Stap | None:
        """Wet arhi art. 41: the gemeente named in the herindelingsregeling takes the place of the
        abolished ones from the date of herindeling (third lid); the deelnemers bring the text in
        line within six months (fourth lid); the old names are replaced in every text the other
        operations of this amendment leave alone. A merger of all deelnemers ends the regeling
        by law (first lid)."""
        datum = op.datum
        actief = {x.id: x for x in self.reg.deelnemers if x.tot is None}
        fouten = False
        opgeheven = []
        for i in op.opgeheven:
            d = actief.get(i)
            if d is None or not d.is_gemeente:
                self._fout(
                    op,
                    f"'{i}' is geen deelnemende gemeente",
                    f"deelnemende gemeenten: {', '.join(x for x in actief if actief[x].is_gemeente)}",
                )
                fouten = True
            else:
                opgeheven.append(d)
        if op.deelnemer_id is not None:  # lichte samenvoeging: an existing deelnemer absorbs the others
            nieuw = actief.get(op.deelnemer_id)
            if nieuw is None or not nieuw.is_gemeente or nieuw.id in op.opgeheven:
                self._fout(
                    op,
                    f"'{op.deelnemer_id}' is geen andere deelnemende gemeente",
                    "noem onder 'nieuw' een deelnemende gemeente of een nieuwe gemeente (id, naam)",
                )
                return None
        else:
            if op.deelnemer.id in {x.id for x in self.reg.deelnemers}:
                self._fout(op, f"'{op.deelnemer.id}' is al een deelnemer", "geef de nieuwe gemeente een eigen id, of schrijf 'nieuw: <id>'")
                return None
            nieuw = op.deelnemer
        if fouten or not opgeheven:
            return None
        if self.w.inwerkingtreding < datum and (self.w.terugwerkende_kracht is None or self.w.terugwerkende_kracht > datum):
            self._fout(
                op,
                f"de wijziging treedt in werking ({self.w.inwerkingtreding:%d-%m-%Y}) vóór de herindeling ({datum:%d-%m-%Y})",
                "de tekst wordt na de herindeling in overeenstemming gebracht (artikel 41, vierde lid, van de Wet algemene regels herindeling)",
            )
            return None
        overblijvend = set(actief) - set(op.opgeheven) - {nieuw.id}
        if not overblijvend:
            self._fout(
                op,
                f"alle deelnemers gaan op in {nieuw.naam}: de regeling vervalt van rechtswege op {datum:%d-%m-%Y} "
                "(artikel 41, eerste lid, van de Wet algemene regels herindeling)",
                "leg het vervallen vast met een wijziging met 'betreft: intrekking', niet met een herindeling",
            )
            return None
        if op.deelnemer_id is None:
            organen = nieuw.organen
            if op.organen_overnemen:
                samen = {o for d in opgeheven for o in d.organen}
                organen = tuple(o for o in ORGANEN if o in samen)
            nieuw = dataclasses.replace(
                nieuw, sinds=datum, tot=None, organen=organen, bestuursorgaan=organen[0], toestemmingsorgaan=toestemmingsorgaan(organen)
            )
        deelnemers = tuple(
            dataclasses.replace(x, tot=datum, opgegaan_in=nieuw.id) if x.id in op.opgeheven else x for x in self.reg.deelnemers
        ) + (() if op.deelnemer_id else (nieuw,))
        vervang_id = {d.id: nieuw.id for d in opgeheven}
        regeling = self.reg.met(
            deelnemers=deelnemers,
            publicerende_gemeente=vervang_id.get(self.reg.publicerende_gemeente, self.reg.publicerende_gemeente),
            centrumgemeente=vervang_id.get(self.reg.centrumgemeente or "", self.reg.centrumgemeente),
        )
        raakt = {f"deelnemer:{d.id}" for d in opgeheven} | {f"deelnemer:{nieuw.id}"}
        vervangingen: list[tuple[str, str, str]] = []
        if op.namen:
            regeling, vervangingen = self._vervang_namen(op, regeling, [d.naam for d in opgeheven], nieuw.naam)
            if regeling is None:
                return None
        raakt |= {e for e, _, _ in vervangingen}
        return self._stap(op, None, regeling, None, raakt, namen=tuple(vervangingen))

    def _vervang_namen(
        self, op: Operatie, regeling: Regeling, oud: list[str], nieuw: str
    ) -> tuple[Regeling | None, list[tuple[str, str, str]]]:
        """Replace each old name by the new one in every text this amendment does not rewrite otherwise."""
        elders = {d for (nummer, _), d in self._doel_van.items() if nummer != op.volgnummer and d}
        vervangingen: list[tuple[str, str, str]] = []
        for plek in list(regeling.elementen()):
            if any(e.id in elders for e in (*plek.ouders, plek.element)):
                continue
            element = plek.element
            velden = {veld: getattr(element, veld) for veld in ("tekst", "slottekst") if getattr(element, veld)}
            genoemd = [n for n in oud if any(woordtreffers(n, t) for t in velden.values())]
            if not genoemd:
                continue
            if len(genoemd) > 1:
                self._fout(
                    op,
                    f"{_komma(plek.adres)} noemt {' en '.join(genoemd)}; de namen kunnen daar niet elk door {nieuw} worden vervangen",
                    f"herschrijf {_komma(plek.adres)} in deze wijziging zelf (bijv. komt_te_luiden); dan laat de herindeling het met rust",
                )
                return None, []
            naam = genoemd[0]
            gewijzigd = {veld: netjes(vervang_treffers(t, woordtreffers(naam, t), lambda _g: nieuw)) for veld, t in velden.items()}
            regeling = vervang(regeling, regeling.index[element.id], element.met(**gewijzigd))
            vervangingen.append((element.id, naam, nieuw))
        return regeling, vervangingen

    def _bijlage(self, op: Operatie, doel_id: str | None) -> Stap | None:
        """A bijlage replaced (it keeps its id and number), removed, or added after the last."""
        bijlagen = list(self.reg.bijlagen)
        if op.positie == "toevoegen":
            nieuw = op.bijlage
            assert nieuw is not None
            nummers = [b.nummer for b in bijlagen]
            if bijlagen and None in nummers:
                self._fout(
                    op,
                    "de regeling heeft één bijlage zonder nummer; een tweede bijlage vraagt nummers",
                    "laat de bestaande bijlage eerst komen te luiden met 'nummer: 1'",
                )
                return None
            # The next number after the highest, counting those this amendment removes: as with
            # artikelen (Ar 6.16), a number that went is not given again.
            gehad = [*bijlagen, *self.basis.bijlagen]
            nummer = nieuw.nummer or (str(max(int(re.match(r"[0-9]*", b.nummer or "")[0] or 0) for b in gehad) + 1) if bijlagen else None)
            genoemd = re.match(r"bijlage\s+([0-9]+[a-z]?)\b", nieuw.opschrift or "", re.IGNORECASE)
            if genoemd and genoemd[1] != nummer:
                self._fout(
                    op,
                    f"het opschrift noemt bijlage {genoemd[1]}, maar de nieuwe bijlage krijgt nummer {nummer or '(geen)'}",
                    f"schrijf 'Bijlage {nummer}' in het opschrift" if nummer else "laat het nummer uit het opschrift",
                )
                return None
            if nummer in nummers:
                self._fout(op, f"bijlage {nummer} bestaat al", "laat 'nummer' weg: grgen nummert een toegevoegde bijlage door")
                return None
            bijlage_id = nieuw.id or f"bijlage-{nummer or 1}"
            if bijlage_id in self.reg.index or bijlage_id in self.bezet or any(b.id == bijlage_id for b in bijlagen):
                self._fout(op, f"id '{bijlage_id}' is al in gebruik", "geef de nieuwe bijlage een eigen id")
                return None
            nieuw = dataclasses.replace(nieuw, id=bijlage_id, nummer=nummer)
            return self._stap(op, None, self.reg.met(bijlagen=(*bijlagen, nieuw)), None, {bijlage_id})
        oud = self.reg.bijlage(op.bijlage_doel or None)
        if oud is None:
            bestaand = ", ".join(b.verwijzing for b in bijlagen)
            wat = f"bijlage {op.bijlage_doel}" if op.bijlage_doel else "de bijlage (zonder nummer)"
            self._fout(
                op,
                f"{wat} bestaat niet in versie {self.huidig_id}",
                f"de regeling heeft als bijlagen: {bestaand}" if bestaand else "de regeling heeft geen bijlagen",
            )
            return None
        if op.bijlage is not None and op.bijlage.id and op.bijlage.id != oud.id:
            self._fout(op, f"{oud.verwijzing} houdt haar id '{oud.id}'; 'nieuw' noemt '{op.bijlage.id}'", "laat 'id' weg onder 'nieuw'")
            return None
        i = bijlagen.index(oud)
        if op.positie == "vervalt":
            del bijlagen[i]
        else:
            assert op.bijlage is not None
            bijlagen[i] = dataclasses.replace(op.bijlage, id=oud.id, nummer=oud.nummer if op.bijlage.nummer is None else op.bijlage.nummer)
        return self._stap(op, None, self.reg.met(bijlagen=tuple(bijlagen)), None, {oud.id})

    def _citeertitel(self, op: Operatie, doel_id: str | None) -> Stap | None:
        return self._stap(op, None, self.reg.met(citeertitel=op.tekst), None, {"citeertitel"})

    # -- consistency -------------------------------------------------------------------------
    def _controleer_verwijzingen(self, huidig: Regeling) -> None:
        """A reference to an element this amendment removes is an error naming both places.

        Only the top-level elements this amendment changed can hold a new wrong reference, and
        an unchanged one only if it refers to an id that vanished; the cached reference sets
        (`Element.verwijzingen_in`) tell which to walk.
        """
        weg = {i for i in self.vervallen_door if i not in self.reg.index}
        ongewijzigd = {id(k) for k in huidig.kinderen}  # the top-level elements this amendment left alone
        tops = [k for k in self.reg.kinderen if id(k) not in ongewijzigd or (weg and weg & k.verwijzingen_in)]
        for plek, doel in onbekende_verwijzingen(self.reg, tops):
            op = self.vervallen_door.get(doel)
            if op is None:
                self.v.fout(f"verwijzing naar onbekende id '{doel}'", plek.element.bron, plek.adres)
                continue
            oude_plek = self.basis.index.get(doel)
            wat = oude_plek.adres if oude_plek else doel
            # Name the referring element as the drafter knows it: in the basis numbering.
            verwijzer = self.basis.index[plek.element.id].adres if plek.element.id in self.basis.index else plek.adres
            self.v.fout(
                f"verwijst naar {wat}, dat door wijziging {op.volgnummer} ({op.bron}) vervalt",
                plek.element.bron,
                verwijzer,
                "pas ook de verwijzing aan, of laat het element niet vervallen",
            )


def _komma(adres: str) -> str:
    """An address inside a sentence is closed by a comma when it has commas itself (Ar 3.29)."""
    return adres + "," if "," in adres else adres


def als_soort(element: Element, soort: str) -> Element:
    """The same text as another kind one level down the list: a lid as an onderdeel (its
    onderdelen becoming subonderdelen)."""
    lager = {"onderdeel": "subonderdeel"}
    kinderen = tuple(als_soort(k, lager[soort]) for k in element.kinderen) if soort in lager else element.kinderen
    velden = {f.name: getattr(element, f.name) for f in dataclasses.fields(element)}
    return SOORTEN[soort](**{**velden, "kinderen": kinderen})


def _laatste_afstammeling(element: Element) -> Element:
    """The last element of a subtree in document order (itself when it has no children)."""
    while element.kinderen:
        element = element.kinderen[-1]
    return element


def _artikelen(element: Element) -> list[Element]:
    if element.soort == "artikel":
        return [element]
    return [a for k in element.kinderen for a in _artikelen(k)]


def _context(tekst: str, begin: int, eind: int, woorden: int = 4) -> str:
    """An occurrence with a few whole words around it, the words themselves marked: «…»."""
    voor = tekst[:begin].split(" ")
    na = tekst[eind:].split(" ")
    links = " ".join(voor[-woorden - 1 :]) if len(voor) > woorden else tekst[:begin]
    rechts = " ".join(na[: woorden + 1]) if len(na) > woorden else tekst[eind:]
    return f"{'…' if len(voor) > woorden else ''}{links}«{tekst[begin:eind]}»{rechts}{'…' if len(na) > woorden + 1 else ''}"


def _kort(tekst: str, lengte: int = 160) -> str:
    return tekst if len(tekst) <= lengte else tekst[: lengte - 1] + "…"


def _zet_slotleesteken(element: Element, teken: str) -> Element:
    """The element with the punctuation at the very end of its text set to `teken` (";" or ".")."""
    if element.slottekst:
        nieuw = _vervang_slot(element.slottekst, teken)
        return element if nieuw == element.slottekst else element.met(slottekst=nieuw)
    if element.kinderen:
        laatste = element.kinderen[-1]
        aangepast = _zet_slotleesteken(laatste, teken)
        return element if aangepast is laatste else element.met(kinderen=(*element.kinderen[:-1], aangepast))
    if element.tekst:
        nieuw = _vervang_slot(element.tekst, teken)
        return element if nieuw == element.tekst else element.met(tekst=nieuw)
    return element


_SLOT = re.compile(r"(;\s+(?:of|en)|[.;])$")


def _vervang_slot(tekst: str, teken: str) -> str:
    """The text with its closing mark ("." ";" "; of" "; en") replaced by `teken`."""
    m = _SLOT.search(tekst)
    return tekst[: m.start()] + teken if m else tekst


def _slot(element: Element) -> str:
    """The closing mark of an element's last text: ".", ";", "; of", "; en" or ""."""
    while not element.slottekst and element.kinderen:
        element = element.kinderen[-1]
    m = _SLOT.search(element.slottekst or element.tekst or "")
    return " ".join(m[0].split()) if m else ""


def _voegwoord(kinderen: list[Element]) -> str | None:
    """ "of" or "en" when the item before the last of a list ends in "; of" / "; en"."""
    if len(kinderen) < 2:
        return None
    slot = _slot(kinderen[-2])
    return slot[2:] if slot in ("; of", "; en") else None
