"""Whether a whole build has nothing to do, decided from the manifests alone.

An author saves one file and rebuilds; a department rebuilds a thousand unchanged topics.
Both should cost little more than starting Python. This check hashes input files and
compares them with the manifests, and imports neither the YAML parser, the content model
nor any renderer; when anything is out of date it answers None and the full build runs.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from guide.inputs import course_topic_files, find_inputs, shown
from guide.manifest import Digests, Manifests
from guide.options import BuildOptions
from guide.report import BuildReport, TopicResult


def up_to_date(paths: Sequence[Path], options: BuildOptions) -> BuildReport | None:
    """A report listing every topic as up to date, or None when something must be built, checked or reported."""
    if options.force or options.check_only:
        return None
    manifests, digests = Manifests(), Digests()
    report = BuildReport()
    ids: dict[Path, set[str]] = {}
    for path in find_inputs(paths):
        course = manifests[options.out].course(path)
        if course is None:
            topics, folder = [(path, str(path))], options.out
        elif course.get("digest") == digests(path) and isinstance(course.get("folder"), str):
            found = _course_topics(course.get("patterns"), path)
            if found is None:
                return None
            topics, folder = [(topic, shown(topic)) for topic in found], options.out / course["folder"]
        else:
            return None
        for topic, source in topics:
            topic_id = manifests[folder].current_topic(topic, options.outputs, options.settings_of, digests)
            if topic_id is None or topic_id in ids.setdefault(folder, set()):
                return None
            ids[folder].add(topic_id)
            report.results.append(TopicResult(source, up_to_date=True))
    return report


def _course_topics(patterns: object, course_file: Path) -> list[Path] | None:
    """The topic files a course's recorded patterns match now, or None if any pattern would be a problem."""
    if not (isinstance(patterns, list) and all(isinstance(pattern, str) for pattern in patterns)):
        return None
    found, refused = course_topic_files(patterns, course_file)
    return None if refused else found
