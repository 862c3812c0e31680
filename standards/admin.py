"""The e-Monev SAQ in the Django admin: the administrator edits each year's indicators and items."""

from django.contrib import admin

from .models import SaqIndicator, SaqItem, SaqYear


class SaqIndicatorInline(admin.TabularInline):
    model = SaqIndicator
    extra = 0


class SaqItemInline(admin.TabularInline):
    model = SaqItem
    extra = 0


@admin.register(SaqYear)
class SaqYearAdmin(admin.ModelAdmin):
    inlines = [SaqIndicatorInline]


@admin.register(SaqIndicator)
class SaqIndicatorAdmin(admin.ModelAdmin):
    list_display = ["code", "title", "weight", "saq"]
    list_filter = ["saq"]
    inlines = [SaqItemInline]
