"""The building blocks of a sheet: one method per part of a topic, each returning flowables."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, HRFlowable, Spacer

from guide import markup
from guide.labels import Labels
from guide.model import COVER, Excerpt, GlossaryEntry, KeyFact, Person, Source, TimelineEntry, Topic
from guide.model import Image as TopicImage
from guide.model import Paragraph as TopicParagraph
from guide.render.pdf.band import TitleBand, WriteIn
from guide.render.pdf.box import Box
from guide.render.pdf.columns import Kept, kept_ends
from guide.render.pdf.flowables import Beside, Figure, OutlineEntry, SectionHeading, SetOff, Timeline, TwoColumnList
from guide.render.pdf.grid import Grid
from guide.render.pdf.inline import attribute, literal, to_markup
from guide.render.pdf.internals import Paragraph, Picture, PictureObject, picture_object
from guide.render.pdf.structure import Element
from guide.render.pdf.styles import Styles
from guide.render.pdf.tagged import adopt, language_markup, tag
from guide.render.pdf.timescale import ColumnTimeScale, TimeScale, placeable
from guide.render.pictures import grey_png
from guide.session import BuildSession

LOGO_MAX_HEIGHT_PT = 48.0
LOGO_MAX_WIDTH_PT = 120.0
WRITE_IN_LABEL_PT = 8.5
REFERENCE_DPI = 150
"""Pictures are drawn at least as large as at this resolution, where text made for a screen stays legible."""
MOST_ENLARGED = 1.5
"""A picture is drawn at most this much larger than at the reference resolution, before it blurs."""
FIGURE_MAX_HEIGHT_SHARE = 0.45
"""Of a page's text height: a picture never crowds out the text it illustrates."""
OBJECTIVES_GAP_PT = 10.0
SIDE_BOX_GAP_PT = 8.0
SIDEBAR_SECTIONS = ("key_facts", "people", "glossary", "timeline", "sources")
"""Sections the sheet sets in its sidebar, whose excerpts are set at the sidebar's size."""
PORTRAIT_PT = 34.0
"""Width of a person's portrait in the sidebar: a face to recognise, not a picture to study."""
META_LINE_CHARACTERS = 72
TIMESCALE_MAX_HEIGHT_SHARE = 0.4
"""Of a page's text height: a taller time scale (many crowded events) becomes a list in the main column."""
RUN_IN_TERM_SHARE = 0.75
"""Of a column's width: a longer term is set on a line of its own above its definition, not run in."""
PICTURES_KEPT = 16
"""Pictures whose image objects a session keeps: pictures belong to topics, so a long batch keeps only the latest."""


@dataclass(frozen=True)
class Placed:
    """Figures by where they go: in a section of the main column, in the sidebar, or across the page."""

    main: Mapping[str, list[Flowable]]
    side: list[Flowable]


class Blocks:
    """Makes the flowables of one document with one set of styles, labels and grid."""

    def __init__(self, styles: Styles, labels: Labels, grid: Grid, session: BuildSession | None = None) -> None:
        self.styles = styles
        self.labels = labels
        self.grid = grid
        self.session = session or BuildSession()
        self._outline_keys = 0

    def picture(self, path: str | Path, topic_picture: bool = True) -> PictureObject:
        """The picture at ``path`` as an image object, made once per content in a session (a sheet is often laid out more than once);
        a topic's picture (not the logo) in shades of grey where the theme prints them so."""
        if topic_picture and self.styles.grey_pictures:
            return self.session.from_file("pdf-grey-picture", Path(path), _grey_picture_object, keep=PICTURES_KEPT)
        return self.session.from_file("pdf-picture", Path(path), picture_object, keep=PICTURES_KEPT)

    def inline(self, prose: str) -> str:
        """Prose as paragraph markup in this document's link colour."""
        return to_markup(prose, self.styles.link_color)

    def prose(self, text: str, style: ParagraphStyle) -> Paragraph:
        return Paragraph(self.inline(text), style)

    def _bullet(self, markup_text: str, style: ParagraphStyle | None = None) -> Paragraph:
        return Paragraph(markup_text, style or self.styles.bullet, bulletText="▪")

    def list_item(self, items: Element, markup_text: str, style: ParagraphStyle | None = None) -> Paragraph:
        """A bulleted item of the list ``items``: the bullet its label, the text its body."""
        label, body = new_item(items)
        return tag(self._bullet(markup_text, style), body, label)

    def _next_outline_key(self) -> str:
        self._outline_keys += 1
        return f"section-{self._outline_keys}"

    def heading(self, text: str, side: bool = False, element: Element | None = None) -> SectionHeading:
        """A section heading: a level-2 heading of the document, ``element`` where its section has made it."""
        style = self.styles.side_heading if side else self.styles.heading
        heading = SectionHeading(literal(text), style, text, self._next_outline_key(), self.styles.palette.rule)
        return tag(heading, element or Element("H2"))

    def bookmark(self, text: str) -> OutlineEntry:
        return OutlineEntry(text, self._next_outline_key())

    def section(self, title: str, body: Sequence[Flowable], side: bool = False) -> list[Flowable]:
        """A heading and its body; the columns never leave the heading alone at a page foot.

        In the structure tree, a section holding its heading and what its body's flowables draw.
        """
        if not body:
            return []
        section = Element("Sect")
        heading = self.heading(title, side, section.child("H2"))
        adopt(section, body)
        return [heading, *body]

    def title_band(
        self, kicker: str, title: str, subtitle: str | None, meta: Sequence[str], logo: Path | None, teacher: bool = False
    ) -> TitleBand:
        """The heading of page one; a teacher's copy has its own band: filled with the text colour, or framed all round.

        A student's band holds the lines for name, class and date; the teacher's copy is not handed in.
        """
        styles, palette = self.styles, self.styles.palette
        lines = [
            tag(Paragraph(literal(kicker.upper()), styles.band_kicker), Element("P")),
            tag(Paragraph(literal(title), styles.band_title), Element("H1")),
        ]
        if subtitle:
            lines.append(tag(Paragraph(literal(subtitle), styles.band_subtitle), Element("P")))
        if meta:
            lines.append(tag(Paragraph(_meta_markup(meta), styles.band_meta), Element("P")))
        fill = (palette.text if teacher else palette.primary) if styles.fills else None
        picture = _scaled(self.picture(logo, topic_picture=False), LOGO_MAX_WIDTH_PT, LOGO_MAX_HEIGHT_PT) if logo is not None else None
        outline = palette.text if teacher else palette.primary
        write_in = None
        if not teacher:
            fields = [self.labels[name] for name in ("name_field", "class_field", "date_field")]
            write_in = WriteIn(fields, styles.heading_fonts.bold, WRITE_IN_LABEL_PT, palette.muted, palette.writing_rule)
        return TitleBand(
            lines,
            fill_color=fill,
            outline=outline,
            bar=palette.accent,
            plate=palette.background,
            logo=picture,
            write_in=write_in,
            boxed=teacher,
        )

    def box(self, label: str, heading: Element, items: Sequence[Flowable], tinted: bool) -> Box:
        """A labelled box that splits only between its items, the continuation labelled so; the label is the ``heading``."""
        styles = self.styles
        palette = styles.palette
        return Box(
            tag(Paragraph(literal(label.upper()), styles.box_label), heading),
            items,
            fill_color=palette.tint if tinted and styles.fills else None,
            border=palette.rule,
            bar=palette.accent if tinted else palette.primary,
            continued=Paragraph(literal(f"{label} {self.labels['continued']}".upper()), styles.box_label),
        )

    def summary_box(self, topic: Topic) -> list[Flowable]:
        section = Element("Sect")
        heading = section.child("H2")
        summary = tag(self.prose(topic.summary, self.styles.lead), section.child("P"))
        return [self.bookmark(self.labels["at_a_glance"]), self.box(self.labels["at_a_glance"], heading, [summary], tinted=True)]

    def _markers(self, fact: KeyFact, numbers: Mapping[str, int]) -> str:
        """Superscript numbers of a fact's sources, as the numbered source list shows them, tied to the fact's last word."""
        return self._superscript(sorted({numbers[source] for source in fact.sources if source in numbers}))

    def _superscript(self, numbers: Sequence[int]) -> str:
        """Source numbers as a superscript marker, or nothing."""
        if not numbers:
            return ""
        muted = self.styles.palette.muted.hexval()[2:]
        return f'<super><font color="#{muted}">{",".join(str(number) for number in numbers)}</font></super>'

    def key_facts_box(self, topic: Topic, with_details: bool = False) -> list[Flowable]:
        """The key facts, each with its source markers; the teacher's copy adds each fact's detail.

        A fact with a figure is a unit of its own, the figure set large above that fact alone; the
        facts with figures come first, ruled off from the plain list of the others, so a figure is
        never read as the heading of facts it has nothing to do with.
        """
        numbers = source_numbers(topic.sources)
        section = Element("Sect")
        heading = section.child("H2")
        facts = section.child("L")
        figured = [fact for fact in topic.key_facts if fact.figure]
        plain = [fact for fact in topic.key_facts if not fact.figure]
        items: list[Flowable] = []
        for fact in figured:
            body = facts.child("LI").child("LBody")
            parts: list[Flowable] = [
                tag(Paragraph(literal(fact.figure or ""), self.styles.big_figure), body),
                tag(Paragraph(self.inline(fact.fact) + self._markers(fact, numbers), self.styles.figure_fact), body),
            ]
            if with_details and fact.detail:
                parts.append(tag(self.prose(fact.detail, self.styles.side), body))
            if plain and fact is figured[-1]:
                parts.append(HRFlowable(width="100%", thickness=0.6, color=self.styles.palette.rule, spaceBefore=0, spaceAfter=3))
            items.append(Kept(parts))
        for fact in plain:
            item = facts.child("LI")
            label = item.child("Lbl")
            body = item.child("LBody")
            parts = [tag(self._bullet(self.inline(fact.fact) + self._markers(fact, numbers)), body, label)]
            if with_details and fact.detail:
                parts.append(tag(self.prose(fact.detail, self.styles.detail), body))
            items.append(parts[0] if len(parts) == 1 else Kept(parts))
        return [self.bookmark(self.labels["key_facts"]), self.box(self.labels["key_facts"], heading, items, tinted=False)]

    def objectives(self, objectives: Sequence[str], side: bool = False) -> list[Flowable]:
        """What students will be able to do, under the title band: at the head of the sidebar, or in two columns across the page."""
        if not objectives:
            return []
        section = Element("Sect")
        heading = section.child("H2")
        listed = section.child("L")
        items: list[Paragraph] = [self.list_item(listed, self.inline(objective), self.styles.objective) for objective in objectives]
        label = self.labels["objectives"]
        if side:
            return [self.bookmark(label), self.box(label, heading, items, tinted=False), Spacer(0, SIDE_BOX_GAP_PT)]
        return [self.bookmark(label), self.box(label, heading, [TwoColumnList(items)], tinted=False), Spacer(0, OBJECTIVES_GAP_PT)]

    def excerpt(self, excerpts: Sequence[Excerpt], numbers: Mapping[str, int], side: bool) -> SetOff:
        """A primary-source passage set off from the text, in its language, its attribution below it, marked with its
        source's number; a translation follows its original in the same set-off."""
        style = self.styles.side_quote if side else self.styles.quote
        passages: list[list[Paragraph]] = []
        for excerpt in excerpts:
            quote = Element("BlockQuote")
            number = numbers.get(excerpt.source)
            marker = self._superscript([number] if number else [])
            passages.append(
                [
                    tag(self.prose(excerpt.text, style), quote.child("P", lang=excerpt.lang)),
                    tag(Paragraph(f"— {literal(excerpt.attribution)}{marker}", self.styles.attribution), quote.child("P")),
                ]
            )
        return SetOff(passages, self.styles.palette.accent)

    def place_excerpts(self, topic: Topic) -> dict[str, list[Flowable]]:
        """Each excerpt set off, under the section it belongs with (What happened? unless it says); a translation with its original."""
        numbers = source_numbers(topic.sources)
        translations = {excerpt.translates: excerpt for excerpt in topic.excerpts if excerpt.translates}
        placed: dict[str, list[Flowable]] = {}
        for excerpt in topic.excerpts:
            if excerpt.translates:
                continue
            section = excerpt.section or "context"
            shown = [excerpt, *([translations[excerpt.id]] if excerpt.id in translations else [])]
            placed.setdefault(section, []).append(self.excerpt(shown, numbers, section in SIDEBAR_SECTIONS))
        return placed

    def paragraphs(self, paragraphs: Sequence[TopicParagraph]) -> list[Flowable]:
        return [tag(self.prose(paragraph.text, self.styles.body), Element("P")) for paragraph in paragraphs]

    def timeline(self, entries: Sequence[TimelineEntry], highlight: object, across: bool) -> tuple[list[Flowable], str]:
        """(flowables, where they go: "side", "across" or "main"): a time scale down the sidebar or across the page, else a list."""
        if not entries:
            return [], "main"
        styles = self.styles
        if placeable(entries):
            if self.grid.has_sidebar and not across:
                column = ColumnTimeScale(entries, self.labels.date, self.labels.span, styles, highlight, self.inline)
                column.dates, column.events = _listed(column.dates, column.events)
                if column.wrap(self.grid.side_width, self.grid.page_height)[1] <= TIMESCALE_MAX_HEIGHT_SHARE * self.grid.page_height * 1.5:
                    return [column], "side"
            scale = TimeScale(entries, self.labels.date, self.labels.span, styles, highlight, self.inline)
            scale.dates, scale.events = _listed(scale.dates, scale.events)
            if scale.wrap(self.grid.width, self.grid.page_height)[1] <= TIMESCALE_MAX_HEIGHT_SHARE * self.grid.page_height:
                return [scale], "across"
        dates, events = _listed(
            [Paragraph(literal(self.labels.date(entry.date)), styles.timeline_date) for entry in entries],
            [self.prose(entry.event, styles.timeline_event) for entry in entries],
        )
        return [Timeline(list(zip(dates, events, strict=True)), styles.palette.rule, styles.palette.accent)], "main"

    def people(self, people: Sequence[Person]) -> list[Flowable]:
        """A list of who was involved; a portrait beside a name is decoration, as the name says who it is."""
        listed = Element("L")
        items: list[Flowable] = []
        for person in people:
            name = f"<b>{literal(person.name)}</b>"
            if person.native_name:
                name += f" ({language_markup(literal(person.native_name), person.native_name_lang)})"
            text = f"{name} — {self.inline(person.role)}"
            if person.image:
                portrait = _scaled(self.picture(person.image), PORTRAIT_PT, PORTRAIT_PT * 1.3)
                items.append(Beside(portrait, tag(Paragraph(text, self.styles.side), listed.child("LI").child("LBody"))))
            else:
                items.append(self.list_item(listed, text))
        return kept_ends(items)

    def glossary(self, entries: Sequence[GlossaryEntry]) -> list[Flowable]:
        """Each term in bold with its definition run in after it; in the structure tree a table of term (row header) and definition.

        A term too long to run in is set on a line of its own above its definition.
        """
        table = Element("Table")
        style = self.styles.term
        width = self.grid.side_width if self.grid.has_sidebar else self.grid.main_width
        items: list[Flowable] = []
        for entry in entries:
            row = table.child("TR")
            term = row.child("TH", scope="Row")
            definition = row.child("TD")
            if stringWidth(entry.term, style.bulletFontName, style.fontSize) <= RUN_IN_TERM_SHARE * width:
                bullet = f'<bullet><font name="{style.bulletFontName}" size="{style.fontSize}">{literal(entry.term)}</font></bullet>'
                items.append(tag(Paragraph(f"{bullet}— {self.inline(entry.definition)}", style), definition, term))
            else:
                on_its_own = ParagraphStyle("term-alone", parent=style, spaceAfter=0)
                items.append(
                    Kept(
                        [
                            tag(Paragraph(f"<b>{literal(entry.term)}</b>", on_its_own), term),
                            tag(Paragraph(self.inline(entry.definition), style), definition),
                        ]
                    )
                )
        return kept_ends(items)

    def notes(self, notes: Mapping[str, str], side: bool = False) -> list[Flowable]:
        """The topic's notes for the teacher, each under the name of the section it is about; ``side`` sets them for the sidebar."""
        names = {"summary": "at_a_glance"}
        notes_for = [(self.labels[names.get(section, section)], text) for section, text in notes.items()]
        style = self.styles.side if side else self.styles.body
        written = [Paragraph(f"<b>{literal(_lead_in(name))}</b> {self.inline(text)}", style) for name, text in notes_for]
        return [tag(note, Element("P")) for note in written]

    def figure(self, image: TopicImage, number: int, width: float) -> Figure:
        """A numbered picture at most ``width`` points wide, never smaller than its pixels at the reference resolution allow."""
        picture = _scaled(self.picture(image.file), width, FIGURE_MAX_HEIGHT_SHARE * self.grid.page_height)
        caption = f"<b>{literal(self.labels['figure'])} {number}.</b>"
        if image.caption:
            caption += " " + self.inline(image.caption)
        if image.credit:
            caption += f' <font color="#{self.styles.palette.muted.hexval()[2:]}">{literal(image.credit)}</font>'
        return Figure(tag(picture, Element("Figure", alt=image.alt)), tag(Paragraph(caption, self.styles.caption), Element("Caption")))

    def place_figures(self, images: Sequence[TopicImage], main_share: float = 1.0) -> Placed:
        """Each picture in the section it illustrates, as wide as its pixels ask: the sidebar, the main column or its full width."""
        main: dict[str, list[Flowable]] = {}
        side: list[Flowable] = []
        for number, image in enumerate(images, start=1):
            natural = self.picture(image.file).width_px * 72 / REFERENCE_DPI
            section = image.section if image.section not in (None, COVER) else "context"
            if natural <= self.grid.side_width * 1.15:
                side.append(self.figure(image, number, min(self.grid.side_width, natural * MOST_ENLARGED)))
            else:
                width = min(self.grid.main_width * main_share, natural * MOST_ENLARGED)
                main.setdefault(section, []).append(self.figure(image, number, width))
        return Placed(main, side)

    def sources(self, sources: Sequence[Source]) -> list[Flowable]:
        """Numbered as the key facts' markers name them; each link printed short and readable, its target whole."""
        listed = Element("L")
        style = self.styles.source
        items: list[Flowable] = []
        for number, source in enumerate(sources, start=1):
            text = self.inline(source.citation)
            if source.url:
                lines = link_lines(markup.link_text(source.url), self.grid.side_width - style.leftIndent, style)
                shown = "<br/>".join(literal(line) for line in lines)
                text += f' <a href={attribute(source.url)} color="{self.styles.link_color}"><u>{shown}</u></a>'
            label, body = new_item(listed)
            items.append(tag(numbered(number, text, style), body, label))
        return kept_ends(items)


LINK_BREAKS = re.compile(r"(?<=[/-])")
"""Where a shown link may break: after a slash or a hyphen, which then ends the line and says the link goes on."""


def link_lines(shown: str, width: float, style: ParagraphStyle) -> list[str]:
    """A link's shown text on lines of at most ``width``, broken only after ``/`` or ``-``, never inside a word.

    reportlab would otherwise cut a link too long for its line anywhere, with nothing to show it goes on.
    """
    lines = [""]
    for piece in filter(None, LINK_BREAKS.split(shown)):  # a link ending in a break splits off an empty piece
        if lines[-1] and stringWidth(lines[-1] + piece, style.fontName, style.fontSize) > width:
            lines.append("")
        lines[-1] += piece
    return lines


def new_item(items: Element) -> tuple[Element, Element]:
    """A new item of the list ``items``: (its label, its body)."""
    item = items.child("LI")
    return item.child("Lbl"), item.child("LBody")


def numbered(number: int, markup_text: str, style: ParagraphStyle) -> Paragraph:
    """A numbered item's paragraph: the number hanging in the indent as its bullet, so it is drawn, and tagged, as its label."""
    return Paragraph(markup_text, style, bulletText=f"{number}.")


def _listed(dates: Sequence[Paragraph], events: Sequence[Paragraph]) -> tuple[list[Paragraph], list[Paragraph]]:
    """Timeline entries as a list in the structure tree: each date the label of its entry, the event its body."""
    listed = Element("L")
    items = [listed.child("LI") for _ in dates]
    labels = [tag(date, item.child("Lbl")) for date, item in zip(dates, items, strict=True)]
    return labels, [tag(event, item.child("LBody")) for event, item in zip(events, items, strict=True)]


def _meta_markup(meta: Sequence[str]) -> str:
    """Date, place and parties on one line; a long list of parties on a line of its own, so no line runs to 100 characters."""
    joined = "  ·  ".join(meta)
    if len(joined) <= META_LINE_CHARACTERS or len(meta) < 2:
        return "  ·  ".join(literal(item) for item in meta)
    return "  ·  ".join(literal(item) for item in meta[:-1]) + "<br/>" + literal(meta[-1])


def _lead_in(name: str) -> str:
    """A section's name as the start of a note: a colon after it, unless it ends in its own punctuation."""
    return name if name[-1] in "?!:" else f"{name}:"


def source_numbers(sources: Sequence[Source]) -> dict[str, int]:
    """Source id -> its number in the printed list."""
    return {source.id: number for number, source in enumerate(sources, start=1) if source.id}


def _scaled(picture: PictureObject, max_width: float, max_height: float) -> Picture:
    """A picture as large as fits ``max_width`` x ``max_height`` points, keeping its proportions."""
    scale = min(max_width / picture.width_px, max_height / picture.height_px)
    return Picture(picture, picture.width_px * scale, picture.height_px * scale)


def _grey_picture_object(data: bytes) -> PictureObject:
    return picture_object(grey_png(data))
