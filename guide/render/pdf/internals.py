"""The one module that relies on reportlab's internals: font registries, line breaks, images, page content, tagging.

Each use is something reportlab has no public way to do: forget a font registered from other
bytes, keep the lines a paragraph was broken into, draw a picture from an image object made
once, and, for a tagged PDF, reach a page's content as it is drawn, its annotations, the
document's objects and pages, and the text object's line writer. A reportlab upgrade that
changes these internals is caught by the tests that guard them (tests/test_session.py,
tests/test_determinism.py, tests/test_tagged_pdf.py and the PDF tests, which compare bytes);
tests/test_architecture.py keeps every other module off them.
"""

from __future__ import annotations

import copy
import io
import re
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from string import whitespace
from types import MethodType
from typing import Any, NamedTuple, cast

from reportlab import rl_config
from reportlab.lib.abag import ABag
from reportlab.lib.enums import TA_JUSTIFY, TA_LEFT
from reportlab.lib.rl_accel import escapePDF, fp_str
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import ImageReader, _digester  # type: ignore[attr-defined]  # private, not in its stubs
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfdoc import (
    NoEncryption,
    OutlineEntryObject,
    PDFCrossReferenceTable,
    PDFDictionary,
    PDFDocument,
    PDFFile,
    PDFImageXObject,
    PDFObject,
    PDFObjectReference,
    PDFString,
    PDFTrailer,
)
from reportlab.pdfbase.pdfdoc import format as pdf_format
from reportlab.pdfbase.ttfonts import ShapedStr, TTFont, TTFontFile
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.textobject import PDFTextObject
from reportlab.platypus import BaseDocTemplate, Flowable
from reportlab.platypus import Paragraph as PlainParagraph
from reportlab.platypus.paragraph import (  # type: ignore[attr-defined]  # private, not in its stubs
    _FK_BREAK,
    _FK_TEXT,
    _FUZZ,
    FragLine,
    ParaLines,
    _do_line,
    _do_post_text,
    _drawBullet,
    _getFragWords,
    _handleBulletWidth,
    _HSFrag,
    _hyphenateFragWord,
    _hyphenateWord,
    _InjectedFrag,
    _processed_frags,
    _setTXLineProps,
    _SHYWord,
    _SplitFrag,
    _SplitFragH,
    _SplitFragHS,
    _SplitFragHY,
    _SplitFragLL,
    _splitFragWord,
    _SplitWord,
    _splitWord,
    _SplitWordH,
    _trailingSpaceLength,
    _wsc_re_split,
    hyphenationMinWordLength,
    lstrip,
    setXPos,
    strip,
    textTransformFrags,
)
from reportlab.platypus.paraparser import ParaFrag, ParaParser
from reportlab.rl_config import paraFontSizeHeightOffset

DIGEST = "digest"
"""The attribute a registered font keeps the SHA-256 of its file's bytes in."""


def registered_digest(name: str) -> str | None:
    """The SHA-256 of the bytes the font registered (or to be registered, see ``register_when_used``) as ``name`` is read from."""
    fonts = pdfmetrics._fonts  # type: ignore[attr-defined]  # private, not in its stubs
    if isinstance(fonts, _FontsWhenUsed) and name in fonts.announced:
        return fonts.announced[name][0]
    return getattr(fonts.get(name), DIGEST, None)


def register_when_used(name: str, digest: str, make: Callable[[], TTFont]) -> None:
    """Have reportlab register the font ``make`` reads (from bytes of SHA-256 ``digest``) as ``name`` when a document first uses it.

    Reading a face (reportlab parses all its tables) took 6 ms, and a sheet uses five of its
    two families' eight faces: a bold italic, say, is read only for the text that asks for it.
    What was registered under ``name`` before, from other bytes, is forgotten now.
    """
    fonts = pdfmetrics._fonts  # type: ignore[attr-defined]  # private, not in its stubs
    if not isinstance(fonts, _FontsWhenUsed):
        fonts = pdfmetrics._fonts = _FontsWhenUsed(fonts)  # type: ignore[attr-defined]
    fonts.pop(name, None)
    fonts.announced[name] = (digest, make)


class _FontsWhenUsed(dict[str, Any]):
    """reportlab's registry of fonts by name, which registers an announced font on its first lookup.

    reportlab's functions look a font up as ``_fonts[name]`` (``getFont``, and through it
    ``stringWidth``, the canvas and paragraphs), so a name missing from the registry comes
    here before reportlab's own fallback.
    """

    def __init__(self, registered: dict[str, Any]) -> None:
        super().__init__(registered)
        self.announced: dict[str, tuple[str, Callable[[], TTFont]]] = {}

    def __missing__(self, name: str) -> Any:
        announced = self.announced.pop(name, None)
        if announced is None:
            raise KeyError(name)
        font = announced[1]()
        forget_other_bytes(name, font)
        # As ``pdfmetrics.registerFont`` registers a TrueType face (one font object per face
        # name, shared by the names registered for it), but for the family mappings it adds:
        # ``fonts.register`` made them already, and these would undo them (a bold run in a
        # regular paragraph drawn regular).
        faces = pdfmetrics._dynFaceNames  # type: ignore[attr-defined]  # private, not in its stubs
        shared = faces.setdefault(font.face.name, font)
        self[name] = shared
        return shared


def forget_other_bytes(name: str, font: TTFont) -> None:
    """Take fonts made from other bytes out of reportlab's registry, which keeps the first under a name or face name.

    reportlab shares one font object among names whose faces are named alike (so a document
    embeds each face once); one made from other bytes of that face must go, or a font file
    edited between two builds in one process would be drawn with its old contents. reportlab
    has no public way to do it; tests/test_session.py guards this.
    """
    # reportlab's private registries are not in its type stubs
    pdfmetrics._fonts.pop(name, None)  # type: ignore[attr-defined]
    shared = pdfmetrics._dynFaceNames.get(font.face.name)  # type: ignore[attr-defined]
    if shared is not None and getattr(shared, DIGEST, None) != getattr(font, DIGEST, None):
        del pdfmetrics._dynFaceNames[font.face.name]  # type: ignore[attr-defined]


# Attributes reportlab documents nowhere, read here only (tests/test_architecture.py keeps other modules off them).


def object_numbers(document: PDFDocument) -> dict[str, tuple[int, int]]:
    """Each named object's number and generation in ``document``, once numbered: for writing references to it directly."""
    numbers: dict[str, tuple[int, int]] = document.idToObjectNumberAndVersion
    return numbers


def font_resources(document: PDFDocument) -> dict[str, Any]:
    """The document's fonts by their names in it (``F1+0``), where reportlab files each font it embeds."""
    fonts: dict[str, Any] = cast(PDFDictionary, document.idToObject["BasicFonts"]).dict
    return fonts


def glyph_starts(face: TTFontFile) -> list[int]:
    """Where each glyph's data starts in a face's glyph table, and (last) where the last one's ends."""
    starts: list[int] = face.glyphPos
    return starts


def assigned_codes(font: TTFont, document: PDFDocument) -> dict[int, int] | None:
    """The code each character ``font`` drew in ``document`` has in its subsets (256 a subset); None before it drew any."""
    used = font.state.get(document)
    return None if used is None else cast(dict[int, int], used.assignments)  # type: ignore[attr-defined]  # not in its stubs


def closed_subsets(font: TTFont, document: PDFDocument) -> list[list[int]]:
    """The characters of each of ``font``'s subsets in ``document``, which from now on takes no more, as reportlab's own
    embedding of them does first."""
    used = font.state[document]
    used.frozen = 1
    return cast(list[list[int]], used.subsets)


def forget_subsets(font: TTFont, document: PDFDocument) -> None:
    """Drop what ``font`` kept of its subsets in ``document``, once they are embedded, as reportlab does."""
    del font.state[document]


def build_unwritten(document: BaseDocTemplate, story: list[Flowable], canvasmaker: Any) -> None:
    """Lay out and draw ``story`` as ``document.build`` does, but leave the document unwritten: its canvas not saved.

    Of several layouts tried only the one chosen is written; its canvas's ``save()`` then
    writes it, as ``build`` would have. reportlab's own multi-pass builds skip the save with
    this flag.
    """
    document._doSave = 0  # type: ignore[attr-defined]  # reportlab's private flag, not in its stubs
    document.build(story, canvasmaker=canvasmaker)


def new_document(buffer: io.BytesIO, **options: Any) -> BaseDocTemplate:
    """reportlab's document template, without the namespace it keeps for evaluated text, which no story here has.

    That namespace holds the document itself: a reference cycle, which kept the document, and
    its canvas with every page drawn, until a full garbage collection.
    """
    document = BaseDocTemplate(buffer, **options)
    document._nameSpace = {}  # type: ignore[attr-defined]  # private to reportlab, not in its stubs
    return document


WRAP_STATE = ("width", "height", "blPara", "frags", "_wrapWidths", "_width_max", "_splitLongWordCount", "_hyphenations")
"""Everything reportlab's ``Paragraph.wrap`` sets: the lines it broke the text into and what it measured of them."""
SPLIT_STATE = ("blPara", "frags")
"""What of it reportlab's ``Paragraph.split`` changes."""


PARSED_TEXTS = "parsed_texts"
"""The attribute of a paragraph style holding the ``ParsedTexts`` its paragraphs share (see ``share_parsing``)."""

KEPT_PARSES = 2_000
"""Texts a look keeps parsed before it starts afresh: a few topics' sheets and keys, some megabytes at most."""
KEPT_WRAPS = 400
"""Texts a look keeps broken into lines, at one width each, the latest kept: a topic's documents wrap some 150."""
KEPT_WIDTHS = 5_000
"""Words a look keeps measured, per face and size, before it starts afresh: some half a megabyte each."""


class ParsedTexts:
    """What paragraphs' texts parsed into (reportlab's fragments), per text, style and bullet, and the lines they broke into.

    reportlab parses a paragraph's markup anew for every paragraph made, a quarter of laying out an
    answer key: the study sheet and the key of a topic, and every layout tried of each, make
    paragraphs of the same texts in the same styles, and break them into lines at the same
    widths (the key's sources, the quiz paper's questions in its teacher's copy). Kept by the
    styles of one look, which the build session keeps.
    """

    def __init__(self) -> None:
        self._parsed: dict[tuple[Any, ...], tuple[Any, ...]] = {}
        self._wraps: OrderedDict[tuple[Any, ...], dict[str, Any]] = OrderedDict()
        self._shapes: dict[tuple[Any, ...], Shape] = {}
        self._widths: dict[tuple[str, float], dict[str, float]] = {}
        self.spaces: dict[tuple[str, float], float] = {}
        """A space's width in each font and size its texts use."""
        self.bounds: dict[tuple[str, float], tuple[float, float]] = {}
        """Each font's ascent and descent at each size its texts use."""

    def get(self, key: tuple[Any, ...]) -> tuple[Any, ...] | None:
        return self._parsed.get(key)

    def keep(self, key: tuple[Any, ...], parsed: tuple[Any, ...]) -> None:
        if len(self._parsed) >= KEPT_PARSES:
            self._parsed.clear()
        self._parsed[key] = parsed

    def shape(self, key: tuple[Any, ...]) -> Shape | None:
        """The fragments a text of this markup, style and case sensitivity parsed into, each text's place in them; None if none was kept."""
        return self._shapes.get(key)

    def keep_shape(self, key: tuple[Any, ...], shape: Shape) -> None:
        if len(self._shapes) >= KEPT_PARSES:
            self._shapes.clear()
        self._shapes[key] = shape

    def wrapped(self, key: tuple[Any, ...]) -> dict[str, Any] | None:
        """What a wrap set on a paragraph of this parse key, type and width, as its first wrap; None if none was kept."""
        return self._wraps.get(key)

    def keep_wrapped(self, key: tuple[Any, ...], wrapped: dict[str, Any]) -> None:
        if len(self._wraps) >= KEPT_WRAPS:
            self._wraps.popitem(last=False)  # the first kept: the topics before are done
        self._wraps[key] = wrapped

    def word_widths(self, font_name: str, size: float) -> dict[str, float]:
        """The widths of the words measured in the font ``font_name`` at ``size``, by word, for the caller to read and add to.

        Breaking a text into lines measures each of its words; most words of a text (the, of, and,
        a name) were measured before, in this look's other texts.
        """
        widths = self._widths.get((font_name, size))
        if widths is None or len(widths) >= KEPT_WIDTHS:
            widths = self._widths[(font_name, size)] = {}
        return widths


def share_parsing(styles: Iterable[ParagraphStyle]) -> None:
    """Paragraphs in ``styles`` (and in styles made from them) share one ``ParsedTexts``."""
    parsed = ParsedTexts()
    for style in styles:
        setattr(style, PARSED_TEXTS, parsed)


def _own(fragments: Any) -> Any:
    """Copies of parsed fragments for one paragraph: reportlab changes a fragment's class where it splits a paragraph."""
    return [_copied(fragment) for fragment in fragments] if isinstance(fragments, list) else fragments


def _copied(fragment: Any) -> Any:
    """``copy.copy(fragment)``, made directly for reportlab's fragments (plain objects: a class and attributes)."""
    if not isinstance(fragment, ABag):
        return copy.copy(fragment)
    copied = object.__new__(type(fragment))
    copied.__dict__.update(fragment.__dict__)
    return copied


class Paragraph(PlainParagraph):
    """reportlab's paragraph, broken into lines once for each width it is wrapped to.

    Laying out a sheet asks a paragraph's height several times at one width (to balance the
    columns, to keep a heading with what follows, to split at a page end, to draw), and
    reportlab breaks the text into lines again each time: most of a sheet's time. What a wrap
    sets is kept per width and set back when that width is asked again, so what is drawn is
    always what the last wrap measured, as without the kept lines.

    A paragraph's first wrap is shared with the paragraphs of the same text and style first
    wrapped to the same width (``ParsedTexts``): the same lines, which drawing only reads. A
    split changes them (reportlab marks the words it breaks at, and spaces a line's last word),
    so a paragraph about to split first takes copies of its own.
    """

    def _setup(self, text: Any, style: Any, bulletText: Any, frags: Any, cleaner: Any) -> None:  # noqa: N803 - reportlab's names
        """reportlab's parse of the text into fragments, or the fragments the same text parsed into before in this style.

        The same attributes are set, as reportlab's own ``_setup`` sets them, each paragraph with fragments of its own.
        """
        parsed: ParsedTexts | None = getattr(style, PARSED_TEXTS, None)
        if frags is not None or parsed is None or not isinstance(bulletText, str | None):
            super()._setup(text, style, bulletText, frags, cleaner)  # type: ignore[misc]  # private to reportlab, not in its stubs
            return
        key = (text, style, bulletText, self.caseSensitive)
        kept = parsed.get(key)
        if kept is None:
            kept = parsed_like_before(cleaner(text), style, bulletText, self.caseSensitive, parsed)
            if kept is None:
                super()._setup(text, style, bulletText, frags, cleaner)  # type: ignore[misc]  # private to reportlab, not in its stubs
                kept = (self.text, self.frags, self.style, self.bulletText)
            parsed.keep(key, kept)
        self.text, fragments, self.style, bullet = kept
        self.frags, self.bulletText = _own(fragments), _own(bullet)
        self.debug = 0
        self._shared_by = (parsed, (type(self), *key))

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 - reportlab's names
        state: dict[str, Any] = vars(self)
        kept: dict[float, dict[str, Any]] = state.setdefault("_kept_wraps", {})
        wrapped = kept.get(availWidth)
        shared: tuple[ParsedTexts, tuple[Any, ...]] | None = state.get("_shared_by") if not kept else None
        if wrapped is None and shared is not None:  # a first wrap, of the fragments as parsed: another's is the same
            wrapped = shared[0].wrapped((*shared[1], availWidth))
            if wrapped is not None:
                kept[availWidth] = wrapped
                state["_shares_lines"] = True
        if wrapped is not None:
            state.update(wrapped)
            return self.width, self.height
        size: tuple[float, float] = super().wrap(availWidth, availHeight)
        if availWidth >= _FUZZ:  # narrower, reportlab sets nothing
            kept[availWidth] = {name: state[name] for name in WRAP_STATE if name in state}
            if shared is not None:
                shared[0].keep_wrapped((*shared[1], availWidth), kept[availWidth])
                state["_shares_lines"] = True
        return size

    def breakLines(self, width: Any) -> Any:  # noqa: N802 - reportlab's name
        """reportlab's line breaking; for a paragraph of plain runs of text, the same lines found faster (``break_runs``, or
        ``break_words`` for a single run)."""
        if runs_only(self):
            return break_runs(self, width)
        if one_run_only(self):
            return break_words(self, width)
        return super().breakLines(width)

    def drawPara(self, debug: int = 0) -> None:  # noqa: N802 - reportlab's name
        """reportlab's drawing of the lines; for a paragraph of runs of text set left or justified, the same text object
        written faster (``draw_runs``)."""
        if debug or not draws_runs(self):
            super().drawPara(debug)
            return
        draw_runs(self)

    def least_wrapped_height(self, available_width: float) -> float:
        """A height a wrap to any width never gives less than, found without breaking the text into lines: one line's
        leading for a text with a letter or digit in it (reportlab sets a line's height so), else none."""
        frags = self.frags
        if getattr(self, "autoLeading", getattr(self.style, "autoLeading", "")) not in ("", "off") or _processed_frags(frags):
            return 0.0
        letters = (character.isalnum() for run in frags for character in getattr(run, "text", ""))
        return float(self.style.leading) if any(letters) else 0.0

    def split(self, availWidth: float, availHeight: float) -> list[Any]:  # noqa: N803 - reportlab's names
        """reportlab's split, with lines moved on until the part on this page ends in a whole word.

        A word broken at a line end is read on across the line; broken across a page (or a
        column) its halves are a page turn apart.
        """
        self._own_lines()
        room = availHeight
        parts: list[Any] = super().split(availWidth, room)
        while len(parts) == 2 and _ends_broken(parts[0]):
            room -= self.style.leading
            parts = super().split(availWidth, room) if room > 0 else []
        return parts

    def _own_lines(self) -> None:
        """Copies of the lines and fragments this paragraph shares with others, in place of theirs, before a split changes them.

        Everything a wrap kept is copied together, so what its widths share among themselves they share still.
        """
        state: dict[str, Any] = vars(self)
        if not state.pop("_shares_lines", False):
            return
        memo: dict[int, Any] = {}
        kept: dict[float, dict[str, Any]] = state["_kept_wraps"]
        for width, wrapped in list(kept.items()):
            kept[width] = {name: deep_copied(value, memo) if name in SPLIT_STATE else value for name, value in wrapped.items()}
        for name in SPLIT_STATE:
            if name in state:
                state[name] = deep_copied(state[name], memo)


_AS_IS = frozenset({str, int, float, bool, type(None), bytes})
"""What ``copy.deepcopy`` returns itself, never copied."""
PLAIN_OBJECTS = frozenset({ABag, ParaFrag, ParaLines, FragLine})
"""reportlab's classes of lines and fragments that are attributes only: copied as ``copy.deepcopy`` copies them."""
PLAIN_LISTS = frozenset({_HSFrag, _InjectedFrag, _SplitFrag, _SplitFragH, _SplitFragHY, _SplitFragHS, _SplitFragLL})
"""reportlab's lists of a word's fragments, marked by class, with no attributes of their own."""
_NOT_COPIED = object()


def deep_copied(value: Any, memo: dict[int, Any]) -> Any:
    """``copy.deepcopy(value, memo)``, made directly for the lists, tuples, dicts and plain objects of reportlab's lines
    and fragments (anything else is left to ``copy.deepcopy``): what the originals share, their copies share."""
    kind = type(value)
    if kind in _AS_IS:
        return value
    copied = memo.get(id(value), _NOT_COPIED)
    if copied is not _NOT_COPIED:
        return copied
    if kind is tuple:
        items = [deep_copied(item, memo) for item in value]
        copied = memo.get(id(value), _NOT_COPIED)  # the tuple met again inside itself
        if copied is not _NOT_COPIED:
            return copied
        if all(item is original for item, original in zip(items, value, strict=True)):
            return value
        copied = memo[id(value)] = tuple(items)
        return copied
    if kind is list or kind in PLAIN_LISTS:
        copied = memo[id(value)] = kind()
        if kind is not list and vars(value):
            copied.__dict__.update(deep_copied(vars(value), memo))
        copied.extend([deep_copied(item, memo) for item in value])
        return copied
    if kind is dict:
        copied = memo[id(value)] = {}
        for key, item in value.items():
            copied[deep_copied(key, memo)] = deep_copied(item, memo)
        return copied
    if kind in PLAIN_OBJECTS:
        copied = memo[id(value)] = object.__new__(kind)
        state = vars(value)
        if state:
            copied.__dict__.update(deep_copied(state, memo))
        return copied
    return copy.deepcopy(value, memo)


_MARKUP_TOKEN = re.compile(r"<[^<>]*>|&[^;&<>\s]*;")
"""A tag or an entity in paragraph markup."""
_PLAIN_TOKEN = re.compile(
    r'</?(?:b|i|u|super|bullet|font|a)>|<font(?: (?:color|name|size)="[^"<>&]*")+>|<a href="[^"<>&]*"(?: color="[^"<>&]*")?>'
    r"|&(?:amp|lt|gt|quot|#[0-9]{1,7}|#x[0-9a-fA-F]{1,6});"
)
"""The tags and entities whose fragments reportlab's parser makes from the tag and the style alone: styles and links, no
marks, breaks, images or numbering."""
TEXT = "\x00"
"""Where a piece of text stands in the shape of some markup."""
_TEXT_OR_ENTITY = re.compile(r"\x00|&[^;]*;")


def markup_shape(markup: str) -> tuple[str, list[str]] | None:
    """The markup with each piece of text between its tags and entities replaced by ``TEXT``, and those pieces; None for
    markup with other tags (``_PLAIN_TOKEN``), a stray ``<`` or ``&``, or a ``TEXT`` of its own."""
    if TEXT in markup:
        return None
    shape: list[str] = []
    pieces: list[str] = []
    at = 0
    for token in _MARKUP_TOKEN.finditer(markup):
        if not _PLAIN_TOKEN.fullmatch(token.group()):
            return None
        if token.start() > at:
            pieces.append(markup[at : token.start()])
            shape.append(TEXT)
        shape.append(token.group())
        at = token.end()
    if at < len(markup):
        pieces.append(markup[at:])
        shape.append(TEXT)
    if any("<" in piece or "&" in piece for piece in pieces):
        return None
    return "".join(shape), pieces


@dataclass(frozen=True)
class Shape:
    """What reportlab's parser made of markup of one shape in one style: a fragment per piece of text or entity, in order.

    ``made`` holds for each (in the bullet's fragments or the text's, the fragment, the index of the piece of text it
    holds, or None for an entity's). Markup of the same shape parses into the same fragments with other pieces of text.
    """

    made: tuple[tuple[bool, Any, int | None], ...]

    def filled(self, pieces: list[str]) -> tuple[list[Any], list[Any]]:
        """The fragments of the text and of the bullet, holding ``pieces``."""
        text: list[Any] = []
        bullet: list[Any] = []
        for in_bullet, fragment, index in self.made:
            (bullet if in_bullet else text).append(_clone(fragment, fragment.text if index is None else pieces[index]))
        return text, bullet


class _NotingParser(ParaParser):
    """reportlab's paragraph parser, noting each piece of text it is handed and where its fragment went."""

    def __init__(self) -> None:
        super().__init__()
        self.handed: list[tuple[str, int, int]] = []
        """Each piece of text, with how many fragments of the text and of the bullet it added."""

    def handle_data(self, data: str) -> None:
        counts = len(self.fragList), len(getattr(self, "bFragList", ()))
        super().handle_data(data)
        self.handed.append((data, len(self.fragList) - counts[0], len(getattr(self, "bFragList", ())) - counts[1]))


def parsed_like_before(markup: str, style: Any, bullet: Any, case_sensitive: int, parsed: ParsedTexts) -> tuple[Any, ...] | None:
    """(text, fragments, style, bullet) as reportlab's ``Paragraph._setup`` sets them for ``markup`` (cleaned of its line
    breaks), made from the fragments of markup of the same shape parsed before, else parsed and kept as its shape's;
    None for markup parsed only by reportlab's own paragraph (see ``markup_shape``).

    reportlab's parser (Python's HTML parser, then a handler for each tag and each piece of text) took a sixth of a
    study sheet's time; most texts share a few shapes: plain, with a word in bold, in italics, with a link.
    """
    shaped = markup_shape(markup)
    if shaped is None or style.textTransform:
        return None
    shape_text, pieces = shaped
    key = (shape_text, style, case_sensitive)
    shape = parsed.shape(key)
    if shape is not None:
        fragments, bullets = shape.filled(pieces)
        return markup, fragments, style, bullets or bullet
    parser = _NotingParser()
    parser.caseSensitive = case_sensitive
    style, fragments, bullets = parser.parse(markup, style)
    if fragments is None:
        return None  # reportlab's paragraph says what is wrong
    textTransformFrags(fragments, style)
    shape = _shape_of(parser.handed, fragments, bullets or [], pieces, shape_text)
    if shape is not None:
        parsed.keep_shape(key, shape)
    return markup, fragments, style, bullets or bullet


def _shape_of(handed: list[tuple[str, int, int]], fragments: list[Any], bullets: list[Any], pieces: list[str], shape: str) -> Shape | None:
    """The shape the parser's fragments make of the pieces of text it was handed, if it was handed each piece of the markup's
    text and each entity once, in order, and made one fragment of each."""
    kinds = _TEXT_OR_ENTITY.findall(shape)
    if len(handed) != len(kinds):
        return None
    made: list[tuple[bool, Any, int | None]] = []
    counts = {False: 0, True: 0}
    texts = iter(range(len(pieces)))
    for (data, to_text, to_bullet), kind in zip(handed, kinds, strict=True):
        place = next(texts) if kind == TEXT else None
        if (to_text, to_bullet) not in ((1, 0), (0, 1)) or (place is not None and data != pieces[place]):
            return None
        in_bullet = to_bullet == 1
        made.append((in_bullet, (bullets if in_bullet else fragments)[counts[in_bullet]], place))
        counts[in_bullet] += 1
    return Shape(tuple(made))


def one_run_only(paragraph: PlainParagraph) -> bool:
    """Whether ``paragraph`` is what ``break_words`` breaks as reportlab does: one run of text (as parsed, not the words a
    split left), with no soft hyphen, image or mark, on no background, without dots after it, in a style written left to
    right without shaping, hyphenated by a callable."""
    style, frags = paragraph.style, cast(list[Any], paragraph.frags)
    if len(frags) != 1 or style.endDots or style.shaping or style.wordWrap:
        return False
    run = frags[0]
    hyphenator = getattr(style, "hyphenationLang", "")
    if (hyphenator and not callable(hyphenator)) or _processed_frags(frags):
        return False
    return hasattr(run, "text") and not hasattr(run, "cbDefn") and not hasattr(run, "backColor") and "\xad" not in run.text


class _BreakSettings(NamedTuple):
    """What reportlab's ``breakLines`` reads from a paragraph's style before its first word, read once for a paragraph."""

    max_widths: list[Any] | tuple[Any, ...]
    hyphenator: Any
    uri_waste_reduce: Any
    embedded: Any
    hyphenation2: bool
    split_long: Any
    attempt: Any
    least_word: int


def _break_settings(paragraph: Any, width: Any) -> _BreakSettings:
    """The settings ``break_words`` and ``break_runs`` break by, with the paragraph's counts and measures reset as
    ``breakLines`` resets them first and the first line narrowed for a bullet."""
    paragraph._width_max = 0
    max_widths = width if isinstance(width, tuple | list) else [width]  # a bullet narrows the first line in the list given
    paragraph.height = 0
    style = paragraph.style
    hyphenator = getattr(style, "hyphenationLang", "") or None
    uri_waste_reduce = style.uriWasteReduce
    embedded = style.embeddedHyphenation
    attempt = hyphenator or uri_waste_reduce or embedded
    least_word = getattr(style, "hyphenationMinWordLength", hyphenationMinWordLength) if attempt else 0
    paragraph._splitLongWordCount = paragraph._hyphenations = 0
    _handleBulletWidth(paragraph.bulletText, style, max_widths)
    return _BreakSettings(max_widths, hyphenator, uri_waste_reduce, embedded, embedded > 1, style.splitLongWords, attempt, least_word)


def _space_width(spaces: dict[tuple[str, float], float], font_name: str, font_size: float) -> float:
    """A space's width in ``font_name`` at ``font_size``, measured once into ``spaces``."""
    found = spaces.get((font_name, font_size))
    if found is None:
        found = spaces[(font_name, font_size)] = pdfmetrics.stringWidth(" ", font_name, font_size)
    return found


def _ascent_descent(bounds: dict[tuple[str, float], tuple[float, float]], font_name: str, font_size: float) -> tuple[float, float]:
    """The ascent and descent of ``font_name`` at ``font_size``, looked up once into ``bounds``."""
    found = bounds.get((font_name, font_size))
    if found is None:
        found = bounds[(font_name, font_size)] = pdfmetrics.getAscentDescent(font_name, font_size)
    return found


def break_words(paragraph: Any, width: Any) -> Any:
    """reportlab's ``Paragraph.breakLines`` for a paragraph ``one_run_only`` accepts: the same lines of words and measures.

    Its steps in its order, with the same arithmetic; a word's width, a space's and the font's ascent and descent are
    looked up where the paragraph's look measured them before (``ParsedTexts``). tests/test_line_breaks.py compares the two.
    """
    max_widths, hyphenator, uri_waste_reduce, embedded, hyphenation2, split_long, attempt, least_word = _break_settings(paragraph, width)
    lines: list[tuple[float, list[str]]] = []
    lineno = 0
    maxlineno = len(max_widths) - 1
    style = paragraph.style
    max_width = max_widths[0]
    run = paragraph.frags[0]
    font_name, font_size = run.fontName, run.fontSize
    parsed: ParsedTexts | None = getattr(style, PARSED_TEXTS, None)
    ascent, descent = _ascent_descent(parsed.bounds if parsed is not None else {}, font_name, font_size)
    text = strip(run.text)
    if not text:
        return run.clone(kind=0, lines=[], ascent=ascent, descent=descent, fontSize=font_size)
    words = _wsc_re_split(text) if NO_BREAK_SPACE in text else text.split()  # reportlab's ``split``
    measure = pdfmetrics.getFont(font_name).stringWidth
    widths = parsed.word_widths(font_name, font_size) if parsed is not None else {}
    space_width = _space_width(parsed.spaces if parsed is not None else {}, font_name, font_size)
    shrink = style.spaceShrinkage * space_width
    line: list[str] = []
    current_width = -space_width  # as reportlab: no space before a line's first word
    forced_split = 0
    while words:
        word = words.pop(0)
        if not word and isinstance(word, _SplitWord):
            forced_split = 1
        word_width = widths.get(word)
        if word_width is None:
            word_width = widths[word] = measure(word, font_size, encoding="utf8")
        new_width = current_width + space_width + word_width
        limit = max_width + shrink * len(line)
        if new_width > limit and not (isinstance(word, _SplitWordH) or forced_split):
            if attempt:
                allowed = not getattr(run, "nobr", False)
                parts = _hyphenateWord(
                    hyphenator if allowed else None,
                    font_name,
                    font_size,
                    word,
                    word_width,
                    new_width,
                    limit,
                    uri_waste_reduce if allowed else False,
                    embedded and allowed,
                    least_word,
                )
                if parts:
                    words[0:0] = parts
                    paragraph._hyphenations += 1
                    forced_split = 1
                    continue
                if hyphenation2 and len(line):
                    parts = _hyphenateWord(
                        hyphenator if allowed else None,
                        font_name,
                        font_size,
                        word,
                        word_width,
                        word_width,
                        max_width,
                        uri_waste_reduce if allowed else False,
                        embedded and allowed,
                        least_word,
                    )
                    if parts:
                        words[0:0] = [word]
                        forced_split = 1
                        new_width = current_width
                        word = None
            if split_long and not (isinstance(word, _SplitWord) or forced_split):
                nmw = min(lineno, maxlineno)
                if word_width > max(max_widths[nmw : nmw + 1]):
                    words[0:0] = _splitWord(word, current_width + space_width, max_widths, lineno, font_name, font_size, "utf8")
                    paragraph._splitLongWordCount += 1
                    forced_split = 1
                    continue
        if new_width <= limit or not len(line) or forced_split:
            if word:
                line.append(word)
            if forced_split:
                forced_split = 0
                if new_width > paragraph._width_max:
                    paragraph._width_max = new_width
                lines.append((max_width - new_width, line))
                line = []
                current_width = -space_width
                lineno += 1
                max_width = max_widths[min(maxlineno, lineno)]
            else:
                current_width = new_width
        else:
            if current_width > paragraph._width_max:
                paragraph._width_max = current_width
            lines.append((max_width - current_width, line))
            line = [word]
            current_width = word_width
            lineno += 1
            max_width = max_widths[min(maxlineno, lineno)]
    if line:
        if current_width > paragraph._width_max:
            paragraph._width_max = current_width
        lines.append((max_width - current_width, line))
    return run.clone(kind=0, lines=lines, ascent=ascent, descent=descent, fontSize=font_size)


def runs_only(paragraph: PlainParagraph) -> bool:
    """Whether ``paragraph`` is what ``break_runs`` breaks as reportlab does: several runs of text, or its words once broken
    (a split's second part), with no soft hyphens, line breaks, inline images or marks, in a style written left to right
    without shaping, hyphenated by a callable."""
    style, frags = paragraph.style, cast(list[Any], paragraph.frags)  # runs of text, or words: lists of runs
    if not frags or style.shaping or (style.wordWrap and style.wordWrap.upper() in ("RTL", "LTR", "CJK")):
        return False
    hyphenator = getattr(style, "hyphenationLang", "")
    if hyphenator and not callable(hyphenator):
        return False
    if _processed_frags(frags):
        return all(not isinstance(word, _SHYWord) and all(_plain_run(run) for run, _ in word[1:]) for word in frags)
    return len(frags) > 1 and all(_plain_run(run) and "\xad" not in run.text for run in frags)


def _plain_run(run: Any) -> bool:
    return not hasattr(run, "cbDefn") and not hasattr(run, "lineBreak") and hasattr(run, "text")


def _clone(run: Any, text: str) -> Any:
    """``run.clone()`` with ``text``: the same attributes in an object of the same class, made without its ``__init__``."""
    copied = _copied(run)
    copied.text = text
    return copied


NO_BREAK_SPACE = "\xa0"
"""reportlab keeps the words either side of it together, and widens it as a space in a justified line."""


def run_words(runs: list[Any], parsed: ParsedTexts | None) -> list[Any]:
    """reportlab's ``_getFragWords`` for the runs of text of a paragraph ``runs_only`` accepts (none holding a soft
    hyphen): the same words, each a list of its width and its pieces, a word followed by a space an ``_HSFrag``.

    Each word is measured by its font directly, the font looked up once a run rather than once a word, and a word
    measured before in the same font and size (``parsed``'s) is not measured again.
    """
    words: list[Any] = []
    word: list[Any] = []
    width: Any = 0
    leading_space = True  # white space before the first word is dropped
    for run in runs:
        text = run.text
        if text == "":
            continue
        run._fkind = _FK_TEXT
        if leading_space:
            text = lstrip(text)
            if not text:
                continue
            leading_space = False
        measure = pdfmetrics.getFont(run.fontName).stringWidth
        size = run.fontSize
        widths = parsed.word_widths(run.fontName, size) if parsed is not None else {}
        pieces = _wsc_re_split(text) if NO_BREAK_SPACE in text else text.split()  # reportlab's ``split``
        if text[0] in whitespace or not pieces:
            if word:  # the space ends the word the run before left open
                word.insert(0, width)
                words.append(word)
                word = []
                width = 0
                pieces.insert(0, "")
            elif not (words and isinstance(words[-1], _HSFrag)):
                pieces.insert(0, "")
            elif not pieces:
                continue
        last = len(pieces) - 1
        for index, piece in enumerate(pieces):
            piece_width = widths.get(piece)
            if piece_width is None:
                piece_width = widths[piece] = measure(piece, size, encoding="utf8")
            word.append((run, piece))
            width += piece_width
            if index < last or text[-1] in whitespace:  # a space follows
                word.insert(0, width)
                words.append(_HSFrag(word))
                word = []
                width = 0
    if word:
        word.insert(0, width)
        words.append(word)
    if not words and runs:
        first = runs[0]
        first._fkind = _FK_TEXT
        words = [[0, (first, "")]]
    return words


SAME_RUN = ("fontName", "fontSize", "textColor", "rise", "us_lines", "link", "backColor", "nobr")
"""What reportlab's ``sameFrag`` compares of two runs (neither an image nor a line break) to join them in a line."""


def break_runs(paragraph: Any, width: Any) -> Any:
    """reportlab's ``Paragraph.breakLines`` for a paragraph ``runs_only`` accepts: the same lines, words and measures.

    Its steps in its order, with the same arithmetic, so every width and every break is the
    same to the last bit; what it recomputes for every word is looked up instead: whether two
    runs may join (reportlab compares their attributes, a colour's in Python, each time), a
    font's ascent and a space's width. tests/test_line_breaks.py compares the two on generated paragraphs.
    """
    max_widths, hyphenator, uri_waste_reduce, embedded, hyphenation2, split_long, attempt, least_word = _break_settings(paragraph, width)
    lines: list[Any] = []
    lineno = 0
    maxlineno = len(max_widths) - 1
    style = paragraph.style
    shrinkage = style.spaceShrinkage
    max_width = max_widths[0]
    just_breaks = not style.justifyBreaks

    parsed: ParsedTexts | None = getattr(style, PARSED_TEXTS, None)
    spaces, bounds = (parsed.spaces, parsed.bounds) if parsed is not None else ({}, {})
    joins: dict[tuple[int, int], bool] = {}

    def joins_with(kept: Any, run: Any) -> bool:
        """Whether ``run`` may join the line's word made from ``kept`` (its text aside, a clone of ``kept``)."""
        key = (id(kept), id(run))
        found = joins.get(key)
        if found is None:
            kept_values, run_values = kept.__dict__, run.__dict__
            found = joins[key] = [kept_values.get(name) for name in SAME_RUN] == [run_values.get(name) for name in SAME_RUN]
        return found

    def folded(line: tuple[float, float, float], font_name: str, font_size: float) -> tuple[float, float, float]:
        """A line's greatest size and ascent and least descent, with a run in ``font_name`` at ``font_size`` on it too."""
        size, ascent, descent = line
        run_ascent, run_descent = _ascent_descent(bounds, font_name, font_size)
        return max(size, font_size), max(ascent, run_ascent), min(descent, run_descent)

    def close(ends_break: bool) -> None:
        """The line so far, ended (by a break where ``ends_break``), as reportlab sets it down."""
        if current_width > paragraph._width_max:
            paragraph._width_max = current_width
        size, ascent, descent = extent
        lines.append(
            FragLine(
                extraSpace=max_width - current_width,
                wordCount=n,
                lineBreak=ends_break,
                words=words,
                fontSize=size,
                ascent=ascent,
                descent=descent,
                maxWidth=max_width,
                sFW=line_start,
            )
        )

    words: list[Any] = []
    fragments: list[Any] = []
    _words = _getFragWords(paragraph.frags, max_width) if _processed_frags(paragraph.frags) else run_words(paragraph.frags, parsed)
    line_start = 0
    source: Any = None  # the run the last word of the line was cloned from
    n = 0
    space_width = current_width = 0.0
    extent = (0.0, 0.0, 0.0)  # the line's greatest font size and ascent, and least descent
    g: Any = None
    while _words:
        w = _words.pop(0)
        fragments.append(w)
        f = w[-1][0]
        font_name = f.fontName
        font_size = f.fontSize
        if not words:
            n = 0
            space_width = current_width = 0
            extent = (font_size, *_ascent_descent(bounds, font_name, font_size))
        word_width = w[0]
        f = w[1][0]
        new_width = current_width + space_width + word_width if word_width > 0 else current_width
        line_break = f._fkind == _FK_BREAK
        limit = max_width
        if shrinkage and (new_width > max_width or shrinkage < 0):  # a word that fits unshrunk fits shrunk: no need to know
            shrink = space_width
            for word in words:
                if word._fkind == _FK_TEXT:
                    count = word.text.count(" ")
                    if count:
                        shrink += count * _space_width(spaces, word.fontName, word.fontSize)
            shrink *= shrinkage
            limit += shrink
        if not line_break and new_width > limit and not isinstance(w, _SplitFragH):
            if attempt:
                allowed = not getattr(f, "nobr", False)
                parts = _hyphenateFragWord(
                    hyphenator if allowed else None,
                    w,
                    new_width,
                    limit,
                    uri_waste_reduce if allowed else False,
                    embedded and allowed,
                    least_word,
                )
                if parts:
                    _words[0:0] = parts
                    _words.insert(1, _InjectedFrag([0, (f.clone(_fkind=_FK_BREAK, text=""), "")]))
                    fragments.pop(-1)
                    paragraph._hyphenations += 1
                    continue
                if hyphenation2 and len(fragments) > 1:
                    parts = _hyphenateFragWord(
                        hyphenator if allowed else None,
                        w,
                        word_width,
                        max_width,
                        uri_waste_reduce if allowed else False,
                        embedded and allowed,
                        least_word,
                    )
                    if parts:
                        _words[0:0] = [_InjectedFrag([0, (f.clone(_fkind=_FK_BREAK, text=""), "")]), w]
                        fragments.pop(-1)
                        continue
            if split_long and not isinstance(w, _SplitFrag):
                nmw = min(lineno, maxlineno)
                if word_width > max(max_widths[nmw : nmw + 1]):
                    _words[0:0] = _splitFragWord(w, max_width - space_width - current_width, max_widths, lineno)
                    _words.insert(1, _InjectedFrag([0, (f.clone(_fkind=_FK_BREAK, text=""), "")]))
                    fragments.pop(-1)
                    paragraph._splitLongWordCount += 1
                    continue
        if not ((new_width > limit and n > 0) or line_break):
            text = w[1][1]
            if text:
                n += 1
            font_size = f.fontSize
            same_run = bool(words) and f is source  # its font is on the line already, and it joins the line's last word
            if not same_run:
                extent = folded(extent, f.fontName, font_size)
            if not words:
                g = _clone(f, text)
                source = f
                words = [g]
            elif not same_run and not joins_with(source, f):
                if space_width:
                    for word in reversed(words):
                        if word._fkind == _FK_TEXT:
                            if not word.text.endswith(" "):
                                word.text += " "
                            break
                g = _clone(f, text)
                source = f
                words.append(g)
            elif space_width:
                g.text += (" " + text) if not g.text.endswith(" ") else text
            else:
                g.text += text
            space_width = _space_width(spaces, font_name, font_size) if isinstance(w, _HSFrag) else 0
            real = 0
            for run, piece in w[2:]:
                g = _clone(run, piece)
                source = run
                if piece:
                    real = 1
                words.append(g)
                font_size = g.fontSize
                extent = folded(extent, g.fontName, font_size)
            if not text and real:
                n += 1
            current_width = new_width
            continue
        if line_break:
            g = f.clone()
            words.append(g)
            ends_break = just_breaks and not isinstance(w, _InjectedFrag)
        else:
            ends_break = False
        close(ends_break)
        line_start = len(fragments) - 1
        lineno += 1
        max_width = max_widths[min(maxlineno, lineno)]
        if line_break:
            words = []
            continue
        space_width = _space_width(spaces, font_name, font_size) if isinstance(w, _HSFrag) else 0
        current_width = word_width
        n = 1
        g = _clone(f, w[1][1])
        source = f
        extent = (g.fontSize, *_ascent_descent(bounds, g.fontName, g.fontSize))
        words = [g]
        for run, piece in w[2:]:
            g = _clone(run, piece)
            source = run
            words.append(g)
            font_size = g.fontSize
            extent = folded(extent, g.fontName, font_size)
    if words:
        close(False)
    paragraph.frags = fragments
    return ParaLines(kind=1, lines=lines)


DRAWN_ALIGNMENTS = (TA_LEFT, TA_JUSTIFY)
"""The alignments ``draw_runs`` sets lines in."""


def draws_runs(paragraph: PlainParagraph) -> bool:
    """Whether ``draw_runs`` draws ``paragraph`` as reportlab does: lines of runs of text (no inline image or mark, no run
    on a background), set left or justified, left to right, at the style's leading, on no background or border, with no
    dots after the last line."""
    style = paragraph.style
    broken = getattr(paragraph, "blPara", None)
    if broken is None or broken.kind != 1 or style.alignment not in DRAWN_ALIGNMENTS or style.wordWrap or style.endDots:
        return False
    if style.backColor or (getattr(style, "borderColor", None) and getattr(style, "borderWidth", None)):
        return False
    if getattr(paragraph, "autoLeading", getattr(style, "autoLeading", "")) in ("min", "max"):
        return False
    if "preformatted" in type(paragraph).__name__.lower():
        return False
    return not any(hasattr(run, "cbDefn") or getattr(run, "backColor", None) for line in broken.lines for run in line.words)


def draw_runs(paragraph: Any) -> None:
    """What reportlab's ``Paragraph.drawPara`` draws of a paragraph ``draws_runs`` accepts: the same text object, operator
    for operator, and the same link annotations and underlines.

    reportlab asks of every run of a line whether it is an image or a mark, on a background, under a changed leading, and
    measures it and the space after the run before it, for where links and underlines go: a sixth of drawing a study
    sheet. Here what the paragraph's runs hold is asked once, and runs are measured only in a paragraph with links or
    underlines. tests/test_line_writer.py compares the two on generated paragraphs.
    """
    canvas = paragraph.canv
    style = paragraph.style
    lines = paragraph.blPara.lines
    count = len(lines)
    if not count:
        return
    offsets = getattr(paragraph, "_offsets", [0])
    offsets += (count - len(offsets)) * [offsets[-1]]
    canvas.saveState()
    offset = style.firstLineIndent + offsets[0]
    first = lines[0]
    y = paragraph.height - (first.fontSize if paraFontSizeHeightOffset else getattr(first, "ascent", first.fontSize))
    if paragraph.bulletText:
        offset = _drawBullet(canvas, offset, y, paragraph.bulletText, style, rtl=False)
    text = paragraph.beginText(style.leftIndent, y)
    text.preformatted = False
    _setTXLineProps(text, canvas, style)
    text._do_line = MethodType(_do_line, text)
    text.direction = style.wordWrap
    state = text.XtraState = ABag()
    state.textColor = state.backColor = None
    state.rise = 0
    state.backColors = []
    state.us_lines, state.links, state.link = {}, {}, {}
    state.leading = style.leading
    state.leftIndent = style.leftIndent
    text._leading = text._olb = None
    state.cur_y = y
    state.f = first
    state.style = style
    state.autoLeading = getattr(paragraph, "autoLeading", getattr(style, "autoLeading", ""))
    state.paraWidth = paragraph.width
    text._fontname = text._fontsize = None
    justified = style.alignment == TA_JUSTIFY
    measured = any(run.link or run.us_lines for line in lines for run in line.words)
    last_index = count - 1
    justify_last = getattr(paragraph, "_JustifyLast", False)
    most_words = style.justifyLastLine
    for index, line in enumerate(lines):
        last = not justify_last and index == last_index
        if last and most_words and line.wordCount > most_words:
            last = False
        _write_line(text, offset if index == 0 else offsets[index], line, last, justified, measured)
        if state.links or state.us_lines or state.backColors:
            _do_post_text(text)
        else:
            state.cur_y -= style.leading
    canvas.drawText(text)
    canvas.restoreState()


def _write_line(text: Any, offset: float, line: Any, last: bool, justified: bool, measured: bool) -> None:
    """One line at ``offset`` from the paragraph's left, as reportlab's ``_leftDrawParaLineX`` or
    ``_justifyDrawParaLineX`` writes it: spaces widened where it widens them."""
    text._x_offset = offset
    setXPos(text, offset)
    extra = line.extraSpace
    if justified:
        simple = line.lineBreak or -1e-8 < extra <= 1e-8 or (last and extra > -1e-8)
    else:
        simple = extra > -1e-8 or getattr(line, "preformatted", False)
    spaces = 0
    if not simple:
        spaces = line.wordCount + sum(run.text.count(NO_BREAK_SPACE) for run in line.words) - 1
        simple = spaces <= 0
    if simple:
        _write_runs(text, offset, line, measured)
    else:
        text.setWordSpace(extra / float(spaces))
        _write_runs(text, offset, line, measured)
        text.setWordSpace(0)
    setXPos(text, -offset)


def _write_runs(text: Any, x: float, line: Any, measured: bool) -> None:
    """A line's runs of text, as reportlab's ``_putFragLine`` writes them; where links and underlines begin and end on it
    kept only when ``measured``."""
    state = text.XtraState
    start = text._x0
    x += state.leftIndent
    if text._leading != state.leading:
        text.setLeading(state.leading)
    runs = line.words
    final = runs[-1]
    if not measured:
        for run in runs:
            size = run.fontSize
            if text._fontname != run.fontName or text._fontsize != size:
                text._setFont(run.fontName, size)
            colour = run.textColor
            if state.textColor is not colour and state.textColor != colour:
                state.textColor = colour
                text.setFillColor(colour)
            rise = run.rise
            if state.rise != rise:
                state.rise = rise
                text.setRise(rise)
            text._textOut(run.text, run is final)
    else:
        _write_measured_runs(text, x, runs)
    if text._x0 != start:
        setXPos(text, start - text._x0)


def _write_measured_runs(text: Any, x: float, runs: list[Any]) -> None:
    """Runs of text written as ``_write_runs`` writes them, each measured to keep where links and underlines go."""
    state = text.XtraState
    canvas = text._canvas
    link_record = getattr(text, "_linkRecord", None)
    space = getattr(text, "_wordSpace", 0)
    spaces = 0
    underlines, links = state.us_lines, state.links
    under: Any = []
    linked: Any = []
    final = runs[-1]
    for index, run in enumerate(runs):
        spaced_x = x + spaces * space
        end = spaced_x
        size = run.fontSize
        colour = run.textColor
        rise = run.rise
        if index > 0:
            end = spaced_x - _trailingSpaceLength(runs[index - 1].text, text)
        if text._fontname != run.fontName or text._fontsize != size:
            text._setFont(run.fontName, size)
        if state.textColor is not colour and state.textColor != colour:
            state.textColor = colour
            text.setFillColor(colour)
        if state.rise != rise:
            state.rise = rise
            text.setRise(rise)
        new_under: set[Any] = set()
        new_links: set[Any] = set()
        under_changes = under != run.us_lines
        if under_changes:
            new_under = set(run.us_lines) - set(under)
            for ended in set(under) - set(run.us_lines):
                underlines[ended] = underlines[ended], end
        link_changes = linked != run.link
        if link_changes:
            new_links = set(run.link) - set(linked)
            for ended in set(linked) - set(run.link):
                links[ended] = links[ended], end
                if link_record is not None:
                    link_record(ended, "end")
        written = run.text
        text._textOut(written, run is final)
        if under_changes:
            for begun in new_under:
                underlines[begun] = (begun, size, colour, spaced_x), size
            under = run.us_lines
        for kept in under:
            begun, largest = underlines[kept]
            if size > largest:
                underlines[kept] = begun, size
        low = rise - 0.2 * size
        high = rise + size
        if link_changes:
            for begun in new_links:
                links[begun] = (begun, x), low, high
                if link_record is not None:
                    link_record(begun, "start")
            linked = run.link
        for kept in linked:
            begun, lowest, highest = links[kept]
            if low < lowest or high > highest:
                links[kept] = begun, min(low, lowest), max(high, highest)
        x += canvas.stringWidth(written, text._fontname, text._fontsize)
        spaces += written.count(" ") + written.count(NO_BREAK_SPACE)
    spaced_x = x + (spaces - 1) * space
    for kept in under:
        underlines[kept] = underlines[kept], spaced_x
    for kept in linked:
        links[kept] = links[kept], spaced_x
        if link_record is not None:
            link_record(kept, "end")


def _ends_broken(paragraph: PlainParagraph) -> bool:
    """Whether the last line of ``paragraph`` ends in a word broken at a hyphen."""
    lines = getattr(paragraph, "blPara", None)
    if lines is None or not lines.lines:
        return False
    last = lines.lines[-1]
    text = " ".join(last[1]) if isinstance(last, tuple) else "".join(word.text for word in last.words)
    return text.rstrip().endswith(("-", "\u00ad"))


IMAGE_MASK = "auto"
"""reportlab's default for a picture: its alpha channel, if it has one, becomes a soft mask."""


@dataclass(frozen=True)
class PictureObject:
    """The image object a PDF draws a picture from, made once per content."""

    name: str
    """The image's name: a digest of its file's bytes or of its pixels, so equal pictures are embedded once."""
    width_px: int
    height_px: int
    xobject: PDFObject
    """Never registered itself: each document gets a copy, as reportlab registers what it embeds."""


def picture_object(data: bytes) -> PictureObject:
    """The image object of a PNG or JPEG file's bytes: its pixels as they are in the file where a PDF can hold them so
    (``guide.render.pdf.image_stream``), else decoded and compressed as reportlab's ``Canvas.drawImage`` does, in the same bytes.
    """
    # Imported here: the image streams are written through plain_objects, which reads object numbers through this module.
    from guide.render.pdf.image_stream import image_stream, picture_name

    passed = image_stream(data)
    if passed is not None:
        xobject, width, height = passed
        return PictureObject(picture_name(data), width, height, xobject)
    reader = ImageReader(io.BytesIO(data))
    pixels = reader.getRGBData()
    alpha = reader._dataA  # type: ignore[attr-defined]  # set by getRGBData for a picture with an alpha channel
    mask_data = alpha.getRGBData() if alpha else IMAGE_MASK.encode("utf-8")
    name = _digester(pixels + mask_data)
    xobject = PDFImageXObject(name, reader, mask=IMAGE_MASK)
    xobject.name = name
    width, height = reader.getSize()
    return PictureObject(name, width, height, xobject)


class Picture(Flowable):
    """A picture drawn ``drawWidth`` x ``drawHeight`` points from its image object, as reportlab's ``Image`` draws it."""

    def __init__(self, picture: PictureObject, width: float, height: float) -> None:
        super().__init__()
        self.picture = picture
        self.drawWidth = width
        self.drawHeight = height

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 - reportlab's names
        return self.drawWidth, self.drawHeight

    def draw(self) -> None:
        draw_picture(self.canv, self.picture, self.drawWidth, self.drawHeight)


def draw_picture(canvas: Canvas, picture: PictureObject, width: float, height: float) -> None:
    """What ``Canvas.drawImage`` does for a picture at the origin, with the image object made beforehand.

    The picture is embedded in the document the first time it is drawn there, from a copy of
    its image object, under reportlab's own name for it: the same bytes as ``drawImage`` writes.
    """
    # A canvas's document and its page's resources are reportlab's private state.
    canvas._currentPageHasImages = 1  # type: ignore[attr-defined]
    document = canvas._doc  # type: ignore[attr-defined]
    registered = document.getXObjectName(picture.name)
    if not document.idToObject.get(registered):
        xobject = copy.copy(picture.xobject)
        canvas._setXObjects(xobject)  # type: ignore[attr-defined]
        document.Reference(xobject, registered)
        document.addForm(picture.name, xobject)
        mask = getattr(xobject, "_smask", None)
        if mask:
            mask = copy.copy(mask)
            mask_registered = document.getXObjectName(mask.name)
            if not document.idToObject.get(mask_registered):
                canvas._setXObjects(mask)  # type: ignore[attr-defined]
                xobject.smask = document.Reference(mask, mask_registered)  # type: ignore[attr-defined]
            else:
                xobject.smask = PDFObjectReference(mask_registered)  # type: ignore[attr-defined]
            del xobject._smask  # type: ignore[attr-defined]
    canvas.saveState()
    canvas.translate(0, 0)
    canvas.scale(width, height)
    canvas.addLiteral(f"/{registered} Do")
    canvas.restoreState()
    canvas._formsinuse.append(picture.name)  # type: ignore[attr-defined]


# Tagging: what a tagged PDF needs of the canvas, the document and the text object


def page_code(canvas: Canvas) -> list[str]:
    """The current page's content as drawn so far, one operator line an item: the list itself, to mark content in place."""
    code: list[str] = canvas._code  # type: ignore[attr-defined]  # reportlab's page content, not in its stubs
    return code


def current_text_object(canvas: Canvas) -> PDFTextObject | None:
    """The text object a paragraph is writing while it calls an inline mark's callback (``<onDraw>``)."""
    info = getattr(canvas, "_curr_tx_info", None)
    return info.get("tx") if isinstance(info, dict) else None


def last_annotation(canvas: Canvas) -> PDFObjectReference:
    """The reference to the annotation drawn last on the current page (by ``linkURL``, say)."""
    reference: PDFObjectReference = canvas._annotationrefs[-1]  # type: ignore[attr-defined]  # not in its stubs
    return reference


class DocumentObjects:
    """The PDF document a canvas writes into, as far as a structure tree needs it: its pages and named objects."""

    def __init__(self, canvas: Canvas) -> None:
        self.document = canvas._doc  # type: ignore[attr-defined]  # reportlab's document, not in its stubs

    def page_count(self) -> int:
        return len(self.document.Pages.pages)

    def page(self, index: int) -> PDFObjectReference:
        """A reference to the page at ``index``."""
        reference: PDFObjectReference = self.document.Reference(self.document.Pages.pages[index])
        return reference

    def add(self, value: Any, name: str | None = None) -> PDFObjectReference:
        """``value`` written as an object of its own (under ``name``, to be referred to before it is added)."""
        reference: PDFObjectReference = self.document.Reference(value, name)
        return reference

    def set_page_entries(self, index: int, entries: dict[str, Any]) -> None:
        """Add ``entries`` to the dictionary of the page at ``index``; reportlab writes only the keys its page names."""
        page = self.document.Pages.pages[index]
        page.__NoDefault__ = [*page.__NoDefault__, *entries]
        for key, value in entries.items():
            setattr(page, key, value)


def write_objects_directly(canvas: Canvas) -> None:
    """Have the document the canvas writes into write its objects' headers and cross-references directly when it is saved.

    reportlab wraps each object in an indirect object, dispatched and encoded on its own: a
    millisecond of a tagged sheet's few hundred objects. The bytes are the same; an encrypted,
    commented or signed document is left to reportlab.
    """
    document = canvas._doc  # type: ignore[attr-defined]  # reportlab's document, not in its stubs
    # Its class changed, not its format method replaced: an attribute holding the document would be
    # a reference cycle, keeping the whole document until a full garbage collection.
    document.__class__ = _DirectlyWrittenDocument


class _DirectlyWrittenDocument(PDFDocument):
    """reportlab's document, written by ``_formatted_document``."""

    def format(self) -> bytes:
        return _formatted_document(self)


def _formatted_document(document: PDFDocument) -> bytes:
    """What ``PDFDocument.format`` writes: the header, every object numbered in turn, the cross-reference table and the trailer."""
    signed = getattr(document, "_digiSigs", None)
    encrypted = type(document.encrypt) is not NoEncryption
    if encrypted or (rl_config.pdfComments and not rl_config.invariant) or signed:
        formatted: bytes = PDFDocument.format(document)
        return formatted
    catalog, info = document.Catalog, document.info  # type: ignore[attr-defined]  # set by reportlab, not in its stubs
    document.Reference(catalog)
    document.Reference(info)
    numbers, named, objects, offsets = document.idToObjectNumberAndVersion, document.numberToId, document.idToObject, document.idToOffset
    file = PDFFile(document._pdfVersion)  # type: ignore[attr-defined]  # reportlab's private, not in its stubs
    order: list[str] = []
    number = 1
    while number in named:  # objects referred to for the first time as others are written are numbered after them
        name = named[number]
        value = objects[name]
        content = outline_entry(value, document) if type(value) is OutlineEntryObject else pdf_format(value, document, toplevel=1)
        ending = b"endobj\n" if content.endswith(b"\n") else b"\nendobj\n"
        offsets[name] = file.add(b"%d %d obj\n" % numbers[name] + content + ending)
        order.append(name)
        number += 1
    if number - 1 != len(named):
        raise ValueError(f"counter {number} doesn't match number to id dictionary {len(named)}")
    table = PDFCrossReferenceTable()
    table.addsection(0, order)
    start = file.add(table.format(document))
    trailer = PDFTrailer(
        startxref=start, Size=len(named) + 1, Root=document.Reference(catalog), Info=document.Reference(info), ID=document.ID()
    )
    file.add(trailer.format(document))
    written: bytes = file.format(document)
    return written


OUTLINE_ENTRY_KEYS = ("Count", "Dest", "First", "Last", "Next", "Parent", "Prev", "Title")
"""What an outline entry may hold, in the order reportlab writes them (sorted)."""
_PLAIN_STRING = re.compile(r"[ -'*-\[\]-~]*")
"""Printable ASCII but for a backslash and parentheses: a string reportlab writes as it is, in parentheses."""
DICTIONARY_ROW = 6
"""reportlab breaks a dictionary's line after this many entries, where it writes each on one line (its default)."""


def outline_entry(entry: OutlineEntryObject, document: PDFDocument) -> bytes:
    """What ``OutlineEntryObject.format`` writes (a bookmark: its title, where it leads, its neighbours), references to
    other objects numbered directly; its entries in rows, as reportlab sets them out."""
    if rl_config.pdfMultiLine:
        formatted: bytes = pdf_format(entry, document, toplevel=1)
        return formatted
    numbers = object_numbers(document)
    parts: list[bytes] = []
    for key in OUTLINE_ENTRY_KEYS:
        value = getattr(entry, key)
        if key == "Title":
            plain = type(value) is str and _PLAIN_STRING.fullmatch(value)
            formatted = b"(" + value.encode("ascii") + b")" if plain else pdf_format(PDFString(value), document)
        elif value is None and key not in ("Dest", "Parent"):  # reportlab writes these two whatever they hold
            continue
        else:
            formatted = b"%d %d R" % numbers[value.name] if type(value) is PDFObjectReference else pdf_format(value, document)
        parts.append(b"/" + key.encode("ascii") + b" " + formatted)
    return b"<<\n" + rows(parts, DICTIONARY_ROW) + b"\n>>"


def rows(parts: list[bytes], row: int) -> bytes:
    """``parts`` in rows of ``row``, as reportlab sets out a dictionary's entries and an array's items."""
    for index in reversed(range(row, len(parts), row)):
        parts.insert(index, b"\n ")
    return b" ".join(parts)


SOFT_ENDS = "-\u00ad"
"""A line ending in a hyphen or a soft hyphen was broken in a word."""


@dataclass(frozen=True)
class InlineSpan:
    """Where a link's text (``url``), or a passage in another language (``lang``), is in a text object's code: ``start`` to ``end``."""

    start: int
    end: int
    url: str | None = None
    lang: str | None = None


class SpacedLines(PDFTextObject):
    """A text object that ends each line broken between words with a space, and knows where its links' text is.

    reportlab moves to the next line with nothing between the last word of one line and the
    first of the next, so what reads the text in order (a screen reader, poppler, a copy and
    paste) ran them together. The space is drawn after the line's last glyph, where it shows
    nothing. A line broken in a word, after a hyphen, gets none. (The hyphen itself is left as
    it is: marking it as read as nothing nests marked content, after which poppler reads no more
    of the element's text.) The spans of a paragraph's links, one per line a link is on, and of
    its passages in another language are kept, so that they can be marked as their own (``mark``).
    """

    def __init__(
        self, canvas: Canvas, x: float = 0, y: float = 0, direction: Any = None, selections: dict[tuple[Any, ...], str] | None = None
    ) -> None:
        super().__init__(canvas, x, y, direction=direction)
        self.selections = {} if selections is None else selections
        """The operators selecting a font's subset at a size and leading, made once per document (its canvas keeps them)."""
        self.line_end = ""
        """The last character drawn on the current line."""
        self.spans: list[InlineSpan] = []
        self.link_start: int | None = None
        """Where the text of the link being written on this line began."""
        self.language: tuple[str, int] | None = None
        """The language of the passage being written, and where it began."""

    @property
    def _do_line(self) -> MethodType:
        """The line drawer (of an underline, a link) reportlab's paragraph sets on the text object, as a method of it."""
        return MethodType(self._line_drawer, self)

    @_do_line.setter
    def _do_line(self, method: MethodType) -> None:
        # Kept as a function: the method itself, in the object's own attributes, was a reference cycle
        # that kept every such text object, and its page's code, until a full garbage collection.
        self._line_drawer = method.__func__

    def _textOut(self, text: str, TStar: int = 0) -> None:  # noqa: N802, N803 - reportlab's names
        """Text at the current point, then (``TStar``) the next line: reportlab's own line writer, which paragraphs use."""
        if text:
            self.line_end = text[-1]
        if TStar and self.line_end and not self.line_end.isspace() and self.line_end not in SOFT_ENDS:
            text += " "
        if TStar:
            self.line_end = ""
        code: list[str] = self._code  # type: ignore[attr-defined]  # reportlab's, not in its stubs
        code.append(f"{self._formatText(text)} T*" if TStar else self._formatText(text))

    def _formatText(self, text: str) -> str:  # noqa: N802 - reportlab's name
        """The operators that show ``text``: reportlab's own, written directly for a TrueType font's text as it stands.

        A paragraph writes each run of text through here; reportlab's general writer set its
        code aside and back for each. Shaped text and other fonts are left to it.
        """
        state: dict[str, Any] = vars(self)  # reportlab's text state: font, size, leading, subset; not in its stubs
        font: Any = pdfmetrics.getFont(state["_fontname"])
        if not getattr(font, "_dynamicFont", False) or (font.shapable and isinstance(text, ShapedStr)):
            formatted: str = super()._formatText(text)  # type: ignore[misc]  # private to reportlab, not in its stubs
            return formatted
        canvas = state["_canvas"]
        document = canvas._doc
        code = []
        for subset, codes in font.splitString(text, document):
            if subset != state["_curSubset"]:
                key = (font, subset, state["_fontsize"], state["_leading"])
                selection = self.selections.get(key)
                if selection is None:
                    name = font.getSubsetInternalName(subset, document)  # the first time, names the font in the document
                    selection = self.selections[key] = f"{name} {fp_str(state['_fontsize'])} Tf {fp_str(state['_leading'])} TL"
                code.append(selection)
                state["_curSubset"] = subset
            code.append(f"({escapePDF(codes)}) Tj")
        return " ".join(code)

    def _linkRecord(self, link: tuple[int, str], state: str) -> None:  # noqa: N802 - reportlab's name
        """reportlab's paragraph says so right after writing the first text of a link on a line, and where the link ends."""
        code = self.code()
        if state == "start":
            self.link_start = len(code) - 1
        elif self.link_start is not None:
            self.spans.append(InlineSpan(self.link_start, len(code), url=link[1]))
            self.link_start = None

    def begin_language(self, lang: str) -> None:
        """What is written from here on is in ``lang``."""
        self.language = (lang, len(self.code()))

    def end_language(self) -> None:
        if self.language is not None:
            lang, start = self.language
            self.spans.append(InlineSpan(start, len(self.code()), lang=lang))
            self.language = None

    def code(self) -> list[str]:
        """The text object's code so far, ``BT`` first, one operator line an item."""
        code: list[str] = self._code  # type: ignore[attr-defined]  # reportlab's, not in its stubs
        return code

    def mark(self, inserted: dict[int, list[str]]) -> None:
        """Insert lines (marked-content operators) into the code: ``inserted[index]`` before the line at ``index``."""
        code = self.code()
        code[:] = [*(line for index, kept in enumerate(code) for line in (*inserted.get(index, ()), kept)), *inserted.get(len(code), ())]
