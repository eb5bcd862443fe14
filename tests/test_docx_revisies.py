"""Tracked changes in grgen's Word output, checked independently.

Views come from pandoc (accept/reject all changes), structure from the raw XML
(tests/docxhulp.py), validity from openxml-audit (Open XML SDK port).
"""

from __future__ import annotations

import datetime
import hashlib
import io
import json
import os
import shutil
import subprocess
import sys
import zipfile
import zlib
from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from generator.render.docx import oxml
from generator.render.docx.document import Alinea, Docx, Segment, normaliseer_segmenten
from generator.render.docx.maak_basis import BASIS_PAD, maak_basis
from generator.render.docx.oxml import Revisie, RevisieTeller
from tests.docxhulp import (
    NS,
    alineatekens_zonder_opvolger,
    body_alinea_markeringen,
    lees_verhalen,
    lint_revisies,
    lxml_tekst,
    pandoc_tekst,
)

REPO = Path(__file__).resolve().parents[1]
# Property-based example counts; raise for a one-off stress run, e.g.
# GRGEN_DOCX_VOORBEELDEN=500 python -m pytest tests/test_docx_revisies.py
VOORBEELDEN = int(os.environ.get("GRGEN_DOCX_VOORBEELDEN", "40"))
REV = Revisie("Griffie Regio Voorbeeld", datetime.date(2024, 5, 1))
W = NS["w"]


def _w(naam: str) -> str:
    return f"{{{W}}}{naam}"


# -- expected views from the input (the model) --------------------------------


def _norm(tekst: str) -> str:
    return " ".join(tekst.split())


def verwachte_view(alineas, modus: str) -> list[str]:
    """Expected paragraphs for accept or reject view from (segmenten, status) pairs."""
    houden = "ingevoegd" if modus == "accept" else "verwijderd"
    weg = "verwijderd" if modus == "accept" else "ingevoegd"
    uit = []
    for segmenten, status in alineas:
        if status == weg:
            continue
        uit.append(_norm("".join(t for soort, t in segmenten if soort in ("gelijk", houden))))
    return uit


def bouw(alineas, stijlen=None) -> bytes:
    doc = Docx(revisie=REV)
    for i, (segmenten, status) in enumerate(alineas):
        stijl = stijlen[i] if stijlen else "Normal"
        doc.alinea(segmenten, stijl=stijl, alinea_status=status)
    return doc.bewaar_bytes()


def voorbeeld_document() -> Docx:
    """A document with every feature: revisions, headings, table, header, footer."""
    doc = Docx(revisie=REV)
    doc.eigenschappen("Wijziging GR Voorbeeld", "Griffie Regio Voorbeeld", datetime.date(2024, 5, 1))
    doc.koptekst("Gemeenschappelijke regeling Voorbeeld")
    doc.voettekst("Ontwerpbesluit")
    doc.kop("Gemeenschappelijke regeling Voorbeeld", 0)
    doc.kop("Hoofdstuk 1. Algemene bepalingen", 1)
    doc.kop([("gelijk", "Artikel 1. "), ("verwijderd", "Definities"), ("ingevoegd", "Begrippen")], 2)
    doc.alinea(
        [
            ("gelijk", "In deze regeling wordt verstaan onder "),
            ("verwijderd", "het bestuur"),
            Segment("ingevoegd", "het algemeen bestuur", vet=True),
            ("gelijk", ": het bestuur van het openbaar lichaam."),
        ]
    )
    doc.kop("Artikel 1a. Nieuw artikel", 3, alinea_status="ingevoegd")
    doc.alinea("Dit lid vervalt.", alinea_status="verwijderd")
    doc.alinea([("gelijk", "Een geheel "), ("ingevoegd", "nieuw "), ("gelijk", "lid.")], alinea_status="ingevoegd")
    doc.alinea("Overzicht van de wijzigingen:")
    doc.tabel(
        ["Huidige tekst", "Nieuwe tekst", "Toelichting"],
        [
            ["Artikel 1. Definities", [("gelijk", "Artikel 1. "), ("ingevoegd", "Begrippen")], "Awb-taal."],
            [
                [Alinea("Lid 1."), Alinea("Lid 2.")],
                [Alinea("Lid 0.", alinea_status="ingevoegd"), Alinea([("gelijk", "Lid 1 "), ("ingevoegd", "nieuw.")])],
                "",
            ],
        ],
    )
    doc.alinea("Slotbepaling.")
    return doc


# -- unit tests for oxml -------------------------------------------------------


def test_revisie_datum_en_teller():
    assert REV.w_date == "2024-05-01T00:00:00Z"
    assert Revisie("a", datetime.date(7, 1, 2)).w_date == "0007-01-02T00:00:00Z"
    t = RevisieTeller()
    assert [t.volgende() for _ in range(3)] == [1, 2, 3]
    assert RevisieTeller().volgende() == 1  # a fresh counter per document
    with pytest.raises(ValueError):
        Revisie(" ", datetime.date(2024, 1, 1))
    with pytest.raises(TypeError):
        Revisie("a", "2024-01-01")  # type: ignore[arg-type]


def test_oxml_bouwt_ins_del_en_alineateken_in_schemavolgorde():
    d = docx.Document(str(BASIS_PAD))
    p = d.add_paragraph(style="Heading 2")
    p.paragraph_format.keep_with_next = True
    teller = RevisieTeller()
    oxml.markeer_alinea_ingevoegd(p, REV, teller)
    p.paragraph_format.space_before = 0  # python-docx must keep w:rPr last in w:pPr
    oxml.voeg_ingevoegd_toe(p, " nieuw ", REV, teller, vet=True)
    oxml.voeg_verwijderd_toe(p, "oud\tweg", REV, teller)
    oxml.voeg_ingevoegd_toe(p, "", REV, teller)  # no-op, consumes no id
    ppr = p._p.find(_w("pPr"))
    assert [etree.QName(c).localname for c in ppr] == ["pStyle", "keepNext", "spacing", "rPr"]
    assert etree.QName(ppr.find(_w("rPr"))[0]).localname == "ins"
    ins = p._p.findall(_w("ins"))
    dele = p._p.findall(_w("del"))
    assert len(ins) == 1 and len(dele) == 1
    assert ins[0].get(_w("id")) == "2" and dele[0].get(_w("id")) == "3"
    assert ins[0].get(_w("author")) == REV.auteur and ins[0].get(_w("date")) == "2024-05-01T00:00:00Z"
    t = ins[0].find("w:r/w:t", NS)
    assert t.text == " nieuw " and t.get("{http://www.w3.org/XML/1998/namespace}space") == "preserve"
    assert ins[0].find("w:r/w:rPr/w:b", NS) is not None
    run = dele[0].find("w:r", NS)
    assert [etree.QName(c).localname for c in run] == ["delText", "tab", "delText"]
    assert run.find("w:t", NS) is None
    with pytest.raises(ValueError):
        oxml.markeer_alinea_verwijderd(p, REV, teller)
    assert teller.laatste == 3


def test_kopregel_en_veld():
    d = docx.Document(str(BASIS_PAD))
    tabel = d.add_table(rows=2, cols=2)
    oxml.markeer_kopregel(tabel.rows[0])
    oxml.markeer_kopregel(tabel.rows[0])  # idempotent
    tr = tabel.rows[0]._tr
    assert etree.QName(tr[0]).localname == "trPr"
    assert len(tr.findall("w:trPr/w:tblHeader", NS)) == 1
    p = d.add_paragraph()
    oxml.voeg_veld_toe(p, "PAGE")
    soorten = [c.get(_w("fldCharType")) for c in p._p.iter(_w("fldChar"))]
    assert soorten == ["begin", "separate", "end"]
    assert p._p.find("w:r/w:instrText", NS).text == " PAGE "


def test_segmenten_normaliseren_en_fouten():
    assert normaliseer_segmenten("tekst") == [Segment("gelijk", "tekst")]
    assert normaliseer_segmenten([("gelijk", "a"), ("gelijk", "b"), ("ingevoegd", "", True)]) == [Segment("gelijk", "ab")]
    assert len(normaliseer_segmenten([("ingevoegd", "a", True), ("ingevoegd", "b")])) == 2
    with pytest.raises(ValueError):
        Segment("gewijzigd", "x")  # type: ignore[arg-type]
    doc = Docx(revisie=REV)
    with pytest.raises(ValueError):
        doc.alinea([("verwijderd", "x")], alinea_status="ingevoegd")
    with pytest.raises(ValueError):
        doc.alinea("x", alinea_status="anders")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        Docx().alinea([("ingevoegd", "x")])  # no Revisie given
    with pytest.raises(ValueError):
        doc.tabel(["a", "b"], [["alleen één cel"]])
    with pytest.raises(ValueError):
        doc.tabel(["a"], [[[Alinea("x", alinea_status="ingevoegd")]]])
    with pytest.raises(ValueError):
        doc.kop("x", 4)


# -- base document ------------------------------------------------------------


def test_basis_is_actueel_en_compleet():
    assert BASIS_PAD.read_bytes() == maak_basis(), "basis.docx is verouderd: draai python -m generator.render.docx.maak_basis"
    d = docx.Document(str(BASIS_PAD))
    namen = {s.name for s in d.styles}
    assert {"Normal", "Title", "Heading 1", "Heading 2", "Heading 3", "Table Grid", "Header", "Footer"} <= namen
    for n in (1, 2, 3):
        assert d.styles[f"Heading {n}"].element.find("w:pPr/w:outlineLvl", NS).get(_w("val")) == str(n - 1)
    sectie = d.sections[0]
    assert (sectie.page_width, sectie.page_height) == (docx.shared.Twips(11906), docx.shared.Twips(16838))
    assert len(d.paragraphs) == 0 and len(d.tables) == 0
    with zipfile.ZipFile(BASIS_PAD) as zf:
        stijlen = etree.fromstring(zf.read("word/styles.xml"))
        assert "word/stylesWithEffects.xml" not in zf.namelist()
    assert stijlen.find("w:docDefaults/w:rPrDefault/w:rPr/w:lang", NS).get(_w("val")) == "nl-NL"


# -- pandoc views: fixed examples and property-based ----------------------------


def test_voorbeeld_views_en_lint():
    data = voorbeeld_document().bewaar_bytes()
    assert lint_revisies(data) == []
    accept = pandoc_tekst(data, "accept")
    reject = pandoc_tekst(data, "reject")
    kop = ["Gemeenschappelijke regeling Voorbeeld", "Hoofdstuk 1. Algemene bepalingen"]
    tabel_acc = [
        "Huidige tekst",
        "Nieuwe tekst",
        "Toelichting",
        "Artikel 1. Definities",
        "Artikel 1. Begrippen",
        "Awb-taal.",
        "Lid 1.",
        "Lid 2.",
        "Lid 0.",
        "Lid 1 nieuw.",
        "",
    ]
    tabel_rej = [
        "Huidige tekst",
        "Nieuwe tekst",
        "Toelichting",
        "Artikel 1. Definities",
        "Artikel 1.",
        "Awb-taal.",
        "Lid 1.",
        "Lid 2.",
        "Lid 1",
        "",
    ]
    assert accept == kop + [
        "Artikel 1. Begrippen",
        "In deze regeling wordt verstaan onder het algemeen bestuur: het bestuur van het openbaar lichaam.",
        "Artikel 1a. Nieuw artikel",
        "Een geheel nieuw lid.",
        "Overzicht van de wijzigingen:",
    ] + tabel_acc + ["Slotbepaling."]
    assert reject == kop + [
        "Artikel 1. Definities",
        "In deze regeling wordt verstaan onder het bestuur: het bestuur van het openbaar lichaam.",
        "Dit lid vervalt.",
        "Overzicht van de wijzigingen:",
    ] + tabel_rej + ["Slotbepaling."]


def test_alineateken_zonder_opvolger():
    assert alineatekens_zonder_opvolger(voorbeeld_document().bewaar_bytes()) == []
    data = bouw([([("gelijk", "Eerste.")], "gelijk"), ([("gelijk", "Laatste weg.")], "verwijderd")])
    assert alineatekens_zonder_opvolger(data) == ["word/document.xml: 'Laatste weg.'"]
    # A last inserted paragraph follows Word's convention: the mark before it is the new one.
    data = bouw([([("gelijk", "Eerste.")], "gelijk"), ([("gelijk", "Laatste nieuw.")], "ingevoegd")])
    assert alineatekens_zonder_opvolger(data) == []
    assert body_alinea_markeringen(data)[-2:] == ["ingevoegd", None]


def test_helpers_vangen_kapotte_documenten(monkeypatch):
    """Negative control: without paragraph-mark revisions the checks must fail."""
    alineas = [("Blijft.", "gelijk"), ("Weg.", "verwijderd"), ("Nieuw.", "ingevoegd"), ("Eind.", "gelijk")]
    monkeypatch.setattr(oxml, "alineateken_xml", lambda *a: "")
    data = bouw([([("gelijk", t)], s) for t, s in alineas])
    assert "" in pandoc_tekst(data, "accept") and "" in pandoc_tekst(data, "reject")
    problemen = lint_revisies(data)
    assert any("zonder revisie op het alineateken" in p for p in problemen), problemen


def _muteer(data: bytes, oud: bytes, nieuw: bytes) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(buf, "w") as zuit:
        for naam in zin.namelist():
            inhoud = zin.read(naam)
            if naam == "word/document.xml":
                assert oud in inhoud
                inhoud = inhoud.replace(oud, nieuw, 1)
            zuit.writestr(naam, inhoud)
    return buf.getvalue()


@pytest.mark.parametrize(
    ("oud", "nieuw", "melding"),
    [
        (b'w:id="2"', b'w:id="1"', "komt 2 keer voor"),
        (b'<w:delText xml:space="preserve">oud</w:delText>', b'<w:t xml:space="preserve">oud</w:t>', "w:t binnen w:del"),
        (b'<w:ins w:id="2"', b'<w:del w:id="99" w:author="x" w:date="2024-01-01T00:00:00Z"/><w:ins w:id="2"', "lege revisie"),
        (b'w:date="2024-05-01T00:00:00Z"', b'w:date="1 mei"', "ongeldige w:date"),
        (b'<w:t xml:space="preserve">Blijft </w:t>', b'<w:delText xml:space="preserve">Blijft </w:delText>', "buiten w:del"),
        (b'<w:t xml:space="preserve">Blijft </w:t>', b"<w:t>Blijft </w:t>", "xml:space=preserve"),
    ],
)
def test_lint_vindt_fouten(oud, nieuw, melding):
    data = bouw([([("gelijk", "Blijft "), ("verwijderd", "oud"), ("ingevoegd", "nieuw")], "gelijk")])
    assert lint_revisies(data) == []
    problemen = lint_revisies(_muteer(data, oud, nieuw))
    assert any(melding in p for p in problemen), problemen


def test_lint_vindt_geneste_revisie():
    data = bouw([([("gelijk", "Blijft "), ("ingevoegd", "nieuw")], "gelijk")])
    genest = _muteer(
        data,
        b'<w:r><w:t xml:space="preserve">nieuw',
        b'<w:del w:id="7" w:author="x" w:date="2024-01-01T00:00:00Z"><w:r><w:delText>x</w:delText></w:r></w:del>'
        b'<w:r><w:t xml:space="preserve">nieuw',
    )
    assert any("geneste revisie" in p for p in lint_revisies(genest))


WOORDEN = [
    "de",
    "het",
    "een",
    "gemeente",
    "raad",
    "college",
    "bestuur",
    "algemeen",
    "dagelijks",
    "lid",
    "artikel",
    "regeling",
    "deelnemers",
    "besluit",
    "wijziging",
    "financiën",
    "ĳs",
    "reële",
    "begroting",
    "zienswijze",
    "Gedeputeerde",
    "Staten",
    "2024",
    "§",
    "1°",
]
LEESTEKENS = [".", ",", ";", ":", "(", ")", "-", "'", '"', "&", "<", ">", "/", "?", "!"]
tekst_st = st.lists(
    st.one_of(st.sampled_from(WOORDEN), st.sampled_from(LEESTEKENS), st.sampled_from([" ", "  "])),
    min_size=1,
    max_size=6,
).map("".join)
woord_st = st.builds(
    lambda voor, w, na: voor + w + na,
    st.sampled_from(["", " "]),
    st.sampled_from(WOORDEN),
    st.sampled_from(["", " ", ". "]),
)


@st.composite
def alinea_st(draw):
    status = draw(st.sampled_from(["gelijk", "gelijk", "ingevoegd", "verwijderd"]))
    soorten = {
        "gelijk": ["gelijk", "ingevoegd", "verwijderd"],
        "ingevoegd": ["gelijk", "ingevoegd"],
        "verwijderd": ["gelijk", "verwijderd"],
    }[status]
    segmenten = draw(st.lists(st.tuples(st.sampled_from(soorten), tekst_st), max_size=5))
    # Every paragraph keeps at least one word in both views that apply to it,
    # so any empty paragraph in a pandoc view is a bug.
    anker = ("gelijk", draw(woord_st))
    segmenten.insert(draw(st.integers(0, len(segmenten))), anker)
    return segmenten, status


@settings(max_examples=VOORBEELDEN, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    alineas=st.lists(alinea_st(), min_size=1, max_size=7),
    stijlen=st.lists(st.sampled_from(["Normal", "Normal", "Heading 1", "Heading 2", "Heading 3"]), min_size=7, max_size=7),
)
def test_willekeurige_revisies_accept_en_reject(alineas, stijlen):
    data = bouw(alineas, stijlen)
    assert lint_revisies(data) == []
    tekens = body_alinea_markeringen(data)
    for i, (_segmenten, status) in enumerate(alineas):
        if status == "verwijderd":
            assert tekens[i] == "verwijderd"
        elif status == "ingevoegd":  # its own mark, or (Word's convention) the one before it
            assert "ingevoegd" in (tekens[i], tekens[i - 1] if i else None)
        else:  # an unchanged paragraph's mark is new only when a new paragraph follows it
            assert tekens[i] is None or (i + 1 < len(alineas) and alineas[i + 1][1] == "ingevoegd")
    for modus in ("accept", "reject"):
        assert lxml_tekst(data, modus) == verwachte_view(alineas, modus), modus
        if not _pandoc_kan_niet(alineas, stijlen):
            view = pandoc_tekst(data, modus)
            assert view == verwachte_view(alineas, modus), modus
            assert "" not in view


def _pandoc_kan_niet(alineas, stijlen) -> bool:  # noqa: ANN001
    """A paragraph that ends in an insertion, followed by new paragraphs, with a heading as that
    paragraph or as the last new one: Word's convention is kept there for LibreOffice's sake,
    which pandoc's reader misplaces (tests/test_libreoffice.py checks LibreOffice)."""
    for i, (segmenten, status) in enumerate(alineas[:-1]):
        run = [j for j in range(i + 1, len(alineas)) if all(alineas[k][1] == "ingevoegd" for k in range(i + 1, j + 1))]
        inhoud = [(s, t) for s, t in segmenten if t]
        if status == "verwijderd" or not run or not inhoud or inhoud[-1][0] != "ingevoegd":
            continue
        if stijlen[i].startswith("Heading") or stijlen[run[-1]].startswith("Heading"):
            return True
    return False


@settings(max_examples=max(10, VOORBEELDEN // 2), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rijen=st.lists(st.lists(alinea_st().map(lambda a: a[0]), min_size=3, max_size=3), min_size=1, max_size=3))
def test_willekeurige_wasword_tabel(rijen):
    doc = Docx(revisie=REV)
    doc.tabel(["Huidige tekst", "Nieuwe tekst", "Toelichting"], rijen)
    data = doc.bewaar_bytes()
    assert lint_revisies(data) == []
    for modus in ("accept", "reject"):
        cellen = [seg for rij in rijen for seg in rij]
        verwacht = ["Huidige tekst", "Nieuwe tekst", "Toelichting"] + verwachte_view([(c, "gelijk") for c in cellen], modus)
        assert pandoc_tekst(data, modus) == verwacht


# -- validity and determinism ------------------------------------------------------


def _audit(pad: Path) -> dict:
    exe = shutil.which("openxml-audit")
    if exe is None:
        pytest.skip("openxml-audit is niet geïnstalleerd (pip install openxml-audit)")
    res = subprocess.run([exe, "-f", "microsoft365", "-m", "0", "-o", "json", str(pad)], capture_output=True, text=True)
    (rapport,) = json.loads(res.stdout)
    return rapport | {"returncode": res.returncode}


@pytest.mark.parametrize("soort", ["basis", "voorbeeld"])
def test_openxml_audit_schoon(soort, tmp_path):
    pad = tmp_path / f"{soort}.docx"
    pad.write_bytes(BASIS_PAD.read_bytes() if soort == "basis" else voorbeeld_document().bewaar_bytes())
    rapport = _audit(pad)
    assert rapport["errors"] == [] and rapport["error_count"] == 0 and rapport["warning_count"] == 0, rapport
    assert rapport["valid"] and rapport["returncode"] == 0


def test_voorbeeld_bevat_koptekst_voettekst_en_eigenschappen():
    data = voorbeeld_document().bewaar_bytes()
    delen = lees_verhalen(data)
    kop = next(v for n, v in delen.items() if n.startswith("word/header"))
    voet = next(v for n, v in delen.items() if n.startswith("word/footer"))
    assert "Gemeenschappelijke regeling Voorbeeld" in "".join(kop.itertext())
    instructies = [i.text.strip() for i in voet.iter(_w("instrText"))]
    assert instructies == ["PAGE", "NUMPAGES"]
    assert "Pagina " in "".join(voet.itertext()) and " van " in "".join(voet.itertext())
    d = docx.Document(io.BytesIO(data))
    cp = d.core_properties
    assert cp.created == cp.modified
    assert cp.created.replace(tzinfo=None) == datetime.datetime(2024, 5, 1)
    assert (cp.title, cp.author, cp.last_modified_by, cp.revision) == (
        "Wijziging GR Voorbeeld",
        "Griffie Regio Voorbeeld",
        "Griffie Regio Voorbeeld",
        1,
    )
    assert d.tables[0].style.name == "Table Grid"


def test_deterministisch():
    a = voorbeeld_document().bewaar_bytes()
    b = voorbeeld_document().bewaar_bytes()
    assert a == b
    with zipfile.ZipFile(io.BytesIO(a)) as zf:
        infos = zf.infolist()
        assert infos[0].filename == "[Content_Types].xml"
        assert {i.date_time for i in infos} == {(1980, 1, 1, 0, 0, 0)}
        for i in infos:
            assert b"w:rsid" not in zf.read(i.filename)


def test_deterministisch_over_tijdzones():
    code = "import hashlib, tests.test_docx_revisies as t; print(hashlib.sha256(t.voorbeeld_document().bewaar_bytes()).hexdigest())"
    hier = hashlib.sha256(voorbeeld_document().bewaar_bytes()).hexdigest()
    for tz in ("UTC", "Pacific/Kiritimati"):
        env = dict(os.environ, TZ=tz, PYTHONPATH=str(REPO))
        res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=REPO, check=True)
        assert res.stdout.strip() == hier, tz


# -- the body spliced as text (Docx._stukken) ----------------------------------------------------


def _lees_body(data: bytes) -> list[str]:
    document = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))
    return ["".join(p.itertext()) for p in document.iter(f"{{{oxml._W}}}p")]  # noqa: SLF001


def test_spliced_body_equals_the_parsed_body() -> None:
    """The paragraphs spliced into document.xml as text give the same bytes as parsing them
    into the tree (what a reference document with a marker-like comment gets)."""

    def maak(basis: bytes | None) -> bytes:
        doc = Docx(revisie=Revisie("Griffie", datetime.date(2024, 5, 1)), basis=basis)
        doc.kop("Artikel 1 <&>", 1)
        doc.alinea([("gelijk", "De raad "), ("verwijderd", "besluit"), ("ingevoegd", 'beslist "zo"'), ("gelijk", ".\tx\ny")])
        doc.alinea("Nieuw lid.", alinea_status="ingevoegd")
        doc.alinea("")
        doc.tabel(["a", "b"], [["c", [("ingevoegd", "d", True)]]])
        doc.pagina_einde()
        for i in range(2500):  # past one batch of the queue
            doc.alinea(f"alinea {i}", stijl="Lid")
        doc.alinea("Einde.")
        return doc.bewaar_bytes()

    gesplitst = maak(None)
    assert b"grgen-alineas" not in gesplitst
    # A body holding a comment like the marker is built by parsing: same content, same bytes.
    ruw = zipfile.ZipFile(io.BytesIO(BASIS_PAD.read_bytes()))
    delen = {n: ruw.read(n) for n in ruw.namelist()}
    delen["word/document.xml"] = delen["word/document.xml"].replace(b"<w:body>", b"<w:body><!--grgen-alineas-0-->")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for naam, data in delen.items():
            zf.writestr(naam, data)
    geparst = maak(buf.getvalue())
    assert _lees_body(geparst) == _lees_body(gesplitst)
    assert zipfile.ZipFile(io.BytesIO(geparst)).read("word/document.xml").replace(b"<!--grgen-alineas-0-->", b"") == zipfile.ZipFile(
        io.BytesIO(gesplitst)
    ).read("word/document.xml")


@pytest.mark.parametrize("rest", [1, 64 * 1024 - 1, 64 * 1024, 64 * 1024 + 1, 128 * 1024 - 1])
@pytest.mark.parametrize("draden", [1, 2])
def test_blocks_made_ahead_never_change_the_bytes(rest: int, draden: int) -> None:
    """Given the part in pieces up to its very end (or all of it), a Blokpakker hands out only
    blocks whose end is certain: the last block, which takes a short rest with it, is made at
    the end. Whatever was given, the bytes are those of deflating the part at once."""
    from generator.render.docx import maak_basis

    blok = maak_basis._BLOK  # noqa: SLF001
    data = b"".join(b"<w:p>%d de raad</w:p>" % i for i in range(400_000))[: 5 * blok + rest]
    verwacht = maak_basis._in_blokken(data, draden=1)  # noqa: SLF001
    for tot in (5 * blok, 5 * blok + rest, 4 * blok + blok // 2):
        pakker = maak_basis.Blokpakker(draden=draden)
        for begin in range(0, tot, 50_000):
            pakker.voeg_toe(data[begin : min(begin + 50_000, tot)])
        assert pakker.af(data) == verwacht


@pytest.mark.parametrize("pagina_tussendoor", [False, True])
def test_a_large_body_deflated_while_written_is_deflated_as_at_the_end(monkeypatch, pagina_tussendoor: bool) -> None:
    """A body over BLOKKEN_VANAF is deflated block by block on a second thread while it is still
    being written (maak_basis.Blokpakker). The .docx is byte for byte what deflating the finished
    parts gives, on two processors or one; the blocks made ahead are used when the part begins
    with what was given, and not when a page break, put into the tree by python-docx, lies
    between the spliced paragraphs."""
    from generator.render.docx import maak_basis

    gemaakt: list[int] = []
    echt = maak_basis._deflate_blok  # noqa: SLF001

    def geteld(voorraad: bytes, blok: bytes, laatste: bool) -> bytes:
        gemaakt.append(len(blok))
        return echt(voorraad, blok, laatste)

    monkeypatch.setattr(maak_basis, "_deflate_blok", geteld)

    def maak() -> bytes:
        doc = Docx(revisie=Revisie("Griffie", datetime.date(2024, 5, 1)))
        doc.kop("Titel", 0)
        for i in range(9000):
            doc.alinea(
                [("gelijk", f"{i}.\tDe raad "), ("ingevoegd", f"besluit {i * i}")] if i % 7 == 0 else f"alinea {i} van de regeling",
                stijl="Lid",
            )
            if pagina_tussendoor and i == 7000:
                doc.pagina_einde()
        doc.alinea("Einde.")
        return doc.bewaar_bytes()

    data = maak()
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        assert zf.testzip() is None
        delen = [(info.filename, zf.read(info)) for info in zf.infolist()]
    body = dict(delen)["word/document.xml"]
    assert len(body) > 2 * maak_basis.BLOKKEN_VANAF
    blokken = len(maak_basis._blokgrenzen(len(body))) - 1  # noqa: SLF001
    if maak_basis._processoren() > 1:  # noqa: SLF001
        assert len(gemaakt) == blokken if not pagina_tussendoor else len(gemaakt) > blokken
    assert maak_basis.deterministische_zip(delen) == data  # deflated at the end, without a Blokpakker
    monkeypatch.setattr(maak_basis, "_processoren", lambda: 1)
    gemaakt.clear()
    assert maak() == data
    assert len(gemaakt) == blokken  # one processor: every block at the end, once


@pytest.mark.parametrize("teken", ["\x0b", "\x00", "\ufffe", "\ud800"])
def test_a_character_xml_cannot_hold_is_refused_not_written(teken: str) -> None:
    doc = Docx()
    doc.alinea(f"a{teken}b")
    with pytest.raises((etree.XMLSyntaxError, ValueError)):
        doc.bewaar_bytes()


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.text(st.characters(min_codepoint=0x21, max_codepoint=0x24F, exclude_characters="\\/:"), min_size=1, max_size=12),
            st.binary(max_size=3000),
        ),
        max_size=6,
        unique_by=lambda d: d[0],
    ),
    st.booleans(),
)
def test_grgen_zip_is_byte_for_byte_zipfiles(onderdelen: list[tuple[str, bytes]], herhaal: bool) -> None:
    """deterministische_zip writes exactly what zipfile writes (writestr, deflate level 6,
    1980-01-01), also for a part it deflated before (its remembered form)."""
    from generator.render.docx.maak_basis import ZIP_DATUM, deterministische_zip

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for naam, data in onderdelen:
            info = zipfile.ZipInfo(naam, date_time=ZIP_DATUM)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0
            zf.writestr(info, data, compresslevel=6)
    if herhaal:
        deterministische_zip(onderdelen)
    assert deterministische_zip(onderdelen) == buf.getvalue()
    assert [(i.filename, zipfile.ZipFile(buf).read(i)) for i in zipfile.ZipFile(buf).infolist()] == onderdelen


@settings(max_examples=VOORBEELDEN, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(
            st.booleans(),  # unchanged (through ongewijzigde_alineas) or wholly inserted
            st.text(st.sampled_from("ab &<>\"'\t\n\r"), max_size=8),
            st.sampled_from(["Normal", "Lid", "Heading 1", "Heading 3", "Title"]),
        ),
        max_size=8,
    )
)
def test_ongewijzigde_alineas_als_alinea(alineas: list[tuple[bool, str, str]]) -> None:
    """The unchanged paragraphs written without segments (most of a renvooi) give the bytes that
    `alinea` gives for each, also where inserted paragraphs follow them (Word's convention moves
    the mark of the last one) and for tabs, line breaks and characters XML escapes."""

    def document(snel: bool) -> bytes:
        doc = Docx(Revisie("Griffie", datetime.date(2024, 5, 1)))
        reeks: list[tuple[str, str]] = []
        for gelijk, tekst, stijl in [*alineas, (False, "slot", "Normal")]:
            if gelijk and snel:
                reeks.append((tekst, stijl))
                continue
            doc.ongewijzigde_alineas(reeks)
            reeks = []
            doc.alinea(tekst, stijl=stijl, alinea_status="gelijk" if gelijk else "ingevoegd")
        return doc.bewaar_bytes()

    assert document(snel=True) == document(snel=False)


def test_a_large_part_is_deflated_in_blocks_that_read_back(monkeypatch) -> None:
    """A part over BLOKKEN_VANAF is deflated in blocks (pigz's way, on two threads): zipfile
    reads it back (checking its CRC); the bytes are the same on one thread or two and from run
    to run; a part of exactly the limit is still what zipfile itself writes."""
    from generator.render.docx import maak_basis

    groot = b"".join(
        b'<w:p><w:r><w:t xml:space="preserve">%d. De raad besluit &amp; %d</w:t></w:r></w:p>' % (i, i * i) for i in range(40_000)
    )
    assert len(groot) > 3 * maak_basis.BLOKKEN_VANAF
    onderdelen = [("[Content_Types].xml", b"<Types/>"), ("word/document.xml", groot)]
    twee = maak_basis.deterministische_zip(onderdelen)
    assert maak_basis.deterministische_zip(onderdelen) == twee
    monkeypatch.setattr(os, "sched_getaffinity", lambda _pid: {0}, raising=False)  # one processor: one thread
    assert maak_basis.deterministische_zip(onderdelen) == twee
    with zipfile.ZipFile(io.BytesIO(twee)) as zf:
        assert zf.testzip() is None
        assert [(i.filename, zf.read(i)) for i in zf.infolist()] == onderdelen
    # In blocks: not zipfile's single stream, and not much larger than it.
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for naam, data in onderdelen:
            zf.writestr(zipfile.ZipInfo(naam, date_time=maak_basis.ZIP_DATUM), data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=6)
    assert twee != buf.getvalue() and len(twee) < len(buf.getvalue()) * 1.01
    # At the limit a part is one stream, byte for byte zipfile's.
    grens = groot[: maak_basis.BLOKKEN_VANAF]
    inpakker = zlib.compressobj(6, zlib.DEFLATED, -15)
    assert maak_basis._gedeflateerd(grens) == (zlib.crc32(grens), inpakker.compress(grens) + inpakker.flush())  # noqa: SLF001


def test_a_thread_that_fails_is_not_swallowed(monkeypatch) -> None:
    from generator.render.docx import maak_basis

    def stuk(*_args, **_kwargs) -> None:
        raise MemoryError("geen geheugen")

    monkeypatch.setattr(maak_basis.zlib, "compressobj", stuk)
    with pytest.raises(MemoryError):
        maak_basis._in_blokken(b"x" * (2 * maak_basis.BLOKKEN_VANAF), draden=2)  # noqa: SLF001


@settings(max_examples=VOORBEELDEN, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(["gelijk", "ingevoegd", "verwijderd"]), st.text(st.sampled_from("ab \t<&"), max_size=4)), max_size=8)
)
def test_samengevoegd_is_normalised_and_not_walked_again(delen: list[tuple[str, str]]) -> None:
    """The renvooi's changed paragraphs come as `normaliseer_segmenten` would leave them, so it
    hands them back as they are; anything else it still normalises."""
    from generator.render.docx.document import GenormaliseerdeSegmenten, kaal_segment
    from generator.render.word import _samengevoegd

    segmenten = _samengevoegd(delen)
    assert segmenten == normaliseer_segmenten([Segment(s, t) for s, t in delen])
    assert normaliseer_segmenten(segmenten) is segmenten
    assert isinstance(normaliseer_segmenten([kaal_segment(s, t) for s, t in delen]), GenormaliseerdeSegmenten)
    assert [kaal_segment(s, t) for s, t in delen] == [Segment(s, t) for s, t in delen]
