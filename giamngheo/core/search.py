"""The site's search backend: Wagtail's database backend, taking any text on SQLite.

On SQLite, Wagtail's backend (modelsearch) puts a quoted phrase into FTS5's
MATCH as it was typed, and does not double the quotes inside a word, so a
query like ``nguồn: http://… "giảm`` reads ``nguồn:`` as a column and fails
with a 500 in every search box (document library, choosers, page search).
Here a phrase is quoted and every quote doubled, as FTS5's syntax asks; on
PostgreSQL the backend is Wagtail's own. ``settings.WAGTAILSEARCH_BACKENDS``
points at this module.
"""

from __future__ import annotations

from modelsearch.backends.database import SearchBackend as database_backend
from modelsearch.backends.database.sqlite.query import Lexeme, SearchQueryExpression
from modelsearch.backends.database.sqlite.sqlite import (
    SQLiteAutocompleteQueryCompiler,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
)
from modelsearch.query import Phrase, PlainText


def fts5_string(text: str) -> str:
    """``text`` as the inside of an FTS5 string: quotes doubled."""
    return text.replace('"', '""')


class _SafeQueries:
    def build_search_query_content(self, query, config=None):
        if isinstance(query, PlainText):
            query = PlainText(
                fts5_string(query.query_string), operator=query.operator, boost=query.boost
            )
        elif isinstance(query, Phrase):
            if not query.query_string.strip():
                return None
            return SearchQueryExpression(Lexeme(fts5_string(query.query_string)), config=config)
        return super().build_search_query_content(query, config=config)


class SafeSearchQueryCompiler(_SafeQueries, SQLiteSearchQueryCompiler):
    pass


class SafeAutocompleteQueryCompiler(_SafeQueries, SQLiteAutocompleteQueryCompiler):
    pass


# Wagtail looks the backend up by this name in the module.
def SearchBackend(params):
    backend = database_backend(params)
    if isinstance(backend, SQLiteSearchBackend):
        backend.query_compiler_class = SafeSearchQueryCompiler
        backend.autocomplete_query_compiler_class = SafeAutocompleteQueryCompiler
    return backend
