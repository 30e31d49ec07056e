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

from functools import cache

from django.db import connection
from modelsearch.backends.database import SearchBackend as database_backend
from modelsearch.query import Phrase, PlainText


def fts5_string(text: str) -> str:
    """``text`` as the inside of an FTS5 string: quotes doubled."""
    return text.replace('"', '""')


@cache
def _safe_compilers() -> tuple[type, type]:
    # Imported only on SQLite: the module loads the FTS index model, which exists
    # only there.
    from modelsearch.backends.database.sqlite.query import Lexeme, SearchQueryExpression
    from modelsearch.backends.database.sqlite.sqlite import (
        SQLiteAutocompleteQueryCompiler,
        SQLiteSearchQueryCompiler,
    )

    class SafeQueries:
        def build_search_query_content(self, query, config=None):
            if isinstance(query, PlainText):
                query = PlainText(
                    fts5_string(query.query_string), operator=query.operator, boost=query.boost
                )
            elif isinstance(query, Phrase):
                if not query.query_string.strip():
                    return None
                text = fts5_string(query.query_string)
                return SearchQueryExpression(Lexeme(text), config=config)
            return super().build_search_query_content(query, config=config)

    class SafeSearchQueryCompiler(SafeQueries, SQLiteSearchQueryCompiler):
        pass

    class SafeAutocompleteQueryCompiler(SafeQueries, SQLiteAutocompleteQueryCompiler):
        pass

    return SafeSearchQueryCompiler, SafeAutocompleteQueryCompiler


# Wagtail looks the backend up by this name in the module.
def SearchBackend(params):
    backend = database_backend(params)
    if connection.vendor == "sqlite" and type(backend).__name__ == "SQLiteSearchBackend":
        search, autocomplete = _safe_compilers()
        backend.query_compiler_class = search
        backend.autocomplete_query_compiler_class = autocomplete
    return backend
