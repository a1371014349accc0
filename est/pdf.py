"""PDF documents: a Django template rendered by WeasyPrint as a tagged, accessible PDF."""

from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import translation
from weasyprint import CSS, HTML
from weasyprint.urls import URLFetcher

#: PDF/UA-1: a tagged PDF with a structure tree, so screen readers can read it.
PDF_VARIANT = "pdf/ua-1"


def _static_roots() -> list[Path]:
    return [Path(root).resolve() for root in [*settings.STATICFILES_DIRS, settings.STATIC_ROOT]]


class StaticOnlyFetcher(URLFetcher):
    """Fetches ``data:`` URLs and files among the project's static files, and nothing else:
    a PDF is never a way to make the server ask another host (or itself) for anything."""

    def fetch(self, url, headers=None):
        parts = urlsplit(url)
        if parts.scheme == "data":
            return super().fetch(url, headers)
        if parts.scheme == "file" and not parts.netloc:
            path = Path(unquote(parts.path)).resolve()
            if any(path.is_relative_to(root) for root in _static_roots()):
                return super().fetch(url, headers)
        # WeasyPrint leaves the resource out and writes a warning to its log.
        raise ValueError(f"Not fetched for a PDF: {url}")


def _stylesheet() -> CSS:
    """Return the house PDF stylesheet (A4, page numbers, running header and footer)."""
    return CSS(filename=finders.find("css/pdf.css"), url_fetcher=StaticOnlyFetcher())


def pdf_render(template_name: str, context: dict, *, title: str) -> bytes:
    """Return the PDF of ``template_name`` rendered with ``context``.

    The document is in the active language (its ``lang`` drives hyphenation and the PDF's
    language tag), carries ``title`` as its metadata title, and is PDF/UA tagged. Images and
    stylesheets named with relative URLs are read from the static files; nothing else is
    fetched but ``data:`` URLs.
    """
    html = render_to_string(
        template_name,
        {**context, "pdf_title": title, "LANGUAGE_CODE": translation.get_language()},
    )
    return pdf_of_html(html)


def pdf_of_html(html: str) -> bytes:
    """Return the PDF WeasyPrint makes of the document ``html`` with the house stylesheet,
    PDF/UA tagged; relative URLs are read from the static files, and nothing is fetched but
    those and ``data:`` URLs."""
    document = HTML(
        string=html,
        base_url=str(settings.BASE_DIR / "static"),
        url_fetcher=StaticOnlyFetcher(),
    )
    return document.write_pdf(stylesheets=[_stylesheet()], pdf_variant=PDF_VARIANT)
