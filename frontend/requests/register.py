"""The request pages' side of the register (issue 18 point 5): the published DIP items that may already answer a
request, shown to the citizen as they type (a small fragment, rate-limited, and a "Cek DIP" button without
JavaScript) and to the handling officers with a one-click `already_published` answer; and granted response files
offered to the register as a draft item."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from agencies.selectors import active_agencies
from dip import rules as dip_rules
from ppid import register, rules, services
from ppid.errors import InvalidTransition, NotFound
from ppid.models import Decision, InformationRequest
from ppid.selectors import requests_visible_to

from ..common import limits
from ..common.forms import form_errors_to

SUGGEST_SCOPE = "dip_suggest"


def suggestion_rows(items) -> list[dict[str, Any]]:
    """Each suggested item with its public page: title, unit, category, summary (published content only)."""
    return [{"item": item, "url": register.item_url(item)} for item in items]


def suggestions_for(agency, text: str) -> list[dict[str, Any]]:
    if agency is None or not (text or "").strip():
        return []
    return suggestion_rows(register.suggested_items(agency=agency, text=text))


def checked_suggestions(data) -> list[dict[str, Any]]:
    """The "Cek DIP" button: the items matching what the filing form holds (its agency and text)."""
    raw = str(data.get("agency", ""))
    agency = active_agencies().filter(pk=int(raw)).first() if raw.isdigit() else None
    return suggestions_for(agency, str(data.get("information_requested", ""))[: settings.LONG_TEXT_MAX_CHARS])


@require_GET
def dip_suggestions(request):
    """The fragment the filing page fetches as the citizen types: `agency` (id) and `q` (the text so far).
    Anyone may ask (it shows published items only); counted per address like the public forms."""
    if limits.over_limit(request, SUGGEST_SCOPE):
        return HttpResponse(status=429)
    agency = None
    raw = request.GET.get("agency", "")
    if raw.isdigit():
        agency = active_agencies().filter(pk=int(raw)).first()
    rows = suggestions_for(agency, request.GET.get("q", "")[: settings.LONG_TEXT_MAX_CHARS])
    response = render(request, "frontend/requests/_dip_suggestions.html", {"suggestions": rows})
    response["Cache-Control"] = "private, max-age=60"
    return response


def staff_item_url(item) -> str:
    """The register's staff page of an item (`frontend:dip_work_item`)."""
    return reverse("frontend:dip_work_item", args=[item.pk])


def register_context(request, obj: InformationRequest, *, staff_view: bool, may_respond: bool) -> dict | None:
    """For the handling officers: the items matching the request (or their search `dip_q`), each with its page
    and, while the request may be answered, a one-click `already_published` answer."""
    if not (staff_view and rules.is_handling_officer(obj, request.user)):
        return None
    query = request.GET.get("dip_q", "")[:200].strip()
    items = register.picker_items(agency=obj.agency, text=obj.information_requested, query=query)
    return {"suggestions": suggestion_rows(items), "query": query, "may_respond": may_respond}


def publication_context(user, obj: InformationRequest, response) -> dict | None:
    """Granted files and the register: the link to the item made from them, or the offer to the officers."""
    if response is None or response.decision not in (Decision.GRANTED, Decision.PARTIALLY_GRANTED):
        return None
    if response.published_as_id is not None:
        if not (user.is_superuser or dip_rules.is_register_staff(user, obj.agency)):
            return None
        item = response.published_as
        return {"item": item, "url": staff_item_url(item), "public_url": register.item_url(item)}
    if not (rules.is_handling_officer(obj, user) and dip_rules.may_draft(user, obj.unit)):
        return None
    if not services.publishable_files(obj):
        return None
    return {"offer": reverse("frontend:request_add_to_dip", args=[obj.pk])}


class AddToDipForm(forms.Form):
    title = forms.CharField(label=gettext_lazy("Judul informasi"), max_length=300)
    summary = forms.CharField(
        label=gettext_lazy("Ringkasan isi informasi"), widget=forms.Textarea({"rows": 4})
    )
    responsible = forms.CharField(
        label=gettext_lazy("Pejabat yang bertanggung jawab atas pembuatan"), max_length=255
    )
    made_on = forms.DateField(
        label=gettext_lazy("Waktu pembuatan"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    made_at = forms.CharField(label=gettext_lazy("Tempat pembuatan"), max_length=200, required=False)
    format = forms.ChoiceField(
        label=gettext_lazy("Bentuk informasi"),
        choices=[("softcopy", gettext_lazy("Softcopy")), ("hardcopy", gettext_lazy("Hardcopy"))],
    )
    retention = forms.CharField(
        label=gettext_lazy("Jangka waktu penyimpanan (retensi arsip)"),
        max_length=200,
        help_text=gettext_lazy("Mis. 5 tahun."),
    )
    year = forms.IntegerField(label=gettext_lazy("Tahun informasi"), required=False, min_value=2008)
    documents = forms.TypedMultipleChoiceField(
        label=gettext_lazy("Berkas jawaban yang diumumkan"),
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": gettext_lazy("Pilih berkas jawaban yang akan diumumkan.")},
    )
    redaction_confirmed = forms.BooleanField(
        label=gettext_lazy(
            "Saya memastikan data pribadi (nama, NIK, alamat, kontak) dan bagian yang dikecualikan sudah "
            "dihitamkan atau dihapus dari berkas yang dipilih."
        ),
        required=False,
    )

    ITEM_FIELDS = ("title", "summary", "responsible", "made_on", "made_at", "format", "retention", "year")

    def __init__(self, *args, files_offered, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["documents"].choices = [(d.pk, d.original_name) for d in files_offered]

    def item_data(self) -> dict[str, Any]:
        return {name: self.cleaned_data.get(name) for name in self.ITEM_FIELDS}


@login_required
def request_add_to_dip(request, pk: int):
    """The officer's form: the draft item's fields pre-filled from the request, the files to include, the
    redaction confirmation; the service scans the files and makes the draft."""
    obj = requests_visible_to(request.user).filter(pk=pk).select_related("agency", "unit", "response").first()
    if obj is None:
        raise Http404
    context = publication_context(request.user, obj, getattr(obj, "response", None))
    if context is None or "offer" not in context:
        raise Http404
    offered = services.publishable_files(obj)
    initial = {**services.publication_defaults(obj), "documents": [d.pk for d in offered]}
    form = AddToDipForm(request.POST or None, initial=initial, files_offered=offered)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            item = services.information_request_add_to_dip(
                request_id=obj.pk,
                actor=request.user,
                data=form.item_data(),
                document_ids=form.cleaned_data["documents"],
                redaction_confirmed=form.cleaned_data["redaction_confirmed"],
            )
        except NotFound as exc:
            raise Http404 from exc
        except InvalidTransition as exc:
            messages.error(request, exc.message)
            return redirect("frontend:request_detail", pk=obj.pk)
        except ValidationError as exc:
            form_errors_to(form, exc)
            status = 400
        else:
            messages.success(
                request,
                _('Draf informasi publik "%(title)s" dibuat. PPID Utama mengumumkannya melalui DIP.')
                % {"title": item.title},
            )
            return redirect("frontend:request_detail", pk=obj.pk)
    elif request.method == "POST":
        status = 400
    return render(request, "frontend/requests/add_to_dip.html", {"obj": obj, "form": form}, status=status)
