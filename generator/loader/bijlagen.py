"""`bijlagen` in regeling.yaml (and the new bijlage of an amendment) -> frozen `Bijlage` objects.

bijlagen:
  - id: mandatenlijst
    nummer: 1
    opschrift: Bijlage 1 bij de Regeling mandatering
    inhoud:
      - Overzicht van de bevoegdheden.
      - tabel:
          - [Bevoegdheid, Aan]
          - [het doen van aangifte, secretaris]
"""

from __future__ import annotations

import re
from typing import Any

from generator.errors import Bron
from generator.loader.velden import Kaart, positie, typenaam
from generator.model.bijlage import Bijlage, Tabel
from generator.nummering import rangtelwoord

BIJLAGE_SLEUTELS = ("id", "nummer", "opschrift", "inhoud")
_NUMMER = re.compile(r"[1-9][0-9]{0,2}[a-z]?")
_OPSCHRIFTNUMMER = re.compile(r"^bijlage\s+([0-9]+[a-z]?)\b", re.IGNORECASE)


def lees_bijlage(kaart: Kaart, positie_: int, nieuw: bool = False) -> Bijlage | None:
    """One bijlage from its mapping; None (and reported) when it is invalid. In an amendment
    (`nieuw`) id and nummer may be left to grgen: the bijlage it replaces gives them."""
    kaart.adres = (
        f"bijlage {kaart.ruw('nummer')}"
        if kaart.ruw("nummer") is not None
        else f"bijlage (de {rangtelwoord(min(positie_, 99))} in de lijst)"
    )
    kaart.controleer(BIJLAGE_SLEUTELS, ("inhoud",) if nieuw else ("id", "inhoud"))
    fouten = kaart.v.aantal_fouten
    bijlage_id = kaart.ident("id", verplicht=not nieuw)
    nummer = kaart.nummer("nummer")
    if nummer is not None and not _NUMMER.fullmatch(nummer):
        kaart.fout(f"ongeldig bijlagenummer {nummer!r}", "nummer", "een bijlage heeft een nummer als 1, 2 of 2a")
    opschrift = kaart.tekst("opschrift")
    if opschrift and nummer and (m := _OPSCHRIFTNUMMER.match(opschrift)) and m[1] != nummer:
        kaart.fout(f"het opschrift noemt bijlage {m[1]}, maar het nummer is {nummer}", "opschrift", "maak opschrift en nummer gelijk")
    inhoud: list[str | Tabel] = []
    for item, bron in kaart.lijst("inhoud", verplicht=True):
        if isinstance(item, dict):
            tk = kaart.kind(item, bron, kaart.adres, "een tabel")
            if tk is not None:
                tk.controleer(("tabel",), ("tabel",))
                tabel = _tabel(tk)
                if tabel is not None:
                    inhoud.append(tabel)
        elif isinstance(item, str | int | float) and not isinstance(item, bool):
            tekst = kaart.controleer_tekst(str(item), "inhoud", bron)
            if tekst is not None:
                inhoud.append(tekst)
        else:
            kaart.v.fout(
                f"elk item van 'inhoud' is een alinea (tekst) of een tabel, niet {typenaam(item)}",
                bron,
                kaart.adres,
                "schrijf '- Tekst van de alinea.' of '- tabel: [[kop, kop], [cel, cel]]'",
            )
    if kaart.v.aantal_fouten > fouten or (bijlage_id is None and not nieuw):
        return None
    return Bijlage(bijlage_id or "", nummer, opschrift, tuple(inhoud), kaart.eigen_bron)


def _tabel(kaart: Kaart) -> Tabel | None:
    """`tabel`: a list of rows, each a list of cells (plain text, may be empty); the first row is
    the header row and sets the number of columns."""
    rijen: list[tuple[str, ...]] = []
    goed = True
    for n, (rij, bron) in enumerate(kaart.lijst("tabel", verplicht=True), start=1):
        if not isinstance(rij, list) or not rij:
            kaart.v.fout(
                f"rij {n} van de tabel moet een lijst van cellen zijn, niet {typenaam(rij) if rij != [] else 'een lege lijst'}",
                bron,
                kaart.adres,
                "schrijf een rij als [cel, cel, cel]",
            )
            goed = False
            continue
        cellen = [_cel(kaart, cel, positie(rij, i, kaart.naam), n) for i, cel in enumerate(rij)]
        if any(c is None for c in cellen):
            goed = False
            continue
        if rijen and len(cellen) != len(rijen[0]):
            kaart.v.fout(
                f"rij {n} van de tabel heeft {len(cellen)} cellen, de kopregel {len(rijen[0])}",
                bron,
                kaart.adres,
                'geef elke rij evenveel cellen; een lege cel schrijft u als ""',
            )
            goed = False
        rijen.append(tuple(c or "" for c in cellen))
    return Tabel(tuple(rijen)) if goed and rijen else None


def _cel(kaart: Kaart, cel: Any, bron: Bron, rij: int) -> str | None:
    if cel is None or cel == "":
        return ""
    if isinstance(cel, bool) or not isinstance(cel, str | int | float):
        kaart.v.fout(f"een cel in rij {rij} van de tabel moet tekst zijn, niet {typenaam(cel)}", bron, kaart.adres)
        return None
    return kaart.controleer_tekst(str(cel), "tabel", bron)


def lees_bijlagen(kaart: Kaart, bezet: dict[str, Bron]) -> tuple[Bijlage, ...]:
    """`bijlagen` of regeling.yaml; `bezet` holds the element ids (an id is unique in the regeling)."""
    uit: list[Bijlage] = []
    for i, (item, bron) in enumerate(kaart.lijst("bijlagen"), start=1):
        bk = kaart.kind(item, bron, "bijlagen", "een bijlage (id, nummer, opschrift, inhoud)")
        if bk is None:
            continue
        b = lees_bijlage(bk, i)
        if b is None:
            continue
        if b.id in bezet:
            kaart.v.fout(f"id '{b.id}' komt twee keer voor (ook in {bezet[b.id]})", bk.bron("id"), bk.adres, "elke id moet uniek zijn")
            continue
        bezet[b.id] = bk.bron("id")
        uit.append(b)
    if len(uit) > 1:
        for b in uit:
            if b.nummer is None:
                kaart.v.fout(
                    "een regeling met meer bijlagen nummert ze alle", b.bron, f"bijlage '{b.id}'", "geef elke bijlage een 'nummer': 1, 2, 3"
                )
        nummers = [b.nummer for b in uit if b.nummer]
        for vorige, b in zip(uit, uit[1:], strict=False):
            if vorige.nummer and b.nummer and _sleutel(b.nummer) <= _sleutel(vorige.nummer):
                kaart.v.fout(
                    f"bijlage {b.nummer} staat na bijlage {vorige.nummer}"
                    if b.nummer != vorige.nummer
                    else f"bijlage {b.nummer} komt twee keer voor",
                    b.bron,
                    f"bijlage {b.nummer}",
                    f"bijlagen zijn oplopend genummerd: {', '.join(sorted(set(nummers), key=_sleutel))}",
                )
    return tuple(uit)


def _sleutel(nummer: str) -> tuple[int, str]:
    cijfers = re.match(r"[0-9]+", nummer)
    return (int(cijfers[0]) if cijfers else 0, nummer[cijfers.end() if cijfers else 0 :])
