"""The command line: arguments -> build(); exit statuses and messages as the contract says."""

from __future__ import annotations

import argparse
import gc
import json
import os
import sys
import time
from collections.abc import Sequence
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from typing import TextIO

from guide import __version__
from guide.errors import escaped
from guide.options import BuildOptions
from guide.outputs import REGISTRY, UnknownOutputError
from guide.report import BuildReport, Progress
from guide.theme import HANDOUT_LAYOUTS, MAX_SEED
from guide.uptodate import up_to_date

EXIT_USAGE = 2
EXIT_INTERRUPTED = 130
"""128 + SIGINT, as shells report a command that Ctrl-C stopped."""


def parser() -> argparse.ArgumentParser:
    arguments = argparse.ArgumentParser(
        prog="make_materials.py",
        description="Turn lesson topic summaries (YAML) into a printable PDF study sheet, an answer key and a slide deck.",
    )
    arguments.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help="topic or course files, or folders of them (default: source/ and source/courses/)",
    )
    arguments.add_argument("--out", type=Path, default=Path("output"), metavar="DIR", help="where outputs go (default: output/)")
    arguments.add_argument("--theme", metavar="NAME|FILE", help="a built-in theme or a theme file, over every course's own")
    arguments.add_argument(
        "--outputs",
        metavar="NAME,...",
        help="the outputs to build, by name (--list-outputs); default: the course's or theme's choice, else "
        + ",".join(REGISTRY.defaults()),
    )
    arguments.add_argument(
        "--format", choices=("pdf", "pptx", "all"), help="shorthand for --outputs: the default outputs that are PDF, PowerPoint, or all"
    )
    arguments.add_argument("--list-outputs", action="store_true", help="print every output: name, file, what it is; and exit")
    arguments.add_argument("--page-size", choices=("a4", "letter"), help="paper size of the PDFs (default: the theme's, A4)")
    arguments.add_argument(
        "--handout",
        choices=HANDOUT_LAYOUTS,
        help="the handout's layout: slides readable beside ruled lines, speaker notes under one, or n a page (default: lines)",
    )
    arguments.add_argument("--aspect", choices=("16:9", "4:3"), help="shape of the slides (default: the theme's, 16:9)")
    arguments.add_argument(
        "--seed",
        type=_quiz_version,
        metavar="N",
        help="the quiz version: another number shuffles options, columns and items, its key alike (default: the theme's, 0)",
    )
    arguments.add_argument("--check", action="store_true", help="validate only, write nothing; list accessibility warnings")
    arguments.add_argument(
        "--jobs", type=_positive, default=os.cpu_count() or 1, metavar="N", help="worker processes (default: the number of CPUs)"
    )
    arguments.add_argument(
        "--watch", action="store_true", help="build, then rebuild what changes whenever an input is saved (Ctrl-C stops)"
    )
    arguments.add_argument("--force", action="store_true", help="rebuild every target, even those that are up to date")
    arguments.add_argument("--strict", action="store_true", help="treat warnings (poor colour contrast, accessibility) as errors")
    arguments.add_argument("--list-themes", action="store_true", help="print the built-in themes and exit")
    arguments.add_argument(
        "--check-template", type=Path, metavar="FILE", help="print a .pptx/.potx template's layouts, placeholders and slide roles, and exit"
    )
    arguments.add_argument("--schema", action="store_true", help="print the JSON Schema of the topic format and exit")
    arguments.add_argument("--theme-schema", action="store_true", help="print the JSON Schema of the theme format and exit")
    arguments.add_argument("-q", "--quiet", action="store_true", help="print errors only")
    arguments.add_argument("-v", "--verbose", action="store_true", help="list every file written; tracebacks for render failures")
    arguments.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return arguments


def _quiz_version(text: str) -> int:
    if not text.isdigit() or int(text) > MAX_SEED:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number from 0 to {MAX_SEED:,}")
    return int(text)


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def main(argv: Sequence[str] | None = None, stdout: TextIO | None = None, stderr: TextIO | None = None, own_process: bool = False) -> int:
    """Run the command line; returns the exit status instead of exiting, so tests can call it.

    ``own_process`` says the process is the command line's alone (the console script's) and ends
    with its one build, so what it imports may be frozen out of garbage collection.
    """
    stdout = stdout or sys.stdout
    stderr = stderr or sys.stderr
    try:
        options = parser().parse_args(argv)
    except SystemExit as exit_request:
        return int(exit_request.code or 0)
    if options.schema:
        from guide.schema import topic_schema

        print(json.dumps(topic_schema(), indent=2, ensure_ascii=False), file=stdout)
        return 0
    if options.theme_schema:
        from guide.schema import theme_schema

        print(json.dumps(theme_schema(), indent=2, ensure_ascii=False), file=stdout)
        return 0
    if options.list_themes:
        from guide.load import theme_descriptions

        for name, description in theme_descriptions():
            print(f"{name:<10} {description}", file=stdout)
        return 0
    if options.list_outputs:
        name_width = max(len(name) for name in REGISTRY.names()) + 1
        file_width = max(len(output.file_name("<id>")) for output in REGISTRY) + 1
        for output in REGISTRY:
            chosen = "" if output.default else " (on request)"
            print(f"{output.name:<{name_width}} {output.file_name('<id>'):<{file_width}} {output.description}{chosen}", file=stdout)
        return 0
    if options.check_template:
        return _check_template(options.check_template, stdout, stderr)
    try:
        outputs = _outputs(options)
    except UnknownOutputError as error:
        print(f"--outputs: {error}", file=stderr)
        return EXIT_USAGE
    missing = [path for path in options.paths if not path.exists()]
    if missing:
        for path in missing:
            print(escaped(f"{path}: no such file or folder"), file=stderr)
        return EXIT_USAGE
    build_options = BuildOptions(
        out=options.out,
        outputs=outputs,
        theme=options.theme,
        page_size=options.page_size,
        slide_aspect=options.aspect,
        quiz_seed=options.seed,
        handout=options.handout,
        check_only=options.check,
        strict=options.strict,
        jobs=options.jobs,
        force=options.force,
    )
    if options.watch:
        from guide.watch import watch

        return watch(options.paths, build_options, lambda: _build(options, build_options, stdout, stderr), stdout)
    return _build(options, build_options, stdout, stderr, own_process)


def _outputs(options: argparse.Namespace) -> tuple[str, ...] | None:
    """The outputs the command line chooses, None when it leaves the choice to courses and themes."""
    if options.outputs is not None:
        return REGISTRY.chosen(name.strip() for name in options.outputs.split(",") if name.strip())
    if options.format is not None:
        return REGISTRY.of_format(options.format)
    return None


def _build(options: argparse.Namespace, build_options: BuildOptions, stdout: TextIO, stderr: TextIO, own_process: bool = False) -> int:
    """One build and its report; the exit status."""
    started = time.perf_counter()
    report = up_to_date(options.paths, build_options)
    if report is None:
        from guide.workers import Workers

        with Workers(build_options.jobs) as workers:
            lone = workers.prepare(options.paths, build_options)  # its worker imports its renderers as this imports the parser
            if own_process and lone:
                # A lone topic's build allocates a few megabytes, most in reference cycles that only the
                # collector frees, and its collections walked the libraries' objects again and again:
                # some 40 ms of a build of 0.3 s. Without them it takes 3 MB more, and the process ends.
                gc.disable()
            from guide.builder import build  # the parser, the content model and the renderers: only when there is work

            if own_process:  # what it has imported lives until it exits: frozen, no full collection walks it again
                gc.freeze()  # (one took some 15 ms of a single topic's build)
            with _progress(options, stderr) as progress:
                report = build(options.paths, build_options, progress, workers)
    _print_report(report, options, stdout, stderr, time.perf_counter() - started)
    return report.exit_status


def _progress(options: argparse.Namespace, stderr: TextIO) -> AbstractContextManager[Progress]:
    """A bar on a terminal; nothing when output is piped or logged, or with -q."""
    if options.quiet or not stderr.isatty():
        return nullcontext(Progress())
    from guide.progress import ProgressBar

    return ProgressBar(stderr, "checking" if options.check else "building")


def _check_template(path: Path, stdout: TextIO, stderr: TextIO) -> int:
    """Print what a template offers; exit status 2 when it cannot serve a deck."""
    from guide.template import TemplateError, read_template
    from guide.template_description import describe_template

    try:
        print(describe_template(path), file=stdout, end="")
    except TemplateError as error:
        print(escaped(f"{path}: {error}"), file=stderr)
        return EXIT_USAGE
    return EXIT_USAGE if read_template(path).errors else 0


def _print_report(report: BuildReport, options: argparse.Namespace, stdout: TextIO, stderr: TextIO, seconds: float) -> None:
    for problem in (*report.usage, *report.warnings):
        print(problem, file=stderr)
    if report.usage:
        return
    for result in report.results:
        for problem in (*result.problems, *(result.warnings if options.check else ())):
            print(problem, file=stderr)
        if result.failure:
            print(escaped(f"{result.source}: {result.failure}"), file=stderr)
            if options.verbose and result.failure_detail:
                print(result.failure_detail, file=stderr)
        if options.verbose:
            for path in result.written:
                print(escaped(f"wrote {path}"), file=stdout)
    if not options.check:
        _print_accessibility_summary(report, stderr)
    if options.quiet:
        return
    invalid = sum(1 for result in report.results if result.problems)
    failed = sum(1 for result in report.results if result.failure)
    current = sum(1 for result in report.results if result.up_to_date)
    good = len(report.results) - invalid - failed - current
    verb = "checked" if options.check else "built"
    files = sum(len(result.written) for result in report.results)
    summary = f"{verb} {good} of {len(report.results)} topic{'s' if len(report.results) != 1 else ''}"
    if not options.check:
        summary += f" ({files} file{'s' if files != 1 else ''} in {options.out})"
    if current:
        summary += f"; {current} up to date"
    if invalid:
        summary += f"; {invalid} invalid"
    if failed:
        summary += f"; {failed} failed to render"
    print(escaped(f"{summary}; {seconds:.2f} s"), file=stderr if invalid or failed else stdout)
    _print_recap(report, stderr)


def _print_accessibility_summary(report: BuildReport, stderr: TextIO) -> None:
    """A build's accessibility warnings as one line: ``--check`` lists them, each at its line."""
    warned = [result for result in report.results if result.warnings]
    if not warned:
        return
    count = sum(len(result.warnings) for result in warned)
    topics = f"{len(warned)} topic{'s' if len(warned) != 1 else ''}"
    warnings = f"{count} warning{'s' if count != 1 else ''}"
    print(f"accessibility: {warnings} in {topics}; --check lists them, --strict makes them errors", file=stderr)


def _print_recap(report: BuildReport, stderr: TextIO) -> None:
    """After a long batch, what was not built and why, one line each, where the eye lands last."""
    unbuilt = [result for result in report.results if result.problems or result.failure]
    if len(report.results) < 2 or not unbuilt:
        return
    print("not built:", file=stderr)
    for result in unbuilt:
        count = len(result.problems)
        why = result.failure or f"{count} problem{'s' if count != 1 else ''} (above)"
        print(escaped(f"  {result.source}: {why}"), file=stderr)


def main_exit() -> None:
    """Entry point of the ``make-materials`` console script and of make_materials.py.

    Ctrl-C ends the build with one line and the shell's status for an interrupt: the files
    already renamed into place are whole, the temporaries of those in flight are removed, and
    the worker processes end with the build.
    """
    try:
        status = main(own_process=True)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        status = EXIT_INTERRUPTED
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except OSError:  # a reader that went away (``| head``): the interpreter's own exit reports it
        sys.exit(status)
    # Everything is written, and the workers have ended. Tearing the interpreter down (every
    # module and object of two libraries freed one by one) took some 40 ms; the system frees
    # the process's memory at once. No exit handler is skipped that matters here: Pillow's
    # cache, logging (unused) and multiprocessing's, whose workers the build has ended.
    os._exit(status)
