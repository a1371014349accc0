"""The public site: residents read the published pledges without logging in.

These views never scope by user: they show published versions only, whoever asks.
"""

from django.contrib import messages
from django.core.exceptions import NON_FIELD_ERRORS
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from est.models import Municipality
from est.rate_limits import TOO_MANY_REQUESTS, client_key
from est.service_views import REFUSED, service_form_call
from est.stored_files import stored_file_response

from .comments import comment_submit
from .display import pledge_for_display, pledge_page_context
from .forms import CommentForm
from .models import Comment, Pledge, ProgressUpdate
from .pdf import pledge_pdf_stored
from .survey_results import focus_area_survey, pledge_survey_results


def _municipality(code: str) -> Municipality:
    return get_object_or_404(Municipality.objects.defer("boundary"), code=code)


class PublicIndex(TemplateView):
    """The municipalities that have published pledges."""

    template_name = "dialogues/pledges/public_index.html"

    def get_context_data(self, **kwargs):
        municipalities = (
            Municipality.objects.filter(pledges__status__in=Pledge.PUBLIC_STATUSES)
            .defer("boundary")
            .distinct()
        )
        return super().get_context_data(municipalities=municipalities, **kwargs)


class PublicYear(TemplateView):
    """A year's pledges as residents read them, with their comments and the comment form.

    Without a year in the URL it shows the newest year and lists the earlier ones.
    """

    template_name = "dialogues/pledges/public_year.html"

    def dispatch(self, request, *args, **kwargs):
        self.municipality = _municipality(kwargs["code"])
        pledges = Pledge.objects.current().for_municipality(self.municipality)
        self.years = list(pledges.order_by("-year").values_list("year", flat=True))
        if not self.years:
            raise Http404
        self.year = kwargs.get("year", self.years[0])
        self.pledge = get_object_or_404(pledge_for_display(pledges), year=self.year)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, form=None, **kwargs):
        # The survey's answers on each focus area: the public page only (the PDF and the staff
        # pages show the pledge as agreed).
        results = pledge_survey_results(self.pledge)
        for focus_area in self.pledge.focus_areas.all():
            focus_area.survey = focus_area_survey(focus_area, results)
        return super().get_context_data(
            **pledge_page_context(self.pledge),
            municipality=self.municipality,
            is_newest_year=self.year == self.years[0],
            earlier_years=[year for year in self.years if year != self.year],
            earlier_versions=Pledge.objects.published()
            .for_municipality(self.municipality)
            .filter(year=self.year, version__lt=self.pledge.version)
            .order_by("-version"),
            comments=Comment.objects.approved().for_year(self.municipality, self.year),
            form=form or CommentForm(),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        form = CommentForm(request.POST)
        if form.is_valid():
            if form.is_spam:
                # Answer a robot as if it worked; nothing is stored.
                return self._thanks()
            comment = service_form_call(
                form,
                lambda: comment_submit(
                    pledge=self.pledge,
                    display_name=form.cleaned_data["display_name"],
                    body=form.cleaned_data["body"],
                    sender_key=client_key(request),
                ),
            )
            if comment is not REFUSED:
                return self._thanks()
        # Too many comments from one address: 429, with what was typed kept in the form.
        status = TOO_MANY_REQUESTS if form.has_error(NON_FIELD_ERRORS, "rate_limited") else 400
        return self.render_to_response(self.get_context_data(form=form), status=status)

    def _thanks(self):
        messages.success(
            self.request,
            _("Thank you! Your comment will be shown here once the coordinator has read it."),
        )
        url = reverse("public_pledge_year", args=[self.municipality.code, self.year])
        return redirect(url + "#comments")


class PublicVersion(TemplateView):
    """An earlier, corrected version of a year's pledges, kept for openness."""

    template_name = "dialogues/pledges/public_version.html"

    def get_context_data(self, **kwargs):
        municipality = _municipality(kwargs["code"])
        pledges = Pledge.objects.published().for_municipality(municipality)
        pledge = get_object_or_404(
            pledge_for_display(pledges), year=kwargs["year"], version=kwargs["version"]
        )
        newest = pledges.current().get(year=pledge.year)
        return super().get_context_data(
            **pledge_page_context(pledge), municipality=municipality, newest=newest, **kwargs
        )


def public_pdf(request, code: str, year: int):
    """Return the current version of a year's pledges as a PDF to read or print, rendered once
    per content and language (see ``pdf``)."""
    municipality = _municipality(code)
    pledge = get_object_or_404(
        pledge_for_display(Pledge.objects.current().for_municipality(municipality)), year=year
    )
    response = HttpResponse(pledge_pdf_stored(pledge), content_type="application/pdf")
    filename = f"medborgarlofte-{municipality.code}-{year}.pdf"
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def public_attachment(request, pk: int):
    """Stream the attachment of a progress update on a published pledge.

    Uploaded files are never served directly (see MEDIA_URL in the settings): this view is the
    one way to them, and it only reaches updates of published versions.
    """
    update = get_object_or_404(
        ProgressUpdate.objects.filter(
            activity__focus_area__pledge__status__in=Pledge.PUBLIC_STATUSES
        ).exclude(attachment=""),
        pk=pk,
    )
    return stored_file_response(update.attachment)
