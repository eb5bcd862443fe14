"""The topics an artikel can declare (`onderwerpen`), and the law that asks for them.

`grgen check` uses this table to tell which provisions a regeling lacks (issue: legal checks);
the loader uses it to catch a misspelled topic.
"""

from __future__ import annotations

# topic -> (what it is, the provision that asks for it or None when it is good practice only)
ONDERWERPEN: dict[str, tuple[str, str | None]] = {
    "begrippen": ("begripsbepalingen", None),
    "belang": ("het belang dat de regeling dient", "Wgr art. 10"),
    "centrumgemeente": ("aanwijzing van de centrumgemeente", "Wgr art. 8, vierde lid"),
    "mandaat": ("taken en bevoegdheden die in mandaat worden uitgeoefend", "Wgr art. 8, vierde lid"),
    "taken": ("de taken die de regeling opdraagt", None),
    "bestuur": ("het bestuur: algemeen bestuur, dagelijks bestuur en voorzitter", "Wgr art. 12"),
    "begroting": ("begroting en jaarrekening", "Wgr art. 34"),
    "overleg": ("bestuurlijk en ambtelijk overleg", None),
    "informatie": ("informatie en verantwoording aan de deelnemers", None),
    "financien": ("financiële bepalingen en kostenverdeling", None),
    "dienstverlening": ("dienstverleningsovereenkomst", None),
    "personeel": ("personeel", None),
    "aansprakelijkheid": ("aansprakelijkheid en risico's", None),
    "toetreding": ("toetreding", "Wgr art. 9, eerste lid"),
    "uittreding": ("voorwaarden voor uittreding", "Wgr art. 9, eerste lid"),
    "uittreding-gevolgen": ("(financiële) gevolgen van uittreding", "Wgr art. 9, eerste lid"),
    "wijziging": ("wijziging van de regeling", "Wgr art. 9, eerste lid"),
    "opheffing": ("opheffing van de regeling", "Wgr art. 9, eerste lid"),
    "vereffening": ("vereffening (liquidatie) bij opheffing", "Wgr art. 9"),
    "evaluatie": ("evaluatie van de regeling", "Wgr art. 11a"),
    "zienswijzen": ("zienswijzen en participatie", None),
    "archief": ("archiefbescheiden", None),
    "geschillen": ("beslechting van geschillen", None),
    "publicatie": ("bekendmaking en toezending", "Wgr art. 26"),
    "inwerkingtreding": ("inwerkingtreding", None),
    "duur": ("duur van de regeling", None),
    "citeertitel": ("citeertitel", None),
    "slotbepaling": ("overige slotbepalingen", None),
}

# Topics the Wgr asks for only in some kinds of regeling (Wgr art. 8); every other topic applies to all.
ALLEEN_BIJ: dict[str, frozenset[str]] = {
    "centrumgemeente": frozenset({"centrumregeling"}),
    "mandaat": frozenset({"centrumregeling"}),
    # Wgr art. 12-14 (organs), 34-35 (begroting, jaarrekening), 9 (vereffening of a legal person).
    "bestuur": frozenset({"openbaar lichaam", "bedrijfsvoeringsorganisatie"}),
    "begroting": frozenset({"openbaar lichaam", "bedrijfsvoeringsorganisatie"}),
    "vereffening": frozenset({"openbaar lichaam", "bedrijfsvoeringsorganisatie"}),
}
