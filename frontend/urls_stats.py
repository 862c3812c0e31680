"""Routes for the stats pages; joined into the frontend namespace by frontend/urls.py."""

urlpatterns = []
