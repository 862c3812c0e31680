"""Error views: paths under /api/ answer JSON in the caller's language (API clients parse the body), pages keep
Django's HTML."""

import sys

from django.views import defaults

API_PREFIX = "/api/"


def page_not_found(request, exception):
    if request.path.startswith(API_PREFIX):
        from api.exceptions import api_not_found

        return api_not_found(request)
    return defaults.page_not_found(request, exception)


def server_error(request):
    if request.path.startswith(API_PREFIX):
        from api.exceptions import api_server_error

        # Django calls this while handling the exception: it is still the one in flight.
        return api_server_error(request, sys.exc_info()[1])
    return defaults.server_error(request)


def bad_request(request, exception):
    """A request Django refuses before any view (too many form fields, a malformed host...)."""
    if request.path.startswith(API_PREFIX):
        from api.exceptions import api_bad_request

        return api_bad_request(request)
    return defaults.bad_request(request, exception)
