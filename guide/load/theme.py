"""Theme files, built-in themes and brand.yml files -> the one ``Theme`` renderers read.

Validate, then resolve: each file of an ``extends`` chain is validated on its own and its
paths are made absolute (and checked) against the file that named them; then the layers
apply in order, later keys winning: the default theme, the course's theme chain, the command
line's. Palette names resolve as each layer applies, so a theme may use a colour name its
parent defined. Every problem of every layer is reported at once, each at its own line.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from guide.colors import WHITE, contrast_ratio, mix, normal_hex
from guide.errors import InputError, Location, Origin, Problem, quoted
from guide.fonts import FontFamily, FontUse, font_uses
from guide.load.brand import brand_as_theme, is_brand
from guide.load.files import resolve_inside
from guide.load.messages import problems_of
from guide.load.reader import read_yaml
from guide.load.theme_assets import Asset, checked_asset, font_family
from guide.load.theme_schema import ThemeFile
from guide.outputs import REGISTRY
from guide.records import RefusedError, build, plain
from guide.theme import SLIDE_ROLES, Colors, SlideDesigns, Theme
from guide.typography import Typography

BUILT_IN_FOLDER = Path(__file__).resolve().parent.parent / "themes"
DEFAULT_THEME = "classic"
MAX_EXTENDS = 10
TINT_SHARE = 0.9
"""How far the box wash moves from the primary colour towards the background."""

Complaint = Callable[[str], Problem]


@dataclass(frozen=True)
class Setting:
    """One resolved value and the place in a file that set it, for messages about it later."""

    value: Any
    origin: Origin
    location: Location

    def problem(self, message: str) -> Problem:
        return self.origin.problem(self.location, message)


@dataclass(frozen=True)
class Layer:
    """One theme file's own settings, by dotted key (``colors.primary``, ``labels.key_facts``)."""

    name: str
    description: str | None
    settings: dict[str, Setting]


@dataclass(frozen=True)
class LoadedTheme:
    """A resolved theme, where each of its values came from, the files it was made of, and what is wrong with it.

    ``problems`` stop a build that uses the theme (a template no deck can be drawn on, a label
    its fonts cannot print); ``warnings`` do so only with ``--strict`` (poor contrast, a
    template font we cannot measure exactly).
    """

    theme: Theme
    settings: Mapping[str, Setting]
    files: tuple[Path, ...]
    parsed: Mapping[Path, str] = field(default_factory=dict)
    """The SHA-256 of each theme file's bytes as parsed, by path: what the theme was made from."""
    outputs: tuple[str, ...] = ()
    """The outputs to build with it: those asked for, else the theme's own choice, else the registry's defaults."""
    problems: tuple[Problem, ...] = ()
    warnings: tuple[Problem, ...] = ()
    notices: tuple[Problem, ...] = ()
    """Warnings even ``--strict`` lets pass: the fonts viewers need, where the deck is measured with their own widths."""

    def files_by_kind(self) -> dict[str, list[Path]]:
        """The theme's files as fingerprint inputs: its theme files, font files, logo and template."""
        theme = self.theme
        fonts = {path for family in (theme.heading_font, theme.body_font) for path in family.faces}
        kinds: dict[str, list[Path]] = {"theme": [], "fonts": [], "logo": [], "template": []}
        for path in self.files:
            kind = "template" if path == theme.template else "logo" if path == theme.logo else "fonts" if path in fonts else "theme"
            kinds[kind].append(path)
        return kinds


def built_in_themes() -> dict[str, Path]:
    return {path.stem: path for path in sorted(BUILT_IN_FOLDER.glob("*.yaml"))}


def theme_descriptions() -> list[tuple[str, str]]:
    """(name, description) of every built-in theme, the default first."""
    names = sorted(built_in_themes(), key=lambda name: (name != DEFAULT_THEME, name))
    return [(name, ThemeChain().named(name).layers[-1].description or "") for name in names]


@dataclass
class ThemeChain:
    """Collects the layers of a theme in the order they apply, and every problem met on the way."""

    layers: list[Layer] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)
    parsed: dict[Path, str] = field(default_factory=dict)

    def named(self, reference: str, naming_file: Path | None = None, complain: Complaint | None = None) -> ThemeChain:
        """Add a built-in theme by name, or a theme file by path (relative to ``naming_file``, else to the working folder)."""
        self._reference(reference, naming_file, complain or _command_line_complaint, ())
        return self

    def inline(self, data: Any, origin: Origin, naming_file: Path) -> ThemeChain:
        """Add a theme written inside another file (a course's ``theme:`` mapping)."""
        self._data(data, origin, naming_file, naming_file.stem, ())
        return self

    def _reference(self, reference: str, naming_file: Path | None, complain: Complaint, chain: tuple[Path, ...]) -> None:
        built_in = built_in_themes().get(reference)
        if built_in is not None:
            self._file(built_in, chain)
            return
        if naming_file is None:
            target: Path | str = Path(reference) if Path(reference).is_file() else "no such file"
        else:
            target = resolve_inside(reference, naming_file)
        if isinstance(target, str):
            self.problems.append(
                complain(f"'{reference}' is neither a built-in theme ({', '.join(built_in_themes())}) nor a theme file: {target}")
            )
            return
        self._file(target, chain)

    def _file(self, path: Path, chain: tuple[Path, ...]) -> None:
        resolved = path.resolve()
        if resolved in chain:
            self.problems.append(
                Problem(
                    str(path), 1, 1, "extends", "themes extend each other in a circle: " + " -> ".join(p.name for p in (*chain, resolved))
                )
            )
            return
        if len(chain) >= MAX_EXTENDS:
            self.problems.append(Problem(str(path), 1, 1, "extends", f"more than {MAX_EXTENDS} themes extend each other"))
            return
        self.files.append(resolved)
        try:
            document = read_yaml(path, str(path))
        except InputError as error:
            self.problems.extend(error.problems)
            return
        self.problems.extend(document.problems)
        self.parsed[resolved] = document.digest
        data, origin = document.data, document.origin
        if is_brand(data):
            data, origin, problems = brand_as_theme(data, origin)
            self.problems.extend(problems)
        self._data(data, origin, path, path.stem, (*chain, resolved))

    def _data(self, data: Any, origin: Origin, naming_file: Path, name: str, chain: tuple[Path, ...]) -> None:
        if not isinstance(data, dict):
            self.problems.append(origin.problem((), "a theme must be a mapping of keys (colors:, fonts:, page:, ...)"))
            return
        try:
            spec = build(ThemeFile, data)
        except RefusedError as error:
            self.problems.extend(problems_of(error, origin))
            return
        if spec.extends:
            self._reference(spec.extends, naming_file, lambda message: origin.problem(("extends",), message), chain)
        self.layers.append(Layer(name, spec.description, self._settings(spec, origin, naming_file)))

    def _settings(self, spec: ThemeFile, origin: Origin, naming_file: Path) -> dict[str, Setting]:
        settings: dict[str, Setting] = {}

        def put(location: Location, value: Any) -> None:
            if value is not None:
                settings[".".join(str(part) for part in location)] = Setting(value, origin, location)

        # Plain values here; fonts, logo and template are files, checked below.
        values = {key: value for key, value in plain(spec).items() if key not in ("extends", "description", "fonts", "logo")}
        values.get("slides", {}).pop("template", None)
        for key, value in _leaves(values):
            put(key, normal_hex(value) if key[0] == "palette" else value)
        for role in ("heading", "body"):
            font = getattr(spec.fonts, role, None) if spec.fonts else None
            if font is not None:
                location = ("fonts", role)
                put(location, self._checked(font_family(font, naming_file), origin, location))
        if spec.logo:
            put(("logo",), self._checked(checked_asset(spec.logo, naming_file, "logo"), origin, ("logo",)))
        if spec.slides and spec.slides.template:
            put(
                ("slides", "template"),
                self._checked(checked_asset(spec.slides.template, naming_file, "template"), origin, ("slides", "template")),
            )
        return settings

    def _checked(self, asset: Asset, origin: Origin, location: Location) -> Any:
        """The value of a checked asset, recording its files; each refusal becomes a problem."""
        self.files.extend(asset.files)
        self.problems.extend(origin.problem((*location, *where), message) for where, message in asset.refusals)
        return None if asset.refusals else asset.value

    def resolve(self) -> LoadedTheme:
        """Apply the layers in order and build the theme; raise InputError listing every problem."""
        settings: dict[str, Setting] = {}
        palette: dict[str, str] = {}
        for layer in self.layers:
            palette.update({key.split(".", 1)[1]: setting.value for key, setting in layer.settings.items() if key.startswith("palette.")})
            for key, setting in layer.settings.items():
                settings[key] = _color(setting, palette, self.problems) if key.startswith("colors.") else setting
        if self.problems:
            raise InputError(self.problems)
        described = [layer.description for layer in self.layers if layer.description is not None]
        theme = _theme(self.layers[-1].name, described[-1] if described else "", settings)
        return LoadedTheme(theme, settings, tuple(dict.fromkeys(self.files)), self.parsed)

    def checked(self, outputs: tuple[str, ...] | None) -> LoadedTheme:
        """The resolved theme, the outputs it builds, and everything wrong with it for those outputs.

        The template is read and checked only when an output chosen is drawn on it, so a
        PDF-only build neither imports python-pptx nor fails for a template it does not use.
        """
        loaded = self.resolve()
        chosen = outputs or loaded.theme.outputs or REGISTRY.defaults()
        uses_template = any("template" in REGISTRY[name].inputs for name in chosen)
        redrawn = any(REGISTRY[name].draws_template for name in chosen)
        problems, warnings, notices = template_problems(loaded, redrawn) if uses_template else ([], [], [])
        problems += label_problems(loaded)
        warnings += contrast_warnings(loaded)
        return replace(loaded, outputs=chosen, problems=tuple(problems), warnings=tuple(warnings), notices=tuple(notices))


def _command_line_complaint(message: str) -> Problem:
    return Problem("--theme", 0, 0, "", message)


def _leaves(data: Mapping[str, Any], location: Location = ()) -> Iterable[tuple[Location, Any]]:
    for key, value in data.items():
        if isinstance(value, Mapping):
            yield from _leaves(value, (*location, key))
        else:
            yield (*location, key), value


def _color(setting: Setting, palette: Mapping[str, str], problems: list[Problem]) -> Setting:
    """A colour role's value as ``#RRGGBB``: written so, or named in the palette so far."""
    value = setting.value
    if value.startswith("#"):
        return Setting(normal_hex(value), setting.origin, setting.location)
    if value in palette:
        return Setting(palette[value], setting.origin, setting.location)
    problems.append(setting.problem(f"unknown colour '{value}': the palette has {', '.join(palette)}; or write #RRGGBB"))
    return setting


def _theme(name: str, description: str, settings: Mapping[str, Setting]) -> Theme:
    def value(key: str) -> Any:
        setting = settings.get(key)
        return setting.value if setting else None

    primary, background = value("colors.primary"), value("colors.background")
    colors = Colors(
        primary=primary,
        accent=value("colors.accent"),
        text=value("colors.text"),
        muted=value("colors.muted"),
        background=background,
        tint=value("colors.tint") or mix(primary, background or WHITE, TINT_SHARE),
    )
    heading: FontFamily = value("fonts.heading")
    return Theme(
        name=name,
        description=description,
        colors=colors,
        heading_font=heading,
        body_font=value("fonts.body"),
        page_size=value("page.size"),
        margin_mm=float(value("page.margin_mm")),
        sidebar=value("sheet.sidebar"),
        body_pt=float(value("sheet.body_pt")),
        slide_aspect=value("slides.aspect"),
        fills=value("fills"),
        logo=value("logo"),
        template=value("slides.template"),
        layouts={role: value(f"slides.layouts.{role}") for role in SLIDE_ROLES if value(f"slides.layouts.{role}")},
        designs=SlideDesigns(**{name: chosen for name in DESIGN_NAMES if (chosen := value(f"slides.designs.{name}")) is not None}),
        labels={key.split(".", 1)[1]: setting.value for key, setting in settings.items() if key.startswith("labels.")},
        typography=Typography(smart_quotes=value("typesetting.smart_quotes")),
        outputs=tuple(value("outputs")) if value("outputs") else None,
        quiz_seed=value("quiz.seed"),
        quiz_answers=value("quiz.answers"),
        quiz_print=value("quiz.print"),
        handout=value("handout") or "lines",
    )


DESIGN_NAMES = tuple(field.name for field in fields(SlideDesigns))


def load_theme(*chains: ThemeChain, outputs: tuple[str, ...] | None = None) -> LoadedTheme:
    """The default theme with each chain's layers over it, in order, and all that is wrong with it for ``outputs``.

    ``outputs`` are those the command line or a course chose; None leaves the choice to the
    theme. Raises InputError when the theme cannot be resolved at all (a bad file, an unknown
    colour name); what stops a build with it comes back in ``problems`` and ``warnings``.
    """
    combined = ThemeChain().named(DEFAULT_THEME)
    for chain in chains:
        combined.layers += chain.layers
        combined.problems += chain.problems
        combined.files += chain.files
        combined.parsed |= chain.parsed
    return combined.checked(outputs)


CONTRAST_CHECKS = (
    ("text", "background", 4.5, "body text"),
    ("muted", "background", 4.5, "captions and footers"),
    ("primary", "background", 4.5, "headings, dates and the title band"),
    ("accent", "background", 3.0, "bullets, markers and rules"),
)
"""(foreground role, background role, WCAG AA minimum, what is drawn so): 4.5:1 for text
of body size, 3:1 for large text and graphics."""
FILL_CONTRAST_CHECKS = (
    ("text", "tint", 4.5, "text in tinted boxes and cards"),
    ("primary", "tint", 4.5, "headings in tinted boxes and cards"),
    ("on_fill", "primary", 4.5, "titles, numbers and names on the primary colour"),
)
"""The same for the text a theme that fills areas sets on them: its tint and its primary colour."""
BACKGROUND_ROLES = {"on_fill": "background"}
"""Roles drawn in another role's colour: text on a primary fill is in the background colour."""


def contrast_warnings(loaded: LoadedTheme) -> list[Problem]:
    """A warning for each pair of the theme's colours that text is drawn in below WCAG AA, at the line that set
    the colour to change: the foreground's, or the fill's for text in the background colour on a fill."""
    colors = loaded.theme.colors
    checks = CONTRAST_CHECKS + (FILL_CONTRAST_CHECKS if loaded.theme.fills else ())

    def color(role: str) -> str:
        return str(getattr(colors, BACKGROUND_ROLES.get(role, role)))

    def line(foreground: str, background: str) -> Setting:
        """The user's setting of the two colours, if only one is theirs (not a built-in theme's); else the one to change."""
        first, second = (background, foreground) if foreground in BACKGROUND_ROLES else (foreground, background)
        found = [setting for role in (first, second) if (setting := loaded.settings.get(f"colors.{role}"))]
        found = found or [loaded.settings["colors.primary"]]  # a tint not set is derived from the primary colour
        theirs = [setting for setting in found if not Path(setting.origin.path).resolve().is_relative_to(BUILT_IN_FOLDER)]
        return (theirs or found)[0]

    warnings = []
    for foreground, background, minimum, used_for in checks:
        first, second = color(foreground), color(background)
        ratio = contrast_ratio(first, second)
        if ratio < minimum:
            pair = f"{foreground} {first} on {background} {second}"
            message = f"warning: {pair} has contrast {ratio:.1f}:1, below the {minimum:g}:1 that WCAG AA asks for {used_for}"
            warnings.append(line(foreground, background).problem(message))
    return warnings


UNDRAWABLE_SHOWN = 5
"""Of what a drawn template leaves out: how many elements its warning names."""


def template_problems(loaded: LoadedTheme, redrawn: bool = False) -> tuple[list[Problem], list[Problem], list[Problem]]:
    """(errors, warnings, notices) about the theme's slide template, at the line that named the template or the layout.

    One warning names the template's fonts that not every computer has, what each is measured
    with and what viewers need installed; a notice (``--strict`` lets it pass) where each is
    measured with its own widths, a warning where one is measured with a wide stand-in (so it fits,
    but looks as designed only where the font is installed).
    When an output draws the template itself (``redrawn``: a slides PDF, a handout), one warning
    lists what of its master and layouts it leaves out.
    """
    theme = loaded.theme
    if theme.template is None:
        return [], [], []
    from guide.template import TemplateError, read_template  # imports python-pptx: only for decks

    named_at = loaded.settings["slides.template"]
    try:
        template = read_template(theme.template, tuple(sorted(theme.layouts.items())))
    except TemplateError as error:
        return [named_at.problem(str(error))], [], []
    errors = [(loaded.settings.get(f"slides.layouts.{error.role}") or named_at).problem(str(error)) for error in template.errors]
    warnings = [named_at.problem(f"warning: {warning}") for warning in template.warnings]
    uses = [use for use in font_uses(template.all_fonts, (theme.heading_font, theme.body_font)) if not use.everywhere]
    notices: list[Problem] = []
    if uses:
        needs = named_at.problem(f"warning: {_font_needs(theme.template, uses)}")
        (notices if all(use.exact for use in uses) else warnings).append(needs)
    if redrawn and not errors:
        from guide.template_art import read_template_art

        try:
            art = read_template_art(theme.template)
            pairs = [pair for pairs in template.branding.elements.values() for pair in pairs if pair[0] < len(art.samples)]
            carried = [art.samples[index].carried(element)[1] for index, element in pairs]
            undrawable = tuple(dict.fromkeys((*art.undrawable, *(reason for reason in carried if reason))))
        except TemplateError as error:
            return [named_at.problem(str(error))], warnings, notices
        if undrawable:
            shown = ", ".join(undrawable[:UNDRAWABLE_SHOWN]) + (
                f" and {len(undrawable) - UNDRAWABLE_SHOWN} more" if len(undrawable) > UNDRAWABLE_SHOWN else ""
            )
            warnings.append(
                named_at.problem(
                    "warning: the slides PDF and handout leave out what they cannot draw of the template "
                    f"{quoted(theme.template.name)}: {shown}"
                )
            )
    return errors, warnings, notices


def _font_needs(template: Path, uses: Sequence[FontUse]) -> str:
    """The fonts of the deck on ``template`` that not every computer has, what each is measured with, what viewers need."""
    needed = " and ".join(f"'{use.font}'" + (f" (or '{use.family.name}')" if use.twin else "") for use in uses)
    said = "; ".join(f"'{use.font}' is {use.how}" for use in uses)
    wide = [use.font for use in uses if not use.exact]
    given = f"{{heading: {{family: {wide[0]}, regular: ..., bold: ...}}}}" if wide else ""
    advice = f", so its text fits in any font (or give the theme fonts: {given} to measure it exactly)" if wide else ""
    return f"viewers need {needed} installed to see the deck on {quoted(template.name)} as designed: {said}{advice}"


def named_theme(reference: str = DEFAULT_THEME) -> Theme:
    """A built-in theme, or a theme file, resolved on its own; raises InputError if it is invalid."""
    return load_theme(ThemeChain().named(reference), outputs=()).theme


def label_problems(loaded: LoadedTheme) -> list[Problem]:
    """Theme labels holding characters the theme's fonts cannot print, at the label's line."""
    from guide.coverage import printable_characters, unprintable

    families = (loaded.theme.heading_font, loaded.theme.body_font)
    printable = printable_characters(families)
    found = ((name, unprintable(text, families, printable)) for name, text in loaded.theme.labels.items())
    return [loaded.settings[f"labels.{name}"].problem(message) for name, message in found if message]
