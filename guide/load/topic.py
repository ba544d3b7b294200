"""Topic files -> validated ``Topic`` models, with every problem of a file reported at once."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from guide.errors import InputError, Origin, Problem
from guide.load.files import id_from_file_name, image_problem, resolve_inside
from guide.load.messages import EXTENSION_PREFIX, problems_of
from guide.load.reader import Document, read_yaml
from guide.model import Topic, parse_when, when_sort_key
from guide.records import BadValueError, RefusedError, build


@dataclass(frozen=True)
class LoadedTopic:
    """A valid topic and where it came from (for later checks that need its lines)."""

    topic: Topic
    origin: Origin
    path: Path


def load_topic(path: Path, shown_as: str | None = None) -> LoadedTopic:
    """Load and validate one topic file; raise InputError listing all of its problems."""
    return topic_from(read_yaml(path, shown_as or str(path)), path)


def topic_from(document: Document, path: Path) -> LoadedTopic:
    """Validate a topic document read from ``path``; raise InputError listing all of its problems."""
    shown_as = document.origin.path
    origin = document.origin
    data = document.data
    if not isinstance(data, dict):
        raise InputError.single(shown_as, f"a topic file must be a mapping of keys (title:, summary:, ...), not {_kind(data)}")
    data = _without_extensions(data)
    problems = list(document.problems)
    problems += id_from_file_name(data, path, origin, "topic")
    problems.extend(_cross_reference_problems(data, origin))
    images = _resolve_images(data, origin, path, problems)
    try:
        topic = build(Topic, data)
    except RefusedError as error:
        # One message per field: what was found before validation says more (a bad tag, a bad file name).
        already = {problem.field for problem in problems}
        problems.extend(problem for problem in problems_of(error, origin) if problem.field not in already)
        topic = None
    if problems or topic is None:
        raise InputError(problems)
    if images:
        topic = replace(topic, images=tuple(replace(image, file=file) for image, file in zip(topic.images, images, strict=True)))
    return LoadedTopic(topic, origin, path)


def _kind(value: Any) -> str:
    return "a list" if isinstance(value, list) else "a single value"


def _without_extensions(value: Any) -> Any:
    """Drop ``x-`` keys at every level: they belong to the user's own tools."""
    if isinstance(value, dict):
        return {key: _without_extensions(item) for key, item in value.items() if not key.startswith(EXTENSION_PREFIX)}
    if isinstance(value, list):
        return [_without_extensions(item) for item in value]
    return value


def _items(data: dict[str, Any], key: str) -> list[tuple[int, dict[str, Any]]]:
    """The mapping items of a list-valued key, tolerating any shape (schema errors come later)."""
    value = data.get(key)
    return [(index, item) for index, item in enumerate(value) if isinstance(item, dict)] if isinstance(value, list) else []


def _cross_reference_problems(data: dict[str, Any], origin: Origin) -> list[Problem]:
    """What the schema alone cannot see: source ids, their uniqueness, timeline order."""
    problems = []
    known: dict[str, int] = {}
    for index, source in _items(data, "sources"):
        source_id = source.get("id")
        if isinstance(source_id, str):
            if source_id in known:
                problems.append(
                    origin.problem(("sources", index, "id"), f"duplicate source id '{source_id}' (also sources[{known[source_id]}])")
                )
            known.setdefault(source_id, index)
    for index, fact in _items(data, "key_facts"):
        cited = fact.get("sources")
        for position, source_id in enumerate(cited if isinstance(cited, list) else []):
            if isinstance(source_id, str) and source_id not in known:
                hint = f"; known ids: {', '.join(known)}" if known else "; give the source an 'id:' under sources"
                problems.append(origin.problem(("key_facts", index, "sources", position), f"unknown source id '{source_id}'{hint}"))
    problems.extend(_timeline_order_problems(data, origin))
    return problems


def _timeline_order_problems(data: dict[str, Any], origin: Origin) -> list[Problem]:
    problems = []
    previous: tuple[dt.date | int, str] | None = None
    for index, entry in _items(data, "timeline"):
        try:
            when = parse_when(entry.get("date"))
        except BadValueError:
            continue
        if isinstance(when, str):
            continue  # free text such as "spring 1926" cannot be ordered
        if previous is not None and _before(when, previous[0]):
            problems.append(
                origin.problem(
                    ("timeline", index, "date"),
                    f"'{entry['date']}' comes before the entry above it ('{previous[1]}'); keep the timeline in order",
                )
            )
        previous = (when, str(entry.get("date")))
    return problems


def _before(later: dt.date | int, earlier: dt.date | int) -> bool:
    """Whether ``later`` falls strictly before ``earlier``; a bare year matches any date in it."""
    if isinstance(later, dt.date) and isinstance(earlier, dt.date):
        return later < earlier
    return when_sort_key(later) < when_sort_key(earlier)


def _resolve_images(data: dict[str, Any], origin: Origin, path: Path, problems: list[Problem]) -> list[str]:
    """Absolute paths of the topic's images; refusals go to ``problems``."""
    resolved = []
    for index, image in _items(data, "images"):
        named = image.get("file")
        if not isinstance(named, str) or not named.strip():
            continue
        target = resolve_inside(named.strip(), path)
        refusal = target if isinstance(target, str) else image_problem(target)
        if refusal:
            problems.append(origin.problem(("images", index, "file"), refusal))
        else:
            resolved.append(str(target))
    return resolved
