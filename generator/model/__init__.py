"""Frozen model objects: the regeling as structured data, its versions and amendments."""

from generator.model.bijlage import Bijlage, Tabel
from generator.model.elementen import (
    ALINEAGRENS,
    GENUMMERD_OP_POSITIE,
    KOPVORMEN,
    OPSOMMINGSTEKENS,
    SOORTEN,
    Artikel,
    Element,
    Hoofdstuk,
    Lid,
    Onderdeel,
    Paragraaf,
    Subonderdeel,
    alineas,
    is_opsommingsteken,
)
from generator.model.regeling import Deelnemer, Plek, Regeling, Tijdlijn, Versie, VersieInfo

__all__ = [
    "Bijlage",
    "Tabel",
    "ALINEAGRENS",
    "OPSOMMINGSTEKENS",
    "GENUMMERD_OP_POSITIE",
    "KOPVORMEN",
    "SOORTEN",
    "Artikel",
    "Deelnemer",
    "Element",
    "Hoofdstuk",
    "Lid",
    "Onderdeel",
    "Paragraaf",
    "Plek",
    "Regeling",
    "Subonderdeel",
    "Tijdlijn",
    "Versie",
    "VersieInfo",
    "alineas",
    "is_opsommingsteken",
]
