"""The JSON Schemas of the topic and theme formats, for editors that complete and check YAML."""

from __future__ import annotations

from typing import Any

from guide.load.messages import EXTENSION_PREFIX
from guide.model import Topic
from guide.records import record_of

EXTENSION_PATTERN = f"^{EXTENSION_PREFIX}"


def topic_schema() -> dict[str, Any]:
    """Topic's schema as users write it: ``id`` optional, ``x-`` keys allowed in every mapping, as the loader drops them there."""
    definitions: dict[str, Any] = {}
    schema = record_of(Topic).object_schema(definitions)
    schema["required"] = [name for name in schema["required"] if name != "id"]
    full = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        **schema,
        "title": "Lesson topic summary",
        "$defs": dict(sorted(definitions.items())),
    }
    _allow_extensions(full)
    return full


def theme_schema() -> dict[str, Any]:
    """A theme file's schema as users write it (a brand.yml, also read as a theme, has its own)."""
    from guide.load.theme_schema import ThemeFile

    definitions: dict[str, Any] = {}
    schema = record_of(ThemeFile).object_schema(definitions)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        **schema,
        "title": "Theme of the study sheet and the deck",
        "$defs": dict(sorted(definitions.items())),
    }


def _allow_extensions(schema: Any) -> None:
    """Let every object in ``schema`` (the top, records, mappings) hold ``x-`` keys of any value."""
    if isinstance(schema, list):
        for item in schema:
            _allow_extensions(item)
        return
    if not isinstance(schema, dict):
        return
    for key, value in schema.items():
        if key in ("properties", "$defs"):  # names mapped to schemas
            for item in value.values():
                _allow_extensions(item)
        elif key in ("items", "anyOf", "additionalProperties", "propertyNames"):
            _allow_extensions(value)
    if schema.get("type") == "object":
        schema["patternProperties"] = {EXTENSION_PATTERN: {}}
        if "propertyNames" in schema:
            schema["propertyNames"] = {"anyOf": [schema["propertyNames"], {"type": "string", "pattern": EXTENSION_PATTERN}]}
