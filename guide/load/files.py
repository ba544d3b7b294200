"""Files that an input names (images, logos, fonts, templates) and the id its own name gives it.

A path is relative to the file that names it and may not leave the project tree, so a topic
from elsewhere cannot make the tool read or embed files it has no business with.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from guide.errors import Origin, Problem, quoted
from guide.inputs import project_root
from guide.model import TOPIC_ID_PATTERN


def resolve_inside(named: str, naming_file: Path) -> Path | str:
    """The absolute path of ``named`` relative to ``naming_file``, or (a string) why it is refused."""
    root = project_root(naming_file)
    try:
        target = (naming_file.resolve().parent / named).resolve()
        if not target.is_relative_to(root):
            return f"{quoted(named)} is outside the project folder {root}"
        if not target.is_file():
            return f"file {quoted(named)} not found"
    except (OSError, RuntimeError) as error:  # a name too long for the file system; a loop of links (RuntimeError)
        return f"cannot read {quoted(named)}: {getattr(error, 'strerror', None) or error}"
    return target


def id_from_file_name(data: dict[str, Any], path: Path, origin: Origin, kind: str) -> list[Problem]:
    """Give ``data`` its file name as ``id`` unless it has one; a file name that cannot be an id is a problem."""
    if "id" in data:
        return []
    data["id"] = path.stem
    if re.fullmatch(TOPIC_ID_PATTERN, path.stem):
        return []
    return [origin.problem(("id",), f"file name '{path.stem}' is not a valid {kind} id; rename the file or add an 'id:' key")]
