"""Sample topics made in code: a long one that must flow onto more pages."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from guide.model import OpenQuestion, Topic

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


def minimal_topic() -> dict[str, Any]:
    """Only the keys a topic must have."""
    return {"title": "Minimal", "summary": "One sentence.", "key_facts": ["One fact."], "context": "Context.", "significance": "Why."}


def german_topic() -> dict[str, Any]:
    """A short topic in German that fits one page."""
    return {
        "title": "Die Verträge von Locarno (1925)",
        "date": "1925-12-01",
        "place": "London",
        "parties": ["Deutschland", "Frankreich", "Belgien", "Großbritannien", "Italien"],
        "language": "de",
        "summary": (
            "Am 1. Dezember 1925 wurden in London die Verträge von Locarno unterzeichnet. Deutschland erkannte seine Westgrenze "
            "an, Großbritannien und Italien garantierten sie. Der Weg in den Völkerbund war frei."
        ),
        "key_facts": [
            {"fact": "Ausgehandelt im Oktober 1925 in Locarno, unterzeichnet am 1. Dezember 1925 in London.", "sources": ["lexikon"]},
            {"fact": "Deutschland erkannte die Grenzen zu Frankreich und Belgien als endgültig an.", "sources": ["lexikon"]},
            "Großbritannien und Italien traten als Garantiemächte auf.",
            "Die Ostgrenzen Deutschlands blieben offen.",
        ],
        "context": (
            "Nach dem Ruhrkampf suchte Außenminister Gustav Stresemann den Ausgleich mit Frankreich. Eine Garantie der Westgrenze "
            "sollte Vertrauen schaffen und die Räumung des Rheinlands beschleunigen."
        ),
        "significance": (
            "Locarno galt als Beginn einer Entspannung in Europa. Stresemann und Aristide Briand erhielten 1926 den "
            "Friedensnobelpreis, und Deutschland trat im September 1926 dem Völkerbund bei."
        ),
        "timeline": [
            {"date": "1925-10-16", "event": "Die Verträge werden in Locarno paraphiert."},
            {"date": "1925-12-01", "event": "Unterzeichnung in London."},
            {"date": "1926-09-08", "event": "Deutschland tritt dem Völkerbund bei."},
        ],
        "glossary": [
            {"term": "Garantiemacht", "definition": "Ein Staat, der die Einhaltung eines Vertrags verbürgt."},
            {"term": "Völkerbund", "definition": "Die 1920 gegründete Organisation zur Sicherung des Friedens."},
        ],
        "questions": [
            {"question": "Welche Grenzen erkannte Deutschland in Locarno an?", "answer": "Die Grenzen zu Frankreich und Belgien."},
            {"question": "Warum blieben die Ostgrenzen offen?", "answer": "Deutschland wollte sie nicht als endgültig anerkennen."},
        ],
        "sources": [{"id": "lexikon", "citation": "„Verträge von Locarno“, Lexikon der Geschichte.", "url": "https://example.org/locarno"}],
    }


def rapallo_topic() -> dict[str, Any]:
    """A topic of middling length: more than one page, well short of two."""
    return {
        "title": "The Treaty of Rapallo (1922)",
        "subtitle": "Germany and Soviet Russia make peace",
        "date": "1922-04-16",
        "place": "Rapallo",
        "parties": ["Germany", "Soviet Russia"],
        "summary": (
            "On 16 April 1922, during the Genoa Conference, Germany and Soviet Russia signed the Treaty of Rapallo. They dropped "
            "their claims against each other, restored diplomatic relations and agreed to trade as most favoured nations."
        ),
        "key_facts": [
            {"fact": "Signed on 16 April 1922 at Rapallo, near Genoa.", "sources": ["wiki"]},
            {"fact": "Walther Rathenau signed for Germany, Georgy Chicherin for Soviet Russia.", "sources": ["wiki"]},
            {"fact": "Both sides gave up claims for war costs and war damages.", "sources": ["text"]},
            {"fact": "Diplomatic relations were restored at once.", "sources": ["text"]},
            "Trade was to follow the most-favoured-nation principle.",
        ],
        "context": [
            "The Genoa Conference was meant to rebuild Europe's economy after the war. Germany and Soviet Russia, both "
            "treated as outsiders, feared that the Western powers would agree on reparations and debts at their expense.",
            "Meeting at night in Rapallo, the two delegations settled their differences in a short treaty, to the surprise "
            "and anger of the British and French delegations.",
        ],
        "significance": [
            "Rapallo ended Germany's isolation and gave Soviet Russia its first full recognition by a major power.",
            "It opened the way to trade and, in secret, to military cooperation, and it was confirmed by the Treaty of Berlin in 1926.",
        ],
        "timeline": [
            {"date": "1922-04-10", "event": "The Genoa Conference opens."},
            {"date": "1922-04-16", "event": "The Treaty of Rapallo is signed."},
            {"date": "1922-06-24", "event": "Rathenau is murdered in Berlin."},
            {"date": "1926-04-24", "event": "The Treaty of Berlin confirms Rapallo."},
        ],
        "people": [
            {"name": "Walther Rathenau", "role": "German Foreign Minister in 1922."},
            {"name": "Georgy Chicherin", "native_name": "Георгий Чичерин", "role": "Soviet People's Commissar for Foreign Affairs."},
        ],
        "glossary": [
            {"term": "Most favoured nation", "definition": "A trading partner given terms as good as any other's."},
            {"term": "Reparations", "definition": "Payments for war damages demanded from a defeated state."},
            {"term": "Recognition", "definition": "Accepting a government as the lawful government of its state."},
        ],
        "questions": [
            {"question": "Where and when was the treaty signed?", "answer": "At Rapallo, near Genoa, on 16 April 1922."},
            {"question": "What did both sides give up?", "answer": "Their claims for war costs and war damages."},
            {
                "question": "Why were Britain and France angry about the treaty?",
                "answer": "It was made behind their backs during a conference meant to settle Europe's debts together.",
            },
        ],
        "sources": [
            {
                "id": "wiki",
                "citation": "“Treaty of Rapallo (1922)”, Wikipedia.",
                "url": "https://en.wikipedia.org/wiki/Treaty_of_Rapallo_(1922)",
            },
            {"id": "text", "citation": "Text of the treaty, League of Nations Treaty Series."},
        ],
        "notes": {"context": "Ask why a treaty signed at night surprised the other delegations."},
    }


def without_quizzes(topic: Topic) -> Topic:
    """The topic with its open questions only: how the treaty was written before it had quizzes of every type."""
    return replace(topic, questions=tuple(question for question in topic.questions if isinstance(question, OpenQuestion)))
