"""The notification center's form: how an officer gets notification e-mails."""

from django import forms
from django.utils.translation import gettext_lazy

from notifications.models import EmailMode


class EmailPreferenceForm(forms.Form):
    mode = forms.ChoiceField(
        label=gettext_lazy("E-mail notifikasi"), choices=EmailMode.choices, widget=forms.RadioSelect
    )
