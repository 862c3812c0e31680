"""Routes for the stats pages; joined into the frontend namespace by frontend/urls.py."""

from django.urls import path

from . import views_stats

urlpatterns = [
    path("statistik/", views_stats.statistics, name="stats"),
    path("statistik/<slug:agency>/", views_stats.statistics, name="stats_agency"),
]
