from django.contrib import admin
from leaflet.admin import LeafletGeoAdminMixin
from simple_history.admin import SimpleHistoryAdmin

from .models import Camera, DeletionReceipt, Disclosure


@admin.register(Camera)
class CameraAdmin(LeafletGeoAdminMixin, SimpleHistoryAdmin):
    list_display = ["name", "premises", "municipality", "status", "retention_hours"]
    list_filter = ["municipality", "status"]
    search_fields = ["name", "premises"]


@admin.register(Disclosure)
class DisclosureAdmin(admin.ModelAdmin):
    list_display = ["police_reference", "disclosed_on", "footage", "handed_over_by"]


@admin.register(DeletionReceipt)
class DeletionReceiptAdmin(admin.ModelAdmin):
    list_display = ["footage_id", "camera", "purge_at", "deleted_at"]

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
