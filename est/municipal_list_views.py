"""The coordinator's page of one of a municipality's own lists (``est.municipal_lists``): each
item with its own small form to rename, reorder or retire it, and a form to add one."""

from django import forms
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from .municipal_lists import MunicipalList, list_item_add, list_item_update, list_items
from .service_views import REFUSED, service_form_call
from .views import MunicipalityScopedMixin


class ListItemForm(forms.Form):
    """One item of the list: its name, place and whether it is in use. The prefix keeps the
    labels of the list's forms apart."""

    name = forms.CharField(label=_("Name"), max_length=100)
    position = forms.IntegerField(label=_("Place in the list"), min_value=0, max_value=999)
    active = forms.BooleanField(label=_("In use"), required=False)

    def __init__(self, *args, item, item_name: str, **kwargs):
        super().__init__(
            *args,
            prefix=f"{item_name}-{item.pk}",
            initial={"name": item.name, "position": item.position, "active": item.active},
            **kwargs,
        )
        self.item = item


class MunicipalListPage(MunicipalityScopedMixin, TemplateView):
    """Subclasses set ``permission``, ``template_name``, ``kind`` (MunicipalList), ``item_name``
    (the POST field naming the item), ``add_form_class`` (one field, ``name``), ``url_name``
    and the success messages ``added`` and ``saved`` (with ``%(name)s``)."""

    kind: MunicipalList
    item_name: str
    add_form_class: type
    url_name: str
    added: str
    saved: str

    def get_context_data(self, *, refused=None, add_form=None, **kwargs):
        rows = [
            refused
            if refused is not None and refused.item.pk == item.pk
            else ListItemForm(item=item, item_name=self.item_name)
            for item in list_items(self.kind, self.municipality)
        ]
        return super().get_context_data(
            forms=rows,
            add_form=add_form or self.add_form_class(),
            item_name=self.item_name,
            **kwargs,
        )

    def post(self, request, code):
        if self.item_name in request.POST:
            return self.change(request)
        form = self.add_form_class(request.POST)
        if form.is_valid():
            added = service_form_call(
                form,
                lambda: list_item_add(
                    self.kind, municipality=self.municipality, name=form.cleaned_data["name"]
                ),
            )
            if added is not REFUSED:
                messages.success(request, self.added % {"name": added})
                return redirect(self.url_name, code=code)
        return self.render_to_response(self.get_context_data(add_form=form))

    def change(self, request):
        items = list_items(self.kind, self.municipality)
        item = get_object_or_404(items, pk=request.POST.get(self.item_name))
        form = ListItemForm(request.POST, item=item, item_name=self.item_name)
        if form.is_valid():
            changed = service_form_call(
                form, lambda: list_item_update(self.kind, item=item, **form.cleaned_data)
            )
            if changed is not REFUSED:
                messages.success(request, self.saved % {"name": changed})
                return redirect(self.url_name, code=self.municipality.code)
        return self.render_to_response(self.get_context_data(refused=form))
