"""Built-in wording of both outputs, per language: section headings, page numbers, dates."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace

_ENGLISH = {
    "at_a_glance": "At a glance",
    "key_facts": "Key facts",
    "context": "What happened?",
    "significance": "Why does it matter?",
    "timeline": "Timeline",
    "people": "Who was involved",
    "glossary": "Key terms",
    "questions": "Check your understanding",
    "images": "Pictures",
    "sources": "Sources",
    "answer_key": "Answer key",
    "teachers_copy": "Teacher’s copy",
    "answer": "Answer",
    "study_sheet": "Study sheet",
    "page_of": "Page {page} of {pages}",
    "continued": "(cont.)",
    "figure": "Figure",
    "key_points": "Look for",
    "teaching_notes": "Notes for teaching",
    "not_for_students": "not for students",
    "part": "Part",
    "objectives": "By the end you can",
    "in_numbers": "In numbers",
    "in_brief": "In brief",
    "question": "Question",
    "true": "True",
    "false": "False",
    "points": "pt",
    "tick_one": "Tick one box.",
    "tick_all": "Tick every correct answer.",
    "match_instruction": "Match each item on the left with one on the right: write its letter in the box.",
    "order_instruction": "Put these in order: number the boxes 1, 2, 3\u00a0…",
    "cloze_instruction": "Fill in the blanks.",
    "true_false_instruction": "True or false? Tick one box.",
    "word_bank": "Word bank",
    "version": "Version",
    "feedback": "Feedback",
    "match_prompt": "Match each item with its counterpart.",
    "order_prompt": "Put these in the right order.",
    "handout": "Handout",
    "slide": "Slide",
    "notes_with": "Notes: see slide",
    "name_field": "Name",
    "class_field": "Class",
    "date_field": "Date",
    "quiz": "Quiz",
    "total": "Total",
    "quiz_question": "Quiz question",
    "quiz_answer": "Quiz answer",
    "points_total": "points",
    "day": "{count} day",
    "days": "{count} days",
    "month": "{count} month",
    "months": "{count} months",
    "year": "{count} year",
    "years": "{count} years",
}

_GERMAN = {
    "at_a_glance": "Auf einen Blick",
    "key_facts": "Das Wichtigste",
    "context": "Was geschah?",
    "significance": "Warum ist das wichtig?",
    "timeline": "Zeitleiste",
    "people": "Wer war beteiligt?",
    "glossary": "Begriffe",
    "questions": "Überprüfe dein Wissen",
    "images": "Abbildungen",
    "sources": "Quellen",
    "answer_key": "Lösungen",
    "teachers_copy": "Exemplar für Lehrkräfte",
    "answer": "Antwort",
    "study_sheet": "Arbeitsblatt",
    "page_of": "Seite {page} von {pages}",
    "continued": "(Forts.)",
    "figure": "Abbildung",
    "key_points": "Erwartet",
    "teaching_notes": "Hinweise für den Unterricht",
    "not_for_students": "nicht für Schülerinnen und Schüler",
    "part": "Teil",
    "objectives": "Am Ende kannst du",
    "in_numbers": "In Zahlen",
    "in_brief": "Kurz gefasst",
    "question": "Frage",
    "true": "Richtig",
    "false": "Falsch",
    "points": "P.",
    "tick_one": "Kreuze ein Kästchen an.",
    "tick_all": "Kreuze alle richtigen Antworten an.",
    "match_instruction": "Ordne jedem Begriff links einen rechts zu: Schreibe seinen Buchstaben in das Kästchen.",
    "order_instruction": "Bringe in die richtige Reihenfolge: Nummeriere die Kästchen 1, 2, 3\u00a0…",
    "cloze_instruction": "Fülle die Lücken.",
    "true_false_instruction": "Richtig oder falsch? Kreuze ein Kästchen an.",
    "word_bank": "Wortspeicher",
    "version": "Version",
    "feedback": "Rückmeldung",
    "match_prompt": "Ordne jedem Begriff sein Gegenstück zu.",
    "order_prompt": "Bringe in die richtige Reihenfolge.",
    "handout": "Handout",
    "slide": "Folie",
    "notes_with": "Notizen: siehe Folie",
    "name_field": "Name",
    "class_field": "Klasse",
    "date_field": "Datum",
    "quiz": "Test",
    "total": "Gesamt",
    "quiz_question": "Testfrage",
    "quiz_answer": "Testantwort",
    "points_total": "Punkte",
    "day": "{count} Tag",
    "days": "{count} Tage",
    "month": "{count} Monat",
    "months": "{count} Monate",
    "year": "{count} Jahr",
    "years": "{count} Jahre",
}

_FRENCH = {
    "at_a_glance": "En bref",
    "key_facts": "L’essentiel",
    "context": "Que s’est-il passé ?",
    "significance": "Pourquoi est-ce important ?",
    "timeline": "Chronologie",
    "people": "Les acteurs",
    "glossary": "Vocabulaire",
    "questions": "Vérifie tes connaissances",
    "images": "Illustrations",
    "sources": "Sources",
    "answer_key": "Corrigé",
    "teachers_copy": "Exemplaire de l’enseignant",
    "answer": "Réponse",
    "study_sheet": "Fiche de révision",
    "page_of": "Page {page} sur {pages}",
    "continued": "(suite)",
    "figure": "Figure",
    "key_points": "Éléments attendus",
    "teaching_notes": "Notes pour l’enseignant",
    "not_for_students": "ne pas distribuer",
    "part": "Partie",
    "objectives": "À la fin, tu sauras",
    "in_numbers": "En chiffres",
    "in_brief": "En résumé",
    "question": "Question",
    "true": "Vrai",
    "false": "Faux",
    "points": "pt",
    "tick_one": "Coche une case.",
    "tick_all": "Coche toutes les bonnes réponses.",
    "match_instruction": "Relie chaque élément de gauche à un élément de droite : écris sa lettre dans la case.",
    "order_instruction": "Remets dans l’ordre : numérote les cases 1, 2, 3\u00a0…",
    "cloze_instruction": "Complète le texte.",
    "true_false_instruction": "Vrai ou faux ? Coche une case.",
    "word_bank": "Banque de mots",
    "version": "Version",
    "feedback": "Commentaire",
    "match_prompt": "Associe chaque élément à son correspondant.",
    "order_prompt": "Remets dans le bon ordre.",
    "handout": "Polycopié",
    "slide": "Diapositive",
    "notes_with": "Notes : voir la diapositive",
    "name_field": "Nom",
    "class_field": "Classe",
    "date_field": "Date",
    "quiz": "Quiz",
    "total": "Total",
    "quiz_question": "Question du quiz",
    "quiz_answer": "Réponse du quiz",
    "points_total": "points",
    "day": "{count} jour",
    "days": "{count} jours",
    "month": "{count} mois",
    "months": "{count} mois",
    "year": "{count} an",
    "years": "{count} ans",
}

_SPANISH = {
    "at_a_glance": "De un vistazo",
    "key_facts": "Datos clave",
    "context": "¿Qué pasó?",
    "significance": "¿Por qué es importante?",
    "timeline": "Cronología",
    "people": "Protagonistas",
    "glossary": "Términos clave",
    "questions": "Comprueba lo que sabes",
    "images": "Imágenes",
    "sources": "Fuentes",
    "answer_key": "Solucionario",
    "teachers_copy": "Copia del profesor",
    "answer": "Respuesta",
    "study_sheet": "Hoja de estudio",
    "page_of": "Página {page} de {pages}",
    "continued": "(cont.)",
    "figure": "Figura",
    "key_points": "Puntos clave",
    "teaching_notes": "Notas para el profesor",
    "not_for_students": "no para alumnos",
    "part": "Parte",
    "objectives": "Al final podrás",
    "in_numbers": "En cifras",
    "in_brief": "En resumen",
    "question": "Pregunta",
    "true": "Verdadero",
    "false": "Falso",
    "points": "pt",
    "tick_one": "Marca una casilla.",
    "tick_all": "Marca todas las respuestas correctas.",
    "match_instruction": "Relaciona cada elemento de la izquierda con uno de la derecha: escribe su letra en la casilla.",
    "order_instruction": "Ordena: numera las casillas 1, 2, 3\u00a0…",
    "cloze_instruction": "Completa los huecos.",
    "true_false_instruction": "¿Verdadero o falso? Marca una casilla.",
    "word_bank": "Banco de palabras",
    "version": "Versión",
    "feedback": "Comentario",
    "match_prompt": "Relaciona cada elemento con su pareja.",
    "order_prompt": "Ordena correctamente.",
    "handout": "Material de clase",
    "slide": "Diapositiva",
    "notes_with": "Notas: véase la diapositiva",
    "name_field": "Nombre",
    "class_field": "Clase",
    "date_field": "Fecha",
    "quiz": "Cuestionario",
    "total": "Total",
    "quiz_question": "Pregunta del cuestionario",
    "quiz_answer": "Respuesta del cuestionario",
    "points_total": "puntos",
    "day": "{count} día",
    "days": "{count} días",
    "month": "{count} mes",
    "months": "{count} meses",
    "year": "{count} año",
    "years": "{count} años",
}

MONTHS = {
    "en": "January February March April May June July August September October November December",
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
}

_DATE_FORMATS = {  # no-break spaces: a date never breaks across lines
    "en": "{day}\u00a0{month}\u00a0{year}",
    "de": "{day}.\u00a0{month}\u00a0{year}",
    "fr": "{day}\u00a0{month}\u00a0{year}",
    "es": "{day}\u00a0de\u00a0{month}\u00a0de\u00a0{year}",
}

DAYS_A_YEAR = 365.25
DAYS_A_MONTH = DAYS_A_YEAR / 12
MONTHS_A_YEAR = 12

_BUILT_IN = {"en": _ENGLISH, "de": _GERMAN, "fr": _FRENCH, "es": _SPANISH}

LABEL_NAMES = tuple(_ENGLISH)
LANGUAGES = tuple(_BUILT_IN)


@dataclass(frozen=True)
class Labels:
    """The words an output prints around the user's content, in one language."""

    language: str
    text: Mapping[str, str]

    def __getitem__(self, name: str) -> str:
        return self.text[name]

    def page_of(self, page: int, pages: int) -> str:
        return self.text["page_of"].format(page=page, pages=pages)

    def date(self, value: dt.date | int | str) -> str:
        """A date as this language writes it; years and free text print as given."""
        if not isinstance(value, dt.date):
            return str(value)
        month = MONTHS[self.language].split()[value.month - 1]
        return _DATE_FORMATS[self.language].format(day=value.day, month=month, year=value.year)

    def span(self, days: float) -> str:
        """A length of time as this language says it, to the nearest year, month or day ("3 years", "5 Monate"):
        what a break in a time scale's axis stands for. Its words never part (a no-break space)."""
        months = round(days / DAYS_A_MONTH)
        years = round(days / DAYS_A_YEAR)
        count, unit = (years, "year") if months >= MONTHS_A_YEAR else (months, "month") if months >= 1 else (round(days), "day")
        return self.text[unit if count == 1 else f"{unit}s"].format(count=count).replace(" ", "\u00a0")

    def overridden(self, overrides: Mapping[str, str]) -> Labels:
        return replace(self, text={**self.text, **overrides})

    def retyped(self, change: Callable[[str], str]) -> Labels:
        """These labels with each wording passed through ``change`` (typography)."""
        return replace(self, text={name: change(wording) for name, wording in self.text.items()})


def labels_for(language_code: str) -> Labels:
    """The built-in labels for a language; languages without a set get English."""
    code = language_code if language_code in _BUILT_IN else "en"
    return Labels(code, _BUILT_IN[code])
