"""What every renderer says about a topic in the same words: its typeset text, its meta line and its metadata."""

from __future__ import annotations

from dataclasses import dataclass

from guide import markup
from guide.labels import Labels
from guide.model import Course, Topic
from guide.session import BuildSession
from guide.typography import Typography, typeset_topic


@dataclass(frozen=True)
class Metadata:
    """Document properties: PDF info and .pptx core properties."""

    title: str
    author: str
    subject: str
    keywords: tuple[str, ...]
    language: str


def typeset(topic: Topic, typography: Typography, session: BuildSession, made: Topic | None = None) -> Topic:
    """``topic`` as every output prints it (``typeset_topic``), typeset once for all the outputs of it the session renders.

    Kept by content, never by file: a topic equal to the last one typeset gets the same result.
    ``made`` is that result typeset in another process (the build's, for the workers that render
    the topic's other outputs), kept as if typeset here.
    """
    return session.made_alike("typeset-topic", (topic, typography), lambda: typeset_topic(topic, typography) if made is None else made)


def meta_line(topic: Topic, labels: Labels) -> list[str]:
    """Date, place and parties, in that order, as title band and title slide show them."""
    items = [labels.date(topic.date)] if topic.date is not None else []
    items += [topic.place] if topic.place else []
    items += [" – ".join(topic.parties)] if topic.parties else []
    return items


def metadata(topic: Topic, title: str, course: Course | None = None) -> Metadata:
    """Properties of a document about ``topic``; the subject is the subtitle or the summary's first sentence.

    In a course, the course code and title are keywords too, so a search finds a course's files.
    """
    summary = markup.plain_text(topic.summary)
    end = summary.find(". ")
    subject = topic.subtitle or (summary if end < 0 else summary[: end + 1])
    keywords = (*([course.code, course.title] if course else []), *topic.parties, *(entry.term for entry in topic.glossary))
    author = topic.author or (course.instructor if course and course.instructor else "")
    return Metadata(title=title, author=author, subject=subject, keywords=keywords, language=topic.language)
