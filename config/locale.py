"""Which language a response is in.

Pages are Indonesian unless the visitor chose English with the language switch (a cookie): many phones in
Indonesia send an English Accept-Language, and a public service should not switch language on that alone.
The API follows Accept-Language (`id` or `en`), as API clients expect.
"""

from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation


class LanguageMiddleware(LocaleMiddleware):
    def process_request(self, request):
        supported = {code for code, _name in settings.LANGUAGES}
        if request.path.startswith("/api/"):
            language = translation.get_language_from_request(request)
        else:
            language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
            if language not in supported:
                language = settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
