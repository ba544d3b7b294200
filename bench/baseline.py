"""The plain way to make the same materials, for comparison: reportlab and python-pptx as their guides show them.

usage: python bench/baseline.py TOPIC.yaml [TOPIC.yaml ...] --out DIR [--jobs N]

For each topic, a study sheet with its answers (one PDF of two pages, reportlab's sample
styles) and a deck of ten slides (python-pptx's default template, text set on the
placeholders). No theme, no fonts of our own, no fitting of text, no validation, no
speaker notes, no manifest: only what it takes to put the topic's words and its picture on
pages and slides, which is the least any tool that does so must spend. ``--jobs N``
spreads the topics over N processes, four at a time, as the tool does.
"""

from __future__ import annotations

import argparse
import multiprocessing
import re
from pathlib import Path
from typing import Any

import yaml
from pptx import Presentation
from pptx.util import Inches, Pt
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.platypus import Image, ListFlowable, Paragraph, SimpleDocTemplate, Table

STYLES = getSampleStyleSheet()
BODY = ParagraphStyle("Body", STYLES["BodyText"], fontSize=9, leading=11, spaceBefore=2, spaceAfter=2)
HEADING = ParagraphStyle("Heading", STYLES["Heading2"], fontSize=12, leading=14, spaceBefore=8, spaceAfter=3)
BOLD = re.compile(r"\*\*(.+?)\*\*")
ITALIC = re.compile(r"\*(.+?)\*")
TOPICS_PER_TASK = 4


def markup(text: Any) -> str:
    """The topic's **bold** and *italic* as reportlab's tags, everything else escaped."""
    escaped = str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return ITALIC.sub(r"<i>\1</i>", BOLD.sub(r"<b>\1</b>", escaped))


def plain(text: Any) -> str:
    return str(text).replace("*", "")


def texts(value: Any, key: str) -> list[str]:
    """A section given as one text, or a list of texts or of mappings holding it under ``key``."""
    items = value if isinstance(value, list) else [value]
    return [item[key] if isinstance(item, dict) else item for item in items]


def open_questions(topic: dict[str, Any]) -> list[dict[str, Any]]:
    """The questions answered in words: the plain way prints no boxes to tick, columns to connect or gaps to fill."""
    return [question for question in topic.get("questions", []) if question.get("type", "open") == "open"]


def sheet(topic: dict[str, Any], folder: Path, path: Path) -> None:
    body, heading = BODY, HEADING

    def bullets(items: list[str], kind: str = "bullet") -> ListFlowable:
        return ListFlowable([Paragraph(markup(item), body) for item in items], bulletType=kind, leftIndent=14)

    picture = topic["images"][0]
    story = [
        Paragraph(markup(topic["title"]), STYLES["Title"]),
        Paragraph(markup(f"{topic['subtitle']} | {topic['date']}, {topic['place']}"), STYLES["Italic"]),
        Paragraph("At a glance", heading),
        Paragraph(markup(topic["summary"]), body),
        Paragraph("You will be able to", heading),
        bullets(topic.get("objectives", [])),
        Paragraph("Key facts", heading),
        bullets(texts(topic["key_facts"], "fact")),
        Paragraph("What happened?", heading),
        *[Paragraph(markup(text), body) for text in texts(topic["context"], "text")],
        Paragraph("Why does it matter?", heading),
        *[Paragraph(markup(text), body) for text in texts(topic["significance"], "text")],
        Paragraph("Timeline", heading),
        Table(
            [[Paragraph(str(entry["date"]), body), Paragraph(markup(entry["event"]), body)] for entry in topic["timeline"]],
            colWidths=[3 * cm, 14 * cm],
        ),
        Image(str(folder / picture["file"]), width=8 * cm, height=5.5 * cm),
        Paragraph("In their words", heading),
        *[Paragraph(f"<i>{markup(excerpt['text'])}</i> ({markup(excerpt['attribution'])})", body) for excerpt in topic.get("excerpts", [])],
        Paragraph("Who was involved", heading),
        bullets([f"{person['name']}: {person['role']}" for person in topic["people"]]),
        Paragraph("Key terms", heading),
        *[Paragraph(f"<b>{markup(entry['term'])}</b>: {markup(entry['definition'])}", body) for entry in topic["glossary"]],
        Paragraph("Check your understanding", heading),
        bullets([question["question"] for question in open_questions(topic)], "1"),
        Paragraph("Answers", heading),
        bullets([question["answer"] for question in open_questions(topic)], "1"),
        Paragraph("Sources", heading),
        bullets([f"{source['citation']} {source['url']}" for source in topic["sources"]]),
    ]
    margins = {"leftMargin": 2 * cm, "rightMargin": 2 * cm, "topMargin": 1.5 * cm, "bottomMargin": 1.5 * cm}
    document = SimpleDocTemplate(str(path), pagesize=A4, title=plain(topic["title"]), **margins)
    document.build(story)


def deck(topic: dict[str, Any], folder: Path, path: Path) -> None:
    presentation = Presentation()
    title_layout, content_layout, title_only = presentation.slide_layouts[0], presentation.slide_layouts[1], presentation.slide_layouts[5]
    first = presentation.slides.add_slide(title_layout)
    first.shapes.title.text = plain(topic["title"])
    first.placeholders[1].text = f"{plain(topic['subtitle'])}\n{topic['date']}, {topic['place']}"

    def slide(title: str, paragraphs: list[str]) -> None:
        added = presentation.slides.add_slide(content_layout)
        added.shapes.title.text = title
        frame = added.placeholders[1].text_frame
        for index, text in enumerate(paragraphs):
            paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
            paragraph.text = plain(text)
            paragraph.font.size = Pt(14)

    slide("At a glance", [topic["summary"]])
    slide("Key facts", texts(topic["key_facts"], "fact"))
    slide("What happened?", texts(topic["context"], "slide"))
    slide("Why does it matter?", texts(topic["significance"], "slide"))
    slide("Timeline", [f"{entry['date']}: {entry['event']}" for entry in topic["timeline"]])
    slide("Key terms", [f"{entry['term']}: {entry['definition']}" for entry in topic["glossary"]])
    slide("Check your understanding", [question["question"] for question in open_questions(topic)])
    slide("Sources", [source["citation"] for source in topic["sources"]])
    picture = presentation.slides.add_slide(title_only)
    picture.shapes.title.text = plain(topic["images"][0].get("caption", "Picture"))
    picture.shapes.add_picture(str(folder / topic["images"][0]["file"]), Inches(1.5), Inches(1.8), width=Inches(7))
    presentation.save(str(path))


def render(source: Path, out: Path) -> None:
    topic = yaml.safe_load(source.read_text(encoding="utf-8"))
    sheet(topic, source.parent, out / f"{source.stem}.pdf")
    deck(topic, source.parent, out / f"{source.stem}.pptx")


def _render(job: tuple[Path, Path]) -> None:
    render(*job)


def main() -> None:
    arguments = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    arguments.add_argument("topics", type=Path, nargs="+")
    arguments.add_argument("--out", type=Path, required=True)
    arguments.add_argument("--jobs", type=int, default=1)
    options = arguments.parse_args()
    options.out.mkdir(parents=True, exist_ok=True)
    jobs = [(source, options.out) for source in options.topics]
    if options.jobs == 1:
        for job in jobs:
            _render(job)
        return
    with multiprocessing.get_context("fork").Pool(options.jobs) as pool:
        for _ in pool.imap_unordered(_render, jobs, chunksize=TOPICS_PER_TASK):
            pass


if __name__ == "__main__":
    main()
