"""Consequential changes: references whose wording follows a change the besluit makes elsewhere.

A reference is stored as `[[id]]` and printed in the numbering of its version. When an amendment
renumbers the second lid of artikel 11 into the third, "artikel 11, tweede lid" in artikel 14
becomes "artikel 11, derde lid" without any operation naming artikel 14. The besluit must state
that change too (domein.md §6: the text never changes without an instruction):
"In artikel 14, vierde lid, wordt "artikel 11, tweede lid" vervangen door "artikel 11, derde lid"."

The reader's text of an element is followed through the steps as the besluit states them (the
old text, a whole new text quoted after "luidende:", words replaced as quoted, punctuation at the
end replaced); where it differs from the element's printed text in the new version, the changed
references are quoted in a step of their own (actie `GEVOLG`).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator, Sequence

from generator.adressen import VERWIJZING, los_op
from generator.model import Element, Plek, Regeling
from generator.model.wijziging import GEVOLG, Operatie
from generator.nummering import reeks_tekst
from generator.wijzigen.stap import Stap, Vervanging
from generator.wijzigen.woorden import LEESTEKEN_AAN_SLOT, netjes, vervang_treffers, woordtreffers, zinspannen

WOORDACTIES = ("vervangen", "woorden_invoegen", "woorden_vervallen", "woorden_toevoegen")
# Steps that print the whole new text of their element (and its descendants) after "luidende:".
GEHELE_TEKST = ("komt_te_luiden", "invoegen", "toevoegen")
VELDEN = ("tekst", "slottekst")
# Why a reference changed, by the kind of element it points at (the toelichting in the was-wordt).
REDEN = {"lid": "vernummering", "onderdeel": "verlettering", "subonderdeel": "vernummering"}
REDEN_TEKST = "verwijzing aangepast aan de {reden} van {waar}"

_WOORD = re.compile(r"\S+|\s+")


def aangehaalde_woorden(stap: Stap) -> tuple[str | None, str | None, str | None]:
    """The words a word step quotes, as the besluit prints them: the old words in the numbering
    before the step, the new words (`door`, `tekst`) in the numbering after it.

    The besluit's wording (render/besluit.py) and the reader's text below use this one function.
    """
    op = stap.operatie
    plek_voor = stap.voor.index[stap.element_id]
    plek_na = stap.na.index.get(stap.element_id)
    wat = los_op(op.wat, stap.voor, plek_voor) if op.wat else op.wat
    door = los_op(op.door, stap.na, plek_na) if op.door is not None and plek_na else op.door
    tekst = los_op(op.tekst, stap.na, plek_na) if op.tekst and plek_na else op.tekst
    return wat, door, tekst


def verwijzingsgevolgen(begin: Regeling, stappen: Sequence[Stap], eind: Regeling) -> list[Stap]:
    """The steps for references whose printed text changed without an instruction naming them,
    merged into `stappen` in the order of the regeling. Returns the new list of steps."""
    gevolgen: list[tuple[Plek, tuple[Vervanging, ...], str]] = []
    for plek in _te_lezen(begin, stappen, eind):
        element = plek.element
        # `verwijzingen_in` is cached on the element, which later versions share: the cheap
        # test first, for the many elements (and their parents) without any reference
        if not element.verwijzingen_in or not any(v and "[[" in v for v in (getattr(element, veld) for veld in VELDEN)):
            continue
        vervangingen: list[Vervanging] = []
        doelen: set[str] = set()
        for veld in VELDEN:
            if not getattr(element, veld):
                continue
            lezer = _lezerstekst(element.id, veld, begin, stappen)
            if lezer is None:
                continue
            nu, spannen = _weergave_met_spannen(eind, plek, getattr(element, veld))
            if lezer == nu:
                continue
            paren, geraakt = _vervangingen(lezer, nu, spannen)
            vervangingen += paren
            doelen |= geraakt
        if vervangingen:
            gevolgen.append((plek, tuple(vervangingen), _reden(eind, doelen)))
    if not gevolgen:
        return list(stappen)
    uit = list(stappen)
    for plek, vervangingen, reden in gevolgen:
        groep = (plek.artikel or plek.element).id
        op = Operatie(GEVOLG, 0, toelichting=reden)
        positie = _invoegpositie(uit, plek, groep, eind)
        toestand = uit[positie - 1].na if positie > 0 else (uit[0].voor if uit else begin)
        stap = Stap(op, groep, toestand, toestand, plek.element.id, frozenset((plek.element.id,)), vervangingen=vervangingen)
        uit.insert(positie, stap)
    return uit


def _te_lezen(begin: Regeling, stappen: Sequence[Stap], eind: Regeling) -> Iterator[Plek]:
    """The places of `eind` in document order, less those where no reference can have changed
    its words.

    Versions share every element an amendment left alone. An artikel (or a top-level element
    outside any artikel) that is the same object before and after, that no step touched, and
    whose every `[[id]]` points into such a shared artikel (or nowhere, on both sides) prints
    every text as before and has nothing a step changed: its reader's text is its old text,
    which is its new text. The words of a reference depend only on the target's artikel (its
    number and the numbers within it) and on whether it is the referring artikel itself;
    references to a hoofdstuk or paragraaf whose element changed are read again.
    """
    voor = {id(t) for t in begin.kinderen}  # `begin` keeps its elements alive: an id is its own
    na = {id(t) for t in eind.kinderen}
    geraakt = frozenset().union(*(s.raakt for s in stappen), (s.element_id for s in stappen if s.element_id is not None))
    oud_vervangen = [_eenheden(t) for t in begin.kinderen if id(t) not in na]
    nieuw_vervangen = [_eenheden(t) for t in eind.kinderen if id(t) not in voor]
    oude_eenheden = {id(a): a for eenheden, _ in oud_vervangen for a in eenheden}
    nieuwe_eenheden = {id(a): a for eenheden, _ in nieuw_vervangen for a in eenheden}
    # Ids whose artikel is not the same object on both sides, and the replaced containers.
    verplaatsbaar = frozenset().union(
        *(a.ids_in for sleutel, a in oude_eenheden.items() if sleutel not in nieuwe_eenheden),
        *(a.ids_in for sleutel, a in nieuwe_eenheden.items() if sleutel not in oude_eenheden),
        *(houders for _, houders in oud_vervangen),
        *(houders for _, houders in nieuw_vervangen),
    )
    for top in eind.kinderen:
        gedeeld = id(top) in voor
        if gedeeld and geraakt.isdisjoint(top.ids_in) and verplaatsbaar.isdisjoint(top.verwijzingen_in):
            continue
        # Walk the top-level element in document order and pass over an artikel (with all it
        # holds) that prints as before, without making a place for each of its elements.
        open_: list[tuple[Element, tuple[Element, ...], bool]] = [(top, (), False)]
        while open_:
            element, ouders, in_artikel = open_.pop()
            if (
                not in_artikel
                and element.soort == "artikel"
                and (gedeeld or id(element) in oude_eenheden)
                and geraakt.isdisjoint(element.ids_in)
                and verplaatsbaar.isdisjoint(element.verwijzingen_in)
            ):
                continue
            yield Plek(element, ouders)
            if element.kinderen:
                eigen = (*ouders, element)
                binnen = in_artikel or element.soort == "artikel"
                open_.extend((k, eigen, binnen) for k in reversed(element.kinderen))


def _eenheden(top: Element) -> tuple[list[Element], frozenset[str]]:
    """The artikelen in a top-level element (itself, if it is one) and the ids of the hoofdstukken
    and paragrafen around them."""
    artikelen: list[Element] = []
    houders: set[str] = set()
    open_ = [top]
    while open_:
        e = open_.pop()
        if e.soort == "artikel":
            artikelen.append(e)
        elif e.soort in ("hoofdstuk", "paragraaf"):
            houders.add(e.id)
            open_.extend(e.kinderen)
        else:  # a lid or onderdeel outside any artikel: its own unit
            houders.update(e.ids_in)
    return artikelen, frozenset(houders)


def _invoegpositie(stappen: list[Stap], plek: Plek, groep: str, eind: Regeling) -> int:
    """Where a consequential step goes: within its artikel's steps in the order of the regeling,
    after any step that quotes its element whole; else as a new onderdeel in the regeling's order."""
    positie = eind.index.positie
    eigen = positie(plek.element.id)
    in_groep = [i for i, s in enumerate(stappen) if s.groep == groep]
    if in_groep:
        na = in_groep[0]
        for i in in_groep:
            s = stappen[i]
            if s.element_id is None or s.element_id not in eind.index or positie(s.element_id) <= eigen:
                na = i + 1
        return na
    groep_positie = positie(groep)
    for i, s in enumerate(stappen):
        if s.groep is not None and s.groep in eind.index and positie(s.groep) > groep_positie:
            return i
    # after the text changes, before a citeertitel change
    return next((i for i, s in enumerate(stappen) if s.operatie.actie == "citeertitel"), len(stappen))


def _reden(eind: Regeling, doelen: set[str]) -> str:
    """ "verwijzing aangepast aan de vernummering van artikel 11" (the artikelen whose leden or
    onderdelen moved; "wijziging" when the target itself moved)."""
    per_reden: dict[str, list[str]] = {}
    for doel in sorted(doelen, key=eind.index.positie):
        plek = eind.index[doel]
        reden = REDEN.get(plek.element.soort, "wijziging")
        waar = (plek.ouder or plek.element) if plek.element.soort in REDEN else plek.element
        adres = eind.index[waar.id].adres
        lijst = per_reden.setdefault(reden, [])
        if adres not in lijst:
            lijst.append(adres)
    delen = [REDEN_TEKST.format(reden=reden, waar=reeks_tekst(adressen)) for reden, adressen in per_reden.items()]
    return "; ".join(delen) if delen else REDEN_TEKST.format(reden="wijziging", waar="de regeling")


# -- the reader's text ------------------------------------------------------------------------
def _weergave(regeling: Regeling, element_id: str, veld: str) -> str | None:
    plek = regeling.index.get(element_id)
    if plek is None:
        return None
    tekst = getattr(plek.element, veld)
    return los_op(tekst, regeling, plek) if tekst else None


def _binnen(regeling: Regeling, element_id: str, voorouder_id: str) -> bool:
    plek = regeling.index.get(element_id)
    return plek is not None and any(o.id == voorouder_id for o in (*plek.ouders, plek.element))


def _lezerstekst(element_id: str, veld: str, begin: Regeling, stappen: Sequence[Stap]) -> str | None:
    """The text of one field of an element as a reader of the besluit has it after all its
    instructions: the old text, changed only where an instruction says so."""
    tekst = _weergave(begin, element_id, veld)
    for stap in stappen:
        op = stap.operatie
        if op.doel is not None and op.doel.zin is not None and stap.element_id == element_id and op.actie in ("vervalt", "komt_te_luiden"):
            if veld == "tekst" and tekst is not None:  # the sentence goes, or is quoted new
                tekst = _zin_vervangen(tekst, op.doel.zin, None if op.actie == "vervalt" else _weergave_van(stap, op.tekst or ""))
            continue
        if op.actie in GEHELE_TEKST and stap.element_id is not None and _binnen(stap.na, element_id, stap.element_id):
            tekst = _weergave(stap.na, element_id, veld)
            continue
        if not (stap.raakt & _met_voorouders(stap.na, element_id)) and stap.element_id != element_id:
            continue
        if op.actie in WOORDACTIES and stap.element_id == element_id:
            tekst = _pas_woorden_toe(stap, tekst, veld)
            continue
        if stap.aanduiding == "geplaatst" and element_id not in stap.voor.index and element_id in stap.na.index:
            # "1." placed before the text: the artikel's text is now that of its first lid
            ouder = stap.na.index[element_id].ouder
            tekst = _weergave(stap.voor, ouder.id, veld) if ouder is not None else tekst
            continue
        if stap.aanduiding == "vervallen" and element_id in stap.voor.index and stap.voor.index[element_id].element.soort == "artikel":
            enige = [k for k in stap.voor.index[element_id].element.kinderen if k.id != stap.element_id]
            if len(enige) == 1:
                tekst = _weergave(stap.voor, enige[0].id, veld)
            continue
        tekst = _slot_aangepast(stap, element_id, veld, tekst)
    return tekst


def _zin_vervangen(tekst: str, n: int, nieuw: str | None) -> str:
    spannen = zinspannen(tekst)
    if n > len(spannen):
        return tekst
    begin, eind = spannen[n - 1]
    return netjes(tekst[:begin] + tekst[eind:]) if nieuw is None else tekst[:begin] + nieuw + tekst[eind:]


def _weergave_van(stap: Stap, tekst: str) -> str:
    plek = stap.na.index.get(stap.element_id)
    return los_op(tekst, stap.na, plek) if plek else tekst


def _met_voorouders(regeling: Regeling, element_id: str) -> frozenset[str]:
    plek = regeling.index.get(element_id)
    if plek is None:
        return frozenset((element_id,))
    return frozenset((element_id, *(o.id for o in plek.ouders)))


def _slot_aangepast(stap: Stap, element_id: str, veld: str, tekst: str | None) -> str | None:
    """A step that changes only the end of a text (a full stop into a semicolon, "; of" moved,
    Ar 6.18) states that change; the reader makes it at the end of his text."""
    plek_voor, plek_na = stap.voor.index.get(element_id), stap.na.index.get(element_id)
    if plek_voor is None or plek_na is None or tekst is None:
        return tekst
    oud, nieuw = getattr(plek_voor.element, veld) or "", getattr(plek_na.element, veld) or ""
    if oud == nieuw:
        return tekst
    p = len(_gemeen_begin(oud, nieuw))
    if "[[" in oud[p:] or "[[" in nieuw[p:] or not tekst.endswith(oud[p:]):
        return tekst
    return tekst[: len(tekst) - len(oud[p:])] + nieuw[p:]


def _gemeen_begin(a: str, b: str) -> str:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return a[:n]


def _pas_woorden_toe(stap: Stap, tekst: str | None, veld: str) -> str | None:
    """The reader applies a word instruction as the besluit quotes it."""
    if tekst is None:
        return None
    op = stap.operatie
    wat, door, nieuwe_woorden = aangehaalde_woorden(stap)
    if op.actie == "woorden_toevoegen":
        element = stap.voor.index[stap.element_id].element
        if veld != ("slottekst" if element.slottekst else "tekst"):
            return tekst
        woorden = nieuwe_woorden or ""
        scheiding = "" if woorden[:1] in ",.;:)" else " "
        m = LEESTEKEN_AAN_SLOT.search(tekst)
        return netjes(tekst[: m.start()] + scheiding + woorden + m[0] if m else tekst + scheiding + woorden)
    treffers = woordtreffers(wat or "", tekst)
    if not treffers:
        return tekst
    if op.actie == "vervangen":
        return netjes(vervang_treffers(tekst, treffers, lambda _: door or ""))
    if op.actie == "woorden_vervallen":
        return netjes(vervang_treffers(tekst, treffers, lambda _: ""))
    woorden = nieuwe_woorden or ""
    if op.positie == "na":
        scheiding = "" if woorden[:1] in ",.;:)" else " "
        return netjes(vervang_treffers(tekst, treffers, lambda g: g + scheiding + woorden))
    return netjes(vervang_treffers(tekst, treffers, lambda g: woorden + ("" if woorden[-1:] in "(" else " ") + g))


# -- the quoted words -------------------------------------------------------------------------
def _weergave_met_spannen(regeling: Regeling, plek: Plek, tekst: str) -> tuple[str, list[tuple[int, int, str]]]:
    """The printed text and, for each reference in it, (start, end, id) of its printed words."""
    weergave = los_op(tekst, regeling, plek)
    spannen: list[tuple[int, int, str]] = []
    delen, vorige, positie = [], 0, 0
    for m in VERWIJZING.finditer(tekst):
        letterlijk = tekst[vorige : m.start()]
        positie += len(letterlijk)
        voor = tekst[: m.start()].rstrip()
        # Print the reference alone with the context los_op looks at: a capital at the start of
        # a sentence, a comma when the next character asks for one.
        begin = "" if not voor or voor.endswith((".", "!", "?")) else "x "
        volgend = tekst[m.end() : m.end() + 1]
        alleen = los_op(begin + m[0] + volgend, regeling, plek)
        alleen = alleen[len(begin) : len(alleen) - len(volgend)]
        delen += [letterlijk, alleen]
        spannen.append((positie, positie + len(alleen), m[1]))
        positie += len(alleen)
        vorige = m.end()
    delen.append(tekst[vorige:])
    if "".join(delen) != weergave:  # cannot happen while los_op prints each reference alone
        return weergave, []
    return weergave, spannen


def _vervangingen(oud: str, nieuw: str, spannen: list[tuple[int, int, str]]) -> tuple[list[Vervanging], set[str]]:
    """The quoted replacements that turn the reader's `oud` text into the printed `nieuw` text:
    each changed reference quoted whole ("artikel 11, tweede lid" by "artikel 11, derde lid"),
    made unique in the text by a word of context where needed, "telkens" where every occurrence
    changes alike. Falls back to quoting the whole text."""
    a, b = _WOORD.findall(oud), _WOORD.findall(nieuw)
    ab, bb = _begins(a), _begins(b)
    gebieden: list[list[int]] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        t1, t2, f1, f2 = ab[i1], ab[i2], bb[j1], bb[j2]
        # widen to the whole printed reference(s) it touches; the text around is equal, so
        # the reader's text widens by as many characters
        for s, e, _ in spannen:
            if s < f2 and f1 < e or (f1 == f2 and s < f1 < e):
                links, rechts = max(0, f1 - s), max(0, e - f2)
                t1, t2, f1, f2 = t1 - links, t2 + rechts, f1 - links, f2 + rechts
        gebieden.append([t1, t2, f1, f2])
    gebieden = _samengevoegd(gebieden)
    geraakt = {d for s, e, d in spannen if any(s < g[3] and g[2] < e for g in gebieden)}
    uit: list[Vervanging] = []
    for t1, t2, f1, f2 in gebieden:
        t1, t2, f1, f2 = _uniek(oud, nieuw, t1, t2, f1, f2)
        x, y = oud[t1:t2], nieuw[f1:f2]
        # a closing comma or full stop both share is not part of the reference
        while x and y and x[-1] == y[-1] and x[-1] in ",.;:":
            x, y = x[:-1], y[:-1]
        uit.append(Vervanging(x.strip(), y.strip()))
    if _toegepast(oud, uit) != nieuw:
        telkens = [Vervanging(v.oud, v.nieuw, True) for v in dict.fromkeys(uit)]
        uit = telkens if _toegepast(oud, telkens) == nieuw else [Vervanging(oud, nieuw)]
    return uit, geraakt


def _begins(woorden: list[str]) -> list[int]:
    uit, n = [0], 0
    for w in woorden:
        n += len(w)
        uit.append(n)
    return uit


def _samengevoegd(gebieden: list[list[int]]) -> list[list[int]]:
    uit: list[list[int]] = []
    for g in sorted(gebieden, key=lambda g: g[2]):
        if uit and g[2] <= uit[-1][3]:
            uit[-1] = [min(uit[-1][0], g[0]), max(uit[-1][1], g[1]), min(uit[-1][2], g[2]), max(uit[-1][3], g[3])]
        else:
            uit.append(g)
    return uit


def _uniek(oud: str, nieuw: str, t1: int, t2: int, f1: int, f2: int) -> tuple[int, int, int, int]:
    """Widen the quoted words by whole words of (equal) context until they occur once."""
    while len(woordtreffers(oud[t1:t2].strip(), oud)) > 1 and (t1 > 0 or t2 < len(oud)):
        links = oud.rfind(" ", 0, max(t1 - 1, 0)) + 1 if t1 > 0 else 0
        rechts_eind = oud.find(" ", t2 + 1)
        rechts = len(oud) if rechts_eind == -1 or t2 >= len(oud) else rechts_eind
        f1 -= t1 - links
        f2 += rechts - t2
        t1, t2 = links, rechts
    return t1, t2, max(f1, 0), min(f2, len(nieuw))


def _toegepast(tekst: str, vervangingen: list[Vervanging]) -> str:
    """The reader's text after the quoted replacements (as the engine would apply them)."""
    for v in vervangingen:
        treffers = woordtreffers(v.oud, tekst)
        if not treffers or (len(treffers) > 1 and not v.telkens):
            return ""
        tekst = vervang_treffers(tekst, treffers, lambda _, v=v: v.nieuw)
    return tekst
