"""Invariants of the amendment engine and the diff, on generated regelingen and amendments.

Run more examples with GRGEN_VOORBEELDEN=10000 python -m pytest tests/test_eigenschappen.py.
"""

from __future__ import annotations

import copy
import datetime as dt
import os
from unittest import mock

import fast_diff_match_patch
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from generator.adressen import los_op, verwijzingen
from generator.blokken import BIJLAGE, bijlage_blokken, blokken
from generator.diff.versies import vergelijk
from generator.diff.woorden import GELIJK, nieuwe_tekst, oude_tekst, woorddiff
from generator.model import Versie
from generator.model.wijziging import GEVOLG
from generator.render.besluit import besluitonderdelen
from generator.wijzigen.motor import pas_toe
from generator.wijzigen.tijdlijn import bouw_geschiedenis
from tests.genereer import regelingen, wijziging

VOORBEELDEN = int(os.environ.get("GRGEN_VOORBEELDEN", "60"))
INSTELLINGEN = settings(max_examples=VOORBEELDEN, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])


@st.composite
def keten(draw):
    """A regeling and a chain of 1 to 4 amendments, each on the version before it; half of them
    with texts of more than one alinea and lists marked "•" or "-" (as `grgen importeer` keeps them)."""
    rijk = draw(st.booleans())
    regeling, info = draw(regelingen(rijk))
    versie = Versie(info, regeling)
    wijzigingen = []
    datum = dt.date(2021, 1, 1)
    ooit_ids, ooit_nummers = set(regeling.index), {a.nummer for a in regeling.artikelen()}
    for n in range(1, draw(st.integers(1, 4)) + 1):
        w = draw(wijziging(versie.regeling, versie.id, n, datum, rijk))
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
        # The besluit has one sentence per operation (two where "1." is placed before the text),
        # and one per element whose references follow a change elsewhere.
        # (A lid's changes may be grouped under "Het tweede lid wordt als volgt gewijzigd:", and a
        # reference's change may share the sentence of a word change of the same element.)
        zinnen = [z for o in besluitonderdelen(t) for top in o.zinnen for z in top.alle() if not z.onderdelen]
        extra = sum(1 for s in t.stappen if s.aanduiding == "geplaatst")
        gevolgen = sum(1 for s in t.stappen if s.operatie.actie == GEVOLG)
        assert len(t.wijziging.operaties) + extra <= len(zinnen) <= len(t.wijziging.operaties) + extra + gevolgen


@INSTELLINGEN
@given(keten())
def test_elke_tekstwijziging_staat_in_het_besluit(data):
    """The text of an element differs between the old and the new version only if an instruction
    of the besluit names that element, or an ancestor whose whole text it quotes (domein.md §6)."""
    regeling, info, wijzigingen = data
    geschiedenis = bouw_geschiedenis(regeling, info, tuple(wijzigingen))
    for t in geschiedenis.toepassingen:
        oud, nieuw = t.voor.regeling, t.na.regeling
        genoemd: set[str] = set()  # the elements an instruction names
        geheel: set[str] = set()  # the elements whose whole text an instruction quotes or changes at the end
        for o in besluitonderdelen(t):
            for z in (z for top in o.zinnen for z in top.alle()):
                if z.element_id:
                    genoemd.add(z.element_id)
        for s in t.stappen:
            if s.operatie.actie in ("komt_te_luiden", "invoegen", "toevoegen") and s.element_id:
                geheel.add(s.element_id)
            if s.aanduiding:  # "1." placed before the text, or dropped with the last lid but one: the artikel's text moves
                plek = s.voor.index.get(s.element_id) or s.na.index[s.element_id]
                geheel |= {o.id for o in plek.ouders if o.soort == "artikel"}
            if s.slotwijzigingen:  # "onder vervanging van "; of" aan het slot van onderdeel c door ..."
                plek = s.voor.index.get(s.element_id) or s.na.index[s.element_id]
                genummerd = {n for n, _, _ in s.slotwijzigingen}
                ouder = s.voor.index[plek.ouder.id].element if plek.ouder else None  # numbers as before the change
                geheel |= {k.id for k in (ouder.kinderen if ouder else ()) if k.nummer in genummerd}
            if s.leesteken:  # "onder vervanging van de punt aan het slot van onderdeel d"
                ouder = s.voor.index[s.element_id].ouder if s.element_id in s.voor.index else s.na.index[s.element_id].ouder
                geheel |= {k.id for k in (ouder.kinderen if ouder else ()) if k.nummer == s.leesteken}
                geheel |= {
                    k.id
                    for k in (s.na.index[ouder.id].element.kinderen if ouder and ouder.id in s.na.index else ())
                    if k.nummer == s.leesteken
                }
        for plek in nieuw.elementen():
            element_id = plek.element.id
            if element_id not in oud.index:
                continue
            voor_plek = oud.index[element_id]
            if _weergave(oud, voor_plek) == _weergave(nieuw, plek):
                continue
            voorouders = {o.id for o in plek.ouders} | {o.id for o in voor_plek.ouders}
            assert element_id in genoemd or element_id in geheel or voorouders & geheel, (
                t.wijziging.id,
                plek.adres,
                _weergave(oud, voor_plek),
                _weergave(nieuw, plek),
                [z.zin for o in besluitonderdelen(t) for top in o.zinnen for z in top.alle()],
            )
        # A bijlage changes only by an instruction that names it (replaced, removed or added whole).
        for b in {*oud.bijlagen, *nieuw.bijlagen}:
            if oud.bijlage(b.id) != nieuw.bijlage(b.id):
                assert b.id in genoemd, (
                    t.wijziging.id,
                    b.verwijzing,
                    [z.zin for o in besluitonderdelen(t) for top in o.zinnen for z in top.alle()],
                )
        zinnen = [z.zin for o in besluitonderdelen(t) for top in o.zinnen for z in top.alle()]
        assert all("[[" not in z for z in zinnen)
        event(f"verwijzingen aangepast: {sum(1 for s in t.stappen if s.operatie.actie == GEVOLG) > 0}")


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
        assert aanvaard == [(b.label, b.tekst) for b in (*blokken(nieuw), *bijlage_blokken(nieuw))]
        assert geweigerd == [(b.label, b.tekst) for b in (*blokken(oud), *bijlage_blokken(oud))]
        # Only what the amendment touched, or text that refers to it, carries marks.
        for v in verschillen:
            if v.status == GELIJK:
                continue
            if v.blok.element_soort == BIJLAGE:  # marked only where this amendment replaced, removed or added it
                assert v.element_id in t.raakt, v
                continue
            element = (nieuw if v.element_id in nieuw.index else oud).index[v.element_id].element
            verwijst = {d for tekst in element.teksten() for d in verwijzingen(tekst)}
            assert (
                v.element_id in t.raakt
                or verwijst & (t.raakt | oud.index.keys() ^ nieuw.index.keys())
                or _verwijst_naar_vernummerd(verwijst, oud, nieuw)
            ), v


def _weergave(regeling, plek) -> tuple[str, ...]:  # noqa: ANN001
    """An element's own printed texts: tekst, slottekst, opschrift."""
    return tuple(los_op(getattr(plek.element, veld) or "", regeling, plek) for veld in ("tekst", "slottekst", "opschrift"))


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


_ZINNEN = st.lists(
    st.sampled_from(["de", "het", "raad", "college", "artikel", "lid", " ", "  ", ",", ".", ";", "\n", "2", "é"]), max_size=60
)


@settings(max_examples=VOORBEELDEN * 3, deadline=None)
@given(_ZINNEN, _ZINNEN, st.booleans())
def test_woorddiff_als_de_python_versie_van_diff_match_patch(a, b, veel) -> None:
    """The C++ port of diff-match-patch gives what the Python port gives (no time limit,
    semantic cleanup) on texts coded as grgen codes them, one private-use character per token;
    `veel` first fills the code table, so the tokens get characters beyond the first plane."""
    from diff_match_patch import diff_match_patch

    from generator.diff.woorden import codes

    tekens = codes([*(f"w{i}" for i in range(6400 if veel else 0)), *a, *b])
    oud, nieuw = "".join(tekens[w] for w in a), "".join(tekens[w] for w in b)
    dmp = diff_match_patch()
    dmp.Diff_Timeout = 0
    python = dmp.diff_main(oud, nieuw, False)
    dmp.diff_cleanupSemantic(python)
    soort = {0: "=", 1: "+", -1: "-"}
    assert fast_diff_match_patch.diff(oud, nieuw, timelimit=0, checklines=False, cleanup="Semantic") == [
        (soort[op], len(tekst)) for op, tekst in python
    ]
    segmenten = woorddiff("".join(a), "".join(b))
    assert oude_tekst(segmenten) == "".join(a)
    assert nieuwe_tekst(segmenten) == "".join(b)


_WOORDENSCHAT = st.lists(
    st.sampled_from(["de", "het", "raad", "college", "artikel", "lid", "taken", "regeling", "IT", " ", ",", ".", "3"]),
    max_size=50,
)


@settings(max_examples=VOORBEELDEN * 3, deadline=None)
@given(_WOORDENSCHAT, _WOORDENSCHAT)
def test_woorddiff_zonder_diff_bij_nieuwe_tekst_als_met_diff(a, b) -> None:
    """A text the diff could not keep half of is replaced whole without diffing it
    (`_helft_kan_blijven`): the same segments as when the diff is run and found too scattered."""
    from generator.diff import woorden

    oud, nieuw = "".join(a), "".join(b)
    snel = woorddiff(oud, nieuw)
    with mock.patch.object(woorden, "_helft_kan_blijven", lambda *_: True):
        assert woorden.woorddiff(oud, nieuw) == snel


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

        assert normaal(pandoc_tekst(docx, "accept"))[2:-1] == normaal(b.volledig for b in (*blokken(nieuw), *bijlage_blokken(nieuw)))
        assert normaal(pandoc_tekst(docx, "reject"))[2:-1] == normaal(b.volledig for b in (*blokken(oud), *bijlage_blokken(oud)))
        assert lint_revisies(docx) == []
