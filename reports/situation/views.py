"""Pages of the situation pictures: the list, the picture, its PDF, and the coordinator's steps."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import DetailView, FormView, ListView

from est.access import PermissionRequiredMixin
from est.access_log import AccessKind, access_record
from est.models import Municipality
from est.municipalities import boundary_layer
from est.pdf import pdf_render
from est.roles import has_permission
from est.service_views import REFUSED, ServiceFormMixin, service_act
from reports.permissions import SITUATION_EDIT, SITUATION_READ, WORKING_GROUP_MANAGE
from reports.situation.compile import changed_since_compiled
from reports.situation.forms import InterventionForm, PictureForm
from reports.situation.geopackage import situation_picture_geopackage
from reports.situation.interventions import intervention_create, intervention_set_status
from reports.situation.models import Intervention, SituationPicture
from reports.situation.observations import in_working_group, observations_open
from reports.situation.presentation import picture_context
from reports.situation.workflow import (
    situation_picture_publish,
    situation_picture_recompile,
    situation_picture_revise,
    situation_picture_submit,
    situation_picture_update,
)


def readable_pictures(user):
    return SituationPicture.objects.for_user(user).select_related("municipality")


class SituationList(PermissionRequiredMixin, ListView):
    permission = SITUATION_READ
    template_name = "reports/situation/picture_list.html"
    context_object_name = "pictures"

    def get_queryset(self):
        pictures = readable_pictures(self.request.user).defer("content")
        if not has_permission(self.request.user, SITUATION_EDIT):
            return pictures
        return pictures.current()

    def get_context_data(self, **kwargs):
        user = self.request.user
        working_groups = (
            user.municipalities.defer("boundary")
            if has_permission(user, WORKING_GROUP_MANAGE)
            else Municipality.objects.none()
        )
        return super().get_context_data(
            can_edit=has_permission(user, SITUATION_EDIT), working_groups=working_groups, **kwargs
        )


def _file_name(picture) -> str:
    """Return the name a downloaded picture's file gets, without its extension."""
    return f"lagesbild-{picture.municipality.code}-{picture.period_start}-v{picture.version}"


class PictureMixin(PermissionRequiredMixin):
    """Finds the picture among those the user may read, else 404 (never 403: ids are guessable)."""

    permission = SITUATION_READ

    def get_picture(self):
        return get_object_or_404(readable_pictures(self.request.user), pk=self.kwargs["pk"])


class SituationDetail(PictureMixin, DetailView):
    template_name = "reports/situation/picture_detail.html"
    context_object_name = "picture"

    def get_object(self, queryset=None):
        return self.get_picture()

    def get_context_data(self, **kwargs):
        picture = self.object
        can_edit = has_permission(self.request.user, SITUATION_EDIT)
        versions = readable_pictures(self.request.user).filter(
            municipality=picture.municipality_id, period_start=picture.period_start
        )
        return super().get_context_data(
            **picture_context(picture, names_silent=can_edit),
            can_edit=can_edit,
            can_observe=observations_open(picture)
            and in_working_group(self.request.user, picture.municipality_id),
            changed=changed_since_compiled(picture) if not picture.is_frozen else 0,
            versions=versions.defer("content").order_by("version"),
            **kwargs,
        )


class SituationPdf(PictureMixin, View):
    def get(self, request, pk):
        picture = self.get_picture()
        title = _("Situation picture %(municipality)s %(start)s") % {
            "municipality": picture.municipality.name,
            "start": picture.period_start.isoformat(),
        }
        context = picture_context(
            picture, names_silent=has_permission(request.user, SITUATION_EDIT)
        )
        pdf = pdf_render("reports/situation/picture_pdf.html", context, title=title)
        if not picture.is_frozen:
            access_record(request=request, kind=AccessKind.DOCUMENT, target=picture)
        response = HttpResponse(pdf, content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="{_file_name(picture)}.pdf"'
        return response


class SituationEdit(PictureMixin, ServiceFormMixin, FormView):
    permission = SITUATION_EDIT
    form_class = PictureForm
    template_name = "reports/situation/picture_form.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.picture = self.get_picture()
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "municipality": self.picture.municipality}

    def get_initial(self):
        return {
            "analysis": self.picture.analysis,
            "problems": self.picture.problems,
            "shared_with": list(self.picture.shared_with.all()),
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(picture=self.picture, **kwargs)

    def perform(self, form):
        return situation_picture_update(
            picture=self.picture, by=self.request.user, **form.cleaned_data
        )

    def performed(self, form, picture):
        messages.success(self.request, _("The picture is saved."))
        return redirect("situation_detail", pk=self.picture.pk)


STEPS = {
    "recompile": (situation_picture_recompile, gettext_lazy("The picture is compiled again.")),
    "submit": (situation_picture_submit, gettext_lazy("The picture is ready for review.")),
    "publish": (
        situation_picture_publish,
        gettext_lazy("The picture is published and the partners are told."),
    ),
    "revise": (situation_picture_revise, gettext_lazy("A new version is made from the picture.")),
}


class SituationStep(PictureMixin, View):
    """One step of the workflow, posted from the picture's page."""

    permission = SITUATION_EDIT
    step = ""

    def post(self, request, pk):
        picture = self.get_picture()
        function, done = STEPS[self.step]
        result = service_act(
            request, lambda: function(picture=picture, by=request.user), success=done
        )
        return redirect("situation_detail", pk=picture.pk if result is REFUSED else result.pk)


class InterventionCreate(PictureMixin, ServiceFormMixin, FormView):
    permission = SITUATION_EDIT
    form_class = InterventionForm
    template_name = "reports/situation/intervention_form.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.picture = self.get_picture()
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "picture": self.picture}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            picture=self.picture,
            map_context=boundary_layer(self.picture.municipality),
            **kwargs,
        )

    def perform(self, form):
        return intervention_create(picture=self.picture, by=self.request.user, **form.cleaned_data)

    def performed(self, form, intervention):
        messages.success(self.request, _("The intervention is saved."))
        return redirect("situation_detail", pk=self.picture.pk)


class InterventionStatus(PermissionRequiredMixin, View):
    """Follow-up: whether an intervention was carried out. Allowed after publishing, too."""

    permission = SITUATION_EDIT

    def post(self, request, pk):
        intervention = get_object_or_404(
            Intervention.objects.filter(
                municipality__in=Municipality.objects.for_user(request.user)
            ),
            pk=pk,
        )
        service_act(
            request,
            lambda: intervention_set_status(
                intervention=intervention, by=request.user, status=request.POST.get("status", "")
            ),
            success=_("The intervention's status is saved."),
        )
        return redirect("situation_detail", pk=intervention.decided_in_id)


class SituationGeoPackage(PictureMixin, View):
    """A published picture as a GeoPackage, for GIS staff; a draft has none (404)."""

    def get(self, request, pk):
        picture = get_object_or_404(readable_pictures(request.user).published(), pk=pk)
        response = HttpResponse(
            situation_picture_geopackage(picture), content_type="application/geopackage+sqlite3"
        )
        response["Content-Disposition"] = f'attachment; filename="{_file_name(picture)}.gpkg"'
        return response
