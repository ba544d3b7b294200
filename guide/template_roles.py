"""Which layout of a template serves each slide role, judged from everything the layout says.

A layout's ``type`` (title, obj, secHead, titleOnly, vertTx, ...), its placeholders' kinds,
sizes, positions and text direction, across all masters, are weighed into a score per role;
a layout that cannot serve a role (vertical text, a body too small to hold two lines, a title
sitting low on a cover) is passed over with the reason, which ``--check-template`` prints.
When no layout suits a deck role, the role is drawn on the best layout there is in boxes of
our own, with a warning, rather than the template refused.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from guide.template import DECK_ROLES, Layout, Master, Placeholder

BASE_HEIGHT_PT = 540.0
"""The slide height our type sizes are made for; a template's slide scales them."""
LINE_PITCH = 1.2
INSETS_PT = 7.2
BODY_FLOOR_PT = 18.0
TITLE_FLOOR_PT = 28.0
NARROW_SHARE = 0.4
"""A body narrower than this share of the master's safe area is a caption column, not a content body."""
STRIP_SHARE = 0.4
"""A second body under this share of the main body's area is a strip beside it (a source line), left empty."""
LOW_TITLE_SHARE = 0.45
"""A title whose top is below this share of the slide's height sits low, as on a cover or a divider."""
STAGE_SHARE = 0.45
"""A title-only slide needs at least this share of the slide's height free below its title."""
FALLBACK_ORDER = {"title": ("title_only", "content", "blank"), "content": ("title_only", "blank"), "title_only": ("content", "blank")}
"""Where a deck role no layout suits is drawn instead, in our own boxes, first choice first."""


@dataclass(frozen=True)
class Assignment:
    roles: Mapping[str, Layout | None]
    fallbacks: frozenset[str]
    warnings: Mapping[str, str]
    """A warning for each role in ``fallbacks``."""
    choices: tuple[str, ...]


def lines_height(lines: int, size_pt: float) -> float:
    """The height a box needs for ``lines`` lines at ``size_pt``, with its insets."""
    return lines * size_pt * LINE_PITCH + INSETS_PT


class Judge:
    """Scores layouts for roles on one template's slide; a string instead of a score is why a layout cannot serve."""

    def __init__(self, masters: tuple[Master, ...], width: float, height: float) -> None:
        self.masters = masters
        self.width = width
        self.height = height
        scale = height / BASE_HEIGHT_PT
        self.body_least = lines_height(2, BODY_FLOOR_PT * scale)
        self.title_least = lines_height(1, TITLE_FLOOR_PT * scale) * 0.75

    def usable_body(self, layout: Layout, body: Placeholder) -> str | None:
        """Why ``body`` cannot hold a list as it is, or None when it can."""
        if body.box is None:
            return None
        safe = self.masters[layout.master].safe
        if body.box[3] < self.body_least:
            return f"its body is {body.box[3]:.1f} pt tall, too small for two lines"
        if body.box[2] < safe[2] * NARROW_SHARE:
            return f"its body is {body.box[2]:.0f} pt wide, a narrow column"
        return None

    def title_problem(self, layout: Layout) -> str | None:
        title = layout.first("title")
        if title is None:
            return "no title placeholder"
        if title.vertical or layout.type == "vertTitleAndTx":
            return "vertical title"
        return None

    def low_title(self, layout: Layout) -> bool:
        title = layout.first("title")
        return bool(title and title.box and title.box[1] > self.height * LOW_TITLE_SHARE)

    def title(self, layout: Layout) -> float | str:
        problem = self.title_problem(layout)
        if problem:
            return problem
        if layout.type in ("vertTx", "vertTitleAndTx"):
            return "vertical text"
        score = {"title": 4.0, "secHead": 0.5}.get(layout.type, 1.0)
        title = layout.first("title")
        if title and dict(title.reference).get("type") == "ctrTitle":
            score += 2
        if layout.first("subtitle"):
            score += 1
        elif layout.main_body is not None:
            score += 0.5
        return score - 0.5 * len(layout.all("picture"))

    def content(self, layout: Layout) -> float | str:
        problem = self.title_problem(layout)
        if problem:
            return problem
        body = layout.main_body
        if body is None:
            return "vertical text, not used for content" if layout.all("body") else "no body placeholder"
        if layout.type in ("vertTx", "vertTitleAndTx"):
            return "vertical text, not used for content"
        if layout.type == "title" or layout.first("subtitle") or dict(layout.all("title")[0].reference).get("type") == "ctrTitle":
            return "a title slide's layout, not used for content"
        if layout.type == "secHead" or self.low_title(layout):
            return "its title sits low, as on a section header or cover"
        if layout.all("picture"):
            return "it holds a picture placeholder"
        title = layout.first("title")
        if body.box and title and title.box and body.box[1] + body.box[3] <= title.box[1]:
            return "its body is above its title"
        others = [other for other in layout.all("body") if other is not body and other.area > STRIP_SHARE * body.area]
        if others:
            return "two bodies side by side, for two-column slides"
        score = body.area / (self.width * self.height) + (1.0 if layout.type in ("obj", "tx") else 0.0)
        return score - 2.0 if self.usable_body(layout, body) else score

    def title_only(self, layout: Layout) -> float | str:
        problem = self.title_problem(layout)
        if problem:
            return problem
        if layout.type in ("title", "secHead") or self.low_title(layout):
            return "its title sits low, leaving too little room below it"
        title = layout.first("title")
        if (
            title
            and title.box
            and self.masters[layout.master].safe[1] + self.masters[layout.master].safe[3] - (title.box[1] + title.box[3])
            < self.height * STAGE_SHARE
        ):
            return "its title leaves too little room below it"
        extra = layout.content_kinds - {"title"}
        return {"titleOnly": 3.0}.get(layout.type, 2.0) - (1.5 if extra else 0.0)

    def section(self, layout: Layout) -> float | str:
        problem = self.title_problem(layout)
        if problem:
            return problem
        if layout.type == "secHead":
            return 3.0
        if layout.type in ("title", "titleOnly", "obj", "twoObj", "vertTx") or layout.first("subtitle") or layout.all("picture"):
            return "not a section header"
        body = layout.main_body
        return 1.0 if body is not None and len(layout.all("body")) == 1 and self.usable_body(layout, body) is None else "no single body"

    def two_content(self, layout: Layout) -> float | str:
        problem = self.title_problem(layout)
        if problem:
            return problem
        bodies = [body for body in layout.all("body") if not body.vertical]
        if len(bodies) != 2 or layout.first("subtitle") or layout.all("picture"):
            return "not two bodies"
        if min(body.area for body in bodies) < STRIP_SHARE * max(body.area for body in bodies):
            return "a body and a strip, not two bodies"
        return 3.0 if layout.type == "twoObj" else 1.0

    def blank(self, layout: Layout) -> float | str:
        if layout.content_kinds:
            return "it has placeholders"
        return 2.0 if layout.type == "blank" else 1.0


def assign_roles(layouts: tuple[Layout, ...], masters: tuple[Master, ...], width: float, height: float) -> Assignment:
    """The best layout for each role (the first of equals), the fallbacks for deck roles, and the reasons."""
    judge = Judge(masters, width, height)
    scorers: dict[str, Callable[[Layout], float | str]] = {
        "title": judge.title,
        "section": judge.section,
        "content": judge.content,
        "two_content": judge.two_content,
        "title_only": judge.title_only,
        "blank": judge.blank,
    }
    roles: dict[str, Layout | None] = {}
    choices: list[str] = []
    for role, scorer in scorers.items():
        verdicts = [(layout, scorer(layout)) for layout in layouts]
        scored = [(score, -layout.index, layout) for layout, score in verdicts if not isinstance(score, str)]
        best = max(scored, key=lambda entry: entry[:2])[2] if scored else None
        roles[role] = best
        if role in DECK_ROLES:
            if best is not None:
                note = judge.usable_body(best, best.main_body) if role == "content" and best.main_body else None
                choices.append(f"{role}: '{best.shown}'" + (f" ({note}: the slide's free area is used)" if note else ""))
            rejected = [(layout, verdict) for layout, verdict in verdicts if isinstance(verdict, str)]
            choices += [f"  not '{layout.shown}': {verdict}" for layout, verdict in rejected]
    fallbacks = {}
    for role in DECK_ROLES:
        if roles[role] is None:
            stand_in = next((layout for other in FALLBACK_ORDER[role] if (layout := roles[other]) is not None), layouts[0])
            roles[role] = stand_in
            fallbacks[role] = (
                f"no layout suits {role} slides; they are drawn on '{stand_in.shown}' in boxes of our own within the template's margins"
            )
            choices.append(f"{role}: '{stand_in.shown}', in boxes of our own (no layout suits)")
    return Assignment(roles, frozenset(fallbacks), fallbacks, tuple(choices))
