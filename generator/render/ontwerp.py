"""The ontwerp: the text of a version as a document to edit (`grgen ontwerp`), in Word or Markdown.

Each paragraph carries its key (generator/ontwerpsleutels.py) invisibly: in Word as a bookmark
around the paragraph, in Markdown as an HTML comment at its end (`<!--taken.2-->`). References
to other elements are internal links to the target's bookmark (Word) or `[text](#id)`
(Markdown), so that `grgen afleiden` reads them back as references. The Word file opens with
"wijzigingen bijhouden" on.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator

from generator.adressen import los_op_in_delen
from generator.model import Element, Plek, Regeling, Versie
from generator.ontwerpsleutels import bladwijzer, sleutels
from generator.render.docx.document import Docx
from generator.render.tekstweergave import md_escape

# Paragraph style per kind of paragraph; `grgen afleiden` reads a new paragraph's kind from it.
STIJLEN = {
    "hoofdstuk": "Heading 1",
    "paragraaf": "Heading 2",
    "artikel": "Heading 2",
    "lid": "Lid",
    "onderdeel": "Onderdeel",
    "subonderdeel": "Subonderdeel",
}


@dataclasses.dataclass(frozen=True)
class OntwerpAlinea:
    """One paragraph of the ontwerp: its key, kind, label ("Artikel 5", "2.") and text pieces
    (text, id of the referred element or None)."""

    sleutel: str
    soort: str  # an element kind, "tekst" (text of an artikel, text after a list) or "titel"/"kop"/"overig"
    label: str
    delen: tuple[tuple[str, str | None], ...]
    niveau: int = 2  # heading level


def alineas(regeling: Regeling) -> list[OntwerpAlinea]:
    """The paragraphs of an ontwerp, in the order of `sleutels(regeling)`."""
    uit = [OntwerpAlinea("@citeertitel", "titel", "", ((regeling.citeertitel, None),))]
    uit.append(OntwerpAlinea("@aanhef", "overig", "", ((regeling.aanhef, None),)))
    uit += [OntwerpAlinea(f"@considerans:{i}", "overig", "", ((t, None),)) for i, t in enumerate(regeling.considerans, start=1)]
    uit.append(OntwerpAlinea("@afkondiging", "overig", "", ((regeling.afkondiging, None),)))
    for kind in regeling.kinderen:
        uit += _element(regeling, kind, ())
    if regeling.ondertekening:
        uit.append(OntwerpAlinea("@ondertekening", "overig", "", ((regeling.ondertekening, None),)))
    uit.append(OntwerpAlinea("@deelnemers", "kop", "", (("Deelnemers", None),), 1))
    uit += [OntwerpAlinea(f"@deelnemer:{d.id}", "overig", "", ((d.lichaam, None),)) for d in regeling.deelnemers if d.tot is None]
    return uit


def _element(regeling: Regeling, e: Element, ouders: tuple[Element, ...]) -> Iterator[OntwerpAlinea]:
    plek = Plek(e, ouders)
    if e.heeft_opschrift:
        niveau = 1 if e.soort == "hoofdstuk" else 3 if e.soort == "artikel" and any(o.soort == "paragraaf" for o in ouders) else 2
        yield OntwerpAlinea(e.id, e.soort, e.kop, (((e.opschrift or ""), None),), niveau)
        if e.tekst is not None:
            yield OntwerpAlinea(f"{e.id}:tekst", "tekst", "", tuple(los_op_in_delen(e.tekst, regeling, plek)))
    else:
        yield OntwerpAlinea(e.id, e.soort, e.kop, tuple(los_op_in_delen(e.tekst or "", regeling, plek)))
    for kind in e.kinderen:
        yield from _element(regeling, kind, (*ouders, e))
    if e.slottekst is not None:
        yield OntwerpAlinea(f"{e.id}:slot", "tekst", "", tuple(los_op_in_delen(e.slottekst, regeling, plek)))


def ontwerp_docx(versie: Versie, auteur: str) -> bytes:
    """The ontwerp as Word: bookmarks, internal links, "wijzigingen bijhouden" on, `auteur` as
    the document's author. Same version, same bytes."""
    regeling = versie.regeling
    lijst = alineas(regeling)
    namen = {s: bladwijzer(n, s) for n, s in enumerate(sleutels(regeling))}
    doc = Docx()
    doc.eigenschappen(
        regeling.citeertitel, auteur, versie.info.inwerkingtreding or dt.date(2000, 1, 1), f"grgen-ontwerp {regeling.slug} {versie.id}"
    )
    doc.wijzigingen_bijhouden()
    for a in lijst:
        delen = [(t, namen.get(ref) if ref else None) for t, ref in a.delen]
        if a.soort == "titel":
            stijl = "Title"
        elif a.soort in ("hoofdstuk", "paragraaf", "artikel", "kop"):
            stijl = f"Heading {a.niveau}"
        else:
            stijl = STIJLEN.get(a.soort, "Normal")
        if a.label:
            delen = [(a.label + (" " if stijl.startswith("Heading") else "\t"), None), *delen]
        doc.gemarkeerde_alinea(delen, namen[a.sleutel], stijl)
    return doc.bewaar_bytes()


def ontwerp_md(versie: Versie) -> str:
    """The ontwerp as Markdown: one paragraph per block, its key as a comment at its end
    (`<!--taken.2-->`), references as links `[artikel 5](#taken)`."""
    regels = []
    for a in alineas(versie.regeling):
        tekst = "".join(f"[{md_escape(t)}](#{ref})" if ref else md_escape(t) for t, ref in a.delen)
        if a.soort == "titel":
            regel = f"# {tekst}"
        elif a.soort in ("hoofdstuk", "paragraaf", "artikel", "kop"):
            regel = f"{'#' * (a.niveau + 1)} {md_escape(a.label) + ' ' if a.label else ''}{tekst}".rstrip()
        elif a.label:
            regel = f"{a.label[:-1]}\\. {tekst}" if a.label[:1].isdigit() else f"{md_escape(a.label)} {tekst}"
        else:
            regel = tekst
        regels.append(f"{regel} <!--{a.sleutel}-->")
    return "\n\n".join(regels) + "\n"
