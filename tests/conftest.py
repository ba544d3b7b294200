"""Shared fixtures: the repository's own topic, built once per test session."""

from __future__ import annotations

import io
import os
import shutil
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings
from pypdf import PdfReader

from guide.cli import main
from guide.fonts import BUNDLED_FAMILIES
from tests.templates import make_template

ROOT = Path(__file__).resolve().parent.parent
TREATY = ROOT / "source" / "treaty-of-berlin-1926.yaml"
MINIMAL = "title: {title}\nsummary: S\nkey_facts: [f]\ncontext: c\nsignificance: s\n"
"""A minimal topic file, given a title."""
settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI"):
    # On CI the property tests draw the same examples on every run, so a landing is never
    # refused by a case drawn once; a developer's runs keep drawing new ones and record the
    # failures they find in .hypothesis/ (kept out of git) to be replayed.
    settings.load_profile("ci")

HANG_GUARD_S = 10.0
"""Far above any real run: a run over it looped or blew up; speed itself is measured in bench/, not here."""


def run_cli(*arguments: str | Path) -> tuple[int, str, str]:
    """Run the command line in-process; returns (exit status, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    status = main([str(argument) for argument in arguments], stdout=out, stderr=err)
    return status, out.getvalue(), err.getvalue()


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The treaty built on A4 and on Letter: {'a4': folder, 'letter': folder}."""
    folders = {}
    for size in ("a4", "letter"):
        out = tmp_path_factory.mktemp(size)
        status, _, err = run_cli(TREATY, "--out", out, "--page-size", size, "-q")
        assert status == 0, err
        folders[size] = out
    return folders


@pytest.fixture(scope="session")
def sheet(built: dict[str, Path]) -> PdfReader:
    return PdfReader(built["a4"] / "treaty-of-berlin-1926.pdf")


@pytest.fixture(scope="session")
def answers(built: dict[str, Path]) -> PdfReader:
    return PdfReader(built["a4"] / "treaty-of-berlin-1926-answers.pdf")


@pytest.fixture(scope="session")
def quiz(built: dict[str, Path]) -> PdfReader:
    return PdfReader(built["a4"] / "treaty-of-berlin-1926-quiz.pdf")


@pytest.fixture(scope="session")
def quiz_answers(built: dict[str, Path]) -> PdfReader:
    return PdfReader(built["a4"] / "treaty-of-berlin-1926-quiz-answers.pdf")


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    """A folder with a copy of the treaty topic, to build and break freely."""
    shutil.copytree(TREATY.parent, tmp_path / "source", ignore=shutil.ignore_patterns("courses"))
    return tmp_path


@pytest.fixture
def treaty_project(tmp_path: Path) -> Path:
    """A project folder (it has a pyproject.toml) holding a copy of the treaty's source folder and an empty courses/."""
    source = tmp_path / "source"
    shutil.copytree(TREATY.parent, source, ignore=shutil.ignore_patterns("courses"))
    (source / "courses").mkdir()
    (tmp_path / "pyproject.toml").write_text("", encoding="utf-8")
    return tmp_path


def outputs(folder: Path) -> list[Path]:
    """The files a reader sees in an output folder: not the manifest, not temporaries."""
    return sorted(path for path in folder.iterdir() if not path.name.startswith("."))


def files_outside(root: Path, out: Path) -> dict[str, tuple[int, int]]:
    """(size, modification time) of every file and link under ``root`` but not under ``out``:
    compared before and after a run, it shows that nothing else was written or deleted."""
    return {
        str(path): (status.st_size, status.st_mtime_ns)
        for path in sorted(root.rglob("*"))
        if not path.is_relative_to(out) and not (status := path.lstat()).st_mode & 0o040000
    }


def temporaries(folder: Path) -> list[Path]:
    """Temporary files left in an output folder (the manifest is not one)."""
    return [path for path in folder.rglob(".*") if path.name != ".manifest.json"]


def squeezed(text: str) -> str:
    """Text without white space or hyphens, to find words a line end hyphenated."""
    return "".join(text.replace("-", "").replace("\u00ad", "").split())


def text_of(reader: PdfReader) -> str:
    """All text of a PDF with white space folded, as a reader would search it."""
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


@pytest.fixture
def template_project(tmp_path: Path) -> Path:
    """A project holding the whole treaty topic (its quizzes, so its dividers, and its pictures), to build on templates made in the test."""
    return treaty_on_templates(tmp_path)


def treaty_on_templates(folder: Path) -> Path:
    """``folder`` made a project holding the whole treaty topic and its pictures, to build on templates made in tests."""
    (folder / "pyproject.toml").write_text("", encoding="utf-8")
    shutil.copy(TREATY, folder / "treaty.yaml")
    shutil.copytree(TREATY.parent / "images", folder / "images")
    return folder


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """Two loose topics (one with a picture) and a course of the first, whose theme has fonts, a logo and a template."""
    (tmp_path / "pyproject.toml").write_text("", encoding="utf-8")
    source = tmp_path / "source"
    (source / "courses").mkdir(parents=True)
    (source / "alpha.yaml").write_text(MINIMAL.format(title="Alpha"), encoding="utf-8")
    shutil.copy(ROOT / "source" / "images" / "germany-between-west-and-east.png", source / "map.png")
    (source / "beta.yaml").write_text(MINIMAL.format(title="Beta") + "images: [{file: map.png, alt: A map}]\n", encoding="utf-8")
    carlito = BUNDLED_FAMILIES["Carlito"]
    shutil.copy(carlito.regular, source / "course-regular.ttf")
    shutil.copy(carlito.bold, source / "course-bold.ttf")
    shutil.copy(ROOT / "source" / "images" / "example-university-logo.png", source / "logo.png")
    make_template(source / "dept.pptx")
    (source / "themes").mkdir()
    (source / "themes" / "theme.yaml").write_text(
        "fonts: {body: {family: Course, regular: ../course-regular.ttf, bold: ../course-bold.ttf}}\n"
        "logo: ../logo.png\nslides: {template: ../dept.pptx}\n",
        encoding="utf-8",
    )
    (source / "courses" / "c1.yaml").write_text(
        "code: C1\ntitle: Course\ntheme: ../themes/theme.yaml\ntopics: [../alpha.yaml]\n", encoding="utf-8"
    )
    return tmp_path


def counting_typesetting(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The titles of the topics typeset from now on, as the renderers typeset them."""
    from guide.render import common

    typeset: list[str] = []
    real = common.typeset_topic

    def counted(topic: Any, typography: Any) -> Any:
        typeset.append(topic.title)
        return real(topic, typography)

    monkeypatch.setattr(common, "typeset_topic", counted)
    return typeset
