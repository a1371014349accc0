"""The coordinator's page for the municipality's categories of findings: add, rename, reorder
and retire them (``est.municipal_list_views``)."""

from django.utils.translation import gettext_lazy as _

from est.municipal_list_views import MunicipalListPage

from ..permissions import WALK_PLAN
from .categories import FINDING_CATEGORIES
from .recording_forms import FindingCategoryAddForm


class FindingCategoryList(MunicipalListPage):
    """The municipality's categories of findings, each with its own small form."""

    permission = WALK_PLAN
    template_name = "dialogues/walks/finding_categories.html"
    kind = FINDING_CATEGORIES
    item_name = "category"
    add_form_class = FindingCategoryAddForm
    url_name = "finding_categories"
    added = _("The category %(name)s is added.")
    saved = _("The category %(name)s is saved.")
