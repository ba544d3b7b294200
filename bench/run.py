"""Benchmark: import floor, cold build, batch at --jobs 1 and 2, no-op and one-change rebuilds, memory.

Run from the repository root after installing: ``python bench/run.py [--topics N]``. Every
figure is a wall time of the real command line in a fresh process, the median of a few runs
where a run is short, reported beside the library import floor as a ratio.

Both sides run as on a user's machine: with Python's bytecode cache. The libraries were
compiled when pip installed them; the tool compiles itself on its first run, so one untimed
run comes first, and ``PYTHONDONTWRITEBYTECODE`` (set by some shells and CI images) is not
passed on, else every run would compile the tool's modules again while the floor never does.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
IMPORT_FLOOR = [sys.executable, "-c", "import yaml, reportlab.platypus, pptx"]
ENVIRONMENT = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
TOPIC = """\
title: Synthetic topic {number}
subtitle: A made-up event for measuring
date: 1926-04-{day:02d}
place: Berlin
parties: [Germany, Soviet Union]
summary: >
  Topic {number} stands for a typical lesson summary: a paragraph of prose with **bold**
  and *italic* words, long enough to fill the "At a glance" box on a sheet and a slide.
key_facts:
  - Signed in **Berlin** on {day} April 1926 by two powers.
  - Each side promised neutrality if the other was attacked by a third power.
  - Neither side would join an economic boycott of the other.
  - The treaty built on an earlier agreement of 1922.
  - It ran for five years and was extended in 1931.
context:
  - text: >
      After the war, two outsiders of European politics had made peace with each other.
      Both wanted to keep that peace while each followed its own path.
    slide: Two outsiders had made peace.
  - >
    A new agreement in the west worried the east; this treaty answered the worry with a
    promise of neutrality that reassured both sides.
significance: It showed that a state could draw closer to the west while staying on good terms with the east.
timeline:
  - {{date: 1922-04-16, event: An earlier treaty is signed.}}
  - {{date: 1925-12-01, event: Western treaties are signed.}}
  - {{date: 1926-04-{day:02d}, event: This treaty is signed.}}
  - {{date: 1931-06-24, event: A protocol extends it.}}
glossary:
  - {{term: Neutrality, definition: Staying out of a war between other states.}}
  - {{term: Ratification, definition: Formal approval of a signed treaty.}}
  - {{term: Boycott, definition: Refusing to trade with a country.}}
questions:
  - {{question: "What did the two sides promise?", answer: Neutrality and no boycotts.}}
  - {{question: "Why did the east worry?", answer: It feared a western bloc.}}
  - {{question: "How long did it run?", answer: "Five years, then extended."}}
sources:
  - {{citation: A textbook of modern history., url: "https://example.org/history"}}
"""


def seconds(command: list[str], cwd: Path) -> float:
    started = time.perf_counter()
    subprocess.run(command, cwd=cwd, env=ENVIRONMENT, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def median_seconds(command: list[str], cwd: Path, runs: int = 7) -> float:
    return statistics.median(seconds(command, cwd) for _ in range(runs))


def interleaved_medians(commands: dict[str, list[str]], cwd: Path, rounds: int = 9) -> dict[str, float]:
    """The median time of each command, run in turn round after round: a machine that slows
    down or speeds up while the benchmark runs then weighs on every command alike, so their
    ratios hold."""
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(rounds):
        for name, command in commands.items():
            times[name].append(seconds(command, cwd))
    return {name: statistics.median(runs) for name, runs in times.items()}


def build(source: Path, out: Path, *options: str) -> list[str]:
    return [sys.executable, str(ROOT / "make_materials.py"), str(source), "--out", str(out), "-q", *options]


def main() -> None:
    arguments = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    arguments.add_argument("--topics", type=int, default=1000, help="how many synthetic topics (default 1000)")
    count = arguments.parse_args().topics
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        (work / "pyproject.toml").write_text("", encoding="utf-8")
        source, single = work / "source", work / "single"
        source.mkdir()
        single.mkdir()
        for number in range(count):
            (source / f"topic-{number:04d}.yaml").write_text(TOPIC.format(number=number, day=1 + number % 28), encoding="utf-8")
        (single / "topic.yaml").write_text(TOPIC.format(number=0, day=1), encoding="utf-8")

        seconds(build(single, work / "warm-up", "--force"), work)  # writes the tool's bytecode cache, untimed
        short = {"floor": IMPORT_FLOOR, **{str(jobs): build(single, work / "cold", "--force", "--jobs", str(jobs)) for jobs in (1, 2)}}
        medians = interleaved_medians(short, work)
        floor, cold = medians["floor"], {jobs: medians[str(jobs)] for jobs in (1, 2)}
        batch = {jobs: seconds(build(source, work / f"out-{jobs}", "--jobs", str(jobs)), work) for jobs in (1, 2)}
        noop = median_seconds(build(source, work / "out-2", "--jobs", "2"), work)
        changed = source / "topic-0000.yaml"
        changed.write_text(changed.read_text(encoding="utf-8").replace("Synthetic topic 0", "Synthetic topic zero"), encoding="utf-8")
        one = seconds(build(source, work / "out-2", "--jobs", "2"), work)
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024

    print(f"{count} synthetic topics (study sheet, answer key and deck each), {Path('/proc/cpuinfo').read_text().count('processor')} CPUs")
    print(f"  import floor (yaml, reportlab.platypus, pptx)   {floor * 1000:7.0f} ms")
    for jobs, total in cold.items():
        print(f"  cold single-topic build, --jobs {jobs}              {total * 1000:7.0f} ms   {total / floor:4.2f} x floor")
    for jobs, total in batch.items():
        print(f"  batch, --jobs {jobs}                                {total:7.1f} s    {total / count * 1000:5.1f} ms per topic")
    print(f"  no-op rebuild (all up to date)                  {noop * 1000:7.0f} ms")
    print(f"  rebuild after one topic changed                 {one * 1000:7.0f} ms")
    print(f"  peak memory of any one process                  {peak_mb:7.0f} MB")


if __name__ == "__main__":
    main()
