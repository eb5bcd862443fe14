"""The one Jinja environment grgen renders with: sandboxed, StrictUndefined, Dutch filters.

Templates (in `sjablonen/` and the Ar formula table) may only use what their context offers; a
typo in a variable name is an error naming the template and line, never an empty string.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

import jinja2
import jinja2.sandbox
from jinja2.sandbox import SandboxedEnvironment

from generator.blokken import KOP, Blok
from generator.errors import Melding, SjabloonFout
from generator.nummering import romeins
from generator.render.sjabloonfouten import FilterFout, melding
from generator.render.tekstweergave import md_blok, md_escape

MAANDEN = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december")


def datum(d: dt.date | str | None) -> str:
    """A date as Dutch legal texts write it (a placeholder for a missing date stays as it is).

    >>> datum(dt.date(2026, 1, 1))
    '1 januari 2026'
    """
    if isinstance(d, str):
        return d
    if d is None:
        return "[datum]"
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


def lidwoord(orgaan: str) -> str:
    """The article of an organ: "het college", "het dagelijks bestuur", "de raad".

    >>> lidwoord("algemeen bestuur"), lidwoord("raad")
    ('het', 'de')
    """
    return "het" if orgaan.startswith(("college", "dagelijks", "algemeen")) else "de"


def maak_omgeving(mappen: Iterable[Path] = (), project: Path | None = None) -> SandboxedEnvironment:
    """The sandboxed environment, loading templates from `mappen` (first match wins); messages
    name template files relative to `project`."""
    omgeving = SandboxedEnvironment(
        loader=jinja2.FileSystemLoader([str(m) for m in mappen]) if mappen else None,
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    omgeving.filters.update({naam: _streng(naam, f) for naam, f in FILTERS.items()})
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
        except (TypeError, ValueError, AttributeError, IndexError, KeyError) as e:
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
    "lidwoord": lidwoord,
}


_FORMULE_OMGEVING = maak_omgeving()


def vul_in(sjabloon: str, naam: str, **context: object) -> str:
    """Render a small template string (an Ar formula) with a strict context."""
    try:
        return _FORMULE_OMGEVING.from_string(sjabloon).render(**context)
    except jinja2.TemplateError as e:
        raise SjabloonFout(f"Formule '{naam}' kan niet worden ingevuld", [Melding(str(e))]) from e


def standaardmap() -> Path:
    """grgen's own templates: the `sjablonen/` folder of the grgen repository."""
    return Path(__file__).resolve().parent.parent.parent / "sjablonen"


def sjabloonmappen(project: Path, deelnemer: str | None = None) -> list[Path]:
    """Where templates are looked up, first match wins: a deelnemer's own overrides
    (`sjablonen/<deelnemer>/`), the project's `sjablonen/`, then grgen's defaults."""
    mappen = []
    if deelnemer:
        mappen.append(project / "sjablonen" / deelnemer)
    mappen += [project / "sjablonen", standaardmap()]
    return [m for m in dict.fromkeys(m.resolve() for m in mappen) if m.is_dir()]


def render_sjabloon(omgeving: SandboxedEnvironment, naam: str, context: dict) -> str:
    """Render a template; any error in it becomes a Dutch message with template file and line."""
    try:
        return omgeving.get_template(naam).render(**context)
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
        FilterFout,
    ) as e:
        mappen = omgeving.loader.searchpath if isinstance(omgeving.loader, jinja2.FileSystemLoader) else []
        kop, bericht = melding(e, naam, getattr(omgeving, "project", None), mappen)
        raise SjabloonFout(kop, [bericht]) from e
