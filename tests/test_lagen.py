"""The package's layers, read from its imports: every import runs downward, none in a cycle.

Layers, bottom up (the package docstring of `generator` shows the same order):
0 shared: model, errors, nummering, adressen, blokken, ...; 1 loader and uitvoer (the only reader
and the only writer, used by the use cases alone); 2 wijzigen; 3 diff and controles; 4 render;
5 pipeline (loading a project, building packages); 6 the other use cases, built on the pipeline
(verschil, ...); 7 cli; 8 `python -m generator`. A module imports its own package and lower layers
only (the shared floor, layer 0, may also import within itself).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PAKKET = Path(__file__).resolve().parent.parent / "generator"

# Module (or package) -> layer. A module that is not listed fails the test: place it.
LAGEN = {
    "generator": 0,
    "generator.errors": 0,
    "generator.nummering": 0,
    "generator.adressen": 0,
    "generator.model": 0,
    "generator.blokken": 0,
    "generator.suggesties": 0,
    "generator.onderwerpen": 0,
    "generator.proces": 0,
    "generator.werkers": 0,
    "generator.gcpauze": 0,
    "generator.ontwerpsleutels": 0,
    "generator.loader": 1,
    "generator.uitvoer": 1,
    "generator.wijzigen": 2,
    "generator.diff": 3,
    "generator.controles": 3,
    "generator.render": 4,
    "generator.pipeline": 5,
    "generator.verschil": 6,
    "generator.ontwerp": 6,
    "generator.importeer": 6,
    "generator.nieuw": 6,
    "generator.cli": 7,
    "generator.__main__": 8,
}
# The edges of the data flow: only the use cases (and above) read files or write output.
ALLEEN_VOOR_GEBRUIKSGEVALLEN = ("generator.loader", "generator.uitvoer")
GEBRUIKSGEVAL = 5


def _modulenaam(pad: Path) -> str:
    delen = list(pad.relative_to(PAKKET.parent).with_suffix("").parts)
    if delen[-1] == "__init__":
        delen.pop()
    return ".".join(delen)


def _eenheid(module: str) -> str:
    """The longest entry of LAGEN that holds the module ('generator.render.docx.oxml' -> 'generator.render')."""
    delen = module.split(".")
    for n in range(len(delen), 0, -1):
        kandidaat = ".".join(delen[:n])
        if kandidaat in LAGEN:
            return kandidaat
    raise AssertionError(f"{module} staat niet in LAGEN: geef het een laag")


def _importen(pad: Path, alleen_bovenaan: bool = False) -> list[tuple[int, str]]:
    """(line, imported generator module) for every import in the file, also inside functions and
    `if TYPE_CHECKING:` blocks (a type-only import is still a dependency)."""
    boom = ast.parse(pad.read_text(encoding="utf-8"))
    knopen = boom.body if alleen_bovenaan else list(ast.walk(boom))
    uit = []
    for knoop in knopen:
        if isinstance(knoop, ast.Import):
            uit += [(knoop.lineno, a.name) for a in knoop.names if a.name.split(".")[0] == "generator"]
        elif isinstance(knoop, ast.ImportFrom) and knoop.level == 0 and knoop.module and knoop.module.split(".")[0] == "generator":
            for a in knoop.names:
                sub = f"{knoop.module}.{a.name}"
                bestaat = (PAKKET.parent / sub.replace(".", "/")).with_suffix(".py").is_file() or (
                    PAKKET.parent / sub.replace(".", "/")
                ).is_dir()
                uit.append((knoop.lineno, sub if bestaat else knoop.module))
        elif isinstance(knoop, ast.ImportFrom) and knoop.level > 0:
            uit.append((knoop.lineno, "." * knoop.level + (knoop.module or "")))
    return uit


BESTANDEN = sorted(PAKKET.rglob("*.py"))


def test_every_module_has_a_layer():
    for pad in BESTANDEN:
        _eenheid(_modulenaam(pad))


def test_imports_run_downward():
    fouten = []
    for pad in BESTANDEN:
        module = _modulenaam(pad)
        eigen = _eenheid(module)
        laag = LAGEN[eigen]
        for regel, doel in _importen(pad):
            plaats = f"{pad.relative_to(PAKKET.parent)}:{regel}"
            if doel.startswith("."):
                fouten.append(f"{plaats}: relatieve import {doel}; schrijf generator.…")
                continue
            doel_eenheid = _eenheid(doel)
            if doel_eenheid == eigen:
                continue
            if doel_eenheid in ALLEEN_VOOR_GEBRUIKSGEVALLEN and laag < GEBRUIKSGEVAL:
                fouten.append(f"{plaats}: {module} importeert {doel}; alleen de gebruiksgevallen lezen en schrijven")
            elif LAGEN[doel_eenheid] > laag or (LAGEN[doel_eenheid] == laag and laag != 0):
                fouten.append(f"{plaats}: {module} (laag {laag}) importeert {doel} (laag {LAGEN[doel_eenheid]})")
    assert not fouten, "\n".join(fouten)


def test_no_import_cycles():
    """Module-level imports form no cycle (a cycle hidden in a function-level import counts too)."""
    graaf: dict[str, set[str]] = {}
    for pad in BESTANDEN:
        graaf[_modulenaam(pad)] = {d for _, d in _importen(pad) if not d.startswith(".")}
    bekend = set(graaf)

    def doel_module(d: str) -> str:
        while d not in bekend and "." in d:
            d = d.rsplit(".", 1)[0]
        return d

    kleur: dict[str, int] = {}
    pad_nu: list[str] = []

    def bezoek(m: str) -> None:
        kleur[m] = 1
        pad_nu.append(m)
        for d in sorted(doel_module(x) for x in graaf.get(m, ())):
            if d == m or d not in bekend or d.startswith(m + ".") or m.startswith(d + "."):
                continue  # a package and its own modules
            if kleur.get(d) == 1:
                cyclus = pad_nu[pad_nu.index(d) :] + [d]
                pytest.fail("importcyclus: " + " -> ".join(cyclus))
            if d not in kleur:
                bezoek(d)
        pad_nu.pop()
        kleur[m] = 2

    for m in sorted(graaf):
        if m not in kleur:
            bezoek(m)


def test_the_check_sees_an_upward_import(tmp_path):
    """The test itself can fail: an upward import in a scratch file is reported."""
    bestand = tmp_path / "x.py"
    bestand.write_text("from generator.render.pakket import Instellingen\n", encoding="utf-8")
    ((_, doel),) = _importen(bestand)
    assert _eenheid(doel) == "generator.render" and LAGEN[_eenheid(doel)] > LAGEN["generator.wijzigen"]
