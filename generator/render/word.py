"""Word documents of the regeling: the renvooi with native revisions, the was-wordt table and
the consolidated text. Blocks are mapped onto the base document's paragraph styles; numbers are
literal text followed by a tab (never Word auto-numbering), and no raw XML is built here.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Sequence

from generator.blokken import KOP, Blok
from generator.diff.versies import BlokVerschil, Gedeeld
from generator.diff.waswordt import Rij
from generator.diff.woorden import GELIJK, INGEVOEGD, VERWIJDERD
from generator.gcpauze import zonder_collector
from generator.render.docx.document import Alinea, Docx, GenormaliseerdeSegmenten, Segment, kaal_segment, normaliseer_segmenten
from generator.render.docx.oxml import Revisie

# paragraph style per (list depth, has a label); slotteksten of leden and onderdelen use Vervolg.
_STIJL_MET_LABEL = {0: "Lid", 1: "Onderdeel", 2: "Subonderdeel"}
_STIJL_VERVOLG = {"lid": "Vervolg", "onderdeel": "Vervolg 2", "subonderdeel": "Vervolg 2"}


def stijl(blok: Blok) -> str:
    """The paragraph style of a block of regeling text."""
    return _alineastijl(blok.label, blok.niveau, blok.deel, blok.alinea, blok.element_soort)


def _alineastijl(label: str, niveau: int, deel: str, alinea: int, element_soort: str) -> str:
    if label:
        return _STIJL_MET_LABEL.get(niveau, "Subonderdeel")
    if deel == "slot" or alinea:  # text after a list, or a further alinea of a lid or onderdeel
        return _STIJL_VERVOLG.get(element_soort, "Normal")
    return "Normal"


def nieuw_document(titel: str, koptekst: str, datum: dt.date, auteur: str, revisie: Revisie | None = None) -> Docx:
    """A document on grgen's base: title, running header, page numbers, properties from data."""
    doc = Docx(revisie=revisie, kop_en_voet=True)
    doc.eigenschappen(titel=titel, auteur=auteur, datum=datum)
    doc.koptekst(koptekst)
    doc.voettekst()
    doc.kop(titel, niveau=0)
    return doc


def schrijf_blok(doc: Docx, v: BlokVerschil, revisie: Revisie | None = None, opmerking: str | None = None) -> None:
    """One block of the regeling, with revisions where it changed (by `revisie`, else the
    document's own) and an optional comment beside them."""
    blok = v.blok
    status = v.status if v.status in (INGEVOEGD, VERWIJDERD) else GELIJK
    tussen = " " if blok.soort == KOP else "\t"
    if v.status == GELIJK:
        if opmerking is None:
            doc.ongewijzigde_alineas([_ongewijzigde_alinea(v)])
            return
        segmenten = normaliseer_segmenten(_ongewijzigde_alinea(v)[0])
    else:
        # Segments are (kind, text) pairs already. The separator belongs to whatever the block
        # as a whole is: new, deleted or both.
        label, tekst = v.label, v.tekst
        segmenten = _samengevoegd((*label, (status, tussen), *tekst) if label and tekst else (*label, *tekst))
    if blok.soort == KOP:
        doc.kop(segmenten, niveau=min(blok.niveau, 3), alinea_status=status, revisie=revisie, opmerking=opmerking)
    else:
        doc.alinea(segmenten, stijl=stijl(blok), alinea_status=status, revisie=revisie, opmerking=opmerking)


def _ongewijzigde_alinea(v: BlokVerschil) -> tuple[str, str]:
    """(text, style) of an unchanged block: label, separator and text as one run (its segments
    are its own label and text, see `BlokVerschil`)."""
    return _alinea_van(v.nieuw)


def _alinea_van(blok: Blok) -> tuple[str, str]:
    """(text, style) of a block written unchanged (4,600 in a renvooi of 1,000 artikelen: the
    block's fields are unpacked at once)."""
    soort, _, deel, niveau, label, tekst, element_soort, alinea = blok
    if soort == KOP:
        return (f"{label} {tekst}" if label and tekst else label or tekst), _KOPSTIJLEN[min(niveau, 3)]
    return (f"{label}\t{tekst}" if label and tekst else label or tekst), _alineastijl(label, niveau, deel, alinea, element_soort)


_KOPSTIJLEN = {niveau: Docx.kopstijl(niveau) for niveau in range(4)}


def _samengevoegd(delen: Sequence[tuple[str, str]]) -> list[Segment]:
    """Segments of (kind, text) pieces, adjacent pieces of one kind joined: a label, its tab and
    an unchanged text become one run, as `normaliseer_segmenten` would make them, built once.

    >>> [(s.soort, s.tekst) for s in _samengevoegd([("gelijk", "Artikel"), ("gelijk", " 2"), ("ingevoegd", "a")])]
    [('gelijk', 'Artikel 2'), ('ingevoegd', 'a')]
    """
    uit: list[Segment] = GenormaliseerdeSegmenten()  # as `normaliseer_segmenten` leaves them: not walked again
    soort, stukken = None, []
    for s, tekst in delen:
        if not tekst:
            continue
        if s != soort and stukken:
            uit.append(kaal_segment(soort, "".join(stukken)))
            stukken = []
        soort = s
        stukken.append(tekst)
    if stukken:
        uit.append(kaal_segment(soort, "".join(stukken)))
    return uit


def _is_gelijk(v: BlokVerschil | Gedeeld) -> bool:
    return type(v) is Gedeeld or v.status == GELIJK  # type: ignore[union-attr]


@zonder_collector
def renvooi_docx(
    verschillen: Sequence[BlokVerschil | Gedeeld],
    titel: str,
    koptekst: str,
    auteur: str,
    revisie: Revisie,
    inleiding: list[str],
    toelichtingen: dict[str, tuple[str, ...]] | None = None,
) -> bytes:
    """The renvooi: every change a native Word revision by the amendment (author and date).

    `verschillen` as `vergelijk` or `vergelijk_per_deel` gives them: a shared element's blocks
    are written straight from its blocks.

    `auteur` is the organisation (document properties); `toelichtingen` maps element ids to the
    toelichtingen of the onderdelen of the besluit that changed them: each becomes a comment
    beside the first changed block it explains, once.
    """
    doc = nieuw_document(titel, koptekst, revisie.datum, auteur, revisie)
    for tekst in inleiding:
        doc.alinea(tekst)
    gegeven: set[str] = set()
    for ongewijzigd, groep in itertools.groupby(verschillen, key=_is_gelijk):
        if ongewijzigd:  # most blocks: written in one go, without segments
            alineas: list[tuple[str, str]] = []
            for v in groep:
                if type(v) is Gedeeld:
                    alineas.extend(map(_alinea_van, v.blokken()))
                else:
                    alineas.append(_alinea_van(v.nieuw))  # type: ignore[union-attr]
            doc.ongewijzigde_alineas(alineas)
            continue
        for v in groep:
            schrijf_blok(doc, v, opmerking=_toelichting(v, toelichtingen, gegeven) if toelichtingen else None)
    # A wholly inserted or deleted last paragraph would leave an empty one in some readers.
    doc.alinea("Einde van de renvooi.")
    return doc.bewaar_bytes()


def _toelichting(v: BlokVerschil, toelichtingen: dict[str, tuple[str, ...]], gegeven: set[str]) -> str | None:
    """The comment beside a changed block: the toelichtingen of its element not given yet."""
    ids = {b.element_id for b in (v.oud, v.nieuw) if b is not None}
    teksten = list(dict.fromkeys(t for i in sorted(ids) for t in toelichtingen.get(i, ()) if t not in gegeven))
    gegeven.update(teksten)
    return "\n".join(teksten) or None


def tekst_docx(blokken: list[Blok], titel: str, koptekst: str, datum: dt.date, auteur: str, inleiding: list[str], slot: list[str]) -> bytes:
    """The consolidated text of a version, without revisions."""
    doc = nieuw_document(titel, koptekst, datum, auteur)
    for tekst in inleiding:
        doc.alinea(tekst)
    for blok in blokken:
        seg = (
            [Segment(GELIJK, blok.label), Segment(GELIJK, " " if blok.soort == KOP else "\t"), Segment(GELIJK, blok.tekst)]
            if blok.label
            else [Segment(GELIJK, blok.tekst)]
        )
        if blok.soort == KOP:
            doc.kop(seg, niveau=min(blok.niveau, 3))
        else:
            doc.alinea(seg, stijl=stijl(blok))
    for tekst in slot:
        doc.alinea(tekst)
    return doc.bewaar_bytes()


def waswordt_docx(rijen: list[Rij], titel: str, koptekst: str, datum: dt.date, auteur: str, inleiding: list[str]) -> bytes:
    """The was-wordt table: Plaats | Huidige tekst | Nieuwe tekst | Toelichting."""
    doc = nieuw_document(titel, koptekst, datum, auteur)
    for tekst in inleiding:
        doc.alinea(tekst)

    def cel(r: Rij, nieuw: bool) -> list[Alinea]:
        """One side of a row: struck-through deletions in the old text, underlined insertions in
        the new one (formatting, not revisions: the table itself is not to be accepted)."""
        kant = r.kant(nieuw)
        if not kant:
            return [Alinea("—")]
        return [
            Alinea(
                [
                    Segment(
                        GELIJK,
                        s.tekst,
                        vet=v.blok.soort == KOP,
                        doorgehaald=s.soort == VERWIJDERD,
                        onderstreept=s.soort == INGEVOEGD,
                    )
                    for s in segs
                ]
            )
            for v, segs in kant
        ]

    tabelrijen = [[r.plaats, cel(r, False), cel(r, True), [Alinea(t) for t in r.toelichting] or [Alinea("—")]] for r in rijen]
    doc.tabel(["Plaats", "Huidige tekst", "Nieuwe tekst", "Toelichting"], tabelrijen)
    doc.alinea("")
    return doc.bewaar_bytes()
