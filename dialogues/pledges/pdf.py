"""The pledges of a year as an A4 PDF, made the house way (``est.pdf``): PDF/UA tagged, in the
active language, with the house page header and numbers, from the same body as the public page.

Residents ask for the same published document again and again, and WeasyPrint takes about a
second, so the public PDF is rendered once and kept in the cache. It is kept under a digest of
the document's HTML, not under the pledge's id: after publishing, progress is still reported,
the incident indicator counts new incidents, and areas or the agreement may be renamed. Each of
these changes the HTML, so the next request renders a new PDF, and nothing has to remember to
throw the old one away (it expires).
"""

import hashlib

from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from est.pdf import pdf_render

from .display import pledge_page_context
from .models import Pledge

DOCUMENT_TEMPLATE = "dialogues/pledges/pledge_document.html"

#: Seconds a stored PDF is kept. One superseded by a change is never asked for again and goes
#: then; one still current is rendered again at the next request after that.
STORED_FOR = 7 * 24 * 60 * 60


def pledge_pdf_title(pledge: Pledge) -> str:
    """Return the title of ``pledge``'s document in the active language."""
    return _("Citizen pledges %(year)s, %(name)s") % {
        "year": pledge.year,
        "name": pledge.municipality.name,
    }


def _document_html(context: dict, title: str) -> str:
    return render_to_string(DOCUMENT_TEMPLATE, {**context, "pdf_title": title})


def pledge_html(pledge: Pledge) -> str:
    """Return the HTML document of ``pledge`` in the active language: what its PDF shows."""
    return _document_html(pledge_page_context(pledge), pledge_pdf_title(pledge))


def pledge_pdf_stored(pledge: Pledge) -> bytes:
    """Return the PDF of a published ``pledge`` in the active language, rendering it only when
    no PDF of exactly this document (same content, same language) is in the cache.

    ``pledge`` should come from ``pledge_for_display`` so that the document is read in a few
    queries: they run on every request, as the public page's do.
    """
    context = pledge_page_context(pledge)
    title = pledge_pdf_title(pledge)
    digest = hashlib.sha256(_document_html(context, title).encode()).hexdigest()
    key = f"dialogues:pledge-pdf:{pledge.pk}:{digest}"
    pdf = cache.get(key)
    if pdf is None:
        pdf = pdf_render(DOCUMENT_TEMPLATE, context, title=title)
        cache.set(key, pdf, STORED_FOR)
    return pdf
