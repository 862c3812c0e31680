from django.contrib import admin

from .models import Agency, Membership, Unit


@admin.register(Agency)
class AgencyAdmin(admin.ModelAdmin):
    list_display = (
        "name",
        "slug",
        "time_zone",
        "cuti_bersama_agency_working_day",
        "cuti_bersama_requester_working_day",
        "is_active",
    )
    prepopulated_fields = {"slug": ("name",)}


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin):
    list_display = ("name", "code", "kind", "agency", "parent", "is_active")
    list_filter = ("agency", "kind")


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ("user", "unit", "role")
    list_filter = ("role", "unit__agency")
