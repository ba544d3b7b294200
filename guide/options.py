"""What a build is asked to do: which outputs, where, with which theme overrides, how strictly."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from guide import __version__
from guide.theme import HandoutLayout, PageSize, SlideAspect

if TYPE_CHECKING:
    from guide.outputs import Output


@dataclass(frozen=True)
class BuildOptions:
    out: Path = Path("output")
    outputs: tuple[str, ...] | None = None
    """Registry names of the outputs to build; None lets each course or theme choose, else the registry's defaults."""
    theme: str | None = None
    """A built-in theme name or a theme file, applied over every course's theme."""
    page_size: PageSize | None = None
    slide_aspect: SlideAspect | None = None
    handout: HandoutLayout | None = None
    """The handout's layout, over every course's and theme's."""
    check_only: bool = False
    strict: bool = False
    """Treat warnings (poor contrast) as errors."""
    jobs: int = 1
    """Worker processes that render and write topics; 1 renders in this process."""
    force: bool = False
    """Build every target, even those whose inputs did not change."""

    @property
    def settings(self) -> str:
        """Everything besides input files and the outputs chosen that shapes an output: a change to any of it rebuilds all.

        Package data (built-in fonts, the default template, renderer code) changes only with
        the tool's version. A ``--theme`` file's contents are among each topic's inputs.
        """
        return "\0".join(map(str, (__version__, self.theme, self.page_size, self.slide_aspect, self.strict)))

    def settings_of(self, output: Output) -> str:
        """:attr:`settings`, and the options only ``output`` reads (``--handout``): changing those rebuilds only its files."""
        own = "\0".join(f"{name}={getattr(self, name)}" for name in output.options)
        return f"{self.settings}\0{own}" if own else self.settings
