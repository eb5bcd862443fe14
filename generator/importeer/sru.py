"""Fetch the latest version of a regeling from CVDR (lokaleregelgeving.overheid.nl) by its id.

Two requests: the SRU search service answers which versions of work CVDR100394 exist (newest
first) and where each one's XML is (`publicatieurl_xml`); then that XML is fetched. The address
of the search service can be changed (option --cvdr-adres or GRGEN_CVDR_ADRES), for a mirror or
a test server. Answers are bounded in size and time; only http and https are followed.
"""

from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request

from lxml import etree

from generator.errors import GebruiksFout, InvoerFout
from generator.importeer.lezen import MAX_BRON

SRU_ADRES = "https://zoekservice.overheid.nl/sru/Search"
TIJDSLIMIET = 60  # seconds per request


def zoekvraag(cvdr_id: str, adres: str = SRU_ADRES) -> str:
    """The SRU request for the newest version of a work (or exactly the version asked for).

    >>> print(zoekvraag("CVDR100394", "http://127.0.0.1:8000/sru"))  # doctest: +NORMALIZE_WHITESPACE
    http://127.0.0.1:8000/sru?x-connection=cvdr&operation=searchRetrieve&version=2.0&maximumRecords=1&query=dcterms.identifier%3DCVDR100394_%2A+sortby+overheidrg.inwerkingtredingDatum%2Fdescending
    """
    werk = cvdr_id.upper()
    vraag = (
        f"dcterms.identifier={werk}" if "_" in werk else f"dcterms.identifier={werk}_* sortby overheidrg.inwerkingtredingDatum/descending"
    )
    parameters = {"x-connection": "cvdr", "operation": "searchRetrieve", "version": "2.0", "maximumRecords": "1", "query": vraag}
    return f"{adres}?{urllib.parse.urlencode(parameters)}"


def _haal(url: str, wat: str) -> bytes:
    if urllib.parse.urlsplit(url).scheme not in ("http", "https"):
        raise InvoerFout(f"{wat}: alleen http- en https-adressen worden opgehaald, niet {url!r}")
    try:
        with urllib.request.urlopen(url, timeout=TIJDSLIMIET) as antwoord:  # noqa: S310 - scheme checked above
            inhoud = antwoord.read(MAX_BRON + 1)
    except urllib.error.HTTPError as e:
        raise InvoerFout(f"{wat}: de server antwoordde met HTTP {e.code} ({url})") from None
    except (urllib.error.URLError, OSError) as e:
        reden = getattr(e, "reason", e)
        raise InvoerFout(f"{wat}: geen verbinding met {url} ({reden}); is er internet, of geef een ander adres met --cvdr-adres") from None
    if len(inhoud) > MAX_BRON:
        raise InvoerFout(f"{wat}: het antwoord is groter dan {MAX_BRON} bytes")
    return inhoud


def xml_adres(antwoord: bytes, cvdr_id: str) -> str:
    """Where the XML of the first record of an SRU answer stands."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    try:
        wortel = etree.fromstring(antwoord, parser)
    except etree.XMLSyntaxError as e:
        raise InvoerFout(f"de zoekdienst gaf geen geldige XML voor {cvdr_id} ({e.msg})") from None
    for e in wortel.iter():
        if not isinstance(e.tag, str):
            continue
        naam = etree.QName(e).localname
        if naam == "publicatieurl_xml" or (naam == "itemUrl" and e.get("manifestation") == "xml"):
            return (e.text or "").strip()
    raise GebruiksFout(f"{cvdr_id} is niet gevonden in CVDR; controleer het nummer (bijv. CVDR100394) op lokaleregelgeving.overheid.nl")


def haal_cvdr(cvdr_id: str, adres: str | None = None) -> bytes:
    """The XML of the newest version of `cvdr_id` (e.g. CVDR100394), or of `CVDR100394_2` exactly."""
    vraag = zoekvraag(cvdr_id, adres or SRU_ADRES)
    url = xml_adres(_haal(vraag, f"zoeken naar {cvdr_id}"), cvdr_id)
    return _haal(url, f"ophalen van {cvdr_id}")
