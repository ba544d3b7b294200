"""Frozen dataclasses built from plain data, every field checked, every problem reported at once.

The content model's classes say in their annotations what each field accepts
(``Annotated[str, text(clean_text)]``, ``tuple[Person, ...]``, ``str | None``). ``build`` walks the data a
reader produced against them and either returns the object or raises ``RefusedError`` listing each
problem at its location (keys and list indices from the top), worded for someone writing the
file. It is small on purpose: importing it costs next to nothing, so a build starts at once and
a worker process unpickles a topic without any validation library.
"""

from __future__ import annotations

import dataclasses
import difflib
import functools
import itertools
import re
import sys
import types
import typing
from collections.abc import Callable, Iterable, Iterator
from typing import Annotated, Any, Literal, TypeVar

if sys.version_info >= (3, 11):
    from typing import dataclass_transform
else:
    from typing_extensions import dataclass_transform

from guide.errors import quoted

Location = tuple[str | int, ...]
Found = list[tuple[Location, str]]
"""Problems met so far: (location, message)."""

BOOLEAN_SPELLINGS = {"true": True, "yes": True, "on": True, "y": True, "t": True, "1": True}
BOOLEAN_SPELLINGS |= {"false": False, "no": False, "off": False, "n": False, "f": False, "0": False}


class BadValueError(ValueError):
    """A value refused by a check; the message says why."""


class RefusedError(ValueError):
    """Data that does not make the record asked for: each problem with its location."""

    def __init__(self, found: Found) -> None:
        self.found = found
        super().__init__("; ".join(f"{'.'.join(map(str, location))}: {message}" for location, message in found))


def describe(value: Any) -> str:
    """What the user wrote, in one word or two: 'a list', 'text', 'nothing'."""
    if value is None:
        return "nothing"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return "text"


def unknown_key_message(key: str, allowed: Iterable[str]) -> str:
    """Name the unknown key and the closest allowed one, or list them all."""
    return f"unknown key '{key}'; {suggestion(key, allowed)}"


def suggestion(written: str, allowed: Iterable[str]) -> str:
    """The allowed word closest to what was written, or all of them when none is close."""
    allowed = list(allowed)
    close = difflib.get_close_matches(written, allowed, n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else f"expected one of: {', '.join(allowed)}"


class Kind:
    """What a field accepts: ``read`` turns plain data into the field's value, recording each refusal.

    A caller knows a value was refused when ``found`` grew; the value returned then is unused.
    Kinds compare by identity (``eq=False``): ``Annotated`` hashes its metadata, and a kind
    may hold a dict (its JSON Schema).
    """

    def read(self, value: Any, location: Location, found: Found) -> Any:
        raise NotImplementedError

    def schema(self, definitions: dict[str, Any]) -> dict[str, Any]:
        """The JSON Schema of what this kind accepts; records add themselves to ``definitions``."""
        raise NotImplementedError


@dataclasses.dataclass(frozen=True, eq=False)
class Value(Kind):
    """A single value that ``parse`` converts, or refuses by raising ``BadValueError``."""

    parse: Callable[[Any], Any]
    json: dict[str, Any]
    shown: str | None = None
    """How a reader sees the value: "text" (as written), "unit" (as written, on one line: a figure with its
    unit) or "prose" (with inline markup); None
    for what is never shown as text (ids, paths, links), which ``map_shown_text`` leaves alone."""

    def read(self, value: Any, location: Location, found: Found) -> Any:
        try:
            return self.parse(value)
        except BadValueError as error:
            found.append((location, str(error)))
            return None

    def schema(self, definitions: dict[str, Any]) -> dict[str, Any]:
        return dict(self.json)


def text(*checks: Callable[[str], Any], shown: str | None = None, **json: Any) -> Value:
    """Text, then each check in turn (each may also convert it); ``shown`` as for ``Value``."""

    def parse(value: Any) -> Any:
        if not isinstance(value, str):
            raise BadValueError("must not be empty" if value is None else f"expected text, got {describe(value)}")
        for check in checks:
            value = check(value)
        return value

    return Value(parse, {"type": "string", **json}, shown)


def number(minimum: float, maximum: float) -> Value:
    """A number written as text, within bounds."""

    def parse(value: Any) -> float:
        try:
            written = float(value)
        except (TypeError, ValueError):
            raise BadValueError(f"expected a number, got '{value}'") from None
        if not minimum <= written <= maximum:
            raise BadValueError(f"must be between {minimum:g} and {maximum:g}, got {written:g}")
        return written

    return Value(parse, {"type": "number", "minimum": minimum, "maximum": maximum})


def integer(minimum: int, maximum: int) -> Value:
    """A whole number written as text, within bounds."""

    def parse(value: Any) -> int:
        if not isinstance(value, str):
            raise BadValueError(f"expected a whole number, got {describe(value)}")
        if not re.fullmatch(r"-?[0-9]{1,9}", value.strip()):
            raise BadValueError(f"expected a whole number, got {quoted(value)}")
        written = int(value)
        if not minimum <= written <= maximum:
            raise BadValueError(f"must be between {minimum} and {maximum}, got {written}")
        return written

    return Value(parse, {"type": "integer", "minimum": minimum, "maximum": maximum})


def _boolean(value: Any) -> bool:
    spelled = BOOLEAN_SPELLINGS.get(value.lower()) if isinstance(value, str) else None
    if spelled is None:
        raise BadValueError(f"expected true or false, got '{value}'")
    return spelled


BOOLEAN = Value(_boolean, {"type": "boolean"})


def choice(*allowed: str) -> Value:
    """One of a few words."""

    def parse(value: Any) -> str:
        if value not in allowed:
            options = " or ".join(f"'{option}'" for option in allowed)
            raise BadValueError(f"must be {options}, got {describe(value) if not isinstance(value, str) else repr(value)}")
        return value

    return Value(parse, {"enum": list(allowed)})


@dataclasses.dataclass(frozen=True, eq=False)
class Nullable(Kind):
    """Nothing (a key written without a value, or left out) or what ``kind`` accepts."""

    kind: Kind

    def read(self, value: Any, location: Location, found: Found) -> Any:
        return None if value is None else self.kind.read(value, location, found)

    def schema(self, definitions: dict[str, Any]) -> dict[str, Any]:
        return {"anyOf": [self.kind.schema(definitions), {"type": "null"}]}


@dataclasses.dataclass(frozen=True, eq=False)
class Many(Kind):
    """A list, read as a tuple; ``single`` lets one item stand for a list of one.

    An item written alone is reported where it was written (``context``, not ``context[0]``),
    so a message names what the user can find in the file. A list longer than ``max_length``
    is refused before its items are read, so an oversized list costs no more than counting it.
    """

    item: Kind
    min_length: int = 0
    max_length: int | None = None
    single: tuple[type, ...] = ()

    def read(self, value: Any, location: Location, found: Found) -> Any:
        alone = isinstance(value, self.single)
        if alone:
            value = [value]
        if not isinstance(value, list):
            found.append((location, f"expected a list, got {describe(value)}"))
            return ()
        if len(value) < self.min_length:
            found.append((location, f"must list at least {self.min_length} item{'s' if self.min_length != 1 else ''}"))
        if self.max_length is not None and len(value) > self.max_length:
            found.append((location, f"lists {len(value):,} items; at most {self.max_length} are allowed"))
            return ()
        return tuple(self.item.read(item, location if alone else (*location, index), found) for index, item in enumerate(value))

    def schema(self, definitions: dict[str, Any]) -> dict[str, Any]:
        items = self.item.schema(definitions)
        many: dict[str, Any] = {"type": "array", "items": items}
        if self.min_length:
            many["minItems"] = self.min_length
        if self.max_length is not None:
            many["maxItems"] = self.max_length
        return {"anyOf": [items, many]} if self.single else many


@dataclasses.dataclass(frozen=True, eq=False)
class Mapping(Kind):
    """A mapping whose keys and values are each checked; a key's problems sit at the key."""

    key: Kind
    value: Kind

    def read(self, value: Any, location: Location, found: Found) -> Any:
        if not isinstance(value, dict):
            found.append((location, f"expected a mapping (key: value), got {describe(value)}"))
            return {}
        return {self.key.read(key, (*location, key), found): self.value.read(item, (*location, key), found) for key, item in value.items()}

    def schema(self, definitions: dict[str, Any]) -> dict[str, Any]:
        keys = self.key.schema(definitions)
        return {"type": "object", "propertyNames": keys, "additionalProperties": self.value.schema(definitions)}


@dataclasses.dataclass(frozen=True, eq=False)
class _Field:
    kind: Kind
    required: bool
    attribute: str
    """The dataclass attribute the key is read into: the key itself, unless it is a Python keyword (``from``)."""


KEY = "key"
"""A dataclass field's metadata entry naming the key users write, where that key cannot be an attribute name."""


class Record(Kind):
    """A mapping with known keys, read into an instance of a record class.

    ``shorthand`` names the key a bare string stands for (a key fact written as text is its
    ``fact``); that text's problems are reported where it was written (``key_facts[0]``, not
    ``key_facts[0].fact``), a key the user never wrote. The fields are worked out from the class's annotations on first use.
    """

    def __init__(self, cls: type, shorthand: str | None = None) -> None:
        self.cls = cls
        self.shorthand = shorthand

    @functools.cached_property
    def fields(self) -> dict[str, _Field]:
        hints = typing.get_type_hints(self.cls, include_extras=True)
        return {
            item.metadata.get(KEY, item.name): _Field(
                kind_of(hints[item.name]),
                item.default is dataclasses.MISSING and item.default_factory is dataclasses.MISSING,
                item.name,
            )
            for item in dataclasses.fields(self.cls)
        }

    def read(self, value: Any, location: Location, found: Found) -> Any:
        alone = self.shorthand if isinstance(value, str) else None
        if alone:
            value = {alone: value}
        if not isinstance(value, dict):
            found.append((location, f"expected a mapping (key: value), got {describe(value)}"))
            return None
        before = len(found)
        fields = self.fields
        for key in value:
            if key not in fields:
                found.append(((*location, key), unknown_key_message(str(key), fields)))
        values = {}
        for name, field in fields.items():
            if name in value:
                values[field.attribute] = field.kind.read(value[name], location if name == alone else (*location, name), found)
            elif field.required:
                found.append(((*location, name), "required key is missing"))
        return None if len(found) > before else self.cls(**values)

    def schema(self, definitions: dict[str, Any]) -> dict[str, Any]:
        name = self.cls.__name__
        if name not in definitions:
            definitions[name] = {}  # taken before the fields, so a record that contains itself ends
            definitions[name] = self.object_schema(definitions)
        own = {"$ref": f"#/$defs/{name}"}
        return {"anyOf": [{"type": "string"}, own]} if self.shorthand else own

    def object_schema(self, definitions: dict[str, Any]) -> dict[str, Any]:
        """The record's own schema: its keys, each described by the docstring under it."""
        notes = attribute_docstrings(self.cls)
        properties = {}
        for name, field in self.fields.items():
            properties[name] = field.kind.schema(definitions)
            if field.attribute in notes:
                properties[name]["description"] = notes[field.attribute]
        schema: dict[str, Any] = {"type": "object", "title": self.cls.__name__, "properties": properties, "additionalProperties": False}
        if self.cls.__doc__ and not self.cls.__doc__.startswith(f"{self.cls.__name__}("):
            schema["description"] = " ".join(self.cls.__doc__.split())
        required = [name for name, field in self.fields.items() if field.required]
        if required:
            schema["required"] = required
        return schema


class Variants(Kind):
    """A mapping read as one of several record classes, chosen by the value of its ``key`` (``type: matching``).

    Each class declares ``key`` as a ``Literal`` field of its one value; the mapping without
    ``key`` is the ``default`` variant's. An unknown value is refused at the key, naming the closest.
    """

    def __init__(self, key: str, default: str, variants: typing.Mapping[str, type]) -> None:
        self.key = key
        self.default = default
        self.variants = dict(variants)

    def record_for(self, instance: Any) -> Record:
        """The record kind an instance of one of the variants was read with."""
        cls: type = type(instance)
        return record_of(cls)

    def read(self, value: Any, location: Location, found: Found) -> Any:
        if not isinstance(value, dict):
            found.append((location, f"expected a mapping (key: value), got {describe(value)}"))
            return None
        chosen = value.get(self.key, self.default)
        if not isinstance(chosen, str) or chosen not in self.variants:
            found.append(((*location, self.key), f"unknown {self.key} {quoted(str(chosen))}; {suggestion(str(chosen), self.variants)}"))
            return None
        return record_of(self.variants[chosen]).read(value, location, found)

    def schema(self, definitions: dict[str, Any]) -> dict[str, Any]:
        return {"anyOf": [record_of(cls).schema(definitions) for cls in self.variants.values()]}


RecordClass = TypeVar("RecordClass")


@dataclass_transform(frozen_default=True, kw_only_default=True)
def record(cls: type[RecordClass]) -> type[RecordClass]:
    """Make ``cls`` a frozen, keyword-only dataclass that ``build`` can make from plain data.

    Marked as a dataclass transform, so type checkers know the fields it gets as its arguments.
    """
    return dataclasses.dataclass(frozen=True, kw_only=True)(cls)


@functools.cache
def record_of(cls: type) -> Record:
    return Record(cls)


def build(cls: type, data: Any, location: Location = ()) -> Any:
    """An instance of the record class ``cls`` made from ``data``; raises ``RefusedError`` with every problem."""
    found: Found = []
    built = record_of(cls).read(data, location, found)
    if found:
        raise RefusedError(found)
    return built


def map_shown_text(instance: Any, change: Callable[[str, str], str]) -> Any:
    """A copy of a record with each text a reader sees replaced by ``change(text, shown)``.

    ``shown`` is the value's kind of text (see ``Value.shown``); ids, paths and links are not
    passed. Typography uses it, so it applies to what is printed and never to a file name.
    """
    cls: type = type(instance)
    return _mapped(instance, record_of(cls), change)


def _mapped(value: Any, kind: Kind, change: Callable[[str, str], str]) -> Any:
    """``value`` with its shown text changed; the very same object where nothing changed."""
    if value is None:
        return None
    if isinstance(kind, Nullable):
        return _mapped(value, kind.kind, change)
    if isinstance(kind, Many):
        items = tuple(_mapped(item, kind.item, change) for item in value)
        return value if all(new is old for new, old in zip(items, value, strict=True)) else items
    if isinstance(kind, Mapping):
        return {key: _mapped(item, kind.value, change) for key, item in value.items()}
    if isinstance(kind, Variants):
        return _mapped(value, kind.record_for(value), change)
    if isinstance(kind, Record):
        changed = {field.attribute: _mapped(getattr(value, field.attribute), field.kind, change) for field in kind.fields.values()}
        unchanged = all(new is getattr(value, name) for name, new in changed.items())
        return value if unchanged else dataclasses.replace(value, **changed)
    if isinstance(kind, Value) and kind.shown and isinstance(value, str):
        return change(value, kind.shown)
    return value


def shown_texts(instance: Any) -> Iterator[tuple[Location, str, str]]:
    """Every text a reader sees in a record, as (location, text, shown), in the record's order.

    ``shown`` is as for ``Value.shown``: checks of what a reader meets (link wording, say)
    look at prose alone, where markup makes links, and never at ids or paths.
    """
    cls: type = type(instance)
    yield from _shown(instance, record_of(cls), ())


def _shown(value: Any, kind: Kind, location: Location) -> Iterator[tuple[Location, str, str]]:
    if value is None:
        return
    if isinstance(kind, Nullable):
        yield from _shown(value, kind.kind, location)
    elif isinstance(kind, Many):
        for index, item in enumerate(value):
            yield from _shown(item, kind.item, (*location, index))
    elif isinstance(kind, Mapping):
        for key, item in value.items():
            yield from _shown(item, kind.value, (*location, key))
    elif isinstance(kind, Variants):
        yield from _shown(value, kind.record_for(value), location)
    elif isinstance(kind, Record):
        for name, field in kind.fields.items():
            yield from _shown(getattr(value, field.attribute), field.kind, (*location, name))
    elif isinstance(kind, Value) and kind.shown and isinstance(value, str):
        yield location, value, kind.shown


def field_names(cls: type) -> list[str]:
    """The keys a record class accepts, in the order it declares them."""
    return [item.metadata.get(KEY, item.name) for item in dataclasses.fields(cls)]


def plain(instance: Any) -> dict[str, Any]:
    """A record as nested dicts, leaving out what was not given (None)."""
    return _without_none(dataclasses.asdict(instance))


def _without_none(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _without_none(item) for key, item in value.items() if item is not None}
    return value


PLAIN_STRING = text()


def kind_of(annotation: Any) -> Kind:
    """The kind an annotation stands for: the ``Kind`` inside ``Annotated``, else one built from the type."""
    origin = typing.get_origin(annotation)
    if origin is Annotated:
        declared = [item for item in annotation.__metadata__ if isinstance(item, Kind)]
        return declared[-1] if declared else kind_of(annotation.__origin__)
    arguments = typing.get_args(annotation)
    if origin in (typing.Union, types.UnionType) and type(None) in arguments and len(arguments) == 2:
        return Nullable(kind_of(next(argument for argument in arguments if argument is not type(None))))
    if origin is tuple and len(arguments) == 2 and arguments[1] is Ellipsis:
        return Many(kind_of(arguments[0]))
    if origin is Literal:
        return choice(*arguments)
    if isinstance(annotation, type) and dataclasses.is_dataclass(annotation):
        return record_of(annotation)
    if annotation is str:
        return PLAIN_STRING
    if annotation is bool:
        return BOOLEAN
    raise TypeError(f"no kind for the annotation {annotation!r}; declare one with Annotated")


def attribute_docstrings(cls: type) -> dict[str, str]:
    """The docstring written under each field of ``cls`` and its bases, from their source."""
    import ast
    import inspect

    notes: dict[str, str] = {}
    for owner in reversed(cls.__mro__[:-1]):
        try:
            tree = ast.parse(inspect.getsource(owner))
        except (OSError, TypeError):
            continue  # made at run time (no source): nothing written under its fields
        body = tree.body[0].body if tree.body and isinstance(tree.body[0], ast.ClassDef) else []
        for statement, following in itertools.pairwise(body):
            if (
                isinstance(statement, ast.AnnAssign)
                and isinstance(statement.target, ast.Name)
                and isinstance(following, ast.Expr)
                and isinstance(following.value, ast.Constant)
                and isinstance(following.value.value, str)
            ):
                notes[statement.target.id] = " ".join(following.value.value.split())
    return notes
