"""Hostile and malformed slide templates: refused as a `slides.template` error (or cleaned, with
a warning), in builds and in --check-template, quickly, and another course still builds."""

from __future__ import annotations

import io
import os
import re
import shutil
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from guide.package_check import MAX_MEMBERS, MAX_RATIO, PackageError, checked_package
from guide.template import TemplateError, read_template
from tests.conftest import HANG_GUARD_S, TREATY, files_outside, run_cli
from tests.templates import make_template

Edit = Callable[[bytes], bytes]
MASTER_RELS = "ppt/slideMasters/_rels/slideMaster1.xml.rels"
LAYOUT = "ppt/slideLayouts/slideLayout2.xml"


def repacked(source: Path, target: Path, edits: dict[str, Edit | None] | None = None, added: dict[str, bytes] | None = None) -> Path:
    """``source`` with parts edited (None drops a part) and parts added, written to ``target``."""
    edits, added = edits or {}, added or {}
    output = io.BytesIO()
    with zipfile.ZipFile(source) as archive, zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as copy:
        for info in archive.infolist():
            edit = edits.get(info.filename, lambda content: content)
            if edit is not None:
                copy.writestr(info, edit(archive.read(info)))
        for name, content in added.items():
            copy.writestr(name, content)
    target.write_bytes(output.getvalue())
    return target


def replace(old: bytes, new: bytes) -> Edit:
    def edit(content: bytes) -> bytes:
        assert old in content, old
        return content.replace(old, new, 1)

    return edit


def substitute(pattern: bytes, new: bytes) -> Edit:
    def edit(content: bytes) -> bytes:
        edited = re.sub(pattern, new, content, count=1)
        assert edited != content, pattern
        return edited

    return edit


BOMB = (
    b"<!DOCTYPE p ["
    + b"".join(b'<!ENTITY e%d "&e%d;&e%d;&e%d;&e%d;&e%d;&e%d;&e%d;&e%d;&e%d;&e%d;">' % ((i + 1,) + (i,) * 10) for i in range(9))
    + b'<!ENTITY e0 "lol">]>'
)
HOSTILE: dict[str, tuple[dict[str, Edit | None], dict[str, bytes], str]] = {
    "zip-bomb": (
        {},
        {"ppt/media/bomb.bin": bytes(3_000_000)},
        f"part 'ppt/media/bomb.bin' inflates 1,026 times; at most {MAX_RATIO} (a zip bomb?)",
    ),
    "too-many-parts": (
        {},
        {f"ppt/extra/{index}.bin": b"" for index in range(MAX_MEMBERS)},
        f"parts; a template holds at most {MAX_MEMBERS:,}",
    ),
    "entity-bomb": (
        {"ppt/presentation.xml": replace(b"?>", b"?>" + BOMB + b"\n")},
        {},
        "part 'ppt/presentation.xml' declares a document type (entities); Office files never do",
    ),
    "external-entity": (
        {LAYOUT: replace(b"?>", b'?><!DOCTYPE p [<!ENTITY x SYSTEM "file:///etc/passwd">]>')},
        {},
        "part 'ppt/slideLayouts/slideLayout2.xml' declares a document type",
    ),
    "no-master": (
        {"ppt/presentation.xml": substitute(rb"<p:sldMasterIdLst>.*?</p:sldMasterIdLst>", b"")},
        {},
        "has no slide master",
    ),
    "no-slide-size": ({"ppt/presentation.xml": substitute(rb"<p:sldSz [^>]*/>", b"")}, {}, "gives no slide size"),
    "float-offset": (
        {LAYOUT: substitute(rb'<a:off x="\d+"', b'<a:off x="4.5e5"')},
        {},
        "part 'ppt/slideLayouts/slideLayout2.xml' has off x='4.5e5'; expected a whole number",
    ),
    "word-index": ({LAYOUT: substitute(rb'idx="\d+"', b'idx="one"')}, {}, "has ph idx='one'; expected a whole number from 0"),
    "master-without-theme": (
        {MASTER_RELS: substitute(rb'<Relationship [^>]*relationships/theme"[^>]*/>', b"")},
        {},
        "slide master 'ppt/slideMasters/slideMaster1.xml' has no theme",
    ),
    "macros": ({}, {"ppt/vbaProject.bin": b"\x00" * 64}, "is a macro-enabled package; save it as a plain .pptx or .potx"),
    "truncated": ({}, {}, "is not a readable PowerPoint file"),
}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """Two courses on the same topic: one with the template under test, one with the default theme."""
    source = tmp_path / "source"
    shutil.copytree(TREATY.parent, source, ignore=shutil.ignore_patterns("courses"))
    (source / "themes").mkdir(exist_ok=True)
    (source / "themes" / "tmpl.yaml").write_text("slides:\n  template: ../tmpl.pptx\n", encoding="utf-8")
    courses = source / "courses"
    courses.mkdir()
    topic = f"../{TREATY.name}"
    (courses / "a.yaml").write_text(f"code: A\ntitle: A\ntheme: ../themes/tmpl.yaml\ntopics: [{topic}]\n", encoding="utf-8")
    (courses / "b.yaml").write_text(f"code: B\ntitle: B\ntopics: [{topic}]\n", encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text("", encoding="utf-8")
    return tmp_path


def hostile_template(project: Path, case: str) -> Path:
    good = make_template(project / "good.pptx")
    target = project / "source" / "tmpl.pptx"
    if case == "truncated":
        target.write_bytes(good.read_bytes()[:3_000])
        return target
    edits, added, _ = HOSTILE[case]
    return repacked(good, target, edits, added)


@pytest.mark.parametrize("case", HOSTILE)
def test_a_hostile_template_is_a_slides_template_error_and_the_other_course_builds(project: Path, case: str) -> None:
    template = hostile_template(project, case)
    out = project / "out"
    before = files_outside(project, out)
    started = time.perf_counter()
    status, stdout, err = run_cli(project / "source" / "courses", "--out", out, "--format", "pptx")
    assert files_outside(project, out) == before
    assert time.perf_counter() - started < HANG_GUARD_S
    assert status == 2, err
    assert "tmpl.yaml:2:3: slides.template: " in err, err
    assert HOSTILE[case][2] in err, err
    assert "Traceback" not in err + stdout
    assert (out / "b" / f"{TREATY.stem}.pptx").is_file()
    assert not (out / "a").exists() or not list((out / "a").glob("*.pptx"))

    status, stdout, err = run_cli("--check-template", template)
    assert status == 2
    assert HOSTILE[case][2] in err, err
    assert "Traceback" not in err + stdout


def test_links_out_of_the_package_are_dropped_with_a_warning(project: Path) -> None:
    rels = b"ppt/slideLayouts/_rels/slideLayout2.xml.rels"
    outside = (
        b'<Relationship Id="rId90" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" '
        b'Target="\\\\evil\\share\\x.png" TargetMode="External"/>'
        b'<Relationship Id="rId91" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" '
        b'Target="../../../../etc/passwd"/>'
        b'<Relationship Id="rId92" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" '
        b'Target="https://example.org/track" TargetMode="External"/></Relationships>'
    )
    good = make_template(project / "good.pptx")
    repacked(
        good,
        project / "source" / "tmpl.pptx",
        {
            rels.decode(): replace(b"</Relationships>", outside),
            LAYOUT: replace(b"<p:cSld", b'<p:cSld xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'),
        },
    )
    out = project / "out"
    status, _, err = run_cli(project / "source" / "courses" / "a.yaml", "--out", out, "--format", "pptx")
    assert status == 0, err
    assert "slides.template: warning: 'tmpl.pptx': dropped 3 links leaving the package: an external link to" in err, err
    for target in ("'\\\\evil\\share\\x.png'", "'../../../../etc/passwd'", "'https://example.org/track'"):
        assert target in err, err
    assert err.count("dropped") == 1, "one warning however many links"
    with zipfile.ZipFile(out / "a" / f"{TREATY.stem}.pptx") as deck:
        everything = b"".join(deck.read(name) for name in deck.namelist())
    assert b"evil" not in everything and b"etc/passwd" not in everything and b"example.org/track" not in everything
    assert run_cli(project / "source" / "courses" / "a.yaml", "--out", out, "--format", "pptx", "--strict", "--force")[0] == 2


def test_check_template_of_a_pipe_does_not_wait(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.pptx")
    started = time.perf_counter()
    status, _, err = run_cli("--check-template", tmp_path / "pipe.pptx")
    assert time.perf_counter() - started < HANG_GUARD_S
    assert status == 2
    assert "'pipe.pptx' is not a regular file" in err


def test_a_potx_is_checked_and_opened_as_a_presentation(tmp_path: Path) -> None:
    template = make_template(tmp_path / "t.potx", potx=True)
    assert read_template(template).layouts
    with zipfile.ZipFile(io.BytesIO(checked_package(template).data)) as package:
        assert b"presentation.main+xml" in package.read("[Content_Types].xml")


def test_the_ratio_bound_leaves_real_templates_alone() -> None:
    from guide.template import default_template_path

    with zipfile.ZipFile(default_template_path()) as archive:
        assert max(info.file_size / max(info.compress_size, 1) for info in archive.infolist()) < MAX_RATIO / 5


class Parts(dict[str, bytes]):
    """A template's parts by name, shown briefly when Hypothesis reports a failing example."""

    def __repr__(self) -> str:
        return f"<{len(self)} parts of a template>"


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Parts:
    path = make_template(tmp_path_factory.mktemp("pristine") / "t.pptx")
    with zipfile.ZipFile(path) as archive:
        return Parts({name: archive.read(name) for name in archive.namelist()})


def _mutated(parts: dict[str, bytes], name: str, position: int, chunk: bytes, cut: int) -> bytes:
    content = parts[name]
    at = position % (len(content) + 1)
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as archive:
        for part, data in parts.items():
            archive.writestr(part, data[:at] + chunk + data[at + cut :] if part == name else data)
    return output.getvalue()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    name=st.sampled_from(
        ["ppt/presentation.xml", LAYOUT, MASTER_RELS, "[Content_Types].xml", "ppt/slideMasters/slideMaster1.xml", "_rels/.rels"]
    ),
    position=st.integers(0, 20_000),
    chunk=st.one_of(
        st.binary(max_size=12),
        st.sampled_from([b'"4.5e5"', b"<!DOCTYPE x>", b'idx="-1"', b"</", b"<p:ph/>", b'x="99999999999999999999999"', b"&amp;", b"\x00"]),
    ),
    cut=st.integers(0, 40),
    zip_cut=st.one_of(st.none(), st.integers(0, 40_000)),
    zip_flip=st.one_of(st.none(), st.integers(0, 40_000)),
)
def test_a_mutated_template_reads_or_fails_cleanly(
    tmp_path: Path, pristine: Parts, name: str, position: int, chunk: bytes, cut: int, zip_cut: int | None, zip_flip: int | None
) -> None:
    data = _mutated(pristine, name, position, chunk, cut)
    if zip_flip is not None:  # a byte of the zip itself damaged: a header, a directory entry or compressed data
        at = zip_flip % len(data)
        data = data[:at] + bytes([data[at] ^ 0x5A]) + data[at + 1 :]
    path = tmp_path / "mutated.pptx"
    path.write_bytes(data if zip_cut is None else data[:zip_cut])
    try:
        template = read_template(path)
    except TemplateError as error:
        assert str(error)
        return
    assert template.width_pt > 0 and template.height_pt > 0


def test_a_member_that_inflates_beyond_its_declared_size_is_refused(tmp_path: Path) -> None:
    """The zip's directory is what is checked, and never more than it says is inflated."""
    good = make_template(tmp_path / "good.pptx")
    path = repacked(good, tmp_path / "lying.pptx", added={"ppt/media/big.bin": bytes(2_000_000)})
    data = bytearray(path.read_bytes())
    name = b"ppt/media/big.bin"
    with zipfile.ZipFile(path) as archive:
        local = archive.getinfo(name.decode()).header_offset
    central = next(at for at in range(len(data)) if data[at : at + 4] == b"PK\x01\x02" and data[at + 46 : at + 46 + len(name)] == name)
    # Claim a tiny size in both headers: the ratio passes, and inflating stops at what is claimed.
    for at, offset in ((local, 22), (central, 24)):
        data[at + offset : at + offset + 4] = (1_000).to_bytes(4, "little")
    path.write_bytes(bytes(data))
    with pytest.raises(PackageError):
        checked_package(path)
