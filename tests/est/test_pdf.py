"""A PDF fetches nothing but data: URLs and the project's static files."""

import base64
import io
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.template import Context, Template
from PIL import Image
from pypdf import PdfReader

from est.pdf import pdf_of_html


def png() -> bytes:
    output = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(output, format="PNG")
    return output.getvalue()


@pytest.fixture
def counting_server():
    """A local HTTP server that serves a PNG for any path and counts the requests it gets."""
    hits = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            hits.append(self.path)
            body = png()
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", hits
    server.shutdown()
    server.server_close()


def images_in(pdf: bytes) -> int:
    return sum(len(page.images) for page in PdfReader(io.BytesIO(pdf)).pages)


def test_a_pdf_asks_no_other_host_and_reads_no_file_outside_the_static_files(
    counting_server, tmp_path, settings
):
    server, hits = counting_server
    settings.STATIC_ROOT = tmp_path / "static"
    settings.STATIC_ROOT.mkdir()
    (settings.STATIC_ROOT / "logo.png").write_bytes(png())
    secret = tmp_path / "secret.png"
    secret.write_bytes(png())
    inline = "data:image/png;base64," + base64.b64encode(png()).decode()
    html = Template(
        '<html><head><link rel="stylesheet" href="{{ server }}/style.css">'
        '<style>@import url("{{ server }}/imported.css");</style></head><body>'
        "<p>Rapport</p>"
        '<img src="{{ server }}/x.png" alt="">'
        '<img src="http://127.0.0.1:1/x.png" alt="">'
        '<img src="file://{{ secret }}" alt="">'
        '<img src="{{ inline }}" alt="">'
        '<img src="file://{{ static }}/logo.png" alt="">'
        "</body></html>"
    ).render(
        Context(
            {"server": server, "secret": secret, "inline": inline, "static": settings.STATIC_ROOT}
        )
    )

    pdf = pdf_of_html(html)

    assert hits == []
    assert pdf.startswith(b"%PDF")
    assert "Rapport" in PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    assert images_in(pdf) == 2  # the data: URL and the static file
