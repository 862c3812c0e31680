from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerView
from rest_framework.routers import DefaultRouter

from . import contributions, issued_letters, letters, notes, orders, registers, resources, views
from .auth import TokenView
from .dip import DikViewSet, DipItemViewSet
from .ikm import IkmView
from .notifications import NotificationViewSet
from .stats import urlpatterns as stats_urlpatterns

app_name = "api"

router = DefaultRouter()
router.register("agencies", resources.AgencyViewSet, basename="agency")
router.register("units", resources.UnitViewSet, basename="unit")
router.register("holidays", resources.HolidayViewSet, basename="holiday")
router.register("requests", resources.RequestViewSet, basename="request")
router.register("objections", resources.ObjectionViewSet, basename="objection")
router.register("disputes", resources.DisputeViewSet, basename="dispute")
router.register("complaints", resources.ComplaintViewSet, basename="complaint")
router.register("orders", orders.OrderViewSet, basename="order")
router.register("notifications", NotificationViewSet, basename="notification")
router.register("contributions", contributions.ContributionViewSet, basename="contribution")
router.register("dip", DipItemViewSet, basename="dip-item")
router.register("dik", DikViewSet, basename="dik-entry")

urlpatterns = [
    path("auth/token/", TokenView.as_view(), name="token"),
    path("calendar/due-date/", views.DueDateView.as_view(), name="due-date"),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api:schema"), name="docs"),
    path("redoc/", SpectacularRedocView.as_view(url_name="api:schema"), name="redoc"),
    path("stats/ikm/", IkmView.as_view(), name="stats-ikm"),
    path("stats/", include(stats_urlpatterns)),
    path("registers/requests/", registers.RequestRegisterView.as_view(), name="register-requests"),
    path("registers/objections/", registers.ObjectionRegisterView.as_view(), name="register-objections"),
    path("letters/<int:pk>/pdf/", issued_letters.letter_pdf_view, name="letter-pdf"),
    path("letters/verify/<str:code>/", letters.LetterVerifyView.as_view(), name="letter-verify"),
    path("requests/<int:pk>/notes/", notes.request_notes, name="request-notes"),
    path("objections/<int:pk>/notes/", notes.objection_notes, name="objection-notes"),
    path("complaints/<int:pk>/notes/", notes.complaint_notes, name="complaint-notes"),
    path(
        "requests/<int:pk>/contributions/",
        contributions.RequestContributionsView.as_view(),
        name="request-contributions",
    ),
    path("", include(router.urls)),
]
