"""Synthetic topics as large as the real treaty topic, each with its own words and its own picture.

Every section is filled as source/treaty-of-berlin-1926.yaml fills it (4 objectives; 6 key
facts, 3 of them with details, 2 with a figure; 3 context and 2 significance paragraphs of
about 60 words with their slide versions; 8 timeline entries; 2 people, one with a Cyrillic
name; 6 terms; 5 questions, 3 with a number of answer lines; 4 excerpts; 2 sources; a
picture with its alt text, caption and credit; speaker notes). The words are made up
from syllables, seeded by the topic's number, between common English words in about the
proportion of real prose: no two topics share their sentences, so nothing measured, laid
out or compressed for one topic can be reused for the next, as with real topics.
"""

from __future__ import annotations

import itertools
import random
from pathlib import Path
from typing import Any

import yaml
from PIL import Image, ImageDraw


def _listed(words: str) -> tuple[str, ...]:
    return tuple(words.split())


COMMON = _listed(
    "the of and to in a that was for on with as by it its from at which were not his their this had "
    "be an after they would both each other between more over into who one two but all"
)
SYLLABLES = _listed(
    "ba be bi bo bu da de di do du ka ke ki ko ku la le li lo lu ma me mi mo mu na ne ni no nu ra re ri ro ru "
    "sa se si so su ta te ti to tu va ve vi vo vu za ze zi zo zu ber lin mar ton sch gra vel dor pen"
)
CYRILLIC = _listed("ба бе ви го да ев жи зо ки ло ми но пе ро си ту фе ха це чу ша щи юр як")
ACCENTED = _listed("é è ü ö ä ç ñ å ø")
PICTURE_SIZE = (760, 520)
"""The treaty's picture is this size: a diagram with a few labelled boxes."""


class Writer:
    """Made-up prose from one topic's random stream."""

    def __init__(self, number: int) -> None:
        self.random = random.Random(number)

    def word(self) -> str:
        made = "".join(self.random.choice(SYLLABLES) for _ in range(self.random.choice((1, 2, 2, 3, 3, 4))))
        if self.random.random() < 0.01:
            made += self.random.choice(ACCENTED)
        return made

    def name(self) -> str:
        return self.word().capitalize()

    def words(self, low: int, high: int) -> str:
        count = self.random.randint(low, high)
        chosen = [self.random.choice(COMMON) if self.random.random() < 0.45 else self.word() for _ in range(count)]
        chosen[0] = chosen[0].capitalize()
        if count > 4 and self.random.random() < 0.5:
            index = self.random.randrange(1, count - 1)
            chosen[index] = f"**{chosen[index]}**" if self.random.random() < 0.5 else f"*{chosen[index]}*"
        return " ".join(chosen)

    def sentence(self, low: int, high: int) -> str:
        return self.words(low, high) + "."

    def prose(self, low: int, high: int) -> str:
        """Sentences of 8 to 20 words, about ``low`` to ``high`` words in all."""
        target, sentences, written = self.random.randint(low, high), [], 0
        while written < target:
            length = min(self.random.randint(8, 20), max(4, target - written))
            sentences.append(self.sentence(length, length))
            written += length
        return " ".join(sentences)

    def date(self, year: int) -> str:
        return f"{year}-{self.random.randint(1, 12):02d}-{self.random.randint(1, 28):02d}"


def topic(number: int, picture: str) -> dict[str, Any]:
    """Topic ``number``, as the mapping a user would write; ``picture`` is its image, relative to the file."""
    write = Writer(number)
    year = write.random.randint(1800, 1980)
    places = [write.name() for _ in range(3)]
    return {
        "title": f"The {write.name()} {write.word()} of {places[0]} ({year})",
        "subtitle": write.words(6, 9),
        "date": write.date(year),
        "place": places[0],
        "parties": places[1:],
        "author": "History Department",
        "language": "en",
        "summary": write.prose(65, 75),
        "objectives": [write.sentence(8, 14) for _ in range(4)],
        "key_facts": [
            {"fact": write.sentence(13, 19), "sources": [write.random.choice(("a", "b"))]}
            | ({"detail": write.prose(17, 31)} if index % 2 else {})
            | ({"figure": f"{write.random.randint(2, 99)} {write.word()}"} if index in (0, 5) else {})
            for index in range(6)
        ],
        "context": [{"text": write.prose(58, 66), "slide": write.sentence(12, 16)} for _ in range(3)],
        "significance": [{"text": write.prose(55, 66), "slide": write.sentence(12, 16)} for _ in range(2)],
        "timeline": [{"date": write.date(year - 8 + step), "event": write.sentence(4, 8)} for step in range(8)],
        "people": [
            {"name": f"{write.name()} {write.name()}", "role": write.sentence(6, 9)},
            {
                "name": f"{write.name()} {write.name()}",
                "native_name": " ".join("".join(write.random.choices(CYRILLIC, k=3)).capitalize() for _ in range(2)),
                "role": write.sentence(6, 9),
            },
        ],
        "glossary": [{"term": write.words(1, 3), "definition": write.sentence(10, 13)} for _ in range(6)],
        "questions": [
            {"question": write.words(9, 14) + "?", "answer": write.prose(6, 26)} | ({"lines": index + 1} if index % 2 == 0 else {})
            for index in range(5)
        ],
        "excerpts": [
            {
                "text": write.prose(14, 38),
                "source": write.random.choice(("a", "b")),
                "attribution": write.words(4, 8),
                "section": "context" if index == 3 else "key_facts",
            }
            for index in range(4)
        ],
        "sources": [
            {"id": "a", "citation": write.sentence(8, 14), "url": f"https://example.org/{write.word()}/{number}"},
            {"id": "b", "citation": write.sentence(8, 14), "url": f"http://www.example.net/{year}/{write.word()}.html"},
        ],
        "images": [
            {
                "file": picture,
                "alt": write.prose(30, 38),
                "caption": write.words(4, 6) + ".",
                "credit": write.sentence(4, 6),
                "section": "context",
            }
        ],
        "notes": {"context": write.prose(18, 28)},
    }


def draw_picture(number: int, path: Path) -> None:
    """A diagram like the treaty's: boxes joined by lines, in colours of its own."""
    write = Writer(number)
    image = Image.new("RGB", PICTURE_SIZE, "white")
    draw = ImageDraw.Draw(image)
    centres = [(write.random.randint(100, 660), write.random.randint(80, 440)) for _ in range(4)]
    for start, end in itertools.pairwise(centres):
        draw.line((start, end), fill=(60, 60, 60), width=4)
    for x, y in centres:
        colour = tuple(write.random.randint(40, 220) for _ in range(3))
        draw.rectangle((x - 90, y - 40, x + 90, y + 40), fill=colour, outline="black", width=2)
        draw.text((x - 70, y - 8), write.name(), fill="white")
    image.save(path, optimize=False)


def write_topics(folder: Path, count: int) -> None:
    """``count`` topics in ``folder``, each with its picture in ``folder/images``."""
    (folder / "images").mkdir(parents=True, exist_ok=True)
    for number in range(count):
        picture = f"images/topic-{number:04d}.png"
        draw_picture(number, folder / picture)
        text = yaml.safe_dump(topic(number, picture), allow_unicode=True, sort_keys=False, width=100)
        (folder / f"topic-{number:04d}.yaml").write_text(text, encoding="utf-8")
