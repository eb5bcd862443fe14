"""The use cases of drafting by editing: `grgen ontwerp` (a version as an editable document) and
`grgen afleiden` (the edited document -> a new file in wijzigingen/).

Reading the edited file is the loader's (generator/loader/ontwerp.py), matching its paragraphs
to elements is generator/wijzigen/bewerking.py, finding the operations generator/diff/afleiden.py,
and writing the file the writer's, which never overwrites.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from generator.diff.afleiden import leid_af
from generator.errors import GebruiksFout, GrgenFout, WijzigingFout
from generator.loader.ontwerp import lees_ontwerp
from generator.model import ALINEAGRENS, Versie
from generator.model.ids import ID
from generator.ontwerpsleutels import sleutels
from generator.pipeline import Stand, kies_versie
from generator.render.ontwerp import ontwerp_docx, ontwerp_md
from generator.render.wijziging_yaml import wijziging_yaml
from generator.uitvoer import schrijf_nieuw_bestand
from generator.wijzigen.bewerking import bouw_bewerking


def _alleen_bekende_vormen(versie: Versie) -> None:
    """Refuse a version with texts of more than one alinea or lists marked "•" (formaat.md): the
    ontwerp reads a paragraph per element and derives Ar addresses, which those do not have."""
    plekken = [
        p
        for p in versie.regeling.elementen()
        if p.element.opsommingsteken or p.element.kopvorm or any(ALINEAGRENS in t for t in p.element.teksten())
    ]
    if plekken or not versie.regeling.aanhef or not versie.regeling.afkondiging:
        waar = "; ".join(p.adres for p in plekken[:3]) + ("; ..." if len(plekken) > 3 else "") or "de aanhef of afkondiging"
        raise GrgenFout(
            f"versie {versie.id} heeft een tekst van meer dan één alinea, een opsomming met opsommingstekens, een kop die "
            f"afwijkt ('kop: kort' of 'kop: geen') of geen aanhef of afkondiging ({waar}); "
            "grgen ontwerp en grgen afleiden kennen die nog niet. Schrijf de wijziging zelf in wijzigingen/ (docs/formaat.md, hoofdstuk 8)"
        )


def maak_ontwerp(stand: Stand, versie_id: str | None, uitvoer: Path, auteur: str, regeling: str | None = None) -> Path:
    """Write the ontwerp of a version (default the latest) to `uitvoer` (.docx or .md); an
    existing file is never overwritten (it may hold someone's edits)."""
    _, geschiedenis = stand.geschiedenis(regeling)
    versie = kies_versie(geschiedenis, versie_id)
    _alleen_bekende_vormen(versie)
    soort = uitvoer.suffix.lower()
    if soort == ".docx":
        inhoud = ontwerp_docx(versie, auteur)
    elif soort == ".md":
        inhoud = ontwerp_md(versie).encode("utf-8")
    else:
        raise GebruiksFout(f"{uitvoer}: kies een naam op .docx (Word) of .md (Markdown)")
    schrijf_nieuw_bestand(uitvoer, inhoud, stand.project.map)
    return uitvoer


def leid_wijziging_af(
    stand: Stand,
    bewerkt: Path,
    basis_id: str,
    wijziging_id: str | None = None,
    datum: dt.date | None = None,
    regeling: str | None = None,
) -> tuple[Path, int]:
    """Derive the amendment that turns version `basis_id` into the edited document and write it to
    `wijzigingen/<id>.yaml`; returns the path and the number of operations.

    Nothing is written when anything could not be expressed: every such place is reported.
    """
    slug, geschiedenis = stand.geschiedenis(regeling)
    basis = kies_versie(geschiedenis, basis_id)
    _alleen_bekende_vormen(basis)
    wijziging_id = wijziging_id or re.sub(r"[^a-z0-9._-]+", "-", bewerkt.stem.lower()).strip("-._") or "wijziging"
    if not ID.match(wijziging_id):
        raise GebruiksFout(f"'{wijziging_id}' is geen geldige id; gebruik kleine letters, cijfers, punt en streepje (--id)")
    bekend = {v.id for g in stand.geschiedenissen.values() for v in g.tijdlijn.versies} | {w.id for w in stand.project.wijzigingen}
    if wijziging_id in bekend:
        raise GebruiksFout(f"er is al een versie of wijziging '{wijziging_id}'; kies een andere id met --id")
    versies = geschiedenis.tijdlijn.versies
    datum = datum or max(v.info.inwerkingtreding for v in versies) + dt.timedelta(days=1)
    alineas = lees_ontwerp(bewerkt, str(bewerkt), sleutels(basis.regeling))
    if not any(a.sleutel and not a.sleutel.startswith("@") for a in alineas):
        raise WijzigingFout(
            f"{bewerkt} heeft geen enkele alinea van versie {basis.id}; is het gemaakt met 'grgen ontwerp {basis.id}'? Geef bij --basis de versie van het ontwerp"
        )
    bewerking = bouw_bewerking(basis.regeling, alineas, datum)
    if bewerking.meldingen:
        raise WijzigingFout(f"{bewerkt} kan niet als wijziging van versie {basis.id} worden gelezen", bewerking.meldingen)
    ooit_ids = frozenset().union(*(v.regeling.index.keys() for v in versies))
    ooit_nummers = frozenset(a.nummer for v in versies for a in v.regeling.artikelen())
    afleiding = leid_af(basis, bewerking.regeling, ooit_ids, ooit_nummers, bewerking.bronnen, bewerking.toelichtingen)
    if afleiding.meldingen:
        raise WijzigingFout(f"Uit {bewerkt} kan geen wijziging worden afgeleid", afleiding.meldingen)
    if not afleiding.operaties:
        raise GrgenFout(f"{bewerkt} verschilt niet van versie {basis.id}; er is niets af te leiden")
    tekst = wijziging_yaml(
        wijziging_id,
        f"Wijziging van de {basis.regeling.citeertitel}",
        basis.id,
        datum,
        afleiding.operaties,
        bewerkt.name,
        slug if len(stand.geschiedenissen) > 1 else None,
    )
    pad = stand.project.map / "wijzigingen" / f"{wijziging_id}.yaml"
    schrijf_nieuw_bestand(pad, tekst.encode("utf-8"))
    return pad, len(afleiding.operaties)
