"""The public register of information (issue 18 point 4): every active agency's Daftar Informasi Publik, its items
with their documents and public history, the Daftar Informasi yang Dikecualikan, and the open-data exports.

No login, no personal data: only published items (`dip.selectors.public_items`) and in-force DIK entries
(`public_dik`), never drafts, revisions waiting for publication, withdrawn items, the consequence test's texts,
or who drafted or published. What is not public answers 404, as if it did not exist.
"""

from __future__ import annotations

import json

from django import forms
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.http import content_disposition_header
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from agencies.models import Agency, Unit
from agencies.selectors import active_agencies
from dip.models import CONTENT_FIELDS, Category, DipItem, ExemptionGround
from dip.search import RANK_LIMIT, capped_count, search_items
from dip.selectors import public_counts, public_dik, public_document, public_items, public_versions
from standards.selectors import latest_version
from transparency.exports import csv_bytes

PAGE_SIZE = 20
EXPORT_FIELDS = [
    "id",
    "title",
    "summary",
    "category",
    "unit",
    "responsible",
    "made_on",
    "made_at",
    "format",
    "retention",
    "tags",
    "year",
    "published_at",
    "updated_at",
    "next_update_due",
    "url",
    "documents",
]


class RegisterFilterForm(forms.Form):
    """The register's search and filters; a bad value is left out, the others apply."""

    q = forms.CharField(label=gettext_lazy("Cari informasi"), required=False, max_length=200)
    kategori = forms.ChoiceField(
        label=gettext_lazy("Kategori"),
        required=False,
        choices=[("", gettext_lazy("Semua kategori")), *Category.choices],
    )
    unit = forms.ModelChoiceField(
        label=gettext_lazy("Unit"),
        required=False,
        queryset=Unit.objects.none(),
        empty_label=gettext_lazy("Semua unit"),
    )

    def __init__(self, *args, agency: Agency | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if agency is None:
            del self.fields["unit"]
        else:
            self.fields["unit"].queryset = agency.units.filter(is_active=True).order_by("kind", "name")

    def value(self, name: str):
        if not self.is_bound:
            return None
        self.is_valid()
        return self.cleaned_data.get(name) if name not in self.errors else None


class SearchPaginator(Paginator):
    """A search's pages count its matches up to RANK_LIMIT + 1 only: "more than RANK_LIMIT" asks for narrower words
    and spares counting every item of a common word (RANK_LIMIT)."""

    @cached_property
    def count(self) -> int:
        return capped_count(self.object_list)


def _agency(slug: str) -> Agency:
    return get_object_or_404(active_agencies(), slug=slug)


def _listing(request, qs, form: RegisterFilterForm) -> dict:
    if category := form.value("kategori"):
        qs = qs.filter(category=category)
    if unit := form.value("unit"):
        qs = qs.filter(unit=unit)
    q = (form.value("q") or "").strip()
    qs = search_items(qs, q) if q else qs.order_by("-updated_at", "-pk")
    paginator = SearchPaginator(qs, PAGE_SIZE) if q else Paginator(qs, PAGE_SIZE)
    page = paginator.get_page(request.GET.get("halaman"))
    return {
        "form": form,
        "page": page,
        "q": q,
        "filtered": bool(q or category or unit),
        "more_than": RANK_LIMIT if q and paginator.count > RANK_LIMIT else None,
    }


@require_GET
def register_index(request):
    """/informasi/: every active agency with its number of published items; a search over all of them."""
    form = RegisterFilterForm(request.GET or None)
    agencies = (
        active_agencies()
        .annotate(published=Count("dip_items", filter=Q(dip_items__state="published")))
        .order_by("name")
    )
    context = {"agencies": agencies, "form": form}
    if request.GET:
        context.update(_listing(request, public_items(), form))
    return render(request, "frontend/dip/index.html", context)


@require_GET
def register_agency(request, agency: str):
    """/informasi/<agency>/: the agency's DIP, browsed by category and unit, searched with `q`."""
    path_agency = _agency(agency)
    form = RegisterFilterForm(request.GET or None, agency=path_agency)
    counts = public_counts(path_agency)
    context = _listing(request, public_items().filter(agency=path_agency), form)
    units = {u.pk: u for u in path_agency.units.filter(is_active=True)}
    context.update(
        agency=path_agency,
        categories=[(code, label, counts["category"].get(code, 0)) for code, label in Category.choices],
        units=[(units[pk], n) for pk, n in sorted(counts["unit"].items()) if pk in units],
        establishment=path_agency.dip_establishments.first(),
        dik_count=public_dik().filter(agency=path_agency).count(),
        has_standard=latest_version(path_agency) is not None,
    )
    return render(request, "frontend/dip/agency.html", context)


def _public_item(agency: str, pk: int) -> DipItem:
    item = public_items().filter(agency__slug=agency, pk=pk).first()
    if item is None:
        raise Http404
    return item


def _field_labels() -> dict[str, str]:
    return {name: str(DipItem._meta.get_field(name).verbose_name) for name in CONTENT_FIELDS}


@require_GET
def register_item(request, agency: str, pk: int):
    """One published item: every statutory field, its documents, and its public history."""
    item = _public_item(agency, pk)
    labels = _field_labels()
    history = [
        (version, [labels.get(name, name) for name in version.changed]) for version in public_versions(item)
    ]
    return render(
        request,
        "frontend/dip/item.html",
        {"agency": item.agency, "item": item, "history": history, "documents": item.public_documents},
    )


@require_GET
def register_document(request, agency: str, pk: int, doc_pk: int):
    """Download a document of a published item: only while both are public (else 404)."""
    document = public_document(agency_slug=agency, item_id=pk, document_id=doc_pk)
    if document is None:
        raise Http404
    try:
        handle = document.file.open("rb")
    except (FileNotFoundError, OSError) as exc:
        raise Http404 from exc
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=document.name,
        content_type=document.content_type or "application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_GET
def register_dik(request, agency: str):
    """The Daftar Informasi yang Dikecualikan: what is exempt, on what ground, until when, by which SK. Never the
    consequence test."""
    path_agency = _agency(agency)
    entries = (
        public_dik()
        .filter(agency=path_agency)
        # What the public reads, loaded alone: the consequence test's texts never leave the database here.
        .select_related(None)
        .only("pk", "title", "ground", "other_law", "period_until", "permanent", "sk_number", "sk_date")
        .order_by("title", "pk")
    )
    page = Paginator(entries, 50).get_page(request.GET.get("halaman"))
    return render(
        request,
        "frontend/dip/dik.html",
        {"agency": path_agency, "page": page, "grounds": dict(ExemptionGround.choices)},
    )


# --- open data -----------------------------------------------------------------------------------------------------
def _document_url(request, item: DipItem, document) -> str:
    if document.url:
        return document.url
    return request.build_absolute_uri(
        reverse("frontend:dip_document", args=[item.agency.slug, item.pk, document.pk])
    )


def export_rows(request, agency: Agency) -> list[dict]:
    """The agency's published items with the statutory fields and their documents (name and address)."""
    rows = []
    for item in public_items().filter(agency=agency).order_by("category", "title", "pk"):
        rows.append(
            {
                "id": item.pk,
                "title": item.title,
                "summary": item.summary,
                "category": item.category,
                "unit": item.unit.name,
                "responsible": item.responsible,
                "made_on": item.made_on.isoformat() if item.made_on else None,
                "made_at": item.made_at,
                "format": item.format,
                "retention": item.retention,
                "tags": list(item.tags or []),
                "year": item.year,
                "published_at": item.published_at.isoformat() if item.published_at else None,
                "updated_at": item.updated_at.isoformat() if item.updated_at else None,
                "next_update_due": item.next_update_due.isoformat() if item.next_update_due else None,
                "url": request.build_absolute_uri(item.get_absolute_url()),
                "documents": [
                    {"name": d.name, "url": _document_url(request, item, d)} for d in item.public_documents
                ],
            }
        )
    return rows


def _attachment(response: HttpResponse, filename: str) -> HttpResponse:
    response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=filename)
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_GET
def register_csv(request, agency: str):
    path_agency = _agency(agency)
    rows = [EXPORT_FIELDS]
    for row in export_rows(request, path_agency):
        row["tags"] = ", ".join(row["tags"])
        row["documents"] = "; ".join(f"{d['name']} <{d['url']}>" for d in row["documents"])
        rows.append(["" if row[name] is None else row[name] for name in EXPORT_FIELDS])
    response = HttpResponse(csv_bytes(rows), content_type="text/csv; charset=utf-8")
    return _attachment(response, f"dip-{path_agency.slug}.csv")


@require_GET
def register_json(request, agency: str):
    path_agency = _agency(agency)
    body = {
        "agency": {"slug": path_agency.slug, "name": path_agency.name},
        "register": request.build_absolute_uri(reverse("frontend:dip_agency", args=[path_agency.slug])),
        "items": export_rows(request, path_agency),
    }
    response = HttpResponse(
        json.dumps(body, ensure_ascii=False, indent=1), content_type="application/json; charset=utf-8"
    )
    return _attachment(response, f"dip-{path_agency.slug}.json")
