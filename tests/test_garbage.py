"""Rendering a document leaves it to reference counting: nothing it made waits for the cycle collector but its structure tree.

A worker renders hundreds of topics; whatever a document leaves in reference cycles (a deck's
parts, a canvas holding its own method) is freed only by a full garbage collection, whose
walks over a batch cost some 5 ms a topic, and until then holds the document's memory.
"""

from __future__ import annotations

import gc
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from guide.load.theme import ThemeChain, load_theme
from guide.load.topic import load_topic
from guide.outputs import REGISTRY
from guide.session import BuildSession
from tests.conftest import TREATY

RENDERERS_LIBRARIES = {"guide", "reportlab", "pptx", "lxml", "PIL"}
"""Where what a renderer makes comes from (the test's own machinery may leave other garbage meanwhile)."""
STRUCTURE_TREE = {"Element", "Mark", "Annotation", "PDFObjectReference"}
"""What a tagged PDF's structure tree is made of: its elements point at their parents and their kids."""


@contextmanager
def garbage_saved() -> Iterator[list[object]]:
    """What the cycle collector finds when the block ends, kept for the test to look at: nothing is collected meanwhile."""
    gc.collect()  # what came before, freed (saved, it would be freed only by the next collection: within the block)
    gc.disable()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        found: list[object] = []
        yield found
        gc.collect()
        found += gc.garbage
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        gc.enable()


@pytest.mark.parametrize("name", REGISTRY.names())
def test_a_rendered_document_leaves_no_reference_cycles_but_its_structure_tree(name: str) -> None:
    topic = load_topic(TREATY).topic
    chain = ThemeChain()
    chain.named("classic")
    theme = load_theme(chain).theme
    session = BuildSession()
    render = REGISTRY[name].renderer()
    assert render(topic, theme, None, session)  # once, for what the session keeps (fonts, the template)
    with garbage_saved() as garbage:
        assert render(topic, theme, None, session)
    left = Counter(type(thing).__name__ for thing in garbage if type(thing).__module__.split(".")[0] in RENDERERS_LIBRARIES)
    if REGISTRY[name].format == "pdf":
        assert set(left) <= STRUCTURE_TREE, left
    else:
        assert not left
