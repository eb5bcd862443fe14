"""Deriving an amendment from an edited text (`grgen afleiden`): the pure core.

Round trip: for generated regelingen and amendments A, the operations derived from the basis and
the text A produces reproduce that text exactly, with no more operations than A.
Run more examples with GRGEN_VOORBEELDEN=2000 python -m pytest tests/test_afleiden.py -k rondgang.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from generator.blokken import blokken
from generator.diff.afleiden import leid_af
from generator.model import Artikel, Hoofdstuk, Lid, Onderdeel, Versie, VersieInfo
from generator.model.wijziging import Wijziging
from generator.wijzigen.motor import pas_toe
from tests.genereer import _regeling, regelingen, wijziging

VOORBEELDEN = int(os.environ.get("GRGEN_VOORBEELDEN", "60"))
INFO = VersieInfo("v0", "nieuwe regeling", dt.date(2020, 1, 1))


def _pas_toe(basis: Versie, operaties) -> Versie:  # noqa: ANN001
    w = Wijziging(
        "w", "", "", basis.id, "wijziging", "artikelsgewijs", "ontwerp", dt.date(2021, 1, 1), dt.date(2021, 1, 1), tuple(operaties)
    )
    return pas_toe(basis, w, basis).na


@st.composite
def basis_en_wijziging(draw):
    regeling, info = draw(regelingen())
    w = draw(wijziging(regeling, info.id, 1, dt.date(2021, 1, 1)))
    return Versie(info, regeling), w


@settings(max_examples=VOORBEELDEN, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(basis_en_wijziging())
def test_rondgang(data):
    basis, w = data
    assume(w is not None)
    doel = pas_toe(basis, w, basis).na.regeling
    afgeleid = leid_af(basis, doel)
    assert not afgeleid.meldingen, [str(m) for m in afgeleid.meldingen]
    if doel == basis.regeling:
        assert afgeleid.operaties == ()
        return
    assert _pas_toe(basis, afgeleid.operaties).regeling == doel
    assert len(afgeleid.operaties) <= len(w.operaties), [(o.actie, o.doel and o.doel.tekst) for o in afgeleid.operaties]


# -- the forms a drafter would choose ------------------------------------------------------------
def _versie(*artikelen) -> Versie:  # noqa: ANN002
    return Versie(INFO, _regeling((Hoofdstuk("h1", "1", opschrift="Algemeen", kinderen=tuple(artikelen)),)))


def _af(oud: Versie, *artikelen):  # noqa: ANN002
    nieuw = oud.regeling.met(kinderen=(oud.regeling.kinderen[0].met(kinderen=tuple(artikelen)),))
    afgeleid = leid_af(oud, nieuw)
    if not afgeleid.meldingen:  # the same text (new elements have ids of the engine's choosing)
        assert [(b.label, b.tekst) for b in blokken(_pas_toe(oud, afgeleid.operaties).regeling)] == [
            (b.label, b.tekst) for b in blokken(nieuw)
        ]
    return afgeleid


def _vorm(op) -> tuple:  # noqa: ANN001
    return (op.actie, op.doel.tekst if op.doel else None, op.positie, op.wat, op.door, op.tekst, op.telkens)


def test_woorden_op_een_plaats_met_unieke_aanhaling():
    oud = _versie(Artikel("a", "1", "De raad besluit en de raad stelt vast.", opschrift="Besluit"))
    (op,) = _af(oud, Artikel("a", "1", "De raad besluit en het college stelt vast.", opschrift="Besluit")).operaties
    # "raad" occurs twice: the quote grows with its neighbours until it occurs once
    assert _vorm(op) == ("vervangen", "artikel 1", None, "de raad", "het college", None, False)


def test_telkens_en_komt_te_luiden():
    oud = _versie(Artikel("a", "1", "De raad besluit en de raad stelt vast.", opschrift="Besluit"))
    (op,) = _af(oud, Artikel("a", "1", "De commissie besluit en de commissie stelt vast.", opschrift="Besluit")).operaties
    assert _vorm(op) == ("vervangen", "artikel 1", None, "raad", "commissie", None, True)
    # two different changes in one text: komt te luiden
    (op,) = _af(oud, Artikel("a", "1", "Het college besluit en de raad stelt niet vast.", opschrift="Besluit")).operaties
    assert op.actie == "komt_te_luiden" and op.nieuw.tekst == "Het college besluit en de raad stelt niet vast."


def test_invoegen_toevoegen_en_vervallen():
    oud = _versie(Artikel("a", "1", "De raad besluit.", opschrift="Besluit"))
    (op,) = _af(oud, Artikel("a", "1", "De raad besluit spoedig.", opschrift="Besluit")).operaties
    assert _vorm(op) == ("woorden_toevoegen", "artikel 1", None, None, None, "spoedig", False)
    (op,) = _af(oud, Artikel("a", "1", "De gemeenteraad besluit.", opschrift="Besluit")).operaties
    assert _vorm(op) == ("vervangen", "artikel 1", None, "raad", "gemeenteraad", None, False)
    (op,) = _af(oud, Artikel("a", "1", "De raad besluit niet.", opschrift="Besluit")).operaties
    assert op.actie == "woorden_toevoegen"
    oud = _versie(Artikel("a", "1", "De raad van de gemeente besluit.", opschrift="Besluit"))
    (op,) = _af(oud, Artikel("a", "1", "De raad besluit.", opschrift="Besluit")).operaties
    assert _vorm(op) == ("woorden_vervallen", "artikel 1", None, "van de gemeente", None, None, False)


def test_leden_en_artikelen():
    leden = (Lid("a.1", "1", "Een."), Lid("a.2", "2", "Twee."), Lid("a.3", "3", "Drie."))
    oud = _versie(Artikel("a", "1", kinderen=leden, opschrift="A"), Artikel("b", "2", "Bee.", opschrift="B"))
    # a lid deleted and one inserted at its place; a new artikel after artikel 1
    nieuw_lid = Lid("_nieuw.1", "2", "Nieuw.")
    afgeleid = _af(
        oud,
        Artikel("a", "1", kinderen=(leden[0], nieuw_lid, leden[2]), opschrift="A"),
        Artikel("_nieuw.2", "1a", "Nieuw artikel.", opschrift="Nieuw"),
        Artikel("b", "2", "Bee.", opschrift="B"),
    )
    assert [(o.actie, o.doel.tekst, o.positie) for o in afgeleid.operaties] == [
        ("invoegen", "artikel 1, eerste lid", "na"),
        ("vervalt", "artikel 1, tweede lid", None),
        ("invoegen", "artikel 1", "na"),
    ]
    # one of two leden vervalt: the remaining lid loses its number (the artikel is rewritten)
    oud = _versie(Artikel("a", "1", kinderen=leden[:2], opschrift="A"))
    (op,) = _af(oud, Artikel("a", "1", "Een.", opschrift="A")).operaties
    assert op.actie == "komt_te_luiden" and op.nieuw.tekst == "Een."


def test_verwijzing_in_aanhaling_en_verplaatsing():
    oud = _versie(Artikel("a", "1", "Zie [[b]] voor de raad.", opschrift="A"), Artikel("b", "2", "Bee.", opschrift="B"))
    (op,) = _af(oud, Artikel("a", "1", "Zie [[b]], voor de raad.", opschrift="A"), Artikel("b", "2", "Bee.", opschrift="B")).operaties
    assert _vorm(op) == ("woorden_invoegen", "artikel 1", "voor", "voor", None, ",", False)
    # a changed reference cannot be quoted: komt te luiden
    (op,) = _af(oud, Artikel("a", "1", "Zie [[a]] voor de raad.", opschrift="A"), Artikel("b", "2", "Bee.", opschrift="B")).operaties
    assert op.actie == "komt_te_luiden"
    # kept artikelen in another order cannot be an amendment: a located message
    afgeleid = _af(oud, Artikel("b", "2", "Bee.", opschrift="B"), Artikel("a", "1", "Zie [[b]] voor de raad.", opschrift="A"))
    assert afgeleid.operaties == () and afgeleid.meldingen


def test_yaml_leest_terug(tmp_path):
    """What the writer writes, the loader reads as the same operations."""
    from generator.errors import Verzamelaar
    from generator.loader.wijziging import lees_wijziging
    from generator.render.wijziging_yaml import wijziging_yaml

    leden = (Lid("a.1", "1", "De raad: besluit.", kinderen=()), Lid("a.2", "2", "Twee."))
    oud = _versie(Artikel("a", "1", kinderen=leden, opschrift="A"), Artikel("b", "2", "In: [[a]].", opschrift="B"))
    afgeleid = _af(
        oud,
        Artikel("a", "1", kinderen=(Lid("a.1", "1", "De raad: besluit nu."), leden[1], Lid("_nieuw.1", "3", "Drie: ja.")), opschrift="Aa"),
        Artikel(
            "_nieuw.2", "1a", "Vier.", kinderen=(Onderdeel("_nieuw.3", "a", "een;"), Onderdeel("_nieuw.4", "b", "twee.")), opschrift="N"
        ),
        Artikel("b", "2", "In: [[a]].", opschrift="B"),
    )
    assert not afgeleid.meldingen and len(afgeleid.operaties) == 4, [str(m) for m in afgeleid.meldingen]
    pad = tmp_path / "w.yaml"
    pad.write_text(wijziging_yaml("w", "W", "v0", dt.date(2021, 1, 1), afgeleid.operaties, "x.docx"), encoding="utf-8")
    v = Verzamelaar()
    gelezen = lees_wijziging(pad, "w.yaml", v)
    assert not v.meldingen, [str(m) for m in v.meldingen]

    def zonder_bron(op):  # noqa: ANN001, ANN202
        nieuw = op.nieuw and _zonder_ids(op.nieuw)
        return dataclasses.replace(op, bron=None, doel=op.doel and dataclasses.replace(op.doel, bron=None), nieuw=nieuw, toelichting=None)

    assert [zonder_bron(o) for o in gelezen.operaties] == [zonder_bron(o) for o in afgeleid.operaties]
    assert _pas_toe(oud, gelezen.operaties).regeling == _pas_toe(oud, afgeleid.operaties).regeling


def _zonder_ids(e):  # noqa: ANN001, ANN202
    return e.met(id="", nummer=e.nummer if e.vast_nummer else "", bron=None, kinderen=tuple(_zonder_ids(k) for k in e.kinderen))


def test_artikel_krijgt_leden():
    """An artikel without leden that gets a second lid: "toevoegen"; the engine places "1."."""
    oud = _versie(Artikel("a", "1", "De raad besluit.", opschrift="A"))
    (op,) = _af(
        oud,
        Artikel(
            "a", "1", kinderen=(Lid("_nieuw.1", "1", "De raad besluit."), Lid("_nieuw.2", "2", "Het college voert uit.")), opschrift="A"
        ),
    ).operaties
    assert (op.actie, op.doel.tekst, op.nieuw.tekst) == ("toevoegen", "artikel 1", "Het college voert uit.")


@settings(max_examples=max(10, VOORBEELDEN // 3), deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(basis_en_wijziging())
def test_rondgang_door_markdown(data):
    """The whole way: the ontwerp (Markdown) of the amended text read as an edited ontwerp of the
    basis gives operations that produce that text (new elements get ids of the engine's choosing)."""
    from generator.loader.ontwerp import lees_markdown
    from generator.ontwerpsleutels import sleutels
    from generator.render.ontwerp import ontwerp_md
    from generator.wijzigen.bewerking import bouw_bewerking

    basis, w = data
    assume(w is not None)
    doel = pas_toe(basis, w, basis).na
    alineas = lees_markdown(ontwerp_md(doel), "o.md", sleutels(basis.regeling))
    bewerking = bouw_bewerking(basis.regeling, alineas, dt.date(2021, 1, 1))
    assert not bewerking.meldingen, [str(m) for m in bewerking.meldingen]
    afgeleid = leid_af(basis, bewerking.regeling)
    assert not afgeleid.meldingen, [str(m) for m in afgeleid.meldingen]
    uit = _pas_toe(basis, afgeleid.operaties).regeling if afgeleid.operaties else basis.regeling
    assert [(b.label, b.tekst) for b in blokken(uit)] == [(b.label, b.tekst) for b in blokken(doel.regeling)]


def test_zinnen(tmp_path):
    """A change within one sentence of several: that sentence komt te luiden or vervalt (Ar 3.29)."""
    from generator.errors import Verzamelaar
    from generator.loader.wijziging import lees_wijziging
    from generator.render.wijziging_yaml import wijziging_yaml

    oud = _versie(
        Artikel(
            "a",
            "1",
            kinderen=(Lid("a.1", "1", "De raad besluit. Het college voert het besluit uit. Dat gebeurt snel."), Lid("a.2", "2", "Twee.")),
            opschrift="A",
        )
    )
    (op,) = _af(
        oud,
        Artikel(
            "a",
            "1",
            kinderen=(
                Lid("a.1", "1", "De raad besluit. Een commissie bereidt het besluit jaarlijks voor. Dat gebeurt snel."),
                Lid("a.2", "2", "Twee."),
            ),
            opschrift="A",
        ),
    ).operaties
    assert (op.actie, op.doel.tekst, op.doel.zin, op.tekst) == (
        "komt_te_luiden",
        "artikel 1, eerste lid",
        2,
        "Een commissie bereidt het besluit jaarlijks voor.",
    )
    (weg,) = _af(
        oud, Artikel("a", "1", kinderen=(Lid("a.1", "1", "De raad besluit. Dat gebeurt snel."), Lid("a.2", "2", "Twee.")), opschrift="A")
    ).operaties
    assert (weg.actie, weg.doel.zin) == ("vervalt", 2)
    pad = tmp_path / "w.yaml"
    pad.write_text(wijziging_yaml("w", "W", "v0", dt.date(2021, 1, 1), (op,), "x.docx"), encoding="utf-8")
    assert "doel: artikel 1, eerste lid, tweede zin" in pad.read_text(encoding="utf-8")
    v = Verzamelaar()
    gelezen = lees_wijziging(pad, "w.yaml", v)
    assert not v.meldingen and _pas_toe(oud, gelezen.operaties).regeling == _pas_toe(oud, (op,)).regeling
