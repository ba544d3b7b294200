"""Topic -> slide plan: which design each slide gets, and its boxes, sizes, text and shapes. Pure.

A renderer only copies a plan onto its medium, so everything that can overflow is decided here,
by measurement, and a test can check every box without opening PowerPoint. The design of each
slide follows its content: a short summary is a statement and a long one a panel, two to four
"What happened?" points are numbered cards, people are name cards, terms a grid, the timeline
an axis to scale; what fits no design is a list that continues on further slides.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Callable, Mapping, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field, replace
from functools import partial
from typing import TypeVar

from guide import markup
from guide.errors import RenderError
from guide.fonts import FontFamily
from guide.labels import Labels
from guide.markup import Span
from guide.model import COVER, Course, Excerpt, Image, KeyFact, OpenQuestion, Paragraph, Topic
from guide.quiz import Arranged, as_printed
from guide.render.common import meta_line
from guide.render.slides import designs, timeline
from guide.render.slides.designs import ACCENT_BAR_PT, GAP_PT, PAD_PT, GridEntry
from guide.render.slides.fitting import FILLED_SHARE, INSET_X_PT, Fitted, Item, bold_line
from guide.render.slides.geometry import MARGIN_PT, SLIDE_HEIGHT_PT, Box, Geometry
from guide.render.slides.measure import LINE_BREAK, Measurers, sentences
from guide.render.slides.notes import continuing, notes_once
from guide.render.slides.questions import matching_design, question_design, shown_question
from guide.render.slides.shapes import Drawing, Line, Lines, Shape, TextBlock
from guide.render.slides.style import DeckStyle
from guide.render.slides.typeset import Typesetter
from guide.render.timescale import when
from guide.theme import OFF, QuizAnswers, QuizPrint
from guide.typography import unbroken

T = TypeVar("T")
QUOTES_TOGETHER_PT = 28.0
BAND_PT = 24.0
"""The width of the modern design's band down the left edge of its title slide and dividers."""
"""Passages share a slide only where they are still set this large; else each gets its own."""

MAX_CONTINUED = 40
"""At most this many slides continue one section's list, cards or timeline; more means its box is far too small."""
TITLE_LEAST_PT = 10
"""A title that fits its box at no size down to its floor shrinks on to this size, and no further."""
STATEMENT_WORDS = 30
"""A summary or a lone point of at most this many words is set large, as a statement."""
MAX_CARDS = 4
FACTS_A_SLIDE = 2
"""Key facts too long to share a list slide are set at most this many a slide: they pair, no more."""
MATCHING_SLIDES = 3
"""A matching whose columns do not fit one slide shares its options over at most this many, each beside all its items."""
SECTION_LABELS = {"summary": "at_a_glance"}
"""The label of each section whose name differs from its label's."""
BRIEF_SECTIONS = ("key_facts", "context", "significance")
"""The sections a small topic shows on one slide of cards."""
PLANNING_ROUNDS = 4
COVER_TEXT_SHARE = 0.55
"""The share of the title slide's width its text takes beside a cover picture."""
DIVIDED_DECK = 16
DIVIDED_SECTION = 3
AGENDA_ROWS = 4
"""A divider spaces its list of parts as if there were at least this many."""
"""Decks of ``DIVIDED_DECK`` slides or more get a divider before each section of ``DIVIDED_SECTION`` slides or more."""
"""Plans made at the type scale learnt from the one before, until a plan uses the sizes it was given."""
CENTRED_SHARE = 0.8
"""A lone list that fills less of its body than this sits in the middle of it, not hanging from the title."""
SIDE_TITLE_PT = 220.0
"""The least width of the column a picture's title and credit take beside it, on our 960 pt wide design."""
SIDE_GAIN = 1.3
"""A picture is drawn beside its title, from the slide's top, where that draws it at least this many times larger."""
SPARSE_SHARE = 1 / 3
"""A body slide's content reaches at least this share down its body, or it gets a design that fills it."""


class ContinuationError(RenderError):
    """A section that would run over more than ``MAX_CONTINUED`` slides: its box is far too small for its text."""

    def __init__(self, title: str, count: int, box: Box, role: str) -> None:
        where = f"{box.width:.0f} x {box.height:.0f} pt at ({box.left:.0f}, {box.top:.0f})"
        super().__init__(f"'{title}' would take {count} slides, more than the {MAX_CONTINUED} one section may; its box is {where}")
        self.role = role


@dataclass(frozen=True)
class DeckFonts:
    """The families titles and body text are measured with; ``named`` says whether runs name them.

    On an institution's template, runs name no font: the template's theme fonts apply, and
    these are the families that stand for them.
    """

    title: FontFamily
    body: FontFamily
    named: bool = True
    starts: tuple[tuple[str, float], ...] = ()
    """Text roles whose largest size is the template's own (its title and list sizes), not ours."""
    capitals: tuple[str, ...] = ()
    """Slide roles whose titles a template shows in capitals: they are measured, broken and drawn so."""


@dataclass(frozen=True)
class SlidePlan:
    """One slide: the layout ``role`` it needs, its ``design``, its title, and what it holds.

    ``body`` goes in the layout's body placeholder (lists); ``drawing`` is drawn over the slide
    in order (cards, the timeline, pictures, accents). ``background`` fills the whole slide.
    """

    role: str
    design: str
    title: str
    title_size_pt: float
    title_box: Box
    title_ink: str = "primary"
    body: TextBlock | None = None
    subtitle: TextBlock | None = None
    drawing: tuple[Drawing, ...] = ()
    background: str | None = None
    notes: str = ""
    notes_with: int = 0
    """The slide whose notes this one's are, when they are given there (its ``notes`` then say so); 0: its own."""
    title_lines: Lines = ()
    """The title's lines, broken where the slide wraps them (filled in last, as text blocks' are)."""
    section: str = ""
    """The label of the deck's section the slide belongs to, as its divider names it ("" before the first):
    a PDF's bookmarks, the deck's sections."""


@dataclass(frozen=True)
class DeckPlan:
    width_pt: float
    height_pt: float
    footer: str
    language: str
    slides: tuple[SlidePlan, ...] = field(default_factory=tuple)
    scale: Mapping[str, float] = field(default_factory=dict)
    """The size of each text role across the deck."""


class Planner:
    """Lays out one topic's slides in one geometry, with one theme's labels, design and font metrics."""

    def __init__(
        self,
        topic: Topic,
        labels: Labels,
        geometry: Geometry,
        set_: Typesetter,
        style: DeckStyle,
        course: Course | None = None,
        designed: bool = True,
        quiz_seed: int = 0,
        quiz_answers: QuizAnswers = "notes",
        quiz_print: QuizPrint = "paper",
        capitals: tuple[str, ...] = (),
    ) -> None:
        self.capitals = capitals
        """Slide roles whose titles the template shows in capitals: measured so."""
        self.quiz_seed = quiz_seed
        """The quiz version the questions are shuffled for (``guide.quiz``)."""
        self.quiz_answers = quiz_answers
        """Where answers go: a slide after each question's, or its notes."""
        self.quiz_print = quiz_print
        """Where typed questions print: on a quiz paper the deck asks them after the sheet's, numbered as the paper does."""
        self.topic = topic
        self.course = course
        self.labels = labels
        self.geometry = geometry
        self.set = set_
        self.style = style
        self.designed = designed

    def plan(self) -> DeckPlan:
        topic, labels = self.topic, self.labels
        sections: list[tuple[str, list[SlidePlan]]] = [("", [self.title_slide()])]
        if topic.objectives:
            objectives = [Item(markup.parse(objective), bullet=False) for objective in topic.objectives]
            notes = "\n".join(markup.plain_text(objective) for objective in topic.objectives)
            sections.append(("", self.checklist_slides(labels["objectives"], objectives, notes)))
        sections.append(("summary", self.summary_slides()))
        brief = self.brief_slides()
        if brief:
            sections.append(("key_facts", brief))
        else:
            sections.append(("key_facts", self.fact_slides()))
            sections.append(("context", self.point_slides(labels["context"], topic.context, "context", numbered=True)))
            sections.append(("significance", self.point_slides(labels["significance"], topic.significance, "significance", numbered=False)))
        if topic.timeline:
            sections.append(("timeline", self.timeline_slides()))
        if topic.people:
            sections.append(("people", self.people_slides()))
        if topic.glossary:
            entries = [GridEntry(bold_line(entry.term), Item(markup.parse(entry.definition), bullet=False)) for entry in topic.glossary]
            notes = self.notes("glossary", plain=[f"{entry.term}: {markup.plain_text(entry.definition)}" for entry in topic.glossary])
            sections.append(("glossary", self.grid_slides(labels["glossary"], entries, notes)))
        asked, quizzed = as_printed(topic, self.quiz_seed, self.quiz_print == "paper")
        if asked:
            sections.append(("questions", self.question_slides(asked, labels["question"], labels["answer"], "questions")))
        if quizzed:  # the topic's notes on its questions go with the sheet's, unless the quiz paper asks them all
            quiz = self.question_slides(quizzed, labels["quiz_question"], labels["quiz_answer"], "quiz" if asked else "questions")
            sections.append(("quiz", quiz))
        if topic.sources:
            sources = [
                Item((*markup.parse(source.citation), *((Span(" "), markup.bare_link(source.url)) if source.url else ())))
                for source in topic.sources
            ]
            notes = self.notes("sources", plain=[item.text for item in sources])
            sections.append(("sources", self.list_slides(labels["sources"], sources, notes, wide=True)))
        slides = self.with_dividers(self.with_extras(sections, bool(brief)))
        section_notes = [markup.plain_text(text) for text in topic.notes.values()]
        planned = notes_once(_unique_titles(slides), section_notes, labels["notes_with"])
        return DeckPlan(self.geometry.width_pt, self.geometry.height_pt, self.footer(), topic.language, planned)

    def with_extras(self, sections: Sequence[tuple[str, list[SlidePlan]]], brief: bool) -> list[tuple[str, list[SlidePlan]]]:
        """The sections, each followed by the quotations and pictures that belong with it.

        A quotation without a section goes with the key facts, a picture without one with what
        happened; one for a section the deck merged or left out goes with the key facts.
        """
        names = {name for name, _ in sections if name}
        extras: dict[str, list[SlidePlan]] = {}

        def place(section: str | None, default: str, slides: list[SlidePlan]) -> None:
            name = section or default
            extras.setdefault(name if name in names and not (brief and name in BRIEF_SECTIONS) else "key_facts", []).extend(slides)

        grouped: dict[str | None, list[Excerpt]] = {}
        for excerpt in self.topic.excerpts:
            if not excerpt.translates:  # a translation goes with its original
                grouped.setdefault(excerpt.section, []).append(excerpt)
        for section, excerpts in grouped.items():
            place(section, "key_facts", self.excerpt_slides(excerpts))
        for index, image in enumerate(self.topic.images):
            if image is not self.cover_image():
                place(None if image.section == COVER else image.section, "context", [self.picture_slide(index)])
        return [(name, slides + extras.get(name, [])) for name, slides in sections]

    def with_dividers(self, sections: Sequence[tuple[str, list[SlidePlan]]]) -> list[SlidePlan]:
        """The sections' slides in order; in a long deck, a divider opens each long section."""
        long = [name for name, slides in sections if name and len(slides) >= DIVIDED_SECTION]
        count = sum(len(slides) for _, slides in sections)
        divided = self.style.designs.divider and count >= DIVIDED_DECK and len(long) >= 3
        parts = [self.labels[SECTION_LABELS.get(name, name)] for name in long]
        ordered: list[SlidePlan] = []
        for name, slides in sections:
            section = self.labels[SECTION_LABELS.get(name, name)] if name else ""
            if divided and name in long:
                ordered.append(replace(self.divider(parts, long.index(name)), section=section))
            ordered += [replace(slide, section=section) for slide in slides]
        return ordered

    def divider(self, parts: Sequence[str], current: int) -> SlidePlan:
        """A long section's opening slide: the deck's parts, numbered, this one marked, the others quiet.

        On a template with a section header layout, the parts go in its text placeholder (or are
        left out where they do not fit it); without one, they are drawn as in our design, unfilled.
        """
        rows = [
            Item((Span(f"{number:02d}\u2003{part}", bold=number == current + 1),), bullet=False) for number, part in enumerate(parts, 1)
        ]
        title = f"{self.labels['part']} {current + 1}: {parts[current]}"
        if self.geometry.section is not None:
            title_box, text_box = self.geometry.section
            shown, title_size = self.fit_title(title, title_box, capitals="section" in self.capitals)
            size = self.set.largest_one(rows, text_box, "agenda")
            body = self.set.block(text_box, rows, size, "agenda", name="Parts") if size is not None else None
            return SlidePlan("section", "divider", shown, title_size, title_box, body=body, notes=parts[current])
        family = self.style.family if self.designed else None
        filled = family == "classic"
        region = self.geometry.stage
        pitch, pad = region.height / max(len(rows), AGENDA_ROWS), self.set.pt(PAD_PT)
        size = self.set.largest([([row], region.width - 2 * pad, pitch) for row in rows], "agenda")
        if size is None:  # more parts than the slide holds: the title alone says where the deck is
            return self.slide(title, "divider", parts[current])
        drawing: list[Drawing] = []
        top = region.top + (region.height - pitch * len(rows)) / 3
        for index, row in enumerate(rows):
            here = index == current
            if here:
                drawing.append(
                    Shape("rect", Box(region.left, top + pitch * 0.2, self.set.pt(ACCENT_BAR_PT), pitch * 0.6), "accent", name="Accent bar")
                )
            ink = ("on_fill" if here else "on_fill_muted") if filled else ("primary" if here else "muted")
            box = Box(region.left + pad, top, region.width - 2 * pad, pitch)
            drawing.append(self.set.block(box, [row], size, "agenda", ink=ink, anchor="ctr", name="Part"))
            top += pitch
        if family == "modern":
            drawing.insert(0, self.band())
        slide = self.slide(title, "divider", parts[current], drawing)
        if filled:
            return replace(slide, background="primary", title_ink="on_fill", drawing=tuple(d for d in slide.drawing if d.name != "Rule"))
        return slide

    def footer(self) -> str:
        return f"{self.course.code} · {self.topic.title}" if self.course else self.topic.title

    def notes(self, section: str, prose: Sequence[str] = (), plain: Sequence[str] = ()) -> str:
        """Speaker notes: the full text behind a slide, then the topic's own notes for the section.

        ``prose`` carries inline markup; ``plain`` is shown exactly as given.
        """
        extra = [self.topic.notes[section]] if section in self.topic.notes else []
        texts = [*(markup.plain_text(text) for text in prose), *plain, *(markup.plain_text(text) for text in extra)]
        return "\n\n".join(texts)

    # titles

    def fit_title(self, title: str, box: Box, role: str = "title", capitals: bool = False) -> tuple[str, float]:
        """The title at its role's size, wrapped in the box; below the floor only when even that fails. Never cut.

        A title shown in ``capitals`` is measured and broken in them (its text keeps its case).
        Raises RenderError, naming the box, for a title that fits it at no readable size.
        """
        if capitals:
            shown, shown_size = self.fit_title(title.upper(), box, role)
            return _same_breaks(title, shown), shown_size
        size = self.set.largest_one([bold_line(title)], box, role)
        if size is None:
            floor = self.set.sizes(role)[1]
            smaller = range(int(floor) - 1, TITLE_LEAST_PT - 1, -1)
            size = next((candidate for candidate in smaller if self.title_fits(title, box, candidate, role)), None)
        if size is None:
            where = f"{box.width:.0f} x {box.height:.0f} pt"
            raise RenderError(f"the title {title!r} does not fit its {where} box even at {TITLE_LEAST_PT} pt")
        return self.set.balanced(title, box.width, size, role), float(size)

    def title_fits(self, title: str, box: Box, size: float, role: str) -> bool:
        return self.set.height([bold_line(title)], box.width, size, role) <= box.height

    def slide(self, title: str, design: str, notes: str, drawing: Sequence[Drawing] = (), body: TextBlock | None = None) -> SlidePlan:
        """A slide below a title: a list in the body placeholder, or a design drawn on a title-only layout."""
        box = self.geometry.title if body is not None else self.geometry.stage_title
        role = "content" if body is not None else "title_only"
        shown, size = self.fit_title(title, box, capitals=role in self.capitals)
        accents = designs.title_accent(box, self.style, self.set) if self.designed else []
        return SlidePlan(role, design, shown, size, box, body=body, drawing=(*accents, *drawing), notes=notes)

    def bounded(self, title: str, count: int, box: Box) -> None:
        """Raises ContinuationError when one section's text would take more than ``MAX_CONTINUED`` slides of ``box``."""
        if count > MAX_CONTINUED:
            raise ContinuationError(title, count, box, "content" if box == self.geometry.body else "title_only")

    def continued(self, title: str, index: int, count: int) -> str:
        """The title of the ``index``-th of ``count`` slides of one continued text: numbered when there are several."""
        self.bounded(title, count, self.geometry.stage)
        if index == 0:
            return title
        return f"{title} {self.labels['continued']}" if count == 2 else f"{title} ({index + 1}/{count})"

    # designs

    def cover_image(self) -> Image | None:
        """The topic's picture for the title slide, when it marks one and the design is ours."""
        if not (self.designed and self.style.designs.cover):
            return None
        return next((image for image in self.topic.images if image.section == COVER), None)

    def title_slide(self) -> SlidePlan:
        """Title, then subtitle, meta line and course, beside the cover picture if there is one.

        Lines that cannot fit even at the floor are left to the notes, which hold what a presenter
        opens with: the title and those lines. The summary is the next slide's ("At a glance").
        """
        topic, geometry = self.topic, self.geometry
        cover = self.cover_image()
        title_box, box = geometry.cover_title, geometry.cover_subtitle
        pictured: list[Drawing] = []
        if cover:
            split = geometry.width_pt * COVER_TEXT_SHARE
            title_box = replace(title_box, width=split - title_box.left)
            box = replace(box, width=split - box.left)
            pad, margin = self.set.pt(PAD_PT), self.set.pt(MARGIN_PT)
            region = Box(split + pad, margin, geometry.width_pt - split - pad - margin, geometry.height_pt - 2 * margin)
            credit_ink = "on_fill_muted" if self.style.family == "classic" else "muted"
            pictured = designs.picture(region, cover.file, cover.alt, cover.credit or "", self.set, self.style, True, credit_ink)
        title, size = self.fit_title(topic.title, title_box, "cover_title", "title" in self.capitals)
        lines = [line for line in (topic.subtitle, " · ".join(meta_line(topic, self.labels))) if line]
        if self.course:
            lines.append(" · ".join([self.course.heading, *self.course.details]))
        opening = [topic.title, *lines]
        subtitle = None
        filled = self.designed and self.style.family == "classic"
        while lines and subtitle is None:
            fitted = self.set.fit([Item((Span(line),), bullet=False) for line in lines], box, "cover_subtitle")
            if len(fitted) == 1:
                ink = "on_fill_muted" if filled else "muted"
                subtitle = self.set.block(box, fitted[0].items, fitted[0].size_pt, "cover_subtitle", ink=ink, name="Subtitle")
            else:
                lines.pop()
        drawing: list[Drawing] = [*self.cover_design(title_box, subtitle), *pictured] if self.designed else []
        return SlidePlan(
            "title",
            "cover",
            title,
            size,
            title_box,
            title_ink="on_fill" if filled else ("text" if self.style.family == "print" else "primary"),
            subtitle=subtitle,
            drawing=tuple(drawing),
            background="primary" if filled else None,
            notes=self.notes("", plain=opening),
        )

    def cover_design(self, title: Box, subtitle: TextBlock | None) -> list[Drawing]:
        """Classic: a primary field and an accent bar; modern: a primary band down the left; print: rules."""
        height, pt = self.geometry.height_pt, self.set.pt
        if self.style.family == "modern":
            return [
                self.band(),
                Shape("rect", Box(title.left + INSET_X_PT, title.bottom + pt(10), pt(120), pt(6)), "accent", name="Accent bar"),
            ]
        if self.style.family == "print":
            bottom = subtitle.box.bottom if subtitle else title.bottom + pt(20)
            return [
                Line(Box(title.left, title.top - pt(12), title.width, 0), "text", pt(4.0), "Rule"),
                Line(Box(title.left, min(bottom + pt(8), height - pt(60)), title.width, 0), "text", pt(1.0), "Rule"),
            ]
        return [Shape("rect", Box(title.left + INSET_X_PT, title.bottom + pt(10), pt(120), pt(5)), "accent", name="Accent bar")]

    def band(self) -> Shape:
        """The modern design's primary band down the slide's left edge."""
        return Shape("rect", Box(0, 0, self.set.pt(BAND_PT), self.geometry.height_pt), "primary", name="Band")

    def summary_slides(self) -> list[SlidePlan]:
        """A summary in a panel; set large as a statement when it is short or would leave the panel small."""
        item = Item(markup.parse(self.topic.summary), bullet=False)
        notes = self.notes("summary", [self.topic.summary])
        title = self.labels["at_a_glance"]
        region = self.geometry.stage
        panel = designs.panel(region, item, self.set, self.style) if self.style.designs.panel else None
        full = panel is not None and panel[0].box.height >= region.height * SPARSE_SHARE
        small = self.style.designs.panel and not full  # a panel that would look empty, or not fit: set large instead
        if (small or len(item.text.split()) <= STATEMENT_WORDS) and (statement := self.statement(item)):
            return [self.slide(title, "statement", notes, statement)]
        if panel:
            return [self.slide(title, "panel", notes, panel)]
        return self.list_slides(title, [item], notes)

    def brief_slides(self) -> list[SlidePlan]:
        """A small topic's one key fact, one point of what happened and one of why it matters, as one slide of three cards.

        Three slides of a sentence each would look empty; side by side, headed by their sections, they read as one.
        The slide has a title of its own ("In brief"), so the first card's heading does not repeat it.
        """
        topic, labels = self.topic, self.labels
        sections = tuple((name, getattr(topic, name)) for name in BRIEF_SECTIONS)
        if any(len(entries) != 1 for _, entries in sections) or self.style.designs.grid == OFF:
            return []
        fact, context, significance = topic.key_facts[0], topic.context[0], topic.significance[0]
        texts = (fact.fact, _slide_text(context), _slide_text(significance))
        if any(len(markup.plain_text(text).split()) > STATEMENT_WORDS for text in texts):
            return []
        entries = [
            GridEntry(bold_line(labels[name]), Item(markup.parse(text), bullet=False))
            for (name, _), text in zip(sections, texts, strict=True)
        ]
        columns = 1 if self.style.designs.grid == "rows" else len(entries)
        drawing = designs.grid(self.geometry.stage, entries, self.set, self.style, columns=columns)
        if drawing is None:
            return []
        parts = (self.notes("key_facts", [fact.detail] if fact.detail else []), self.notes("context", [context.text]))
        notes = "\n\n".join(part for part in (*parts, self.notes("significance", [significance.text])) if part)
        return [self.slide(labels["in_brief"], "grid", notes, drawing)]

    def fact_slides(self) -> list[SlidePlan]:
        """Key facts that carry a figure set big on a slide of their own, "In numbers", then the others as a list.

        Each fact is shown once: a fact on the figures' slide is not listed again.
        """
        facts = self.topic.key_facts
        notes = self.notes("key_facts", [fact.detail for fact in facts if fact.detail])
        figured = [(fact.figure, Item(markup.parse(fact.fact), bullet=False)) for fact in facts if fact.figure]
        shown = len(figured) > 1 and self.style.designs.numbers
        drawing = designs.numbers(self.geometry.stage, figured, self.set, self.style) if shown else None
        if drawing is None:
            leads = {_listed_fact(fact).text: (fact.figure, Item(markup.parse(fact.fact), bullet=False)) for fact in facts if fact.figure}
            return self.listed_fact_slides([_listed_fact(fact) for fact in facts], notes, leads)
        listed = [Item(markup.parse(fact.fact)) for fact in facts if not fact.figure]
        slides = [self.slide(self.labels["in_numbers"], "numbers", notes, drawing)]
        listed_slides = self.listed_fact_slides(listed, notes) if listed else []
        return continuing(slides + listed_slides)  # the same details

    def listed_fact_slides(self, facts: Sequence[Item], notes: str, leads: Mapping[str, tuple[str, Item]] | None = None) -> list[SlidePlan]:
        """The key facts as a list that runs on from slide to slide, a slide left with one long fact setting it in the
        spotlight; or, where facts too long to share a list slide would each stand alone (a sentence is never cut),
        paired, two a slide, where that takes fewer slides.

        A run of slides each holding one long sentence in a list two thirds full looks unfinished: paired at a smaller
        size (``fact``), facts fill their slides, and a fact left alone is set larger, as a pull quote is, led
        by its figure set big where ``leads`` gives one (a listed fact's text: its figure, and its text without it).
        """
        leads = leads or {}
        title = self.labels["key_facts"]
        pages = self.set.fit(facts, self.geometry.body, "body", flow=True)
        if len(pages) > 1 and any(self.lone_fact(page.items, page.size_pt, facts) for page in pages):
            carded = self.paired_fact_slides(title, facts, notes, len(pages), leads)
            if carded is not None:
                return carded
        return [self.spotlit(slide, facts, leads) for slide in self.list_slides(title, facts, notes, flow=True)]

    def lone_fact(self, items: Sequence[Item], size: float, facts: Sequence[Item]) -> bool:
        """Whether ``items`` are one whole fact, alone on a list slide it fills less than ``FILLED_SHARE`` of."""
        box = self.geometry.body
        return len(items) == 1 and items[0] in facts and self.set.height(items, box.width, size, "body") < box.height * FILLED_SHARE

    def spotlit(self, slide: SlidePlan, facts: Sequence[Item], leads: Mapping[str, tuple[str, Item]]) -> SlidePlan:
        """A list slide of one long fact as the fact in the spotlight, where it fits; any other slide as it is."""
        if slide.body is None or not self.lone_fact(slide.body.items, slide.body.size_pt, facts):
            return slide
        drawing = self.spotlight(slide.body.items[0], leads.get(slide.body.items[0].text))
        if drawing is None:
            return slide
        return replace(self.slide(slide.title, "statement", slide.notes, drawing), notes_with=slide.notes_with)

    def paired_fact_slides(
        self, title: str, facts: Sequence[Item], notes: str, fewer_than: int, leads: Mapping[str, tuple[str, Item]]
    ) -> list[SlidePlan] | None:
        """Key facts paired one under the other, as cards or, where cards would not save a slide, beside accent bars
        without the cards' padding, ``FACTS_A_SLIDE`` at most, shared evenly over the fewest slides that hold them; a
        slide left with one fact sets it in the spotlight where it fits. None where the theme has no cards, a fact fits
        neither, or the pairs need ``fewer_than`` slides or more (facts packed in order, each slide taking as many as it
        holds, need the fewest slides there are: no even share can need fewer)."""
        if self.style.designs.cards == OFF:
            return None
        plain = [replace(fact, bullet=False) for fact in facts]
        stage = self.geometry.stage
        for design, pair in (
            ("cards", partial(designs.card_rows, stage, set_=self.set, style=self.style, numbered=False, role="fact")),
            ("facts", partial(designs.barred_rows, stage, set_=self.set, role="fact")),
        ):

            def layout(share: Sequence[Item], pair: Callable[..., list[Drawing] | None] = pair) -> list[Drawing] | None:
                return (self.spotlight(share[0], leads.get(share[0].text)) if len(share) == 1 else None) or pair(share)

            with self.set.trial():
                packed = _packed(plain, layout, FACTS_A_SLIDE)
            pages = _shared(plain, layout, FACTS_A_SLIDE, trial=self.set.trial) if packed and len(packed) < fewer_than else None
            if pages is not None:
                slides = [
                    self.slide(self.continued(title, index, len(pages)), "statement" if _spotlit(drawing) else design, notes, drawing)
                    for index, (_, drawing) in enumerate(pages)
                ]
                return continuing(slides)
        return None

    def checklist_slides(self, title: str, items: Sequence[Item], notes: str) -> list[SlidePlan]:
        """Objectives as a checklist; as a list, continued, when they are too many for one slide."""
        if len(items) == 1 and (drawing := self.statement(items[0])):
            return [self.slide(title, "statement", notes, drawing)]
        drawing = designs.checklist(self.geometry.stage, items, self.set) if self.style.designs.checklist else None
        if drawing is None:
            return self.list_slides(title, [replace(item, bullet=True) for item in items], notes)
        return [self.slide(title, "checklist", notes, drawing)]

    def excerpt_slides(self, excerpts: Sequence[Excerpt]) -> list[SlidePlan]:
        """A section's passages in order: each translated one beside its translation, the others as quotations."""
        translations = {excerpt.translates: excerpt for excerpt in self.topic.excerpts if excerpt.translates}
        slides: list[SlidePlan] = []
        for translated, run in itertools.groupby(excerpts, key=lambda excerpt: excerpt.id in translations):
            for group in [[excerpt, translations[str(excerpt.id)]] for excerpt in run] if translated else [list(run)]:
                slides += (self.translation_slide(*group) if translated else None) or self.quotation_slides(group)
        return slides

    def translation_slide(self, original: Excerpt, translation: Excerpt) -> list[SlidePlan] | None:
        """The passage and its translation side by side, titled by the translation's attribution without its aside
        ("Treaty of Berlin, Article 2"); None where the theme sets no quotations or they do not fit."""
        if not self.style.designs.quotation:
            return None
        original_item, translation_item = (_passage(excerpt) for excerpt in (original, translation))
        drawing = designs.parallel(
            self.geometry.stage, original_item, translation_item, (original.attribution, translation.attribution), self.set
        )
        if drawing is None:
            return None
        title = re.sub(r"\s*\([^()]*\)$", "", translation.attribution) or translation.attribution
        return [self.slide(title, "translation", self.excerpt_notes([original, translation]), drawing)]

    def excerpt_notes(self, excerpts: Sequence[Excerpt]) -> str:
        """Each passage's text, whose words they are and the source's citation: what a speaker may read out."""
        citations = {source.id: markup.plain_text(source.citation) for source in self.topic.sources if source.id}
        return "\n\n".join(
            f"{markup.plain_text(excerpt.text)}\n{excerpt.attribution}. {citations.get(excerpt.source, '')}".strip() for excerpt in excerpts
        )

    def quotation_slides(self, excerpts: Sequence[Excerpt]) -> list[SlidePlan]:
        """A section's primary-source passages set large, shared over as few slides as hold them.

        Each slide is titled by whose words it shows first; the sources' citations go to the notes.
        """
        passages = [(_passage(excerpt), excerpt.attribution, excerpt) for excerpt in excerpts]

        def layout(group: Sequence[tuple[Item, str, Excerpt]]) -> list[Drawing] | None:
            least = self.set.pt(QUOTES_TOGETHER_PT) if len(group) > 1 else 0.0
            return designs.quotation(self.geometry.stage, [(quote, by) for quote, by, _ in group], self.set, least)

        if not self.style.designs.quotation:  # the section's passages as one list, each followed by whose words they are
            quoted = [replace(quote, spans=(*quote.spans, Span(f" \u2014\u00a0{by}"))) for quote, by, _ in passages]
            return self.list_slides(passages[0][1], quoted, "\n\n".join(markup.plain_text(item.text) for item in quoted))
        pages = _shared(passages, layout, len(passages), trial=self.set.trial)
        if pages is None:  # a passage too long to set large: as a list, continued
            return [slide for quote, by, _ in passages for slide in self.list_slides(by, [quote], markup.plain_text(quote.text))]
        return [
            self.slide(share[0][2].attribution, "quotation", self.excerpt_notes([excerpt for _, _, excerpt in share]), drawing)
            for share, drawing in pages
        ]

    def list_slides(
        self, title: str, items: Sequence[Item], notes: str, wide: bool = False, cards: bool = True, flow: bool = False
    ) -> list[SlidePlan]:
        """Items in the body placeholder, continued on further slides when they do not fit one.

        A list too short to fill a third of the body is set as cards (or one item as a
        statement) instead, as full-width rows when ``wide`` (long references read better so),
        unless not ``cards`` (a question and its options, which are no set of equals);
        a continued list is shared evenly, so no slide holds a leftover. Items that ``flow`` (facts, unlike
        questions) run on from slide to slide, so items too long to share a slide whole still fill it.
        """
        box = self.geometry.body
        pages = self.set.fit(items, box, "body", flow)
        self.bounded(title, len(pages), box)
        if cards and len(pages) == 1 and self.set.height(pages[0].items, box.width, pages[0].size_pt, "body") < box.height * SPARSE_SHARE:
            designed = self.short_list_slides(title, items, notes, wide)
            if designed:
                return designed
        if len(pages) > 1:
            pages = self.balanced(items, box, len(pages), flow)
        alone = len(pages) == 1 and self.set.height(pages[0].items, box.width, pages[0].size_pt, "body") < box.height * CENTRED_SHARE
        return continuing(
            [
                self.slide(
                    self.continued(title, index, len(pages)),
                    "list",
                    notes,
                    body=self.set.block(box, page.items, page.size_pt, "body", anchor="ctr" if alone else "t"),
                )
                for index, page in enumerate(pages)
            ]
        )

    def balanced(self, items: Sequence[Item], box: Box, count: int, flow: bool = False) -> list[Fitted]:
        """The items on ``count`` boxes, filled evenly: the shortest box height that still needs no more boxes.

        Where items are too lumpy for that, whole items move from the end of the next-to-last box
        to the last, while it still fits and the box they leave keeps a third of its height; and
        a next-to-last box still under a third takes whole items from the last while they fit.
        """
        best = self.set.fit(items, box, "body", flow)
        height = box.height
        while height > box.height / count:
            height *= 0.95
            pages = self.set.fit(items, replace(box, height=height), "body", flow)
            if len(pages) > count:
                break
            best = pages
        *earlier, before, last = [list(page.items) for page in best] if len(best) > 1 else [[], *[list(page.items) for page in best]]
        size = best[-1].size_pt

        def height_of(group: Sequence[Item]) -> float:
            return self.set.height(group, box.width, size, "body") if group else 0.0

        while len(before) > 1 and height_of(last) < box.height * SPARSE_SHARE:
            moved = [before[-1], *last]
            if height_of(moved) > box.height or height_of(before[:-1]) < box.height * SPARSE_SHARE:
                break
            before, last = before[:-1], moved
        while len(last) > 1 and height_of(before) < box.height * SPARSE_SHARE:
            taken = [*before, last[0]]  # a short box ahead of a lumpy item takes it, when it fits whole
            if height_of(taken) > box.height:
                break
            before, last = taken, last[1:]
        return [Fitted(tuple(group), size) for group in (*earlier, before, last) if group]

    def short_list_slides(self, title: str, items: Sequence[Item], notes: str, wide: bool = False) -> list[SlidePlan] | None:
        """A short list as one designed slide: one item as a statement, two to four as cards (rows when ``wide``)."""
        plain = [replace(item, bullet=False, number=0) for item in items]
        if len(plain) == 1 and not wide and (drawing := self.statement(plain[0])):
            return [self.slide(title, "statement", notes, drawing)]
        if len(plain) > MAX_CARDS or (len(plain) == 1 and not wide):
            return None
        drawing = self.cards(plain, any(item.number for item in items), rows=wide)
        return [self.slide(title, "cards", notes, drawing)] if drawing else None

    def statement(self, item: Item) -> list[Drawing] | None:
        """``item`` set large on the stage, if the theme allows statements and it fits."""
        return designs.statement(self.geometry.stage, item, self.set) if self.style.designs.statement else None

    def spotlight(self, item: Item, lead: tuple[str, Item] | None = None) -> list[Drawing] | None:
        """A long ``item`` alone on its slide, set larger than a list, as a statement is, led by a ``lead`` figure set big
        where it has one (the figure, and its text without it) and that fits; if the theme allows statements and it fits."""
        if not self.style.designs.statement:
            return None
        stage = self.geometry.stage
        if lead and self.style.designs.numbers and (figured := designs.figured_spotlight(stage, bold_line(lead[0]), lead[1], self.set)):
            return figured
        return designs.spotlight(stage, replace(item, bullet=False), self.set)

    def cards(self, items: Sequence[Item], numbered: bool, rows: bool = False) -> list[Drawing] | None:
        """``items`` as cards, in the theme's arrangement (or in ``rows``); None if the theme has no cards or they do not fit."""
        arrangement = self.style.designs.cards
        if arrangement == OFF:
            return None
        layout = designs.card_rows if rows or arrangement == "rows" else designs.cards
        return layout(self.geometry.stage, items, self.set, self.style, numbered)

    def point_slides(self, title: str, paragraphs: Sequence[Paragraph], section: str, numbered: bool) -> list[SlidePlan]:
        """A section's points (each paragraph's slide text): one as a statement, two to four as cards, more over several."""
        items = [Item(markup.parse(_slide_text(paragraph)), bullet=False) for paragraph in paragraphs]
        notes = self.notes(section, [paragraph.text for paragraph in paragraphs])
        if len(items) == 1:
            if len(items[0].text.split()) <= STATEMENT_WORDS and (drawing := self.statement(items[0])):
                return [self.slide(title, "statement", notes, drawing)]
            return self.list_slides(title, items, notes)
        pages = _shared(items, lambda group: self.cards(group, numbered), MAX_CARDS, trial=self.set.trial)
        if pages is None:
            return self.list_slides(title, [replace(item, bullet=True) for item in items], notes)
        slides = [self.slide(self.continued(title, index, len(pages)), "cards", notes, drawing) for index, (_, drawing) in enumerate(pages)]
        return continuing(slides)

    def question_slides(self, items: Sequence[Arranged], asking: str, answering: str, section: str) -> list[SlidePlan]:
        """With answers in the notes, open questions in a row share a numbered list; any other question has a slide of its own.

        A slide of its own shows a type's options, columns or gaps where a class can read them,
        titled ``asking`` and its number as the paper the class holds numbers it ("Question 2",
        "Quiz question 1"). With answers on slides (``quiz.answers: slides``), every question
        has its slide and an answer slide after it, titled ``answering`` and the number. The
        topic's notes for ``section`` follow.
        """
        labels = self.labels
        faces = [shown_question(item, labels) for item in items]
        slides: list[SlidePlan] = []
        grouped = itertools.groupby(
            zip(items, faces, strict=True), key=lambda pair: self.quiz_answers == "notes" and isinstance(pair[0].question, OpenQuestion)
        )
        for listed, run in grouped:
            pairs = list(run)
            if listed:
                questions = [replace(face.asked[0], number=item.number) for item, face in pairs]
                answers = [f"{item.number}. {face.notes}" for item, face in pairs]
                notes = self.notes(section, plain=[f"{labels['answer_key']}:", *answers])
                slides += self.list_slides(labels["questions"], questions, notes)
                continue
            for item, face in pairs:
                title, answer = f"{asking} {item.number}", f"{labels['answer']}: {face.notes}"
                notes = self.notes(section, plain=[answer] if self.quiz_answers == "notes" else [])
                columns = face.columns[0] and self.style.designs.grid != OFF  # a matching's columns are a grid of its terms
                matching = self.matching_slides(title, face.asked[0], *face.columns, notes) if columns else None
                slides += matching or self.asking_slides(title, face.asked, notes)
                if self.quiz_answers != "notes":
                    slides += self.list_slides(f"{answering} {item.number}", face.answered, answer)
        return slides

    def matching_slides(self, title: str, stem: Item, lefts: Sequence[Item], rights: Sequence[Item], notes: str) -> list[SlidePlan] | None:
        """A matching's items and options in two columns on one slide; where they do not fit, its options shared over
        two or three slides, each beside all the items; None where even that does not fit."""
        for count in range(1, MATCHING_SLIDES + 1):
            shares = [rights[index * len(rights) // count : (index + 1) * len(rights) // count] for index in range(count)]
            drawings = [matching_design(self.geometry.stage, stem, lefts, share, self.set) for share in shares]
            if all(drawings):
                return continuing(
                    [
                        self.slide(self.continued(title, index, count), "matching", notes, drawing)
                        for index, drawing in enumerate(drawings)
                        if drawing
                    ]
                )
        return None

    def asking_slides(self, title: str, asked: Sequence[Item], notes: str) -> list[SlidePlan]:
        """A question alone as a statement; with options, columns or gaps as a list, or, where the list would leave the slide
        mostly empty, set large above them."""
        box = self.geometry.body
        pages = self.set.fit(asked, box, "body")
        sparse = len(pages) == 1 and self.set.height(pages[0].items, box.width, pages[0].size_pt, "body") < box.height * SPARSE_SHARE
        if sparse and len(asked) > 1 and self.designed and (drawing := question_design(self.geometry.stage, asked[0], asked[1:], self.set)):
            return [self.slide(title, "question", notes, drawing)]
        return self.list_slides(title, asked, notes, cards=len(asked) == 1)

    def people_slides(self) -> list[SlidePlan]:
        entries = []
        for person in self.topic.people:
            native = (Span(" ("), Span(person.native_name, lang=person.native_name_lang), Span(")")) if person.native_name else ()
            head = (Span(person.name, bold=True), *native)
            role = Item(markup.parse(person.role), bullet=False)
            entries.append(GridEntry(Item(head, bullet=False), role, _initials(person.name), str(person.image) if person.image else ""))
        plain = [f"{person.name}: {markup.plain_text(person.role)}" for person in self.topic.people]
        return self.grid_slides(self.labels["people"], entries, self.notes("people", plain=plain), "person")

    def grid_slides(self, title: str, entries: Sequence[GridEntry], notes: str, role: str = "grid") -> list[SlidePlan]:
        """Name or term cards in a grid, shared evenly over as few slides as hold them; a list if a card never fits.

        Two columns, or one where full-width rows hold the cards on fewer slides (a 4:3 slide's narrow columns make each
        card tall), or leave no card alone on a slide where two columns would.
        """
        region, arrangement = self.geometry.stage, self.style.designs.grid
        if arrangement == OFF:
            pages = None
        else:

            def layout(group: Sequence[GridEntry], columns: int) -> list[Drawing] | None:
                return designs.grid(region, group, self.set, self.style, columns, role)

            before = dict(self.set.wanted)
            tried: list[tuple[list[tuple[Sequence[GridEntry], list[Drawing]]] | None, dict[str, float]]] = []
            for columns in (1,) if arrangement == "rows" else (2, 1):  # each tried as if alone: the sizes it wants are its own
                if tried and tried[0][0] and len(tried[0][0]) == 1:
                    break  # one slide of two columns: rows could not do better
                self.set.wanted = dict(before)
                tried.append((_shared(entries, partial(layout, columns=columns), len(entries), columns, self.set.trial), self.set.wanted))
            found = [(pages, wanted) for pages, wanted in tried if pages]
            pages, self.set.wanted = min(found, key=lambda pair: (len(pair[0]), _leftover(pair[0])), default=tried[0])
        if pages is None:
            items = [Item((*entry.head.spans, *((Span(": "), *entry.body.spans) if entry.body else ()))) for entry in entries]
            return self.list_slides(title, items, notes)
        slides = [self.slide(self.continued(title, index, len(pages)), "grid", notes, drawing) for index, (_, drawing) in enumerate(pages)]
        return continuing(slides)

    def timeline_slides(self) -> list[SlidePlan]:
        """The timeline on an axis to scale; as a dated list where its labels are too wordy for three to share a slide."""
        own = self.topic.date
        events = [
            timeline.Event(
                unbroken(self.labels.date(entry.date)),
                markup.parse(entry.event),
                when(entry.date),
                own=entry.date == own,
                exact=isinstance(entry.date, dt.date | int),
            )
            for entry in self.topic.timeline
        ]
        notes = self.notes("timeline", plain=[f"{event.date}: {Item(event.text).text}" for event in events])
        title = self.labels["timeline"]
        pages = (
            timeline.timeline_pages(self.geometry.stage, events, self.set, self.style, self.labels.span)
            if self.style.designs.timeline
            else None
        )
        if pages is None:
            items = [Item((Span(f"{event.date}: ", bold=True), *event.text)) for event in events]
            return self.list_slides(title, items, notes)
        slides = [self.slide(self.continued(title, index, len(pages)), "timeline", notes, drawing) for index, drawing in enumerate(pages)]
        return continuing(slides)

    def picture_slide(self, index: int) -> SlidePlan:
        """The picture as large as the slide allows, titled by its caption (or alt text) without a closing full stop."""
        image = self.topic.images[index]
        title = (markup.plain_text(image.caption) if image.caption else image.alt).rstrip(". ") or self.labels["images"]
        notes = self.notes("images", plain=[image.alt])
        if self.designed and (beside := self.titled_beside(title, image, notes)):
            return beside
        drawing = designs.picture(self.geometry.stage, image.file, image.alt, image.credit or "", self.set, self.style)
        return self.slide(title, "picture", notes, drawing)

    def titled_beside(self, title: str, image: Image, notes: str) -> SlidePlan | None:
        """A picture that the stage's height keeps small (a diagram on a wide slide) drawn from the title's top to the
        stage's foot, with its title and credit in a column at its left; None where that would not draw it
        ``SIDE_GAIN`` times larger, or the title does not fit the column at the deck's title size."""
        stage, pt = self.geometry.stage, self.set.pt
        width_px, height_px = designs.picture_size(image.file)
        tall = Box(stage.left, self.geometry.stage_title.top, stage.width, stage.bottom - self.geometry.stage_title.top)
        column = pt(SIDE_TITLE_PT)
        scale = min(tall.height / height_px, (tall.width - column - pt(GAP_PT)) / width_px)
        width, height = width_px * scale, height_px * scale
        below = designs.fitted(image.file, stage)
        if width * height < SIDE_GAIN * below.width * below.height:
            return None
        column = tall.width - width - pt(GAP_PT)
        size = self.set.largest_one([bold_line(title)], Box(tall.left, tall.top, column, tall.height), "title")
        if size is None or size != self.set.sizes("title")[0] or "title_only" in self.capitals:
            return None
        shown = self.set.balanced(title, column, size, "title")
        title_box = Box(tall.left, tall.top, column, self.set.height([bold_line(shown)], column, size, "title"))
        box = Box(tall.right - width, tall.top, width, height)
        picture = designs.picture(box, image.file, image.alt, "", self.set, self.style)
        drawing = [*designs.title_accent(title_box, self.style, self.set), *picture]
        if image.credit:
            line = Item((Span(image.credit),), bullet=False)
            caption = self.set.sizes("caption")[1]
            credit_height = self.set.height([line], column, caption, "caption")
            credit = Box(tall.left, box.bottom - credit_height, column, credit_height)
            drawing.append(self.set.block(credit, [line], caption, "caption", ink="muted", anchor="b", name="Credit"))
        return SlidePlan("title_only", "picture", shown, size, title_box, drawing=tuple(drawing), notes=notes)


def _shared(
    entries: Sequence[T],
    layout: Callable[[Sequence[T]], list[Drawing] | None],
    most: int,
    unit: int = 1,
    trial: Callable[[], AbstractContextManager[None]] = nullcontext,
) -> list[tuple[Sequence[T], list[Drawing]]] | None:
    """(share, ``layout`` of it) for the entries shared evenly over the fewest slides where each share fits; None if one never fits.

    Shares are whole ``unit``s (the rows of a grid), so no slide but the last leaves a gap in a row; unless that would
    leave one entry alone on a slide where the entries could be shared out (five cards in rows of two as 3 + 2, not 4 + 1).
    Where entries differ too much in size for even shares, each slide takes as many as it holds, and the last, left with
    one, takes one more from the slide before. Those tries are made in a ``trial``: what they would want of the deck's
    sizes is not asked for.
    """
    rows = [entries[start : start + unit] for start in range(0, len(entries), unit)]
    packed: list[Sequence[T]] | None = None
    for count in range(-(-len(entries) // max(most, 1)), len(entries) + 1):
        shares: list[Sequence[T]] = [[entry for row in run for entry in row] for run in _even(rows, count)] if count <= len(rows) else []
        if not shares or (len(entries) > count and any(len(share) == 1 for share in shares)):
            shares = _even(entries, count)
        pages = [(share, layout(share)) for share in shares]
        if all(drawing is not None for _, drawing in pages):
            return [(share, drawing) for share, drawing in pages if drawing is not None]
        if count > 1 and packed is None:  # even shares of two or more slides fail: packing may need fewer
            with trial():
                packed = _packed(entries, layout, most) or []
        if packed and len(packed) == count:
            pages = [(share, layout(share)) for share in packed]
            if all(drawing is not None for _, drawing in pages):
                return [(share, drawing) for share, drawing in pages if drawing is not None]
    return None


def _packed(entries: Sequence[T], layout: Callable[[Sequence[T]], list[Drawing] | None], most: int) -> list[Sequence[T]] | None:
    """``entries`` in order, each slide taking as many as ``layout`` holds (``most`` at most); a last slide left with one
    takes one more from the slide before, where that still fits; None where one entry does not fit a slide alone."""
    shares: list[list[T]] = []
    for entry in entries:
        if shares and len(shares[-1]) < most and layout([*shares[-1], entry]) is not None:
            shares[-1].append(entry)
        elif layout([entry]) is None:
            return None
        else:
            shares.append([entry])
    if len(shares) > 1 and len(shares[-1]) == 1 and len(shares[-2]) > 2 and layout([shares[-2][-1], *shares[-1]]) is not None:
        shares[-1].insert(0, shares[-2].pop())
    return list(shares)


def _even(entries: Sequence[T], count: int) -> list[Sequence[T]]:
    """``entries`` in ``count`` runs in order, as even as they can be, the earlier runs the larger."""
    each, over = divmod(len(entries), count)
    bounds = [index * each + min(index, over) for index in range(count + 1)]
    return [entries[start:end] for start, end in itertools.pairwise(bounds)]


def _leftover(pages: Sequence[tuple[Sequence[T], list[Drawing]]]) -> bool:
    """Whether shared ``pages`` leave one item alone on a slide after the first: a continuation that looks left behind."""
    return len(pages) > 1 and len(pages[-1][0]) == 1


def _spotlit(drawing: Sequence[Drawing]) -> bool:
    """Whether a design sets its text in the spotlight (a long fact alone on its slide)."""
    return any(isinstance(part, TextBlock) and part.role == "spotlight" for part in drawing)


def _passage(excerpt: Excerpt) -> Item:
    """A quoted passage: in italics, in its own language."""
    return Item(tuple(replace(span, italic=True, lang=excerpt.lang) for span in markup.parse(excerpt.text)), bullet=False)


def _listed_fact(fact: KeyFact) -> Item:
    """A key fact as a list item, led by its figure in bold where its text does not say it (as the figure is not set big)."""
    spans = markup.parse(fact.fact)
    if fact.figure and fact.figure not in unbroken(markup.plain_text(fact.fact)):
        spans = (Span(fact.figure, bold=True), Span(" \u2013 "), *spans)
    return Item(tuple(spans))


def _slide_text(paragraph: Paragraph) -> str:
    """A paragraph's short version for a slide: its ``slide`` text, or its first sentence."""
    return paragraph.slide or sentences(paragraph.text)[0]


def _same_breaks(text: str, broken: str) -> str:
    """``text`` with the line breaks ``broken`` (its capitals, balanced) has, where a character of one stands for one of the
    other; as it is where capitals change its length (ß, SS)."""
    if len(text) != len(broken):
        return text
    return "".join(LINE_BREAK if mark == LINE_BREAK and letter == " " else letter for letter, mark in zip(text, broken, strict=True))


def _initials(name: str) -> str:
    """Up to two initials of a name, for the badge on a person's card."""
    letters = [word[0] for word in name.split() if word[:1].isalpha()]
    return "".join(letters[:1] + letters[-1:] if len(letters) > 1 else letters).upper() or name[:1]


def _unique_titles(slides: Sequence[SlidePlan]) -> tuple[SlidePlan, ...]:
    """Slides whose titles repeat an earlier one's get a number, as accessibility checkers ask."""
    seen: dict[str, int] = {}
    unique = []
    for slide in slides:
        seen[slide.title] = seen.get(slide.title, 0) + 1
        unique.append(slide if seen[slide.title] == 1 else replace(slide, title=f"{slide.title} ({seen[slide.title]})"))
    return tuple(unique)


def plan_deck(
    topic: Topic,
    labels: Labels,
    geometry: Geometry,
    fonts: DeckFonts,
    course: Course | None = None,
    measurers: Measurers | None = None,
    style: DeckStyle | None = None,
    designed: bool = True,
    quiz_seed: int = 0,
    quiz_answers: QuizAnswers = "notes",
    quiz_print: QuizPrint = "paper",
    lines: bool = True,
) -> DeckPlan:
    """The deck's plan, with one size per text role: planned once to learn the sizes, then again at them.

    ``measurers`` measures the fonts (its owner keeps what it learns between decks). Without
    ``lines``, its texts' lines are left unbroken (see :func:`lined`): an editable deck wraps
    its own text, and breaking every text into lines was a tenth of planning it.
    """
    measurers = measurers or Measurers()
    style = style or DeckStyle("classic", True)

    def planned(scale: Mapping[str, float] | None) -> tuple[DeckPlan, dict[str, float], Typesetter]:
        set_ = Typesetter(measurers(fonts.title), measurers(fonts.body), scale, geometry.height_pt / SLIDE_HEIGHT_PT, dict(fonts.starts))
        planner = Planner(topic, labels, geometry, set_, style, course, designed, quiz_seed, quiz_answers, quiz_print, fonts.capitals)
        plan = planner.plan()
        used = _sizes(plan)
        scale = {**used, **{role: min(size, used.get(role, size)) for role, size in set_.wanted.items()}}
        return replace(plan, scale=dict(sorted(used.items()))), scale, set_

    plan, learnt, _ = planned(None)
    for _ in range(PLANNING_ROUNDS):
        scale = learnt
        plan, learnt, _ = planned(scale)
        if learnt == scale:
            break
    return lined(plan, measurers, fonts) if lines else plan


def lined(plan: DeckPlan, measurers: Measurers, fonts: DeckFonts) -> DeckPlan:
    """``plan`` with the lines of every slide's title and text blocks, broken where the slide wraps them: what a
    renderer that wraps nothing itself (a slide drawn as PDF) draws line by line."""
    set_ = Typesetter(measurers(fonts.title), measurers(fonts.body))
    return replace(plan, slides=tuple(_with_lines(slide, set_, fonts.capitals) for slide in plan.slides))


def _with_lines(slide: SlidePlan, set_: Typesetter, capitals: tuple[str, ...] = ()) -> SlidePlan:
    """The slide with the lines of its title (in capitals where its layout shows it so) and of every text block,
    broken where the slide wraps them."""
    title_role = "cover_title" if slide.role == "title" else "title"
    title = slide.title.upper() if slide.role in capitals else slide.title

    def lined(drawing: Drawing) -> Drawing:
        return set_.with_lines(drawing) if isinstance(drawing, TextBlock) else drawing

    return replace(
        slide,
        title_lines=set_.broken(bold_line(title), slide.title_box.width, slide.title_size_pt, title_role),
        body=set_.with_lines(slide.body) if slide.body else None,
        subtitle=set_.with_lines(slide.subtitle) if slide.subtitle else None,
        drawing=tuple(lined(drawing) for drawing in slide.drawing),
    )


def _sizes(plan: DeckPlan) -> dict[str, float]:
    """The smallest size each text role is set at in ``plan``: the type scale the next plan holds to."""
    sizes: dict[str, float] = {}
    for slide in plan.slides:
        blocks = [block for block in (slide.subtitle, slide.body) if block is not None]
        blocks += [drawing for drawing in slide.drawing if isinstance(drawing, TextBlock)]
        roles = [
            ("cover_title" if slide.role == "title" else "title", slide.title_size_pt),
            *((block.role, block.size_pt) for block in blocks),
        ]
        for role, size in roles:
            sizes[role] = min(sizes.get(role, size), size)
    return sizes


def describe(plan: DeckPlan) -> str:
    """The plan as readable text: one block per slide with its design, sizes and contents."""
    lines = [f"deck {plan.width_pt:g}x{plan.height_pt:g} pt, language {plan.language}, footer: {plan.footer}"]
    lines.append("type scale: " + ", ".join(f"{role} {size:g}" for role, size in plan.scale.items()))
    for number, slide in enumerate(plan.slides, start=1):
        lines.append(f"\n[{number}] {slide.design} on {slide.role}: {slide.title} ({slide.title_size_pt:g} pt)")
        blocks = [block for block in (slide.subtitle, slide.body) if block is not None]
        blocks += [drawing for drawing in slide.drawing if isinstance(drawing, TextBlock)]
        for block in blocks:
            lines.append(f"  {block.name.lower()} ({block.role} {block.size_pt:g} pt):")
            lines += [f"    {'•' if item.bullet else f'{item.number}.' if item.number else '-'} {item.text}" for item in block.items]
        shapes = sorted({drawing.name for drawing in slide.drawing if not isinstance(drawing, TextBlock)})
        if shapes:
            lines.append(f"  drawn: {', '.join(shapes)}")
        if slide.notes:
            lines.append(f"  notes: {len(slide.notes.split())} words")
    return "\n".join(lines) + "\n"
