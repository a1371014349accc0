from django.contrib import admin
from leaflet.admin import LeafletGeoAdmin
from simple_history.admin import SimpleHistoryAdmin

from reports.incidents.models import Category, Incident, IncidentPhoto


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ["name", "municipality", "order", "retired"]
    list_filter = ["municipality", "retired"]
    search_fields = ["name"]


class IncidentPhotoInline(admin.TabularInline):
    model = IncidentPhoto
    extra = 0
    fields = ["thumbnail", "uploaded_by", "uploaded_at"]
    readonly_fields = ["thumbnail", "uploaded_by", "uploaded_at"]


@admin.register(Incident)
class IncidentAdmin(SimpleHistoryAdmin, LeafletGeoAdmin):
    list_display = ["__str__", "municipality", "status", "source", "reporter", "created_at"]
    list_filter = ["municipality", "status", "source", "category__name"]
    search_fields = ["description", "place_name"]
    date_hierarchy = "occurred_from"
    raw_id_fields = ["reporter"]
    inlines = [IncidentPhotoInline]
