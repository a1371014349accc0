"""The pledges of a year as an A4 PDF in Swedish, from the same template as the printable page."""

import logging

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import translation

from .display import pledge_page_context
from .models import Pledge

PRINT_CSS = "css/dialogues-print.css"

# WeasyPrint logs every rendering step at INFO; only its warnings are worth reading.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)


def pledge_html(pledge: Pledge) -> str:
    """Return the standalone HTML document (lang="sv") of ``pledge`` that the PDF is made from."""
    with translation.override("sv"):
        return render_to_string("dialogues/pledge_document.html", pledge_page_context(pledge))


def pledge_pdf(pledge: Pledge) -> bytes:
    """Return ``pledge`` as an A4 PDF."""
    # Imported here: WeasyPrint loads fonts and its stylesheets when imported, which every
    # process serving pages would otherwise pay for at start.
    from weasyprint import CSS, HTML

    html = HTML(string=pledge_html(pledge))
    return html.write_pdf(stylesheets=[CSS(filename=finders.find(PRINT_CSS))])
