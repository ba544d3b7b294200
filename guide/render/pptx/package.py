"""A deck's package, kept by python-pptx: slides, speaker notes and pictures added to a template.

python-pptx names each new part by walking every part of the package, and builds each notes
slide by cloning the notes master's placeholders again; over a deck that cost a third of its
time. Here part names are counted from one walk, and each notes slide is the first one's XML
with its own paragraphs. A slide's part takes its bytes once its shapes are written (they are
written as text, see guide.render.pptx.elements), so python-pptx never serialises it again.

A template is opened once per process, not once per deck (that was a sixth of a deck's
time): each deck adds its slides to the open package and takes them away again when written,
leaving the package as the template gave it, so every deck is written from the same state.
"""

from __future__ import annotations

import collections
import itertools
import uuid
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from lxml.etree import Comment, SubElement, _Element, tostring
from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.oxml import serialize_part_xml
from pptx.opc.package import OpcPackage, Part
from pptx.opc.packuri import PackURI
from pptx.oxml.slide import CT_NotesSlide, CT_Slide
from pptx.parts.image import Image, ImagePart
from pptx.parts.slide import NotesMasterPart, SlidePart
from pptx.presentation import Presentation
from pptx.slide import NotesSlide
from pptx.util import Emu

from guide.ooxml import required_child
from guide.render.pptx.archive import ArchiveMemory, deck_bytes
from guide.render.pptx.elements import A, Ink, P, R, ShapeTree, plain_body, plain_paragraphs
from guide.render.pptx.internals import forget_relationships, new_relationship
from guide.render.slides.geometry import Box
from guide.session import BuildSession
from guide.template import all_layouts, open_template


@contextmanager
def template_package(path: Path, session: BuildSession) -> Iterator[DeckPackage]:
    """The package of the template at ``path``, emptied of slides, for writing one deck.

    The session keeps it open, by the template's contents, for the next deck. The deck's
    slides are removed again afterwards; if writing failed half-way, the package is dropped
    instead and the next deck opens the template afresh.
    """
    key = session.digest(path)
    package = session.made(PACKAGE_KIND, key, lambda: DeckPackage(open_template(path)), keep=KEPT_PACKAGES)
    try:
        yield package
    except BaseException:
        session.forget(PACKAGE_KIND, key)
        raise
    package.empty()


SECTIONS_EXTENSION = "{521415D9-36F7-43E2-AB2F-B90AF26B5E84}"
P14 = "{http://schemas.microsoft.com/office/powerpoint/2010/main}"
"""PowerPoint 2010's extension that names sections of slides."""
SIZE_TYPES = {(9144000, 6858000): "screen4x3", (9144000, 5143500): "screen16x9", (9144000, 5715000): "screen16x10"}
"""The slide sizes (EMU) PowerPoint names in ``p:sldSz``'s ``type``; any other, its 13.33 x 7.5 in widescreen
among them, it writes with no type, as a custom size."""
PACKAGE_KIND = "template-package"
KEPT_PACKAGES = 8
"""Open templates a session keeps: a build serves a few at most (one per course)."""


class DeckPackage:
    """A template emptied of its sample slides, to which a deck's slides are added in order."""

    FIRST_SLIDE_ID = 256
    """PowerPoint numbers slides in the slide list from 256."""

    def __init__(self, deck: Presentation) -> None:
        self.deck = deck
        self._numbers: dict[str, int] = {}
        self._images: dict[str, ImagePart] = {}
        """The pictures this deck added, by their bytes' SHA-1, as python-pptx finds them to store each once."""
        self._slides: list[Part] = []
        """This deck's slides, in order."""
        self._slide_list = deck.slides.element
        self.samples = sample_slides(deck)
        """The template's sample slides (element, part), kept for the branding a deck carries from them."""
        self.empty()
        self._layouts = [layout.part for layout in all_layouts(deck)]
        self._notes_master = deck.part.notes_master_part  # created now if the template has none, so it is named below
        package = deck.part.package
        changing = (deck.part, package.core_properties)  # core properties created now too, if the template has none
        self._before_slides, self._after_slides = _template_parts(deck)
        parts = {*self._before_slides, *self._after_slides}
        self._names = {str(part.partname) for part in parts}
        self._template_images = _images(package)
        self._template_image_numbers = [number for number in (_image_number(part.partname) for part in parts) if number]
        self.unchanging: frozenset[Part] = frozenset(parts.difference(changing))
        """The template's parts that no deck changes: all but the presentation (its slide list and size) and its properties."""
        self._notes = _notes_prototype(self._notes_master)
        self.memory = ArchiveMemory()
        """What writing one deck of this package leaves for writing the next."""

    def empty(self) -> None:
        """Take every slide away (with its notes and pictures, which only slides refer to), and count names afresh."""
        _remove_slides(self.deck)
        forget_relationships(self._slides)
        self._numbers.clear()
        self._images.clear()
        self._slides.clear()

    def add_slide(self, layout_index: int, color_map: Sequence[tuple[str, str]] = ()) -> tuple[Part, CT_Slide]:
        """A new last slide on the layout at ``layout_index``, and its XML's root, holding an empty shape tree.

        A layout's own ``color_map`` is stated on the slide too: a new slide says "the master's
        colour map", under which PowerPoint shows a dark layout's text dark. The part's bytes
        are given by :meth:`write_slide` once its shapes are all added.
        """
        part = Part(self._next_name("/ppt/slides/slide%d.xml"), CT.PML_SLIDE, self.deck.part.package)
        new_relationship(part, self._layouts[layout_index], RT.SLIDE_LAYOUT)
        element = CT_Slide.new()
        if color_map:
            override = required_child(element, f"{P}clrMapOvr")
            override.clear()
            SubElement(override, f"{A}overrideClrMapping", dict(color_map))
        self._slides.append(part)
        slide_id = str(self.FIRST_SLIDE_ID + len(self._slide_list))
        SubElement(self._slide_list, f"{P}sldId", {"id": slide_id, f"{R}id": new_relationship(self.deck.part, part, RT.SLIDE)})
        return part, element

    @staticmethod
    def write_slide(part: Part, element: CT_Slide, tree: ShapeTree) -> None:
        """The slide's bytes: its XML's root as lxml serialises it, with the shapes ``tree`` holds as text."""
        part.blob = tree.written(serialize_part_xml(element))

    def size_slides(self, width: int, height: int) -> None:
        """Make every slide ``width`` x ``height`` EMU, with the size's type where PowerPoint names it, and none where it
        names none, so the type never contradicts the size (a template's base says ``screen4x3``)."""
        self.deck.slide_width, self.deck.slide_height = Emu(width), Emu(height)
        size = required_child(self.deck.element, f"{P}sldSz")
        if (width, height) in SIZE_TYPES:
            size.set("type", SIZE_TYPES[width, height])
        elif "type" in size.attrib:
            del size.attrib["type"]

    def name_sections(self, sections: Sequence[str]) -> None:
        """Group the deck's slides in named sections, as PowerPoint's Add Section does: ``sections`` names each slide's.

        Runs of slides with one name make one section. A template's own sections (of its sample
        slides, now gone) are replaced.
        """
        presentation = self.deck.element
        extensions = presentation.find(f"{P}extLst")
        if extensions is None:
            extensions = SubElement(presentation, f"{P}extLst")
        for extension in extensions.findall(f"{P}ext[@uri='{SECTIONS_EXTENSION}']"):
            extensions.remove(extension)
        listing = SubElement(SubElement(extensions, f"{P}ext", uri=SECTIONS_EXTENSION), f"{P14}sectionLst", nsmap={"p14": P14[1:-1]})
        ids = [slide_id.get("id", "") for slide_id in self._slide_list]
        for index, (name, group) in enumerate(itertools.groupby(zip(sections, ids, strict=True), key=lambda pair: pair[0])):
            section = SubElement(listing, f"{P14}section", name=name, id=f"{{{uuid.uuid5(uuid.NAMESPACE_URL, f'{index}:{name}')}}}".upper())
            slides = SubElement(section, f"{P14}sldIdLst")
            for _, slide_id in group:
                SubElement(slides, f"{P14}sldId", id=slide_id)

    def written(self) -> bytes:
        """The deck as a .pptx file."""
        return deck_bytes(self.deck.part.package, self.parts(), self.memory, self.unchanging)

    def parts(self) -> list[Part]:
        """Every part of the deck, in the order python-pptx's walk of the package reaches them (it writes them so).

        The walk goes depth first, each part where first reached; the deck's slides, related to the
        presentation after all it relates to in the template, come after the parts reached from those.
        Walking the template's parts again for each deck was a tenth of writing it.
        """
        added: list[Part] = []
        reached = set(self._before_slides)
        for slide in self._slides:
            _reach(slide, reached, added)
        return [*self._before_slides, *added, *(part for part in self._after_slides if part not in reached)]

    def add_notes(self, slide: Part, lines: Iterable[str], language: str) -> None:
        """Speaker notes for ``slide``, one paragraph per line, on the template's notes page."""
        head, tail = self._notes
        blob = b"".join((head, plain_paragraphs(lines, language).encode("utf-8"), tail))
        part = Part(self._next_name("/ppt/notesSlides/notesSlide%d.xml"), CT.PML_NOTES_SLIDE, self.deck.part.package, blob)
        new_relationship(part, self._notes_master, RT.NOTES_MASTER)
        new_relationship(part, slide, RT.SLIDE)
        new_relationship(slide, part, RT.NOTES_SLIDE)

    def add_picture(
        self,
        slide: Part,
        tree: ShapeTree,
        file: Path | IO[bytes],
        box: Box,
        name: str,
        description: str,
        frame: tuple[Ink, float] | None = None,
    ) -> None:
        """The picture in ``file`` (a path or PNG bytes) stretched to ``box``, outlined by ``frame`` (colour, width);
        without a ``description`` it is marked decorative."""
        tree.picture(slide.relate_to(self._image(file), RT.IMAGE), box, name, description, frame)

    def _image(self, file: Path | IO[bytes]) -> ImagePart:
        """The package's part for the picture in ``file``: a template's, one this deck added, or a new one.

        python-pptx finds it, and numbers a new one, by walking every part of the package for each
        picture; the template's pictures and numbers are known from the walk made when it was opened.
        """
        image = Image.from_file(str(file) if isinstance(file, Path) else file)
        part = self._template_images.get(image.sha1) or self._images.get(image.sha1)
        if part is None:
            taken = sorted([*self._template_image_numbers, *(_image_number(part.partname) for part in self._images.values())])
            number = next((number for number, used in enumerate(taken, start=1) if number < used), len(taken) + 1)
            partname = PackURI(f"/ppt/media/image{number}.{image.ext}")
            part = self._images[image.sha1] = ImagePart(partname, image.content_type, self.deck.part.package, image.blob, image.filename)
        return part

    def _next_name(self, pattern: str) -> PackURI:
        number = self._numbers.get(pattern, 0)
        while True:
            number += 1
            if pattern % number not in self._names:
                self._numbers[pattern] = number
                return PackURI(pattern % number)


def _reach(part: Part, reached: set[Part], added: list[Part]) -> None:
    """Add ``part`` to ``added`` and ``reached``, then each part it relates to not reached yet, depth first.

    A function of its own rather than one nested in :meth:`DeckPackage.parts`: a nested function
    that calls itself is a reference cycle, which only a full garbage collection frees.
    """
    added.append(part)
    reached.add(part)
    for relationship in part.rels.values():
        if not relationship.is_external and relationship.target_part not in reached:
            _reach(relationship.target_part, reached, added)


def _template_parts(deck: Presentation) -> tuple[list[Part], list[Part]]:
    """The template's parts in the order python-pptx's walk reaches them: those before the place where a deck's
    slides are reached, and those after it (the walk is made once, with a stand-in slide there)."""
    stand_in = Part(PackURI("/ppt/slides/stand-in.xml"), CT.PML_SLIDE, deck.part.package)
    relationship = new_relationship(deck.part, stand_in, RT.SLIDE)
    try:
        parts = list(deck.part.package.iter_parts())
    finally:
        deck.part.rels.pop(relationship)
    at = parts.index(stand_in)
    return parts[:at], parts[at + 1 :]


def _image_number(name: PackURI) -> int:
    """N of a part named ``/ppt/media/imageN.ext``, as python-pptx numbers new pictures after them; 0 for any other."""
    return (name.idx or 0) if name.startswith("/ppt/media/image") else 0


def _images(package: OpcPackage) -> dict[str, ImagePart]:
    """The package's pictures by their bytes' SHA-1: the first of each, in the order python-pptx finds them."""
    images: dict[str, ImagePart] = {}
    for relationship in package.iter_rels():
        if relationship.reltype == RT.IMAGE and not relationship.is_external:
            part = relationship.target_part
            if isinstance(part, ImagePart):  # not an SVG's
                images.setdefault(part.sha1, part)
    return images


def sample_slides(deck: Presentation) -> list[tuple[_Element, SlidePart]]:
    """The template's sample slides, before they are taken away; their pictures renamed apart from those decks add."""
    samples = []
    renamed = 0
    for slide in deck.slides:
        part = slide.part
        for relationship in part.rels.values():
            if relationship.reltype == RT.IMAGE and not relationship.is_external:
                image = relationship.target_part
                if not str(image.partname).startswith("/ppt/media/sample-"):
                    renamed += 1
                    image.partname = PackURI(f"/ppt/media/sample-image{renamed}{Path(str(image.partname)).suffix}")
        samples.append((slide.element, part))
    return samples


def _remove_slides(deck: Presentation) -> None:
    """Drop every slide (a template's samples, a deck's own): the deck holds only what the plan says.

    A slide's relationship goes as python-pptx's ``drop_rel`` drops it, once fewer than two
    references to it are left, but with the presentation's references counted once, not again
    for every slide (half the time of emptying a deck went to counting).
    """
    slide_ids = deck.slides.element
    references = collections.Counter(deck.element.xpath("//@r:id"))
    for slide_id in list(slide_ids):
        slide_ids.remove(slide_id)
        references[slide_id.rId] -= 1
        if references[slide_id.rId] < 2:
            deck.part.rels.pop(slide_id.rId)


NOTES_MARK = "notes"
"""A comment marking where a notes page's paragraphs go, in its serialised prototype."""


def _notes_prototype(master: NotesMasterPart) -> tuple[bytes, bytes]:
    """A notes slide with the master's slide image, notes and number placeholders, as PowerPoint makes one:
    its XML before and after the notes' paragraphs."""
    element = CT_NotesSlide.new()
    # python-pptx types a slide's part as required; cloning placeholders never reads it, and the part is made later.
    NotesSlide(element, None).clone_master_placeholders(master.notes_master)  # type: ignore[arg-type]
    tree = ShapeTree(required_child(element, f"{P}cSld/{P}spTree"))
    mark = Comment(NOTES_MARK)
    body = _notes_body(element)
    if body is None:
        tree.placeholder((("type", "body"), ("idx", "1")), "Notes Placeholder", None, plain_body(str(tostring(mark, encoding=str))))
    else:
        for paragraph in body.findall(f"{A}p"):
            body.remove(paragraph)
        body.append(mark)
    head, _, tail = tree.written(serialize_part_xml(element)).partition(tostring(mark))
    return head, tail


def _notes_body(element: _Element) -> _Element | None:
    """The text body of a notes slide's notes placeholder (one is added if the placeholder has none); None without one."""
    for shape in element.iter(f"{P}sp"):
        placeholder = shape.find(f"{P}nvSpPr/{P}nvPr/{P}ph")
        if placeholder is not None and placeholder.get("type") == "body":
            body = shape.find(f"{P}txBody")
            if body is None:
                body = SubElement(shape, f"{P}txBody")
                SubElement(body, f"{A}bodyPr")
                SubElement(body, f"{A}lstStyle")
            return body
    return None
