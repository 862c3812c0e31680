"""The account pages: login, sign-up and e-mail confirmation, password reset, the citizen's profile."""

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts import ratelimit
from accounts import services as account_services
from accounts.forms import ProfileForm, SignupForm

from ..common import limits
from ..common.access import is_staff_user
from ..common.forms import form_errors_to


class StaffAwareLoginView(auth_views.LoginView):
    """Django's login; without a safe `next`, staff land on their work and citizens on the home page."""

    def get_default_redirect_url(self):
        if is_staff_user(self.request.user):
            return reverse("frontend:work")
        return super().get_default_redirect_url()


def signup(request):
    if request.user.is_authenticated:
        return redirect("frontend:profile")
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if limits.over_limit(request, "signup") or ratelimit.hit(
            "signup_email", form.cleaned_data["email"].lower()
        ):
            return limits.refused(request, "accounts/signup.html", {"form": form}, form)
        try:
            account_services.citizen_register(
                email=form.cleaned_data["email"],
                password=form.cleaned_data["password1"],
                name=form.cleaned_data["name"],
            )
        except ValidationError as exc:
            if hasattr(exc, "error_dict"):
                form_errors_to(form, exc)
            else:
                form.add_error("password1", exc.messages)
        else:
            return redirect("frontend:signup_done")
    return render(request, "accounts/signup.html", {"form": form})


class PasswordResetView(auth_views.PasswordResetView):
    """Django's view, limited per address and per e-mail address typed (the same answer for every address)."""

    def form_valid(self, form):
        email = form.cleaned_data["email"].strip().lower()
        if limits.over_limit(self.request, "password_reset") or ratelimit.hit("password_reset_email", email):
            return limits.refused(self.request, self.template_name, self.get_context_data(form=form), form)
        return super().form_valid(form)


def signup_done(request):
    return render(request, "accounts/signup_done.html")


def confirm_email(request, token: str):
    try:
        account_services.citizen_confirm_email(token=token)
    except ValidationError as exc:
        return render(request, "accounts/confirm_failed.html", {"errors": exc.messages}, status=400)
    messages.success(
        request,
        _("Alamat e-mail Anda sudah dikonfirmasi. Lengkapi profil untuk mulai mengajukan permohonan."),
    )
    return redirect("frontend:profile" if request.user.is_authenticated else "frontend:login")


@login_required
@require_POST
def resend_confirmation(request):
    if limits.over_limit(request, "confirmation_mail"):
        messages.error(request, limits.MESSAGE)
        return redirect("frontend:profile")
    account_services.citizen_resend_confirmation(user=request.user)
    messages.info(
        request, _("Tautan konfirmasi baru telah dikirim ke %(email)s.") % {"email": request.user.email}
    )
    return redirect("frontend:profile")


@login_required
def profile(request):
    current = getattr(request.user, "citizen_profile", None)
    initial = {}
    if current is not None:
        initial = {
            "requester_type": current.requester_type,
            "name": current.name,
            "address": current.address,
            "phone": current.phone,
            "occupation": current.occupation,
            "entity_number": current.entity_number,
        }
    has_nik = bool(current and current.has_nik)
    form = ProfileForm(request.POST or None, initial=initial, has_nik=has_nik)
    if request.method == "POST" and form.is_valid():
        account_services.citizen_profile_update(user=request.user, **form.cleaned_data)
        messages.success(request, _("Profil tersimpan."))
        return redirect("frontend:profile")
    return render(
        request,
        "accounts/profile.html",
        {"form": form, "profile_obj": current, "missing": _missing_to_file(request.user, current)},
    )


def _missing_to_file(user, profile) -> list[str]:
    """What still stands between the user and filing a request, in the order they can fix it."""
    from accounts.models import RequesterType

    missing = []
    if user.email_confirmed_at is None:
        missing.append(_("Konfirmasi alamat e-mail Anda: buka tautan yang kami kirim ke e-mail Anda."))
    if profile is None:
        missing.append(_("Lengkapi profil di bawah ini."))
    else:
        if not (profile.name and profile.address):
            missing.append(_("Isi nama dan alamat."))
        if profile.requester_type == RequesterType.LEGAL_ENTITY:
            if not profile.entity_number:
                missing.append(_("Isi nomor SK pengesahan badan hukum."))
        elif not profile.has_nik:
            missing.append(_("Isi NIK (16 angka pada KTP)."))
    return missing
