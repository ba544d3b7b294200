"""A topic -> the body of its HTML page: the study sheet's content in reading order, as semantic HTML.

Each section is an ``<h2>`` under the page's one ``<h1>``; excerpts and pictures follow the
section they are placed in (pictures without a place follow "What happened?", as on the sheet).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from guide import markup
from guide.labels import Labels
from guide.model import COVER, Course, Excerpt, Image, Paragraph, Person, Topic
from guide.quiz import as_printed
from guide.render.common import meta_line
from guide.render.html.images import data_uri
from guide.render.html.inline import attribute, in_language, link, prose, text
from guide.render.html.questions import questions_html
from guide.session import BuildSession

DEFAULT_SECTION = "context"
"""Where a picture or excerpt without a ``section`` goes."""


def _when(value: dt.date | int | str, labels: Labels) -> str:
    """A date as the reader sees it, with the machine-readable form where there is one."""
    shown = text(labels.date(value))
    if isinstance(value, dt.date):
        return f'<time datetime="{value.isoformat()}">{shown}</time>'
    if isinstance(value, int) and 0 <= value <= 9999:
        return f'<time datetime="{value:04d}">{shown}</time>'
    return f'<span class="date">{shown}</span>'


def _paragraphs(paragraphs: Sequence[Paragraph]) -> list[str]:
    return [f"<p>{prose(paragraph.text)}</p>" for paragraph in paragraphs]


@dataclass(frozen=True)
class Page:
    """Writes one topic's page with one set of labels; ``answers`` makes it the teacher's copy."""

    topic: Topic
    labels: Labels
    course: Course | None
    session: BuildSession
    answers: bool = False
    seed: int = 0
    """The quiz version whose order the questions' options, columns and items are shown in."""
    quiz_on_paper: bool = True
    """Whether typed questions print on a quiz paper: then the page asks them under a heading of their own, numbered as it does."""

    def body(self, logo: str | None) -> list[str]:
        return [*self.header(logo), "<main>", *self.sections(), "</main>", *self.footer()]

    def kicker(self) -> str:
        marker = self.labels["teachers_copy" if self.answers else "study_sheet"]
        return f"{self.course.code} · {marker}" if self.course else marker

    def header(self, logo: str | None) -> list[str]:
        topic, labels = self.topic, self.labels
        lines = ['<header class="band">', '<div class="band-inner">', "<div>", f'<p class="kicker">{text(self.kicker())}</p>']
        lines.append(f"<h1>{text(topic.title)}</h1>")
        if topic.subtitle:
            lines.append(f'<p class="subtitle">{text(topic.subtitle)}</p>')
        meta = meta_line(topic, labels)
        if meta:
            if topic.date is not None:
                meta[0] = _when(topic.date, labels)
                meta[1:] = [text(item) for item in meta[1:]]
            else:
                meta = [text(item) for item in meta]
            lines.append(f'<p class="meta">{" · ".join(meta)}</p>')
        lines.append("</div>")
        if logo:
            lines.append(logo)
        lines += ["</div>", "</header>"]
        return lines

    def sections(self) -> list[str]:
        topic = self.topic
        lines = [*self.figures(COVER)]
        if topic.objectives:
            lines += self.section("objectives", ["<ul>", *(f"<li>{prose(item)}</li>" for item in topic.objectives), "</ul>"])
        lines += self.section("summary", [f"<p>{prose(topic.summary)}</p>"], heading="at_a_glance", boxed=True)
        lines += self.section("key_facts", self.key_facts(), boxed=True)
        lines += self.section("context", _paragraphs(topic.context))
        lines += self.section("people", self.people(topic.people))
        lines += self.section("significance", _paragraphs(topic.significance))
        lines += self.section("timeline", self.timeline())
        lines += self.section("glossary", self.glossary())
        asked, quizzed = as_printed(topic, self.seed, self.quiz_on_paper)
        lines += self.section("questions", questions_html(asked, self.labels, self.answers))
        lines += self.section("quiz", questions_html(quizzed, self.labels, self.answers))
        lines += self.section("images", [])
        lines += self.section("sources", self.sources())
        return lines

    def section(self, name: str, content: list[str], heading: str | None = None, boxed: bool = False) -> list[str]:
        """A section with its heading and what is placed in it; nothing when it has nothing."""
        content = [*content, *self.excerpts(name), *self.figures(name)]
        if not content:
            return []
        label = self.labels[heading or name]
        opening = f'<section class="box" aria-labelledby="{name}">' if boxed else f'<section aria-labelledby="{name}">'
        return [opening, f'<h2 id="{name}">{text(label)}</h2>', *content, "</section>"]

    def _placed(self, section: str, items: Sequence[Excerpt] | Sequence[Image]) -> list:
        return [item for item in items if (item.section or DEFAULT_SECTION) == section]

    def reference(self, source_id: str) -> str:
        """A numbered marker linking to a source in the list at the end; read aloud as "Sources: 2"."""
        number = self.source_numbers()[source_id]
        described = attribute(f"{self.labels['sources']}: {number}")
        return f'<sup><a href="#source-{number}" aria-label={described}>{number}</a></sup>'

    def key_facts(self) -> list[str]:
        items = []
        for fact in self.topic.key_facts:
            markers = "".join(self.reference(source) for source in fact.sources)
            figure = f'<strong class="figure">{text(fact.figure)}</strong> ' if fact.figure else ""
            items.append(f"<li>{figure}{prose(fact.fact)}{markers}</li>")
        return ["<ul>", *items, "</ul>"]

    def source_numbers(self) -> dict[str, int]:
        return {source.id: number for number, source in enumerate(self.topic.sources, start=1) if source.id}

    def people(self, people: Sequence[Person]) -> list[str]:
        if not people:
            return []
        items = []
        for person in people:
            portrait = ""
            if person.image:
                portrait = f'<img class="portrait" src="{data_uri(person.image, self.session)}" alt={attribute(person.name)}>'
            native = f" ({in_language(text(person.native_name), person.native_name_lang)})" if person.native_name else ""
            items.append(f"<li>{portrait}<strong>{text(person.name)}</strong>{native} — {prose(person.role)}</li>")
        return ["<ul>", *items, "</ul>"]

    def timeline(self) -> list[str]:
        if not self.topic.timeline:
            return []
        items = [f"<li>{_when(entry.date, self.labels)} {prose(entry.event)}</li>" for entry in self.topic.timeline]
        return ['<ol class="timeline">', *items, "</ol>"]

    def glossary(self) -> list[str]:
        if not self.topic.glossary:
            return []
        entries = [f"<dt>{text(entry.term)}</dt><dd>{prose(entry.definition)}</dd>" for entry in self.topic.glossary]
        return ['<dl class="terms">', *entries, "</dl>"]

    def sources(self) -> list[str]:
        if not self.topic.sources:
            return []
        items = []
        for number, source in enumerate(self.topic.sources, start=1):
            url = f" {link(source.url, text(markup.link_text(source.url)))}" if source.url else ""
            items.append(f'<li id="source-{number}">{prose(source.citation)}{url}</li>')
        return ['<ol class="sources">', *items, "</ol>"]

    def excerpts(self, section: str) -> list[str]:
        """Each passage in a figure with whose words they are; a translation right after its original, in its section."""
        by_id = {source.id: source for source in self.topic.sources if source.id}
        translations = {excerpt.translates: excerpt for excerpt in self.topic.excerpts if excerpt.translates}
        originals = [excerpt for excerpt in self.topic.excerpts if not excerpt.translates]
        lines = []
        for original in self._placed(section, originals):
            for excerpt in [original, *([translations[original.id]] if original.id in translations else [])]:
                source = by_id[excerpt.source]
                cite = f" cite={attribute(source.url)}" if source.url else ""
                cite += f" lang={attribute(excerpt.lang)}" if excerpt.lang else ""
                lines += [
                    '<figure class="excerpt">',
                    f"<blockquote{cite}><p>{prose(excerpt.text)}</p></blockquote>",
                    f"<figcaption>— <cite>{text(excerpt.attribution)}</cite>{self.reference(excerpt.source)}</figcaption>",
                    "</figure>",
                ]
        return lines

    def figures(self, section: str) -> list[str]:
        lines = []
        for image in self._placed(section, self.topic.images):
            caption = [prose(image.caption)] if image.caption else []
            caption += [f'<span class="credit">{text(image.credit)}</span>'] if image.credit else []
            lines += ["<figure>", f'<img src="{data_uri(image.file, self.session)}" alt={attribute(image.alt)}>']
            lines += [f"<figcaption>{' '.join(caption)}</figcaption>"] if caption else []
            lines.append("</figure>")
        return lines

    def footer(self) -> list[str]:
        if self.course:
            parts = [self.course.title, *self.course.details]
        else:
            parts = [self.topic.title, *([self.topic.author] if self.topic.author else [])]
        return [f"<footer><p>{text(' · '.join(parts))}</p></footer>"]
