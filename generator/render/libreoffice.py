"""LibreOffice headless: Word documents to PDF for the raadsinformatiesysteem.

One `soffice` call converts a whole package (starting LibreOffice costs seconds, converting a
document a fraction of that). LibreOffice always runs with a private, temporary profile (never
the user's own, which may be open in a running LibreOffice) and in its own process group, so
that it can be stopped by its process id when it hangs.

The PDFs are PDF/A-2b (archival); the renvooi keeps its tracked changes visible, as LibreOffice
shows them on screen (struck through and underlined in the author's colour).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path

from generator.errors import ConversieFout, Melding

# PDF/A-2b: "SelectPdfVersion" 2 in LibreOffice's PDF export filter.
PDF_FILTER = "pdf:writer_pdf_Export:" + json.dumps({"SelectPdfVersion": {"type": "long", "value": "2"}}, separators=(",", ":"))
WACHTTIJD = 600  # seconds for one soffice call before it is stopped


def soffice() -> str:
    """The path of LibreOffice's `soffice`, or a clear Dutch error when it is not installed."""
    pad = shutil.which("soffice") or shutil.which("libreoffice")
    if pad is None:
        raise ConversieFout(
            "Voor PDF-bestanden is LibreOffice nodig",
            [
                Melding(
                    "het programma 'soffice' is niet gevonden",
                    hint="installeer LibreOffice (Debian/Ubuntu: apt-get install libreoffice-writer-nogui) of bouw zonder --pdf",
                )
            ],
        )
    return pad


def draai(argumenten: Sequence[str], profiel: Path, map_: Path, wachttijd: int = WACHTTIJD) -> None:
    """Run soffice headless with the private `profiel`, in `map_`; stop it by its id on a hang."""
    opdracht = [soffice(), "--headless", "--norestore", f"-env:UserInstallation={profiel.resolve().as_uri()}", *argumenten]
    omgeving = {**os.environ, "HOME": str(profiel)}  # LibreOffice writes nothing into the user's home
    proces = subprocess.Popen(opdracht, cwd=map_, env=omgeving, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    try:
        _, fout = proces.communicate(timeout=wachttijd)
    except subprocess.TimeoutExpired:
        os.killpg(proces.pid, signal.SIGKILL)  # its own process group: soffice and soffice.bin
        proces.communicate()
        raise ConversieFout(
            "LibreOffice reageert niet", [Melding(f"de conversie is na {wachttijd} seconden afgebroken", hint="probeer het opnieuw")]
        ) from None
    if proces.returncode != 0:
        raise ConversieFout("LibreOffice kon de documenten niet omzetten", [Melding(fout.decode("utf-8", "replace").strip()[:500])])


def naar_pdf(documenten: Mapping[str, bytes]) -> dict[str, bytes]:
    """Every .docx in `documenten` (name -> bytes) as PDF/A-2b: name with .pdf -> bytes.

    >>> naar_pdf({})
    {}
    """
    if not documenten:
        return {}
    with tempfile.TemporaryDirectory(prefix="grgen-pdf-") as tmp:
        werk = Path(tmp)
        invoer, uitvoer = werk / "in", werk / "uit"
        invoer.mkdir()
        namen = {}
        for i, (naam, inhoud) in enumerate(sorted(documenten.items())):
            # Flat, numbered file names: one output folder, no clashes between deelnemers.
            (invoer / f"{i:04d}.docx").write_bytes(inhoud)
            namen[f"{i:04d}.pdf"] = naam.removesuffix(".docx") + ".pdf"
        bronnen = sorted(str(p) for p in invoer.iterdir())
        draai(["--convert-to", PDF_FILTER, "--outdir", str(uitvoer), *bronnen], werk / "profiel", werk)
        gemaakt = {p.name: p.read_bytes() for p in uitvoer.glob("*.pdf")} if uitvoer.is_dir() else {}
    ontbreekt = [namen[n] for n in sorted(namen) if n not in gemaakt]
    if ontbreekt:
        raise ConversieFout(
            "LibreOffice maakte niet elke PDF", [Melding(f"geen PDF voor {n.removesuffix('.pdf')}.docx") for n in ontbreekt]
        )
    return {namen[n]: inhoud for n, inhoud in gemaakt.items()}
