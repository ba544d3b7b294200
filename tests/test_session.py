"""A build session owns every cache: builds in one process never serve what an edited file's old bytes made."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

import guide
from guide.builder import BuildOptions, build
from guide.fonts import BUNDLED_FAMILIES
from tests.conftest import ROOT
from tests.templates import make_template

PACKAGE = ROOT / "guide"


def built_files(out: Path) -> dict[str, bytes]:
    return {str(path.relative_to(out)): path.read_bytes() for path in sorted(out.rglob("*")) if path.suffix in (".pdf", ".pptx")}


def in_this_process(project: Path, out: str) -> dict[str, bytes]:
    report = build([project / "source"], BuildOptions(out=project / out, force=True))
    assert report.exit_status == 0, [
        (str(problem), result.failure_detail) for result in report.results for problem in [*result.problems, result.failure] if problem
    ]
    return built_files(project / out)


def in_a_fresh_process(project: Path, out: str) -> dict[str, bytes]:
    command = [sys.executable, str(ROOT / "make_materials.py"), "source", "--out", out, "--force", "-q", "--jobs", "1"]
    finished = subprocess.run(command, cwd=project, capture_output=True, text=True, timeout=120, check=False)
    assert finished.returncode == 0, finished.stderr
    return built_files(project / out)


def replace_template(source: Path) -> None:
    make_template(source / "dept.pptx", fonts=("Carlito", "Carlito"))


def replace_font(source: Path) -> None:
    shutil.copy(BUNDLED_FAMILIES["Liberation Sans"].regular, source / "course-regular.ttf")


def replace_picture(source: Path) -> None:
    shutil.copy(source / "logo.png", source / "map.png")


def replace_logo(source: Path) -> None:
    shutil.copy(ROOT / "source" / "images" / "germany-between-west-and-east.png", source / "logo.png")


@pytest.mark.parametrize("edit", [replace_template, replace_font, replace_picture, replace_logo], ids=lambda edit: edit.__name__)
def test_an_asset_edited_between_two_builds_gives_what_a_fresh_process_gives(
    project: Path,
    edit: Callable[[Path], None],
) -> None:
    before = in_this_process(project, "out")
    edit(project / "source")
    after = in_this_process(project, "out")
    assert after != before, "the edit changed no output: the test would prove nothing"
    assert after == in_a_fresh_process(project, "fresh")


def test_guide_build_stays_callable_after_every_submodule_is_imported(tmp_path: Path) -> None:
    for path in sorted(PACKAGE.rglob("*.py")):
        module = ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        if not module.endswith("__main__"):
            __import__(module)
    shutil.copy(ROOT / "source" / "treaty-of-berlin-1926.yaml", tmp_path / "topic.yaml")
    shutil.copytree(ROOT / "source" / "images", tmp_path / "images")
    for _ in range(2):
        report = guide.build([tmp_path / "topic.yaml"], guide.BuildOptions(out=tmp_path / "out", force=True))
        assert report.exit_status == 0
    assert guide.load_topic(tmp_path / "topic.yaml").topic.title.startswith("The Treaty")
    assert guide.named_theme("modern").name == "modern"


PURE_FUNCTIONS = {
    "record_of": "a record class's reader, derived from the class itself: code, not input",
    "_paragraph_properties_of": "XML for a paragraph style, from immutable style values",
    "_run_properties_of": "XML for a run style, from immutable style values",
    "parse": "a text's immutable spans, from the text alone",
}
"""Memoised functions allowed: each depends only on immutable values, never on a file or a path."""
FILE_LIKE = ("Path", "FontFamily", "Theme", "Template", "bytes")


def _module_level_caches(path: Path) -> list[str]:
    """Memoising decorators (but on pure functions of plain values) and module-level mutable containers, in one module."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for decorator in node.decorator_list:
                name = ast.unparse(decorator)
                annotations = " ".join(ast.unparse(argument.annotation) for argument in node.args.args if argument.annotation)
                pure = node.name in PURE_FUNCTIONS and not any(kind in annotations for kind in FILE_LIKE)
                if "cache" in name and not name.endswith("cached_property") and not pure:
                    found.append(f"{path.name}:{node.lineno} @{name} {node.name}")
    for node in tree.body:
        value = node.value if isinstance(node, (ast.Assign, ast.AnnAssign)) else None
        mutable = isinstance(value, (ast.Dict, ast.List, ast.Set, ast.DictComp, ast.ListComp, ast.SetComp))
        if isinstance(value, ast.Call):
            mutable = ast.unparse(value.func).split(".")[-1] in {"dict", "list", "set", "OrderedDict", "WeakKeyDictionary", "defaultdict"}
        targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, ast.AnnAssign) else []
        names = [ast.unparse(target) for target in targets]
        # UPPER_CASE names are constant tables (never changed after import), as the project writes them.
        if mutable and not all(name.isupper() or name.startswith("__") for name in names):
            found.append(f"{path.name}:{node.lineno} {', '.join(names)}")
    return found


def test_no_module_keeps_a_cache_of_its_own() -> None:
    found = [cache for path in sorted(PACKAGE.rglob("*.py")) for cache in _module_level_caches(path)]
    assert found == []


def test_the_cache_check_finds_caches(tmp_path: Path) -> None:
    module = tmp_path / "cached.py"
    module.write_text(
        "import functools\n_seen = {}\n@functools.lru_cache\ndef f(x): return x\n"
        "@functools.cache\ndef record_of(path: Path): return path\n",
        encoding="utf-8",
    )
    assert len(_module_level_caches(module)) == 3


def test_paragraphs_of_one_text_share_its_parse_yet_each_has_fragments_of_its_own() -> None:
    """A look's styles keep what a text parsed into, as a key's layouts make the same paragraphs again; never one paragraph's fragments."""
    from guide.load import named_theme
    from guide.render.pdf.internals import Paragraph
    from guide.render.pdf.styles import build_styles
    from guide.session import BuildSession

    styles = build_styles(named_theme("classic"), BuildSession(), "en")
    text = "The <b>treaty</b> of <i>Berlin</i> and its neutrality"
    first, second = Paragraph(text, styles.body), Paragraph(text, styles.body)
    fonts = styles.body_fonts
    assert [(fragment.text, fragment.fontName) for fragment in first.frags] == [
        ("The ", fonts.regular),
        ("treaty", fonts.bold),
        (" of ", fonts.regular),
        ("Berlin", fonts.italic),
        (" and its neutrality", fonts.regular),
    ]
    assert [vars(fragment) for fragment in second.frags] == [vars(fragment) for fragment in first.frags]
    assert not any(mine is theirs for mine, theirs in zip(first.frags, second.frags, strict=True))
    tight = build_styles(named_theme("classic"), BuildSession(), "en", tight=True)
    assert Paragraph(text, tight.body).frags[0].fontSize == tight.body.fontSize


def test_every_pdf_of_a_topic_typesets_it_once_and_an_edited_topic_or_typography_afresh(monkeypatch: pytest.MonkeyPatch) -> None:
    """The sheet, key, quiz paper, its key, slides and handout share one typesetting, kept by the topic's content."""
    from dataclasses import replace

    from guide import load_topic
    from guide.load import named_theme
    from guide.outputs import REGISTRY
    from guide.session import BuildSession
    from guide.typography import Typography
    from tests.conftest import TREATY, counting_typesetting

    typeset = counting_typesetting(monkeypatch)
    treaty, theme, session = load_topic(TREATY).topic, named_theme("classic"), BuildSession()
    names = ("sheet", "answers", "quiz", "quiz-answers", "slides", "handout")
    first = [REGISTRY[name].renderer()(treaty, theme, None, session) for name in names]
    assert typeset == [treaty.title]
    assert [REGISTRY[name].renderer()(replace(treaty), theme, None, session) for name in names] == first  # equal, not the same object
    assert len(typeset) == 1
    edited = replace(treaty, title="The Berlin Treaty of '26")
    fresh = REGISTRY["sheet"].renderer()(edited, theme, None, BuildSession())
    del typeset[1:]
    assert REGISTRY["sheet"].renderer()(edited, theme, None, session) == fresh
    assert typeset[1:] == [edited.title]
    straight = replace(theme, typography=Typography(smart_quotes=False))
    REGISTRY["answers"].renderer()(edited, straight, None, session)
    assert typeset[2:] == [edited.title]


def test_what_is_made_alike_is_made_again_only_for_a_value_unlike_the_last() -> None:
    from guide.session import BuildSession

    session, made = BuildSession(), []

    def make(value: list[int]) -> Callable[[], str]:
        def now() -> str:
            made.append(value)
            return f"made {value}"

        return now

    assert session.made_alike("kind", [1], make([1])) == "made [1]"
    assert session.made_alike("kind", [1], make([1])) == "made [1]"  # equal, not the same list: kept
    assert session.made_alike("other", [1], make([1])) == "made [1]"  # each kind keeps its own
    session.made_alike("kind", [2], make([2]))
    session.made_alike("kind", [1], make([1]))
    assert made == [[1], [1], [2], [1]]
