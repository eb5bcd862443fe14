"""Amendment files (`wijzigingen/*.yaml`) -> frozen `Wijziging` objects.

Targets stay as the drafter wrote them (an address in the basis version, or an id); the amendment
engine resolves them, because the basis version exists only after earlier amendments are applied.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from generator.adressen import parse_adres, splits_zin
from generator.errors import Bron, Verzamelaar
from generator.loader.bestanden import lees_yaml
from generator.loader.bijlagen import lees_bijlage
from generator.loader.regeling import Ids, bouw_element, lees_deelnemer
from generator.loader.velden import EERSTE_DATUM, Kaart, typenaam
from generator.model.wijziging import ACTIES, BRIEF_SLEUTELS, INWERKINGTREDING_VORMEN, STADIA, VORMEN, Doel, Operatie, Wijziging

WIJZIGING_SLEUTELS = (
    "id",
    "regeling",
    "titel",
    "kort",
    "basis",
    "betreft",
    "vorm",
    "stadium",
    "datum_besluit",
    "inwerkingtreding",
    "terugwerkende_kracht",
    "bekendmaking",
    "kenmerk_voorstel",
    "vastgesteld_door",
    "reconstructie",
    "toelichting",
    "samenvatting",
    "inwerkingtreding_vorm",
    "procedure",
    "deelnemers",
    "wijzigingen",
)
WIJZIGING_VERPLICHT = ("id", "titel", "basis", "datum_besluit", "inwerkingtreding", "wijzigingen")

# action -> (allowed keys besides actie and toelichting, required keys)
OPERATIE_SLEUTELS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "komt_te_luiden": (("doel", "nieuw", "soort"), ("doel", "nieuw")),
    "invoegen": (("na", "voor", "nieuw", "soort"), ("nieuw",)),
    "toevoegen": (("aan", "soort", "nieuw"), ("aan", "nieuw")),
    "vervalt": (("doel",), ("doel",)),
    "vervangen": (("doel", "wat", "door", "telkens"), ("doel", "wat", "door")),
    "woorden_invoegen": (("doel", "na", "voor", "tekst", "telkens"), ("doel", "tekst")),
    "woorden_toevoegen": (("doel", "tekst"), ("doel", "tekst")),
    "woorden_vervallen": (("doel", "wat", "telkens"), ("doel", "wat")),
    "opschrift": (("doel", "nieuw"), ("doel", "nieuw")),
    "toetreding": (("deelnemer",), ("deelnemer",)),
    "uittreding": (("deelnemer", "tot"), ("deelnemer",)),
    "citeertitel": (("nieuw",), ("nieuw",)),
    "herindeling": (("opgeheven", "nieuw", "datum", "namen"), ("opgeheven", "nieuw", "datum")),
}
# What may be done to one sentence of a text ("het vijfde lid, tweede zin").
ZIN_ACTIES = ("vervalt", "komt_te_luiden", "vervangen", "woorden_invoegen", "woorden_vervallen", "woorden_toevoegen")
NIEUW_SOORTEN = ("hoofdstuk", "paragraaf", "artikel", "lid", "onderdeel", "subonderdeel")


def lees_wijziging(pad: Path, naam: str, v: Verzamelaar, project: Path | None = None) -> Wijziging | None:
    """Read one amendment file (inside `project`, when given); problems go to `v`."""
    data, meldingen = lees_yaml(pad, naam, project)
    v.meldingen.extend(meldingen)
    if data is None:
        return None
    if not isinstance(data, dict):
        v.fout("een wijzigingsbestand bevat sleutels met waarden (id, titel, basis, wijzigingen, ...)", Bron(naam, 1, 1))
        return None
    kaart = Kaart(data, naam, v, bron=Bron(naam, 1, 1))
    kaart.controleer(WIJZIGING_SLEUTELS, WIJZIGING_VERPLICHT)
    fouten_voor = v.aantal_fouten

    wijziging_id = kaart.ident("id", verplicht=True)
    kaart.adres = f"wijziging {wijziging_id}" if wijziging_id else None
    titel = kaart.tekst("titel", verplicht=True)
    basis = kaart.ident("basis", verplicht=True)
    besluit = kaart.datum("datum_besluit", verplicht=True)
    inwerking = kaart.datum("inwerkingtreding", verplicht=True)
    terug = kaart.datum("terugwerkende_kracht")
    kaart.controleer_inwerkingtreding(besluit, "het besluit", inwerking, terug)
    inwerkingtreding_vorm = _inwerkingtreding_vorm(kaart, terug)

    operaties = _operaties(kaart)
    wijziging = Wijziging(
        id=wijziging_id or "",
        titel=titel or "",
        kort=kaart.tekst("kort") or titel or "",
        basis=basis or "",
        betreft=kaart.keuze("betreft", ("wijziging", "intrekking"), standaard="wijziging") or "wijziging",
        vorm=kaart.keuze("vorm", VORMEN, standaard="artikelsgewijs") or "artikelsgewijs",
        stadium=kaart.keuze("stadium", STADIA, standaard="vastgesteld") or "vastgesteld",
        datum_besluit=besluit,  # type: ignore[arg-type]
        inwerkingtreding=inwerking,  # type: ignore[arg-type]
        operaties=tuple(operaties),
        regeling=kaart.ident("regeling"),
        terugwerkende_kracht=terug,
        bekendmaking=kaart.tekst("bekendmaking"),
        kenmerk_voorstel=kaart.tekst("kenmerk_voorstel"),
        vastgesteld_door=kaart.tekst("vastgesteld_door"),
        reconstructie=kaart.tekst("reconstructie"),
        toelichting=_toelichting(kaart),
        samenvatting=kaart.tekst("samenvatting"),
        inwerkingtreding_vorm=inwerkingtreding_vorm,
        deelnemers=_briefgegevens(kaart),
        procedure=_procedure(kaart),
        bestand=naam,
        bron=Bron(naam, 1, 1),
        bronnen=_bronnen(kaart),
    )
    return None if v.aantal_fouten > fouten_voor else wijziging


def _inwerkingtreding_vorm(kaart: Kaart, terug) -> str:  # noqa: ANN001
    """The formula of ARTIKEL II; terugwerkende kracht goes with a fixed date or the day after
    the bekendmaking, never with the fallback formulas that depend on a late bekendmaking."""
    vorm = kaart.keuze("inwerkingtreding_vorm", INWERKINGTREDING_VORMEN, standaard="terugwerkend" if terug else "datum")
    if vorm == "terugwerkend" and terug is None:
        kaart.fout(
            "'inwerkingtreding_vorm: terugwerkend' zonder 'terugwerkende_kracht'",
            "inwerkingtreding_vorm",
            "geef 'terugwerkende_kracht' op: de datum tot en met welke het besluit terugwerkt",
        )
    if terug is not None and vorm in ("datum_of_later", "dag_na_bekendmaking"):
        kaart.fout(
            f"'inwerkingtreding_vorm: {vorm}' gaat niet samen met 'terugwerkende_kracht'",
            "inwerkingtreding_vorm",
            "kies 'terugwerkend' (de dag na die van de bekendmaking, terugwerkend) of 'datum' (een vaste datum, terugwerkend)",
        )
    return vorm or "datum"


def _bronnen(kaart: Kaart) -> dict[str, Bron]:
    """Positions of the keys messages may point at later (after the file is read): top-level
    keys by name, `procedure.<key>`, `deelnemers.<id>` and `deelnemers.<id>.<key>`."""
    uit = {str(s): kaart.bron(str(s)) for s in kaart.data if str(s) not in ("wijzigingen",)}
    if isinstance(kaart.data.get("procedure"), dict):
        procedure = Kaart(kaart.data["procedure"], kaart.naam, kaart.v)
        uit["procedure"] = kaart.bron("procedure", van_waarde=False)
        uit |= {f"procedure.{s}": procedure.bron(str(s)) for s in procedure.data}
    sub = kaart.kaart("deelnemers")
    if sub is not None:
        uit |= {f"deelnemers.{d}": sub.bron(str(d), van_waarde=False) for d in sub.data}
        for d in sub.data:
            dk = sub.data.get(d)
            if isinstance(dk, dict):
                dkaart = Kaart(dk, kaart.naam, kaart.v)
                uit |= {f"deelnemers.{d}.{s}": dkaart.bron(str(s)) for s in dk}
    return uit


def _procedure(kaart: Kaart) -> dict[str, Any]:
    """The fields common to every deelnemer (the schedule, a shared answer to the zienswijzen)."""
    sub = kaart.kaart("procedure")
    if sub is None:
        return {}
    sub.adres = "procedure"
    sub.controleer(BRIEF_SLEUTELS)
    return _velden(sub)


def _velden(kaart: Kaart) -> dict[str, Any]:
    return {s: (kaart.datum(s) if s.startswith("datum_") else kaart.tekst(s)) for s in BRIEF_SLEUTELS if s in kaart}


def _briefgegevens(kaart: Kaart) -> dict[str, dict[str, Any]]:
    sub = kaart.kaart("deelnemers")
    if sub is None:
        return {}
    uit: dict[str, dict[str, Any]] = {}
    for deelnemer_id in sub.data:
        dk = sub.kaart(str(deelnemer_id))
        if dk is None:
            continue
        dk.adres = f"gegevens voor deelnemer {deelnemer_id}"
        dk.controleer(BRIEF_SLEUTELS)
        uit[str(deelnemer_id)] = _velden(dk)
    return uit


def _operaties(kaart: Kaart) -> list[Operatie]:
    uit = []
    for i, (item, bron) in enumerate(kaart.lijst("wijzigingen", verplicht=True), start=1):
        ok = kaart.kind(item, bron, f"wijziging {i}", "elke wijziging")
        if ok is None:
            continue
        operatie = _operatie(ok, i, bron)
        if operatie is not None:
            uit.append(operatie)
    return uit


def _operatie(kaart: Kaart, volgnummer: int, bron: Bron) -> Operatie | None:
    actie = kaart.keuze("actie", ACTIES, verplicht=True)
    if actie is None:
        return None
    kaart.adres = f"wijziging {volgnummer} ({actie})"
    if _noemt_bijlage(kaart, actie):
        return _bijlage_operatie(kaart, actie, volgnummer, bron)
    toegestaan, verplicht = OPERATIE_SLEUTELS[actie]
    kaart.controleer(("actie", "toelichting", *toegestaan), verplicht)
    fouten_voor = kaart.v.aantal_fouten

    positie = None
    doel = None
    meer: tuple[Doel, ...] = ()
    if actie in ("invoegen", "woorden_invoegen"):
        aanwezig = [s for s in ("na", "voor") if s in kaart]
        if len(aanwezig) != 1:
            kaart.fout(
                f"'{actie}' heeft precies één van 'na' of 'voor'",
                hint="bijv. na: artikel 5" if actie == "invoegen" else 'bijv. na: "college"',
            )
        else:
            positie = aanwezig[0]
    if actie == "invoegen" and positie:
        doel = _doel(kaart, positie)
    elif actie == "toevoegen":
        doel = _doel(kaart, "aan", regeling_toegestaan=True)
    elif actie == "vervalt" and isinstance(kaart.ruw("doel"), list):
        # several leden, onderdelen or subonderdelen in one sentence (Ar 3.29 example)
        doelen = [_doel(Kaart({"doel": d}, kaart.naam, kaart.v, kaart.adres, kaart.bron("doel")), "doel") for d in kaart.ruw("doel")]
        if len(doelen) < 2 or any(d is None for d in doelen):
            if len(doelen) < 2:
                kaart.fout("een lijst bij 'doel' noemt ten minste twee elementen", "doel", "schrijf één adres zonder lijst")
        else:
            doel, meer = doelen[0], tuple(doelen[1:])
    elif "doel" in toegestaan:
        doel = _doel(kaart, "doel")

    gegeven_soort = kaart.keuze("soort", NIEUW_SOORTEN) if "soort" in kaart else None
    soort = gegeven_soort
    nieuw = None
    zin_doel = doel is not None and doel.zin is not None
    if zin_doel and actie not in ZIN_ACTIES:
        kaart.fout(f"'{actie}' werkt niet op een zin", "doel", f"op een zin werken: {', '.join(ZIN_ACTIES)}")
    if actie == "komt_te_luiden" and zin_doel:
        tekst = kaart.tekst("nieuw", verplicht=True)  # the new sentence
    elif actie in ("komt_te_luiden", "invoegen", "toevoegen"):
        soort = soort or _afgeleide_soort(actie, doel)
        if soort is None:
            if doel is not None:  # without a target the error is already reported
                kaart.fout("kan niet afleiden wat voor element 'nieuw' is", "nieuw", f"geef 'soort' op: {', '.join(NIEUW_SOORTEN)}")
        else:
            nieuw_kaart = kaart.kaart("nieuw", verplicht=True)
            if nieuw_kaart is not None:
                nieuw = bouw_element(nieuw_kaart, soort, 1, None, kaart.adres, Ids(kaart.v), nieuw=True)

    if not (actie == "komt_te_luiden" and zin_doel):
        tekst = None
    wat = door = None
    deelnemer = deelnemer_id = None
    if actie in ("opschrift", "citeertitel"):
        tekst = kaart.tekst("nieuw", verplicht=True)
    if actie in ("woorden_invoegen", "woorden_toevoegen"):
        tekst = _woorden(kaart, "tekst")
    if actie == "woorden_invoegen" and positie:
        wat = _woorden(kaart, positie)
    if actie in ("vervangen", "woorden_vervallen"):
        wat = _woorden(kaart, "wat")
    if actie == "vervangen":
        door = _woorden(kaart, "door", leeg_mag=True)
    if actie == "toetreding":
        dk = kaart.kaart("deelnemer", verplicht=True)
        if dk is not None:
            if "sinds" not in dk:  # a joining deelnemer takes part from the date of entry into force
                dk.data["sinds"] = str(EERSTE_DATUM)  # a placeholder: the engine sets the real date
            deelnemer = lees_deelnemer(dk)
    if actie == "uittreding":
        deelnemer_id = kaart.ident("deelnemer", verplicht=True)
    opgeheven: list[str] = []
    organen_overnemen = False
    if actie == "herindeling":
        for item, ibron in kaart.lijst("opgeheven", verplicht=True):
            if not isinstance(item, str) or not item.strip():
                kaart.v.fout("elk item van 'opgeheven' is de id van een deelnemer", ibron, kaart.adres)
            else:
                opgeheven.append(item.strip())
        if "nieuw" in kaart and isinstance(kaart.ruw("nieuw"), str):
            deelnemer_id = kaart.ident("nieuw", verplicht=True)  # merged into an existing deelnemer
        else:
            dk = kaart.kaart("nieuw", verplicht=True)
            if dk is not None:
                dk.data.setdefault("soort", "gemeente")
                dk.data.setdefault("sinds", str(EERSTE_DATUM))  # a placeholder: the engine sets the date of herindeling
                organen_overnemen = "organen" not in dk and "bestuursorgaan" not in dk
                deelnemer = lees_deelnemer(dk)
                if deelnemer is not None and not deelnemer.is_gemeente:
                    kaart.fout("bij een herindeling is de nieuwe deelnemer een gemeente", "nieuw", "laat 'soort' weg")

    if kaart.v.aantal_fouten > fouten_voor:
        return None
    return Operatie(
        actie=actie,
        volgnummer=volgnummer,
        doel=doel,
        positie=positie,
        soort=gegeven_soort,  # None: inferred from the target; the engine may refine it
        nieuw=nieuw,
        tekst=tekst,
        wat=wat,
        door=door,
        telkens=kaart.vlag("telkens"),
        deelnemer=deelnemer,
        deelnemer_id=deelnemer_id,
        opgeheven=tuple(opgeheven),
        datum=kaart.datum("datum", verplicht=True) if actie == "herindeling" else kaart.datum("tot") if actie == "uittreding" else None,
        namen=kaart.vlag("namen", standaard=True) if actie == "herindeling" else True,
        organen_overnemen=organen_overnemen,
        toelichting=_toelichting(kaart),
        bron=bron,
        meer=meer,
    )


_BIJLAGEDOEL = re.compile(r"^\s*bijlage(?:\s+([0-9]+[a-z]?))?\s*$", re.IGNORECASE)
BIJLAGE_ACTIES = ("komt_te_luiden", "vervalt", "toevoegen")


def _noemt_bijlage(kaart: Kaart, actie: str) -> bool:
    """Does the operation name a bijlage ("doel: bijlage 1", "doel: {bijlage: 1}", "soort: bijlage")?"""
    doel = kaart.ruw("doel")
    if isinstance(doel, str) and _BIJLAGEDOEL.match(doel):
        return True
    if isinstance(doel, dict) and "bijlage" in doel:
        return True
    return actie == "toevoegen" and kaart.ruw("soort") == "bijlage"


def _bijlage_operatie(kaart: Kaart, actie: str, volgnummer: int, bron: Bron) -> Operatie | None:
    """A bijlage replaced, removed or added as a whole: `komt_te_luiden` or `vervalt` with
    `doel: bijlage 1` (or `bijlage` when there is one), `toevoegen` with `aan: regeling` and
    `soort: bijlage`. The new bijlage is written as in regeling.yaml; id and nummer may be left
    out (a replaced bijlage keeps its own)."""
    fouten = kaart.v.aantal_fouten
    if actie not in BIJLAGE_ACTIES:
        kaart.fout(
            f"'{actie}' werkt niet op een bijlage",
            "actie",
            "een bijlage wordt als geheel gewijzigd: komt_te_luiden, vervalt of toevoegen (aan: regeling, soort: bijlage)",
        )
        return None
    sleutels = {"komt_te_luiden": ("doel", "nieuw"), "vervalt": ("doel",), "toevoegen": ("aan", "soort", "nieuw")}[actie]
    kaart.controleer(("actie", "toelichting", *sleutels), tuple(s for s in sleutels if s != "soort"))
    doel: str | None = None
    if actie != "toevoegen":
        waarde = kaart.ruw("doel")
        if isinstance(waarde, dict):
            sub = Kaart(waarde, kaart.naam, kaart.v, kaart.adres, kaart.bron("doel"))
            sub.controleer(("bijlage",), ("bijlage",))
            doel = sub.nummer("bijlage", verplicht=True)
        elif isinstance(waarde, str) and (m := _BIJLAGEDOEL.match(waarde)):
            doel = m[1] or ""
    elif str(kaart.ruw("aan") or "").strip().lower() != "regeling":
        kaart.fout("een bijlage wordt toegevoegd aan de regeling", "aan", "schrijf 'aan: regeling'")
    nieuw = None
    if actie != "vervalt":
        nk = kaart.kaart("nieuw", verplicht=True)
        if nk is not None:
            adres = kaart.adres
            nieuw = lees_bijlage(nk, 1, nieuw=True)
            kaart.adres = adres
    if kaart.v.aantal_fouten > fouten:
        return None
    return Operatie(
        actie="bijlage",
        volgnummer=volgnummer,
        positie=actie,
        bijlage=nieuw,
        bijlage_doel=doel,
        doel=Doel(
            f"bijlage {doel}".strip() if doel is not None else "de regeling", (), None, kaart.bron("doel" if doel is not None else "aan")
        ),
        toelichting=_toelichting(kaart),
        bron=bron,
    )


def _toelichting(kaart: Kaart) -> str | None:
    """The toelichting; an empty one (`toelichting: ""`, the placeholder `grgen afleiden` writes)
    counts as none."""
    waarde = kaart.ruw("toelichting")
    if isinstance(waarde, str) and not waarde.strip():
        return None
    return kaart.tekst("toelichting")


def _woorden(kaart: Kaart, sleutel: str, leeg_mag: bool = False) -> str | None:
    """Quoted words: kept exactly (no folding), because they must match the text exactly."""
    waarde = kaart.ruw(sleutel)
    if waarde is None:
        return None
    if isinstance(waarde, bool) or not isinstance(waarde, str | int | float):
        kaart.fout(f"'{sleutel}' moet tekst zijn, niet {typenaam(waarde)}", sleutel)
        return None
    waarde = str(waarde)
    if not waarde.strip() and not leeg_mag:
        kaart.fout(f"'{sleutel}' is leeg", sleutel)
        return None
    gecontroleerd = kaart.controleer_tekst(waarde, sleutel) if waarde.strip() else ""
    if gecontroleerd is None:
        return None
    return " ".join(waarde.split())


def _doel(kaart: Kaart, sleutel: str, regeling_toegestaan: bool = False) -> Doel | None:
    waarde = kaart.ruw(sleutel)
    bron = kaart.bron(sleutel)
    if waarde is None:
        return None
    if isinstance(waarde, str):
        if regeling_toegestaan and waarde.strip().lower() == "regeling":
            return Doel("de regeling", (), None, bron)
        adres, zin = splits_zin(waarde)
        stappen = parse_adres(adres)
        if stappen is None:
            kaart.fout(
                f"{waarde!r} is geen adres",
                sleutel,
                "schrijf bijv. 'artikel 5', 'artikel 5, tweede lid', 'artikel 1, onderdeel c' of 'hoofdstuk 2', of {id: ...}",
            )
            return None
        if stappen[0][0] not in ("artikel", "hoofdstuk", "paragraaf"):
            kaart.fout(
                f"het adres {waarde!r} noemt geen artikel",
                sleutel,
                f"een adres begint bij het artikel (of hoofdstuk), bijv. 'artikel 5, {waarde.strip()}'",
            )
            return None
        return Doel(adres.strip(), stappen, None, bron, zin)
    if isinstance(waarde, dict):
        sub = Kaart(waarde, kaart.naam, kaart.v, kaart.adres, bron)
        if "id" in sub:
            sub.controleer(("id",))
            element_id = sub.ident("id", verplicht=True)
            return Doel(f"id {element_id}", None, element_id, bron) if element_id else None
        volgorde = ("hoofdstuk", "artikel", "lid", "onderdeel", "subonderdeel")
        sub.controleer((*volgorde, "zin"))
        zin = _zinnummer(sub)
        stappen = tuple((s, str(sub.ruw(s)).strip()) for s in volgorde if s in sub)
        if stappen and stappen[0][0] not in ("artikel", "hoofdstuk"):
            kaart.fout(f"'{sleutel}' noemt geen artikel", sleutel, "voeg 'artikel:' toe")
            return None
        if not stappen:
            kaart.fout(f"'{sleutel}' noemt geen element", sleutel, "gebruik id, of artikel/lid/onderdeel")
            return None
        tekst = ", ".join(f"{s} {n}" for s, n in stappen)
        return Doel(tekst, stappen, None, bron, zin)
    kaart.fout(f"'{sleutel}' moet een adres zijn zoals 'artikel 5, tweede lid', niet {typenaam(waarde)}", sleutel)
    return None


def _zinnummer(kaart: Kaart) -> int | None:
    """`zin: 2` in a target written as a map."""
    waarde = kaart.ruw("zin")
    if waarde is None:
        return None
    if isinstance(waarde, str) and waarde.strip().isdigit():
        waarde = int(waarde)
    if isinstance(waarde, bool) or not isinstance(waarde, int) or waarde < 1:
        kaart.fout(f"'zin' moet een getal vanaf 1 zijn, niet {waarde!r}", "zin")
        return None
    return waarde


def _afgeleide_soort(actie: str, doel: Doel | None) -> str | None:
    """The kind of new text, from its target: "artikel 5, tweede lid" -> lid."""
    if doel is None:
        return None
    if doel.stappen == ():  # toevoegen aan de regeling
        return "hoofdstuk"
    if not doel.stappen:
        return None
    laatste = doel.stappen[-1][0]
    if actie != "toevoegen":
        return laatste
    return {"hoofdstuk": "artikel", "paragraaf": "artikel", "artikel": "lid", "lid": "onderdeel", "onderdeel": "subonderdeel"}.get(laatste)
