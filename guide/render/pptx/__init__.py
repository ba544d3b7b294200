"""The PowerPoint renderer: a topic's slide deck, planned by measurement, then written."""

from __future__ import annotations

from dataclasses import dataclass

from guide.fonts import family_named
from guide.model import Course, Topic
from guide.render.common import metadata
from guide.render.pptx.boxes import template_geometry
from guide.render.pptx.writer import DeckWriter
from guide.render.slides.geometry import Geometry, designed_geometry
from guide.render.slides.measure import Measurers
from guide.render.slides.plan import DeckFonts, DeckPlan, plan_deck
from guide.render.slides.style import deck_style
from guide.template import Template, default_template_path, read_template
from guide.theme import Theme

__all__ = ["DeckPlan", "deck_fonts", "deck_plan", "render_deck"]


@dataclass(frozen=True)
class _Setting:
    """What a deck is drawn on: a template, its boxes and fonts, and whether the design is ours."""

    template: Template
    geometry: Geometry
    fonts: DeckFonts
    designed: bool


def _setting(theme: Theme) -> _Setting:
    if theme.template is None:
        return _Setting(read_template(default_template_path()), designed_geometry(theme.slide_aspect), deck_fonts(theme, None), True)
    template = read_template(theme.template, tuple(sorted(theme.layouts.items())))
    return _Setting(template, template_geometry(template), deck_fonts(theme, template), False)


def deck_plan(topic: Topic, theme: Theme, course: Course | None = None, measurers: Measurers | None = None) -> DeckPlan:
    """The slide plan of ``topic``: what each slide holds, measured in the boxes it will have."""
    return _planned(topic, theme, course, measurers)[1]


def render_deck(topic: Topic, theme: Theme, course: Course | None = None, *, measurers: Measurers | None = None) -> bytes:
    """The editable slide deck of ``topic`` as .pptx bytes: our design, or on the theme's template.

    ``measurers`` keeps the fonts' widths between decks; without it each deck measures afresh.
    """
    setting, plan = _planned(topic, theme, course, measurers)
    writer = DeckWriter(plan, theme, metadata(topic, topic.title, course), setting.fonts, setting.template, setting.designed)
    return writer.write()


def _planned(topic: Topic, theme: Theme, course: Course | None, measurers: Measurers | None) -> tuple[_Setting, DeckPlan]:
    setting = _setting(theme)
    labels = theme.labels_for(topic.language_code)
    plan = plan_deck(topic, labels, setting.geometry, setting.fonts, course, measurers, deck_style(theme), setting.designed)
    return setting, plan


def deck_fonts(theme: Theme, template: Template | None) -> DeckFonts:
    """Our design sets every slide in the heading family; a template's theme fonts stand for themselves.

    A template font that is neither bundled nor one of the theme's is measured with the
    theme's heading family, as our own design sets slides (the build warns about it).
    """
    if template is None:
        return DeckFonts(theme.heading_font, theme.heading_font)
    own = (theme.heading_font, theme.body_font)
    heading, body = template.fonts
    return DeckFonts(family_named(heading, own) or theme.heading_font, family_named(body, own) or theme.heading_font, named=False)
