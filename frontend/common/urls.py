"""Routes of the site-wide pages; frontend/urls.py joins them into the frontend namespace. The language switch
is routed by config/urls.py, outside the namespace."""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.home, name="home"),
    path("kalkulator-tenggat/", views.due_date_calculator, name="due_date"),
]
