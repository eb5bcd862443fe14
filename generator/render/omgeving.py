"""The one Jinja environment grgen renders with: sandboxed, StrictUndefined, Dutch filters.

Templates (in `sjablonen/` and the Ar formula table) may only use what their context offers; a
typo in a variable name is an error naming the template and line, never an empty string.

The sandbox is bounded in time and memory as well as in what a template may touch: numbers,
strings and ranges a template computes have a maximum size, a document a maximum length and
rendering it a maximum time (`Grenzen`). A template that exceeds one gets a located message, like
any other template error. Templates are read only through the loader's reader: a template that is
a symbolic link out of the project is refused.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import math
import re
import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import jinja2
import jinja2.sandbox
from jinja2.loaders import split_template_path
from jinja2.sandbox import SandboxedEnvironment

from generator.blokken import KOP, Blok
from generator.errors import Melding, SjabloonFout, relatief
from generator.model import Bijlage, alineas
from generator.model.organen import ORGANEN
from generator.model.partijen import lichamen
from generator.nummering import romeins
from generator.render.plaatshouders import plaatshouder
from generator.render.sjabloonfouten import FilterFout, Grensfout, melding
from generator.render.tekstweergave import md_bijlage, md_blok, md_escape

MAANDEN = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december")


def datum(d: dt.date | str | None) -> str:
    """A date as Dutch legal texts write it (a placeholder for a missing date stays as it is).

    >>> datum(dt.date(2026, 1, 1))
    '1 januari 2026'
    """
    if isinstance(d, str):
        return d
    if d is None:
        return plaatshouder("datum")
    return f"{d.day} {MAANDEN[d.month - 1]} {d.year}"


def opsomming(items: Iterable[str], laatste: str = "en") -> str:
    """Join words the Dutch way: "a, b en c".

    >>> opsomming(["Borne", "Hengelo", "Oldenzaal"]), opsomming(["Hengelo"])
    ('Borne, Hengelo en Oldenzaal', 'Hengelo')
    """
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {laatste} {items[-1]}"


def hoofdletter(tekst: str) -> str:
    """First letter upper case, the rest untouched.

    >>> hoofdletter("het tweede lid")
    'Het tweede lid'
    """
    return tekst[:1].upper() + tekst[1:]


def komma(adres: str) -> str:
    """An address inside a sentence: followed by a comma when it has commas itself (Ar 3.29).

    >>> komma("artikel 4, tweede lid"), komma("artikel 4")
    ('artikel 4, tweede lid,', 'artikel 4')
    """
    return adres + "," if "," in adres else adres


def aanhaling(tekst: str) -> str:
    """Quoted words in an amendment (Ar 6.9).

    >>> aanhaling("IT")
    '"IT"'
    """
    return f'"{tekst}"'


def md_tekstblok(blok: Blok) -> str:
    """A block of quoted regeling text inside another document: headings become bold lines."""
    if blok.soort == KOP:
        return f"**{md_escape(blok.volledig)}**"
    return md_blok(blok)


NBSP = "\u00a0"


def md_aanhaling(blok: Blok) -> str:
    """A block of new regeling text quoted in the wijzigingsbesluit after "luidende:" or "komt te
    luiden:", one level deeper than the besluit's own numbered changes, so that a quoted "2." is
    never read as the besluit's own item 2 (Markdown and Word alike).

    >>> from generator.blokken import ALINEA, Blok
    >>> regel = md_aanhaling(Blok(ALINEA, "x.2", "tekst", 0, "2.", "Het college beslist."))
    >>> len(regel) - len(regel.lstrip(NBSP)), regel.lstrip(NBSP)[-20:]
    (4, 'Het college beslist.')
    """
    return NBSP * 4 + md_tekstblok(blok)


def lidwoord(orgaan: str) -> str:
    """The article of an organ, from the organ table: "het college", "het dagelijks bestuur", "de raad".

    >>> lidwoord("algemeen bestuur"), lidwoord("raad"), lidwoord("gedeputeerde staten")
    ('het', 'de', '')
    """
    rij = ORGANEN.get(orgaan)
    if rij is None:
        raise ValueError(f"onbekend orgaan {orgaan!r}")
    return rij.lidwoord


@dataclasses.dataclass(frozen=True)
class Grenzen:
    """What one template may cost. A document of a regeling of 10,000 artikelen is some 10 MB
    and renders in seconds; a template beyond these limits is a mistake or an attack."""

    tekens: int = 50_000_000  # characters in one document, and in any string a template builds
    seconden: float = 30.0  # rendering one document
    stappen: int = 5_000_000  # iterations of range() in one document
    bits: int = 4_096  # size of a whole number a template computes (about 1,200 digits)
    breedte: int = 100_000  # a width in a format ("%-100000s", "{:>100000}")


GRENZEN = Grenzen()


# A width or precision in a %-format or a {}-format, e.g. "%09999999d" or "{:>9999999}".
_OPMAAKBREEDTE = re.compile(r"(?:%[-+ #0]*|\{[^{}]*:[^{}]*?)(\d+)")


class _GrgenSandbox(SandboxedEnvironment):
    """Jinja's sandbox, with arithmetic, calls, filters and range() kept within `grenzen`."""

    intercepted_binops = frozenset({"+", "-", "*", "/", "//", "**", "%"})

    def __init__(self, *args: Any, grenzen: Grenzen = GRENZEN, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.grenzen = grenzen
        self.einde = math.inf  # monotonic clock time at which the current document must be done
        self.stappen = 0
        self.tik = 0
        self.globals["range"] = self._bereik

    def begin(self) -> None:
        """Start the budget of one document."""
        self.einde = time.monotonic() + self.grenzen.seconden
        self.stappen = 0

    def bij(self) -> None:
        """Stop when the document's time is up (the clock is read every 256 calls: it is called
        for every attribute a template reads)."""
        self.tik += 1
        if self.tik & 0xFF == 0 and time.monotonic() > self.einde:
            raise Grensfout(f"het sjabloon doet er langer dan {self.grenzen.seconden:g} seconden over (een lus die niet eindigt?)")

    def call_binop(self, context: jinja2.runtime.Context, operator: str, left: Any, right: Any) -> Any:
        self.bij()
        g = self.grenzen
        if operator == "**" and _geheel(left) and _geheel(right) and abs(left) > 1 and right > 0 and right * math.log2(abs(left)) > g.bits:
            raise Grensfout(f"de uitkomst van {left} ** {right} is te groot; toegestaan: getallen tot {g.bits} bits")
        if operator == "*":
            if _geheel(left) and _geheel(right) and abs(left).bit_length() + abs(right).bit_length() > g.bits:
                raise Grensfout(f"de uitkomst van een vermenigvuldiging is te groot; toegestaan: getallen tot {g.bits} bits")
            for reeks, aantal in ((left, right), (right, left)):
                if isinstance(reeks, str | list | tuple) and _geheel(aantal) and len(reeks) * aantal > g.tekens:
                    raise Grensfout(f"een tekst of lijst van meer dan {g.tekens} tekens of items is niet toegestaan")
        if (
            operator == "+"
            and isinstance(left, str | list | tuple)
            and isinstance(right, str | list | tuple)
            and len(left) + len(right) > g.tekens
        ):
            raise Grensfout(f"een tekst of lijst van meer dan {g.tekens} tekens of items is niet toegestaan")
        if operator == "%" and isinstance(left, str):
            self._opmaak(left)
        return super().call_binop(context, operator, left, right)

    def call(__self, __context: jinja2.runtime.Context, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805 - Jinja's signature
        __self.bij()
        __self._argumenten(args, kwargs)
        eigenaar = getattr(getattr(__obj, "__wrapped__", __obj), "__self__", None)
        if isinstance(eigenaar, str) and getattr(__obj, "__name__", "") in ("format", "format_map"):
            __self._opmaak(eigenaar)
        return __self._gemeten(super().call(__context, __obj, *args, **kwargs))

    def getattr(self, obj: Any, attribute: str) -> Any:
        self.bij()
        return super().getattr(obj, attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        self.bij()
        return super().getitem(obj, argument)

    def begrens_filter(self, filter_functie: Callable) -> Callable:
        """A filter that keeps within the limits (Jinja calls filters directly, not through `call`)."""

        @functools.wraps(filter_functie)
        def begrensd(*args: Any, **kwargs: Any) -> Any:
            self.bij()
            self._argumenten(args, kwargs)
            if filter_functie.__name__ in ("do_format", "format"):
                for a in args:
                    if isinstance(a, str):
                        self._opmaak(a)
            return self._gemeten(filter_functie(*args, **kwargs))

        return begrensd

    def _argumenten(self, args: Iterable[Any], kwargs: dict[str, Any]) -> None:
        for waarde in (*args, *kwargs.values()):
            if _geheel(waarde) and abs(waarde) > self.grenzen.tekens:
                raise Grensfout(f"het getal {waarde} is te groot als argument; toegestaan: tot {self.grenzen.tekens}")

    def _opmaak(self, opmaak: str) -> None:
        for m in _OPMAAKBREEDTE.finditer(opmaak):
            if len(m[1]) > 9 or int(m[1]) > self.grenzen.breedte:
                raise Grensfout(f"de breedte {m[1]} in de opmaak is te groot; toegestaan: tot {self.grenzen.breedte}")

    def _gemeten(self, uitkomst: Any) -> Any:
        if isinstance(uitkomst, str | list | tuple) and len(uitkomst) > self.grenzen.tekens:
            raise Grensfout(f"een tekst of lijst van meer dan {self.grenzen.tekens} tekens of items is niet toegestaan")
        return uitkomst

    def _bereik(self, *args: int) -> Iterator[int] | range:
        """range() with a bound on its length and on the iterations of all ranges in one document."""
        try:
            bereik = range(*args)
        except TypeError as e:
            raise FilterFout("range() vraagt gehele getallen, bijv. range(1, 4)") from e
        if len(bereik) > 100_000:
            raise Grensfout(f"range() met {len(bereik)} getallen is te groot; toegestaan: tot 100000")
        return _Bereik(self, bereik)


class _Bereik:
    """A range whose iteration counts towards the document's step budget."""

    def __init__(self, omgeving: _GrgenSandbox, bereik: range) -> None:
        self.omgeving, self.bereik = omgeving, bereik

    def __len__(self) -> int:
        return len(self.bereik)

    def __iter__(self) -> Iterator[int]:
        o = self.omgeving
        for getal in self.bereik:
            o.stappen += 1
            if o.stappen > o.grenzen.stappen:
                raise Grensfout(f"de lussen van het sjabloon lopen meer dan {o.grenzen.stappen} keer rond (een lus in een lus?)")
            if not o.stappen % 16:
                o.bij()
            yield getal

    def __repr__(self) -> str:
        return repr(self.bereik)


def _geheel(waarde: Any) -> bool:
    return isinstance(waarde, int) and not isinstance(waarde, bool)


# The loader's reader (`generator.loader.bestanden.lees_bestand`), handed down by the use case:
# (path, name in messages, boundary folder, maximum size) -> (bytes or None, messages).
Lezer = Callable[..., tuple[bytes | None, list[Melding]]]


class _Sjabloonlader(jinja2.BaseLoader):
    """Templates from folders, first match wins, read by the loader's reader: only regular files,
    of limited size, inside the folder's boundary (the project, or grgen's own templates)."""

    def __init__(self, mappen: Iterable[tuple[Path, Path]], project: Path | None, lezer: Lezer) -> None:
        self.lezer = lezer
        self.mappen = list(mappen)  # (folder, boundary)
        self.searchpath = [str(m) for m, _ in self.mappen]
        self.project = project

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, str, Callable[[], bool]]:
        delen = split_template_path(template)
        for map_, grens in self.mappen:
            pad = map_.joinpath(*delen)
            if not pad.is_symlink() and not pad.exists():
                continue
            naam = _toon(pad, self.project)
            ruw, meldingen = self.lezer(pad, naam, grens, maximum=MAX_SJABLOON)
            if ruw is None:
                raise SjabloonFout(f"Sjabloon {template} kan niet worden gelezen", meldingen)
            return ruw.decode("utf-8"), str(pad), lambda: True
        raise jinja2.TemplateNotFound(template)


MAX_SJABLOON = 1024 * 1024  # bytes in one template file


def _toon(pad: Path, project: Path | None) -> str:
    return relatief(pad, project) if project is not None else str(pad)


class _GedeeldeCode(jinja2.BytecodeCache):
    """Compiled templates shared by every environment of this process, and kept in grgen's
    cache folder when the user has named one (`GRGEN_CACHE`, `generator.loader.cache`).

    `grgen bouw --alle` makes an environment per package and per deelnemer (their template
    folders differ); compiling the same templates again for each cost most of its time, and
    compiling them once still costs more than reading the compiled code (about 0.2 s for the
    bundled templates). Jinja checks the checksum of the source (and its own and Python's
    version) before it uses stored code, so a template that differs (a deelnemer's own, or one
    edited on disk) is compiled anew: this cache cannot go stale. An entry on disk is signed
    with the user's key, as the project cache's are: compiled code someone else wrote is never run.
    """

    def __init__(self) -> None:
        self.code: dict[str, bytes] = {}
        self.opslag: Opslag | None = None

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key not in self.code:
            bewaard = self.opslag.lees(f"{bucket.key}.code") if self.opslag else None
            if bewaard is None:
                return
            self.code[bucket.key] = bewaard
        bucket.bytecode_from_string(self.code[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.code[bucket.key] = bucket.bytecode_to_string()
        if self.opslag:
            self.opslag.bewaar(f"{bucket.key}.code", self.code[bucket.key])


@dataclasses.dataclass(frozen=True)
class Opslag:
    """Where compiled templates are kept between processes (the use case hands down grgen's
    cache folder, `generator.loader.cache.opslag`): read an entry by name, or store one."""

    lees: Callable[[str], bytes | None]
    bewaar: Callable[[str, bytes], None]


def bewaar_code_in(opslag: Opslag | None) -> None:
    """Keep compiled templates in `opslag` too (None: in this process's memory only)."""
    _GEDEELDE_CODE.opslag = opslag


_GEDEELDE_CODE = _GedeeldeCode()


def maak_omgeving(
    mappen: Iterable[Path] = (), project: Path | None = None, grenzen: Grenzen = GRENZEN, lezer: Lezer | None = None
) -> SandboxedEnvironment:
    """The sandboxed environment, loading templates from `mappen` (first match wins) with `lezer`
    (the loader's reader; required with `mappen`); messages name template files relative to
    `project`, and a template must lie inside `project` (or in grgen's own templates)."""
    if mappen and lezer is None:
        raise TypeError("maak_omgeving: templates are read with the loader's reader; pass lezer=")
    eigen = Path(__file__).resolve().parent.parent.parent / "sjablonen"  # standaardmap(), defined below
    grens_van = {m: (eigen if Path(m).resolve().is_relative_to(eigen) or project is None else project) for m in mappen}
    omgeving = _GrgenSandbox(
        loader=_Sjabloonlader(((Path(m), g) for m, g in grens_van.items()), project, lezer) if grens_van and lezer else None,
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        grenzen=grenzen,
        bytecode_cache=_GEDEELDE_CODE,
    )
    for naam, f in list(omgeving.filters.items()):
        omgeving.filters[naam] = omgeving.begrens_filter(f)
    omgeving.filters.update({naam: omgeving.begrens_filter(_streng(naam, f)) for naam, f in FILTERS.items()})
    omgeving.project = project  # type: ignore[attr-defined]
    return omgeving


def _streng(naam: str, filter_functie):  # noqa: ANN001, ANN202
    """A filter that fails like Jinja itself on an undefined value (a typo in a template), and
    that names itself when it cannot handle the value it got."""

    def gefilterd(waarde, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        if isinstance(waarde, jinja2.Undefined):
            waarde._fail_with_undefined_error()
        try:
            return filter_functie(waarde, *args, **kwargs)
        except (TypeError, ValueError, AttributeError, IndexError, KeyError, OverflowError) as e:
            raise FilterFout(f"het filter '{naam}' kan niet werken met {_soort_waarde(waarde)}") from e

    gefilterd.__name__ = filter_functie.__name__
    return gefilterd


def _soort_waarde(waarde: object) -> str:
    soorten = {
        str: "tekst",
        int: "een getal",
        dt.date: "een datum",
        list: "een lijst",
        tuple: "een lijst",
        dict: "een verzameling",
        bool: "ja/nee",
    }
    return soorten.get(type(waarde), f"een {type(waarde).__name__}")


def alineas_van(tekst: str) -> list[str]:
    """The alineas of a text (a regeling text may have several, formaat.md), none for "".

    >>> alineas_van("Aldus vastgesteld.\\nDe secretaris,"), alineas_van("")
    (['Aldus vastgesteld.', 'De secretaris,'], [])
    """
    return [a for a in alineas(tekst) if a]


def md_bijlage_blok(bijlage: Bijlage) -> str:
    """A bijlage as Markdown: heading (H2), alineas, pipe tables (see `tekstweergave.md_bijlage`)."""
    return "\n\n".join(md_bijlage(bijlage))


# The filters every template and Ar formula may use.
FILTERS = {
    "datum": datum,
    "opsomming": opsomming,
    "hoofdletter": hoofdletter,
    "komma": komma,
    "q": aanhaling,
    "romeins": romeins,
    "md": md_escape,
    "md_tekstblok": md_tekstblok,
    "md_aanhaling": md_aanhaling,
    "alineas": alineas_van,
    "md_bijlage": md_bijlage_blok,
    "lidwoord": lidwoord,
    "lichamen": lichamen,
}


_FORMULE_OMGEVING = maak_omgeving()
# A formula is its own name: loaded through a loader (not `from_string`), so its compiled code
# goes through the shared bytecode cache like a template file's.
_FORMULE_OMGEVING.loader = jinja2.FunctionLoader(lambda formule: (formule, None, lambda: True))
_FORMULES: dict[str, jinja2.Template] = {}  # formula text -> compiled (a handful of Ar formulas)


def vul_in(sjabloon: str, naam: str, **context: object) -> str:
    """Render a small template string (an Ar formula) with a strict context."""
    try:
        if sjabloon not in _FORMULES:
            _FORMULES[sjabloon] = _FORMULE_OMGEVING.get_template(sjabloon)
        return _FORMULES[sjabloon].render(**context)
    except jinja2.TemplateError as e:
        raise SjabloonFout(f"Formule '{naam}' kan niet worden ingevuld", [Melding(str(e))]) from e


def standaardmap() -> Path:
    """grgen's own templates: the `sjablonen/` folder of the grgen repository."""
    return Path(__file__).resolve().parent.parent.parent / "sjablonen"


def sjabloonmappen(project: Path, deelnemer: str | None = None) -> list[Path]:
    """Where templates are looked up, first match wins: a deelnemer's own overrides
    (`sjablonen/<deelnemer>/`), the project's `sjablonen/`, then grgen's defaults.

    A folder of the project is named as it is, not resolved: a folder that is a symbolic link out
    of the project is then refused when a template in it is read.
    """
    mappen = []
    if deelnemer:
        mappen.append(project / "sjablonen" / deelnemer)
    mappen += [project / "sjablonen", standaardmap()]
    return [m for m in dict.fromkeys(mappen) if m.is_dir()]


def render_sjabloon(omgeving: SandboxedEnvironment, naam: str, context: dict) -> str:
    """Render a template; any error in it becomes a Dutch message with template file and line."""
    try:
        with _tijdslimiet(omgeving):
            return _render(omgeving, naam, context)
    except (
        jinja2.TemplateError,
        RecursionError,
        UnicodeDecodeError,
        TypeError,
        ValueError,
        AttributeError,
        KeyError,
        IndexError,
        ZeroDivisionError,
        OverflowError,
        MemoryError,
        FilterFout,
        Grensfout,
    ) as e:
        mappen = getattr(omgeving.loader, "searchpath", [])
        kop, bericht = melding(e, naam, getattr(omgeving, "project", None), mappen)
        raise SjabloonFout(kop, [bericht]) from e


def _render(omgeving: SandboxedEnvironment, naam: str, context: dict) -> str:
    """The template's output, piece by piece, stopped as soon as it is too long."""
    sjabloon = omgeving.get_template(naam)
    if not isinstance(omgeving, _GrgenSandbox):
        return sjabloon.render(**context)
    omgeving.begin()
    stukken, lengte = [], 0
    stroom = sjabloon.generate(**context)
    for stuk in stroom:
        lengte += len(stuk)
        if lengte > omgeving.grenzen.tekens:
            # Raised where the template is (its file and line), as Jinja reports its own errors.
            stroom.throw(Grensfout(f"het document wordt langer dan {omgeving.grenzen.tekens} tekens"))
        stukken.append(stuk)
    return "".join(stukken)


class _tijdslimiet:  # noqa: N801 - used as a context manager
    """The wall-clock limit on one document, also where the template calls nothing grgen sees (a
    loop in a loop over the data): an alarm signal, in the main thread of a process only."""

    def __init__(self, omgeving: SandboxedEnvironment) -> None:
        self.seconden = omgeving.grenzen.seconden if isinstance(omgeving, _GrgenSandbox) else 0
        self.actief = bool(self.seconden) and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()

    def __enter__(self) -> None:
        if self.actief:
            self.vorige = signal.signal(signal.SIGALRM, self._alarm)
            signal.setitimer(signal.ITIMER_REAL, self.seconden)

    def _alarm(self, _signaal: int, _frame: object) -> None:
        raise Grensfout(f"het sjabloon doet er langer dan {self.seconden:g} seconden over (een lus die niet eindigt?)")

    def __exit__(self, *_: object) -> None:
        if self.actief:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self.vorige)
