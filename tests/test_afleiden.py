"""Deriving an amendment from an edited text (`grgen afleiden`): the pure core.

Round trip: for generated regelingen and amendments A, the operations derived from the basis and
the text A produces reproduce that text exactly, with no more operations than A.
Run more examples with GRGEN_VOORBEELDEN=2000 python -m pytest tests/test_afleiden.py -k rondgang.
"""

from __future__ import annotations

import datetime as dt
import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.diff.afleiden import leid_af
from generator.model import Versie, VersieInfo
from generator.model.wijziging import Wijziging
from generator.wijzigen.motor import pas_toe
from tests.genereer import regelingen, wijziging

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
    if w is None:
        return
    doel = pas_toe(basis, w, basis).na.regeling
    afgeleid = leid_af(basis, doel)
    assert not afgeleid.meldingen, [str(m) for m in afgeleid.meldingen]
    if doel == basis.regeling:
        assert afgeleid.operaties == ()
        return
    assert _pas_toe(basis, afgeleid.operaties).regeling == doel
    assert len(afgeleid.operaties) <= len(w.operaties), [(o.actie, o.doel and o.doel.tekst) for o in afgeleid.operaties]
