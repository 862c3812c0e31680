"""Users, and the citizen profile with the identity the law asks a requester for."""

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from . import crypto
from .nik import mask_nik


class User(AbstractUser):
    email = models.EmailField(_("alamat e-mail"), blank=True)
    email_confirmed_at = models.DateTimeField(_("e-mail dikonfirmasi pada"), null=True, blank=True)
    preferred_language = models.CharField(
        _("bahasa"), max_length=8, choices=[("id", "Bahasa Indonesia"), ("en", "English")], default="id"
    )

    class Meta(AbstractUser.Meta):
        constraints = [
            models.UniqueConstraint(
                models.functions.Lower("email"), condition=~models.Q(email=""), name="user_email_unique_ci"
            )
        ]

    @property
    def can_file(self) -> bool:
        """A citizen may file once the e-mail address is confirmed and the profile is complete."""
        profile = getattr(self, "citizen_profile", None)
        return self.email_confirmed_at is not None and profile is not None and profile.is_complete


class RequesterType(models.TextChoices):
    INDIVIDUAL = "individual", _("Perorangan")
    GROUP = "group", _("Kelompok orang")
    LEGAL_ENTITY = "legal_entity", _("Badan hukum")


class CitizenProfile(models.Model):
    """The requester's identity. The NIK is stored encrypted; only its last four digits are kept plain,
    for the masked display."""

    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="citizen_profile")
    requester_type = models.CharField(
        _("jenis pemohon"), max_length=16, choices=RequesterType.choices, default=RequesterType.INDIVIDUAL
    )
    name = models.CharField(_("nama lengkap"), max_length=200)
    nik_encrypted = models.TextField(blank=True, editable=False)
    nik_last4 = models.CharField(max_length=4, blank=True, editable=False)
    entity_number = models.CharField(_("nomor SK pengesahan badan hukum"), max_length=100, blank=True)
    address = models.TextField(_("alamat"))
    phone = models.CharField(_("telepon"), max_length=30, blank=True)
    occupation = models.CharField(_("pekerjaan"), max_length=100, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("profil pemohon")
        verbose_name_plural = _("profil pemohon")

    def __str__(self) -> str:
        return self.name

    # The NIK is never exposed as a plain attribute: reading it goes through a service that records access.
    def set_nik(self, nik: str) -> None:
        self.nik_encrypted = crypto.encrypt(nik)
        self.nik_last4 = nik[-4:] if nik else ""

    def _decrypt_nik(self) -> str:
        return crypto.decrypt(self.nik_encrypted)

    @property
    def nik_masked(self) -> str:
        return mask_nik(self.nik_last4)

    @property
    def has_nik(self) -> bool:
        return bool(self.nik_encrypted)

    @property
    def is_complete(self) -> bool:
        if not (self.name and self.address):
            return False
        if self.requester_type == RequesterType.LEGAL_ENTITY:
            return bool(self.entity_number)
        return self.has_nik
