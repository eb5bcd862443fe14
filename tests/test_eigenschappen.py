"""Invariants of the amendment engine and the diff, on generated regelingen and amendments.

Run more examples with GRGEN_VOORBEELDEN=10000 python -m pytest tests/test_eigenschappen.py.
"""

from __future__ import annotations

import copy
import datetime as dt
import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.adressen import verwijzingen
from generator.blokken import blokken
from generator.diff.versies import vergelijk
from generator.diff.woorden import GELIJK, nieuwe_tekst, oude_tekst, woorddiff
from generator.model import Versie
from generator.render.besluit import besluitonderdelen
from generator.wijzigen.motor import pas_toe
from generator.wijzigen.tijdlijn import bouw_geschiedenis
from tests.genereer import regelingen, wijziging

VOORBEELDEN = int(os.environ.get("GRGEN_VOORBEELDEN", "60"))
INSTELLINGEN = settings(max_examples=VOORBEELDEN, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])


@st.composite
def keten(draw):
    """A regeling and a chain of 1 to 4 amendments, each on the version before it."""
    regeling, info = draw(regelingen())
    versie = Versie(info, regeling)
    wijzigingen = []
    datum = dt.date(2021, 1, 1)
    ooit_ids, ooit_nummers = set(regeling.index), {a.nummer for a in regeling.artikelen()}
    for n in range(1, draw(st.integers(1, 4)) + 1):
        w = draw(wijziging(versie.regeling, versie.id, n, datum))
        if w is None:
            continue
        wijzigingen.append(w)
        versie = pas_toe(versie, w, versie, frozenset(ooit_ids), frozenset(ooit_nummers)).na
        ooit_ids |= set(versie.regeling.index)
        ooit_nummers |= {a.nummer for a in versie.regeling.artikelen()}
        datum += dt.timedelta(days=100)
    return regeling, info, wijzigingen


@INSTELLINGEN
@given(keten())
def test_opnieuw_afspelen_is_stap_voor_stap(data):
    regeling, info, wijzigingen = data
    kopie = copy.deepcopy(regeling)
    stapsgewijs = Versie(info, regeling)
    toepassingen = []
    ooit_ids, ooit_nummers = set(regeling.index), {a.nummer for a in regeling.artikelen()}
    for w in wijzigingen:
        # ids and artikel numbers of earlier versions are never given again
        t = pas_toe(stapsgewijs, w, stapsgewijs, frozenset(ooit_ids), frozenset(ooit_nummers))
        toepassingen.append(t)
        stapsgewijs = t.na
        ooit_ids |= set(t.na.regeling.index)
        ooit_nummers |= {a.nummer for a in t.na.regeling.artikelen()}
    geschiedenis = bouw_geschiedenis(regeling, info, tuple(wijzigingen))
    assert geschiedenis.tijdlijn.laatste.regeling == stapsgewijs.regeling
    assert regeling == kopie, "de basisversie is veranderd"
    for t in toepassingen:
        # The besluit has one sentence per operation (two where "1." is placed before the text).
        zinnen = [z for o in besluitonderdelen(t) for z in o.zinnen]
        extra = sum(1 for s in t.stappen if s.aanduiding == "geplaatst")
        assert len(zinnen) == len(t.wijziging.operaties) + extra


@INSTELLINGEN
@given(keten())
def test_renvooi_aanvaarden_en_weigeren(data):
    regeling, info, wijzigingen = data
    geschiedenis = bouw_geschiedenis(regeling, info, tuple(wijzigingen))
    for t in geschiedenis.toepassingen:
        oud, nieuw = t.voor.regeling, t.na.regeling
        verschillen = vergelijk(oud, nieuw)
        aanvaard = [(v.nieuw.label, nieuwe_tekst(v.tekst)) for v in verschillen if v.nieuw is not None]
        geweigerd = [(v.oud.label, oude_tekst(v.tekst)) for v in verschillen if v.oud is not None]
        assert aanvaard == [(b.label, b.tekst) for b in blokken(nieuw)]
        assert geweigerd == [(b.label, b.tekst) for b in blokken(oud)]
        # Only what the amendment touched, or text that refers to it, carries marks.
        for v in verschillen:
            if v.status == GELIJK:
                continue
            element = (nieuw if v.element_id in nieuw.index else oud).index[v.element_id].element
            verwijst = {d for tekst in element.teksten() for d in verwijzingen(tekst)}
            assert (
                v.element_id in t.raakt
                or verwijst & (t.raakt | oud.index.keys() ^ nieuw.index.keys())
                or _verwijst_naar_vernummerd(verwijst, oud, nieuw)
            ), v


def _verwijst_naar_vernummerd(ids: set[str], oud, nieuw) -> bool:  # noqa: ANN001
    return any(i in oud.index and i in nieuw.index and oud.index[i].adres != nieuw.index[i].adres for i in ids)


@INSTELLINGEN
@given(keten())
def test_diff_van_gelijke_versies_is_leeg(data):
    regeling, _, _ = data
    assert all(v.status == GELIJK for v in vergelijk(regeling, regeling))


@settings(max_examples=VOORBEELDEN * 3, deadline=None)
@given(st.text(max_size=80), st.text(max_size=80))
def test_woorddiff_geeft_beide_teksten_terug(a, b):
    segmenten = woorddiff(a, b)
    assert oude_tekst(segmenten) == a
    assert nieuwe_tekst(segmenten) == b


@settings(
    max_examples=int(os.environ.get("GRGEN_DOCX_VOORBEELDEN", "15")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
@given(keten())
def test_word_renvooi_volgens_pandoc(data):
    """pandoc's accept view of the Word renvooi is the new version, its reject view the old one."""
    from generator.render.docx.oxml import Revisie
    from generator.render.word import renvooi_docx
    from tests.docxhulp import lint_revisies, pandoc_tekst

    regeling, info, wijzigingen = data
    geschiedenis = bouw_geschiedenis(regeling, info, tuple(wijzigingen))
    for t in geschiedenis.toepassingen:
        oud, nieuw = t.voor.regeling, t.na.regeling
        docx = renvooi_docx(
            vergelijk(oud, nieuw),
            "Renvooi Proefregeling",
            "Proefregeling – Renvooi",
            "Gemeente Proef",
            Revisie(t.wijziging.kort, t.wijziging.datum_besluit),
            ["Inleiding."],
        )

        def normaal(regels):
            return [" ".join(r.split()) for r in regels if r.strip()]

        assert normaal(pandoc_tekst(docx, "accept"))[2:-1] == normaal(b.volledig for b in blokken(nieuw))
        assert normaal(pandoc_tekst(docx, "reject"))[2:-1] == normaal(b.volledig for b in blokken(oud))
        assert lint_revisies(docx) == []
