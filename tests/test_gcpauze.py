"""The cyclic collector is paused while the renvooi's pure steps run, and switched back on after."""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Iterator

import pytest

from generator.diff.versies import gewijzigde_blokken, vergelijk
from generator.gcpauze import collector_gepauzeerd
from generator.model import Artikel, Hoofdstuk
from generator.render.docx.oxml import Revisie
from generator.render.word import renvooi_docx
from tests.test_schaal import _regeling_met


@pytest.fixture
def collecties() -> Iterator[list[int]]:
    """Every collection the collector starts, counted, with a threshold that makes it run often."""
    gestart: list[int] = []

    def tel(fase: str, info: dict) -> None:
        if fase == "start":
            gestart.append(info["generation"])

    drempels = gc.get_threshold()
    gc.set_threshold(10)
    gc.callbacks.append(tel)
    try:
        yield gestart
    finally:
        gc.callbacks.remove(tel)
        gc.set_threshold(*drempels)


def _versies():  # noqa: ANN202
    artikelen = [Artikel(f"a{n}", str(n), f"Tekst {n} over de taken van het bestuur.") for n in range(1, 200)]
    oud = _regeling_met(Hoofdstuk("h1", "1", opschrift="Taken", kinderen=tuple(artikelen)))
    nieuw = _regeling_met(Hoofdstuk("h1", "1", opschrift="Taken", kinderen=(*artikelen[:-1], artikelen[-1].met(tekst="Anders."))))
    return oud, nieuw


def test_vergelijken_en_renvooi_zonder_collecties(collecties: list[int]) -> None:
    oud, nieuw = _versies()
    vergelijk.__wrapped__(oud, nieuw)  # the control: unpaused, the collector runs again and again
    assert len(collecties) > 20, collecties
    collecties.clear()
    verschillen = vergelijk(oud, nieuw)
    gewijzigde_blokken(oud, nieuw)
    renvooi_docx(verschillen, "Renvooi", "Renvooi", "Aastad", Revisie("Aastad", dt.date(2026, 1, 1)), [])
    # At most the one collection each call leaves for when it ends (the first allocation after).
    assert len(collecties) <= 3, collecties
    assert gc.isenabled()


def test_pauze_eindigt_ook_bij_een_fout_en_laat_een_buitenste_pauze_staan() -> None:
    with pytest.raises(ZeroDivisionError), collector_gepauzeerd():
        1 / 0  # noqa: B018
    assert gc.isenabled()
    with collector_gepauzeerd():
        with collector_gepauzeerd():
            pass
        assert not gc.isenabled()  # the inner pause leaves the outer one standing
    assert gc.isenabled()
    gc.disable()
    try:
        with collector_gepauzeerd():
            pass
        assert not gc.isenabled()  # it was off before: it stays off
    finally:
        gc.enable()
