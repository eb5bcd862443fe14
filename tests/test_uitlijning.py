"""Children of a replaced element are aligned by content, not by position (issue 17, scope 1).

A "komt te luiden" gives the new leden and onderdelen ids by position, so the block diff must
find the unchanged onderdeel that moved from b to c itself, as Word's Compare would.
"""

from __future__ import annotations

import re
from pathlib import Path

from generator.blokken import ALINEA, Blok, blokken
from generator.diff.versies import GEWIJZIGD, vergelijk, vergelijk_blokken
from generator.diff.waswordt import rijen
from generator.diff.woorden import GELIJK, INGEVOEGD, VERWIJDERD, woorddiff
from generator.pipeline import laad
from tests.test_wijzigen import pas_toe

PROJECT = Path(__file__).resolve().parent.parent
_TOKEN = re.compile(r"\w+|[^\w\s]")


def _verwijderd(segmenten) -> int:  # noqa: ANN001
    return sum(len(_TOKEN.findall(s.tekst)) for s in segmenten if s.soort == VERWIJDERD)


def test_informatiemanagement_verwijdert_niet_meer_dan_een_woorddiff() -> None:
    """Measure of scope 1: deleted tokens in the renvooi <= 110 % of a plain word diff of the
    whole old and new text (before the alignment: 115 against 70)."""
    _, g = laad(PROJECT).geschiedenis()
    t = g.toepassing("2025-uitbreiding-informatiemanagement")
    renvooi = sum(_verwijderd((*v.label, *v.tekst)) for v in vergelijk(t.voor.regeling, t.na.regeling))
    oud = "\n".join(b.volledig for b in blokken(t.voor.regeling))
    nieuw = "\n".join(b.volledig for b in blokken(t.na.regeling))
    woord = _verwijderd(woorddiff(oud, nieuw))
    assert renvooi <= 1.10 * woord, (renvooi, woord)


def _alinea(element_id: str, label: str, tekst: str) -> Blok:
    return Blok(ALINEA, element_id, "tekst", 1, label, tekst, "onderdeel")


def test_onderdeel_dat_opschuift_toont_alleen_de_letter() -> None:
    oud = [_alinea("x.a", "a.", "de kosten te beheersen;"), _alinea("x.b", "b.", "de kwaliteit te waarborgen en te verbeteren;")]
    nieuw = [
        _alinea("x.a", "a.", "een stabiele en veilige omgeving te bieden;"),
        _alinea("x.b", "b.", "de kosten te beheersen;"),
        _alinea("x.c", "c.", "de kwaliteit te waarborgen en te verbeteren;"),
    ]
    v = vergelijk_blokken(oud, nieuw)
    assert [x.status for x in v] == [INGEVOEGD, GEWIJZIGD, GEWIJZIGD]
    assert [(s.soort, s.tekst) for s in v[1].label] == [(VERWIJDERD, "a."), (INGEVOEGD, "b.")]
    assert [s.soort for s in v[1].tekst] == [GELIJK] and [s.soort for s in v[2].tekst] == [GELIJK]


def test_ongelijke_tekst_op_dezelfde_plaats_blijft_een_paar() -> None:
    """Without a better match, same id still pairs (the label stays unmarked)."""
    v = vergelijk_blokken([_alinea("x.a", "a.", "de kosten te beheersen;")], [_alinea("x.a", "a.", "geheel andere woorden hier;")])
    assert [x.status for x in v] == [GEWIJZIGD]
    assert [s.soort for s in v[0].label] == [GELIJK]


def test_omgekeerde_volgorde_verliest_geen_tekst() -> None:
    """Hostile: the onderdelen swap places; whatever is paired, accept and reject views hold."""
    a, b = "de kosten te beheersen voor iedereen;", "de kwaliteit te waarborgen voor iedereen;"
    v = vergelijk_blokken([_alinea("x.a", "a.", a), _alinea("x.b", "b.", b)], [_alinea("x.a", "a.", b), _alinea("x.b", "b.", a)])
    oud = [x.oud.tekst for x in v if x.oud is not None]
    nieuw = [x.nieuw.tekst for x in v if x.nieuw is not None]
    assert oud == [a, b] and nieuw == [b, a]


def test_artikel_van_tekst_naar_leden_in_een_rij(tmp_path: Path) -> None:
    """The was-wordt of an artikel that goes from plain text to leden puts the old text beside
    the new leden, and the renvooi shows the old text as the (unchanged) first lid."""
    t = pas_toe(
        tmp_path,
        """\
        - actie: komt_te_luiden
          doel: artikel 3
          nieuw:
            opschrift: Overleg
            leden:
              - tekst: Het overleg vindt ten minste twee keer per jaar plaats.
              - tekst: Het college kan een extra overleg beleggen.
        """,
    )
    verschillen = vergelijk(t.voor.regeling, t.na.regeling)
    lid1 = next(v for v in verschillen if v.nieuw is not None and v.nieuw.label == "1.")
    assert lid1.oud is not None and [s.soort for s in lid1.tekst] == [GELIJK]
    tabel = rijen(verschillen, t.voor.regeling, t.na.regeling, t.toelichting_per_element())
    rij = next(r for r in tabel if any(b.tekst.startswith("Het overleg") for b in r.oud))
    assert rij.plaats == "artikel 3"
    assert [b.label for b in rij.nieuw if b.label] == ["Artikel 3", "1.", "2."]
