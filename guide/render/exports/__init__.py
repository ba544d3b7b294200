"""Exports of a topic's review material to other programs: Anki, flashcard sites, Moodle, Canvas.

Each module here is one output's renderer and imports its library only when that output is
built. They read what every topic has (key terms, key facts, open questions) and write it in
the form each program imports, with identifiers derived from the topic, so a re-import after
an edit updates what the program already holds instead of adding it again.
"""
