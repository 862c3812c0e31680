"""Routes for the dashboard pages; joined into the frontend namespace by frontend/urls.py."""

urlpatterns = []
