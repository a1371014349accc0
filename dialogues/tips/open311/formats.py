"""Open311's two formats: each answer is a list of flat records (or one record, the service
definition), written as JSON or as XML with the spec's element names, and errors as
``[{"code": …, "description": …}]`` or ``<errors><error>…</error></errors>``."""

import json
from xml.etree import ElementTree

from django.http import HttpResponse

CONTENT_TYPES = {"json": "application/json; charset=utf-8", "xml": "text/xml; charset=utf-8"}


def _element(parent, name: str, value) -> None:
    child = ElementTree.SubElement(parent, name)
    if isinstance(value, list):
        for item in value:
            _element(child, name.removesuffix("s"), item)
    elif isinstance(value, dict):
        for key, inner in value.items():
            _element(child, key, inner)
    elif isinstance(value, bool):
        child.text = "true" if value else "false"
    elif value is not None:
        child.text = str(value)


def open311_response(fmt: str, data, *, root: str, item: str, status: int = 200) -> HttpResponse:
    """Return ``data`` (a list of records, or one record) as ``fmt``: in XML a list is the
    element ``root`` holding one ``item`` per record, a record is ``root`` itself."""
    if fmt == "json":
        body = json.dumps(data, ensure_ascii=False)
    else:
        element = ElementTree.Element(root)
        records = data if isinstance(data, list) else [data]
        for record in records:
            parent = ElementTree.SubElement(element, item) if isinstance(data, list) else element
            for key, value in record.items():
                _element(parent, key, value)
        body = ElementTree.tostring(element, encoding="unicode", xml_declaration=True)
    return HttpResponse(body, status=status, content_type=CONTENT_TYPES[fmt])


def open311_error(fmt: str, status: int, *descriptions: str) -> HttpResponse:
    """Return the spec's error answer: one error per description, all with code ``status``."""
    errors = [{"code": status, "description": text} for text in descriptions]
    return open311_response(fmt, errors, root="errors", item="error", status=status)
