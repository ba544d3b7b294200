"""The resolved look of a course: colours, fonts, page, slides and labels, as renderers read it.

Renderers never see theme files, names, palettes or ``extends``: the loader resolves all of
that into this one object, with every colour ``#RRGGBB``, every font a family of real files
and every path absolute and checked.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal

from guide.fonts import FontFamily
from guide.labels import Labels, labels_for
from guide.typography import Typography, typeset

PageSize = Literal["a4", "letter"]
SlideAspect = Literal["16:9", "4:3"]
SidebarSide = Literal["left", "right"]
QuizAnswers = Literal["slides", "notes"]
QuizPrint = Literal["paper", "sheet"]
"""Where a quiz's typed questions print: a quiz paper of their own (with its teacher's copy), or the study sheet."""
MAX_SEED = 999_999
"""The highest quiz version: a number a teacher writes on a sheet."""
HandoutLayout = Literal["lines", "notes", "2", "4", "6", "9"]
"""How a handout sets its slides: beside ruled lines (as many a page as print readable), one a page over its notes, or n a page."""
HANDOUT_LAYOUTS: tuple[HandoutLayout, ...] = ("lines", "notes", "2", "4", "6", "9")

SLIDE_ROLES = ("title", "section", "content", "two_content", "title_only", "blank")
"""What a slide is for; a template's layouts are chosen per role."""

OFF = "off"
"""A design switched off: what it would hold is set another way (as a list, mostly)."""


@dataclass(frozen=True)
class SlideDesigns:
    """Which slide designs a deck may use, and the variant of those that have several.

    A design switched off gives way to the next that suits the content, and in the end to a
    list: objectives without the checklist are a bulleted list, key facts without the big
    numbers stay in their list, a timeline without its axis is a dated list.
    """

    cover: bool = True
    """The picture marked ``section: cover`` beside the title; off: it is shown in what happened."""
    checklist: bool = True
    statement: bool = True
    panel: bool = True
    cards: str = "columns"
    """``columns`` (side by side where they fit, else rows), ``rows`` (one under another) or ``off``."""
    numbers: bool = True
    quotation: bool = True
    timeline: bool = True
    grid: str = "columns"
    """People and terms: ``columns`` (two side by side), ``rows`` (one card a row) or ``off`` (off also lists a
    matching question's items and options one under the other, not in two columns)."""
    divider: bool = True


@dataclass(frozen=True)
class Colors:
    """Colours by role, each ``#RRGGBB``."""

    primary: str
    """Headings, the title band, dates."""
    accent: str
    """Bullets, markers and rules: small areas that catch the eye."""
    text: str
    muted: str
    """Captions, footers, secondary lines."""
    background: str
    tint: str
    """A pale wash for boxes (derived from primary unless a theme sets it)."""


@dataclass(frozen=True)
class Theme:
    name: str
    description: str
    colors: Colors
    heading_font: FontFamily
    body_font: FontFamily
    page_size: PageSize = "a4"
    margin_mm: float = 16.0
    sidebar: SidebarSide = "right"
    """The study sheet's grid: which side of the main column its sidebar (key facts, people, terms) takes."""
    body_pt: float = 10.5
    """Size of the sheet's reading text; the main column is as wide as some 70 characters of it."""
    slide_aspect: SlideAspect = "16:9"
    fills: bool = True
    """False prints outlines instead of large colour areas (title band, tinted boxes): saves toner."""
    logo: Path | None = None
    template: Path | None = None
    """An institution's .pptx/.potx whose masters and layouts the deck uses."""
    layouts: Mapping[str, str] = field(default_factory=dict)
    """Slide role -> layout name in the template, for roles not left to detection."""
    labels: Mapping[str, str] = field(default_factory=dict)
    """Label name -> wording, over the built-in labels of every language."""
    designs: SlideDesigns = field(default_factory=SlideDesigns)
    """The slide designs decks may use, and their variants."""
    typography: Typography = field(default_factory=Typography)
    """How both outputs set the topic's text and the labels (curly quotes or as typed)."""
    outputs: tuple[str, ...] | None = None
    """Registry names of the outputs built when neither the command line nor a course chooses."""
    quiz_seed: int = 0
    """The quiz version: how options, columns and items are shuffled on the sheet, in its key, the deck and the web page."""
    quiz_answers: QuizAnswers = "notes"
    """Where the deck shows answers: a slide after each question's, or the speaker notes."""
    quiz_print: QuizPrint = "paper"
    """Where typed questions (every type but open) print: the quiz paper, or the study sheet and its key."""
    handout: HandoutLayout = "lines"
    """The handout's layout: ``--handout``, else the course's, else the theme's."""

    @property
    def grey_pictures(self) -> bool:
        """Whether the topic's pictures print in shades of grey: where the theme outlines instead of filling, to save
        toner (the print theme), in the deck and in every PDF alike. The logo keeps its colours: it is the institution's."""
        return not self.fills

    def with_page_size(self, page_size: PageSize) -> Theme:
        return replace(self, page_size=page_size)

    def with_slide_aspect(self, slide_aspect: SlideAspect) -> Theme:
        return replace(self, slide_aspect=slide_aspect)

    def with_quiz_seed(self, seed: int) -> Theme:
        return replace(self, quiz_seed=seed)

    def with_handout(self, handout: HandoutLayout) -> Theme:
        return replace(self, handout=handout)

    def labels_for(self, language_code: str) -> Labels:
        """The built-in labels of a language with this theme's wording over them, typeset as the topic's text is."""
        labels = labels_for(language_code).overridden(self.labels)
        return labels.retyped(lambda wording: typeset(wording, labels.language, self.typography.smart_quotes))
