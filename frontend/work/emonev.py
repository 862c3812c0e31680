"""The e-Monev page (/kerja/e-monev/, issue 19 points 4 and 5): the year's SAQ items with their evidence, the
self-score and its band, the ZIP of the evidence pack, and the record of what was sent to the Komisi Informasi.
The PPID Utama's officers and head, administrators and auditors read it; others 404. Recording is the PPID
Utama's and administrators' (auditors 403, from the service)."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from audit.services import audit_record
from standards import events
from standards.emonev import assess, bands, current_saq, evidence_zip
from standards.models import SaqYear, SubmissionChannel, SubmissionWhat
from standards.selectors import emonev_agency, ki_submissions, may_record_submission
from standards.services import ki_submission_record

from ..common.forms import form_errors_to


class SubmissionForm(forms.Form):
    what = forms.ChoiceField(label=gettext_lazy("Yang dikirim"), choices=SubmissionWhat.choices)
    year = forms.IntegerField(label=gettext_lazy("Tahun"), min_value=2000, max_value=2100)
    sent_on = forms.DateField(
        label=gettext_lazy("Tanggal kirim"), widget=forms.DateInput(attrs={"type": "date"})
    )
    channel = forms.ChoiceField(label=gettext_lazy("Cara kirim"), choices=SubmissionChannel.choices)
    reference = forms.CharField(label=gettext_lazy("Nomor/referensi"), max_length=200, required=False)
    file = forms.FileField(label=gettext_lazy("Berkas yang dikirim (PDF atau ZIP)"), required=False)


def _context(request, *, form=None):
    agency = emonev_agency(request.user)
    if agency is None:
        raise Http404
    saq = current_saq()
    wanted = request.GET.get("tahun")
    if wanted and wanted.isdigit():
        saq = SaqYear.objects.filter(year=int(wanted)).first() or saq
    if saq is None:
        raise Http404
    return agency, saq


@login_required
@require_GET
def emonev(request):
    agency, saq = _context(request)
    assessment = assess(agency, saq, request.user)
    may_record = may_record_submission(request.user, agency)
    form = SubmissionForm(initial={"year": saq.year, "sent_on": timezone.localdate(timezone=agency.tzinfo)})
    return render(
        request,
        "frontend/work/emonev.html",
        {
            "agency": agency,
            "assessment": assessment,
            "years": SaqYear.objects.values_list("year", flat=True),
            "bands": bands(),
            "may_record": may_record,
            "form": form if may_record else None,
            "submissions": ki_submissions(agency),
        },
    )


@login_required
@require_GET
def emonev_zip(request):
    agency, saq = _context(request)
    assessment = assess(agency, saq, request.user)
    data = evidence_zip(assessment)
    audit_record(
        actor=request.user,
        obj=saq,
        action=events.EMONEV_PACK_BUILT,
        agency=agency,
        details={"year": saq.year, "score": str(assessment.score)},
    )
    response = HttpResponse(data, content_type="application/zip")
    response["Content-Disposition"] = content_disposition_header(
        True, f"data-dukung-e-monev-{agency.slug}-{saq.year}.zip"
    )
    return response


@login_required
@require_http_methods(["POST"])
def emonev_submission(request):
    agency, saq = _context(request)
    form = SubmissionForm(request.POST, request.FILES)
    if form.is_valid():
        data = form.cleaned_data
        try:
            ki_submission_record(
                actor=request.user,
                agency=agency,
                year=data["year"],
                what=data["what"],
                sent_on=data["sent_on"],
                channel=data["channel"],
                reference=data["reference"],
                uploaded=data["file"],
            )
        except ValidationError as exc:
            form_errors_to(form, exc)
        else:
            messages.success(request, _("Pengiriman ke Komisi Informasi dicatat."))
            return redirect("frontend:emonev")
    assessment = assess(agency, saq, request.user)
    return render(
        request,
        "frontend/work/emonev.html",
        {
            "agency": agency,
            "assessment": assessment,
            "years": SaqYear.objects.values_list("year", flat=True),
            "bands": bands(),
            "may_record": True,
            "form": form,
            "submissions": ki_submissions(agency),
        },
        status=400,
    )
