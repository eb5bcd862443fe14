"""Views of `grgen diff` and `grgen geschiedenis`: terminal, Markdown, HTML, JSON and Word.

Every view is built from the same pure result (`diff.overzicht.Verschil` or
`ElementGeschiedenis`) through two dispatch tables: one per diff segment kind (gelijk,
ingevoegd, verwijderd) and one per element event (nieuw, vervallen, gewijzigd, vernummerd).
Nothing here reads or writes files; `DIFF_FORMATEN` and `GESCHIEDENIS_FORMATEN` return text or
bytes for the command to write.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from html import escape
from typing import Any

import click

from generator.blokken import KOP
from generator.diff.overzicht import (
    NIEUW,
    TOEGETREDEN,
    VERNUMMERD,
    VERVALLEN,
    Eenheid,
    ElementGeschiedenis,
    ElementWijziging,
    Kant,
    Moment,
    Oorzaak,
    Verschil,
)
from generator.diff.versies import GEWIJZIGD, BlokVerschil
from generator.diff.woorden import GELIJK, INGEVOEGD, VERWIJDERD, Segment
from generator.model.wijziging import Wijziging
from generator.render.docx.oxml import Revisie
from generator.render.renvooi_md import blok_md
from generator.render.segmenten import HTML, TEKST_KLEUR, TEKST_PLAT, SegmentWeergave, segmenten
from generator.render.tekstweergave import md_escape
from generator.render.versienamen import koptekst
from generator.render.word import nieuw_document, schrijf_blok

# -- dispatch tables -------------------------------------------------------------------------------

GEBEURTENIS_KLEUR = {NIEUW: "green", VERVALLEN: "red", GEWIJZIGD: "yellow", VERNUMMERD: "cyan"}
GEBEURTENIS_ZIN = {
    NIEUW: "ingevoegd",
    VERVALLEN: "vervallen",
    GEWIJZIGD: "gewijzigd",
    VERNUMMERD: "vernummerd",
}
DEELNEMER_ZIN = {TOEGETREDEN: "toegetreden", "uitgetreden": "uitgetreden"}


# -- shared wording --------------------------------------------------------------------------------


def _datum(d: dt.date | None) -> str:
    return f"{d:%d-%m-%Y}" if d else "-"


def oorzaak_tekst(o: Oorzaak) -> str:
    """ "2025-toetreding-borne, onderdeel A", with a note for a reference that followed a renumbering."""
    tekst = f"{o.id}, onderdeel {o.onderdeel}" if o.onderdeel else o.id
    return tekst + (" (verwijzing volgt de vernummering)" if o.via_verwijzing else "")


def oorzaken_tekst(oorzaken: tuple[Oorzaak, ...]) -> str:
    return "; ".join(oorzaak_tekst(o) for o in oorzaken)


def was(oud: str, nieuw: str) -> str:
    """The part of an old address that differs from the new one.

    >>> was("artikel 13, vierde lid", "artikel 13, derde lid")
    'vierde lid'
    >>> was("artikel 9, tweede lid, onderdeel b", "artikel 9, tweede lid, onderdeel d")
    'onderdeel b'
    """
    oude, nieuwe = oud.split(", "), nieuw.split(", ")
    gemeen = 0
    while gemeen < min(len(oude), len(nieuwe)) - 1 and oude[gemeen] == nieuwe[gemeen]:
        gemeen += 1
    return ", ".join(oude[gemeen:])


def element_tekst(e: ElementWijziging) -> str:
    """The element as the summary names it: "artikel 1, onderdeel i (was onderdeel h; nummer en tekst)"."""
    notities = []
    if e.adres_oud and e.adres_oud != e.adres:
        notities.append(f"was {was(e.adres_oud, e.adres)}")
    if e.gebeurtenis == GEWIJZIGD and e.delen not in (("tekst",), ("nummer", "tekst")):
        notities.append(" en ".join(e.delen))
    return e.adres + (f" ({'; '.join(notities)})" if notities else "")


def kant_tekst(k: Kant) -> str:
    waar = f" uit {k.map}" if k.map is not None else ""
    return f"versie {k.versie.id}{waar} (geldend vanaf {_datum(k.versie.info.inwerkingtreding)})"


def kop_regels(v: Verschil) -> list[str]:
    """The opening sentences every view shares."""
    regels = [f"Verschil tussen {kant_tekst(v.a)} en {kant_tekst(v.b)}" + (f", alleen artikel {v.artikel}" if v.artikel else "") + "."]
    if v.omgekeerd:
        regels.append(
            f"Let op: versie {v.a.versie.id} is nieuwer dan versie {v.b.versie.id}. Het verschil is omgekeerd: "
            "als ingevoegd staat wat de wijzigingen daartussen hebben geschrapt, als geschrapt wat zij hebben ingevoegd."
        )
    if v.a.geschiedenis is not v.b.geschiedenis:
        regels.append("De versies komen uit verschillende mappen; welke wijziging een verschil veroorzaakte, is daarom niet bekend.")
    return regels


def telling_tekst(v: Verschil, kop: str = "Samenvatting: ") -> str:
    """ "Samenvatting: 1 nieuw, 0 vervallen, 3 gewijzigd, 1 vernummerd" or "Geen verschillen."."""
    if v.gelijk:
        return "Geen verschillen."
    tekst = ", ".join(f"{n} {g}" for g, n in v.telling().items())
    return kop + tekst if kop else tekst[:1].upper() + tekst[1:] + "."


def wijziging_tekst(w: Wijziging, v: Verschil) -> str:
    terug = f", terugwerkend tot en met {_datum(w.terugwerkende_kracht)}" if w.terugwerkende_kracht else ""
    return f"{w.id}: {w.kort} (besluit {_datum(w.datum_besluit)}, in werking {_datum(w.inwerkingtreding)}{terug}){raakt_niet(w, v)}"


def raakt_niet(w: Wijziging, v: Verschil) -> str:
    """A note for an amendment in between that does not change the artikel asked for."""
    return f"; wijzigt artikel {v.artikel} niet" if v.artikel and w.id not in v.betrokken else ""


# -- terminal --------------------------------------------------------------------------------------


def blok_tekst(v: BlokVerschil, weergave: SegmentWeergave) -> str:
    label, tekst = segmenten(v.label, weergave), segmenten(v.tekst, weergave)
    regel = f"{label} {tekst}".strip() if label else tekst
    return regel if v.blok.soort == KOP else "   " * v.blok.niveau + regel


def diff_tekst(v: Verschil, kleur: bool = False, alleen_samenvatting: bool = False) -> str:
    """The terminal view: summary first, then the changed artikelen with marked words."""
    weergave = TEKST_KLEUR if kleur else TEKST_PLAT

    def gebeurtenis(g: str, breedte: int = 11) -> str:
        woord = g.ljust(breedte)
        return click.style(woord, fg=GEBEURTENIS_KLEUR.get(g, "cyan"), bold=True) if kleur else woord

    regels = kop_regels(v)
    if v.wijzigingen:
        regels += ["", "Wijzigingsbesluiten daartussen:"]
        for w in v.wijzigingen:
            regels += [f"  {wijziging_tekst(w, v)}", f"      {w.titel}"]
    regels += ["", telling_tekst(v)]
    for e in v.elementen:
        regels.append(f"  {gebeurtenis(e.gebeurtenis)} {element_tekst(e)}")
        if e.oorzaken:
            regels.append(f"  {'':11} door {oorzaken_tekst(e.oorzaken)}")
    for d in v.deelnemers:
        door = f"; door {oorzaken_tekst(d.oorzaken)}" if d.oorzaken else ""
        regels.append(f"  {gebeurtenis(DEELNEMER_ZIN[d.gebeurtenis], 11)} deelnemer {d.naam}{door}")
    if v.citeertitel:
        oud, nieuw, oorzaken = v.citeertitel
        door = f"; door {oorzaken_tekst(oorzaken)}" if oorzaken else ""
        regels.append(f"  {gebeurtenis(GEWIJZIGD)} citeertitel: {oud} → {nieuw}{door}")
    if not alleen_samenvatting:
        for eenheid in v.eenheden:
            regels.append("")
            if (zonder := zonder_kop(eenheid)) is not None:
                regels.append(zonder)
            regels += [blok_tekst(b, weergave) for b in eenheid.blokken]
    return "\n".join(regels) + "\n"


def zonder_kop(eenheid: Eenheid) -> str | None:
    """A line naming an artikel the text prints without heading (`kop: geen`), so the reader of
    the diff sees which artikel the changed words are in; None when its heading is shown."""
    if eenheid.blokken and eenheid.blokken[0].blok.soort != KOP and eenheid.blokken[0].blok.element_soort != "hoofdstuk":
        return f"[{eenheid.adres}, zonder kop]"
    return None


# -- Markdown --------------------------------------------------------------------------------------


def _cel(tekst: str) -> str:
    """Text in a Markdown table cell (md_escape also escapes the pipe)."""
    return md_escape(tekst)


def diff_md(v: Verschil, alleen_samenvatting: bool = False) -> str:
    """Markdown: summary table, then the changed artikelen marked with <ins>/<del>."""
    delen = [f"# Verschil tussen versie {md_escape(v.a.versie.id)} en versie {md_escape(v.b.versie.id)}"]
    delen += [md_escape(r) for r in kop_regels(v)]
    if v.wijzigingen:
        rijen = ["| Wijziging | Titel | Besluit | In werking |", "| --- | --- | --- | --- |"]
        rijen += [
            f"| {_cel(w.id)} | {_cel(w.titel + raakt_niet(w, v))} | {_datum(w.datum_besluit)} | {_datum(w.inwerkingtreding)} |"
            for w in v.wijzigingen
        ]
        delen += ["## Wijzigingsbesluiten daartussen", "\n".join(rijen)]
    delen += ["## Samenvatting", md_escape(telling_tekst(v, kop=""))]
    rijen = [f"| {e.gebeurtenis} | {_cel(element_tekst(e))} | {_cel(oorzaken_tekst(e.oorzaken)) or '—'} |" for e in v.elementen]
    rijen += [f"| {d.gebeurtenis} | deelnemer {_cel(d.naam)} | {_cel(oorzaken_tekst(d.oorzaken)) or '—'} |" for d in v.deelnemers]
    if v.citeertitel:
        oud, nieuw, oorzaken = v.citeertitel
        rijen.append(f"| gewijzigd | citeertitel: {_cel(oud)} → {_cel(nieuw)} | {_cel(oorzaken_tekst(oorzaken)) or '—'} |")
    if rijen:
        delen.append("\n".join(["| Gebeurtenis | Element | Door |", "| --- | --- | --- |", *rijen]))
    if not alleen_samenvatting and v.eenheden:
        delen.append("## Tekst")
        for eenheid in v.eenheden:
            if (zonder := zonder_kop(eenheid)) is not None:
                delen.append(md_escape(zonder))
            delen += [blok_md(b) for b in eenheid.blokken]
    return "\n\n".join(delen) + "\n"


# -- HTML ------------------------------------------------------------------------------------------

_CSS = """
body { font-family: Georgia, 'Times New Roman', serif; max-width: 70rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; color: #1b1b1b; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.25rem; margin-top: 2rem; }
ins { color: #0a5d1a; background: #e3f6e6; text-decoration: underline; }
del { color: #9b1111; background: #fbe4e4; text-decoration: line-through; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #c8c8c8; padding: .3rem .5rem; vertical-align: top; text-align: left; }
.let-op { border-left: 4px solid #c77700; padding-left: .75rem; }
.gebeurtenis { font-weight: bold; white-space: nowrap; }
.nieuw, .toegetreden { color: #0a5d1a; } .vervallen, .uitgetreden { color: #9b1111; } .gewijzigd { color: #7a5b00; } .vernummerd { color: #075b78; }
.blok { margin: .25rem 0; } .kop { font-weight: bold; margin-top: 1rem; }
.niveau-1 { margin-left: 2rem; } .niveau-2 { margin-left: 4rem; } .niveau-3 { margin-left: 6rem; }
.eenheid { border-top: 1px solid #ddd; padding-top: .5rem; }
.keuze label { margin-right: 1rem; cursor: pointer; }
#weergave-naast:checked ~ .inline, #weergave-inline:checked ~ .naast { display: none; }
.naast td.leeg { background: #f4f4f4; }
@media print { .keuze, .keuze-knop { display: none; } .inline, .naast { display: block !important; } }
"""


def _html_blok(v: BlokVerschil, segs_label: tuple[Segment, ...], segs_tekst: tuple[Segment, ...], door: Oorzaak | None = None) -> str:
    label, tekst = segmenten(segs_label, HTML), segmenten(segs_tekst, HTML)
    inhoud = f"{label} {tekst}".strip() if label else tekst
    klasse = "kop" if v.blok.soort == KOP else f"niveau-{min(v.blok.niveau, 3)}"
    titel = f' title="{escape(door.wijziging.kort + ": " + oorzaak_tekst(door))}"' if door is not None else ""
    return f'<p class="blok {klasse} {v.status}"{titel}>{inhoud}</p>'


def _html_zonder_kop(eenheid: Eenheid) -> str:
    zonder = zonder_kop(eenheid)
    return f'<p class="blok zonder-kop">{escape(zonder)}</p>' if zonder is not None else ""


def _zijde(segs: tuple[Segment, ...], weg: str) -> tuple[Segment, ...]:
    """One side of the side-by-side view: the old side without insertions, the new without deletions."""
    return tuple(s for s in segs if s.soort != weg)


def diff_html(v: Verschil, alleen_samenvatting: bool = False) -> str:
    """One self-contained, well-formed HTML file: summary, inline view and side-by-side view."""
    a, b = escape(v.a.versie.id), escape(v.b.versie.id)
    delen = [f"<h1>Verschil tussen versie {a} en versie {b}</h1>"]
    regels = kop_regels(v)
    delen.append(f"<p>{escape(regels[0])}</p>")
    delen += [f'<p class="let-op">{escape(r)}</p>' for r in regels[1:]]
    if v.wijzigingen:
        rijen = "".join(
            f"<tr><td>{escape(w.id)}</td><td>{escape(w.titel + raakt_niet(w, v))}</td><td>{_datum(w.datum_besluit)}</td><td>{_datum(w.inwerkingtreding)}</td></tr>"
            for w in v.wijzigingen
        )
        delen.append(
            "<h2>Wijzigingsbesluiten daartussen</h2><table><thead><tr><th>Wijziging</th><th>Titel</th><th>Besluit</th>"
            f"<th>In werking</th></tr></thead><tbody>{rijen}</tbody></table>"
        )
    delen.append(f"<h2>Samenvatting</h2><p>{escape(telling_tekst(v, kop=''))}</p>")
    rijen_lijst = [(e.gebeurtenis, e.gebeurtenis, element_tekst(e), oorzaken_tekst(e.oorzaken)) for e in v.elementen]
    rijen_lijst += [(d.gebeurtenis, d.gebeurtenis, f"deelnemer {d.naam}", oorzaken_tekst(d.oorzaken)) for d in v.deelnemers]
    if v.citeertitel:
        oud, nieuw, oorzaken = v.citeertitel
        rijen_lijst.append((GEWIJZIGD, GEWIJZIGD, f"citeertitel: {oud} → {nieuw}", oorzaken_tekst(oorzaken)))
    if rijen_lijst:
        rijen = "".join(
            f'<tr><td class="gebeurtenis {klasse}">{escape(g)}</td><td>{escape(e)}</td><td>{escape(d) or "—"}</td></tr>'
            for klasse, g, e, d in rijen_lijst
        )
        delen.append(f"<table><thead><tr><th>Gebeurtenis</th><th>Element</th><th>Door</th></tr></thead><tbody>{rijen}</tbody></table>")
    if not alleen_samenvatting and v.eenheden:
        inline = "".join(
            f'<div class="eenheid">{_html_zonder_kop(e)}{"".join(_html_blok(x, x.label, x.tekst, v.revisie_oorzaak(x)) for x in e.blokken)}</div>'
            for e in v.eenheden
        )
        naast_rijen = []
        for e in v.eenheden:
            for x in e.blokken:
                links = _html_blok(x, _zijde(x.label, INGEVOEGD), _zijde(x.tekst, INGEVOEGD)) if x.oud is not None else ""
                rechts = _html_blok(x, _zijde(x.label, VERWIJDERD), _zijde(x.tekst, VERWIJDERD)) if x.nieuw is not None else ""
                naast_rijen.append(
                    "<tr>" + "".join(f"<td>{cel}</td>" if cel else '<td class="leeg"></td>' for cel in (links, rechts)) + "</tr>"
                )
        delen.append(
            "<h2>Tekst</h2>"
            '<div class="keuze">'
            '<input type="radio" name="weergave" id="weergave-inline" checked="checked"/>'
            '<label for="weergave-inline">In de tekst</label>'
            '<input type="radio" name="weergave" id="weergave-naast"/>'
            '<label for="weergave-naast">Naast elkaar</label>'
            f'<section class="inline">{inline}</section>'
            f'<section class="naast"><table><thead><tr><th>Versie {a}</th><th>Versie {b}</th></tr></thead>'
            f"<tbody>{''.join(naast_rijen)}</tbody></table></section>"
            "</div>"
        )
    titel = f"Verschil {a} – {b}"
    return (
        '<!DOCTYPE html>\n<html lang="nl">\n<head>\n<meta charset="utf-8"/>\n'
        f"<title>{titel}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n" + "\n".join(delen) + "\n</body>\n</html>\n"
    )


# -- JSON ------------------------------------------------------------------------------------------


def _seg_json(segs: tuple[Segment, ...]) -> list[dict[str, str]]:
    return [{"soort": s.soort, "tekst": s.tekst} for s in segs]


def _oorzaak_json(o: Oorzaak) -> dict[str, Any]:
    return {
        "wijziging": o.id,
        "titel": o.wijziging.titel,
        "kort": o.wijziging.kort,
        "onderdeel": o.onderdeel,
        "via_verwijzing": o.via_verwijzing,
    }


def _kant_json(k: Kant) -> dict[str, Any]:
    i = k.versie.info
    return {"versie": k.versie.id, "map": str(k.map) if k.map is not None else None, "inwerkingtreding": i.inwerkingtreding.isoformat()}


def _blok_json(x: BlokVerschil, adres: str) -> dict[str, Any]:
    return {
        "element_id": x.element_id,
        "deel": x.blok.deel,
        "artikel": adres,
        "status": x.status,
        "vernummerd": x.vernummerd,
        "label": _seg_json(x.label),
        "tekst": _seg_json(x.tekst),
    }


def diff_json(v: Verschil, alleen_samenvatting: bool = False) -> str:
    """JSON for scripts (UTF-8, keys in this order; dates JJJJ-MM-DD):

    - ``schema``: ``"grgen-diff/1"``
    - ``a``, ``b``: ``{versie, map, inwerkingtreding}`` (``map`` null for the project itself)
    - ``omgekeerd``: true when A is newer than B; ``gelijk``: true when nothing differs
    - ``artikel``: the ``--artikel`` filter or null
    - ``wijzigingen``: the amendments between A and B: ``{id, titel, kort, datum_besluit, inwerkingtreding}``
    - ``samenvatting``: ``{nieuw, vervallen, gewijzigd, vernummerd}``: counts of elements
    - ``elementen``: ``{id, soort, gebeurtenis, adres, adres_oud, delen, oorzaken}``; ``gebeurtenis`` is
      nieuw/vervallen/gewijzigd/vernummerd, ``adres`` the address in B (in A when vervallen),
      ``delen`` a subset of nummer/opschrift/tekst/slottekst, ``oorzaken`` a list of
      ``{wijziging, titel, kort, onderdeel, via_verwijzing}`` (``onderdeel`` the letter in ARTIKEL I)
    - ``deelnemers``: ``{id, naam, gebeurtenis (toegetreden/uitgetreden), oorzaken}``
    - ``citeertitel``: ``{oud, nieuw, oorzaken}`` or null
    - ``blokken`` (left out with ``--alleen-samenvatting``): every block of the artikelen shown:
      ``{element_id, deel (kop/tekst/slot), artikel, status (gelijk/ingevoegd/verwijderd/gewijzigd),
      vernummerd, label, tekst}``, with ``label`` and ``tekst`` lists of ``{soort, tekst}`` segments
      (``soort`` gelijk/ingevoegd/verwijderd)
    """
    uit: dict[str, Any] = {
        "schema": "grgen-diff/1",
        "a": _kant_json(v.a),
        "b": _kant_json(v.b),
        "omgekeerd": v.omgekeerd,
        "gelijk": v.gelijk,
        "artikel": v.artikel,
        "wijzigingen": [
            {
                "id": w.id,
                "titel": w.titel,
                "kort": w.kort,
                "datum_besluit": w.datum_besluit.isoformat(),
                "inwerkingtreding": w.inwerkingtreding.isoformat(),
            }
            for w in v.wijzigingen
        ],
        "samenvatting": v.telling(),
        "elementen": [
            {
                "id": e.element_id,
                "soort": e.soort,
                "gebeurtenis": e.gebeurtenis,
                "adres": e.adres,
                "adres_oud": e.adres_oud,
                "delen": list(e.delen),
                "oorzaken": [_oorzaak_json(o) for o in e.oorzaken],
            }
            for e in v.elementen
        ],
        "deelnemers": [
            {"id": d.id, "naam": d.naam, "gebeurtenis": d.gebeurtenis, "oorzaken": [_oorzaak_json(o) for o in d.oorzaken]}
            for d in v.deelnemers
        ],
        "citeertitel": (
            {"oud": v.citeertitel[0], "nieuw": v.citeertitel[1], "oorzaken": [_oorzaak_json(o) for o in v.citeertitel[2]]}
            if v.citeertitel
            else None
        ),
    }
    if not alleen_samenvatting:
        uit["blokken"] = [_blok_json(x, e.adres) for e in v.eenheden for x in e.blokken]
    return json.dumps(uit, ensure_ascii=False, indent=2) + "\n"


# -- Word ------------------------------------------------------------------------------------------

MARKERING_TEKST = "Tekst met wijzigingen"
EINDE_TEKST = "Einde van het overzicht."


def revisie_van(v: Verschil, x: BlokVerschil) -> Revisie:
    """Author and date of a block's revisions: the amendment's kort and besluit date; without a
    known amendment (another copy of the data) version B itself."""
    o = v.revisie_oorzaak(x)
    if o is not None:
        return Revisie(o.wijziging.kort, o.wijziging.datum_besluit)
    info = v.b.versie.info
    return Revisie(f"versie {info.id}", info.datum_ondertekening or info.inwerkingtreding)


def diff_docx(v: Verschil, alleen_samenvatting: bool = False) -> bytes:
    """Word with native revisions: every changed block by the amendment that made the change.

    Each block passes its own `Revisie`, so one document holds one author per amendment.
    """
    info = v.b.versie.info
    datum = info.datum_ondertekening or info.inwerkingtreding
    citeertitel = v.b.versie.regeling.citeertitel
    doc = nieuw_document(
        f"Verschil versie {v.a.versie.id} – versie {v.b.versie.id}",
        koptekst(citeertitel, "Verschil tussen twee versies"),
        datum,
        "grgen",
    )
    for regel in kop_regels(v):
        doc.alinea(regel)
    if v.wijzigingen:
        doc.kop("Wijzigingsbesluiten daartussen", niveau=1)
        doc.alinea("De wijzigingen in de tekst staan op naam van het besluit dat ze aanbracht.")
        doc.tabel(
            ["Wijziging", "Titel", "Besluit", "In werking"],
            [[w.id, w.titel + raakt_niet(w, v), _datum(w.datum_besluit), _datum(w.inwerkingtreding)] for w in v.wijzigingen],
        )
    doc.kop("Samenvatting", niveau=1)
    doc.alinea(telling_tekst(v, kop=""))
    rijen = [[e.gebeurtenis, element_tekst(e), oorzaken_tekst(e.oorzaken) or "—"] for e in v.elementen]
    rijen += [[d.gebeurtenis, f"deelnemer {d.naam}", oorzaken_tekst(d.oorzaken) or "—"] for d in v.deelnemers]
    if v.citeertitel:
        oud, nieuw, oorzaken = v.citeertitel
        rijen.append([GEWIJZIGD, f"citeertitel: {oud} → {nieuw}", oorzaken_tekst(oorzaken) or "—"])
    if rijen:
        doc.tabel(["Gebeurtenis", "Element", "Door"], rijen)
    if not alleen_samenvatting and v.eenheden:
        doc.kop(MARKERING_TEKST, niveau=1)
        for eenheid in v.eenheden:
            if (zonder := zonder_kop(eenheid)) is not None:
                doc.alinea(zonder)
            for x in eenheid.blokken:
                schrijf_blok(doc, x, revisie_van(v, x) if x.status != GELIJK else None)
    # A wholly inserted or deleted last paragraph would leave an empty one in some readers.
    doc.alinea(EINDE_TEKST)
    return doc.bewaar_bytes()


DIFF_FORMATEN: dict[str, Callable[..., str | bytes]] = {
    "tekst": diff_tekst,
    "md": diff_md,
    "html": diff_html,
    "json": diff_json,
    "docx": diff_docx,
}


# -- geschiedenis ------------------------------------------------------------------------------


def moment_kop(m: Moment) -> str:
    """ "2022-toetreding-haaksbergen (geldend vanaf 01-01-2022): gewijzigd door ..."."""
    kop = f"{m.versie.id} (geldend vanaf {_datum(m.versie.info.inwerkingtreding)}): "
    if not m.oorzaken:
        return kop + "oorspronkelijke tekst"
    zin = GEBEURTENIS_ZIN[m.gebeurtenis]
    if m.gebeurtenis == VERNUMMERD or (m.adres_oud and m.adres_oud != m.adres):
        zin += f" ({m.adres_oud} → {m.adres})"
    door = "; ".join(f"{oorzaak_tekst(o)} ({o.wijziging.kort})" for o in m.oorzaken)
    return f"{kop}{zin} door {door}"


def _moment_blokken(m: Moment) -> tuple[BlokVerschil, ...]:
    """The base version shows its text as it was, without marks."""
    if m.oorzaken:
        return m.verschillen
    return tuple(
        BlokVerschil(
            GELIJK, x.oud, x.nieuw, tuple(Segment(GELIJK, s.tekst) for s in x.label), tuple(Segment(GELIJK, s.tekst) for s in x.tekst)
        )
        for x in m.verschillen
    )


def geschiedenis_tekst(g: ElementGeschiedenis, kleur: bool = False) -> str:
    weergave = TEKST_KLEUR if kleur else TEKST_PLAT
    regels = [f"Geschiedenis van {g.adres} (id {g.element_id})"]
    for m in g.momenten:
        kop = moment_kop(m)
        regels += ["", click.style(kop, bold=True) if kleur else kop]
        regels += ["    " + blok_tekst(x, weergave) for x in _moment_blokken(m)]
    if g.ongewijzigd:
        regels += ["", ongewijzigd_tekst(g)]
    return "\n".join(regels) + "\n"


def ongewijzigd_tekst(g: ElementGeschiedenis) -> str:
    return f"Sindsdien niet gewijzigd, tot en met versie {g.laatste_versie}."


def geschiedenis_md(g: ElementGeschiedenis) -> str:
    delen = [f"# Geschiedenis van {md_escape(g.adres)}", f"Vaste id: `{g.element_id}`"]
    for m in g.momenten:
        delen.append(f"## {md_escape(moment_kop(m))}")
        delen += [blok_md(x) for x in _moment_blokken(m)]
    if g.ongewijzigd:
        delen.append(md_escape(ongewijzigd_tekst(g)))
    return "\n\n".join(delen) + "\n"


def geschiedenis_json(g: ElementGeschiedenis) -> str:
    """JSON: ``{schema: "grgen-geschiedenis/1", element: {id, soort, adres}, momenten: [{versie,
    inwerkingtreding, gebeurtenis, adres, adres_oud, oorzaken, blokken}]}``; ``oorzaken`` and
    ``blokken`` as in ``grgen diff --formaat json`` (``oorzaken`` empty for the base version)."""
    uit = {
        "schema": "grgen-geschiedenis/1",
        "element": {"id": g.element_id, "soort": g.soort, "adres": g.adres},
        "momenten": [
            {
                "versie": m.versie.id,
                "inwerkingtreding": m.versie.info.inwerkingtreding.isoformat(),
                "gebeurtenis": m.gebeurtenis,
                "adres": m.adres,
                "adres_oud": m.adres_oud,
                "oorzaken": [_oorzaak_json(o) for o in m.oorzaken],
                "blokken": [_blok_json(x, m.adres) for x in _moment_blokken(m)],
            }
            for m in g.momenten
        ],
    }
    return json.dumps(uit, ensure_ascii=False, indent=2) + "\n"


GESCHIEDENIS_FORMATEN: dict[str, Callable[..., str]] = {
    "tekst": geschiedenis_tekst,
    "md": geschiedenis_md,
    "json": geschiedenis_json,
}
