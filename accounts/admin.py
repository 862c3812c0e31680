from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from .models import CitizenProfile, User


@admin.register(User)
class PPIDUserAdmin(UserAdmin):
    list_display = ("username", "email", "email_confirmed_at", "is_staff", "is_active")
    fieldsets = (*UserAdmin.fieldsets, ("PPID", {"fields": ("email_confirmed_at", "preferred_language")}))


@admin.register(CitizenProfile)
class CitizenProfileAdmin(admin.ModelAdmin):
    # The NIK is not editable or shown here: it goes through the recorded reveal service only.
    list_display = ("name", "requester_type", "nik_masked", "user")
    readonly_fields = ("nik_masked",)
    exclude = ("nik_encrypted", "nik_last4")
    search_fields = ("name", "user__email")
