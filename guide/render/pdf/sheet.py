"""A topic -> the story of the study sheet and of the teacher's answer key."""

from __future__ import annotations

from pathlib import Path

from reportlab.platypus import Flowable, Spacer

from guide.labels import Labels
from guide.model import Course, Topic
from guide.render.common import meta_line
from guide.render.pdf.blocks import Blocks
from guide.render.pdf.document import Furniture


def _kicker(marker: str, course: Course | None) -> str:
    """The line above the title: what the document is, after the course code when there is one."""
    return f"{course.code} · {marker}" if course else marker


def study_sheet_story(topic: Topic, blocks: Blocks, course: Course | None, logo: Path | None) -> list[Flowable]:
    labels = blocks.labels
    story: list[Flowable] = [
        blocks.title_band(_kicker(labels["study_sheet"], course), topic.title, topic.subtitle, meta_line(topic, labels), logo),
        Spacer(0, 9),
        blocks.bookmark(labels["at_a_glance"]),
        blocks.summary_box(topic),
        Spacer(0, 7),
        blocks.bookmark(labels["key_facts"]),
        blocks.key_facts_box(topic),
    ]
    # Pictures go beside the timeline; without one, after the story of what happened.
    context = blocks.paragraphs(topic.context)
    if topic.timeline:
        timeline = blocks.timeline_and_figures(topic.timeline, topic.images)
    else:
        context, timeline = context + blocks.figures(topic.images), []
    story += blocks.section(labels["context"], context)
    story += blocks.section(labels["people"], blocks.people(topic.people))
    story += blocks.section(labels["significance"], blocks.paragraphs(topic.significance))
    story += blocks.section(labels["timeline"], timeline)
    story += blocks.section(labels["glossary"], blocks.glossary(topic.glossary)) if topic.glossary else []
    story += blocks.section(labels["questions"], blocks.questions_with_lines(topic.questions))
    story += blocks.section(labels["sources"], blocks.sources(topic.sources))
    return story


def answer_key_story(topic: Topic, blocks: Blocks, course: Course | None, logo: Path | None) -> list[Flowable]:
    labels = blocks.labels
    return [
        blocks.title_band(_kicker(labels["teachers_copy"], course), topic.title, labels["answer_key"], meta_line(topic, labels), logo),
        Spacer(0, 4),
        *blocks.section(labels["questions"], blocks.questions_with_answers(topic.questions)),
    ]


def furniture(topic: Topic, course: Course | None, labels: Labels, marker: str, marked_footer: bool = False) -> Furniture:
    """Running header and footer; ``marked_footer`` repeats the marker on every page, title page too.

    In a course, the header names the course code and the footer the course and who teaches it.
    """
    if course:
        header = f"{course.code} · {topic.title}"
        footer = [course.title, *course.details]
    else:
        header = topic.title
        footer = [topic.title, *meta_line(topic, labels)[:2]]
    if marked_footer:
        footer.insert(0, marker.upper())
    return Furniture(header_left=header, header_right=marker.upper(), footer_left=" · ".join(footer))
