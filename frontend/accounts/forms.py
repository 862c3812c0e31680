"""The login form of the pages (the other account forms are the accounts app's own)."""

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _


class LoginForm(AuthenticationForm):
    username = forms.CharField(
        label=_("Nama pengguna atau e-mail"), widget=forms.TextInput(attrs={"autofocus": True})
    )
    password = forms.CharField(
        label=_("Kata sandi"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    error_messages = {
        "invalid_login": _("Nama pengguna/e-mail atau kata sandi salah."),
        "inactive": _("Akun ini tidak aktif."),
    }
