import re

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _has_request_with(user, agency_id: int) -> bool:
    from .models import InformationRequest

    return InformationRequest.objects.filter(requester=user, agency_id=agency_id).exists()


def _objection_receipt(objection, recipient):
    """The tanda terima keberatan goes with the objector's registration mail (issue 14 point 12)."""
    from notifications.attachments import Attachment

    from .letters import render_objection_receipt

    number = re.sub(r"[^A-Za-z0-9]+", "-", objection.registration_number).strip("-") or "keberatan"
    pdf = render_objection_receipt(objection, viewer=recipient)
    return [Attachment(f"tanda-terima-keberatan-{number}.pdf", pdf)]


class PPIDConfig(AppConfig):
    name = "ppid"
    verbose_name = _("Permohonan informasi, keberatan, dan sengketa")

    def ready(self) -> None:
        from accounts.services import register_case_relation
        from audit.actions import register_action_labels
        from audit.selectors import register_staff_only_reason
        from notifications.attachments import register_mail_attachment
        from notifications.messages import register_messages

        from . import events

        register_action_labels(events.LABELS)
        register_messages(events.MESSAGES)

        # The note that goes with a forward is meant for the colleague it is forwarded to.
        register_staff_only_reason(events.REQUEST_FORWARD)
        # Why a case moved from one officer to another is for colleagues (issue 16 point 2).
        register_staff_only_reason(events.REQUEST_ASSIGN, events.OBJECTION_ASSIGN)
        # Contributions are internal (issue 16 point 4): their rows sit on the contribution, their reasons for staff.
        register_staff_only_reason(
            events.CONTRIBUTION_ASK, events.CONTRIBUTION_ANSWER, events.CONTRIBUTION_DECLINE
        )

        # A draft's return reason is for its drafter and colleagues (issue 16 point 5).
        register_staff_only_reason(
            events.REQUEST_DRAFT_SUBMITTED, events.REQUEST_DRAFT_APPROVED, events.REQUEST_DRAFT_RETURNED
        )

        # Staff of an agency a person has filed with may see that person's full NIK (recorded).
        register_case_relation(_has_request_with)
        register_mail_attachment(events.OBJECTION_REGISTERED, _objection_receipt)

        # Internal notes (casenotes) are for the staff who see the case as staff, never its requester.
        from casenotes.selectors import register_note_reach

        from .models import InformationRequest, Objection
        from .selectors import objections_seen_as_staff, requests_seen_as_staff

        register_note_reach(InformationRequest, requests_seen_as_staff)

        # How each of ppid's letter kinds is rendered when letters makes its PDF (issue 17).
        from .letters import register_renderers

        register_renderers()

        # The SRIKANDI package holds the original letter with the requester's contacts: the contact rule decides.
        from letters.srikandi import register_original_reach

        from . import rules

        register_original_reach(
            InformationRequest, lambda user, case: rules.may_see_requester_contact(case, user)
        )
        register_original_reach(
            Objection, lambda user, case: rules.may_see_requester_contact(case.identity, user)
        )
        register_note_reach(Objection, objections_seen_as_staff)
