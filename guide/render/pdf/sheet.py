"""A topic -> the story of the study sheet and of the teacher's answer key, on the sheet's grid."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab.platypus import Flowable, KeepTogether, Spacer

from guide.labels import Labels
from guide.model import Course, Topic
from guide.quiz import Arranged
from guide.render.common import meta_line
from guide.render.pdf.blocks import Blocks
from guide.render.pdf.columns import Columns, balanced, least_stacked_height, stacked_height, widening
from guide.render.pdf.document import Furniture
from guide.render.pdf.questions import Questions, section_title

BAND_GAP_PT = 12.0
REGION_GAP_PT = 10.0
TIGHT_FIGURE_SHARE = 0.9
"""Of the main column's width: a picture's width in a tight arrangement."""


@dataclass(frozen=True)
class Arrangement:
    """The choices page balancing makes between otherwise equal layouts of one sheet."""

    tight: bool = False
    """Lines and sections set closer, answer lines narrower and pictures smaller (see ``build_styles``)."""
    timeline_across: bool = False
    """The timeline across the page between the prose and the questions, else down the sidebar."""
    extra_lines: int = 0
    """Lines to write on beyond what each answer needs: room given to a page that would stay empty."""
    terms_under_prose: bool = False
    """The key terms and the sources in the main column after the prose and questions: room for a sidebar longer than the text."""
    timeline_last: bool = False
    """With ``timeline_across``, the timeline at the foot of the sheet, after the questions, what goes beside them beside the
    prose: the few lines that follow a timeline across the page (the sources) would otherwise run on to a page of their own."""
    facts_under_prose: bool = False
    """The key facts box in the main column after the prose: a box far longer than the text would otherwise run on from the
    sidebar across a page of its own, the main column's foot left empty above it."""


ARRANGEMENTS = (
    Arrangement(),
    Arrangement(tight=True),
    Arrangement(timeline_across=True),
    Arrangement(tight=True, timeline_across=True),
    Arrangement(extra_lines=1),
    Arrangement(timeline_across=True, extra_lines=1),
    Arrangement(extra_lines=2),
    Arrangement(extra_lines=3),
    Arrangement(terms_under_prose=True),
    Arrangement(tight=True, terms_under_prose=True),
    Arrangement(facts_under_prose=True),
    Arrangement(tight=True, facts_under_prose=True),
    Arrangement(timeline_across=True, timeline_last=True),
    Arrangement(tight=True, timeline_across=True, timeline_last=True),
)
"""Tried in order until one gives well-filled pages; the first is the most compact."""


def kicker(marker: str, course: Course | None) -> str:
    """The line above the title: what the document is, after the course code when there is one."""
    return f"{course.code} · {marker}" if course else marker


def _region(blocks: Blocks, main: Sequence[Flowable], side: Sequence[Flowable]) -> list[Flowable]:
    """Main column and sidebar side by side.

    Without room for a sidebar its parts follow the main column's; with nothing beside them they take its place.
    """
    grid = blocks.grid
    if not main and not side:
        return []
    if not grid.has_sidebar:
        return [Columns([*main, *side], [], 0.0, 0.0, grid.sidebar_left, grid.page_height)]
    if not main:
        main, side = side, []
    main, side = balanced(main, side, grid.main_width, grid.side_width)
    return [Columns(main, side, grid.side_width, grid.gap, grid.sidebar_left, grid.page_height)]


def _illustrated(paragraphs: list[Flowable], figures: list[Flowable]) -> list[Flowable]:
    """A section's figures after its first paragraph, near the text they illustrate."""
    return [*paragraphs[:1], *figures, *paragraphs[1:]]


def study_sheet_story(
    topic: Topic,
    blocks: Blocks,
    course: Course | None,
    logo: Path | None,
    arrangement: Arrangement,
    asked: Sequence[Arranged] = (),
    seed: int = 0,
) -> list[Flowable]:
    """Objectives under the title band; prose and the ``asked`` questions in the main column, the rest in the sidebar beside them.

    The timeline goes down the sidebar or across the page; figures and excerpts go with the section they belong to.
    """
    labels = blocks.labels
    figures = blocks.place_figures(topic.images, TIGHT_FIGURE_SHARE if arrangement.tight else 1.0)
    quotes = blocks.place_excerpts(topic)
    timeline, where = blocks.timeline(topic.timeline, topic.date, arrangement.timeline_across)

    def section(name: str, body: list[Flowable], side: bool = False) -> list[Flowable]:
        return blocks.section(labels[name], [*body, *quotes.get(name, [])], side)

    def prose_section(name: str, pictures: list[Flowable]) -> list[Flowable]:
        """A section of paragraphs with its figures and excerpts after its first, so a page break leaves none of them alone."""
        body = _illustrated(blocks.paragraphs(getattr(topic, name)), [*pictures, *quotes.get(name, [])])
        return blocks.section(labels[name], body)

    prose = [
        *blocks.summary_box(topic),
        *quotes.get("summary", []),
        *prose_section("context", [*figures.main.get("context", []), *figures.main.get("images", [])]),
        *prose_section("significance", figures.main.get("significance", [])),
        *(section("timeline", timeline) if where == "main" else []),
    ]
    facts = [*blocks.key_facts_box(topic), *quotes.get("key_facts", [])]
    if arrangement.facts_under_prose:
        prose, facts = [*prose, *facts], []
    moved = arrangement.terms_under_prose
    terms = section("glossary", blocks.glossary(topic.glossary), side=not moved)
    sources = section("sources", blocks.sources(topic.sources), side=not moved)
    beside_prose = [
        *blocks.objectives(topic.objectives, side=True),
        *facts,
        *section("people", blocks.people(topic.people), side=True),
        *(terms if where == "side" and not moved else []),
        *figures.side,
        *(section("timeline", timeline, side=True) if where == "side" else []),
    ]
    printed = Questions(blocks).sheet(asked, arrangement.extra_lines, arrangement.tight)
    heading = section_title(labels["questions"], labels["version"], seed)
    asking = widening(blocks.section(heading, [*printed, *quotes.get("questions", [])])) if printed else []
    questions = [*asking, *terms, *sources] if moved else asking
    beside_questions = [] if moved else [*([] if where == "side" else terms), *sources]
    story: list[Flowable] = [
        blocks.title_band(kicker(labels["study_sheet"], course), topic.title, topic.subtitle, meta_line(topic, labels), logo),
        Spacer(0, BAND_GAP_PT),
    ]
    if where != "across":
        return [*story, *_region(blocks, [*prose, *questions], [*beside_prose, *beside_questions])]
    timeline_section = KeepTogether(blocks.section(labels["timeline"], [*timeline, *quotes.get("timeline", [])]))
    if arrangement.timeline_last:
        return [
            *story,
            *_region(blocks, [*prose, *questions], [*beside_prose, *beside_questions]),
            Spacer(0, REGION_GAP_PT),
            timeline_section,
        ]
    return [
        *story,
        *_region(blocks, prose, beside_prose),
        Spacer(0, REGION_GAP_PT),
        timeline_section,
        Spacer(0, REGION_GAP_PT),
        *_region(blocks, questions, beside_questions),
    ]


KEY_LAYOUTS = ("notes_under_answers", "notes_beside")
"""Where the answer key puts the teacher's notes, tried in turn: under the answers, or in the sidebar under the sources."""


def answer_key_story(
    topic: Topic,
    blocks: Blocks,
    course: Course | None,
    logo: Path | None,
    answered: Sequence[Arranged],
    layout: str = KEY_LAYOUTS[0],
    tight: bool = False,
    seed: int = 0,
) -> list[Flowable]:
    """The ``answered`` questions with the points to look for, then the teacher's notes; the key facts with details and sources beside them.

    The key facts go in the sidebar, or under the answers when they are longer than the answers and would run on alone.
    With ``layout`` "notes_beside" the notes follow the sources in the sidebar, where they may save the key a page;
    ``tight`` sets the answers closer, as its styles set their lines.
    """
    labels = blocks.labels
    grid = blocks.grid
    notes_beside = layout == "notes_beside" and grid.has_sidebar
    heading = section_title(labels["questions"], labels["version"], seed)
    questions = blocks.section(heading, Questions(blocks).key(answered, tight))
    notes = blocks.section(labels["teaching_notes"], blocks.notes(topic.notes, notes_beside), side=notes_beside)
    answers = questions if notes_beside else [*questions, *notes]
    facts = blocks.key_facts_box(topic, with_details=True)
    sources = [*blocks.section(labels["sources"], blocks.sources(topic.sources), side=True), *(notes if notes_beside else [])]
    main_height = stacked_height(answers, grid.main_width)
    beside = stacked_height([*facts, *sources], grid.side_width) if grid.has_sidebar else 0.0
    # The sidebar stays beside the answers unless the facts under them would make a shorter column; where the facts' least
    # height across the main column already settles it, they are not laid out there just to be compared.
    under = (least_stacked_height, stacked_height)
    stays = any(beside <= main_height + height(facts, grid.main_width) for height in under)
    main, side = (answers, [*facts, *sources]) if stays else ([*answers, *facts], sources)
    band = blocks.title_band(
        kicker(labels["teachers_copy"], course), topic.title, labels["answer_key"], meta_line(topic, labels), logo, teacher=True
    )
    return [band, Spacer(0, BAND_GAP_PT), *_region(blocks, main, side)]


def furniture(topic: Topic, course: Course | None, labels: Labels, marker: str, teacher: bool = False) -> Furniture:
    """Running header and footer; a teacher's copy is marked on every page, title page too, by a striped ribbon and its footer.

    In a course, the header names the course code and the footer the course and who teaches it.
    """
    if course:
        header = f"{course.code} · {topic.title}"
        footer = [course.title, *course.details]
    else:
        header = topic.title
        footer = [topic.title, *meta_line(topic, labels)[:2]]
    ribbon = None
    if teacher:
        footer.insert(0, marker.upper())
        ribbon = f"{marker} — {labels['not_for_students']}".upper()
    return Furniture(header_left=header, header_right=marker.upper(), footer_left=" · ".join(footer), ribbon=ribbon)
