"""The formulas of the inwerkingtreding article (ARTIKEL II or III of the besluit), as data.

The amendment chooses one in `inwerkingtreding_vorm` (generator/model/wijziging.py); every
document that states when the wijziging takes effect (besluit, collegebesluit, kennisgeving)
takes its words from here, so they never disagree.
"""

from __future__ import annotations

from generator.model.wijziging import Wijziging
from generator.render.omgeving import datum, vul_in

# vorm -> (the moment, as "met ingang van ..." completes it; a sentence for the toelichting)
BEPALINGEN: dict[str, tuple[str, str]] = {
    "datum": (
        "met ingang van {{ datum }}{% if terug %} en werkt terug tot en met {{ terug }}{% endif %}",
        "Het besluit treedt in werking met ingang van {{ datum }}{% if terug %} en werkt terug tot en met {{ terug }}{% endif %}.",
    ),
    "datum_of_later": (
        "met ingang van {{ datum }} of, indien de bekendmaking later plaatsvindt, met ingang van de dag na die van de bekendmaking",
        "Het besluit treedt in werking met ingang van {{ datum }}. Een besluit treedt niet in werking voordat het is "
        "bekendgemaakt (artikel 3:40 van de Algemene wet bestuursrecht); vindt de bekendmaking na die datum plaats, "
        "dan treedt het in werking met ingang van de dag na die van de bekendmaking.",
    ),
    "dag_na_bekendmaking": (
        "met ingang van de dag na die van de bekendmaking",
        "Het besluit treedt in werking met ingang van de dag na die van de bekendmaking.",
    ),
    "terugwerkend": (
        "met ingang van de dag na die van de bekendmaking en werkt terug tot en met {{ terug }}",
        "Het besluit treedt in werking met ingang van de dag na die van de bekendmaking en werkt terug tot en met "
        "{{ terug }}, zodat het geldt vanaf die datum.",
    ),
}


def bepaling(w: Wijziging) -> str:
    """When the besluit takes effect, as the article completes "Dit besluit treedt in werking ...".

    >>> import datetime as dt
    >>> from generator.model.wijziging import Wijziging
    >>> w = Wijziging("w", "", "", "b", "wijziging", "artikelsgewijs", "ontwerp", dt.date(2025, 12, 16),
    ...               dt.date(2026, 1, 1), (), inwerkingtreding_vorm="datum_of_later")
    >>> bepaling(w)
    'met ingang van 1 januari 2026 of, indien de bekendmaking later plaatsvindt, met ingang van de dag na die van de bekendmaking'
    """
    return _vul(w, 0)


def toelichting(w: Wijziging) -> str:
    """The sentence of the artikelsgewijze toelichting on the inwerkingtreding."""
    return _vul(w, 1)


def _vul(w: Wijziging, i: int) -> str:
    terug = datum(w.terugwerkende_kracht) if w.terugwerkende_kracht else None
    return vul_in(
        BEPALINGEN[w.inwerkingtreding_vorm][i], f"inwerkingtreding {w.inwerkingtreding_vorm}", datum=datum(w.inwerkingtreding), terug=terug
    )
