"""The queue's search (issue 16 point 7), one function for the API and the pages, shared with complaints.

A search is split into terms; every term must match somewhere in the case: the registration number, the text of
the case (a request's information requested), the requester's name for the staff who see the case as staff, and
the case's internal notes for the same staff (never for its requester, even one who is staff of the agency).

On PostgreSQL each field is matched by substring and by trigram word similarity (`pg_trgm`, so "anggaaran" finds
"anggaran"), both served by GIN trigram indexes on `UPPER(field)` (migrations `ppid.0012_search_indexes`,
`casenotes.0002_search_index`, `complaints.0004_search_indexes`); what matched is ranked by full text with the
'simple' configuration (there is no Indonesian stemmer) plus the closest spelling. Elsewhere (SQLite) every term
is a case-insensitive substring, unranked.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import F, Q, QuerySet, Value
from django.db.models.functions import Coalesce, Greatest, Upper

from agencies.selectors import memberships_of
from casenotes.models import CaseNote

if TYPE_CHECKING:
    from django.db.models import Model

    from accounts.types import AnyUser

MAX_TERMS = 8
# Notes that match a term, per term: the ids are handed to the case query so each branch of the search keeps its
# own index. A term found in more notes than this is too common to narrow anything by notes alone.
MAX_NOTE_MATCHES = 5000


@dataclass(frozen=True)
class SearchFields:
    """How one case type is searched."""

    number: str  # the registration (or tracking) number
    text: tuple[str, ...]  # the case's own words, searched by everyone who sees the case
    name: str | None  # the requester's name: staff who see the case as staff only
    own: Any  # Callable[[user], Q]: the viewer's own filings, whose notes and name are not searched as staff


def terms_of(q: str) -> list[str]:
    return [t for t in (q or "").split() if t][:MAX_TERMS]


def on_postgres() -> bool:
    return connection.vendor == "postgresql"


def _field_matches(field: str, term: str, *, similar: bool = True) -> Q:
    """`term` in `field`: a substring anywhere, or (PostgreSQL, `similar`) a word similar to it, both by
    UPPER(field)'s trigram index (trigrams ignore case, so the upper-cased field and term compare as the plain
    ones)."""
    match = Q(**{f"{field}__icontains": term})
    if similar and on_postgres() and len(term) >= 3:
        from django.contrib.postgres.lookups import TrigramWordSimilar

        match |= Q(TrigramWordSimilar(Upper(field), Value(term.upper())))
    return match


def _note_case_ids(model: type[Model], viewer: AnyUser, term: str, *, similar: bool) -> list[int]:
    """The ids of `model`'s cases with a note matching `term`, in the viewer's agencies (the case query scopes
    them further)."""
    agencies = {m.unit.agency_id for m in memberships_of(viewer)}
    notes = CaseNote.objects.filter(content_type=ContentType.objects.get_for_model(model))
    if not viewer.is_superuser:
        notes = notes.filter(agency_id__in=agencies)
    notes = notes.filter(_field_matches("text", term, similar=similar))
    return list(notes.values_list("object_id", flat=True).distinct()[:MAX_NOTE_MATCHES])


def _term_matches(
    qs: QuerySet[Any], term: str, *, viewer: AnyUser, fields: SearchFields, as_staff: bool, similar: bool
) -> Q:
    match = _field_matches(fields.number, term, similar=False)  # a number is typed, not misspelt
    for text in fields.text:
        match |= _field_matches(text, term, similar=similar)
    if as_staff:
        personal = Q()
        if fields.name:
            personal |= _field_matches(fields.name, term, similar=similar)
        ids = _note_case_ids(qs.model, viewer, term, similar=similar)
        if ids:
            personal |= Q(pk__in=ids)
        if personal:
            match |= personal & ~fields.own(viewer)
    return match


def search_cases(
    qs: QuerySet[Any], q: str, *, viewer: AnyUser, fields: SearchFields, as_staff: bool
) -> tuple[QuerySet[Any], bool]:
    """The cases of `qs` matching every term of `q`, and whether they carry a `search_rank` to order by (the
    caller orders: a chosen sort wins over relevance). `as_staff`: the viewer reads the queue as staff, so names
    and notes of the cases they see as staff are searched too.

    A term is looked for as typed first; only a term found nowhere so is taken for a misspelling and matched by
    similar words (PostgreSQL). A word common in the queue is thus found by the cheap substring match alone,
    while a misspelt one, found nowhere as typed, costs the trigram comparison of the few rows that resemble it."""
    terms = terms_of(q)
    if not terms:
        return qs, False
    postgres = on_postgres()
    every_term = Q()
    for term in terms:
        exact = _term_matches(qs, term, viewer=viewer, fields=fields, as_staff=as_staff, similar=False)
        if postgres and len(term) >= 3 and not qs.filter(exact).exists():
            exact = _term_matches(qs, term, viewer=viewer, fields=fields, as_staff=as_staff, similar=True)
        every_term &= exact
    if not postgres:
        return qs.filter(every_term), False

    from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector, TrigramWordSimilarity

    # What matched is ranked: words found whole weigh most (full text, 'simple'), then the closest spelling.
    words = " ".join(terms)
    vector = SearchVector(*fields.text, config="simple")
    query = SearchQuery(words, config="simple", search_type="websearch")
    similarity = [TrigramWordSimilarity(Value(words), Coalesce(F(t), Value(""))) for t in fields.text]
    rank = SearchRank(vector, query) + (Greatest(*similarity) if len(similarity) > 1 else similarity[0])
    return qs.filter(every_term).annotate(search_rank=rank), True
