"""Sample topics made in code: a long one that must flow onto more pages."""

from __future__ import annotations

from typing import Any

WORDS = [
    "treaty",
    "neutrality",
    "border",
    "alliance",
    "league",
    "minister",
    "ambassador",
    "ratification",
    "protocol",
    "conference",
    "economy",
    "boycott",
    "security",
    "coalition",
    "agreement",
    "negotiation",
    "parliament",
    "republic",
    "frontier",
    "delegation",
]


def sentence(length: int, seed: int) -> str:
    words = [WORDS[(seed * 7 + index * 3) % len(WORDS)] for index in range(length)]
    return " ".join(words).capitalize() + "."


def paragraph(sentences: int, seed: int) -> str:
    return " ".join(sentence(12 + (seed + index) % 9, seed + index) for index in range(sentences))


def long_topic() -> dict[str, Any]:
    """15 key facts of 40 words, 6 long paragraphs, 14 timeline entries, 12 terms, 10 questions."""
    return {
        "title": "A very long topic that needs more than two pages to say everything it has to say",
        "subtitle": "Generated to test how the layout flows",
        "date": "1926",
        "place": "Berlin",
        "parties": ["Germany", "Soviet Union", "France", "United Kingdom"],
        "summary": paragraph(5, 1),
        "key_facts": [{"fact": sentence(40, seed), "detail": paragraph(2, seed)} for seed in range(15)],
        "context": [{"text": paragraph(7, seed), "slide": sentence(14, seed)} for seed in range(3)],
        "significance": [paragraph(7, seed + 10) for seed in range(3)],
        "timeline": [{"date": str(1920 + index), "event": sentence(6 + index % 12, index)} for index in range(14)],
        "people": [{"name": f"Person {index}", "role": sentence(10, index)} for index in range(5)],
        "glossary": [{"term": f"{WORDS[index].capitalize()} term", "definition": sentence(9 + index % 5, index)} for index in range(12)],
        "questions": [{"question": sentence(14, index) + "?", "answer": paragraph(2, index)} for index in range(10)],
        "sources": [{"citation": sentence(8, index), "url": f"https://example.org/source/{index}"} for index in range(4)],
    }
