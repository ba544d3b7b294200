"""YAML text -> plain data (dicts, lists, strings, None) and the position of every value.

This is the only module that imports YAML. It composes the node tree (safe: no tag is ever
constructed into an object) and walks it itself, which gives line numbers, refuses duplicate
keys and unknown tags, and bounds what aliases can expand to. Every scalar stays the text
the user typed: the model decides what is a date or a number, so ``No`` never becomes
False and ``1926-04-24`` is not a timestamp until the model says so.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.scanner import Scanner

from guide.errors import InputError, Location, Origin, Problem, field_path
from guide.inputs import MAX_FILE_BYTES
from guide.regular_file import NotRegularFileError, read_regular

MAX_VALUES = 100_000
MAX_DEPTH = 50
MAX_KEY_CHARS = 100
"""A key longer than any the formats know is refused without quoting it in full."""

_YAML_TAG = "tag:yaml.org,2002:"
_NULL = _YAML_TAG + "null"
_TEXT = _YAML_TAG + "str"
_PLAIN_TAGS = frozenset(_YAML_TAG + name for name in ("str", "null", "bool", "int", "float", "timestamp", "seq", "map"))
_TAG_OF_PLAIN = {
    **dict.fromkeys(("", "~", "null", "Null", "NULL"), _NULL),
    "<<": _YAML_TAG + "merge",
    "=": _YAML_TAG + "value",
    **dict.fromkeys("!&*", _YAML_TAG + "yaml"),
}
"""The unquoted scalars YAML's own resolver tags as nothing or as a tag the walker refuses; any other is text."""


@dataclass
class Document:
    """A parsed YAML file: its data, where each value came from, and problems found on the way."""

    data: Any
    origin: Origin
    problems: list[Problem] = field(default_factory=list)
    digest: str = ""
    """SHA-256 of the very bytes parsed: a build records it, so an edit made while it runs is not taken as built."""


def read_yaml(path: Path, shown_as: str) -> Document:
    """Read one YAML file; raise InputError if it cannot be read as a single YAML document."""
    raw = _read_bytes(path, shown_as)
    text = _decoded(raw, shown_as)
    try:
        node = _compose(text)
    except InputError as error:
        raise InputError([replace(problem, path=shown_as) for problem in error.problems]) from None
    except yaml.reader.ReaderError as error:
        line = text.count("\n", 0, error.position) + 1
        column = error.position - (text.rfind("\n", 0, error.position) + 1) + 1
        raise InputError.single(
            shown_as, f"the control character U+{error.character:04X} is not allowed; remove it", line, column
        ) from None
    except yaml.MarkedYAMLError as error:
        raise _syntax_error(error, shown_as) from None
    except yaml.YAMLError as error:
        raise InputError.single(shown_as, f"not valid YAML: {error}") from None
    if node is None or (isinstance(node, ScalarNode) and node.tag == _NULL):
        raise InputError.single(shown_as, "the file is empty")
    walker = _Walker(shown_as)
    data = walker.walk(node, (), 0)
    origin = Origin(shown_as, walker.positions, texts=frozenset(walker.texts))
    return Document(data, origin, walker.problems, hashlib.sha256(raw).hexdigest())


def _compose(text: str) -> Node | None:
    """The document's node tree, composed by libyaml when it is installed (fifteen times faster).

    Only the pure-Python parser is asked why a document is wrong: its messages and positions
    are the ones users see, so any error from libyaml is left for it to find again. The two
    read every document both accept alike; libyaml, YAML's reference parser, also accepts a
    few odd spellings the other refuses (a tab inside a key), which the schema then judges.
    """
    libyaml_offered = getattr(yaml, "CSafeLoader", None) is not None  # a test withdraws it to try the other path
    # libyaml counts a byte-order mark inside the text as no column
    if libyaml_offered and _LibyamlComposer is not None and "\ufeff" not in text:
        try:
            return _single_node(_LibyamlComposer, text)
        except yaml.YAMLError:
            pass
    _check_nesting(text)
    return _single_node(_PythonComposer, text)


class _TextResolver:
    """Tags each node as the walker needs it, without YAML's regular expressions for numbers, booleans and dates.

    The walker keeps every scalar as the text the user typed and tells apart only nothing
    (``~``, ``null``, an empty value) and the implicit tags it refuses (``<<``, ``=``), so a
    scalar YAML would call an int, a bool or a timestamp is tagged as text here: the same
    data without a pattern match per scalar. No path resolvers are registered, so none are walked.
    """

    def resolve(self, kind: type[Node], value: str, implicit: tuple[bool, bool]) -> str:
        """The tag of an untagged node or one tagged ``!``: a scalar is resolved unless it was quoted without a tag.

        ``implicit`` is (plain, quoted). Both parsers call an untagged plain scalar (True, False),
        a quoted one (False, True) and a non-empty one tagged ``!`` (True, False); libyaml alone
        calls an empty ``!`` (False, False), which the pure-Python parser resolves as nothing.
        """
        if kind is ScalarNode:
            return _TEXT if implicit[1] else _TAG_OF_PLAIN.get(value, _TEXT)
        return _YAML_TAG + ("seq" if kind is SequenceNode else "map")

    def descend_resolver(self, current_node: Node | None, current_index: Any) -> None:
        """Nothing to track: no tag depends on where a node sits."""

    def ascend_resolver(self) -> None:
        """Nothing to track: no tag depends on where a node sits."""


class _PythonComposer(Reader, Scanner, Parser, Composer, _TextResolver):
    """PyYAML's pure-Python composer, whose messages and positions are the ones users see."""

    def __init__(self, text: str) -> None:
        Reader.__init__(self, text)
        Scanner.__init__(self)
        Parser.__init__(self)
        Composer.__init__(self)


_LibyamlComposer: type | None = None
if yaml.__with_libyaml__:
    from yaml._yaml import CParser  # the one module that knows YAML may use its C parser directly

    class _LibyamlComposer(CParser, _TextResolver):  # type: ignore[no-redef]
        """libyaml's composer, tagging nodes as the pure-Python one does."""


def _check_nesting(text: str) -> None:
    """Refuse a document nested deeper than MAX_DEPTH before the pure-Python composer recurses into it.

    libyaml stops at a thousand levels on its own; the pure-Python composer calls itself once
    per level and would exhaust Python's stack on ``[[[...`` or ``- - - ...`` thousands deep.
    Its parser is a loop, so the events are counted here without recursion.
    """
    depth = 0
    for event in yaml.parse(text, Loader=yaml.SafeLoader):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                mark = event.start_mark
                line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
                raise InputError.single("", _too_deep(), line, column)
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def _too_deep() -> str:
    return f"the document nests deeper than {MAX_DEPTH} levels"


def _single_node(loader_class: type, text: str) -> Node | None:
    loader = loader_class(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


def _read_bytes(path: Path, shown_as: str) -> bytes:
    """The file's bytes, up to one past the bound; never a pipe's or a device's."""
    try:
        raw = read_regular(path, MAX_FILE_BYTES)
    except NotRegularFileError:
        raise InputError.single(shown_as, "not a regular file; name a YAML file") from None
    except OSError as error:
        raise InputError.single(shown_as, f"cannot read the file: {error.strerror or error}") from None
    if len(raw) > MAX_FILE_BYTES:
        raise InputError.single(shown_as, f"the file is larger than {MAX_FILE_BYTES // 1_000_000} MB")
    return raw


def _decoded(raw: bytes, shown_as: str) -> str:
    if b"\x00" in raw:
        raise InputError.single(shown_as, "this is a binary file, not YAML text")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise InputError.single(shown_as, f"not UTF-8 text (byte 0x{raw[error.start]:02X}); save the file as UTF-8", line) from None
    if not text.strip():
        raise InputError.single(shown_as, "the file is empty")
    return text


def _syntax_error(error: yaml.MarkedYAMLError, shown_as: str) -> InputError:
    mark = error.problem_mark or error.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = error.problem or "not valid YAML"
    if "'\\t'" in problem:
        message = "a tab character cannot indent YAML; use spaces"
    elif "expected a single document" in (error.context or ""):
        message = "the file holds several YAML documents ('---'); keep one topic per file"
    else:
        context = f" ({error.context})" if error.context else ""
        message = f"YAML syntax: {problem}{context}"
    return InputError.single(shown_as, message, line, column)


class _Walker:
    """Turns nodes into plain data, recording positions and bounded against alias bombs."""

    def __init__(self, shown_as: str) -> None:
        self.shown_as = shown_as
        self.positions: dict[Location, tuple[int, int]] = {(): (1, 1)}
        self.problems: list[Problem] = []
        self.values = 0
        self.texts: set[Location] = set()
        """Where the document holds text (not a mapping, a list or nothing)."""

    def walk(self, node: Node, location: Location, depth: int) -> Any:
        self.values += 1
        if self.values > MAX_VALUES:
            raise self._fatal(node, f"the document expands to more than {MAX_VALUES} values (aliases?)")
        if depth > MAX_DEPTH:
            raise self._fatal(node, _too_deep())
        if node.tag not in _PLAIN_TAGS:
            self._problem(node, location, f"unsupported YAML tag '{node.tag}'; write plain values")
            return None
        if isinstance(node, MappingNode):
            return self._mapping(node, location, depth)
        if isinstance(node, SequenceNode):
            return self._sequence(node, location, depth)
        if node.tag == _NULL:
            return None
        self.texts.add(location)
        return node.value

    def _mapping(self, node: MappingNode, location: Location, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode) or key_node.tag == _NULL:
                self._problem(key_node, location, "a key must be plain text")
                continue
            key = key_node.value
            if len(key) > MAX_KEY_CHARS:
                self._problem(key_node, location, f"a key of {len(key)} characters ('{key[:20]}...'); keys are at most {MAX_KEY_CHARS}")
                continue
            if key == "<<":
                self._problem(key_node, location, "merge keys ('<<') are not supported; write the keys out")
                continue
            here = (*location, key)
            if key in first_seen:
                self._problem(key_node, here, f"duplicate key '{key}' (first given on line {first_seen[key]})")
                continue
            first_seen[key] = key_node.start_mark.line + 1
            self.positions[here] = _position(key_node)
            result[key] = self.walk(value_node, here, depth + 1)
        return result

    def _sequence(self, node: SequenceNode, location: Location, depth: int) -> list[Any]:
        items = []
        for index, item in enumerate(node.value):
            here = (*location, index)
            self.positions[here] = _position(item)
            items.append(self.walk(item, here, depth + 1))
        return items

    def _problem(self, node: Node, location: Location, message: str) -> None:
        line, column = _position(node)
        self.problems.append(Problem(self.shown_as, line, column, field_path(location), message))

    def _fatal(self, node: Node, message: str) -> InputError:
        line, column = _position(node)
        return InputError.single(self.shown_as, message, line, column)


def _position(node: Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1
