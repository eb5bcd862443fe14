"""Version names as people say them, never the slug.

A griffier does not write "versie 2025-toetreding-borne" but "de tekst zoals die luidt na de
toetreding van de gemeente Borne, in werking 1 januari 2026". The reason comes from the
amendment's own title (Ar 4.6: "Wijziging van ... in verband met ..."), so no wording is made
up here; an amendment whose title says no reason is named by its date.
"""

from __future__ import annotations

import re

from generator.model import VersieInfo
from generator.model.wijziging import Wijziging
from generator.render.omgeving import datum

_REDEN = re.compile(r"\bin verband met\s+(?P<reden>.+?)\.?$", re.S)


def aanleiding(wijziging: Wijziging) -> str:
    """What the amendment does, as the object of "na": "de toetreding van de gemeente Borne".

    >>> import datetime as dt
    >>> w = Wijziging("x", "Wijziging van de R in verband met de toetreding van de gemeente Borne", "Toetreding Borne",
    ...     "2017", "wijziging", "artikelsgewijs", "ontwerp", dt.date(2025, 12, 16), dt.date(2026, 1, 1), ())
    >>> aanleiding(w)
    'de toetreding van de gemeente Borne'
    """
    gevonden = _REDEN.search(" ".join(wijziging.titel.split()))
    if gevonden:
        return gevonden["reden"]
    if wijziging.betreft == "intrekking":
        return "de intrekking"
    return f"de wijziging van {datum(wijziging.datum_besluit)}"


def versienaam(info: VersieInfo, wijziging: Wijziging | None) -> str:
    """A version as people say it; `wijziging` is the amendment that made it (None for the base).

    >>> import datetime as dt
    >>> versienaam(VersieInfo("2017", "nieuwe regeling", dt.date(2017, 3, 1)), None)
    'de oorspronkelijke tekst, in werking 1 maart 2017'
    >>> w = Wijziging("x", "Wijziging van de R in verband met de toetreding van de gemeente Borne", "Toetreding Borne",
    ...     "2017", "wijziging", "artikelsgewijs", "ontwerp", dt.date(2025, 12, 16), dt.date(2026, 1, 1), ())
    >>> versienaam(VersieInfo("x", "wijziging", dt.date(2026, 1, 1)), w)
    'de tekst zoals die luidt na de toetreding van de gemeente Borne, in werking 1 januari 2026'
    """
    if wijziging is None:
        return f"de oorspronkelijke tekst, in werking {datum(info.inwerkingtreding)}"
    return f"de tekst zoals die luidt na {aanleiding(wijziging)}, in werking {datum(info.inwerkingtreding)}"


def omschrijving(wijziging: Wijziging | None) -> str:
    """A version in a table cell: "Oorspronkelijke tekst", "Toetreding van de gemeente Borne".

    >>> omschrijving(None)
    'Oorspronkelijke tekst'
    """
    if wijziging is None:
        return "Oorspronkelijke tekst"
    reden = aanleiding(wijziging)
    if reden.startswith("de "):
        reden = reden[3:]
    return reden[:1].upper() + reden[1:]


def koptekst(citeertitel: str, document: str, wijziging: Wijziging | None = None) -> str:
    """The running header: one short line, "<citeertitel> – <document> <short name>".

    >>> koptekst("Regeling ICT", "Renvooi")
    'Regeling ICT – Renvooi'
    """
    if wijziging is None:
        return f"{citeertitel} – {document}"
    kort = wijziging.kort
    if kort[1:2].islower():  # "Toetreding Borne" -> "toetreding Borne"; "ICT-beheer" stays
        kort = kort[:1].lower() + kort[1:]
    return f"{citeertitel} – {document} {kort}"
