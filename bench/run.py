"""Benchmark on realistic topics, beside a plain reportlab + python-pptx baseline: cold build, batches, rebuilds, memory.

Run from the repository root after installing: ``python bench/run.py [--topics N]``. It makes N
synthetic topics as large as the real treaty topic, each with words and a picture of its own
(bench/synthetic.py), and N copies of the treaty topic itself. Every figure is the real
command line in a fresh process, timed beside what it is compared with: the import floor of
the libraries, and bench/baseline.py, a plain script that renders the same topics with the same
libraries and nothing else. Each command runs in turn with the others, round after round, and
is reported by its median, so a machine that slows down or speeds up while the benchmark runs
weighs on both sides of a ratio alike. CPU time (the process and its workers) is shown beside
wall time: on a shared machine it is the steadier of the two.

Both sides run as on a user's machine: with Python's bytecode cache. The libraries were
compiled when pip installed them; the tool compiles its modules on its first run, which the
median of the rounds leaves out, and ``PYTHONDONTWRITEBYTECODE`` (set by some shells and CI
images) is not passed on. (The baseline is one script, which Python compiles on every run,
as it does the tool's own make_materials.py.)
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from synthetic import write_topics

ROOT = Path(__file__).resolve().parent.parent
TREATY = ROOT / "source" / "treaty-of-berlin-1926.yaml"
IMPORT_FLOOR = [sys.executable, "-c", "import yaml, reportlab.platypus, pptx"]
ENVIRONMENT = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}


@dataclass(frozen=True)
class Run:
    """One command's wall time, the CPU time of it and its workers, and the largest memory of any of them."""

    seconds: float
    cpu_seconds: float
    peak_mb: float


def run(command: list[str], cwd: Path) -> Run:
    """Run ``command`` to its end; the kernel reports its workers' CPU time and peak memory with its own once it has reaped them."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=ENVIRONMENT, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise subprocess.CalledProcessError(process.returncode, command)
    return Run(elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


def median(runs: list[Run]) -> Run:
    return Run(
        statistics.median(one.seconds for one in runs), statistics.median(one.cpu_seconds for one in runs), max(one.peak_mb for one in runs)
    )


def in_turn(commands: dict[str, Callable[[Path], list[str]]], work: Path, rounds: int, fresh: bool = False) -> dict[str, Run]:
    """Each command's median run, the commands run one after the other, round after round.

    Each command writes into a folder of its own, ``work/out/<name>``, emptied before each run when ``fresh``.
    """
    runs: dict[str, list[Run]] = {name: [] for name in commands}
    for _ in range(rounds):
        for name, command in commands.items():
            out = output_folder(work, name)
            if fresh:
                shutil.rmtree(out, ignore_errors=True)
            runs[name].append(run(command(out), work))
    return {name: median(taken) for name, taken in runs.items()}


def output_folder(work: Path, name: str) -> Path:
    return work / "out" / name.replace(" ", "-")


def ours(sources: Path, out: Path, *options: str) -> list[str]:
    return [sys.executable, str(ROOT / "make_materials.py"), str(sources), "--out", str(out), "-q", *options]


def baseline(sources: Path, out: Path, jobs: int) -> list[str]:
    files = sorted(str(path) for path in sources.glob("*.yaml")) if sources.is_dir() else [str(sources)]
    return [sys.executable, str(ROOT / "bench" / "baseline.py"), *files, "--out", str(out), "--jobs", str(jobs)]


def copies_of_the_treaty(folder: Path, count: int) -> Path:
    shutil.copytree(TREATY.parent / "images", folder / "images")
    text = TREATY.read_text(encoding="utf-8")
    for number in range(count):
        (folder / f"treaty-{number:04d}.yaml").write_text(text, encoding="utf-8")
    return folder


def main() -> None:
    arguments = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    arguments.add_argument("--topics", type=int, default=1000, help="how many topics in a batch (default 1000)")
    arguments.add_argument("--rounds", type=int, default=9, help="rounds of the single-topic builds and the floor (default 9)")
    arguments.add_argument("--batch-rounds", type=int, default=2, help="rounds of the batches (default 2)")
    options = arguments.parse_args()
    count, quarter = options.topics, max(1, options.topics // 4)
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        (work / "pyproject.toml").write_text("", encoding="utf-8")
        synthetic, single = work / "synthetic", work / "single"
        write_topics(synthetic, count)
        write_topics(single, 1)
        treaty = copies_of_the_treaty(work / "treaty", count)
        treaty_quarter = copies_of_the_treaty(work / "treaty-quarter", quarter)
        cold = in_turn(
            {
                "floor": lambda out: IMPORT_FLOOR,
                "ours 1": lambda out: ours(single, out, "--force", "--jobs", "1"),
                "ours 2": lambda out: ours(single, out, "--force", "--jobs", "2"),
                "baseline": lambda out: baseline(single, out, 1),
            },
            work,
            options.rounds,
        )
        batches = in_turn(
            {
                "ours synthetic 1": lambda out: ours(synthetic, out, "--jobs", "1"),
                "baseline synthetic 1": lambda out: baseline(synthetic, out, 1),
                "ours synthetic 2": lambda out: ours(synthetic, out, "--jobs", "2"),
                "baseline synthetic 2": lambda out: baseline(synthetic, out, 2),
                "ours treaty 2": lambda out: ours(treaty, out, "--jobs", "2"),
                "baseline treaty 2": lambda out: baseline(treaty, out, 2),
                "ours treaty quarter 2": lambda out: ours(treaty_quarter, out, "--jobs", "2"),
                "ours synthetic sheet 1": lambda out: ours(synthetic, out, "--jobs", "1", "--outputs", "sheet"),
                "ours synthetic handout 1": lambda out: ours(synthetic, out, "--jobs", "1", "--outputs", "handout"),
            },
            work,
            options.batch_rounds,
            fresh=True,
        )
        built = output_folder(work, "ours synthetic 2")  # the last batch's outputs, which the rebuilds start from
        noop = in_turn({"noop": lambda out: ours(synthetic, built, "--jobs", "2")}, work, options.rounds)["noop"]
        changed = next(synthetic.glob("*.yaml"))
        changed.write_text(changed.read_text(encoding="utf-8").replace("title: The ", "title: A "), encoding="utf-8")
        one = run(ours(synthetic, built, "--jobs", "2"), work)

    report(count, quarter, cold, batches, noop, one)


def line(label: str, figure: str, note: str = "") -> None:
    print(f"  {label:<52} {figure:>14}  {note}".rstrip())


def report(count: int, quarter: int, cold: dict[str, Run], batches: dict[str, Run], noop: Run, one: Run) -> None:
    print(f"{count} realistic synthetic topics, {count} copies of the treaty topic; the default outputs of each; {os.cpu_count()} CPUs")
    floor = cold["floor"].seconds
    line("import floor (yaml, reportlab.platypus, pptx)", f"{floor * 1000:.0f} ms")
    for name, label in (
        ("ours 1", "cold single-topic build, --jobs 1"),
        ("ours 2", "cold single-topic build, --jobs 2"),
        ("baseline", "baseline cold single topic"),
    ):
        line(label, f"{cold[name].seconds * 1000:.0f} ms", f"{cold[name].seconds / floor:.2f} x floor")
    for label, name, jobs in (
        ("batch of synthetic topics, --jobs 1", "synthetic", 1),
        ("batch of synthetic topics, --jobs 2", "synthetic", 2),
        ("batch of treaty copies, --jobs 2", "treaty", 2),
    ):
        tool, plain = batches[f"ours {name} {jobs}"], batches[f"baseline {name} {jobs}"]
        line(
            label,
            f"{tool.seconds / count * 1000:.1f} ms/topic",
            f"{tool.seconds / plain.seconds:.2f} x baseline ({plain.seconds / count * 1000:.1f} ms);"
            f" CPU {tool.cpu_seconds / count * 1000:.1f} ms/topic, baseline {plain.cpu_seconds / count * 1000:.1f} ms",
        )
    sheet, handout = batches["ours synthetic sheet 1"], batches["ours synthetic handout 1"]
    line(
        "handout (lines) of synthetic topics, --jobs 1",
        f"{handout.seconds / count * 1000:.1f} ms/topic",
        f"{handout.seconds / sheet.seconds:.2f} x the study sheet alone ({sheet.seconds / count * 1000:.1f} ms/topic)",
    )
    line(f"no-op rebuild ({count} topics up to date)", f"{noop.seconds * 1000:.0f} ms")
    line("rebuild after one topic changed", f"{one.seconds * 1000:.0f} ms")
    base_peak = max(taken.peak_mb for name, taken in batches.items() if name.startswith("baseline"))
    line(
        "peak memory of any one process, treaty copies",
        f"{batches['ours treaty 2'].peak_mb:.0f} MB",
        f"for {count}; {batches['ours treaty quarter 2'].peak_mb:.0f} MB for {quarter}; baseline {base_peak:.0f} MB",
    )
    synthetic_peak = max(batches[f"ours synthetic {jobs}"].peak_mb for jobs in (1, 2))
    line("peak memory of any one process, synthetic topics", f"{synthetic_peak:.0f} MB")


if __name__ == "__main__":
    main()
