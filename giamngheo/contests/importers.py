"""Excel import of the question bank: parse → validate every row → write all or nothing.

One row is one question with up to five answers (A–E, at least A and B) and
the letter of the correct one. A file with any bad row imports nothing, and
every bad row is named with its column and reason.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from giamngheo.core import xlsx
from giamngheo.core.text import fold
from giamngheo.feedback.models import reject_markup

from .models import Choice, Question

LETTERS = "ABCDE"
MAX_QUESTION = 2000
MAX_ANSWER = 500


def _plain(limit: int):
    def parse(value: Any) -> str:
        text = xlsx.parse_text(value)
        if len(text) > limit:
            raise xlsx.CellError(_("is longer than %(max)d characters") % {"max": limit})
        try:
            reject_markup(text)
        except ValidationError as error:
            raise xlsx.CellError(error.messages[0]) from error
        return text

    return parse


def _letter(value: Any) -> str:
    letter = str(value).strip().upper()
    if letter not in LETTERS:
        raise xlsx.CellError(
            _("“%(value)s” is not one of the letters %(letters)s")
            % {"value": value, "letters": ", ".join(LETTERS)}
        )
    return letter


def columns() -> list[xlsx.Column]:
    answers = [
        xlsx.Column(
            f"answer_{letter}",
            _("Answer %(letter)s") % {"letter": letter},
            _plain(MAX_ANSWER),
            required=letter in "AB",
            example=example,
        )
        for letter, example in zip(
            LETTERS,
            ["Hộ nghèo", "Hộ cận nghèo", "Hộ mới thoát nghèo", "Cả ba đối tượng trên", ""],
            strict=True,
        )
    ]
    return [
        xlsx.Column(
            "text",
            _("Question"),
            _plain(MAX_QUESTION),
            example="Đối tượng nào được vay vốn ưu đãi của Ngân hàng Chính sách xã hội?",
        ),
        xlsx.Column(
            "topic", _("Topic"), _plain(100), required=False, example="Tín dụng chính sách"
        ),
        *answers,
        xlsx.Column("correct", _("Correct answer (letter)"), _letter, example="D"),
        xlsx.Column(
            "explanation",
            _("Explanation"),
            _plain(MAX_QUESTION),
            required=False,
            example="Nghị định 78/2002/NĐ-CP và các văn bản sửa đổi.",
        ),
    ]


@dataclass
class ImportReport:
    rows: int = 0
    imported: int = 0
    errors: list[xlsx.RowError] = field(default_factory=list)

    @property
    def has_errors(self) -> bool:
        return bool(self.errors)


def import_questions(*, upload) -> ImportReport:
    """Validate every row of ``upload``; import them all, or none if any is bad.

    Raises ``xlsx.ImportFileError`` when the file itself is unreadable.
    """
    specs = columns()
    headers = {column.key: column.header for column in specs}
    parsed = xlsx.read_rows(upload, specs)
    known = {fold(text) for text in Question.objects.values_list("text", flat=True)}
    seen: dict[str, int] = {}
    to_create: list[tuple[dict, list[tuple[str, bool]]]] = []
    for row in parsed.rows:
        if row.number in parsed.bad_rows:
            continue
        values = row.values
        key = fold(values["text"])
        if key in known:
            parsed.add_error(row.number, headers["text"], _("already in the question bank"))
            continue
        if key in seen:
            parsed.add_error(
                row.number, headers["text"], _("same question as row %(row)d") % {"row": seen[key]}
            )
            continue
        seen[key] = row.number
        filled = [letter for letter in LETTERS if values.get(f"answer_{letter}")]
        missing = [letter for letter in LETTERS[: len(filled)] if letter not in filled]
        if missing:
            parsed.add_error(
                row.number,
                headers[f"answer_{missing[0]}"],
                _("is empty while a later answer is filled in"),
            )
            continue
        if values["correct"] not in filled:
            parsed.add_error(
                row.number,
                headers["correct"],
                _("answer %(letter)s is empty") % {"letter": values["correct"]},
            )
            continue
        texts = [fold(values[f"answer_{letter}"]) for letter in filled]
        if len(set(texts)) != len(texts):
            parsed.add_error(row.number, headers["answer_A"], _("two answers are the same"))
            continue
        choices = [(values[f"answer_{letter}"], letter == values["correct"]) for letter in filled]
        to_create.append((values, choices))

    report = ImportReport(rows=len(parsed.rows), errors=sorted(parsed.errors, key=lambda e: e.row))
    if report.has_errors:
        return report
    with transaction.atomic():
        for values, choices in to_create:
            question = Question.objects.create(
                text=values["text"],
                topic=values.get("topic") or "",
                explanation=values.get("explanation") or "",
            )
            Choice.objects.bulk_create(
                Choice(question=question, text=text, is_correct=correct, sort_order=index)
                for index, (text, correct) in enumerate(choices)
            )
    report.imported = len(to_create)
    return report
