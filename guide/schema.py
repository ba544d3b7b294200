"""The JSON Schema of the topic format, for editors that complete and check YAML."""

from __future__ import annotations

from typing import Any

from guide.load.messages import EXTENSION_PREFIX
from guide.model import Topic


def topic_schema() -> dict[str, Any]:
    """Topic's schema as users write it: ``id`` optional, ``x-`` keys allowed at the top."""
    schema = Topic.model_json_schema()
    schema["required"] = [name for name in schema["required"] if name != "id"]
    schema["patternProperties"] = {f"^{EXTENSION_PREFIX}": {}}
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Lesson topic summary"
    return schema
