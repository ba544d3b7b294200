"""``--watch``: build, then rebuild whatever a saved file changes, until interrupted.

The libraries are imported once, before the first build. Each build has a session of its
own, so nothing an earlier build read (registered fonts, opened templates) is served for a
changed file, and an error in a build is reported without ending the watch. Builds are
incremental, so a save rebuilds only the targets that depend on the file saved. The folders
watched are those named and those of every file the last build read (images, theme files, fonts, templates), never the output folder.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from guide.inputs import SOURCE_FOLDER, shown
from guide.manifest import MANIFEST_NAME, Manifest
from guide.options import BuildOptions
from guide.outputs import REGISTRY

if TYPE_CHECKING:
    from watchfiles import Change

PACKAGE = Path(__file__).resolve().parent


def watch(paths: Sequence[Path], options: BuildOptions, build_once: Callable[[], int], stdout: TextIO) -> int:
    """Build now and after every change; returns 0 when the user stops it with Ctrl-C."""
    import watchfiles

    _preload(options.outputs)
    try:
        _report_errors(build_once)
        while True:
            folders = watched_folders(paths, options)
            listed = ", ".join(shown(folder) for folder in folders)
            print(f"watching {listed} for changes (Ctrl-C to stop)", file=stdout, flush=True)
            for changes in watchfiles.watch(*folders, watch_filter=_relevant(options.out)):
                for path in sorted({Path(path) for _, path in changes}):
                    print(f"{'changed' if path.exists() else 'removed'}: {shown(path)}", file=stdout)
                _report_errors(build_once)
                if watched_folders(paths, options) != folders:
                    break  # the build now reads files elsewhere (a new logo, theme or image folder)
    except KeyboardInterrupt:
        print("stopped watching", file=stdout)
        return 0


def watched_folders(paths: Sequence[Path], options: BuildOptions) -> list[Path]:
    """The folders named (or source/) and those of every input the manifests record, none inside another."""
    named = [path if path.is_dir() else path.parent for path in (paths or [SOURCE_FOLDER])]
    folders = {path.resolve() for path in named}
    folders |= {Path(file).parent for file in _recorded_inputs(options.out)}
    folders = {folder for folder in folders if folder.is_dir() and not folder.is_relative_to(PACKAGE)}
    return sorted(folder for folder in folders if not any(folder != other and folder.is_relative_to(other) for other in folders))


def _recorded_inputs(out: Path) -> Iterable[str]:
    for manifest_file in [out / MANIFEST_NAME, *out.glob(f"*/{MANIFEST_NAME}")]:
        yield from Manifest.read(manifest_file.parent).input_files()


def _relevant(out: Path) -> Callable[[Change, str], bool]:
    """Changes that may matter: not in the output folder, not hidden files, editor swap files or backups."""
    import watchfiles

    default = watchfiles.DefaultFilter(ignore_paths=[str(out.resolve())])
    return lambda change, path: default(change, path) and not Path(path).name.startswith(".")


def _preload(outputs: Sequence[str] | None) -> None:
    """Import the renderers the builds will need, once, so that no rebuild pays for a library again."""
    for output in REGISTRY:
        if output.name in (outputs or REGISTRY.defaults()):
            output.renderer()


def _report_errors(build_once: Callable[[], int]) -> None:
    """Run one build; a failure of the tool itself is shown, and the watch goes on."""
    try:
        build_once()
    except Exception:
        traceback.print_exc()
