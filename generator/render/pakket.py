"""The documents of one amendment's package, rendered in memory (nothing is written here)."""

from __future__ import annotations

from pathlib import Path

from generator.diff.versies import vergelijk
from generator.diff.waswordt import rijen
from generator.render.context import besluit_context
from generator.render.docx.oxml import Revisie
from generator.render.omgeving import maak_omgeving, render_sjabloon, sjabloonmappen
from generator.render.renvooi_md import renvooi_md, waswordt_md
from generator.render.word import renvooi_docx, waswordt_docx
from generator.wijzigen.motor import Toepassing
from generator.wijzigen.tijdlijn import Geschiedenis


def render_pakket(project: Path, geschiedenis: Geschiedenis, toepassing: Toepassing) -> dict[str, bytes]:
    """File name -> content for every document of the package of `toepassing`."""
    omgeving = maak_omgeving(sjabloonmappen(project))
    context = besluit_context(geschiedenis, toepassing)
    voor, na = toepassing.voor.regeling, toepassing.na.regeling
    verschillen = vergelijk(voor, na)
    context["renvooi"] = renvooi_md(verschillen, [])
    context["tabel"] = waswordt_md(rijen(verschillen, voor, na, toepassing.toelichting_per_element()))
    documenten = {
        "wijzigingsbesluit.md": "wijzigingsbesluit.md.j2",
        "renvooi.md": "renvooi.md.j2",
        "was-wordt.md": "was-wordt.md.j2",
    }
    bestanden = {naam: _netjes(render_sjabloon(omgeving, sjabloon, context)).encode("utf-8") for naam, sjabloon in documenten.items()}

    w = toepassing.wijziging
    citeertitel = toepassing.voor.regeling.citeertitel
    revisie = Revisie(w.kort, w.datum_besluit)
    inleiding = [
        f"Versie {toepassing.voor.id} – versie {toepassing.na.id}: {w.titel}.",
        "Leeswijzer: doorgehaalde tekst vervalt, onderstreepte tekst wordt ingevoegd. Elke wijziging is een "
        "Word-revisie (Wijzigingen bijhouden) en kan worden aanvaard of geweigerd.",
    ]
    bestanden["renvooi.docx"] = renvooi_docx(verschillen, citeertitel, toepassing.voor.id, toepassing.na.id, revisie, inleiding)
    bestanden["was-wordt.docx"] = waswordt_docx(
        rijen(verschillen, voor, na, toepassing.toelichting_per_element()),
        f"Was-wordt-tabel {citeertitel}",
        f"{citeertitel} – Was-wordt versie {toepassing.voor.id} - versie {toepassing.na.id}",
        w.datum_besluit,
        w.kort,
        [f"{w.titel}."],
    )
    return bestanden


def _netjes(markdown: str) -> str:
    """At most one blank line between paragraphs and one newline at the end."""
    regels: list[str] = []
    for regel in markdown.splitlines():
        regel = regel.rstrip()
        if not regel and (not regels or not regels[-1]):
            continue
        regels.append(regel)
    return "\n".join(regels).strip() + "\n"
