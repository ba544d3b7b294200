"""A topic's slide plan in its setting: our design, or an institution's template with its boxes and fonts.

Every renderer that draws slides (the editable deck, the slides PDF and its handouts) starts
from this one plan, so they agree on every slide's text, sizes and places. Reading a template
needs python-pptx, imported only when a theme names one.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from guide.errors import RenderError
from guide.fonts import FontFamily, measuring_family
from guide.model import Course, Topic
from guide.render.common import typeset
from guide.render.slides.geometry import Geometry, designed_geometry
from guide.render.slides.measure import FaceAdvances, Measurers
from guide.render.slides.plan import ContinuationError, DeckFonts, DeckPlan, lined, plan_deck
from guide.render.slides.style import deck_style
from guide.render.template_boxes import template_geometry
from guide.session import BuildSession
from guide.template import Template, capital_roles, default_template_path, read_template, starting_sizes
from guide.theme import Theme


@dataclass(frozen=True)
class Setting:
    """What a deck is drawn on: a template, its boxes and fonts, and whether the design is ours."""

    template: Template
    geometry: Geometry
    fonts: DeckFonts
    designed: bool


def deck_setting(theme: Theme, session: BuildSession) -> Setting:
    """Our design on the default template, or the theme's template; RenderError if it cannot hold a deck."""
    if theme.template is None:
        template = session_template(session, default_template_path())
        return Setting(template, designed_geometry(theme.slide_aspect), deck_fonts(theme, None), True)
    template = session_template(session, theme.template, tuple(sorted(theme.layouts.items())))
    if template.errors:
        raise RenderError(f"the template cannot hold this deck: {template.errors[0]}")
    return Setting(template, template_geometry(template), deck_fonts(theme, template), False)


def session_template(session: BuildSession, path: Path, names: tuple[tuple[str, str], ...] = ()) -> Template:
    """The template at ``path`` as read in this session, once per contents and layout names."""
    return session.made("template", (session.digest(path), names), lambda: read_template(path, names))


def session_measurers(session: BuildSession) -> Measurers:
    """Measurers whose faces' widths the session keeps, once per face's contents, never once per path."""
    return Measurers(lambda path: session.made("face-widths", session.digest(path), lambda: FaceAdvances(path)))


def planned(topic: Topic, theme: Theme, course: Course | None, session: BuildSession) -> tuple[Setting, DeckPlan]:
    """The setting of ``topic``'s slides and their plan: what each slide holds, measured in the boxes it will have;
    its texts' lines unbroken (an editable deck wraps its text itself; see :func:`lined_plan`).

    The session keeps the last plan, for the other outputs of the same topic drawn from it (a
    slides PDF and a handout): kept with the very objects it was made from, under their
    identities, which cannot pass to other objects while it holds them.
    """
    key = (id(topic), id(theme), id(course))
    made = session.made("slide-plan", key, lambda: (topic, theme, course, _planned(topic, theme, course, session)), keep=1)
    return made[3]


def lined_plan(topic: Topic, theme: Theme, course: Course | None, session: BuildSession) -> tuple[Setting, DeckPlan]:
    """As :func:`planned`, with every text's lines broken where the slide wraps them: for renderers that draw text
    line by line (the slides PDF and its handouts). Kept by the session as the plan is."""

    def make() -> tuple[Topic, Theme, Course | None, tuple[Setting, DeckPlan]]:
        setting, plan = planned(topic, theme, course, session)
        return topic, theme, course, (setting, lined(plan, session_measurers(session), setting.fonts))

    return session.made("slide-plan-lines", (id(topic), id(theme), id(course)), make, keep=1)[3]


def _planned(topic: Topic, theme: Theme, course: Course | None, session: BuildSession) -> tuple[Setting, DeckPlan]:
    setting = deck_setting(theme, session)
    topic = typeset(topic, theme.typography, session)
    labels = theme.labels_for(topic.language_code)
    style = deck_style(theme)
    try:
        plan = plan_deck(
            topic,
            labels,
            setting.geometry,
            setting.fonts,
            course,
            session_measurers(session),
            style,
            setting.designed,
            theme.quiz_seed,
            theme.quiz_answers,
            theme.quiz_print,
            lines=False,
        )
    except ContinuationError as error:
        layout = None if setting.designed else setting.template.roles.get(error.role)
        raise RenderError(f"{error} on the template's layout '{layout.name}'" if layout else str(error)) from None
    return setting, plan


def deck_fonts(theme: Theme, template: Template | None) -> DeckFonts:
    """Our design sets every slide in the heading family; a template's fonts (as its master sets them) stand for themselves.

    A template font that is neither bundled nor one of the theme's is measured with a wide
    bundled family, so its text fits whatever the viewer draws it in (the build warns about it).
    """
    if template is None:
        return DeckFonts(theme.heading_font, theme.heading_font)
    own = (theme.heading_font, theme.body_font)
    title, body = (widest([measuring_family(name, own)[0] for name in (font, *template.other_fonts)]) for font in template.fonts)
    starts = tuple(sorted(starting_sizes(template).items()))
    return DeckFonts(title, body, named=False, starts=starts, capitals=capital_roles(template))


WIDTH_SAMPLE = "Treaty of Berlin: neutrality, boycotts and the League of Nations"
"""Text whose width tells which of a template's families sets wider."""


def widest(families: list[FontFamily]) -> FontFamily:
    """The family that sets text widest: where a template's layouts use several fonts, text fits in any of them."""
    distinct = list(dict.fromkeys(families))
    if len(distinct) == 1:
        return distinct[0]
    return max(distinct, key=lambda family: FaceAdvances(family.bold).width(WIDTH_SAMPLE))
