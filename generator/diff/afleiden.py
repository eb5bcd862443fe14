"""Derive an amendment from an edited text: basis version + edited version -> operations.

Pure. The drafter edits the text itself (`grgen ontwerp`, then Word); this module finds the
operations, in the forms a drafter would write (Ar 6.9-6.11), that turn the basis into the edited
text, and proves them by applying them with the amendment engine: what it returns reproduces the
edited text exactly, or the element it could not express is named in a message.

Choices, in order:
- an element whose id vanished: `vervalt`; an element without id (or with an id the basis does not
  have): `invoegen` after the kept sibling before it (before the first, if it opens the list) or
  `toevoegen` at the end of its parent; an artikel keeps the number the drafter typed or gets one
  per Ar 6.16;
- a changed text: word operations when the words change in one place (or the same words in every
  place: `telkens`); `komt_te_luiden` when they change in more than one place, or when fewer than
  half of the words stay (`MINIMAAL_GELIJK` of the word diff) — the KOMT_TE_LUIDEN threshold;
- one quoted word is lengthened with its neighbours until it occurs once in its element;
- a changed list (its own shape, not only its items) or kept items in a new order:
  `komt_te_luiden` of the element that holds it.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator

from generator.adressen import VERWIJZING, parse_adres
from generator.diff.woorden import GELIJK, INGEVOEGD, VERWIJDERD, woorddiff
from generator.errors import GEEN_BRON, Bron, GrgenFout, Melding, Verzamelaar
from generator.model import Element, Regeling, Versie
from generator.model.ids import NIEUW_ID
from generator.model.wijziging import Doel, Operatie, Wijziging
from generator.wijzigen.motor import pas_toe
from generator.wijzigen.woorden import LEESTEKEN_AAN_SLOT, netjes, vervang_treffers, woordtreffers, zinspannen

# More changed places than this in one element's text, and it is rewritten whole ("komt te luiden").
MAXIMAAL_PLAATSEN = 1

_TOKEN = re.compile(r"\w+|\s+|[^\w\s]")
_WOORD = re.compile(r"\w+")
_SLOT = re.compile(r"\s*[.;:]?\s*")


@dataclasses.dataclass(frozen=True)
class Afleiding:
    """The derived operations (in the order of the regeling) and what could not be expressed."""

    operaties: tuple[Operatie, ...]
    meldingen: tuple[Melding, ...] = ()


def is_nieuw(element_id: str) -> bool:
    """Whether an id is a placeholder for text the drafter added ("_nieuw", "_nieuw.3")."""
    return element_id == NIEUW_ID or element_id.startswith(NIEUW_ID + ".")


def leid_af(
    basis: Versie,
    bewerkt: Regeling,
    ooit_ids: frozenset[str] = frozenset(),
    ooit_nummers: frozenset[str] = frozenset(),
    bronnen: dict[str, Bron] | None = None,
    toelichtingen: dict[str, str] | None = None,
) -> Afleiding:
    """The operations that turn `basis` into `bewerkt` (same ids for kept elements; new elements
    have a placeholder id or an id the basis does not have).

    `bronnen` (element id -> place in the edited document) locates messages and operations;
    `toelichtingen` (element id -> comment) become the toelichting of the operations on it.

    >>> import datetime as dt
    >>> from generator.model import Artikel, Hoofdstuk, VersieInfo
    >>> def regeling(tekst):
    ...     artikel = Artikel("a", "1", tekst, opschrift="Besluit")
    ...     return Regeling("x", "X", "X", "s", "g", None, "p", (), "a", (), "b", (Hoofdstuk("h", "1", opschrift="A", kinderen=(artikel,)),))
    >>> basis = Versie(VersieInfo("v", "wijziging", dt.date(2020, 1, 1)), regeling("De raad besluit."))
    >>> [(o.actie, o.wat, o.door) for o in leid_af(basis, regeling("De raad beslist.")).operaties]
    [('vervangen', 'besluit', 'beslist')]
    """
    afleider = _Afleider(basis, bewerkt, ooit_ids, ooit_nummers, bronnen or {}, toelichtingen or {})
    return afleider.voer_uit()


@dataclasses.dataclass
class _Op:
    """An operation under construction, with the artikel it lies in (for the fallback)."""

    velden: dict
    artikel: str | None  # basis id of the artikel the change lies in; None for whole artikelen


class _Afleider:
    def __init__(self, basis: Versie, bewerkt: Regeling, ooit_ids, ooit_nummers, bronnen, toelichtingen) -> None:  # noqa: ANN001
        self.basis = basis
        self.oud = basis.regeling
        self.nieuw = bewerkt
        self.ooit_ids = ooit_ids or frozenset(self.oud.index)
        self.ooit_nummers = ooit_nummers or frozenset(a.nummer for a in self.oud.artikelen())
        self.bronnen = bronnen
        self.toelichtingen = toelichtingen
        self.v = Verzamelaar()
        self.herschreven: set[str] = set()  # artikelen rewritten whole after a failed attempt
        self._adres_id: dict[str, str] = {}  # address in the basis -> id, for the order of the operations
        self._rang = {element_id: i for i, element_id in enumerate(self.oud.index)}  # document order

    # -- driver -----------------------------------------------------------------------------
    def voer_uit(self) -> Afleiding:
        """Derive, prove by applying, and where the proof fails rewrite that element whole and
        try again; what still fails is a message."""
        while True:
            self.kl: set[str] = set()  # ids rewritten whole ("komt te luiden") in this attempt
            self.opnieuw: set[str] = set()  # ids to rewrite whole in the next attempt
            self.engine_fouten: tuple[Melding, ...] = ()
            ops = self._metadata() + self._structuur()
            if self.v.heeft_fouten:
                break
            fout = None
            tussen = self._pas_toe(ops)
            if tussen is None:
                fout = self._artikel_met_fout(ops)
            else:
                ops += self._teksten(tussen)
                if self.opnieuw:
                    if self.opnieuw <= self.herschreven:
                        fout = next(iter(sorted(self.opnieuw)))
                    else:
                        self.herschreven |= self.opnieuw
                        continue
                else:
                    uit = self._pas_toe(ops)
                    fout = self._eerste_verschil(uit) if uit is not None else self._artikel_met_fout(ops)
                    if fout is None:
                        return Afleiding(self._operaties(ops), tuple(self.v.meldingen))
            if fout in self.herschreven or fout not in self.oud.index:
                for m in self.engine_fouten:
                    self.v.fout(m.tekst, m.bron, m.adres, m.hint)
                if fout in self.oud.index or fout in self.nieuw.index:
                    self._melding(
                        fout, "deze bewerking kan niet als wijziging worden geschreven", "schrijf de wijziging van dit element met de hand"
                    )
                elif not self.engine_fouten:
                    self.v.fout("de bewerking kan niet als wijziging worden geschreven")
                break
            self.herschreven.add(fout)
        return Afleiding((), tuple(self.v.meldingen))

    def _operaties(self, ops: list[_Op]) -> tuple[Operatie, ...]:
        """The operations numbered in the order of the regeling (metadata first), as a drafter
        lists them; operations at one place keep the order they were found in."""
        volgorde = sorted(ops, key=self._plaats)
        return tuple(Operatie(volgnummer=i, **op.velden) for i, op in enumerate(volgorde, start=1))

    def _plaats(self, op: _Op) -> int:
        """Where an operation stands in the regeling: at its target, or (toevoegen, invoegen na)
        at the last element of the element it adds to or after; metadata first."""
        doel = op.velden.get("doel")
        if doel is None:
            return -1
        if not doel.stappen:
            return len(self._rang)
        element_id = self._adres_id[doel.tekst]
        if op.velden["actie"] == "toevoegen" or op.velden.get("positie") == "na":
            element = self.oud.index[element_id].element
            while element.kinderen:
                element = element.kinderen[-1]
            element_id = element.id
        return self._rang[element_id]

    def _pas_toe(self, ops: list[_Op]) -> Regeling | None:
        if not ops:
            return self.oud
        w = Wijziging(
            id="afleiding",
            titel="",
            kort="",
            basis=self.basis.id,
            betreft="wijziging",
            vorm="artikelsgewijs",
            stadium="ontwerp",
            datum_besluit=self.basis.info.inwerkingtreding,
            inwerkingtreding=self.basis.info.inwerkingtreding,
            operaties=self._operaties(ops),
        )
        try:
            return pas_toe(self.basis, w, self.basis, self.ooit_ids, self.ooit_nummers).na.regeling
        except GrgenFout as e:
            self.engine_fouten = tuple(e.meldingen)
            return None

    def _melding(self, element_id: str, tekst: str, hint: str | None = None) -> None:
        plek = self.oud.index.get(element_id)
        self.v.fout(tekst, self.bronnen.get(element_id, GEEN_BRON), plek.adres if plek is not None else None, hint)

    # -- metadata ---------------------------------------------------------------------------
    def _metadata(self) -> list[_Op]:
        ops: list[_Op] = []
        oud = {d.id: d for d in self.oud.deelnemers if d.tot is None}
        nieuw = {d.id: d for d in self.nieuw.deelnemers if d.tot is None}
        for d in nieuw.values():
            if d.id not in oud:
                ops.append(_Op({"actie": "toetreding", "deelnemer": d, "toelichting": self._toelichting("@deelnemer:" + d.id)}, None))
        for d in oud.values():
            if d.id not in nieuw:
                ops.append(_Op({"actie": "uittreding", "deelnemer_id": d.id, "toelichting": self._toelichting("@deelnemer:" + d.id)}, None))
        ops += self._bijlagen()
        if self.nieuw.citeertitel != self.oud.citeertitel:
            ops.append(
                _Op({"actie": "citeertitel", "tekst": self.nieuw.citeertitel, "toelichting": self._toelichting("@citeertitel")}, None)
            )
        return ops

    def _bijlagen(self) -> list[_Op]:
        """A bijlage edited, removed or added: replaced, removed or added as a whole (they have no
        Ar addresses inside), after the artikelen."""
        ops: list[_Op] = []
        for b in self.oud.bijlagen:
            nieuw = self.nieuw.bijlage(b.id)
            if nieuw == b:
                continue
            velden = {
                "actie": "bijlage",
                "doel": Doel(b.verwijzing, ()),
                "bijlage_doel": b.nummer or "",
                "toelichting": self._toelichting(b.id),
            }
            ops.append(
                _Op({**velden, "positie": "vervalt"} if nieuw is None else {**velden, "positie": "komt_te_luiden", "bijlage": nieuw}, None)
            )
        for b in self.nieuw.bijlagen:
            if self.oud.bijlage(b.id) is None:
                ops.append(
                    _Op(
                        {
                            "actie": "bijlage",
                            "doel": Doel("de regeling", ()),
                            "positie": "toevoegen",
                            "bijlage": b,
                            "toelichting": self._toelichting(b.id),
                        },
                        None,
                    )
                )
        return ops

    def _toelichting(self, element_id: str) -> str:
        return self.toelichtingen.get(element_id, "")

    # -- structure --------------------------------------------------------------------------
    def _structuur(self) -> list[_Op]:
        ops: list[_Op] = []
        self._lijst(None, self.oud.kinderen, self.nieuw.kinderen, ops)
        return ops

    def _doel(self, element_id: str) -> Doel:
        adres = self.oud.index[element_id].adres
        self._adres_id[adres] = element_id
        return Doel(adres, parse_adres(adres), None, self.bronnen.get(element_id, GEEN_BRON))

    def _artikel_van(self, element_id: str) -> str | None:
        plek = self.oud.index[element_id]
        artikel = plek.artikel
        return artikel.id if artikel is not None else None

    def _lijst(self, ouder: Element | None, oud: tuple[Element, ...], nieuw: tuple[Element, ...], ops: list[_Op]) -> None:
        """Operations for the children of one parent present in both versions."""
        in_nieuw = {k.id for k in nieuw}
        bewaard = [k for k in nieuw if k.id in self.oud.index and not is_nieuw(k.id)]
        bewaard_ids = [k.id for k in bewaard]
        oud_bewaard = [k.id for k in oud if k.id in in_nieuw]
        if bewaard_ids != oud_bewaard:
            # Kept items in another order, or taken from another parent: not an amendment of items.
            verplaatst = next((i for i in bewaard_ids if i not in oud_bewaard), None)
            if verplaatst is not None:
                self._melding(
                    verplaatst,
                    "dit element staat op een andere plaats dan in de basisversie; verplaatsen kan niet",
                    "laat het vervallen en voeg nieuwe tekst in (Ar 6.16)",
                )
                return
            self._herschrijf(ouder, ops)
            return
        if not bewaard and (oud or nieuw):
            self._herschrijf(ouder, ops)
            return
        for k in oud:
            if k.id not in in_nieuw:
                artikel = self._artikel_van(k.id) if k.soort not in ("artikel", "hoofdstuk", "paragraaf") else None
                ops.append(_Op({"actie": "vervalt", "doel": self._doel(k.id), "toelichting": self._toelichting(k.id)}, artikel))
        vorige: Element | None = None
        laatste_oud = oud[-1].id if oud else None
        for i, k in enumerate(nieuw):
            if k.id in self.oud.index and not is_nieuw(k.id):
                vorige = k
                continue
            element = _als_nieuw(k)
            artikel = self._artikel_van(ouder.id) if ouder is not None and ouder.soort not in ("hoofdstuk", "paragraaf") else None
            velden = {"nieuw": element, "toelichting": self._toelichting(k.id), "bron": self.bronnen.get(k.id, GEEN_BRON)}
            if vorige is None:
                volgende = next(x for x in nieuw[i:] if x.id in self.oud.index and not is_nieuw(x.id))
                ops.append(_Op({"actie": "invoegen", "doel": self._doel(volgende.id), "positie": "voor", **velden}, artikel))
            elif vorige.id == laatste_oud and all(is_nieuw(x.id) or x.id not in self.oud.index for x in nieuw[i:]):
                doel = self._doel(ouder.id) if ouder is not None else Doel("de regeling", ())
                ops.append(_Op({"actie": "toevoegen", "doel": doel, **velden}, artikel))
            else:
                ops.append(_Op({"actie": "invoegen", "doel": self._doel(vorige.id), "positie": "na", **velden}, artikel))
        paren = {k.id: k for k in oud}
        for k in bewaard:
            self._paar(paren[k.id], k, ops)

    def _paar(self, oud: Element, nieuw: Element, ops: list[_Op]) -> None:
        """A kept element: rewritten whole when most of it changed, else its children compared."""
        if oud == nieuw:
            return
        if oud.id in self.herschreven and oud.soort not in ("hoofdstuk", "paragraaf"):
            self._herschrijf(oud, ops)
            return
        if oud.soort not in ("hoofdstuk", "paragraaf"):
            if self._eerste_lid_erbij(oud, nieuw, ops):
                return
            if _vorm(oud) != _vorm(nieuw) or (
                _te_veel_veranderd(_velden(oud), _velden(nieuw)) and _zinsoperatie(_velden(oud), _velden(nieuw)) is None
            ):
                self._herschrijf(oud, ops)
                return
        self._opschrift(oud, nieuw, ops)
        self._lijst(oud, oud.kinderen, nieuw.kinderen, ops)

    def _eerste_lid_erbij(self, oud: Element, nieuw: Element, ops: list[_Op]) -> bool:
        """An artikel without leden that gets leden, its text unchanged as the first: "toevoegen"
        of the new leden (the engine places "1." before the text, Ar 6.18)."""
        if not (oud.soort == "artikel" and oud.tekst is not None and not (oud.kinderen and oud.kinderen[0].soort == "lid")):
            return False
        if not (nieuw.kinderen and nieuw.kinderen[0].soort == "lid" and nieuw.tekst is None and len(nieuw.kinderen) > 1):
            return False
        eerste = nieuw.kinderen[0]
        if (eerste.tekst, eerste.slottekst, eerste.kinderen) != (oud.tekst, oud.slottekst, oud.kinderen):
            return False
        if any(k.id in self.oud.index and not is_nieuw(k.id) for k in nieuw.kinderen):
            return False
        self._opschrift(oud, nieuw, ops)
        for k in nieuw.kinderen[1:]:
            velden = {"nieuw": _als_nieuw(k), "toelichting": self._toelichting(k.id), "bron": self.bronnen.get(k.id, GEEN_BRON)}
            ops.append(_Op({"actie": "toevoegen", "doel": self._doel(oud.id), **velden}, oud.id))
        return True

    def _opschrift(self, oud: Element, nieuw: Element, ops: list[_Op]) -> None:
        if oud.heeft_opschrift and (oud.opschrift or "") != (nieuw.opschrift or "") and nieuw.opschrift:
            ops.append(
                _Op(
                    {"actie": "opschrift", "doel": self._doel(oud.id), "tekst": nieuw.opschrift, "toelichting": self._toelichting(oud.id)},
                    self._artikel_van(oud.id) if oud.soort == "artikel" else None,
                )
            )

    def _herschrijf(self, ouder: Element | None, ops: list[_Op]) -> None:
        if ouder is None or ouder.soort in ("hoofdstuk", "paragraaf"):
            self._melding(
                ouder.id if ouder else "",
                "de indeling is veranderd op een manier die geen wijziging kan uitdrukken",
                "laat artikelen vervallen of voeg ze in; hoofdstukken worden niet herschreven",
            )
            return
        nieuw = self.nieuw.index[ouder.id].element
        self.kl.add(ouder.id)
        ops.append(
            _Op(
                {
                    "actie": "komt_te_luiden",
                    "doel": self._doel(ouder.id),
                    "nieuw": _als_nieuw(nieuw, houd_id=True),
                    "toelichting": self._toelichting(ouder.id),
                },
                self._artikel_van(ouder.id),
            )
        )

    # -- texts ------------------------------------------------------------------------------
    def _teksten(self, tussen: Regeling) -> list[_Op]:
        """Word operations for the kept elements whose text differs after the structural changes."""
        uit: list[_Op] = []
        for plek in self.nieuw.index.values():
            e = plek.element
            if is_nieuw(e.id) or e.id not in self.oud.index or e.id not in tussen.index or e.id in self.kl:
                continue
            if any(o.id in self.kl for o in plek.ouders):
                continue
            specs = _woordoperaties(_velden(tussen.index[e.id].element), _velden(e))
            if specs is None:
                self.opnieuw.add(e.id)
                continue
            for spec in specs:
                zin = spec.pop("zin", None)
                doel = dataclasses.replace(self._doel(e.id), zin=zin) if zin else self._doel(e.id)
                uit.append(_Op({**spec, "doel": doel, "toelichting": self._toelichting(e.id)}, self._artikel_van(e.id)))
        return uit

    # -- proof ------------------------------------------------------------------------------
    def _eerste_verschil(self, uit: Regeling) -> str | None:
        """The basis id of the first artikel (or element) where the result differs from the
        edited text; None when they are the same."""
        if uit.citeertitel != self.nieuw.citeertitel:
            return "@citeertitel"
        for r, t in _paren(uit.kinderen, self.nieuw.kinderen):
            verschil = _verschil(r, t)
            if verschil is not None:
                return self._artikel_of_zelf(verschil)
        return None

    def _artikel_of_zelf(self, element_id: str) -> str:
        if element_id in self.oud.index:
            artikel = self.oud.index[element_id].artikel
            return artikel.id if artikel is not None else element_id
        plek = self.nieuw.index.get(element_id)
        if plek is not None:
            return next((o.id for o in reversed(plek.ouders) if o.id in self.oud.index), element_id)
        return element_id

    def _artikel_met_fout(self, ops: list[_Op]) -> str | None:
        for m in self.engine_fouten:
            nummer = re.match(r"wijziging (\d+)", m.adres or "")
            if nummer:
                op = ops[int(nummer[1]) - 1]
                if op.artikel:
                    return op.artikel
                doel = op.velden.get("doel")
                if doel is not None and doel.stappen:
                    for plek in self.oud.index.values():
                        if plek.adres == doel.tekst:
                            return plek.element.id
        return "@onbekend"


def _paren(a: tuple[Element, ...], b: tuple[Element, ...]) -> Iterator[tuple[Element | None, Element | None]]:
    for i in range(max(len(a), len(b))):
        yield (a[i] if i < len(a) else None, b[i] if i < len(b) else None)


def _verschil(r: Element | None, t: Element | None) -> str | None:
    """The id of the first element where the engine's result `r` differs from the edited `t`
    (placeholder ids and numbers the drafter left open match anything)."""
    if r is None or t is None:
        return (t or r).id
    gelijk = (
        r.soort == t.soort
        and (is_nieuw(t.id) or r.id == t.id)
        and (not t.nummer or r.nummer == t.nummer)
        and r.tekst == t.tekst
        and r.slottekst == t.slottekst
        and (r.opschrift == t.opschrift or (not t.opschrift and is_nieuw(t.id)))
        and (is_nieuw(t.id) or not t.onderwerpen or r.onderwerpen == t.onderwerpen)
    )
    if not gelijk:
        return t.id if not is_nieuw(t.id) else r.id
    for kr, kt in _paren(r.kinderen, t.kinderen):
        verschil = _verschil(kr, kt)
        if verschil is not None:
            return verschil
    return None


def _als_nieuw(element: Element, houd_id: bool = False) -> Element:
    """New text as an operation carries it: placeholder ids and numbers of leden and onderdelen
    left to the engine, ids the drafter (or an earlier version) gave kept."""
    kinderen = tuple(_als_nieuw(k) for k in element.kinderen)
    nummer = element.nummer if element.vast_nummer else ""
    eigen_id = element.id if (houd_id or not is_nieuw(element.id)) else NIEUW_ID
    return element.met(id=eigen_id, nummer=nummer, kinderen=kinderen)


def _vorm(e: Element) -> tuple:
    """The shape of an element's list: which kind its children are, and whether it has text."""
    return (e.kinderen[0].soort if e.kinderen else None, e.tekst is None, e.slottekst is None)


def _velden(e: Element) -> dict[str, str]:
    return {veld: getattr(e, veld) for veld in ("tekst", "slottekst") if getattr(e, veld)}


# -- words ----------------------------------------------------------------------------------
def _hunks(oud: str, nieuw: str) -> list[tuple[int, int, str]] | None:
    """The changed places of a text: (start, end in `oud`, inserted text); None when most of it
    changed (fewer than half of the words stay)."""
    segmenten = woorddiff(oud, nieuw)
    if oud and nieuw and len(segmenten) == 2 and segmenten[0].tekst == oud and segmenten[1].tekst == nieuw:
        return None  # the word diff found the text replaced whole
    uit: list[tuple[int, int, str]] = []
    positie = 0
    open_: list | None = None
    for s in segmenten:
        if s.soort == GELIJK:
            if open_ is not None:
                uit.append(tuple(open_))  # type: ignore[arg-type]
                open_ = None
            positie += len(s.tekst)
            continue
        if open_ is None:
            open_ = [positie, positie, ""]
        if s.soort == VERWIJDERD:
            positie += len(s.tekst)
            open_[1] = positie
        elif s.soort == INGEVOEGD:
            open_[2] += s.tekst
    if open_ is not None:
        uit.append(tuple(open_))  # type: ignore[arg-type]
    return uit


def _te_veel_veranderd(oud: dict[str, str], nieuw: dict[str, str]) -> bool:
    """Whether a drafter would let the element "komen te luiden": its words change in more places
    than MAXIMAAL_PLAATSEN (not all alike), or fewer than half of them stay."""
    if oud == nieuw:
        return False
    if oud.keys() != nieuw.keys():
        return True
    alle = []
    for veld in oud:
        h = _hunks(oud[veld], nieuw[veld])
        if h is None:
            return True
        alle += [(veld, x) for x in h]
    return len(alle) > MAXIMAAL_PLAATSEN and _telkens(oud, nieuw, alle) is None


def _zinsoperatie(oud: dict[str, str], nieuw: dict[str, str]) -> dict | None:
    """One sentence of a text of several rewritten or deleted ("het derde lid, tweede zin, komt te
    luiden" / "vervalt"), when the change lies in that one sentence.

    >>> _zinsoperatie({"tekst": "Een. Twee drie vier. Vijf."}, {"tekst": "Een. Zes zeven acht. Vijf."})
    {'actie': 'komt_te_luiden', 'zin': 2, 'tekst': 'Zes zeven acht.'}
    >>> _zinsoperatie({"tekst": "Een. Twee. Drie."}, {"tekst": "Een. Drie."})
    {'actie': 'vervalt', 'zin': 2}
    """
    if oud.keys() != nieuw.keys() or "tekst" not in oud or any(oud[v] != nieuw[v] for v in oud if v != "tekst"):
        return None
    a, b = oud["tekst"], nieuw["tekst"]
    za, zb = zinspannen(a), zinspannen(b)
    if len(za) < 2:
        return None
    if len(za) == len(zb):
        anders = [k for k in range(len(za)) if a[za[k][0] : za[k][1]] != b[zb[k][0] : zb[k][1]]]
        if len(anders) == 1:
            k = anders[0]
            zin = b[zb[k][0] : zb[k][1]]
            if a[: za[k][0]] + zin + a[za[k][1] :] == b and "[[" not in zin:
                return {"actie": "komt_te_luiden", "zin": k + 1, "tekst": zin}
    if len(zb) == len(za) - 1:
        for k in range(len(za)):
            if netjes(a[: za[k][0]] + a[za[k][1] :]) == b:
                return {"actie": "vervalt", "zin": k + 1}
    return None


def _woordoperaties(oud: dict[str, str], nieuw: dict[str, str]) -> list[dict] | None:
    """The word operations (as Operatie fields) that turn the texts `oud` into `nieuw`; [] when
    equal; None when the change is better written as "komt te luiden" or cannot be quoted."""
    if oud == nieuw:
        return []
    if oud.keys() != nieuw.keys():
        return None
    per_veld = {}
    for veld in oud:
        h = _hunks(oud[veld], nieuw[veld])
        if h is None:
            zin = _zinsoperatie(oud, nieuw)
            return [zin] if zin is not None else None
        per_veld[veld] = h
    alle = [(veld, h) for veld, lijst in per_veld.items() for h in lijst]
    if not alle:
        return None  # only white space differs: nothing a word operation can say
    if len(alle) > MAXIMAAL_PLAATSEN:
        spec = _telkens(oud, nieuw, alle) or _zinsoperatie(oud, nieuw)
        return [spec] if spec is not None else None
    zin = _zinsoperatie(oud, nieuw)
    if zin is not None and zin["actie"] == "vervalt":  # a whole sentence gone: "de tweede zin vervalt"
        return [zin]
    veld, (a, b, ingevoegd) = alle[0]
    for spec in _kandidaten(oud, veld, a, b, ingevoegd):
        if _simuleer(oud, spec) == nieuw:
            return [spec]
    return None


def _telkens(oud: dict[str, str], nieuw: dict[str, str], alle: list) -> dict | None:
    """One "telkens" replacement when every changed place replaces the same words alike."""
    vormen = {(oud[veld][a:b].strip(), ingevoegd.strip()) for veld, (a, b, ingevoegd) in alle}
    if len(vormen) != 1:
        return None
    ((wat, door),) = vormen
    if not wat or "[" in wat or "]" in wat:
        return None
    spec = (
        {"actie": "vervangen", "wat": wat, "door": " ".join(door.split()), "telkens": True}
        if door
        else {"actie": "woorden_vervallen", "wat": wat, "telkens": True}
    )
    return spec if _simuleer(oud, spec) == nieuw else None


def _kandidaten(velden: dict[str, str], veld: str, a: int, b: int, ingevoegd: str) -> Iterator[dict]:
    """Word operations for one changed place, the one a drafter would write first."""
    s = velden[veld]
    tekst = " ".join(ingevoegd.split())
    if a == b or not s[a:b].strip():  # only words inserted
        if not tekst:
            return
        toevoeg_veld = "slottekst" if "slottekst" in velden else "tekst"
        if veld == toevoeg_veld and _SLOT.fullmatch(s[b:]):
            yield {"actie": "woorden_toevoegen", "tekst": tekst}
        ankers = []
        for positie, richting in (("voor", 1), ("na", -1)):
            span = _anker(s, a if richting == 1 else b, richting)
            span = _uniek(velden, veld, *span, richting) if span else None
            if span is not None:
                wat = s[span[0] : span[1]]
                ankers.append((len(_WOORD.findall(wat)), positie, wat))
        # The shortest quote; on a tie "voor" the next words, unless the new words open with a
        # punctuation mark (", de clouddiensten" goes after the words it continues).
        voorkeur = "na" if tekst[:1] in ",.;:)" else "voor"
        for _, positie, wat in sorted(ankers, key=lambda x: (x[0], x[1] != voorkeur)):
            yield {"actie": "woorden_invoegen", "positie": positie, "wat": wat, "tekst": tekst}
    i, j = _kern(s, a, b)
    span = _uniek(velden, veld, i, j, 0)
    if span is None:
        return
    i, j = span
    door = " ".join((s[i:a] + ingevoegd + s[b:j]).split())
    if (i, j) == _kern(s, a, b) and not door:
        yield {"actie": "woorden_vervallen", "wat": s[i:j]}
    else:
        yield {"actie": "vervangen", "wat": s[i:j], "door": door}


def _kern(s: str, a: int, b: int) -> tuple[int, int]:
    """The span without white space at its ends."""
    while a < b and s[a].isspace():
        a += 1
    while b > a and s[b - 1].isspace():
        b -= 1
    return a, b


def _anker(s: str, positie: int, richting: int) -> tuple[int, int] | None:
    """The word right after (richting 1) or right before (-1) an insertion point."""
    tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(s) if not m[0].isspace()]
    if richting == 1:
        na = [t for t in tokens if t[0] >= positie]
        return na[0] if na else None
    voor = [t for t in tokens if t[1] <= positie]
    return voor[-1] if voor else None


def _uniek(velden: dict[str, str], veld: str, i: int, j: int, richting: int) -> tuple[int, int] | None:
    """The span lengthened with neighbouring words until its words occur once in the element;
    `richting` 1 grows only to the right, -1 only to the left, 0 both ways (right first).
    None when no such quote exists, or it would cut into a reference [[id]]."""
    s = velden[veld]
    tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(s) if not m[0].isspace()]
    verwijzingen = [(m.start(), m.end()) for m in VERWIJZING.finditer(s)]
    kant = 1 if richting >= 0 else -1
    while True:
        wat = s[i:j]
        if "[" in wat or "]" in wat or any(b < j and i < e for b, e in verwijzingen):
            return None
        if wat.strip() and _treffers(velden, wat) == 1 and woordtreffers(wat, s) == [(i, j)]:
            return i, j
        rechts = next((t for t in tokens if t[0] >= j), None) if richting >= 0 else None
        links = next((t for t in reversed(tokens) if t[1] <= i), None) if richting <= 0 else None
        if rechts is None and links is None:
            return None
        if (kant == 1 and rechts is not None) or links is None:
            j = rechts[1]
        else:
            i = links[0]
        if richting == 0:
            kant = -kant


def _treffers(velden: dict[str, str], wat: str) -> int:
    return sum(len(woordtreffers(wat, t)) for t in velden.values())


def _simuleer(velden: dict[str, str], spec: dict) -> dict[str, str] | None:
    """The texts after one word operation, exactly as the amendment engine applies it."""
    actie = spec["actie"]
    if actie == "woorden_toevoegen":
        veld = "slottekst" if "slottekst" in velden else "tekst"
        oud, tekst = velden[veld], spec["tekst"]
        scheiding = "" if tekst[:1] in ",.;:)" else " "
        m = LEESTEKEN_AAN_SLOT.search(oud)
        nieuw = oud[: m.start()] + scheiding + tekst + m[0] if m else oud + scheiding + tekst
        return {**velden, veld: netjes(nieuw)}
    wat = spec["wat"]
    per_veld = {veld: woordtreffers(wat, t) for veld, t in velden.items()}
    aantal = sum(len(x) for x in per_veld.values())
    if aantal == 0 or (aantal > 1 and not spec.get("telkens")):
        return None
    if actie == "vervangen":

        def vervanging(_: str) -> str:
            return spec["door"]
    elif actie == "woorden_vervallen":

        def vervanging(_: str) -> str:
            return ""
    elif spec["positie"] == "na":
        scheiding = "" if spec["tekst"][:1] in ",.;:)" else " "

        def vervanging(gevonden: str) -> str:
            return gevonden + scheiding + spec["tekst"]
    else:

        def vervanging(gevonden: str) -> str:
            return spec["tekst"] + ("" if spec["tekst"][-1:] in "(" else " ") + gevonden

    return {veld: netjes(vervang_treffers(t, per_veld[veld], vervanging)) for veld, t in velden.items()}
