"""Vietnamese text folding for search and sorting.

Citizens and officers often type without diacritics ("giam ngheo" for
"giảm nghèo", "duong" for "đường"), so searchable names are stored folded and
queries are folded the same way.  Sorting uses a collation key that follows
the Vietnamese alphabet (a ă â b c d đ e ê … o ô ơ … u ư …) instead of code
points, where "Đ" would sort after "Z".
"""

import re
import unicodedata

# đ/Đ is a letter of its own, not d plus a combining mark, so NFD keeps it.
_SPECIAL = str.maketrans({"đ": "d", "Đ": "D"})

_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_LETTER_RANK = {letter: index for index, letter in enumerate(_ALPHABET)}
# Tone marks rank after the base letter: none, grave, hook, tilde, acute, dot below.
_TONE_RANK = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
_VOWEL_MARKS = {"\u0306": "ă", "\u0302": "^"}  # breve, circumflex
_HORN = "\u031b"


def fold(text: str) -> str:
    """Lower-case ``text`` and strip Vietnamese diacritics: "Đường Hòa" → "duong hoa"."""
    decomposed = unicodedata.normalize("NFD", text.translate(_SPECIAL))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.lower().split())


_NON_WORD = re.compile(r"[\W_]+")


def search_words(text: str) -> str:
    """``fold`` with punctuation turned into spaces: "Số 05-CT/TW" → "so 05 ct tw".

    What the search index stores and what the search view asks for: every
    backend then splits both into the same words (PostgreSQL's parser would
    otherwise keep "ct/tw" as one token, so "05-ct" would find nothing).
    """
    return " ".join(_NON_WORD.sub(" ", fold(text)).split())


def _letter_of(base: str, marks: str) -> str:
    if base == "a" and "\u0306" in marks:
        return "ă"
    if base in "aeo" and "\u0302" in marks:
        return {"a": "â", "e": "ê", "o": "ô"}[base]
    if base in "ou" and _HORN in marks:
        return {"o": "ơ", "u": "ư"}[base]
    return base


def collation_key(text: str) -> tuple:
    """A sort key that orders Vietnamese names as a Vietnamese reader expects.

    Compares letters by the Vietnamese alphabet first and tone marks only to
    break ties, so "Ân" < "Bình" < "Đông" < "Hòa" < "Hóa".
    """
    letters: list[int] = []
    tones: list[int] = []
    for cluster in _clusters(unicodedata.normalize("NFD", text.lower())):
        base, marks = cluster[0], cluster[1:]
        letter = _letter_of(base, marks)
        if letter.isspace():
            rank = 0
        elif letter in _LETTER_RANK:
            rank = 1 + _LETTER_RANK[letter]
        elif letter.isdigit():
            rank = 40 + int(letter)
        else:
            rank = 99
        letters.append(rank)
        tones.append(next((_TONE_RANK[m] for m in marks if m in _TONE_RANK), 0))
    return (tuple(letters), tuple(tones))


def collation_string(text: str) -> str:
    """``collation_key`` as a string of digits, to store and ``ORDER BY`` in any database.

    Digits compare the same under every database collation (SQLite's binary,
    PostgreSQL's libc or ICU ones), so the Vietnamese order survives storage.
    """
    letters, tones = collation_key(text)
    return "".join(f"{min(rank, 99):02d}" for rank in letters) + "." + "".join(map(str, tones))


def _clusters(decomposed: str) -> list[str]:
    clusters: list[str] = []
    for ch in decomposed:
        if unicodedata.combining(ch) and clusters:
            clusters[-1] += ch
        else:
            clusters.append(ch)
    return clusters


_WORD_LETTERS = 10  # the longest Vietnamese syllable has 7 letters ("nghiêng")


def person_sort_string(full_name: str) -> str:
    """The sort column of a person's name written in Vietnamese order ("Nguyễn Thị Lan").

    Vietnamese lists of people (class rolls, staff lists, payrolls) are ordered
    by the given name, the last word, then by the family name and the middle
    names: "Trần Văn An" < "Nguyễn Thị Lan" < "Phan Thị Lan". Letters first and
    tone marks only to break ties, as in ``collation_key``. Every word takes a
    fixed width of digits and nothing else, so no database collation can skip a
    separator and compare one word's tones with another's letters.
    """
    words = full_name.split()
    ordered = [words[-1], words[0], *words[1:-1]] if len(words) > 1 else words
    letters, tones = "", ""
    for word in ordered:
        ranks, marks = collation_key(word)
        letters += "".join(f"{min(r, 99):02d}" for r in ranks[:_WORD_LETTERS]).ljust(
            2 * _WORD_LETTERS, "0"
        )
        tones += "".join(map(str, marks[:_WORD_LETTERS])).ljust(_WORD_LETTERS, "0")
    return letters + tones
