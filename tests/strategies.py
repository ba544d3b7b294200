"""Hypothesis strategies for valid topics: any text in the scripts the bundled fonts cover."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from guide.model import (
    MAX_ANSWER_LINES,
    MAX_CREDIT_CHARS,
    MAX_EXCERPT_CHARS,
    MAX_ITEMS,
    MAX_KEY_POINT_CHARS,
    MAX_KEY_POINTS,
    MAX_OBJECTIVE_CHARS,
    MAX_POINTS,
)

LETTERS = (
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
    "ÀÁÂÄÅÆÇÈÉÊËÌÍÎÏÑÒÓÔÖØÙÚÛÜÝßàáâäåæçèéêëìíîïñòóôöøùúûüýÿŁłŒœŠšŽžĞğİı"
    "ΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩαβγδεζηθικλμνξοπρστυφχψωάέήίόύώ"
    "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдеёжзийклмнопрстуфхцчшщъыьэюяЄІЇҐєіїґ"
)
PUNCTUATION = ".,;:!?'()&<>–—“”«»%/"

word = st.text(alphabet=LETTERS, min_size=1, max_size=12)
long_word = st.text(alphabet=LETTERS, min_size=40, max_size=90)
piece = st.one_of(word, word, word, st.text(alphabet=PUNCTUATION, min_size=1, max_size=2), long_word)


@st.composite
def sentences(draw: st.DrawFn, min_words: int = 1, max_words: int = 30) -> str:
    """Words and punctuation joined by spaces; never empty after white space is folded."""
    return " ".join(draw(st.lists(piece, min_size=min_words, max_size=max_words)))


short = sentences(max_words=3)  # within MAX_LINE_CHARS even of long words
prose = sentences(max_words=25)
entry = sentences(max_words=10)  # within MAX_ENTRY_CHARS even of long words
name = sentences(max_words=1)  # within MAX_NAME_CHARS


def at_most(strategy: st.SearchStrategy[str], limit: int) -> st.SearchStrategy[str]:
    """Text cut to a key's bound; it still starts with a word, so it never folds to nothing."""
    return strategy.map(lambda text: text[:limit])


def optional_list(item: st.SearchStrategy[Any], max_size: int) -> st.SearchStrategy[list[Any]]:
    return st.lists(item, min_size=0, max_size=max_size)


points = st.integers(min_value=1, max_value=MAX_POINTS)


@st.composite
def choice_questions(draw: st.DrawFn) -> dict[str, Any]:
    """A multiple choice with at least one correct option, options as text or mappings."""
    options: list[Any] = draw(
        st.lists(st.one_of(entry, st.fixed_dictionaries({"text": entry}, optional={"feedback": entry})), min_size=1, max_size=7)
    )
    options.insert(draw(st.integers(0, len(options))), {"text": draw(entry), "correct": True})
    return {"type": "multiple_choice", "question": draw(entry), "options": options}


@st.composite
def cloze_questions(draw: st.DrawFn) -> dict[str, Any]:
    """A text with one to four blanks between runs of words."""
    parts = draw(st.lists(st.tuples(short, word), min_size=1, max_size=4))
    text = " ".join(f"{before} [[{answer}]]" for before, answer in parts)
    return {"type": "cloze", "text": text, "word_bank": draw(st.booleans())}


typed_questions = st.one_of(
    choice_questions(),
    st.fixed_dictionaries({"type": st.just("true_false"), "question": entry, "answer": st.booleans()}, optional={"feedback": entry}),
    st.fixed_dictionaries(
        {"type": st.just("matching"), "pairs": st.lists(st.fixed_dictionaries({"left": short, "right": entry}), min_size=2, max_size=6)},
        optional={"question": entry, "points": points},
    ),
    st.fixed_dictionaries({"type": st.just("ordering"), "items": st.lists(entry, min_size=2, max_size=6)}, optional={"points": points}),
    cloze_questions(),
)
"""Questions of every type but open, valid, as a user would write them."""


@st.composite
def topics(draw: st.DrawFn) -> dict[str, Any]:
    """A valid topic as the mapping a user would write."""
    topic: dict[str, Any] = {
        "title": draw(short),
        "summary": draw(prose),
        "key_facts": draw(
            st.lists(
                st.one_of(prose, st.fixed_dictionaries({"fact": prose}, optional={"detail": prose, "figure": word})),
                min_size=1,
                max_size=15,
            )
        ),
        "context": draw(
            st.one_of(prose, st.lists(st.one_of(prose, st.fixed_dictionaries({"text": prose, "slide": short})), min_size=1, max_size=5))
        ),
        "significance": draw(st.lists(prose, min_size=1, max_size=3)),
    }
    optional = {
        "subtitle": short,
        "place": short,
        "parties": st.lists(name, min_size=1, max_size=3),
        "date": st.sampled_from(["1926-04-24", "1926", "spring 1926"]),
        "timeline": optional_list(st.fixed_dictionaries({"date": st.sampled_from(["early on", "later"]), "event": entry}), 12),
        "people": optional_list(st.fixed_dictionaries({"name": short, "role": entry}, optional={"native_name": short}), 5),
        "glossary": optional_list(st.fixed_dictionaries({"term": short, "definition": entry}), 10),
        "objectives": optional_list(at_most(short, MAX_OBJECTIVE_CHARS), MAX_ITEMS["objectives"]),
        "questions": optional_list(
            st.one_of(
                st.fixed_dictionaries(
                    {"question": entry, "answer": prose},
                    optional={
                        "lines": st.integers(min_value=1, max_value=MAX_ANSWER_LINES),
                        "key_points": st.lists(at_most(short, MAX_KEY_POINT_CHARS), max_size=MAX_KEY_POINTS),
                    },
                ),
                typed_questions,
            ),
            8,
        ),
        "sources": optional_list(
            st.fixed_dictionaries({"citation": entry}, optional={"url": st.just("https://example.org/a?b=1&c=<2>")}), 4
        ),
    }
    for key, strategy in optional.items():
        if draw(st.booleans()):
            topic[key] = draw(strategy)
    if draw(st.booleans()):
        topic.setdefault("sources", []).append({"id": "primary", "citation": draw(short)})
        excerpt = st.fixed_dictionaries(
            {"text": at_most(prose, MAX_EXCERPT_CHARS), "source": st.just("primary"), "attribution": at_most(short, MAX_CREDIT_CHARS)},
            optional={"section": st.sampled_from(["context", "significance", "key_facts"])},
        )
        topic["excerpts"] = draw(st.lists(excerpt, min_size=1, max_size=4))
    return topic


colour = st.one_of(
    st.from_regex(r"#[0-9A-Fa-f]{3}", fullmatch=True),
    st.from_regex(r"#[0-9A-Fa-f]{6}", fullmatch=True),
    st.sampled_from(["navy", "red", "teal", "#12", "#GGGGGG", ""]),
    st.text(max_size=8),
)
theme_files = st.fixed_dictionaries(
    {},
    optional={
        "extends": st.sampled_from(["classic", "modern", "print", "nonesuch"]),
        "palette": st.dictionaries(st.from_regex(r"[a-z][a-z0-9-]{0,6}", fullmatch=True), colour, max_size=3),
        "colors": st.dictionaries(st.sampled_from(["primary", "accent", "text", "muted", "background", "tint", "bogus"]), colour),
        "fonts": st.dictionaries(
            st.sampled_from(["heading", "body", "mono"]),
            st.fixed_dictionaries({"family": st.sampled_from(["Carlito", "Arial", "Times New Roman", "Nope", ""])}),
        ),
        "page": st.fixed_dictionaries({}, optional={"size": st.sampled_from(["a4", "letter", "a5"]), "margin_mm": st.integers(0, 60)}),
        "labels": st.dictionaries(st.sampled_from(["key_facts", "page_of", "continued", "nope"]), st.text(max_size=20)),
        "fills": st.sampled_from([True, False, "maybe"]),
    },
)
"""Theme files as a user might write them, valid or not."""
