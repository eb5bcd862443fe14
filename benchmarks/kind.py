"""One measured task, run by `run.py` in a child process of its own (so its peak RSS is its own).

    python benchmarks/kind.py TAAK SPEC.json

prints one line of JSON with the timings of the task (seconds, `time.perf_counter`). The parent
reads the child's peak RSS from `os.wait4`. Tasks:

- `voorbereiden`: build every version once and write the inputs of the peers into the work
  folder: the consolidated Markdown of the compared versions (`als_markdown`; pandoc converts
  that of version N), clean .docx files of them (made by pandoc, else by grgen's `tekst_docx`)
  for python-redlines, and the expected texts for the correctness check;
- `grgen`: what grgen does: apply every amendment (`bouw_geschiedenis`), then the renvooi .docx
  of the last amendment and of version 0 -> N (`vergelijk` + `renvooi_docx`); for W1 also the
  full `grgen bouw --alle` (`pipeline.bouw`) on a copy of the project;
- `redlines`: python-redlines (Docxodus) comparing two clean .docx files;
- `laden`: grgen reading a project folder (`lees_project`: YAML, checks, model), in process;
- `laden_cache`: the same through grgen's project cache when nothing changed;
- `yamlvloer`: the floor for that: a plain load of the same YAML files with ruamel.yaml's safe
  mode (the C loader when `ruamel.yaml.clib(z)` is installed, else pure Python), and with PyYAML's
  libyaml `CSafeLoader` when present (for comparison only);
- `controle`: count revision marks and check accept-all/reject-all of every renvooi (pandoc).

pandoc itself is run directly by the parent (its own process is the measured one).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).resolve().parent))

AUTEUR = "Benchmark"
DATUM = dt.date(2024, 1, 1)
# The two renvooien every workload measures: the last amendment, and version 0 -> N.
PAREN = ("laatste", "volledig")


# -- the workloads ------------------------------------------------------------------------------


def bronnen(spec: dict):
    """(regeling, versie-info, wijzigingen) of a workload; for W1 read from its project folder."""
    if spec["soort"] == "project":
        from generator.loader import lees_project

        project = lees_project(Path(spec["map"]))
        slug, (regeling, info) = next(iter(project.regelingen.items()))
        return regeling, info, project.wijzigingen_van(slug)
    from synth import maak_werklast

    wl = maak_werklast(spec["seed"], spec["artikelen"], spec["wijzigingen"])
    return wl.regeling, wl.info, wl.wijzigingen


def paren(versies: list) -> dict[str, tuple]:
    """Version pairs per renvooi: the last amendment and version 0 -> N."""
    return {"laatste": (versies[-2], versies[-1]), "volledig": (versies[0], versies[-1])}


def renvooi(voor, na) -> bytes:
    from generator.diff.versies import vergelijk_per_deel
    from generator.render.docx.oxml import Revisie
    from generator.render.word import renvooi_docx

    # As `grgen bouw` makes it (render/pakket.py): shared elements written from their blocks.
    verschillen = vergelijk_per_deel(voor.regeling, na.regeling)
    inleiding = [f"Versie {voor.id} – versie {na.id}."]
    titel = voor.regeling.citeertitel
    return renvooi_docx(verschillen, f"Renvooi {titel}", f"{titel} – Renvooi", AUTEUR, Revisie(AUTEUR, DATUM), inleiding)


def schone_docx(versie) -> bytes:
    """The consolidated text of a version as a clean .docx (grgen's `tekst_docx`, no revisions)."""
    from generator.blokken import blokken
    from generator.render.tekstweergave import kopregels
    from generator.render.word import tekst_docx

    r = versie.regeling
    return tekst_docx(blokken(r), r.citeertitel, f"{r.citeertitel} – versie {versie.id}", DATUM, AUTEUR, kopregels(versie), [])


def verwachte_tekst(versie) -> str:
    """The body of a version as one normalised line: what accept-all (or reject-all) must show."""
    from generator.blokken import blokken

    return normaliseer(" ".join(b.volledig for b in blokken(versie.regeling)))


def normaliseer(tekst: str) -> str:
    return " ".join(tekst.lower().split())


# -- tasks ---------------------------------------------------------------------------------------


def voorbereiden(spec: dict, werk: Path) -> dict:
    from generator.render.tekstweergave import als_markdown
    from generator.wijzigen.tijdlijn import bouw_geschiedenis

    regeling, info, wijzigingen = bronnen(spec)
    versies = list(bouw_geschiedenis(regeling, info, wijzigingen).tijdlijn.versies)
    for naam, versie in (("v0", versies[0]), ("voorlaatste", versies[-2]), ("na", versies[-1])):
        (werk / f"{naam}.md").write_text(als_markdown(versie), encoding="utf-8")
        (werk / f"{naam}.txt").write_text(verwachte_tekst(versie), encoding="utf-8")
        # The clean .docx python-redlines compares: pandoc's when it is here (fast), else grgen's.
        # Without "smart" pandoc keeps the text as it is (no curly quotes, no dashes for "--").
        if spec.get("pandoc"):
            subprocess.run(
                [spec["pandoc"], "-f", "markdown-smart", "-t", "docx", "-o", str(werk / f"{naam}.docx"), str(werk / f"{naam}.md")],
                check=True,
            )
        else:
            (werk / f"{naam}.docx").write_bytes(schone_docx(versie))
    soorten: dict[str, int] = {}
    for plek in regeling.elementen():
        soorten[plek.element.soort] = soorten.get(plek.element.soort, 0) + 1
    operaties: dict[str, int] = {}
    for w in wijzigingen:
        for op in w.operaties:
            operaties[op.actie] = operaties.get(op.actie, 0) + 1
    return {
        "elementen_v0": soorten,
        "elementen_na": sum(1 for _ in versies[-1].regeling.elementen()),
        "wijzigingen": len(wijzigingen),
        "operaties": operaties,
        "markdown_bytes": (werk / "na.md").stat().st_size,
    }


def grgen(spec: dict, werk: Path) -> dict:
    from generator.wijzigen.tijdlijn import bouw_geschiedenis

    uit: dict[str, float] = {}
    t = time.perf_counter()
    regeling, info, wijzigingen = bronnen(spec)
    uit["laden"] = time.perf_counter() - t  # YAML for W1; drawing the synthetic sources otherwise
    t = time.perf_counter()
    versies = list(bouw_geschiedenis(regeling, info, wijzigingen).tijdlijn.versies)
    uit["toepassen"] = time.perf_counter() - t
    _warm()
    for naam, (voor, na) in paren(versies).items():
        t = time.perf_counter()
        data = renvooi(voor, na)
        uit[f"renvooi_{naam}"] = time.perf_counter() - t
        uit[f"zipvloer_{naam}"] = zipvloer(data)
        (werk / f"grgen-{naam}.docx").write_bytes(data)
    if spec["soort"] == "project":
        uit["bouw_alle"] = bouw_alle(Path(spec["map"]))
    return uit


def zipvloer(docx: bytes, herhalingen: int = 5) -> float:
    """The floor of a renvooi: writing the same parts (the same word/document.xml bytes) into a
    .docx with zipfile alone, deflated at grgen's level; the median of a few repetitions."""
    import io
    import statistics

    with zipfile.ZipFile(io.BytesIO(docx)) as zf:
        delen = [(info, zf.read(info)) for info in zf.infolist()]
    tijden = []
    for _ in range(herhalingen):
        t = time.perf_counter()
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as uit:
            for info, data in delen:
                uit.writestr(info.filename, data, compresslevel=6)
        tijden.append(time.perf_counter() - t)
    return statistics.median(tijden)


def yaml_bestanden(map_: Path) -> list[Path]:
    """The YAML files of a project that grgen reads: regeling.yaml, its hoofdstukken, the amendments."""
    return (
        sorted(map_.glob("regeling/*/regeling.yaml"))
        + sorted(map_.glob("regeling/*/hoofdstukken/*.yaml"))
        + sorted(map_.glob("wijzigingen/*.yaml"))
    )


def laden(spec: dict, werk: Path) -> dict:
    from generator.loader import lees_project

    t = time.perf_counter()
    lees_project(Path(spec["map"]))
    return {"laden": time.perf_counter() - t}


def laden_cache(spec: dict, werk: Path) -> dict:
    from generator.loader.cache import lees_project_bewaard

    lees_project_bewaard(Path(spec["map"]))  # fills the cache if it was empty: not measured
    t = time.perf_counter()
    lees_project_bewaard(Path(spec["map"]))
    return {"laden_cache": time.perf_counter() - t}


def yamlvloer(spec: dict, werk: Path) -> dict:
    from ruamel.yaml import YAML

    bestanden = yaml_bestanden(Path(spec["map"]))
    yaml = YAML(typ="safe")  # ruamel picks its C loader when one is installed
    t = time.perf_counter()
    for pad in bestanden:
        yaml.load(pad.read_bytes())
    uit = {"yaml_ruamel": time.perf_counter() - t, "bestanden": len(bestanden), "bytes": sum(p.stat().st_size for p in bestanden)}
    uit["ruamel_c"] = yaml.Parser.__module__.startswith("_ruamel")
    try:
        import yaml as pyyaml

        if pyyaml.__with_libyaml__:
            t = time.perf_counter()
            for pad in bestanden:
                pyyaml.load(pad.read_bytes(), Loader=pyyaml.CSafeLoader)  # noqa: S506 - the safe loader
            uit["yaml_libyaml"] = time.perf_counter() - t
    except ImportError:
        pass
    return uit


def _warm() -> None:
    """Import the renderer and open the base document once, as any grgen run has done by then.

    The renderer is `generator.render.word` (`grgen bouw` imports it with the package renderer,
    render/pakket.py, before any document is made); until run D only its imports were imported
    here, and the first renvooi of a run paid 4-5 ms for importing word.py itself. The base
    document with a header and footer of its own (`kop_en_voet`) is not opened here: the renvooi
    is the first such document of a package, and pays for it as `grgen bouw` does.
    """
    from generator.diff import versies  # noqa: F401
    from generator.render import word  # noqa: F401
    from generator.render.docx.document import Docx

    Docx()


def bouw_alle(bron: Path) -> float:
    """`grgen bouw --alle` (pipeline.bouw) on a fresh copy of the project: load, apply, render, write."""
    from generator.pipeline import bouw

    with tempfile.TemporaryDirectory(prefix="grgen-bench-") as tmp:
        doel = Path(tmp)
        for deel in ("regeling", "wijzigingen", "sjablonen"):
            if (bron / deel).is_dir():
                shutil.copytree(bron / deel, doel / deel)
        t = time.perf_counter()
        bouw(doel, alle=True)
        return time.perf_counter() - t


def redlines(spec: dict, werk: Path) -> dict:
    from python_redlines import DocxodusEngine

    engine = DocxodusEngine()  # resolves (and on first use extracts) the binary: not measured
    oud = werk / ("voorlaatste.docx" if spec["paar"] == "laatste" else "v0.docx")
    t = time.perf_counter()
    data, _, _ = engine.run_redline(AUTEUR, oud, werk / "na.docx")
    tijd = time.perf_counter() - t
    (werk / f"redlines-{spec['paar']}.docx").write_bytes(data)
    return {f"redlines_{spec['paar']}": tijd}


_MARK = re.compile(rb"<w:(?:ins|del)\b")


def revisietekens(pad: Path) -> int:
    """w:ins + w:del elements in word/document.xml (inline and on paragraph marks)."""
    with zipfile.ZipFile(pad) as zf:
        return len(_MARK.findall(zf.read("word/document.xml")))


def weergave(pandoc: str, pad: Path, wijze: str) -> str:
    """The text of a .docx with all revisions accepted or rejected, as pandoc reads it."""
    uit = subprocess.run(
        [pandoc, f"--track-changes={wijze}", "-f", "docx", "-t", "plain", "--wrap=none", str(pad)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return normaliseer(uit)


def controle(spec: dict, werk: Path) -> dict:
    """Revision marks per output, and whether accept-all gives the new text and reject-all the old."""
    uit: dict[str, object] = {}
    verwacht_na = (werk / "na.txt").read_text(encoding="utf-8")
    for hulpmiddel in ("grgen", "redlines"):
        for paar in PAREN:
            pad = werk / f"{hulpmiddel}-{paar}.docx"
            if not pad.exists():
                continue
            uit[f"tekens_{hulpmiddel}_{paar}"] = revisietekens(pad)
            if spec.get("pandoc"):
                oud = (werk / ("voorlaatste.txt" if paar == "laatste" else "v0.txt")).read_text(encoding="utf-8")
                aanvaard = verwacht_na in weergave(spec["pandoc"], pad, "accept")
                geweigerd = oud in weergave(spec["pandoc"], pad, "reject")
                uit[f"juist_{hulpmiddel}_{paar}"] = aanvaard and geweigerd
    return uit


TAKEN = {
    "voorbereiden": voorbereiden,
    "grgen": grgen,
    "redlines": redlines,
    "controle": controle,
    "laden": laden,
    "laden_cache": laden_cache,
    "yamlvloer": yamlvloer,
}


def main() -> None:
    from generator import proces

    proces.stel_in()  # as the grgen command does at start-up (cli.main)
    taak, spec = sys.argv[1], json.loads(Path(sys.argv[2]).read_text(encoding="utf-8"))
    resultaat = TAKEN[taak](spec, Path(spec["werk"]))
    print(json.dumps(resultaat))


if __name__ == "__main__":
    main()
