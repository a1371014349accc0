"""Reading a PDF's text as a reader would: words in order, whatever the line breaks."""

import io

from pypdf import PdfReader


def pdf_text(pdf: bytes) -> str:
    """Return the text of every page of ``pdf`` with its line breaks (narrow table columns,
    wrapped paragraphs) as single spaces."""
    pages = PdfReader(io.BytesIO(pdf)).pages
    return " ".join(" ".join(page.extract_text().split()) for page in pages)
