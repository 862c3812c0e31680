from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _has_request_with(user, agency_id: int) -> bool:
    from .models import InformationRequest

    return InformationRequest.objects.filter(requester=user, agency_id=agency_id).exists()


class PPIDConfig(AppConfig):
    name = "ppid"
    verbose_name = _("Permohonan informasi, keberatan, dan sengketa")

    def ready(self) -> None:
        from accounts.services import register_case_relation
        from audit.selectors import register_staff_only_reason

        # The note that goes with a forward is meant for the colleague it is forwarded to.
        register_staff_only_reason("request.forward")

        # Staff of an agency a person has filed with may see that person's full NIK (recorded).
        register_case_relation(_has_request_with)
