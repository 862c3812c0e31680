from django import forms
from django.contrib.auth import forms as auth_forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from .models import RequesterType
from .nik import validate_nik


class SignupForm(forms.Form):
    name = forms.CharField(label=_("Nama lengkap"), max_length=200)
    email = forms.EmailField(
        label=_("Alamat e-mail"), help_text=_("Kami kirim tautan konfirmasi ke alamat ini.")
    )
    password1 = forms.CharField(
        label=_("Kata sandi"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("Minimal 10 karakter, tidak hanya angka, dan tidak mudah ditebak."),
    )
    password2 = forms.CharField(
        label=_("Ulangi kata sandi"), widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )

    def clean(self):
        data = super().clean()
        if data.get("password1") and data.get("password1") != data.get("password2"):
            self.add_error("password2", _("Kedua kata sandi tidak sama."))
        return data


class ProfileForm(forms.Form):
    requester_type = forms.ChoiceField(label=_("Jenis pemohon"), choices=RequesterType.choices)
    name = forms.CharField(label=_("Nama lengkap atau nama badan hukum"), max_length=200)
    nik = forms.CharField(
        label=_("NIK"),
        required=False,
        max_length=24,
        help_text=_("16 angka pada KTP. Kosongkan jika tidak ingin mengubah NIK yang tersimpan."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    entity_number = forms.CharField(
        label=_("Nomor SK pengesahan (khusus badan hukum)"),
        required=False,
        max_length=100,
        help_text=_("Wajib bagi badan hukum; untuk jenis pemohon lain tidak disimpan."),
    )
    address = forms.CharField(label=_("Alamat"), widget=forms.Textarea(attrs={"rows": 3}))
    phone = forms.CharField(label=_("Telepon"), required=False, max_length=30)
    occupation = forms.CharField(label=_("Pekerjaan"), required=False, max_length=100)

    def __init__(self, *args, has_nik: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.has_nik = has_nik
        if not has_nik:
            # Required unless the requester is a legal entity, which the form only knows once it is posted:
            # the label says so (a plain "required" would be untrue for legal entities).
            self.fields["nik"].label = _("NIK (wajib bagi perorangan dan kelompok orang)")
            self.fields["nik"].help_text = _("16 angka pada KTP.")

    def clean_nik(self):
        value = self.cleaned_data.get("nik", "")
        return validate_nik(value) if value.strip() else ""

    def clean(self):
        data = super().clean()
        kind = data.get("requester_type")
        if kind == RequesterType.LEGAL_ENTITY:
            if not data.get("entity_number"):
                self.add_error("entity_number", _("Badan hukum wajib mengisi nomor SK pengesahan."))
        elif kind and not data.get("nik") and not self.has_nik and "nik" not in self.errors:
            self.add_error("nik", _("NIK wajib diisi untuk pemohon perorangan atau kelompok."))
        return data


class PasswordResetForm(auth_forms.PasswordResetForm):
    """Django's form, which sends the link only to accounts that have a password, plus invited staff who have
    not set theirs yet: when the invitation's link has expired, "Lupa kata sandi" sends them a fresh one."""

    def get_users(self, email):
        from agencies.models import Membership

        yield from super().get_users(email)
        invited = get_user_model()._default_manager.filter(
            email__iexact=email,
            is_active=True,
            pk__in=Membership.objects.values("user_id"),
        )
        for user in invited:
            if not user.has_usable_password() and user.email.casefold() == email.casefold():
                yield user
