"""Routes for the staff pages; joined into the frontend namespace by frontend/urls.py."""

urlpatterns = []
