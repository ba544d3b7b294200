"""The Office Open XML namespaces, as lxml spells qualified names: the template reader's and the slide writer's."""

from __future__ import annotations

from typing import TYPE_CHECKING

from guide.errors import RenderError

if TYPE_CHECKING:
    from lxml.etree import _Element

PRESENTATIONML = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
DRAWINGML = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
RELATIONSHIPS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"


def required_child(parent: _Element, path: str) -> _Element:
    """The element at ``path`` under ``parent``, one the format requires: a part without it cannot be drawn on."""
    found = parent.find(path)
    if found is None:
        raise RenderError(f"the slide part has no {path.replace(PRESENTATIONML, 'p:').replace(DRAWINGML, 'a:')}, which it must have")
    return found
