from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend


def login_username(typed: str | None) -> str:
    """The account a typed login means, as one canonical name: the username of the account whose e-mail
    matches (case-insensitively, spaces stripped), else the typed username itself (stripped). The backend
    logs in with it and django-axes counts failures against it, so every spelling of one account shares one
    lock-out (AXES_USERNAME_CALLABLE)."""
    typed = (typed or "").strip()
    if "@" in typed:
        match = get_user_model()._default_manager.filter(email__iexact=typed).only("username").first()
        if match is not None:
            return match.get_username()
        return typed.lower()
    return typed


def axes_username(request, credentials) -> str:
    """AXES_USERNAME_CALLABLE: the canonical login of the credentials (or the posted form)."""
    from django.conf import settings

    field = settings.AXES_USERNAME_FORM_FIELD
    if credentials:
        typed = credentials.get(field)
    else:
        data = getattr(request, "data", None) or getattr(request, "POST", None)
        typed = data.get(field) if hasattr(data, "get") else None
    return login_username(typed if isinstance(typed, str) else None)


class UsernameOrEmailBackend(ModelBackend):
    """Log in with the username or the (case-insensitive) e-mail address."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if username:
            username = login_username(username)
        return super().authenticate(request, username=username, password=password, **kwargs)
