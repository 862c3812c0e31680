from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Agency, Unit


class AgencySettingsForm(forms.ModelForm):
    class Meta:
        model = Agency
        fields = [
            "name",
            "time_zone",
            "province_code",
            "address",
            "city",
            "phone",
            "email",
            "website",
            "cuti_bersama_agency_working_day",
            "cuti_bersama_requester_working_day",
            "pause_on_clarification",
            "registration_number_format",
            "objection_number_format",
            "complaint_verify_working_days",
            "complaint_followup_working_days",
            "complaint_auto_close_working_days",
            "complaint_resolution_days",
            "complaint_resolution_in_working_days",
            "complaint_number_format",
            "auto_complete_working_days",
        ]
        widgets = {"address": forms.Textarea(attrs={"rows": 3})}
        error_messages = {
            "time_zone": {"invalid_choice": _("Zona waktu tidak dikenal: pilih WIB, WITA, atau WIT.")},
        }


class UnitForm(forms.ModelForm):
    class Meta:
        model = Unit
        fields = ["name", "code"]
        help_texts = {"name": _("Mis. PPID Pelaksana Dinas Kesehatan.")}


class UnitEditForm(UnitForm):
    """A unit's name and code, with the reason the audit trail keeps."""

    reason = forms.CharField(
        label=_("Alasan perubahan"),
        max_length=500,
        help_text=_("Dicatat dalam jejak audit."),
        error_messages={"required": _("Sebutkan alasan perubahan.")},
    )

    class Meta(UnitForm.Meta):
        pass
