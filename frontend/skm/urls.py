"""Route of the satisfaction survey; frontend/urls.py joins it into the frontend namespace."""

from django.urls import path

from . import views

urlpatterns = [
    path("survei/<str:kind>/<int:case_id>/", views.survey, name="skm_survey"),
]
