"""The README's complete topic example is valid, so the documentation cannot drift from the format."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from guide import load_topic
from guide.model import Topic
from guide.records import field_names
from guide.schema import topic_schema
from tests.conftest import ROOT

PIXEL = Path(__file__).parent / "data" / "pixel.png"


def readme_topic_example() -> str:
    blocks = re.findall(r"```yaml\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), flags=re.DOTALL)
    return blocks[0]


def test_the_readme_example_is_a_valid_topic_using_every_key(tmp_path: Path) -> None:
    (tmp_path / "images").mkdir()
    shutil.copy(PIXEL, tmp_path / "images" / "map.png")
    shutil.copy(PIXEL, tmp_path / "images" / "krestinsky.png")
    path = tmp_path / "example.yaml"
    path.write_text(readme_topic_example(), encoding="utf-8")
    topic = load_topic(path).topic
    written = set(re.findall(r"^([a-z_]+):", readme_topic_example(), flags=re.MULTILINE))
    assert written == set(field_names(Topic)) - {"id"}
    assert topic.images[0].file == str(tmp_path / "images" / "map.png")
    assert topic.people[0].image == str(tmp_path / "images" / "krestinsky.png")


def test_the_readme_example_uses_every_key_of_every_part_of_a_topic() -> None:
    written = set(re.findall(r"\b([a-z_]+):", readme_topic_example()))
    for name, part in topic_schema()["$defs"].items():
        assert set(part["properties"]) <= written, name


def test_the_readme_theme_example_is_a_valid_theme_using_every_key(tmp_path: Path) -> None:
    from guide.fonts import BUNDLED_FAMILIES
    from guide.load import named_theme
    from guide.load.theme_schema import ThemeFile
    from tests.templates import make_template

    block = re.findall(r"```yaml\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), flags=re.DOTALL)[2]
    (tmp_path / "pyproject.toml").write_text("", encoding="utf-8")
    (tmp_path / "fonts").mkdir()
    shutil.copy(BUNDLED_FAMILIES["Carlito"].regular, tmp_path / "fonts" / "CourseSans-Regular.ttf")
    shutil.copy(BUNDLED_FAMILIES["Carlito"].bold, tmp_path / "fonts" / "CourseSans-Bold.ttf")
    shutil.copy(PIXEL, tmp_path / "logo.png")
    make_template(tmp_path / "dept-template.potx", potx=True)
    (tmp_path / "theme.yaml").write_text(block, encoding="utf-8")
    theme = named_theme(str(tmp_path / "theme.yaml"))
    assert theme.labels["page_of"] == "p. {page}/{pages}"
    assert theme.body_font.name == "Course Sans"
    assert set(re.findall(r"^([a-z_]+):", block, flags=re.MULTILINE)) == set(field_names(ThemeFile))
