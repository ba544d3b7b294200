"""One template package serves every deck of a process: each deck is written as if it were the first."""

from __future__ import annotations

import dataclasses
import io
import os
import shutil
import zipfile
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml.etree import Element, tostring
from pptx import Presentation

from guide import load_topic
from guide.load import named_theme
from guide.model import Topic
from guide.render.pptx import archive, elements, package, render_deck, writer
from guide.session import BuildSession
from guide.theme import Theme
from tests.conftest import ROOT, TREATY
from tests.samples import long_topic, without_quizzes
from tests.templates import make_decorated_template, make_template

TREATY_TOPIC = without_quizzes(load_topic(TREATY).topic)  # a deck shorter than the long topic's


def long(tmp_path: Path) -> Topic:
    path = tmp_path / "long.yaml"
    path.write_text(yaml.safe_dump(long_topic(), allow_unicode=True, sort_keys=False), encoding="utf-8")
    return load_topic(path).topic


def first_deck(topic: Topic, theme: Theme) -> bytes:
    """The deck as a fresh process writes it: with the template opened for it alone, nothing kept."""
    return render_deck(topic, theme, None, BuildSession())


@pytest.fixture(params=["designed", "template"])
def theme(request: pytest.FixtureRequest, tmp_path: Path) -> Theme:
    if request.param == "designed":
        return named_theme()
    return dataclasses.replace(named_theme(), template=make_template(tmp_path / "institution.pptx"))


def test_decks_one_after_another_are_as_if_each_were_the_first(theme: Theme, tmp_path: Path) -> None:
    other = long(tmp_path)  # more slides, no pictures; the treaty has a picture and links
    treaty, longer = first_deck(TREATY_TOPIC, theme), first_deck(other, theme)
    assert len(Presentation(io.BytesIO(longer)).slides) > len(Presentation(io.BytesIO(treaty)).slides)
    session = BuildSession()
    assert [render_deck(topic, theme, None, session) for topic in (TREATY_TOPIC, other, TREATY_TOPIC)] == [treaty, longer, treaty]


def test_a_deck_that_fails_half_way_leaves_nothing_behind(theme: Theme, monkeypatch: pytest.MonkeyPatch) -> None:
    expected = first_deck(TREATY_TOPIC, theme)
    written = writer.DeckWriter._slide

    def failing(self: writer.DeckWriter, deck: package.DeckPackage, plan: object, number: int) -> None:
        if number == 3:
            raise RuntimeError("disk on fire")
        written(self, deck, plan, number)  # type: ignore[arg-type]

    session = BuildSession()
    monkeypatch.setattr(writer.DeckWriter, "_slide", failing)
    with pytest.raises(RuntimeError, match="disk on fire"):
        render_deck(TREATY_TOPIC, theme, None, session)
    monkeypatch.undo()
    assert render_deck(TREATY_TOPIC, theme, None, session) == expected


def test_an_edited_template_is_read_again(tmp_path: Path) -> None:
    path = make_template(tmp_path / "institution.pptx")
    theme = dataclasses.replace(named_theme(), template=path)
    before = Presentation(io.BytesIO(render_deck(TREATY_TOPIC, theme)))
    make_template(path, fonts=("Carlito", "Carlito"))
    status = path.stat()
    os.utime(path, ns=(status.st_atime_ns, status.st_mtime_ns + 1_000_000_000))  # a later edit, however coarse the clock
    after = Presentation(io.BytesIO(render_deck(TREATY_TOPIC, theme)))
    fonts = [deck.slide_masters[0].part.part_related_by(package.RT.THEME).blob for deck in (before, after)]
    assert b"Carlito" not in fonts[0]
    assert b"Carlito" in fonts[1]


def test_relationships_are_written_as_python_pptx_writes_them(tmp_path: Path) -> None:
    data = yaml.safe_load(TREATY.read_text(encoding="utf-8"))
    data["summary"] += ' See [the "record" & more](https://example.org/a?b=1&c=<2>).'
    path = tmp_path / "treaty.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    shutil.copytree(TREATY.parent / "images", tmp_path / "images")
    deck = Presentation(io.BytesIO(render_deck(load_topic(path).topic, named_theme())))
    parts = [part for part in deck.part.package.iter_parts() if part.rels]
    assert any(relationship.is_external for part in parts for relationship in part.rels.values())
    for part in parts:
        assert archive._relationships_xml(part, archive.ArchiveMemory()) == part.rels.xml, part.partname


NOT_XML = "".join(chr(code) for code in (*range(9), 11, 12, *range(14, 32), 0xFFFE, 0xFFFF))
XML_TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters=NOT_XML))
"""Any text an XML document can hold: shapes are written as text, escaped as lxml escapes."""


@settings(max_examples=60, deadline=None)
@given(value=XML_TEXT)
def test_shape_text_is_escaped_as_lxml_escapes_it(value: str) -> None:
    """A shape's text and attributes, written as text, are the bytes lxml writes for the same values."""
    element = Element("t", name=value)
    element.text = value
    assert tostring(element, encoding=str) == f'<t name="{elements.attribute(value)}">{elements.text(value)}</t>'


@pytest.mark.parametrize("value", ["a\x00b", "\x1b[0m", "\ufffe", "\ud800"])
def test_text_xml_cannot_hold_is_refused_as_lxml_refuses_it(value: str) -> None:
    """Control characters and lone surrogates (which the loader reports first) never reach a deck's bytes."""
    with pytest.raises(ValueError):  # a UnicodeEncodeError for a surrogate
        Element("t").text = value
    with pytest.raises(ValueError, match="XML compatible"):
        elements.text(value)


def test_pictures_are_stored_once_and_numbered_after_the_templates(tmp_path: Path) -> None:
    """A picture the template already holds (its master's crest, here also the logo) is not stored again;
    the topic's picture takes the first free number; a second deck in the session does the same."""
    picture = tmp_path / "crest.png"
    shutil.copy(ROOT / "tests" / "data" / "pixel.png", picture)
    template = make_decorated_template(tmp_path / "dept.pptx", picture)  # the crest also on a sample slide: renamed apart
    theme = dataclasses.replace(named_theme(), template=template, logo=picture)
    session = BuildSession()
    decks = [render_deck(TREATY_TOPIC, theme, None, session) for _ in range(2)]
    assert decks[0] == decks[1] == first_deck(TREATY_TOPIC, theme)
    with zipfile.ZipFile(io.BytesIO(decks[0])) as archive_file:
        media = {name: archive_file.read(name) for name in archive_file.namelist() if name.startswith("ppt/media/")}
    assert sorted(media) == ["ppt/media/image1.png", "ppt/media/sample-image1.png"]
    assert media["ppt/media/sample-image1.png"] == picture.read_bytes()
    assert media["ppt/media/image1.png"] == (TREATY.parent / TREATY_TOPIC.images[0].file).read_bytes()
    cover = Presentation(io.BytesIO(decks[0])).slides[0]
    logos = [shape._element.blipFill.blip.rEmbed for shape in cover.shapes if shape.name == "Logo"]
    assert [str(cover.part.related_part(logo).partname) for logo in logos] == ["/ppt/media/sample-image1.png"]


@pytest.mark.parametrize(
    "template", [None, *sorted((ROOT / "tests" / "data" / "templates").glob("*.pptx"))], ids=lambda path: path and path.stem
)
def test_parts_are_written_in_the_order_python_pptx_walks_them(template: Path | None, monkeypatch: pytest.MonkeyPatch) -> None:
    """The deck's parts, listed from the template's walk made once and the new slides', are python-pptx's own walk of
    the package, part for part: on our design and on templates with branding, pictures and their own notes."""
    written = package.DeckPackage.written
    walks: list[tuple[list[object], list[object]]] = []

    def compared(self: package.DeckPackage) -> bytes:
        walks.append((list(self.parts()), list(self.deck.part.package.iter_parts())))
        return written(self)

    monkeypatch.setattr(package.DeckPackage, "written", compared)
    theme = named_theme() if template is None else dataclasses.replace(named_theme(), template=template)
    session = BuildSession()
    for _ in range(2):
        render_deck(TREATY_TOPIC, theme, None, session)
    assert len(walks) == 2 and all(listed == walked for listed, walked in walks)
