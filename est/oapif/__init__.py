"""OGC API – Features (Part 1 Core with GeoJSON and HTML, Part 2 coordinate reference systems).

The protocol lives here: the landing page, conformance, collections, items with ``bbox``,
``datetime``, ``limit`` and ``next`` links, and the two CRSs. What the collections hold comes
from the apps, which register a ``Collection`` from their AppConfig.ready() (``registry.py``),
each with its own scoped source of rows, so that this package never imports an app.
"""
