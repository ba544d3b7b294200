"""The JSON Schema of the topic format, for editors that complete and check YAML."""

from __future__ import annotations

from typing import Any

from guide.load.messages import EXTENSION_PREFIX
from guide.model import Topic
from guide.records import record_of


def topic_schema() -> dict[str, Any]:
    """Topic's schema as users write it: ``id`` optional, ``x-`` keys allowed at the top."""
    definitions: dict[str, Any] = {}
    schema = record_of(Topic).object_schema(definitions)
    schema["required"] = [name for name in schema["required"] if name != "id"]
    schema["patternProperties"] = {f"^{EXTENSION_PREFIX}": {}}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        **schema,
        "title": "Lesson topic summary",
        "$defs": dict(sorted(definitions.items())),
    }
