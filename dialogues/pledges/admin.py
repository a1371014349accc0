"""Administration: cooperation agreements are kept here; pledges are written on the staff pages."""

from django.contrib import admin
from django.db import models

from .models import Comment, CooperationAgreement, Pledge


@admin.register(CooperationAgreement)
class CooperationAgreementAdmin(admin.ModelAdmin):
    list_display = ["title", "municipality", "signed_on", "valid_until"]
    list_filter = ["municipality"]
    search_fields = ["title"]
    # Links to agreements are typed without a scheme; municipal sites are served over https.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


@admin.register(Pledge)
class PledgeAdmin(admin.ModelAdmin):
    """Read only: publishing freezes a pledge, and the staff pages are where drafts are edited."""

    list_display = ["municipality", "year", "version", "status", "published_at"]
    list_filter = ["municipality", "status", "year"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = ["display_name", "pledge", "status", "created_at"]
    list_filter = ["status"]
    readonly_fields = ["pledge", "display_name", "body", "created_at"]
