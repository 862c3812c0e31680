from django import forms
from django.utils.translation import gettext_lazy as _

from .models import AGENCY_SETTINGS_FIELDS, Agency, Unit


class AgencySettingsForm(forms.ModelForm):
    class Meta:
        model = Agency
        fields = AGENCY_SETTINGS_FIELDS
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
