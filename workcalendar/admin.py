from django.contrib import admin

from .models import Holiday


@admin.register(Holiday)
class HolidayAdmin(admin.ModelAdmin):
    list_display = ("date", "name", "kind", "agency", "province_code", "decree")
    list_filter = ("kind", "date")
    date_hierarchy = "date"

    # Even superusers' edits go through the service, so the audit trail has them.
    def save_model(self, request, obj, form, change):
        from .services import holiday_save

        holiday_save(actor=request.user, holiday=obj, reason="django-admin")

    def delete_model(self, request, obj):
        from .services import holiday_delete

        holiday_delete(actor=request.user, holiday=obj, reason="django-admin")

    def has_delete_permission(self, request, obj=None):
        return False  # bulk delete would bypass the audit trail; delete one by one
