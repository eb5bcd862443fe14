"""`grgen check` and `grgen diff` reuse work across versions (issue 21); what they say must not change.

The rules reuse per top-level element what they found before, and the diff compares only the
top-level elements that differ. Both are compared here with the full computation: the check
with the previous implementation of every rule (tests/referentie_controles.py), the diff with
`vergelijk` over the whole regeling, on generated chains (with plain-text references, informal
forms, topics and Staatscourant texts laid over the generated text) and on the bundled projects.

Run more examples with GRGEN_VOORBEELDEN=2000 python -m pytest tests/test_schaal.py.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.blokken import bijlage_blokken, blokken
from generator.controles import REGELS, controleer
from generator.diff.overzicht import Kant, _onder, vergelijk_versies
from generator.diff.versies import Gedeeld, gewijzigd, gewijzigde_blokken, uitgevouwen, vergelijk, vergelijk_blokken, vergelijk_per_deel
from generator.model import Artikel, Hoofdstuk, Versie
from generator.pipeline import laad
from generator.render.docx.oxml import Revisie
from generator.render.word import renvooi_docx
from generator.wijzigen import gevolgen
from generator.wijzigen.boom import vervang
from generator.wijzigen.tijdlijn import bouw_geschiedenis
from tests.genereer import _regeling, regelingen, wijziging
from tests.referentie_controles import regels_van_vroeger, zoals_vroeger
from tests.test_controles import GEVALLEN, bouw_project

VOORBEELDEN = int(os.environ.get("GRGEN_VOORBEELDEN", "60"))
INSTELLINGEN = settings(max_examples=VOORBEELDEN, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
REPO = Path(__file__).resolve().parent.parent

# What a drafter writes that the rules look at: references in plain text (existing, vervallen,
# relative, informal), the Staatscourant, and the old Wgr citation for the toestemming.
GEBREKEN = [
    ", bedoeld in artikel {n}",
    ", bedoeld in artikel {n}, tweede lid",
    ", als bedoeld in artikel {n} lid 2 sub a",
    ", bedoeld in het eerste lid",
    ", als bedoeld in onderdeel b",
    ", zie lid 3",
    ", bedoeld in artikel 99",
    " in de Staatscourant",
    ", met toestemming als bedoeld in artikel 1, tweede lid, van de Wet gemeenschappelijke regelingen",
    ", bedoeld in hoofdstuk {h}",
]
ONDERWERPEN = ["publicatie", "begrippen", "citeertitel", "inwerkingtreding", "centrumgemeente", "toetreding", "uittreding"]


@st.composite
def gebrekkige_regeling(draw):
    """A generated regeling with findings for most rules, flat (artikelen at the top) or in hoofdstukken."""
    regeling, info = draw(regelingen())
    artikelen = [a for h in regeling.kinderen for a in h.kinderen]
    for _ in range(draw(st.integers(0, 6))):
        plekken = [p for p in regeling.elementen() if p.element.tekst and p.element.tekst.endswith(".")]
        if not plekken:
            break
        plek = draw(st.sampled_from(plekken))
        gebrek = draw(st.sampled_from(GEBREKEN)).format(n=draw(st.integers(1, len(artikelen) + 1)), h=draw(st.integers(1, 4)))
        regeling = vervang(regeling, plek, plek.element.met(tekst=plek.element.tekst[:-1] + gebrek + "."))
    for _ in range(draw(st.integers(0, 4))):
        artikel = draw(st.sampled_from(list(regeling.artikelen())))
        onderwerpen = tuple(draw(st.lists(st.sampled_from(ONDERWERPEN), min_size=1, max_size=2)))
        regeling = vervang(regeling, regeling.plek(artikel.id), artikel.met(onderwerpen=onderwerpen))
    if draw(st.booleans()):
        regeling = _regeling(tuple(a for h in regeling.kinderen for a in h.kinderen))
    if draw(st.booleans()):  # an artikel whose number an earlier version never had: a gap
        laatste = list(regeling.artikelen())[-1]
        regeling = vervang(regeling, regeling.plek(laatste.id), laatste.met(nummer=str(int(laatste.nummer) + 2)))
    begin = draw(st.sampled_from([dt.date(2020, 1, 1), dt.date(2021, 6, 1), dt.date(2022, 6, 1)]))
    return regeling, info.__class__(info.id, info.betreft, begin, datum_ondertekening=begin - dt.timedelta(days=30))


@st.composite
def geschiedenis(draw):
    """A gebrekkige regeling and a chain of up to 5 amendments, replayed as `grgen` does."""
    regeling, info = draw(gebrekkige_regeling())
    versie = Versie(info, regeling)
    wijzigingen = []
    datum = info.inwerkingtreding + dt.timedelta(days=40)
    for n in range(1, draw(st.integers(0, 5)) + 1):
        w = draw(wijziging(versie.regeling, versie.id, n, datum))
        if w is None:
            continue
        wijzigingen.append(w)
        versie = bouw_geschiedenis(regeling, info, tuple(wijzigingen)).tijdlijn.laatste
        datum += dt.timedelta(days=90)
    return bouw_geschiedenis(regeling, info, tuple(wijzigingen))


def _zelfde_bevindingen(g) -> None:  # noqa: ANN001
    nu = controleer(g, REGELS)
    nog_eens = controleer(g, REGELS)  # every per-element result now comes from its memo
    with zoals_vroeger():
        vroeger = controleer(g, regels_van_vroeger())
    assert nu == vroeger
    assert nog_eens == vroeger
    # The same text, place and order as `grgen check` prints them.
    versies = [v.id for v in g.tijdlijn.versies]
    assert [b.als_melding(versies) for b in nu] == [b.als_melding(versies) for b in vroeger]


@INSTELLINGEN
@given(geschiedenis())
def test_controles_als_vroeger(g) -> None:
    _zelfde_bevindingen(g)


def _projecten() -> list[str]:
    return ["bundel", *sorted(p.name for p in (REPO / "voorbeelden").iterdir() if p.is_dir()), *GEVALLEN]


@pytest.mark.parametrize("project", _projecten())
def test_controles_als_vroeger_op_projecten(project: str, tmp_path: Path) -> None:
    if project == "bundel":
        map_ = REPO
    elif (REPO / "voorbeelden" / project).is_dir():
        map_ = REPO / "voorbeelden" / project
    else:
        map_ = bouw_project(project, tmp_path)
    for g in laad(map_).geschiedenissen.values():
        _zelfde_bevindingen(g)


@INSTELLINGEN
@given(geschiedenis(), st.data())
def test_gewijzigde_blokken_als_de_hele_vergelijking(g, data) -> None:
    for t in g.toepassingen:
        _als_de_hele_vergelijking(t.voor.regeling, t.na.regeling)
    versies = g.tijdlijn.versies
    a, b = data.draw(st.sampled_from(versies)), data.draw(st.sampled_from(versies))
    _als_de_hele_vergelijking(a.regeling, b.regeling)


def _als_de_hele_vergelijking(oud, nieuw) -> None:  # noqa: ANN001
    """`vergelijk` and `gewijzigde_blokken` skip the top-level elements both versions share
    unchanged; both give what comparing every block of both versions gives."""
    # The bijlagen follow the artikelen, compared on their own (generated regelingen have them).
    heel = vergelijk_blokken(blokken(oud), blokken(nieuw)) + vergelijk_blokken(bijlage_blokken(oud), bijlage_blokken(nieuw))
    assert vergelijk(oud, nieuw) == heel
    assert gewijzigde_blokken(oud, nieuw) == gewijzigd(heel)
    # The Word renvooi writes a shared element straight from its blocks: the same document.
    per_deel = vergelijk_per_deel(oud, nieuw)
    assert uitgevouwen(per_deel) == heel
    assert _renvooi(per_deel) == _renvooi(heel)


def _renvooi(verschillen) -> bytes:  # noqa: ANN001
    return renvooi_docx(verschillen, "Renvooi", "R", "Griffie", Revisie("Griffie", dt.date(2025, 1, 1)), ["Inleiding."])


@INSTELLINGEN
@given(geschiedenis())
def test_onder_is_element_met_nakomelingen(g) -> None:
    # `_onder` collects the causes of an element and everything under it, as the walk over
    # every place with that element among its ancestors did.
    oud, nieuw = g.tijdlijn.basis.regeling, g.tijdlijn.laatste.regeling
    oorzaken = {p.element.id: [p.element.id] for r in (oud, nieuw) for p in r.elementen()}
    for regeling in (oud, nieuw):
        for plek in regeling.elementen():
            ids = [
                p.element.id
                for p in regeling.elementen()
                if p.element.id == plek.element.id or any(o.id == plek.element.id for o in p.ouders)
            ]
            assert _onder(plek.element.id, regeling, oorzaken) == tuple(ids)
    vergelijk_versies(Kant(g.tijdlijn.basis, g), Kant(g.tijdlijn.laatste, g))  # runs through


def _regeling_met(*hoofdstukken):  # noqa: ANN002, ANN202
    return _regeling(tuple(hoofdstukken))


def _h(nummer: str, *artikelen: Artikel) -> Hoofdstuk:
    return Hoofdstuk(f"h{nummer}", nummer, opschrift=f"Deel {nummer}", kinderen=artikelen)


def test_verplaatst_element_over_een_gedeeld_hoofdstuk() -> None:
    # Artikel 3 moves from hoofdstuk 3 to hoofdstuk 1, past the hoofdstuk 2 both versions share:
    # the full comparison may pair across it, so the split is not used.
    a1, a2, a3 = (Artikel(f"a{n}", str(n), f"Tekst {n} over de taken van de raad.") for n in (1, 2, 3))
    gedeeld = _h("2", a2)
    oud = _regeling_met(_h("1", a1), gedeeld, _h("3", a3))
    nieuw = _regeling_met(_h("1", a1, a3), gedeeld, _h("3"))
    _als_de_hele_vergelijking(oud, nieuw)
    _als_de_hele_vergelijking(nieuw, oud)
    # Shared hoofdstukken in another order.
    h1, h3 = _h("1", a1), _h("3", a3)
    _als_de_hele_vergelijking(_regeling_met(h1, gedeeld, h3), _regeling_met(h3, gedeeld, h1))


def test_verwijzing_in_gedeeld_hoofdstuk_volgt_vernummering() -> None:
    # Hoofdstuk 2 is the same object in both versions, but its [[a3.2]] prints "artikel 3,
    # tweede lid" before and "artikel 3, derde lid" after a lid is inserted in artikel 3.
    from generator.model import Lid

    verwijzend = _h("2", Artikel("a2", "2", "Zoals bedoeld in [[a3.2]] en verder."))
    lid1, lid2 = Lid("a3.1", "1", "Eerste."), Lid("a3.2", "2", "Tweede.")
    oud = _regeling_met(_h("1", Artikel("a1", "1", "Een.")), verwijzend, _h("3", Artikel("a3", "3", kinderen=(lid1, lid2))))
    nieuw_lid = Lid("a3.n", "2", "Nieuw.")
    nieuw = _regeling_met(oud.kinderen[0], verwijzend, _h("3", Artikel("a3", "3", kinderen=(lid1, nieuw_lid, lid2.met(nummer="3")))))
    _als_de_hele_vergelijking(oud, nieuw)
    verschil = gewijzigde_blokken(oud, nieuw)
    assert any(v.element_id == "a2" for v in verschil)  # the reference changed its words


def _stappen(g) -> list:  # noqa: ANN001
    return [(t.wijziging.id, s) for t in g.toepassingen for s in t.stappen]


@INSTELLINGEN
@given(gebrekkige_regeling(), st.data())
def test_verwijzingsgevolgen_als_vroeger(basis, data) -> None:
    # The amendment engine reads only the top-level elements where a reference can have changed
    # its words (`gevolgen._te_lezen`); walking every place, as before, gives the same steps.
    regeling, info = basis
    versie, wijzigingen, datum = Versie(info, regeling), [], info.inwerkingtreding + dt.timedelta(days=40)
    for n in range(1, data.draw(st.integers(1, 4)) + 1):
        w = data.draw(wijziging(versie.regeling, versie.id, n, datum))
        if w is not None:
            wijzigingen.append(w)
            versie = bouw_geschiedenis(regeling, info, tuple(wijzigingen)).tijdlijn.laatste
        datum += dt.timedelta(days=90)
    nu = bouw_geschiedenis(regeling, info, tuple(wijzigingen))
    with mock.patch.object(gevolgen, "_te_lezen", lambda begin, stappen, eind: eind.elementen()):
        vroeger = bouw_geschiedenis(regeling, info, tuple(wijzigingen))
    assert _stappen(nu) == _stappen(vroeger)


def test_gedeeld_artikel_in_gewijzigd_hoofdstuk() -> None:
    # Artikelen both versions share inside hoofdstukken that changed split the comparison too;
    # an artikel moved back past one of them, or a reference in one to a lid renumbered
    # elsewhere, still gives what the full comparison gives.
    from generator.model import Lid

    a1, a2, a3, a4 = (Artikel(f"a{n}", str(n), f"Tekst {n} over de taken van de raad.") for n in (1, 2, 3, 4))
    oud = _regeling_met(_h("1", a1, a2, a3), _h("2", a4))
    _als_de_hele_vergelijking(oud, _regeling_met(_h("1", a3, a2), _h("2", a4, a1)))  # a3 moved before the shared a2
    _als_de_hele_vergelijking(oud, _regeling_met(_h("1", a1, a2), _h("2", a3, a4)))  # a3 moved on to hoofdstuk 2
    _als_de_hele_vergelijking(oud, _regeling_met(_h("1", a1, a3.met(opschrift="Nieuw"), a2), _h("2", a4)))
    lid1, lid2 = Lid("a5.1", "1", "Eerste."), Lid("a5.2", "2", "Tweede.")
    verwijzend = Artikel("a6", "6", "Zoals bedoeld in [[a5.2]] en verder.")
    oud = _regeling_met(_h("1", a1, verwijzend, Artikel("a5", "5", kinderen=(lid1, lid2))))
    nieuw = _regeling_met(_h("1", a1, verwijzend, Artikel("a5", "5", kinderen=(lid1, Lid("a5.n", "2", "Nieuw."), lid2.met(nummer="3")))))
    _als_de_hele_vergelijking(oud, nieuw)
    assert any(v.element_id == "a6" for v in gewijzigde_blokken(oud, nieuw))  # "tweede lid" became "derde lid"
    assert not any(v.element_id == "a1" for v in gewijzigde_blokken(oud, nieuw))


def test_verwijzing_naar_vernummerd_hoofdstuk_vanuit_gedeeld_artikel() -> None:
    # Hoofdstuk 2 becomes hoofdstuk 3 (a hoofdstuk is inserted before it); artikel 1, the same
    # object in both versions in a hoofdstuk both share, names it: "hoofdstuk 2" becomes
    # "hoofdstuk 3". Artikel 3 refers only to artikel 2, which keeps its words ("artikel 2"):
    # artikel 3 stays one shared element, unchanged, and is not compared block by block.
    verwijzend = Artikel("a1", "1", "Zoals bedoeld in [[h2]] en in [[a2]].")
    blijvend = Artikel("a3", "3", "Zie [[a2]].")
    h1 = _h("1", verwijzend, blijvend)
    a2 = Artikel("a2", "2", "Tekst twee.")
    oud = _regeling_met(h1, _h("2", a2))
    nieuw = _regeling_met(h1, Hoofdstuk("hn", "2", opschrift="Nieuw", kinderen=()), _h("2", a2).met(nummer="3"))
    _als_de_hele_vergelijking(oud, nieuw)
    veranderd = {v.element_id for v in gewijzigde_blokken(oud, nieuw)}
    assert "a1" in veranderd and "a3" not in veranderd
    assert any(type(d) is Gedeeld and d.element.id == "a3" for d in vergelijk_per_deel(oud, nieuw))


@pytest.mark.parametrize("project", ["bundel", *sorted(p.name for p in (REPO / "voorbeelden").iterdir() if p.is_dir())])
def test_vergelijking_op_projecten_als_de_hele(project: str) -> None:
    # Every pair of versions of the bundled projects (paragrafen, slotteksten, references across
    # hoofdstukken): the comparison that skips shared elements gives the full one.
    map_ = REPO if project == "bundel" else REPO / "voorbeelden" / project
    for g in laad(map_).geschiedenissen.values():
        versies = g.tijdlijn.versies
        for a in versies:
            for b in versies:
                _als_de_hele_vergelijking(a.regeling, b.regeling)


def test_paragraaf_zonder_kop_en_slottekst_als_de_hele() -> None:
    # A paragraaf whose heading stops showing, and one renumbered, named from an artikel both
    # versions share; a lid with a slottekst and an artikel without heading.
    from generator.model import Lid, Onderdeel, Paragraaf

    verwijzend = Artikel("a1", "1", "Zie [[p1]], [[p2]] en [[a3.1]].")
    a2 = Artikel("a2", "2", kinderen=(Lid("a2.1", "1", "Lijst:", kinderen=(Onderdeel("a2.1.a", "a", "een;"),), slottekst="Slot."),))
    a3 = Artikel("a3", "3", kopvorm="geen", kinderen=(Lid("a3.1", "1", "Tekst."),))
    p1, p2 = Paragraaf("p1", "1", opschrift="Een", kinderen=(a2,)), Paragraaf("p2", "2", opschrift="Twee", kinderen=(a3,))
    oud = _regeling_met(_h("1", verwijzend), Hoofdstuk("h2", "2", opschrift="Deel 2", kinderen=(p1, p2)))
    for p1_nieuw, p2_nieuw in ((p1.met(kopvorm="geen"), p2), (p1, p2.met(nummer="3")), (p1.met(opschrift="Anders"), p2)):
        nieuw = _regeling_met(_h("1", verwijzend), Hoofdstuk("h2", "2", opschrift="Deel 2", kinderen=(p1_nieuw, p2_nieuw)))
        _als_de_hele_vergelijking(oud, nieuw)
        _als_de_hele_vergelijking(nieuw, oud)


@INSTELLINGEN
@given(geschiedenis())
def test_index_vindt_elke_plek_zoals_een_wandeling(g) -> None:
    # `Index.get` finds a place from its top-level element, walked (the cached places) or not
    # (the path down to it); what is not in the version is None or the default, never a place.
    from generator.model.regeling import _plekken_onder, plekken_van

    versies = [v.regeling for v in g.tijdlijn.versies]
    alle_ids = {p.element.id for r in versies for k in r.kinderen for p in _plekken_onder(k, ())}
    geen = object()
    for r in versies:
        gewandeld = {p.element.id: p for k in r.kinderen for p in _plekken_onder(k, ())}
        for k in r.kinderen:
            k.__dict__.pop("_plekken", None)  # the first look-ups walk the path, the next ones use the cache
        for stap in ("pad", "bewaard"):
            for element_id in sorted(alle_ids):
                plek = r.index.get(element_id, geen)
                if element_id in gewandeld:
                    verwacht = gewandeld[element_id]
                    assert plek.element is verwacht.element and plek.ouders == verwacht.ouders, (stap, element_id)
                    assert r.index[element_id] == plek and element_id in r.index
                else:
                    assert plek is geen and r.index.get(element_id) is None and element_id not in r.index
                    with pytest.raises(KeyError):
                        r.index[element_id]
            for k in r.kinderen:
                plekken_van(k)
        assert r.index.get(5) is None and 5 not in r.index  # type: ignore[arg-type]
