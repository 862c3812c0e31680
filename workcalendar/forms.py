from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Holiday, HolidayKind


class HolidayForm(forms.ModelForm):
    reason = forms.CharField(
        label=_("Alasan perubahan"),
        required=False,
        max_length=500,
        help_text=_("Dicatat di jejak audit, mis. nomor SKB yang baru terbit."),
    )

    class Meta:
        model = Holiday
        fields = ["date", "name", "kind", "decree", "province_code"]
        widgets = {"date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def __init__(self, *args, agency=None, allow_shared: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.agency = agency
        self.fields["date"].input_formats = ["%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y"]
        self.fields["date"].error_messages["invalid"] = _("Tanggal tidak valid: gunakan format TTTT-BB-HH.")
        if not allow_shared:
            # An agency administrator edits only the agency's own days.
            self.fields["kind"].choices = [(HolidayKind.AGENCY, HolidayKind.AGENCY.label)]
            del self.fields["province_code"]

    def clean(self):
        data = super().clean()
        if data.get("kind") == HolidayKind.AGENCY:
            if self.agency is None:
                self.add_error("kind", _("Pilih badan publik untuk libur khusus."))
            self.instance.agency = self.agency
        return data
