from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _
from leaflet.admin import LeafletGeoAdmin

from .models import Area, DataSubjectRequest, Municipality, Organisation, User

admin.site.site_header = _("EST administration")
admin.site.site_title = _("EST administration")


def superusers_only(request) -> bool:
    """Return whether ``request``'s user may use the Django admin: superusers only. Its pages
    are not scoped to municipalities, so a staff flag alone lets nobody in."""
    return request.user.is_active and request.user.is_superuser


admin.site.has_permission = superusers_only


@admin.register(Municipality)
class MunicipalityAdmin(LeafletGeoAdmin):
    list_display = ["name", "code"]
    search_fields = ["name", "code"]


@admin.register(Area)
class AreaAdmin(LeafletGeoAdmin):
    list_display = ["name", "municipality", "kind"]
    list_filter = ["municipality", "kind"]
    search_fields = ["name"]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind"]
    list_filter = ["kind", "municipalities"]
    search_fields = ["name"]
    filter_horizontal = ["municipalities"]


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    list_display = ["username", "first_name", "last_name", "role", "organisation", "is_active"]
    list_filter = ["role", "organisation", "municipalities", "is_active"]
    filter_horizontal = ["municipalities", "groups", "user_permissions"]
    fieldsets = (
        *DjangoUserAdmin.fieldsets,
        (_("EST"), {"fields": ("role", "organisation", "municipalities")}),
    )
    add_fieldsets = (
        *DjangoUserAdmin.add_fieldsets,
        (_("EST"), {"fields": ("email", "role", "organisation", "municipalities")}),
    )


@admin.register(DataSubjectRequest)
class DataSubjectRequestAdmin(admin.ModelAdmin):
    list_display = ["reference", "kind", "municipality", "deadline", "status"]
