"""Every kind of file a build can make, in one table; nothing else spells an output's name.

An output is a name users choose it by (``--outputs sheet,deck``), the rule that names its
file, which topics have one, its renderer (imported only when first used, so a PDF-only
build never loads python-pptx), the worker group it renders in and the kinds of input file
its fingerprint depends on. The build, the command line, the manifest, the up-to-date check
and the watcher all read this table, so adding an output is a renderer module and one entry.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from guide.model import Course, Topic
    from guide.session import BuildSession
    from guide.theme import Theme

Renderer = Callable[["Topic", "Theme", "Course | None", "BuildSession"], bytes]
"""Turns a topic, its resolved theme, its course and the build's session into a file's bytes."""

INPUT_KINDS = ("topic", "images", "course", "theme", "fonts", "logo", "template")
"""The kinds of input file a build fingerprints: the topic file, its pictures, the course file,
the theme chain's files, the theme's font files, its logo and its slide template."""

DOCUMENT_INPUTS = frozenset({"topic", "images", "course", "theme", "fonts", "logo"})
"""What a document drawn without the slide template depends on."""

PAGE_INPUTS = DOCUMENT_INPUTS - {"fonts"}
"""What a web page depends on: it names the theme's fonts but embeds none."""


def _every_topic(topic: Topic, theme: Theme) -> bool:
    return True


def _with_questions(topic: Topic, theme: Theme) -> bool:
    return bool(topic.questions)


def _with_sheet_questions(topic: Topic, theme: Theme) -> bool:
    """Whether the study sheet asks anything, so that its key has answers to give (typed questions may all be on a quiz paper)."""
    from guide.quiz import typed  # here: the up-to-date check reads this table without loading the content model

    return any(theme.quiz_print == "sheet" or not typed(question) for question in topic.questions)


def _with_quiz_paper(topic: Topic, theme: Theme) -> bool:
    """Whether typed questions print on a quiz paper of their own: the topic has some, and the theme does not keep them on the sheet."""
    from guide.quiz import typed

    return theme.quiz_print == "paper" and any(typed(question) for question in topic.questions)


def _with_glossary(topic: Topic, theme: Theme) -> bool:
    return bool(topic.glossary)


TOPIC_INPUTS = frozenset({"topic", "course"})
"""What an export depends on: the topic and its course, never the theme's look."""

QUIZ_INPUTS = TOPIC_INPUTS | {"theme"}
"""What a quiz export depends on: also the theme, which says whether a quiz paper asks the typed questions and so how they are numbered."""


@dataclass(frozen=True)
class Output:
    """One kind of file a topic can produce."""

    name: str
    """What users call it: ``--outputs``, ``outputs:`` in a course or theme, ``--list-outputs``."""
    description: str
    file_pattern: str
    """The file's name, with ``{id}`` for the topic id."""
    renderer_path: str
    """``module:function`` of its renderer, imported on first use."""
    group: str
    """Outputs of one group render together in one worker task: they share a library and its fonts."""
    format: str
    """The ``--format`` shorthand that includes it (``pdf`` or ``pptx``; ``html`` and ``export`` are chosen by name only)."""
    inputs: frozenset[str] = DOCUMENT_INPUTS
    """The kinds of input file (INPUT_KINDS) whose contents its file depends on."""
    applies: Callable[[Topic, Theme], bool] = _every_topic
    """Whether a topic has this output at all in a theme (an answer key needs questions on the sheet)."""
    default: bool = True
    """Built when neither the command line, the course nor the theme chooses outputs."""
    warnings_path: str = ""
    """``module:function`` naming what of a topic the output leaves out, as (location, message) pairs; imported on first use."""
    options: tuple[str, ...] = ()
    """Build options (``BuildOptions`` fields) that only this output reads, so that changing one rebuilds only its files."""
    draws_template: bool = False
    """Draws a slide template's masters itself, not through an office suite: what it cannot draw of them is reported."""
    typeset: bool = True
    """Prints the topic's text typeset (``guide.render.common.typeset``): where outputs of several groups of a topic
    do, the build typesets it once for all their workers."""

    def file_name(self, topic_id: str) -> str:
        return self.file_pattern.format(id=topic_id)

    def warnings(self, topic: Topic) -> list[tuple[tuple[str | int, ...], str]]:
        """What the output leaves out of ``topic``, each at the location of what is left out."""
        if not self.warnings_path:
            return []
        module, function = self.warnings_path.split(":")
        found: list[tuple[tuple[str | int, ...], str]] = getattr(import_module(module), function)(topic)
        return found

    def renderer(self) -> Renderer:
        """The renderer, imported now: only builds that make this output pay for its library."""
        module, function = self.renderer_path.split(":")
        renderer: Renderer = getattr(import_module(module), function)
        return renderer


class UnknownOutputError(ValueError):
    """An output name no entry of the registry has."""

    def __init__(self, unknown: Iterable[str]) -> None:
        names = ", ".join(f"'{name}'" for name in unknown)
        super().__init__(f"unknown output {names}; known outputs: {', '.join(REGISTRY.names())}")


class Registry:
    """The outputs, in the order a topic's files are listed and built."""

    def __init__(self, outputs: Iterable[Output]) -> None:
        self._outputs = {output.name: output for output in outputs}

    def __iter__(self) -> Iterator[Output]:
        return iter(self._outputs.values())

    def __getitem__(self, name: str) -> Output:
        return self._outputs[name]

    def names(self) -> tuple[str, ...]:
        return tuple(self._outputs)

    def defaults(self) -> tuple[str, ...]:
        return tuple(output.name for output in self if output.default)

    def of_format(self, format_name: str) -> tuple[str, ...]:
        """The outputs ``--format`` names: ``all`` is every default output."""
        return tuple(output.name for output in self if output.default and format_name in ("all", output.format))

    def chosen(self, names: Iterable[str]) -> tuple[str, ...]:
        """``names`` checked and put in registry order; raises UnknownOutputError naming the unknown ones."""
        wanted = set(names)
        unknown = sorted(wanted.difference(self._outputs))
        if unknown:
            raise UnknownOutputError(unknown)
        return tuple(name for name in self._outputs if name in wanted)

    def targets(self, topic: Topic, theme: Theme, names: Iterable[str]) -> list[tuple[Output, str]]:
        """(output, file name) of each chosen output the topic has in ``theme``, in registry order."""
        wanted = set(names)
        return [(output, output.file_name(topic.id)) for output in self if output.name in wanted and output.applies(topic, theme)]

    @contextmanager
    def extended(self, output: Output) -> Iterator[Output]:
        """The registry with ``output`` added for the duration: how a plug-in or a test adds an output."""
        self._outputs[output.name] = output
        try:
            yield output
        finally:
            del self._outputs[output.name]


REGISTRY = Registry(
    [
        Output(
            "sheet",
            "the printable study sheet (PDF)",
            "{id}.pdf",
            "guide.render.pdf:render_study_sheet",
            group="pdf",
            format="pdf",
        ),
        Output(
            "answers",
            "the teacher's answer key (PDF), for topics with questions on the sheet",
            "{id}-answers.pdf",
            "guide.render.pdf:render_answer_key",
            group="pdf",
            format="pdf",
            applies=_with_sheet_questions,
        ),
        Output(
            "quiz",
            "the quiz paper (PDF): the typed questions, for topics with some (unless the theme keeps them on the sheet)",
            "{id}-quiz.pdf",
            "guide.render.pdf.quiz_paper:render_quiz",
            group="pdf",
            format="pdf",
            applies=_with_quiz_paper,
        ),
        Output(
            "quiz-answers",
            "the teacher's copy of the quiz paper (PDF), its boxes filled",
            "{id}-quiz-answers.pdf",
            "guide.render.pdf.quiz_paper:render_quiz_answers",
            group="pdf",
            format="pdf",
            applies=_with_quiz_paper,
        ),
        Output(
            "deck",
            "the editable slide deck (PowerPoint)",
            "{id}.pptx",
            "guide.render.pptx:render_deck",
            group="pptx",
            format="pptx",
            inputs=DOCUMENT_INPUTS | {"template"},
        ),
        Output(
            "slides",
            "the slides as PDF, a page per slide at the slide's size, for projecting and learning platforms",
            "{id}-slides.pdf",
            "guide.render.pdf.handout:render_slides_pdf",
            group="pdf",
            format="pdf",
            inputs=DOCUMENT_INPUTS | {"template"},
            default=False,
            draws_template=True,
        ),
        Output(
            "handout",
            "the slides on paper (PDF): beside ruled lines, over their notes, or n a page (--handout)",
            "{id}-handout.pdf",
            "guide.render.pdf.handout:render_handout",
            group="pdf",
            format="pdf",
            inputs=DOCUMENT_INPUTS | {"template"},
            default=False,
            options=("handout",),
            draws_template=True,
        ),
        Output(
            "html",
            "the study sheet as one accessible web page (HTML)",
            "{id}.html",
            "guide.render.html:render_html",
            group="html",
            format="html",
            inputs=PAGE_INPUTS,
            default=False,
        ),
        Output(
            "html-answers",
            "the web page with each answer under its question (HTML), for topics with questions",
            "{id}-answers.html",
            "guide.render.html:render_html_answers",
            group="html",
            format="html",
            inputs=PAGE_INPUTS,
            applies=_with_questions,
            default=False,
        ),
        Output(
            "anki",
            "flashcards of the key terms, key facts and questions (Anki package)",
            "{id}.apkg",
            "guide.render.exports.anki:render_anki",
            group="exports",
            format="export",
            inputs=TOPIC_INPUTS,
            default=False,
            typeset=False,
        ),
        Output(
            "csv",
            "the key terms and their definitions (CSV), for topics with a glossary",
            "{id}-terms.csv",
            "guide.render.exports.terms_csv:render_terms_csv",
            group="exports",
            format="export",
            inputs=TOPIC_INPUTS,
            applies=_with_glossary,
            default=False,
            typeset=False,
        ),
        Output(
            "moodle",
            "the questions as a Moodle quiz import (Moodle XML), for topics with questions",
            "{id}-moodle.xml",
            "guide.render.exports.moodle:render_moodle_xml",
            group="exports",
            format="export",
            inputs=QUIZ_INPUTS,
            applies=_with_questions,
            default=False,
            typeset=False,
        ),
        Output(
            "qti",
            "the questions as a QTI 1.2 package (Canvas quiz import), for topics with questions",
            "{id}-qti.zip",
            "guide.render.exports.qti:render_qti",
            group="exports",
            format="export",
            inputs=QUIZ_INPUTS,
            applies=_with_questions,
            default=False,
            typeset=False,
            warnings_path="guide.render.exports.qti:left_out",
        ),
    ]
)
