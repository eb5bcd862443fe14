"""The cache of the read project (generator/loader/cache.py): never stale, private, safe to delete."""

from __future__ import annotations

import pickle
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import grgen
from generator.errors import InvoerFout
from generator.loader import cache, lees_project
from generator.loader.cache import cachemap, lees_project_bewaard, projectmap

REPO = Path(__file__).resolve().parent.parent
HOOFDSTUK = "regeling/centrumgemeenteregeling-samenwerking-ict-hengelo/hoofdstukken/02-taken-en-bevoegdheden.yaml"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the bundled project, and a cache folder and signing key of its own."""
    monkeypatch.setenv("GRGEN_CACHE", str(tmp_path / "gebruiker" / "grgen"))
    map_ = tmp_path / "project"
    for deel in ("regeling", "wijzigingen", "sjablonen"):
        shutil.copytree(REPO / deel, map_ / deel)
    return map_


def toon(map_: Path) -> str:
    r = CliRunner().invoke(grgen, ["-C", str(map_), "toon"])
    assert r.exit_code == 0, r.output
    return r.output


def entries(map_: Path) -> list[Path]:
    return sorted(projectmap(cachemap(), map_).glob("*.pickle"))


def test_edit_with_the_same_length_is_seen_by_the_next_command(project: Path) -> None:
    voor = toon(project)
    assert len(entries(project)) == 1
    bestand = project / HOOFDSTUK
    tekst = bestand.read_text(encoding="utf-8")
    assert "servicedesk" in tekst and "servicedesk" in voor
    # Same size, same second: only the content tells the difference.
    bestand.write_text(tekst.replace("servicedesk", "helpdesk!!!"), encoding="utf-8")
    na = toon(project)
    assert "helpdesk!!!" in na and "servicedesk" not in na
    assert len(entries(project)) == 1  # the entry of the old state is gone


def test_a_hit_does_not_read_yaml_and_gives_the_same_project(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    vers = lees_project_bewaard(project)
    assert vers == lees_project(project)

    def niet_lezen(map_: Path):  # noqa: ANN202
        raise AssertionError("YAML read although nothing changed")

    monkeypatch.setattr(cache, "lees_project", niet_lezen)
    bewaard = lees_project_bewaard(project)
    assert bewaard == vers and bewaard.waarschuwingen == vers.waarschuwingen


def test_one_entry_however_the_folder_is_written(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    lees_project_bewaard(project)

    def niet_lezen(map_: Path):  # noqa: ANN202
        raise AssertionError("YAML read although nothing changed")

    monkeypatch.setattr(cache, "lees_project", niet_lezen)
    monkeypatch.chdir(project)
    bewaard = lees_project_bewaard(Path("."))  # `grgen` in the folder, after `grgen -C /pad`
    assert bewaard.map == Path(".")
    assert len(entries(project)) == 1


def test_added_and_removed_amendment_files_are_seen(project: Path) -> None:
    laatste = project / "wijzigingen" / "2025-toetreding-borne.yaml"
    weg = project / "elders.yaml"
    assert "Borne" in toon(project)
    laatste.rename(weg)
    assert "Borne" not in toon(project)
    weg.rename(laatste)
    assert "Borne" in toon(project)


def test_errors_are_not_stored_and_stay_errors(project: Path) -> None:
    bestand = project / HOOFDSTUK
    bestand.write_text(bestand.read_text(encoding="utf-8").replace("opschrift: Mandaat", "opschrfit: Mandaat"), encoding="utf-8")
    for _ in range(2):
        with pytest.raises(InvoerFout):
            lees_project_bewaard(project)
    assert entries(project) == []


def test_the_folder_is_git_ignored_safe_to_delete_and_outside_the_project(project: Path, tmp_path: Path) -> None:
    inhoud = sorted(p.relative_to(project) for p in project.rglob("*"))
    voor = toon(project)
    assert sorted(p.relative_to(project) for p in project.rglob("*")) == inhoud  # the project is untouched
    assert cachemap() == tmp_path / "gebruiker" / "grgen"
    assert (cachemap() / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"
    assert oct((cachemap() / "sleutel").stat().st_mode & 0o777) == "0o600"
    shutil.rmtree(cachemap())
    assert toon(project) == voor
    assert len(entries(project)) == 1


class _Aanraker:
    """A pickle that runs code when loaded: what a foreign cache entry could hold."""

    def __init__(self, pad: Path) -> None:
        self.pad = pad

    def __reduce__(self):  # noqa: ANN204
        return (Path.touch, (self.pad,))


def test_an_entry_not_signed_by_this_user_is_never_unpickled(project: Path, tmp_path: Path) -> None:
    toon(project)
    [entry] = entries(project)
    val = tmp_path / "bom"
    bom = pickle.dumps(_Aanraker(val))  # runs code when unpickled: touches a file
    entry.write_bytes(b"\0" * 32 + bom)
    uit = toon(project)
    assert not val.exists()
    assert "Centrumgemeenteregeling" in uit
    # Signed with another user's key: also refused.
    entry.write_bytes(b"x" * 32 + bom)
    toon(project)
    assert not val.exists()


def test_a_damaged_entry_is_a_miss(project: Path) -> None:
    voor = toon(project)
    [entry] = entries(project)
    entry.write_bytes(entry.read_bytes()[:100])
    assert toon(project) == voor


def test_off_unless_asked(project: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Without GRGEN_CACHE nothing is written outside the project (not even ~/.cache)."""
    monkeypatch.setenv("HOME", str(tmp_path / "thuis"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    for waarde in (None, "uit"):
        if waarde is None:
            monkeypatch.delenv("GRGEN_CACHE", raising=False)
        else:
            monkeypatch.setenv("GRGEN_CACHE", waarde)
        toon(project)
        assert not (tmp_path / "gebruiker").exists() and not (tmp_path / "thuis").exists() and not (tmp_path / "xdg").exists()
    monkeypatch.setenv("GRGEN_CACHE", str(tmp_path / "elders"))
    toon(project)
    assert len(entries(project)) == 1 and entries(project)[0].is_relative_to(tmp_path / "elders")


def test_no_place_for_the_key_means_no_cache(project: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    bezet = tmp_path / "bestand"
    bezet.write_text("geen map", encoding="utf-8")
    monkeypatch.setenv("GRGEN_CACHE", str(bezet))
    assert "Centrumgemeenteregeling" in toon(project)
    assert bezet.read_text(encoding="utf-8") == "geen map"


# -- compiled templates (generator/render/omgeving.py, `bouw`) ------------------------------------


def _bouw(map_: Path) -> bytes:
    """`grgen bouw` as a fresh process would run it: nothing compiled in memory yet."""
    from generator.render import omgeving

    omgeving._GEDEELDE_CODE.code.clear()  # noqa: SLF001 - a new process starts empty
    r = CliRunner().invoke(grgen, ["-C", str(map_), "bouw"])
    assert r.exit_code == 0, r.output
    (pakket,) = (map_ / "output").glob("*/*/kennisgeving.md")
    return pakket.read_bytes()


def _gecompileerd() -> list[Path]:
    return sorted((cachemap() / "sjablonen").glob("*.code"))


def test_compiled_templates_are_kept_and_an_edited_template_is_seen(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    eerst = _bouw(project)
    bewaard = _gecompileerd()
    assert bewaard, "bouw keeps the compiled templates in the cache folder"
    # The next process compiles nothing: every template comes from the cache.
    import jinja2

    def niet_compileren(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        raise AssertionError("template compiled although it did not change")

    with monkeypatch.context() as m:
        m.setattr(jinja2.Environment, "compile", niet_compileren)
        assert _bouw(project) == eerst
    sjabloon = project / "sjablonen" / "kennisgeving.md.j2"
    sjabloon.write_text(sjabloon.read_text(encoding="utf-8") + "\nGewijzigd sjabloon.\n", encoding="utf-8")
    assert b"Gewijzigd sjabloon." in _bouw(project)
    assert len(_gecompileerd()) == len(bewaard)  # the template's entry was replaced, not added


def test_a_compiled_template_not_signed_by_this_user_is_never_run(project: Path) -> None:
    eerst = _bouw(project)
    for pad in _gecompileerd():  # another's entry: a valid-looking body without this user's signature
        data = pad.read_bytes()
        pad.write_bytes(bytes(32) + data[32:])
    assert _bouw(project) == eerst
    sleutel = (cachemap() / "sleutel").read_bytes()
    import hmac

    assert all(hmac.compare_digest(p.read_bytes()[:32], hmac.digest(sleutel, p.read_bytes()[32:], "sha256")) for p in _gecompileerd())


def test_no_compiled_templates_are_kept_when_the_cache_is_off(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GRGEN_CACHE", "uit")
    _bouw(project)
    assert not (project.parent / "gebruiker").exists()
