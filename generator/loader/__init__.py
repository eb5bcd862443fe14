"""The loader: the only code that reads source files.

`lees_project` reads every regeling in `regeling/` and every amendment in `wijzigingen/` of a
project folder, collects all problems, and raises them together as one `InvoerFout`.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from generator.errors import Bron, GebruiksFout, InvoerFout, Verzamelaar, reden, relatief
from generator.loader.regeling import lees_regeling
from generator.loader.wijziging import lees_wijziging
from generator.model import Regeling, VersieInfo
from generator.model.ids import ID
from generator.model.wijziging import Wijziging


@dataclasses.dataclass(frozen=True)
class Project:
    """Everything read from one project folder, before any amendment is applied."""

    map: Path
    regelingen: dict[str, tuple[Regeling, VersieInfo]]
    wijzigingen: tuple[Wijziging, ...]
    waarschuwingen: tuple = ()

    def regeling(self, slug: str | None = None) -> tuple[Regeling, VersieInfo]:
        if slug is None:
            return next(iter(self.regelingen.values()))
        return self.regelingen[slug]

    def wijzigingen_van(self, slug: str) -> tuple[Wijziging, ...]:
        return tuple(w for w in self.wijzigingen if w.regeling == slug)


def lees_project(map_: Path) -> Project:
    """Read a project folder: `regeling/<naam>/regeling.yaml` and `wijzigingen/*.yaml`.

    >>> lees_project(Path("/bestaat/niet"))
    Traceback (most recent call last):
    ...
    generator.errors.GebruiksFout: De projectmap /bestaat/niet bestaat niet; geef met -C een bestaande map met regeling/ en wijzigingen/
    """
    v = Verzamelaar()
    try:
        map_.stat()
    except FileNotFoundError:
        raise GebruiksFout(f"De projectmap {map_} bestaat niet; geef met -C een bestaande map met regeling/ en wijzigingen/") from None
    except (OSError, ValueError) as e:
        waarom = reden(e) if isinstance(e, OSError) else "de naam bevat een ongeldig teken"
        raise GebruiksFout(f"De projectmap {map_} kan niet worden geopend: {waarom}; geef met -C een bestaande map") from None
    if not map_.is_dir():
        raise GebruiksFout(f"{map_} is een bestand, geen projectmap; geef met -C een map met regeling/ en wijzigingen/")
    regelingmap = map_ / "regeling"
    if not regelingmap.is_dir():
        raise InvoerFout(f"Geen grgen-project in {map_}: de map 'regeling/' ontbreekt")
    mappen = sorted(p for p in regelingmap.iterdir() if p.is_dir() and (p / "regeling.yaml").exists())
    if not mappen:
        raise InvoerFout(f"Geen regeling gevonden in {relatief(regelingmap, map_)}/: verwacht regeling/<naam>/regeling.yaml")
    for m in mappen:
        if not ID.match(m.name):
            v.fout(
                f"de mapnaam '{m.name}' is geen geldige naam voor een regeling",
                Bron(relatief(m / "regeling.yaml", map_)),
                hint="gebruik kleine letters, cijfers en streepjes, bijv. 'regeling/mijn-regeling/'; de naam wordt ook de map in output/",
            )
    mappen = [m for m in mappen if ID.match(m.name)]
    regelingen = {}
    for m in mappen:
        gelezen = lees_regeling(m, map_, v)
        if gelezen is not None:
            regelingen[m.name] = gelezen

    wijzigingen: list[Wijziging] = []
    wijzigingmap = map_ / "wijzigingen"
    bestanden = sorted(wijzigingmap.glob("*.yaml")) + sorted(wijzigingmap.glob("*.yml")) if wijzigingmap.is_dir() else []
    ids: dict[str, str] = {}
    for pad in bestanden:
        naam = relatief(pad, map_)
        w = lees_wijziging(pad, naam, v, map_)
        if w is None:
            continue
        if w.id in ids:
            v.fout(f"wijziging '{w.id}' bestaat al in {ids[w.id]}", Bron(naam, 1, 1), hint="elke wijziging heeft een eigen id")
            continue
        ids[w.id] = naam
        slug = w.regeling
        basisversies = {info.id: s for s, (_, info) in regelingen.items()}
        if w.id in basisversies and slug in (None, basisversies[w.id]):
            v.fout(
                f"wijziging '{w.id}' heeft dezelfde id als de eerste versie van de regeling",
                w.bronnen.get("id", w.bron),
                hint="elke versie heeft een eigen id; noem de wijziging naar jaar en onderwerp, bijv. '2025-toetreding-borne'",
            )
            continue
        if not mappen:
            continue  # no valid regeling folder: that error is reported already
        if slug is None and len(mappen) == 1:
            w = dataclasses.replace(w, regeling=mappen[0].name)
        elif slug is None:
            v.fout(
                "er zijn meerdere regelingen; noem er een met 'regeling:'",
                Bron(naam, 1, 1),
                hint=f"toegestaan: {', '.join(m.name for m in mappen)}",
            )
            continue
        elif slug not in {m.name for m in mappen}:
            v.fout(
                f"onbekende regeling '{slug}'", w.bronnen.get("regeling", w.bron), hint=f"toegestaan: {', '.join(m.name for m in mappen)}"
            )
            continue
        wijzigingen.append(w)

    v.stop_bij_fouten("De invoer bevat fouten")
    return Project(map_, regelingen, tuple(wijzigingen), tuple(v.meldingen))
