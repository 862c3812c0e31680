from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from frontend.common.views import set_language

urlpatterns = [
    # Django's switch, wrapped so that a user's notifications follow the language they choose.
    path("i18n/setlang/", set_language, name="set_language"),
    path("django-admin/", admin.site.urls),
    path("api/v1/", include("api.urls")),
    path("", include("frontend.urls")),
]

if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()

handler404 = "config.errors.page_not_found"
handler400 = "config.errors.bad_request"
handler500 = "config.errors.server_error"
