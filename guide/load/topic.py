"""Topic files -> validated ``Topic`` models, with every problem of a file reported at once."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from guide.errors import InputError, Location, Origin, Problem, quoted
from guide.image_check import image_problem
from guide.load.files import id_from_file_name, resolve_inside
from guide.load.messages import EXTENSION_PREFIX, problems_of
from guide.load.questions import question_problems, with_built_lists
from guide.load.reader import Document, read_yaml
from guide.model import MAX_TOPIC_CHARS, REQUIRED_SECTIONS, SECTION_NAMES, Topic, parse_when, when_sort_key
from guide.records import BadValueError, RefusedError, build


@dataclass(frozen=True)
class LoadedTopic:
    """A valid topic and where it came from (for later checks that need its lines)."""

    topic: Topic
    origin: Origin
    path: Path
    digest: str = ""
    """SHA-256 of the bytes the topic was read from."""


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
    problems.extend(question_problems(data, origin))
    files = _resolve_files(data, origin, path, problems)
    try:
        topic = build(Topic, data)
    except RefusedError as error:
        # One message per field: what was found before validation says more (a bad tag, a bad file name).
        already = {problem.field for problem in problems}
        problems.extend(problem for problem in problems_of(error, origin) if problem.field not in already)
        topic = None
    size = _characters(data)
    if not problems and size > MAX_TOPIC_CHARS:
        message = f"the topic holds {size:,} characters of text; at most {MAX_TOPIC_CHARS:,} fit a sheet and a deck (split it into topics)"
        problems.append(origin.problem((), message))
    if problems or topic is None:
        raise InputError(problems)
    return LoadedTopic(with_built_lists(_with_files(topic, files)), origin, path, document.digest)


def _kind(value: Any) -> str:
    return "a list" if isinstance(value, list) else "a single value"


def _without_extensions(value: Any) -> Any:
    """Drop ``x-`` keys at every level: they belong to the user's own tools."""
    if isinstance(value, dict):
        return {key: _without_extensions(item) for key, item in value.items() if not key.startswith(EXTENSION_PREFIX)}
    if isinstance(value, list):
        return [_without_extensions(item) for item in value]
    return value


def _characters(value: Any) -> int:
    """All the characters of the text in ``value``, keys included (without recursion: the reader bounds depth, not shape)."""
    total, pending = 0, [value]
    while pending:
        item = pending.pop()
        if isinstance(item, str):
            total += len(item)
        elif isinstance(item, dict):
            total += sum(len(key) for key in item)
            pending += item.values()
        elif isinstance(item, list):
            pending += item
    return total


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
                    origin.problem(("sources", index, "id"), f"duplicate source id {quoted(source_id)} (also sources[{known[source_id]}])")
                )
            known.setdefault(source_id, index)
    cited: list[tuple[Location, Any]] = []
    for index, fact in _items(data, "key_facts"):
        ids = fact.get("sources")
        cited += [(("key_facts", index, "sources", at), cited_id) for at, cited_id in enumerate(ids if isinstance(ids, list) else [])]
    cited += [(("excerpts", index, "source"), excerpt.get("source")) for index, excerpt in _items(data, "excerpts")]
    cited += [(("questions", index, "source"), question.get("source")) for index, question in _items(data, "questions")]
    hint = f"; known ids: {', '.join(known)}" if known else "; give the source an 'id:' under sources"
    for location, source_id in cited:
        if isinstance(source_id, str) and source_id not in known:
            problems.append(origin.problem(location, f"unknown source id {quoted(source_id)}{hint}"))
    problems.extend(_timeline_order_problems(data, origin))
    problems.extend(_placement_problems(data, origin))
    problems.extend(_language_problems(data, origin))
    problems.extend(_translation_problems(data, origin))
    return problems


def _translation_problems(data: dict[str, Any], origin: Origin) -> list[Problem]:
    """A translation names one other excerpt, by its unique id, that is itself no translation and has no other."""
    problems = []
    excerpts = _items(data, "excerpts")
    known: dict[str, int] = {}
    for index, excerpt in excerpts:
        excerpt_id = excerpt.get("id")
        if isinstance(excerpt_id, str):
            if excerpt_id in known:
                message = f"duplicate excerpt id {quoted(excerpt_id)} (also excerpts[{known[excerpt_id]}])"
                problems.append(origin.problem(("excerpts", index, "id"), message))
            known.setdefault(excerpt_id, index)
    translated: dict[str, int] = {}
    for index, excerpt in excerpts:
        target = excerpt.get("translates")
        if not isinstance(target, str):
            continue
        original = known.get(target)
        if original is None:
            hint = f"; excerpt ids: {', '.join(known)}" if known else "; give the original an 'id:'"
            message = f"unknown excerpt id {quoted(target)}{hint}"
        elif original == index:
            message = "an excerpt cannot translate itself"
        elif "translates" in dict(excerpts)[original]:
            message = f"excerpts[{original}] is itself a translation; name the original"
        elif target in translated:
            message = f"excerpts[{translated[target]}] already translates {quoted(target)}; an excerpt has one translation"
        else:
            translated[target] = index
            continue
        problems.append(origin.problem(("excerpts", index, "translates"), message))
    return problems


def _language_problems(data: dict[str, Any], origin: Origin) -> list[Problem]:
    """A native name's language without the native name would say nothing."""
    return [
        origin.problem(("people", index, "native_name_lang"), "a language for a native name the person does not have; add native_name")
        for index, person in _items(data, "people")
        if "native_name_lang" in person and not person.get("native_name")
    ]


def _placement_problems(data: dict[str, Any], origin: Origin) -> list[Problem]:
    """An excerpt or picture placed in a section the topic leaves out would never be shown."""
    problems = []
    for key in ("excerpts", "images"):
        for index, item in _items(data, key):
            section = item.get("section")
            if section in SECTION_NAMES and section not in REQUIRED_SECTIONS and not data.get(section):
                problems.append(origin.problem((key, index, "section"), f"the topic has no {section}; place it in a section the topic has"))
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
                    f"{quoted(str(entry['date']))} comes before the entry above it ({quoted(previous[1])}); keep the timeline in order",
                )
            )
        previous = (when, str(entry.get("date")))
    return problems


def _before(later: dt.date | int, earlier: dt.date | int) -> bool:
    """Whether ``later`` falls strictly before ``earlier``; a bare year matches any date in it."""
    if isinstance(later, dt.date) and isinstance(earlier, dt.date):
        return later < earlier
    return when_sort_key(later) < when_sort_key(earlier)


FILE_KEYS = (("images", "file"), ("people", "image"))
"""Where a topic names an image file: under each item of the list, at the key."""


def _resolve_files(data: dict[str, Any], origin: Origin, path: Path, problems: list[Problem]) -> dict[tuple[str, int], str]:
    """Absolute paths of the images a topic names, by (list, index); refusals go to ``problems``."""
    resolved = {}
    for section, key in FILE_KEYS:
        for index, item in _items(data, section):
            named = item.get(key)
            if not isinstance(named, str) or not named.strip():
                continue
            target = resolve_inside(named.strip(), path)
            refusal = target if isinstance(target, str) else image_problem(target)
            if refusal:
                problems.append(origin.problem((section, index, key), refusal))
            else:
                resolved[(section, index)] = str(target)
    return resolved


def _with_files(topic: Topic, files: dict[tuple[str, int], str]) -> Topic:
    """The topic with each image file it names replaced by its absolute path."""
    changes: dict[str, Any] = {}  # field names known only when run, so not checked by type
    for section, key in FILE_KEYS:
        items = getattr(topic, section)
        if any((section, index) in files for index in range(len(items))):
            changes[section] = tuple(
                replace(item, **{key: files[(section, index)]}) if (section, index) in files else item for index, item in enumerate(items)
            )
    return replace(topic, **changes) if changes else topic
