"""The request page's view of complaints, without touching the request views: the complaint a request became
(or came from) when the viewer may see it, and whether the viewer may turn the request into a complaint."""

from django import template
from django.db.models import Q

from complaints.selectors import complaints_visible_to

register = template.Library()


@register.simple_tag
def complaint_links(request_obj, user) -> dict:
    linked = complaints_visible_to(user).filter(
        Q(from_request=request_obj) | Q(converted_request=request_obj)
    )
    can_convert = any(t.name == "convert" for t in request_obj.get_available_user_state_transitions(user))
    return {
        "became": next((c for c in linked if c.from_request_id == request_obj.pk), None),
        "came_from": next((c for c in linked if c.converted_request_id == request_obj.pk), None),
        "can_convert": can_convert,
    }
