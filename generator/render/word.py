"""Word documents of the regeling: the renvooi with native revisions, the was-wordt table and
the consolidated text. Blocks are mapped onto the base document's paragraph styles; numbers are
literal text followed by a tab (never Word auto-numbering), and no raw XML is built here.
"""

from __future__ import annotations

import datetime as dt
import itertools

from generator.blokken import KOP, Blok
from generator.diff.versies import BlokVerschil
from generator.diff.waswordt import Rij
from generator.diff.woorden import GELIJK, INGEVOEGD, VERWIJDERD
from generator.render.docx.document import Alinea, Docx, Segment, normaliseer_segmenten
from generator.render.docx.oxml import Revisie

# paragraph style per (list depth, has a label); slotteksten of leden and onderdelen use Vervolg.
_STIJL_MET_LABEL = {0: "Lid", 1: "Onderdeel", 2: "Subonderdeel"}
_STIJL_VERVOLG = {"lid": "Vervolg", "onderdeel": "Vervolg 2", "subonderdeel": "Vervolg 2"}


def stijl(blok: Blok) -> str:
    """The paragraph style of a block of regeling text."""
    if blok.label:
        return _STIJL_MET_LABEL.get(blok.niveau, "Subonderdeel")
    if blok.deel == "slot" or blok.alinea:  # text after a list, or a further alinea of a lid or onderdeel
        return _STIJL_VERVOLG.get(blok.element_soort, "Normal")
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
        delen = [(s.soort, s.tekst) for s in v.label]
        if delen and v.tekst:
            # The separator belongs to whatever the block as a whole is: new, deleted or both.
            delen.append((status, tussen))
        delen += [(s.soort, s.tekst) for s in v.tekst]
        segmenten = _samengevoegd(delen)
    if blok.soort == KOP:
        doc.kop(segmenten, niveau=min(blok.niveau, 3), alinea_status=status, revisie=revisie, opmerking=opmerking)
    else:
        doc.alinea(segmenten, stijl=stijl(blok), alinea_status=status, revisie=revisie, opmerking=opmerking)


def _ongewijzigde_alinea(v: BlokVerschil) -> tuple[str, str]:
    """(text, style) of an unchanged block: label, separator and text as one run (its segments
    are its own label and text, see `BlokVerschil`)."""
    blok = v.nieuw
    label, tekst = blok.label, blok.tekst
    if blok.soort == KOP:
        return (f"{label} {tekst}" if label and tekst else label or tekst), _KOPSTIJLEN[min(blok.niveau, 3)]
    return (f"{label}\t{tekst}" if label and tekst else label or tekst), stijl(blok)


_KOPSTIJLEN = {niveau: Docx.kopstijl(niveau) for niveau in range(4)}


def _samengevoegd(delen: list[tuple[str, str]]) -> list[Segment]:
    """Segments of (kind, text) pieces, adjacent pieces of one kind joined: a label, its tab and
    an unchanged text become one run, as `normaliseer_segmenten` would make them, built once.

    >>> [(s.soort, s.tekst) for s in _samengevoegd([("gelijk", "Artikel"), ("gelijk", " 2"), ("ingevoegd", "a")])]
    [('gelijk', 'Artikel 2'), ('ingevoegd', 'a')]
    """
    uit: list[Segment] = []
    soort, stukken = None, []
    for s, tekst in delen:
        if not tekst:
            continue
        if s != soort and stukken:
            uit.append(Segment(soort, "".join(stukken)))
            stukken = []
        soort = s
        stukken.append(tekst)
    if stukken:
        uit.append(Segment(soort, "".join(stukken)))
    return uit


def _is_gelijk(v: BlokVerschil) -> bool:
    return v.status == GELIJK


def renvooi_docx(
    verschillen: list[BlokVerschil],
    titel: str,
    koptekst: str,
    auteur: str,
    revisie: Revisie,
    inleiding: list[str],
    toelichtingen: dict[str, tuple[str, ...]] | None = None,
) -> bytes:
    """The renvooi: every change a native Word revision by the amendment (author and date).

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
            doc.ongewijzigde_alineas([_ongewijzigde_alinea(v) for v in groep])
            continue
        for v in groep:
            ids = {b.element_id for b in (v.oud, v.nieuw) if b is not None}
            teksten = [t for i in sorted(ids) for t in (toelichtingen or {}).get(i, ()) if t not in gegeven]
            teksten = list(dict.fromkeys(teksten))
            gegeven.update(teksten)
            schrijf_blok(doc, v, opmerking="\n".join(teksten) or None)
    # A wholly inserted or deleted last paragraph would leave an empty one in some readers.
    doc.alinea("Einde van de renvooi.")
    return doc.bewaar_bytes()


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
