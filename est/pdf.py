"""PDF documents: a Django template rendered by WeasyPrint as a tagged, accessible PDF."""

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import translation
from weasyprint import CSS, HTML

#: PDF/UA-1: a tagged PDF with a structure tree, so screen readers can read it.
PDF_VARIANT = "pdf/ua-1"


def _stylesheet() -> CSS:
    """Return the house PDF stylesheet (A4, page numbers, running header and footer)."""
    return CSS(filename=finders.find("css/pdf.css"))


def pdf_render(template_name: str, context: dict, *, title: str) -> bytes:
    """Return the PDF of ``template_name`` rendered with ``context``.

    The document is in the active language (its ``lang`` drives hyphenation and the PDF's
    language tag), carries ``title`` as its metadata title, and is PDF/UA tagged. Images and
    stylesheets named with relative URLs are read from the static files.
    """
    html = render_to_string(
        template_name,
        {**context, "pdf_title": title, "LANGUAGE_CODE": translation.get_language()},
    )
    return pdf_of_html(html)


def pdf_of_html(html: str) -> bytes:
    """Return the PDF WeasyPrint makes of the document ``html`` with the house stylesheet,
    PDF/UA tagged; relative URLs are read from the static files."""
    document = HTML(string=html, base_url=str(settings.BASE_DIR / "static"))
    return document.write_pdf(stylesheets=[_stylesheet()], pdf_variant=PDF_VARIANT)
