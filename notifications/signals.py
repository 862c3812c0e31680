"""Open websockets follow changes of who may receive what: logout and token deletion close the sockets of that
credential; membership, unit and account changes make the user's sockets verify and re-join their groups."""

from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_out
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from rest_framework.authtoken.models import Token

from agencies.models import Membership, Unit

from .realtime import CLOSE, VERIFY, session_group, sockets_signal, token_group
from .services import unit_group, user_group


@receiver(user_logged_out, dispatch_uid="notifications.close_session_sockets")
def _close_session_sockets(sender, request, user, **kwargs):
    session_key = getattr(getattr(request, "session", None), "session_key", None)
    if session_key:
        sockets_signal([session_group(session_key)], CLOSE)


@receiver(post_delete, sender=Token, dispatch_uid="notifications.close_token_sockets")
def _close_token_sockets(sender, instance, **kwargs):
    sockets_signal([token_group(instance.key)], CLOSE)


@receiver(post_save, sender=Membership, dispatch_uid="notifications.membership_saved")
@receiver(post_delete, sender=Membership, dispatch_uid="notifications.membership_deleted")
def _membership_changed(sender, instance, **kwargs):
    sockets_signal([user_group(instance.user_id)], VERIFY)


@receiver(post_save, sender=Unit, dispatch_uid="notifications.unit_saved")
def _unit_changed(sender, instance, created, **kwargs):
    if created:
        return
    # A deactivated unit stops its members' queue hints; a reactivated one brings them back.
    members = Membership.objects.filter(unit=instance).values_list("user_id", flat=True).distinct()
    sockets_signal([unit_group(instance.pk)] + [user_group(u) for u in members], VERIFY)


@receiver(post_save, sender=get_user_model(), dispatch_uid="notifications.user_saved")
def _user_changed(sender, instance, created, update_fields=None, **kwargs):
    # Deactivation or a new password (which ends the other sessions): the sockets check their credential.
    # A login only stamps last_login: nothing to check.
    if not created and set(update_fields or ["*"]) != {"last_login"}:
        sockets_signal([user_group(instance.pk)], VERIFY)
