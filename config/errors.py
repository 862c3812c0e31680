"""Error views: paths under /api/ answer JSON in the caller's language (API clients parse the body), pages keep
Django's HTML."""

from django.views import defaults

API_PREFIX = "/api/"


def page_not_found(request, exception):
    if request.path.startswith(API_PREFIX):
        from api.exceptions import api_not_found

        return api_not_found(request)
    return defaults.page_not_found(request, exception)
