"""Topic -> slide plan: what each slide holds, its layout role, boxes and sizes. Pure.

The writer only copies a plan into a file, so everything that can overflow is decided here,
by measurement, and a test can check every box without opening PowerPoint.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from guide import markup
from guide.fonts import FontFamily
from guide.labels import Labels
from guide.markup import Span
from guide.model import Course, Paragraph, Topic
from guide.render.common import meta_line
from guide.render.pptx.fitting import INSET_X_PT, SAFETY, Fitted, Item, bold_line, fit, items_height, pieces_that_fit
from guide.render.pptx.geometry import Box, Geometry
from guide.render.pptx.measure import FaceWidths, Measurer, sentences

TITLE_SIZES = (36.0, 28.0)
BODY_SIZES = (32.0, 18.0)
COVER_TITLE_SIZES = (54.0, 32.0)
COVER_SUBTITLE_SIZES = (24.0, 18.0)
TIMELINE_DATE_SHARE = 0.3
"""Most of the width a timeline's date column may take; longer dates wrap."""
TIMELINE_RAIL_WIDTH_PT = 40.0


@dataclass(frozen=True)
class DeckFonts:
    """The families titles and body text are measured with; ``named`` says whether runs name them.

    On an institution's template, runs name no font: the template's theme fonts apply, and
    these are the families that stand for them.
    """

    title: FontFamily
    body: FontFamily
    named: bool = True


@dataclass(frozen=True)
class TextPlan:
    box: Box
    items: tuple[Item, ...]
    size_pt: float


@dataclass(frozen=True)
class TimelineRow:
    """One entry, or the continuation of an entry too long for one slide (no date, no marker)."""

    date: str
    event: tuple[Span, ...]
    top: float
    height: float

    @property
    def marked(self) -> bool:
        return bool(self.date)


@dataclass(frozen=True)
class TimelinePlan:
    rail_x: float
    date_box_width: float
    event_left: float
    event_width: float
    rows: tuple[TimelineRow, ...]
    size_pt: float
    continues_above: bool
    continues_below: bool


@dataclass(frozen=True)
class PicturePlan:
    file: str
    alt: str
    box: Box


@dataclass(frozen=True)
class SlidePlan:
    """One slide. ``role`` names the layout it needs: title, content or title-only."""

    role: str
    title: str
    title_size_pt: float
    title_box: Box
    body: TextPlan | None = None
    subtitle: TextPlan | None = None
    timeline: TimelinePlan | None = None
    picture: PicturePlan | None = None
    notes: str = ""


@dataclass(frozen=True)
class DeckPlan:
    width_pt: float
    height_pt: float
    footer: str
    language: str
    slides: tuple[SlidePlan, ...] = field(default_factory=tuple)


class Planner:
    """Lays out one topic's slides in one geometry, with one theme's labels and font metrics."""

    def __init__(
        self, topic: Topic, labels: Labels, geometry: Geometry, fonts: DeckFonts, widths: FaceWidths, course: Course | None = None
    ) -> None:
        self.topic = topic
        self.course = course
        self.labels = labels
        self.geometry = geometry
        self.title_measurer = Measurer(fonts.title, widths)
        self.measurer = Measurer(fonts.body, widths)

    def plan(self) -> DeckPlan:
        topic, labels = self.topic, self.labels
        slides = [self.title_slide()]
        slides += self.text_slides(
            labels["at_a_glance"], [Item(markup.parse(topic.summary), bullet=False)], self.notes("summary", [topic.summary])
        )
        facts = [Item(markup.parse(fact.fact)) for fact in topic.key_facts]
        details = [fact.detail for fact in topic.key_facts if fact.detail]
        slides += self.text_slides(labels["key_facts"], facts, self.notes("key_facts", details))
        slides += self.paragraph_slides(labels["context"], topic.context, "context")
        slides += self.text_slides(
            labels["significance"],
            [Item(markup.parse(_slide_text(paragraph))) for paragraph in topic.significance],
            self.notes("significance", [paragraph.text for paragraph in topic.significance]),
        )
        if topic.timeline:
            slides += self.timeline_slides()
        if topic.people:
            people = [
                Item(
                    (
                        Span(person.name + (f" ({person.native_name})" if person.native_name else ""), bold=True),
                        Span(" — "),
                        *markup.parse(person.role),
                    )
                )
                for person in topic.people
            ]
            slides += self.text_slides(labels["people"], people, self.notes("people", plain=[item.text for item in people]))
        if topic.glossary:
            terms = [Item((Span(entry.term, bold=True), Span(": "), *markup.parse(entry.definition))) for entry in topic.glossary]
            slides += self.text_slides(labels["glossary"], terms, self.notes("glossary", plain=[item.text for item in terms]))
        if topic.questions:
            questions = [
                Item((Span(f"{number}. ", bold=True), *markup.parse(question.question)), bullet=False)
                for number, question in enumerate(topic.questions, start=1)
            ]
            answers = [f"{number}. {markup.plain_text(question.answer)}" for number, question in enumerate(topic.questions, start=1)]
            slides += self.text_slides(
                labels["questions"], questions, self.notes("questions", plain=[f"{labels['answer_key']}:", *answers])
            )
        slides += [self.picture_slide(index) for index in range(len(topic.images))]
        if topic.sources:
            sources = [
                Item((*markup.parse(source.citation), *((Span(" "), markup.bare_link(source.url)) if source.url else ())))
                for source in topic.sources
            ]
            slides += self.text_slides(labels["sources"], sources, self.notes("sources", plain=[item.text for item in sources]))
        return DeckPlan(self.geometry.width_pt, self.geometry.height_pt, self.footer(), topic.language, tuple(slides))

    def footer(self) -> str:
        return f"{self.course.code} · {self.topic.title}" if self.course else self.topic.title

    def notes(self, section: str, prose: Sequence[str] = (), plain: Sequence[str] = ()) -> str:
        """Speaker notes: the full text behind a slide, then the topic's own notes for the section.

        ``prose`` carries inline markup; ``plain`` is shown exactly as given.
        """
        extra = [self.topic.notes[section]] if section in self.topic.notes else []
        texts = [*(markup.plain_text(text) for text in prose), *plain, *(markup.plain_text(text) for text in extra)]
        return "\n\n".join(texts)

    def fit_title(self, title: str, box: Box, sizes: tuple[float, float]) -> tuple[str, float]:
        """The title at the largest size that fits its box; a title too long even at the floor is shortened."""
        fitted = fit([bold_line(title)], box.width, box.height, sizes, self.title_measurer)
        if len(fitted) == 1:
            return title, fitted[0].size_pt
        words = title.split()
        while len(words) > 1:
            words.pop()
            shortened = " ".join(words) + " …"
            if len(fit([bold_line(shortened)], box.width, box.height, sizes, self.title_measurer)) == 1:
                return shortened, sizes[1]
        return title[:20] + " …", sizes[1]

    def title_slide(self) -> SlidePlan:
        """Title, then subtitle, meta line and course; lines that cannot fit even at the floor are left to the notes."""
        topic, geometry = self.topic, self.geometry
        title, size = self.fit_title(topic.title, geometry.cover_title, COVER_TITLE_SIZES)
        lines = [line for line in (topic.subtitle, " · ".join(meta_line(topic, self.labels))) if line]
        if self.course:
            lines.append(" · ".join([self.course.heading, *self.course.details]))
        box = geometry.cover_subtitle
        subtitle = None
        while lines and subtitle is None:
            fitted = fit([Item((Span(line),), bullet=False) for line in lines], box.width, box.height, COVER_SUBTITLE_SIZES, self.measurer)
            if len(fitted) == 1:
                subtitle = TextPlan(box, fitted[0].items, fitted[0].size_pt)
            else:
                lines.pop()
        return SlidePlan("title", title, size, geometry.cover_title, subtitle=subtitle, notes=self.notes("summary", [topic.summary]))

    def text_slides(self, title: str, items: Sequence[Item], notes: str) -> list[SlidePlan]:
        """Slides holding ``items``, continued as "Title (cont.)" when they do not fit one."""
        box = self.geometry.body
        pages = fit(items, box.width, box.height, BODY_SIZES, self.measurer)
        return [self._content_slide(title, index, page, box, notes) for index, page in enumerate(pages)]

    def _content_slide(self, title: str, index: int, page: Fitted, box: Box, notes: str) -> SlidePlan:
        shown = title if index == 0 else f"{title} {self.labels['continued']}"
        shown, size = self.fit_title(shown, self.geometry.title, TITLE_SIZES)
        return SlidePlan("content", shown, size, self.geometry.title, body=TextPlan(box, page.items, page.size_pt), notes=notes)

    def paragraph_slides(self, title: str, paragraphs: Sequence[Paragraph], section: str) -> list[SlidePlan]:
        """One slide per paragraph: its short version on the slide, the full text in the notes."""
        slides: list[SlidePlan] = []
        for number, paragraph in enumerate(paragraphs, start=1):
            numbered = f"{title} ({number}/{len(paragraphs)})" if len(paragraphs) > 1 else title
            slides += self.text_slides(
                numbered, [Item(markup.parse(_slide_text(paragraph)), bullet=False)], self.notes(section, [paragraph.text])
            )
        return slides

    def timeline_slides(self) -> list[SlidePlan]:
        """The timeline drawn as a rail with markers; rows that do not fit continue on the next slide."""
        box = self.geometry.stage
        entries = [(self.labels.date(entry.date), markup.parse(entry.event)) for entry in self.topic.timeline]
        size = BODY_SIZES[0]
        while True:
            columns = self._timeline_columns([date for date, _ in entries], size)
            heights = [self._row_height(date, event, columns, size) for date, event in entries]
            if sum(heights) <= box.height or size <= BODY_SIZES[1]:
                break
            size -= 1
        rows = [row for date, event in entries for row in self._rows_that_fit(date, event, columns, size)]
        pages: list[list[TimelineRow]] = [[]]
        top = box.top
        for date, event, height in rows:
            if pages[-1] and top + height > box.bottom:
                pages.append([])
                top = box.top
            pages[-1].append(TimelineRow(date, event, top, height))
            top += height
        notes = self.notes(
            "timeline",
            plain=[f"{date}: {markup.plain_text(entry.event)}" for (date, _), entry in zip(entries, self.topic.timeline, strict=True)],
        )
        date_width, event_left, event_width = columns
        rail_x = box.left + date_width + TIMELINE_RAIL_WIDTH_PT / 2
        slides = []
        for number, page in enumerate(pages):
            plan = TimelinePlan(rail_x, date_width, event_left, event_width, tuple(page), size, number > 0, number < len(pages) - 1)
            title = self.labels["timeline"] if number == 0 else f"{self.labels['timeline']} {self.labels['continued']}"
            title_box = self.geometry.stage_title
            title, title_size = self.fit_title(title, title_box, TITLE_SIZES)
            slides.append(SlidePlan("title_only", title, title_size, title_box, timeline=plan, notes=notes))
        return slides

    def _rows_that_fit(
        self, date: str, event: tuple[Span, ...], columns: tuple[float, float, float], size: float
    ) -> list[tuple[str, tuple[Span, ...], float]]:
        """(date, event, height) rows for one entry: one, unless the event is taller than a slide."""

        def fits(group: Sequence[Item]) -> bool:
            return self._row_height(date, group[0].spans, columns, size) <= self.geometry.stage.height

        pieces = pieces_that_fit(Item(event, bullet=False), fits)
        return [
            (date if index == 0 else "", piece.spans, self._row_height(date if index == 0 else "", piece.spans, columns, size))
            for index, piece in enumerate(pieces)
        ]

    def _timeline_columns(self, dates: Sequence[str], size: float) -> tuple[float, float, float]:
        """(date column width, event column left, event column width): dates as wide as the widest needs."""
        box = self.geometry.stage
        widest = max(self.measurer.width_pt(date, size, bold=True) for date in dates)
        date_width = min(box.width * TIMELINE_DATE_SHARE, widest / SAFETY + 2 * INSET_X_PT + 1)
        event_left = box.left + date_width + TIMELINE_RAIL_WIDTH_PT
        return date_width, event_left, box.left + box.width - event_left

    def _row_height(self, date: str, event: Sequence[Span], columns: tuple[float, float, float], size: float) -> float:
        """Height of one row: the taller of its date and event boxes, plus a gap; no date, no date box."""
        date_width, _, event_width = columns
        heights = [items_height([Item(tuple(event), bullet=False)], event_width, size, self.measurer)]
        if date:
            heights.append(items_height([bold_line(date)], date_width, size, self.measurer))
        return max(heights) + size * 0.35

    def picture_slide(self, index: int) -> SlidePlan:
        image = self.topic.images[index]
        title = markup.plain_text(image.caption) if image.caption else self.labels["images"]
        title, size = self.fit_title(title, self.geometry.stage_title, TITLE_SIZES)
        box = self.geometry.stage
        return SlidePlan(
            "title_only",
            title,
            size,
            self.geometry.stage_title,
            picture=PicturePlan(image.file, image.alt, box),
            notes=self.notes("images", plain=[image.alt]),
        )


def _slide_text(paragraph: Paragraph) -> str:
    """A paragraph's short version for a slide: its ``slide`` text, or its first sentence."""
    return paragraph.slide or sentences(paragraph.text)[0]


def plan_deck(
    topic: Topic, labels: Labels, geometry: Geometry, fonts: DeckFonts, widths: FaceWidths, course: Course | None = None
) -> DeckPlan:
    return Planner(topic, labels, geometry, fonts, widths, course).plan()


def describe(plan: DeckPlan) -> str:
    """The plan as readable text: one block per slide with its role, sizes and contents."""
    lines = [f"deck {plan.width_pt:g}x{plan.height_pt:g} pt, language {plan.language}, footer: {plan.footer}"]
    for number, slide in enumerate(plan.slides, start=1):
        lines.append(f"\n[{number}] {slide.role}: {slide.title} ({slide.title_size_pt:g} pt)")
        for label, text in (("subtitle", slide.subtitle), ("body", slide.body)):
            if text is not None:
                lines.append(f"  {label} at {text.size_pt:g} pt:")
                lines += [f"    {'•' if item.bullet else '-'} {item.text}" for item in text.items]
        if slide.timeline is not None:
            lines.append(f"  timeline at {slide.timeline.size_pt:g} pt:")
            lines += [f"    {row.date}: {Item(row.event).text}" for row in slide.timeline.rows]
        if slide.picture is not None:
            lines.append(f"  picture {slide.picture.file.rsplit('/', 1)[-1]} (alt: {slide.picture.alt})")
        if slide.notes:
            lines.append(f"  notes: {len(slide.notes.split())} words")
    return "\n".join(lines) + "\n"
