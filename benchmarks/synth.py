"""Synthetic regelingen and amendment chains for the benchmark: seeded and deterministic.

The same (seed, sizes) always give the same regeling and the same amendments, on any machine:
everything is drawn from one `random.Random(seed)`, never from the clock or from hash order.

The regeling is built as model objects directly (as tests/genereer.py does). Its artikelen come
in three shapes: text only, a text with onderdelen ("lijst"), or leden, some with onderdelen.
Some texts refer to an earlier artikel with `[[id]]`, so rendering resolves references too.

Every operation of every amendment works in an artikel that no earlier operation touched. Such
an artikel looks in version k exactly as in version 0, so each amendment can be drawn against
the base alone (no amendment has to be applied to draw the next one), and every address it uses
is valid in its `basis`, the version just before it. Artikelen are never deleted and only
artikelen are referred to, so no operation breaks a reference.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
import re

from generator.adressen import onbekende_verwijzingen, parse_adres
from generator.model import Artikel, Deelnemer, Element, Hoofdstuk, Lid, Onderdeel, Regeling, VersieInfo
from generator.model.ids import NIEUW_ID
from generator.model.wijziging import Doel, Operatie, Wijziging
from generator.nummering import nummer_na

WOORDEN = (
    "college raad deelnemers taken kosten overleg besluit regeling gemeente informatie beheer uitvoering verslag "
    "begroting archief dienst jaarrekening jaarlijks centrumgemeente bevoegdheden mandaat volmacht machtiging "
    "dienstverlening kwaliteit beveiliging gegevens verwerking privacy functionaris voorzitter secretaris "
    "commissie adviescommissie bestuurscommissie vergadering besluitvorming stemming meerderheid begrotingswijziging "
    "bijdrage verdeelsleutel inwonertal uittreding toetreding wijziging opheffing liquidatie personeel formatie "
    "werkgever ambtenaren rechtspositie klachten bezwaar beroep geschillen bemiddeling evaluatie rapportage "
    "planning controle accountant rekening reserve voorziening tekort overschot risico aansprakelijkheid "
    "verzekering contract leverancier aanbesteding inkoop licenties applicaties netwerk werkplek telefonie "
    "continuïteit calamiteiten archivering openbaarheid bekendmaking inwerkingtreding citeertitel"
).split()
VERBINDERS = "de het een van en voor door met over in op aan bij tot na als".split()

# Relative weights of the operations in the mix (the kinds tests/genereer.py draws, plus
# woorden_vervallen).
MIX = {
    "vervangen": 20,
    "woorden_invoegen": 10,
    "woorden_toevoegen": 8,
    "woorden_vervallen": 5,
    "komt_te_luiden": 15,
    "invoegen": 12,
    "toevoegen": 10,
    "vervalt": 12,
    "opschrift": 8,
}
ARTIKELEN_PER_HOOFDSTUK = 20
BASISDATUM = dt.date(2021, 1, 4)


@dataclasses.dataclass(frozen=True)
class Werklast:
    """A synthetic project: the base version and its amendments, in order."""

    regeling: Regeling
    info: VersieInfo
    wijzigingen: tuple[Wijziging, ...]

    def tellingen(self) -> dict[str, int]:
        """How many elements of each kind the base version has, and how many operations of each kind."""
        uit: dict[str, int] = {}
        for plek in self.regeling.elementen():
            uit[plek.element.soort] = uit.get(plek.element.soort, 0) + 1
        for w in self.wijzigingen:
            for op in w.operaties:
                uit["op:" + op.actie] = uit.get("op:" + op.actie, 0) + 1
        uit["operaties"] = sum(len(w.operaties) for w in self.wijzigingen)
        uit["wijzigingen"] = len(self.wijzigingen)
        return uit


def maak_werklast(seed: int, artikelen: int, wijzigingen: int) -> Werklast:
    """A regeling of `artikelen` artikelen and a chain of `wijzigingen` amendments on it.

    >>> a, b = maak_werklast(7, 30, 5), maak_werklast(7, 30, 5)
    >>> a == b, a.tellingen()["artikel"], len(a.wijzigingen)
    (True, 30, 5)
    """
    rng = random.Random(seed)
    regeling = maak_regeling(rng, artikelen)
    # The check the loader makes of every regeling it reads (lees_regeling): so the drawn sources
    # arrive at the engine as a project's do, and a bad reference in synth.py is caught here.
    onbekend = [doel for _, doel in onbekende_verwijzingen(regeling)]
    if onbekend:
        raise ValueError(f"synth.py refers to unknown ids: {onbekend[:5]}")
    info = VersieInfo("v0", "nieuwe regeling", BASISDATUM, datum_ondertekening=BASISDATUM - dt.timedelta(days=30))
    return Werklast(regeling, info, tuple(maak_wijzigingen(rng, regeling, wijzigingen)))


# -- the regeling ------------------------------------------------------------------------------


def _zin(rng: random.Random, slot: str = ".", minimum: int = 8, maximum: int = 24) -> str:
    woorden = [rng.choice(WOORDEN) if rng.random() < 0.6 else rng.choice(VERBINDERS) for _ in range(rng.randint(minimum, maximum))]
    tekst = " ".join(woorden)
    return tekst[0].upper() + tekst[1:] + slot


def _onderdelen(rng: random.Random, ouder_id: str) -> tuple[Onderdeel, ...]:
    n = rng.randint(2, 4)
    uit = []
    for i in range(1, n + 1):
        nummer = Onderdeel.nummer_op_positie(i)
        tekst = _zin(rng, ";" if i < n else ".", 4, 12)
        uit.append(Onderdeel(f"{ouder_id}.{nummer}", nummer, tekst[0].lower() + tekst[1:]))
    return tuple(uit)


def _opschrift(rng: random.Random) -> str:
    return " ".join(rng.choice(WOORDEN) for _ in range(rng.randint(1, 3))).capitalize()


def _artikel(rng: random.Random, nummer: int, eerdere: list[str]) -> Artikel:
    element_id = f"art{nummer}"

    def tekst(slot: str = ".") -> str:
        zin = _zin(rng, slot)
        if slot == "." and eerdere and rng.random() < 0.08:  # a reference to an earlier artikel
            zin = zin[:-1] + f", bedoeld in [[{rng.choice(eerdere)}]]."
        return zin

    vorm = rng.choices(("tekst", "lijst", "leden"), (30, 20, 50))[0]
    opschrift = _opschrift(rng)
    if vorm == "tekst":
        return Artikel(element_id, str(nummer), tekst(), opschrift=opschrift)
    if vorm == "lijst":
        return Artikel(element_id, str(nummer), tekst(":"), _onderdelen(rng, element_id), opschrift=opschrift)
    leden = []
    for i in range(1, rng.randint(2, 4) + 1):
        lid_id = f"{element_id}.{i}"
        if rng.random() < 0.2:
            leden.append(Lid(lid_id, str(i), tekst(":"), _onderdelen(rng, lid_id)))
        else:
            leden.append(Lid(lid_id, str(i), tekst()))
    return Artikel(element_id, str(nummer), kinderen=tuple(leden), opschrift=opschrift)


def maak_regeling(rng: random.Random, artikelen: int) -> Regeling:
    """A regeling of `artikelen` artikelen in hoofdstukken of 20."""
    hoofdstukken = []
    eerdere: list[str] = []
    for h in range(1, (artikelen + ARTIKELEN_PER_HOOFDSTUK - 1) // ARTIKELEN_PER_HOOFDSTUK + 1):
        lijst = []
        for nummer in range((h - 1) * ARTIKELEN_PER_HOOFDSTUK + 1, min(h * ARTIKELEN_PER_HOOFDSTUK, artikelen) + 1):
            lijst.append(_artikel(rng, nummer, eerdere))
            eerdere.append(f"art{nummer}")
        hoofdstukken.append(Hoofdstuk(f"h{h}", str(h), opschrift=_opschrift(rng), kinderen=tuple(lijst)))
    deelnemers = (
        Deelnemer("a", "Aastad", "gemeente", "college van burgemeester en wethouders", "raad", dt.date(2020, 1, 1)),
        Deelnemer("b", "Beedorp", "gemeente", "college van burgemeester en wethouders", "raad", dt.date(2020, 1, 1)),
    )
    return Regeling(
        slug="synthetisch",
        citeertitel=f"Synthetische regeling ({artikelen} artikelen)",
        officiele_titel=f"Synthetische gemeenschappelijke regeling van {artikelen} artikelen",
        soort="centrumregeling",
        wettelijke_grondslag="artikel 8, vierde lid, van de Wet gemeenschappelijke regelingen",
        centrumgemeente="a",
        publicerende_gemeente="a",
        deelnemers=deelnemers,
        aanhef="De colleges van burgemeester en wethouders van Aastad en Beedorp;",
        considerans=("gelet op de Wet gemeenschappelijke regelingen;",),
        afkondiging="besluiten:",
        kinderen=tuple(hoofdstukken),
    )


# -- the amendments ----------------------------------------------------------------------------


def _uniek_woord(rng: random.Random, tekst: str) -> str | None:
    """A word that occurs exactly once in `tekst` (outside references), or None."""
    schoon = re.sub(r"\[\[[^\]]*\]\]", " ", tekst)
    woorden = re.findall(r"\w+", schoon)
    uniek = sorted({w for w in woorden if len(re.findall(rf"(?<!\w){re.escape(w)}(?!\w)", tekst)) == 1 and len(w) > 3})
    return rng.choice(uniek) if uniek else None


def _nieuwe_woorden(rng: random.Random) -> str:
    return " ".join(rng.choice(WOORDEN) for _ in range(rng.randint(1, 3)))


class _Trekker:
    """Draws the operations of one artikel at a time, against the base version."""

    def __init__(self, rng: random.Random, regeling: Regeling):
        self.rng = rng
        self.regeling = regeling
        self.index = regeling.index
        self.vrij = [a.id for a in regeling.artikelen()]
        rng.shuffle(self.vrij)
        self.volgende_artikel = {}
        artikelen = list(regeling.artikelen())
        for a, b in zip(artikelen, artikelen[1:], strict=False):
            self.volgende_artikel[a.id] = b.nummer

    def doel(self, element_id: str) -> Doel:
        adres = self.index[element_id].adres
        return Doel(adres, parse_adres(adres))

    def operatie(self, volgnummer: int) -> Operatie:
        if not self.vrij:
            raise ValueError("te veel wijzigingen voor zo weinig artikelen: elke operatie krijgt een eigen artikel")
        art = self.index[self.vrij.pop()].element
        actie = self.rng.choices(list(MIX), list(MIX.values()))[0]
        op = getattr(self, "_" + actie)(art, volgnummer)
        return op if op is not None else self._woorden_toevoegen(art, volgnummer)

    def _teksten(self, art: Element) -> list[Element]:
        return [self.index[i].element for i in _ids(art) if self.index[i].element.tekst]

    def _lijst(self, art: Element) -> list[Element]:
        return [self.index[i].element for i in _ids(art) if self.index[i].element.soort in ("lid", "onderdeel")]

    def _woord_in(self, art: Element) -> tuple[Element, str] | None:
        kandidaten = self._teksten(art)
        self.rng.shuffle(kandidaten)
        for e in kandidaten:
            woord = _uniek_woord(self.rng, e.tekst)
            if woord:
                return e, woord
        return None

    def _vervangen(self, art: Element, n: int) -> Operatie | None:
        gevonden = self._woord_in(art)
        if gevonden is None:
            return None
        e, woord = gevonden
        return Operatie("vervangen", n, self.doel(e.id), wat=woord, door=_nieuwe_woorden(self.rng))

    def _woorden_invoegen(self, art: Element, n: int) -> Operatie | None:
        gevonden = self._woord_in(art)
        if gevonden is None:
            return None
        e, woord = gevonden
        return Operatie(
            "woorden_invoegen", n, self.doel(e.id), positie=self.rng.choice(["na", "voor"]), wat=woord, tekst=_nieuwe_woorden(self.rng)
        )

    def _woorden_vervallen(self, art: Element, n: int) -> Operatie | None:
        gevonden = self._woord_in(art)
        if gevonden is None:
            return None
        e, woord = gevonden
        return Operatie("woorden_vervallen", n, self.doel(e.id), wat=woord)

    def _woorden_toevoegen(self, art: Element, n: int) -> Operatie:
        e = self.rng.choice(self._teksten(art))
        return Operatie("woorden_toevoegen", n, self.doel(e.id), tekst="en " + _nieuwe_woorden(self.rng))

    def _opschrift(self, art: Element, n: int) -> Operatie:
        return Operatie("opschrift", n, self.doel(art.id), tekst=_opschrift(self.rng) + " en meer")

    def _komt_te_luiden(self, art: Element, n: int) -> Operatie:
        lijst = self._lijst(art)
        e = self.rng.choice(lijst) if lijst and self.rng.random() < 0.6 else art
        if e.soort == "artikel":
            if self.rng.random() < 0.5:
                nieuw = Artikel(NIEUW_ID, "", _zin(self.rng))
            else:
                leden = tuple(Lid(NIEUW_ID, "", _zin(self.rng)) for _ in range(self.rng.randint(2, 3)))
                nieuw = Artikel(NIEUW_ID, "", kinderen=leden)
        elif e.soort == "lid":
            nieuw = Lid(NIEUW_ID, "", _zin(self.rng))
        else:
            ouder = self.index[e.id].ouder
            laatste = e is ouder.kinderen[-1]
            tekst = _zin(self.rng, "." if laatste else ";", 4, 12)
            nieuw = Onderdeel(NIEUW_ID, "", tekst[0].lower() + tekst[1:])
        return Operatie("komt_te_luiden", n, self.doel(e.id), nieuw=nieuw)

    def _invoegen(self, art: Element, n: int) -> Operatie | None:
        lijst = self._lijst(art)
        if lijst and self.rng.random() < 0.7:
            e = self.rng.choice(lijst)
            if e.soort == "lid":
                return Operatie(
                    "invoegen", n, self.doel(e.id), positie=self.rng.choice(["na", "voor"]), nieuw=Lid(NIEUW_ID, "", _zin(self.rng))
                )
            ouder = self.index[e.id].ouder
            tekst = _zin(self.rng, ";", 4, 12)
            # After the last onderdeel an onderdeel is "toegevoegd", not "ingevoegd".
            positie = "voor" if e is ouder.kinderen[-1] else self.rng.choice(["na", "voor"])
            return Operatie("invoegen", n, self.doel(e.id), positie=positie, nieuw=Onderdeel(NIEUW_ID, "", tekst[0].lower() + tekst[1:]))
        if nummer_na(art.nummer, self.volgende_artikel.get(art.id)) is None:
            return None
        return Operatie(
            "invoegen", n, self.doel(art.id), positie="na", nieuw=Artikel(NIEUW_ID, "", _zin(self.rng), opschrift=_opschrift(self.rng))
        )

    def _toevoegen(self, art: Element, n: int) -> Operatie:
        if art.heeft_leden or not art.kinderen:
            return Operatie("toevoegen", n, self.doel(art.id), nieuw=Lid(NIEUW_ID, "", _zin(self.rng)))
        tekst = _zin(self.rng, ".", 4, 12)
        return Operatie("toevoegen", n, self.doel(art.id), nieuw=Onderdeel(NIEUW_ID, "", tekst[0].lower() + tekst[1:]))

    def _vervalt(self, art: Element, n: int) -> Operatie | None:
        kandidaten = [e for e in self._lijst(art) if len(self.index[e.id].ouder.kinderen) > 1]
        if not kandidaten:
            return None
        return Operatie("vervalt", n, self.doel(self.rng.choice(kandidaten).id))


def _ids(element: Element) -> list[str]:
    """The ids of an element and its descendants, in document order."""
    uit = [element.id]
    for kind in element.kinderen:
        uit += _ids(kind)
    return uit


def maak_wijzigingen(rng: random.Random, regeling: Regeling, aantal: int) -> list[Wijziging]:
    """`aantal` amendments of 1 to 3 operations each, each building on the one before."""
    trekker = _Trekker(rng, regeling)
    uit = []
    basis = "v0"
    for k in range(1, aantal + 1):
        operaties = tuple(trekker.operatie(i) for i in range(1, rng.randint(1, 3) + 1))
        datum = BASISDATUM + dt.timedelta(days=7 * k)
        w = Wijziging(
            id=f"w{k:04d}",
            titel=f"Wijziging {k} van de synthetische regeling",
            kort=f"Wijziging {k}",
            basis=basis,
            betreft="wijziging",
            vorm="artikelsgewijs",
            stadium="vastgesteld",
            datum_besluit=datum,
            inwerkingtreding=datum + dt.timedelta(days=30),
            operaties=operaties,
            regeling=regeling.slug,
            bestand=f"wijzigingen/w{k:04d}.yaml",
        )
        uit.append(w)
        basis = w.id
    return uit
