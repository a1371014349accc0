"""The REST API's pages of results."""

from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import NotFound
from rest_framework.pagination import PageNumberPagination


class WholePageNumberPagination(PageNumberPagination):
    """DRF's page numbers, except that an empty ``page`` is refused like any other page that
    does not exist: DRF would read ``?page=`` as the first page, which the schema (an integer)
    does not allow."""

    def get_page_number(self, request, paginator):
        """Return the page asked for; raise NotFound (404) when ``page`` is given but empty."""
        if request.query_params.get(self.page_query_param, None) == "":
            raise NotFound(_("The page must be a whole number, 1 or more."))
        return super().get_page_number(request, paginator)
