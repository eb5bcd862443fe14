"""Legal checks: what a careful reviewer would tell before the raad sees the regeling.

`grgen check` runs the rules in `regels.REGELS` over every version of every regeling: the
content the Wet gemeenschappelijke regelingen asks for, the form the Aanwijzingen voor de
regelgeving ask for, plain-text references, and the consistency of each amendment. Every
finding names its file and line, the rule and its legal source, the versions it concerns and a
suggestion. The rules are pure; this package reads no files.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable

from generator.controles.motor import Bevinding, Regel, Vondst, Zicht, controleer, kies_regels, streng, versielabel
from generator.controles.regels import REGELS
from generator.errors import FOUT, WAARSCHUWING, GrgenFout, Melding
from generator.wijzigen.tijdlijn import Geschiedenis

__all__ = [
    "REGELS",
    "Bevinding",
    "Regel",
    "Resultaat",
    "Vondst",
    "Zicht",
    "controleer",
    "controleer_project",
    "fout_als_json",
    "kies_regels",
    "versielabel",
]


@dataclasses.dataclass(frozen=True)
class Resultaat:
    """The findings on a whole project, per regeling, with the loader's warnings."""

    geschiedenissen: dict[str, Geschiedenis]  # regeling slug -> its versions
    bevindingen: dict[str, tuple[Bevinding, ...]]  # regeling slug -> findings
    waarschuwingen: tuple[Melding, ...] = ()  # from the loader

    def alle(self) -> list[Bevinding]:
        return [b for lijst in self.bevindingen.values() for b in lijst]

    @property
    def aantal_fouten(self) -> int:
        return sum(1 for b in self.alle() if b.ernst == FOUT) + sum(1 for m in self.waarschuwingen if m.ernst == FOUT)

    @property
    def aantal_waarschuwingen(self) -> int:
        return sum(1 for b in self.alle() if b.ernst == WAARSCHUWING) + sum(1 for m in self.waarschuwingen if m.ernst == WAARSCHUWING)

    def streng(self) -> Resultaat:
        """`--strict`: every warning, the loader's too, becomes an error."""
        return dataclasses.replace(
            self,
            bevindingen={slug: tuple(streng(lijst)) for slug, lijst in self.bevindingen.items()},
            waarschuwingen=tuple(dataclasses.replace(m, ernst=FOUT) for m in self.waarschuwingen),
        )

    def meldingen(self) -> list[Melding]:
        """Every finding as a one-line `Melding`, the loader's warnings first, then per regeling
        in the order of the versions and of the files."""
        uit = list(self.waarschuwingen)
        for slug, lijst in self.bevindingen.items():
            versies = [v.id for v in self.geschiedenissen[slug].tijdlijn.versies]
            for b in sorted(lijst, key=lambda b: _volgorde(b, versies)):
                uit.append(b.als_melding(versies))
        return uit

    def als_json(self) -> str:
        """The findings for CI pipelines: counts, the regelingen and one object per finding."""
        meldingen = [_melding_json(m, None, None) for m in self.waarschuwingen]
        regelingen = []
        for slug, lijst in self.bevindingen.items():
            tijdlijn = self.geschiedenissen[slug].tijdlijn
            versies = [v.id for v in tijdlijn.versies]
            regelingen.append({"regeling": slug, "citeertitel": tijdlijn.laatste.regeling.citeertitel, "versies": versies})
            for b in sorted(lijst, key=lambda b: _volgorde(b, versies)):
                meldingen.append(_bevinding_json(b, slug))
        document = {
            "geslaagd": self.aantal_fouten == 0,
            "aantal": {"fouten": self.aantal_fouten, "waarschuwingen": self.aantal_waarschuwingen},
            "regelingen": regelingen,
            "meldingen": meldingen,
        }
        return json.dumps(document, ensure_ascii=False, indent=2)


def _volgorde(b: Bevinding, versies: list[str]) -> tuple:
    eerste = versies.index(b.versies[0]) if b.versies[0] in versies else 0
    bron = b.vondst.bron
    return (eerste, bron.bestand, bron.regel, bron.kolom, b.regel.id)


def _melding_json(m: Melding, slug: str | None, versies: list[str] | None) -> dict:
    return {
        "bestand": m.bron.bestand,
        "regelnummer": m.bron.regel or None,
        "kolom": m.bron.kolom or None,
        "ernst": m.ernst,
        "controle": None,
        "rechtsbron": None,
        "regeling": slug,
        "versies": versies or [],
        "adres": m.adres,
        "tekst": m.tekst,
        "suggestie": m.hint,
    }


def _bevinding_json(b: Bevinding, slug: str) -> dict:
    v = b.vondst
    return {
        **_melding_json(Melding(v.tekst, v.bron, v.adres, v.hint, b.ernst), slug, list(b.versies)),
        "controle": b.regel.id,
        "rechtsbron": b.regel.bron,
    }


def fout_als_json(fout: GrgenFout) -> str:
    """A project that cannot be loaded, in the JSON shape of `Resultaat.als_json`."""
    meldingen = [_melding_json(m, None, None) for m in fout.meldingen] or [_melding_json(Melding(fout.message), None, None)]
    aantal = sum(1 for m in fout.meldingen if m.ernst == FOUT) or 1
    document = {
        "geslaagd": False,
        "aantal": {"fouten": aantal, "waarschuwingen": sum(1 for m in fout.meldingen if m.ernst == WAARSCHUWING)},
        "fout": fout.message,
        "regelingen": [],
        "meldingen": meldingen,
    }
    return json.dumps(document, ensure_ascii=False, indent=2)


def controleer_project(
    geschiedenissen: dict[str, Geschiedenis],
    waarschuwingen: Iterable[Melding] = (),
    negeer: Iterable[str] = (),
    regels: Iterable[Regel] = REGELS,
) -> Resultaat:
    """Run the legal checks over every regeling of a loaded project (`pipeline.controleer_stand`).

    `waarschuwingen` are the loader's; `negeer` holds rule ids or prefixes to skip ("wgr" skips
    every Wgr rule).
    """
    gekozen = kies_regels(regels, negeer)
    bevindingen = {slug: tuple(controleer(g, gekozen)) for slug, g in geschiedenissen.items()}
    return Resultaat(geschiedenissen, bevindingen, tuple(waarschuwingen))
