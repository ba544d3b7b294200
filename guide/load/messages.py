"""Pydantic's validation errors, said in the words of someone writing a topic file."""

from __future__ import annotations

import difflib
import types
import typing
from typing import Any

from pydantic import BaseModel, ValidationError

from guide.errors import Location, Origin, Problem

EXTENSION_PREFIX = "x-"


def translate(error: ValidationError, origin: Origin, model: type[BaseModel]) -> list[Problem]:
    """One Problem per pydantic error, pinned to the line of the offending key or item."""
    details = [(tuple(part for part in detail["loc"] if part != "[key]"), detail) for detail in error.errors(include_url=False)]
    problems = []
    for location, detail in details:
        if detail["type"] == "too_short" and any(other[: len(location)] == location and other != location for other, _ in details):
            continue  # pydantic counts invalid items as missing: the items' own errors say it better
        problems.append(origin.problem(location, _message(detail, location, model)))
    return problems


def describe(value: Any) -> str:
    """What the user wrote, in one word or two: 'a list', 'text', 'nothing'."""
    if value is None:
        return "nothing"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return "text"


def _message(detail: Any, location: Location, model: type[BaseModel]) -> str:
    kind = detail["type"]
    given = detail.get("input")
    if kind == "missing":
        return "required key is missing"
    if kind == "extra_forbidden":
        return unknown_key_message(str(location[-1]), allowed_keys(model, location[:-1]))
    if kind == "string_type":
        return "must not be empty" if given is None else f"expected text, got {describe(given)}"
    if kind in ("tuple_type", "list_type"):
        return f"expected a list, got {describe(given)}"
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return f"expected a mapping (key: value), got {describe(given)}"
    if kind == "too_short":
        count = detail.get("ctx", {}).get("min_length", 1)
        return f"must list at least {count} item{'s' if count != 1 else ''}"
    if kind in ("int_parsing", "float_parsing", "int_type", "float_type"):
        return f"expected a number, got '{given}'"
    if kind == "bool_parsing":
        return f"expected true or false, got '{given}'"
    return str(detail["msg"])


def unknown_key_message(key: str, allowed: list[str]) -> str:
    """Name the unknown key and the closest allowed one, or list them all."""
    close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
    if close:
        return f"unknown key '{key}'; did you mean '{close[0]}'?"
    return f"unknown key '{key}'; expected one of: {', '.join(allowed)}"


def allowed_keys(model: type[BaseModel], location: Location) -> list[str]:
    """The field names of the model found at ``location`` inside ``model``."""
    current: type[BaseModel] | None = model
    for part in location:
        if current is None:
            break
        if isinstance(part, str):
            info = current.model_fields.get(part)
            current = _model_in(info.annotation) if info else None
    return list(current.model_fields) if current else []


def _model_in(annotation: Any) -> type[BaseModel] | None:
    """The first pydantic model inside an annotation such as ``tuple[KeyFact, ...] | None``."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for argument in typing.get_args(annotation):
        if isinstance(argument, (type, types.GenericAlias, types.UnionType)) or typing.get_origin(argument):
            found = _model_in(argument)
            if found:
                return found
    return None
