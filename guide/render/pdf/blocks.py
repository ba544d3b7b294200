"""The building blocks of a sheet: one function per part of a topic, each returning flowables."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import CondPageBreak, Flowable, Image, KeepTogether, Paragraph, Spacer, Table, TableStyle

from guide import markup
from guide.labels import Labels
from guide.model import GlossaryEntry, Person, Question, Source, TimelineEntry, Topic
from guide.model import Image as TopicImage
from guide.model import Paragraph as TopicParagraph
from guide.render.pdf.flowables import Figure, OutlineEntry, RuledLines, SectionHeading, Timeline
from guide.render.pdf.inline import attribute, literal, to_markup
from guide.render.pdf.styles import Styles

BOX_PADDING_PT = 9
SIDE_FIGURE_WIDTH = 0.34
"""Share of the text width taken by a picture beside the timeline."""
SIDE_FIGURE_GAP_PT = 14
SIDE_BY_SIDE_MAX_HEIGHT_PT = 240
FIGURE_WIDTH = 0.6
FIGURE_MAX_HEIGHT_PT = 220
MAX_PT = 10_000
LOGO_MAX_WIDTH_PT = 110
LOGO_MAX_HEIGHT_PT = 46
LOGO_PADDING_PT = 8
ANSWER_LINE_SPACING_PT = 18
WORDS_PER_ANSWER_LINE = 14


Group = list[Flowable]
"""Flowables that must stay on one page, such as a question and its answer lines."""
Cell = Flowable | list[Flowable] | str
"""What a table cell holds: a flowable, flowables one above the other, or nothing (an empty string)."""
TableCommand = tuple[Any, ...]
"""A reportlab table style command: its name, first and last cell, then its arguments."""


def _first_piece_height(flowable: Flowable, width: float) -> float:
    """The least of ``flowable`` that may stand below a heading at the foot of a page."""
    if isinstance(flowable, Timeline):
        return flowable.first_piece_height(width)
    height = flowable.wrap(width, MAX_PT)[1]
    if isinstance(flowable, Paragraph):  # reportlab never leaves one line alone (allowOrphans=0)
        return min(height, flowable.style.spaceBefore + 2 * flowable.style.leading)
    return height


def _scaled_image(path: str, max_width: float, max_height: float) -> Image:
    """A picture as large as fits ``max_width`` x ``max_height`` points, keeping its proportions."""
    picture = Image(path, lazy=0)
    scale = min(max_width / picture.imageWidth, max_height / picture.imageHeight)
    picture.drawWidth = picture.imageWidth * scale
    picture.drawHeight = picture.imageHeight * scale
    return picture


def _kept(group: Group) -> Flowable:
    return group[0] if len(group) == 1 else KeepTogether(group)


class Blocks:
    """Makes the flowables of one document with one set of styles and labels."""

    def __init__(self, styles: Styles, labels: Labels, text_width: float) -> None:
        self.styles = styles
        self.labels = labels
        self.text_width = text_width
        self._outline_keys = 0

    def inline(self, prose: str) -> str:
        """Prose as paragraph markup in this document's link colour."""
        return to_markup(prose, self.styles.link_color)

    def prose(self, text: str, style: ParagraphStyle) -> Paragraph:
        return Paragraph(self.inline(text), style)

    def _bullet(self, markup_text: str) -> Paragraph:
        return Paragraph(markup_text, self.styles.bullet, bulletText="▪")

    def _question(self, number: int, question: Question) -> Paragraph:
        return Paragraph(f"<b>{number}.</b>&nbsp;&nbsp;{self.inline(question.question)}", self.styles.question)

    def _next_outline_key(self) -> str:
        self._outline_keys += 1
        return f"section-{self._outline_keys}"

    def heading(self, text: str) -> SectionHeading:
        return SectionHeading(literal(text), self.styles.heading, text, self._next_outline_key(), self.styles.palette.rule)

    def bookmark(self, text: str) -> OutlineEntry:
        return OutlineEntry(text, self._next_outline_key())

    def section(self, title: str, groups: Sequence[Group]) -> list[Flowable]:
        """A heading kept with the first group of its body, so it never ends a page alone.

        Groups are kept together here and only here: reportlab's KeepTogether cannot nest.
        """
        if not groups:
            return []
        heading = self.heading(title)
        first = groups[0]
        if len(first) == 1:  # a lone flowable may split across pages: its first piece is enough
            first_needs = _first_piece_height(first[0], self.text_width)
        else:
            first_needs = sum(flowable.wrap(self.text_width, MAX_PT)[1] for flowable in first)
        needs = heading.wrap(self.text_width, MAX_PT)[1] + self.styles.heading.spaceBefore + first_needs
        return [CondPageBreak(needs), heading, *(_kept(group) for group in groups)]

    def title_band(self, kicker: str, title: str, subtitle: str | None, meta: Sequence[str], logo: Path | None = None) -> Table:
        """The heading of page one: filled with the primary colour, or outlined when the theme saves toner.

        A logo sits at the right, on the background colour, whatever the band's fill.
        """
        styles = self.styles
        rows: list[list[Cell]] = [
            [Paragraph(literal(kicker.upper()), styles.band_kicker)],
            [Paragraph(literal(title), styles.band_title)],
        ]
        if subtitle:
            rows.append([Paragraph(literal(subtitle), styles.band_subtitle)])
        if meta:
            rows.append([Paragraph("  ·  ".join(literal(item) for item in meta), styles.band_meta)])
        commands: list[TableCommand] = [
            ("LINEBEFORE", (0, 0), (0, -1), 5, styles.palette.accent),
            ("LEFTPADDING", (0, 0), (-1, -1), 14),
            ("RIGHTPADDING", (0, 0), (-1, -1), 14),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, 0), 11),
            ("BOTTOMPADDING", (0, -1), (-1, -1), 12),
        ]
        if styles.fills:
            commands.append(("BACKGROUND", (0, 0), (0, -1), styles.palette.primary))
        else:
            commands += [
                ("LINEABOVE", (0, 0), (-1, 0), 1.5, styles.palette.primary),
                ("LINEBELOW", (0, -1), (-1, -1), 1.5, styles.palette.primary),
            ]
        widths: list[str | float] = ["100%"]
        if logo is not None:
            rows[0].append(self._logo(logo))
            for row in rows[1:]:
                row.append("")
            widths = ["*", LOGO_MAX_WIDTH_PT + 2 * LOGO_PADDING_PT]
            commands += [
                ("SPAN", (1, 0), (1, -1)),
                ("VALIGN", (1, 0), (1, -1), "MIDDLE"),
                ("ALIGN", (1, 0), (1, -1), "CENTER"),
                ("LEFTPADDING", (1, 0), (1, -1), LOGO_PADDING_PT),
                ("RIGHTPADDING", (1, 0), (1, -1), LOGO_PADDING_PT),
                ("BACKGROUND", (1, 0), (1, -1), styles.palette.background),
            ]
        return self._table(rows, widths, commands)

    def _logo(self, path: Path) -> Image:
        return _scaled_image(str(path), LOGO_MAX_WIDTH_PT, LOGO_MAX_HEIGHT_PT)

    def _table(self, rows: Sequence[list[Cell]], widths: Sequence[str | float], commands: Sequence[TableCommand]) -> Table:
        """A table that splits between rows and names our font (reportlab's default is Helvetica)."""
        table = Table(rows, colWidths=widths, splitByRow=1)
        table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), self.styles.body_fonts.regular), *commands]))
        return table

    def box(self, label: str, items: Sequence[Flowable], tinted: bool) -> Table:
        """A labelled box that splits only between its items, the label staying with the first."""
        styles = self.styles
        rows: list[list[Cell]] = [[[Paragraph(literal(label.upper()), styles.box_label), items[0]]]]
        rows += [[item] for item in items[1:]]
        commands: list[TableCommand] = [
            ("LEFTPADDING", (0, 0), (-1, -1), BOX_PADDING_PT + 2),
            ("RIGHTPADDING", (0, 0), (-1, -1), BOX_PADDING_PT),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, 0), BOX_PADDING_PT),
            ("BOTTOMPADDING", (0, -1), (-1, -1), BOX_PADDING_PT - 2),
            ("LINEBEFORE", (0, 0), (0, -1), 3, styles.palette.accent if tinted else styles.palette.primary),
        ]
        tinted = tinted and styles.fills
        if tinted:
            commands.append(("BACKGROUND", (0, 0), (-1, -1), styles.palette.tint))
        else:
            commands += [
                ("LINEABOVE", (0, 0), (-1, 0), 0.6, styles.palette.rule),
                ("LINEBELOW", (0, -1), (-1, -1), 0.6, styles.palette.rule),
                ("LINEAFTER", (0, 0), (-1, -1), 0.6, styles.palette.rule),
            ]
        return self._table(rows, ["100%"], commands)

    def summary_box(self, topic: Topic) -> Table:
        return self.box(self.labels["at_a_glance"], [self.prose(topic.summary, self.styles.lead)], tinted=True)

    def key_facts_box(self, topic: Topic) -> Table:
        bullets = [self._bullet(self.inline(fact.fact)) for fact in topic.key_facts]
        return self.box(self.labels["key_facts"], bullets, tinted=False)

    def paragraphs(self, paragraphs: Sequence[TopicParagraph]) -> list[Group]:
        return [[self.prose(paragraph.text, self.styles.body)] for paragraph in paragraphs]

    def timeline(self, entries: Sequence[TimelineEntry]) -> list[Group]:
        rows = [
            (
                Paragraph(literal(self.labels.date(entry.date)), self.styles.timeline_date),
                self.prose(entry.event, self.styles.timeline_event),
            )
            for entry in entries
        ]
        return [[Timeline(rows, self.styles.palette.rule, self.styles.palette.accent)]]

    def people(self, people: Sequence[Person]) -> list[Group]:
        items: list[Group] = []
        for person in people:
            name = f"<b>{literal(person.name)}</b>"
            if person.native_name:
                name += f" ({literal(person.native_name)})"
            items.append([self._bullet(f"{name} — {self.inline(person.role)}")])
        return items

    def glossary(self, entries: Sequence[GlossaryEntry]) -> list[Group]:
        """Terms in two columns, read down the left column first: definitions are short."""
        cells = [
            Paragraph(f"<b>{literal(entry.term)}</b>&nbsp;&nbsp;{self.inline(entry.definition)}", self.styles.term) for entry in entries
        ]
        rows_count = -(-len(cells) // 2)
        left, right = cells[:rows_count], cells[rows_count:]
        rows: list[list[Cell]] = [[left[index], right[index] if index < len(right) else ""] for index in range(rows_count)]
        table = self._table(
            rows,
            ["50%", "50%"],
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (0, -1), 12),
                ("LEFTPADDING", (1, 0), (1, -1), 12),
                ("RIGHTPADDING", (1, 0), (1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
                ("LINEBELOW", (0, 0), (-1, -2), 0.4, self.styles.palette.rule),
            ],
        )
        return [[table]]

    def questions_with_lines(self, questions: Sequence[Question]) -> list[Group]:
        items = []
        for number, question in enumerate(questions, start=1):
            lines = min(4, max(2, -(-len(markup.plain_text(question.answer).split()) // WORDS_PER_ANSWER_LINE)))
            text = self._question(number, question)
            items.append([text, RuledLines(lines, ANSWER_LINE_SPACING_PT, 16, self.styles.palette.rule), Spacer(0, 4)])
        return items

    def questions_with_answers(self, questions: Sequence[Question]) -> list[Group]:
        items = []
        for number, question in enumerate(questions, start=1):
            text = self._question(number, question)
            answer = Paragraph(f"<b>{literal(self.labels['answer'])}:</b> {self.inline(question.answer)}", self.styles.answer)
            items.append([text, Spacer(0, 2), answer])
        return items

    def figure(self, image: TopicImage, width: float) -> Figure:
        """A picture at most ``width`` points wide, with its caption below."""
        picture = _scaled_image(image.file, width, FIGURE_MAX_HEIGHT_PT)
        caption = self.prose(image.caption, self.styles.caption) if image.caption else None
        return Figure(picture, caption)

    def figures(self, images: Sequence[TopicImage]) -> list[Group]:
        return [[self.figure(image, self.text_width * FIGURE_WIDTH)] for image in images]

    def timeline_and_figures(self, entries: Sequence[TimelineEntry], images: Sequence[TopicImage]) -> list[Group]:
        """The timeline with the first picture at its right, where its short lines leave room.

        Side by side only while the timeline is short: a table row cannot split across pages.
        """
        groups = self.timeline(entries)
        if not images:
            return groups
        timeline = groups[0][0]
        side_width = self.text_width * SIDE_FIGURE_WIDTH
        if timeline.wrap(self.text_width - side_width, MAX_PT)[1] > SIDE_BY_SIDE_MAX_HEIGHT_PT:
            return groups + self.figures(images)
        row = self._table(
            [[timeline, self.figure(images[0], side_width - SIDE_FIGURE_GAP_PT)]],
            [self.text_width - side_width, side_width],
            [("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0)],
        )
        row.hAlign = "LEFT"
        return [[row], *self.figures(images[1:])]

    def sources(self, sources: Sequence[Source]) -> list[Group]:
        items: list[Group] = []
        for number, source in enumerate(sources, start=1):
            text = f"{number}.&nbsp;&nbsp;{self.inline(source.citation)}"
            if source.url:
                shown = literal(markup.link_text(source.url))
                text += f' <a href={attribute(source.url)} color="{self.styles.link_color}"><u>{shown}</u></a>'
            items.append([Paragraph(text, self.styles.source)])
        return items
