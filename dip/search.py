"""Searching the register: the public pages, the API, the request form's suggestions and the officers' matches.

On PostgreSQL an item is found by full text with the `indonesian` configuration (its stemmer: "laporan",
"pelaporan" and "dilaporkan" all find 'lapor'), over `DipItem.search_document` (title and tags weigh more than
the summary; kept by a trigger, GIN-indexed: migration `dip.0002_search`). A term is also read as the words of
the register it resembles (`pg_trgm` similarity over `dip_search_word`, the words of published items), so
"laporn keuangn" finds "Laporan Keuangan": the correction is looked up among a few thousand words, and the items
are still found through the full-text index, whatever their number. Results are ranked (`search_rank`).

On SQLite (tests, `make run`) every term is a case-insensitive substring of the title, summary or tags, a misspelt
one read as the closest words of the newest published items (difflib), unranked.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from django.db import connection
from django.db.models import F, Q, QuerySet

if TYPE_CHECKING:
    from django.contrib.postgres.search import SearchQuery

    from agencies.models import Agency

    from .models import DipItem

MAX_TERMS = 8
# Ranking reads every match's document; beyond this many matches (a query of common words over the whole
# register) the newest come first instead, which the index on (state, updated_at) serves without reading them
# all, and the pages count no further (`capped_count`).
RANK_LIMIT = 300
# A term is read as itself and, when the register does not hold it as typed, as at most this many words that
# resemble it (trigram similarity at least MIN_SIMILARITY).
MAX_CORRECTIONS = 3
MIN_SIMILARITY = 0.4
# A request's text is long and mostly generic words; these find nothing by themselves (matching_items).
MAX_REQUEST_TERMS = 12
REQUEST_STOPWORDS = frozenset(
    """
    ada adalah agar akan atas atau bagaimana bagi bahwa bapak beserta bisa dalam dan dapat dari data daftar
    dengan di dokumen hal ibu ingin ini informasi itu juga kami kapan ke kepada mana meminta memohon mengenai
    menjadi mohon oleh pada para per permohonan saya salinan sebagai secara seluruh semua serta soal tahun
    tentang terhadap terkait tersebut untuk yang
    """.split()
)
_WORD = re.compile(r"[^\W_]+")


def terms_of(text: str, *, limit: int = MAX_TERMS) -> list[str]:
    """The words of `text`, lower-cased, in order, without repeats (letters and digits only)."""
    return list(dict.fromkeys(w.lower() for w in _WORD.findall(text or "")))[:limit]


def on_postgres() -> bool:
    return connection.vendor == "postgresql"


def _readings(terms: list[str]) -> dict[str, list[str]]:
    """Each term with the words it stands for: itself if the register holds it, else the most similar words of
    published items (or itself again, when nothing resembles it). One query for all terms."""
    readings: dict[str, list[str]] = {term: [] for term in terms}
    with connection.cursor() as cursor:
        cursor.execute(
            """
            SELECT t.term, c.word
            FROM unnest(%s::text[]) AS t(term)
            CROSS JOIN LATERAL (
                SELECT w.word FROM dip_search_word w
                WHERE w.word = t.term OR (length(t.term) >= 3 AND w.word %% t.term)
                ORDER BY w.word = t.term DESC, similarity(w.word, t.term) DESC, w.word
                LIMIT %s
            ) AS c
            WHERE c.word = t.term OR similarity(c.word, t.term) >= %s
            """,
            [terms, MAX_CORRECTIONS, MIN_SIMILARITY],
        )
        for term, word in cursor.fetchall():
            readings[term].append(word)
    # The term as typed first; when the register has it, it stands for itself alone.
    return {term: [term] if term in words or not words else words for term, words in readings.items()}


# Without PostgreSQL (`make run`, tests on SQLite) a misspelt term is read as the closest words of the newest
# published items, by difflib's ratio: enough for a small register; PostgreSQL's trigram table serves a large one.
PLAIN_VOCABULARY_ITEMS = 2000
# difflib's ratio is not trigram similarity: "laporn"/"laporan" 0.92, "banjr"/"banjir" 0.91, "kapal"/"kelas" 0.6.
PLAIN_CUTOFF = 0.75


def _plain_readings(terms: list[str]) -> dict[str, list[str]]:
    """Each term with the words it stands for, on SQLite: itself when a published item holds it, else the closest
    words of the register (difflib, at least PLAIN_CUTOFF alike), else itself."""
    import difflib

    from .selectors import public_items

    def held(term: str) -> bool:
        return (
            public_items()
            .filter(Q(title__icontains=term) | Q(summary__icontains=term) | Q(tags__icontains=term))
            .exists()
        )

    missing = [term for term in terms if len(term) >= 3 and not held(term)]
    readings = {term: [term] for term in terms}
    if not missing:
        return readings
    vocabulary: set[str] = set()
    rows = (
        public_items()
        .order_by("-updated_at")
        .values_list("title", "summary", "tags")[:PLAIN_VOCABULARY_ITEMS]
    )
    for title, summary, tags in rows:
        vocabulary.update(terms_of(f"{title} {summary} {' '.join(tags or [])}", limit=10_000))
    for term in missing:
        readings[term] = difflib.get_close_matches(
            term, vocabulary, n=MAX_CORRECTIONS, cutoff=PLAIN_CUTOFF
        ) or [term]
    return readings


def _term_query(words: list[str]) -> SearchQuery:
    from django.contrib.postgres.search import SearchQuery

    query = SearchQuery(words[0], config="indonesian")
    for word in words[1:]:
        query |= SearchQuery(word, config="indonesian")
    return query


def capped_count(qs: QuerySet[DipItem], cap: int = RANK_LIMIT) -> int:
    """How many rows `qs` has, counting no further than `cap` + 1 (a page says "more than `cap`")."""
    return qs.order_by().values("pk")[: cap + 1].count()


def _ranked(qs: QuerySet[DipItem], query: SearchQuery) -> QuerySet[DipItem]:
    """The matches of `query`, best first while there are at most RANK_LIMIT of them, else the newest RANK_LIMIT + 1
    (so a page says "more than RANK_LIMIT"). The matches are found on the items alone, ids only, and the page's rows
    with their agency and unit are then read by primary key: joining every match to its agency and unit before
    sorting them (thousands for a common word) cost more than the search itself."""
    from django.contrib.postgres.search import SearchRank

    matches = qs.filter(search_document=query)
    newest = list(matches.order_by("-updated_at", "-pk").values_list("pk", flat=True)[: RANK_LIMIT + 1])
    found = qs.filter(pk__in=newest)
    if len(newest) > RANK_LIMIT:
        return found.order_by("-updated_at", "-pk")
    return found.annotate(search_rank=SearchRank(F("search_document"), query)).order_by(
        "-search_rank", "-updated_at", "-pk"
    )


def search_items(qs: QuerySet[DipItem], text: str) -> QuerySet[DipItem]:
    """`qs` narrowed to the items matching every term of `text` (as typed or as the register's word it
    resembles), best first on PostgreSQL."""
    terms = terms_of(text)
    if not terms:
        return qs
    if not on_postgres():
        for words in _plain_readings(terms).values():
            condition = Q()
            for word in words:
                condition |= Q(title__icontains=word) | Q(summary__icontains=word) | Q(tags__icontains=word)
            qs = qs.filter(condition)
        return qs
    readings = _readings(terms)
    query = _term_query(readings[terms[0]])
    for term in terms[1:]:
        query &= _term_query(readings[term])
    return _ranked(qs, query)


def matching_items(*, agency: Agency, text: str, limit: int = 5) -> list[DipItem]:
    """Published items of `agency` that may already answer `text` (a request being typed, a request being
    answered): a few, best first. Any of its telling words may match (generic words of a request, "saya",
    "informasi", "tahun", and words under four letters are left out), misspelt ones too on PostgreSQL; the
    items matching most of them come first."""
    from .selectors import public_items

    terms = [
        t for t in terms_of(text, limit=MAX_REQUEST_TERMS * 3) if len(t) >= 4 and t not in REQUEST_STOPWORDS
    ][:MAX_REQUEST_TERMS]
    if not terms:
        return []
    qs = public_items().filter(agency=agency)
    if not on_postgres():
        condition = Q()
        for term in terms:
            condition |= Q(title__icontains=term) | Q(summary__icontains=term) | Q(tags__icontains=term)
        return list(qs.filter(condition).order_by("-updated_at", "-pk")[:limit])
    from django.contrib.postgres.search import SearchRank

    readings = _readings(terms)
    query = _term_query(readings[terms[0]])
    for term in terms[1:]:
        query |= _term_query(readings[term])
    # Any term may match, so common words match thousands: the newest RANK_LIMIT matches are ranked.
    candidates = qs.filter(search_document=query).order_by("-updated_at", "-pk").values("pk")[:RANK_LIMIT]
    best = (
        qs.filter(pk__in=candidates)
        .annotate(search_rank=SearchRank(F("search_document"), query))
        .order_by("-search_rank", "-updated_at", "-pk")
    )
    return list(best[:limit])
