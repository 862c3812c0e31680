"""Routes of the public register of information (issue 18); frontend/urls.py joins them into the frontend
namespace. `/informasi/feed/` comes before the agency's routes, so it is never read as an agency."""

from django.urls import path

from . import feeds, views

urlpatterns = [
    path("informasi/", views.register_index, name="dip_index"),
    path("informasi/feed/", feeds.RegisterFeed(), name="dip_feed"),
    path("informasi/<slug:agency>/", views.register_agency, name="dip_agency"),
    path("informasi/<slug:agency>/feed/", feeds.RegisterFeed(), name="dip_agency_feed"),
    path("informasi/<slug:agency>/dikecualikan/", views.register_dik, name="dip_dik"),
    path("informasi/<slug:agency>/dip.csv", views.register_csv, name="dip_csv"),
    path("informasi/<slug:agency>/dip.json", views.register_json, name="dip_json"),
    path("informasi/<slug:agency>/<int:pk>/", views.register_item, name="dip_item"),
    path(
        "informasi/<slug:agency>/<int:pk>/dokumen/<int:doc_pk>/", views.register_document, name="dip_document"
    ),
]
