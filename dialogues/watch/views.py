"""The staff's neighbourhood watch pages (coordinator and police): the groups of their
municipalities, one group with its contact persons, and a letter to them. Contact persons are
personal data: every page that shows them goes to the access log."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView, TemplateView

from est.access import PermissionRequiredMixin
from est.access_log import AccessKind, access_record
from est.municipalities import boundary_layer
from est.service_views import ServiceFormMixin, service_act

from ..permissions import WATCH_MANAGE
from .forms import WatchContactForm, WatchGroupForm, WatchLetterForm
from .letters import watch_letter_draft
from .models import WatchContact, WatchGroup
from .services import (
    watch_contact_add,
    watch_contact_remove,
    watch_group_update,
    watch_letter_send,
)


class WatchGroupList(PermissionRequiredMixin, TemplateView):
    """The groups of the user's municipalities, by status."""

    permission = WATCH_MANAGE
    template_name = "dialogues/watch/group_list.html"

    def get_context_data(self, **kwargs):
        groups = WatchGroup.objects.for_user(self.request.user).select_related("municipality")
        return super().get_context_data(
            groups=groups.order_by("status", "municipality__name", "place"), **kwargs
        )


class WatchScopedMixin(PermissionRequiredMixin):
    """Finds ``self.group`` from the URL among the user's municipalities' groups, else 404."""

    permission = WATCH_MANAGE

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.group = get_object_or_404(
                WatchGroup.objects.for_user(request.user).select_related("municipality"),
                pk=kwargs["pk"],
            )
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(group=self.group, **kwargs)


class WatchGroupDetail(WatchScopedMixin, ServiceFormMixin, FormView):
    """One group: what the staff keep about it, its contact persons and its letters."""

    form_class = WatchGroupForm
    template_name = "dialogues/watch/group_detail.html"

    def get(self, request, *args, **kwargs):
        access_record(request=request, kind=AccessKind.WATCH_CONTACTS, target=self.group)
        return super().get(request, *args, **kwargs)

    def get_form_kwargs(self):
        # A copy: a refused form must not change the group the page shows.
        return {**super().get_form_kwargs(), "instance": WatchGroup.objects.get(pk=self.group.pk)}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            contacts=self.group.contacts.all(),
            letters=self.group.letters.all()[:20],
            contact_form=kwargs.pop("contact_form", None) or WatchContactForm(),
            map_context=boundary_layer(self.group.municipality),
            **kwargs,
        )

    def perform(self, form):
        return watch_group_update(group=self.group, **form.cleaned_data)

    def performed(self, form, group):
        messages.success(self.request, _("The group is saved."))
        return redirect("watch_group", pk=group.pk)


class WatchContactAdd(WatchScopedMixin, ServiceFormMixin, FormView):
    """Add a contact person to the group; a refusal shows the group page with what was typed."""

    form_class = WatchContactForm
    template_name = WatchGroupDetail.template_name

    def get(self, request, *args, **kwargs):
        return redirect("watch_group", pk=self.group.pk)

    def get_context_data(self, **kwargs):
        page = WatchGroupDetail(request=self.request, kwargs=self.kwargs)
        page.group = self.group
        return page.get_context_data(contact_form=kwargs["form"])

    def perform(self, form):
        data = form.cleaned_data
        return watch_contact_add(
            group=self.group,
            name=data["name"],
            email=data["email"],
            phone=data["phone"],
            consent_text=str(form.fields["consent"].label),
        )

    def performed(self, form, contact):
        messages.success(self.request, _("%(name)s is a contact person.") % {"name": contact})
        return redirect("watch_group", pk=self.group.pk)


class WatchContactRemove(WatchScopedMixin, View):
    """Delete a contact person of the group at once."""

    def post(self, request, pk, contact_pk):
        contact = get_object_or_404(WatchContact, group=self.group, pk=contact_pk)
        service_act(
            request,
            lambda: watch_contact_remove(contact=contact),
            success=_("The contact person is deleted."),
        )
        return redirect("watch_group", pk=pk)


class WatchLetterCreate(WatchScopedMixin, ServiceFormMixin, FormView):
    """A letter to the group's contact persons, begun with the area's figures."""

    form_class = WatchLetterForm
    template_name = "dialogues/watch/letter_form.html"

    def get_initial(self):
        return {
            "subject": _("News from the neighbourhood watch in %(place)s")
            % {"place": self.group.place},
            "body": watch_letter_draft(self.group),
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(recipients=self.group.contacts.current().count(), **kwargs)

    def perform(self, form):
        return watch_letter_send(group=self.group, by=self.request.user, **form.cleaned_data)

    def performed(self, form, letter):
        messages.success(self.request, _("The letter is on its way to the contact persons."))
        return redirect("watch_group", pk=self.group.pk)
