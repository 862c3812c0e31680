from django import forms
from django.utils.translation import gettext_lazy as _

from skm.models import ELEMENTS, SCALE, SUGGESTION_MAX_LENGTH


class SurveyForm(forms.Form):
    """The nine elements as radio groups (each a fieldset with its question as legend) and a suggestion."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for number, (code, name, question) in enumerate(ELEMENTS, start=1):
            self.fields[code] = forms.TypedChoiceField(
                label=f"{number}. {name}",
                help_text=question,
                choices=SCALE,
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": _("Pilih salah satu dari empat jawaban.")},
            )
        self.fields["suggestion"] = forms.CharField(
            label=_("Saran dan masukan (tidak wajib)"),
            help_text=_("Jangan menulis nama, NIK, atau nomor perkara: saran ditampilkan tanpa identitas."),
            required=False,
            max_length=SUGGESTION_MAX_LENGTH,
            widget=forms.Textarea(attrs={"rows": 4}),
        )
