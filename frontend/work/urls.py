"""Route of the staff's landing page; frontend/urls.py joins it into the frontend namespace."""

from django.urls import path

from . import views

urlpatterns = [
    path("kerja/", views.work_home, name="work"),
    path("kerja/beban/", views.workload, name="workload"),
    path("kerja/register/", views.register_download, name="registers"),
]
