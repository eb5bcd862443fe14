"""Numbering conventions of the Aanwijzingen voor de regelgeving (Ar), as pure helpers.

Everything here turns numbers into the words and labels Dutch legislative drafting uses:
ordinal words for leden (Ar 3.29), letters for onderdelen (Ar 3.59), capital letters for the
onderdelen of a wijzigingsartikel (Ar 6.15), Roman numerals for the articles of a
wijzigingsregeling (Ar 6.6) and letter suffixes for inserted artikelen (Ar 6.16).
"""

from __future__ import annotations

import re

_EENHEDEN = (
    "",
    "een",
    "twee",
    "drie",
    "vier",
    "vijf",
    "zes",
    "zeven",
    "acht",
    "negen",
    "tien",
    "elf",
    "twaalf",
    "dertien",
    "veertien",
    "vijftien",
    "zestien",
    "zeventien",
    "achttien",
    "negentien",
)
_TIENTALLEN = ("", "", "twintig", "dertig", "veertig", "vijftig", "zestig", "zeventig", "tachtig", "negentig")
_ONREGELMATIG = {1: "eerste", 3: "derde", 8: "achtste"}


def hoofdtelwoord(n: int) -> str:
    """Dutch cardinal number word for 1..999,999, written as the Taalunie writes it (together up
    to a thousand, a space after "duizend").

    >>> hoofdtelwoord(7), hoofdtelwoord(22), hoofdtelwoord(31), hoofdtelwoord(101), hoofdtelwoord(2345)
    ('zeven', 'tweeëntwintig', 'eenendertig', 'honderdeen', 'tweeduizend driehonderdvijfenveertig')
    """
    if not 1 <= n <= 999_999:
        raise ValueError(f"alleen 1 tot en met 999999, niet {n}")
    if n >= 1000:
        duizenden, rest = divmod(n, 1000)
        woord = ("" if duizenden == 1 else hoofdtelwoord(duizenden)) + "duizend"
        return f"{woord} {hoofdtelwoord(rest)}" if rest else woord
    if n >= 100:
        honderden, rest = divmod(n, 100)
        return ("" if honderden == 1 else _EENHEDEN[honderden]) + "honderd" + (hoofdtelwoord(rest) if rest else "")
    if n < 20:
        return _EENHEDEN[n]
    tiental, eenheid = divmod(n, 10)
    if eenheid == 0:
        return _TIENTALLEN[tiental]
    # "twee" and "drie" take a diaeresis before "en": tweeëntwintig, drieëndertig.
    verbinding = "ën" if _EENHEDEN[eenheid].endswith("e") else "en"
    return _EENHEDEN[eenheid] + verbinding + _TIENTALLEN[tiental]


def rangtelwoord(n: int) -> str:
    """Dutch ordinal word, as used for leden: "het tweede lid" (Ar 3.29). No artikel has a
    hundred leden, but a number read from a file or an amendment must never end in an error;
    beyond 999,999 the ordinal is written in figures ("1000000e").

    >>> [rangtelwoord(i) for i in (1, 2, 3, 8, 12, 19, 20, 21, 23)]
    ['eerste', 'tweede', 'derde', 'achtste', 'twaalfde', 'negentiende', 'twintigste', 'eenentwintigste', 'drieëntwintigste']
    >>> [rangtelwoord(i) for i in (100, 101, 108, 120, 1000, 1001, 2345)]
    ['honderdste', 'honderdeerste', 'honderdachtste', 'honderdtwintigste', 'duizendste', 'duizend eerste', 'tweeduizend driehonderdvijfenveertigste']
    """
    if n > 999_999:
        return f"{n}e"
    if n >= 100:
        rest = n % 100
        if rest == 0:
            return hoofdtelwoord(n) + "ste"
        basis = n - rest
        return hoofdtelwoord(basis) + (" " if basis % 1000 == 0 else "") + rangtelwoord(rest)
    if n in _ONREGELMATIG:
        return _ONREGELMATIG[n]
    if n < 20:
        return hoofdtelwoord(n) + "de"
    return hoofdtelwoord(n) + "ste"


def letterreeks(n: int, hoofdletters: bool = False) -> str:
    """The n-th label in the Ar letter sequence a..z, aa, bb, .., zz, aaa (1-based).

    Used for onderdelen (Ar 3.59, lower case) and for the onderdelen of a wijzigingsartikel
    (Ar 6.15, capitals: "A, B, C, ... Z, AA, BB").

    >>> [letterreeks(i) for i in (1, 2, 26, 27, 28, 52, 53)]
    ['a', 'b', 'z', 'aa', 'bb', 'zz', 'aaa']
    >>> letterreeks(27, hoofdletters=True)
    'AA'
    """
    if n < 1:
        raise ValueError(f"volgnummer moet positief zijn, niet {n}")
    herhaling, index = divmod(n - 1, 26)
    label = chr(ord("a") + index) * (herhaling + 1)
    return label.upper() if hoofdletters else label


def letterpositie(label: str) -> int | None:
    """Inverse of `letterreeks`: the position of a label, or None if it is not one.

    >>> letterpositie("c"), letterpositie("bb"), letterpositie("ab")
    (3, 28, None)
    """
    label = label.lower()
    if not label or not label.isalpha() or not label.isascii() or len(set(label)) != 1:
        return None
    return (len(label) - 1) * 26 + ord(label[0]) - ord("a") + 1


_ROMEINS = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)


def romeins(n: int) -> str:
    """Roman numeral, for the articles of a wijzigingsregeling (Ar 6.6: ARTIKEL I, II).

    >>> romeins(1), romeins(4), romeins(14)
    ('I', 'IV', 'XIV')
    """
    uit = []
    for waarde, teken in _ROMEINS:
        aantal, n = divmod(n, waarde)
        uit.append(teken * aantal)
    return "".join(uit)


# Numbers are bounded: a number is walked (gaps, letters) by several checks, so a date pasted as a
# number (20170831) must be refused, not counted to. Five digits leave room for the benchmark's
# regeling of 10,000 artikelen (no real regeling comes near) and keep every walk short.
MAX_NUMMER = 99999
_ARTIKELNUMMER = re.compile(r"^(?P<basis>[1-9][0-9]{0,4})(?P<suffix>[a-z]{0,3})$")
_VOOR_EEN = re.compile(r"^[a-z]1$")  # "a1": before artikel 1
_HOOFDSTUKNUMMER = re.compile(r"^(?P<basis>[1-9][0-9]{0,4}|[IVXLC]{1,8})(?P<suffix>[A-Z]{0,3})$")
# A paragraaf lettered "A", "B" (many beleidsregels do so; the Ar number them, Ar 3.56), with an
# inserted one as "BA" (the Ar 6.16 suffix, as "2A").
_LETTERNUMMER = re.compile(r"^(?P<basis>[A-Z])(?P<suffix>[A-Z]{0,3})$")
_ROMEINSE_CIJFERS = frozenset("IVXLC")


def met_letters(nummers: list[str] | tuple[str, ...]) -> bool:
    """Is a series of paragraaf numbers lettered (A, B, C) rather than Roman (I, II, III)?

    "C" alone could be either; a series is lettered when one of its numbers is a letter that no
    Roman numeral has, or when it is one such letter with a suffix.

    >>> met_letters(["A", "B", "C"]), met_letters(["I", "II"]), met_letters(["C"]), met_letters(["1", "2"])
    (True, False, False, False)
    """
    return any(_LETTERNUMMER.match(n) and n[0] not in _ROMEINSE_CIJFERS for n in nummers)


def splits_nummer(nummer: str, hoofdletter_suffix: bool = False, letters: bool = False) -> tuple[str, str] | None:
    """Split an artikel or hoofdstuk number into its base and its Ar 6.16 letter suffix.

    >>> splits_nummer("5a"), splits_nummer("12"), splits_nummer("2A", hoofdletter_suffix=True)
    (('5', 'a'), ('12', ''), ('2', 'A'))
    >>> splits_nummer("a5") is None, splits_nummer("a1")
    (True, ('0', 'a'))

    An artikel before artikel 1 is numbered "a1", "b1" (Ar 6.16, toelichting): it sorts as "0a".
    With `letters` (a lettered series of paragrafen, `met_letters`) the base is a capital letter:

    >>> splits_nummer("B", True, letters=True), splits_nummer("BA", True, letters=True), splits_nummer("2", True, letters=True)
    (('B', ''), ('B', 'A'), None)
    """
    if not hoofdletter_suffix and _VOOR_EEN.match(nummer):
        return "0", nummer[0]
    patroon = _LETTERNUMMER if letters else _HOOFDSTUKNUMMER if hoofdletter_suffix else _ARTIKELNUMMER
    m = patroon.match(nummer)
    if not m or (m["suffix"] and letterpositie(m["suffix"]) is None):
        return None
    return m["basis"], m["suffix"]


def sorteersleutel(nummer: str, hoofdletter_suffix: bool = False, letters: bool = False) -> tuple[int, int] | None:
    """Order of artikel or hoofdstuk numbers: 5 < 5a < 5b < 6 (and of lettered paragrafen: B < BA < C).

    >>> sorted(["6", "5b", "5", "5a"], key=sorteersleutel)
    ['5', '5a', '5b', '6']
    """
    delen = splits_nummer(nummer, hoofdletter_suffix, letters)
    if delen is None:
        return None
    basis, suffix = delen
    return (letterpositie(basis) or 0 if letters else _basiswaarde(basis), letterpositie(suffix) or 0 if suffix else 0)


def _basiswaarde(basis: str) -> int:
    """Value of an Arabic or Roman base number (hoofdstukken are sometimes Roman), or of the
    letter of a lettered paragraaf."""
    if basis.isdigit():
        return int(basis)
    waarde, grootste = 0, 0
    for teken in reversed(basis):  # right to left: IV = 5 - 1
        w = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}[teken]
        waarde += -w if w < grootste else w
        grootste = max(grootste, w)
    return waarde


def nummer_na(vorige: str | None, volgende: str | None, hoofdletter_suffix: bool = False, letters: bool = False) -> str | None:
    """The number Ar 6.16 gives to an artikel (or hoofdstuk) inserted between two others.

    Existing numbers never change: an element inserted after 5 gets 5a, after 5a gets 5b; one
    added after the last element gets the next whole number. Returns None when no number fits
    (inserting between 5 and 5a), which the caller reports as an impossible position.

    >>> nummer_na("5", "6"), nummer_na("5a", "6"), nummer_na("12", None), nummer_na(None, "1")
    ('5a', '5b', '13', None)
    >>> nummer_na("2", "3", hoofdletter_suffix=True)
    '2A'
    >>> nummer_na("5", "5a") is None, nummer_na("a1", "1")
    (True, 'b1')
    >>> nummer_na("C", None, True, letters=True), nummer_na("B", "C", True, letters=True)
    ('D', 'BA')
    """
    if vorige is None:
        return None
    delen = splits_nummer(vorige, hoofdletter_suffix, letters)
    if delen is None:
        return None
    basis, suffix = delen
    if volgende is None and not suffix and basis.isdigit():
        return str(int(basis) + 1)
    if volgende is None and not suffix and letters and basis != "Z":
        return chr(ord(basis) + 1)
    kandidaat = basis + letterreeks((letterpositie(suffix) or 0) + 1 if suffix else 1, hoofdletter_suffix)
    if basis == "0":  # after "a1" (before artikel 1) comes "b1"
        kandidaat = kandidaat[1:] + "1"
    if volgende is not None:
        sleutel_kandidaat = sorteersleutel(kandidaat, hoofdletter_suffix, letters)
        sleutel_volgende = sorteersleutel(volgende, hoofdletter_suffix, letters)
        if sleutel_volgende is None or not sleutel_kandidaat < sleutel_volgende:
            return None
    return kandidaat


def reeks_tekst(woorden: list[str], aaneengesloten: bool = True) -> str:
    """Join labels the Dutch way, with "tot en met" for runs of three or more; labels with gaps
    between them are listed ("3°, 4° en 6°").

    Ar 6.18 style: "het tweede en derde lid", "de onderdelen c tot en met f".

    >>> reeks_tekst(["c"]), reeks_tekst(["c", "d"]), reeks_tekst(["c", "d", "e", "f"]), reeks_tekst(["3", "4", "6"], False)
    ('c', 'c en d', 'c tot en met f', '3, 4 en 6')
    """
    if len(woorden) == 1:
        return woorden[0]
    if len(woorden) == 2:
        return f"{woorden[0]} en {woorden[1]}"
    if not aaneengesloten:
        return f"{', '.join(woorden[:-1])} en {woorden[-1]}"
    return f"{woorden[0]} tot en met {woorden[-1]}"
