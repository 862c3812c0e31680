"""Who a read or a write is for: a signed-in user, or the anonymous visitor of a public page."""

from django.contrib.auth.models import AnonymousUser

from .models import User

AnyUser = User | AnonymousUser
