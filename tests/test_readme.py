"""The README's complete topic example is valid, so the documentation cannot drift from the format."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from guide import load_topic
from guide.model import Topic
from tests.conftest import ROOT

PIXEL = Path(__file__).parent / "data" / "pixel.png"


def readme_topic_example() -> str:
    blocks = re.findall(r"```yaml\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), flags=re.DOTALL)
    return blocks[0]


def test_the_readme_example_is_a_valid_topic_using_every_key(tmp_path: Path) -> None:
    (tmp_path / "images").mkdir()
    shutil.copy(PIXEL, tmp_path / "images" / "map.png")
    path = tmp_path / "example.yaml"
    path.write_text(readme_topic_example(), encoding="utf-8")
    topic = load_topic(path).topic
    written = set(re.findall(r"^([a-z_]+):", readme_topic_example(), flags=re.MULTILINE))
    assert written == set(Topic.model_fields) - {"id"}
    assert topic.images[0].file == str(tmp_path / "images" / "map.png")
