"""Maps drawn as inline SVG on the server, in SWEREF 99 TM metres: the same drawing goes to the
page and the PDF. Counts are shaded in one hue and written in, hot spots hatched and numbered,
repeat places ringed and numbered, with a halo so every label reads on any background."""

import math

import pandas as pd
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from est.charts import INK, SHADES, ink_on, shade

#: Hot spots and repeat places listed in the tables and numbered on the map, busiest first; the
#: map marks the others unnumbered. A city fortnight can have hundreds of repeat places, which
#: nobody reads as a table (laying them out took the PDF 7.7 s of its 10).
LISTED_PLACES = 15


#: Hexagons narrower than this (side, in pixels of the 720 px map) get no count written in them:
#: the number would spill over its neighbours.
MIN_LABELLED_HEX_PX = 10


def _haloed(x, y, text, *, ink: str, halo: str, width: float, size=12, italic=False) -> str:
    """Return SVG text centred on (x, y) in ``ink`` over an outline of ``halo``, so it reads on
    any background. Drawn twice, outline first: WeasyPrint ignores ``paint-order`` and would
    paint the outline over the letters."""
    return format_html(
        '<g font-size="{size}" font-style="{style}" text-anchor="middle">'
        '<text x="{x}" y="{y}" fill="{halo}" stroke="{halo}" stroke-width="{width}" '
        'stroke-linejoin="round" aria-hidden="true">{text}</text>'
        '<text x="{x}" y="{y}" fill="{ink}">{text}</text></g>',
        size=size,
        style="italic" if italic else "normal",
        x=x,
        y=y,
        halo=halo,
        width=width,
        ink=ink,
        text=text,
    )


def incident_map(
    where: dict,
    *,
    centre: list[float],
    police_events: int,
    title: str,
    labelled: int = LISTED_PLACES,
    others=(),
) -> str:
    """Return the map of the period: hexagon counts shaded, hot spots hatched and numbered,
    repeat places as numbered rings, police events as one hollow marker at the centre (their
    positions are not known precisely). Only the first ``labelled`` hot spots and repeat places
    (the busiest, those the tables list) carry their number; the others are small unnumbered
    marks, since hundreds of numbers would cover each other (and take seconds in the PDF).
    ``others`` are [x, y] of what other sources than incidents mark (open findings of safety
    walks), drawn as small squares."""
    minx, miny, maxx, maxy = where["extent"]
    width = 720
    scale = width / max(maxx - minx, 1)
    height = round((maxy - miny) * scale)

    def xy(x, y):
        return f"{(x - minx) * scale:.1f},{(maxy - y) * scale:.1f}"

    size = where["hex_size"]
    readable_counts = size * scale >= MIN_LABELLED_HEX_PX
    largest = max((c["count"] for c in where["cells"]), default=0)
    parts = [
        format_html(
            '<svg class="chart map-svg" viewBox="0 0 {} {}" role="img" aria-label="{}" '
            'xmlns="http://www.w3.org/2000/svg" font-family="sans-serif" font-size="12" '
            'overflow="hidden">'
            "<defs>"
            '<pattern id="hot95" width="6" height="6" patternUnits="userSpaceOnUse" '
            'patternTransform="rotate(45)"><line x1="0" y1="0" x2="0" y2="6" stroke="#b2182b" '
            'stroke-width="2"/></pattern>'
            '<pattern id="hot99" width="6" height="6" patternUnits="userSpaceOnUse">'
            '<path d="M0,0 L6,6 M6,0 L0,6" stroke="#b2182b" stroke-width="1.6"/></pattern>'
            "</defs>",
            width,
            height,
            title,
        )
    ]
    for ring in where["boundary"]:
        parts.append(
            format_html(
                '<polygon points="{}" fill="#f7f7f7" stroke="#14507a" stroke-width="2"/>',
                " ".join(xy(x, y) for x, y in ring),
            )
        )
    # Areas with a "count" are shaded by it (a choropleth, as in the tertial analysis).
    area_top = max((a.get("count", 0) for a in where.get("areas", [])), default=0)
    for area in where.get("areas", []):
        fill = shade(area["count"], area_top) if "count" in area else "none"
        for ring in area["rings"]:
            parts.append(
                format_html(
                    '<polygon points="{}" fill="{}" stroke="#7a3b00" stroke-width="1.5" '
                    'stroke-dasharray="6 4"/>',
                    " ".join(xy(x, y) for x, y in ring),
                    fill,
                )
            )
    for cell in where["cells"]:
        corners = " ".join(xy(x, y) for x, y in hex_corners(cell["x"], cell["y"], size))
        parts.append(
            format_html(
                '<polygon points="{}" fill="{}" stroke="#8a8a8a" stroke-width="0.4"/>',
                corners,
                shade(cell["count"], largest),
            )
        )
        if cell["spot"].startswith("hot"):
            parts.append(
                format_html(
                    '<polygon points="{}" fill="url(#{})" fill-opacity="0.55" stroke="#b2182b" '
                    'stroke-width="2"/>',
                    corners,
                    cell["spot"],
                )
            )
        # A count is written only where it fits inside its hexagon; the shade tells the rest.
        if cell["count"] and readable_counts:
            x, y = xy(cell["x"], cell["y"]).split(",")
            fill = shade(cell["count"], largest)
            parts.append(
                _haloed(
                    x, float(y) + 14, cell["count"], ink=ink_on(fill), halo=fill, width=2, size=10
                )
            )
    for area in where.get("areas", []):
        if not area["rings"]:
            continue
        ring = area["rings"][0]
        cx = sum(p[0] for p in ring) / len(ring)
        top = max(p[1] for p in ring)
        x, y = xy(cx, top).split(",")
        parts.append(
            _haloed(
                x, float(y) - 3, area["name"], ink="#7a3b00", halo="#ffffff", width=3, italic=True
            )
        )
    for number, spot in enumerate(where["hot_spots"], start=1):
        x, y = xy(spot["x"], spot["y"]).split(",")
        if number > labelled:
            parts.append(
                format_html(
                    '<rect x="{}" y="{}" width="8" height="8" fill="#ffffff" stroke="{}"/>',
                    float(x) - 4,
                    float(y) - 4,
                    INK,
                )
            )
            continue
        parts.append(
            format_html(
                '<g><rect x="{}" y="{}" width="22" height="16" fill="#ffffff" stroke="{}"/>'
                '<text x="{}" y="{}" text-anchor="middle" font-weight="700" fill="{}">H{}</text>'
                "</g>",
                float(x) - 11,
                float(y) - 8,
                INK,
                x,
                float(y) + 4,
                INK,
                number,
            )
        )
    for number, place in enumerate(where["repeat_places"], start=1):
        x, y = xy(place["x"], place["y"]).split(",")
        if number > labelled:
            parts.append(
                format_html(
                    '<circle cx="{}" cy="{}" r="4" fill="#ffffff" stroke="{}" stroke-width="2"/>',
                    x,
                    y,
                    INK,
                )
            )
            continue
        parts.append(
            format_html(
                '<g><circle cx="{}" cy="{}" r="10" fill="#ffffff" stroke="{}" stroke-width="2.5"/>'
                '<text x="{}" y="{}" text-anchor="middle" font-weight="700" fill="{}">R{}</text>'
                "</g>",
                x,
                y,
                INK,
                x,
                float(y) + 4,
                INK,
                number,
            )
        )
    for x, y in others:
        px, py = xy(x, y).split(",")
        parts.append(
            format_html(
                '<rect x="{}" y="{}" width="9" height="9" fill="#e69f00" stroke="{}"/>',
                round(float(px) - 4.5, 1),
                round(float(py) - 4.5, 1),
                INK,
            )
        )
    if police_events:
        x, y = xy(*centre).split(",")
        parts.append(
            format_html(
                '<g><path d="M{x},{top} L{right},{y} L{x},{bottom} L{left},{y} Z" fill="none" '
                'stroke="{ink}" stroke-width="2.5" stroke-dasharray="4 2"/>'
                '<text x="{tx}" y="{ty}" fill="{ink}">{label}</text></g>',
                x=x,
                y=y,
                top=float(y) - 14,
                bottom=float(y) + 14,
                left=float(x) - 14,
                right=float(x) + 14,
                ink=INK,
                tx=float(x) + 18,
                ty=float(y) + 4,
                label=_("%(count)s police events (position approximate)")
                % {"count": police_events},
            )
        )
    parts.append(mark_safe("</svg>"))  # noqa: S308 - a constant
    return mark_safe("".join(parts))  # noqa: S308 - every part is escaped by format_html


def legend_swatch(kind: str) -> str:
    """Return a small SVG swatch for the map legend."""
    shapes = {
        "hot99": '<rect width="20" height="14" fill="url(#hot99)" stroke="#b2182b"/>',
        "hot95": '<rect width="20" height="14" fill="url(#hot95)" stroke="#b2182b"/>',
        "repeat": '<circle cx="10" cy="7" r="6" fill="#fff" stroke="#1b1b1b" stroke-width="2"/>',
        "police": '<path d="M10,0 L20,7 L10,14 L0,7 Z" fill="none" stroke="#1b1b1b" '
        'stroke-width="2" stroke-dasharray="4 2"/>',
        "count": f'<rect width="20" height="14" fill="{SHADES[3]}" stroke="#8a8a8a"/>',
        "other": '<rect x="5" y="2" width="10" height="10" fill="#e69f00" stroke="#1b1b1b"/>',
    }
    # Each swatch appears once per page and carries its own pattern under an id of its own:
    # WeasyPrint does not look into another SVG for a pattern, browsers do.
    defs = {
        "hot95": '<pattern id="legend-hot95" width="6" height="6" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)"><line x1="0" y1="0" x2="0" y2="6" stroke="#b2182b" '
        'stroke-width="2"/></pattern>',
        "hot99": '<pattern id="legend-hot99" width="6" height="6" patternUnits="userSpaceOnUse">'
        '<path d="M0,0 L6,6 M6,0 L0,6" stroke="#b2182b" stroke-width="1.6"/></pattern>',
    }
    shape = shapes[escape(kind)].replace("url(#hot", "url(#legend-hot")
    if kind in defs:
        shape = f"<defs>{defs[kind]}</defs>{shape}"
    return mark_safe(  # noqa: S308 - constant markup chosen by a known key
        f'<svg width="20" height="14" aria-hidden="true" xmlns="http://www.w3.org/2000/svg">'
        f"{shape}</svg>"
    )


def map_extent(boundary_extent, drawn: pd.DataFrame, margin: float = 1500) -> list[float]:
    """Return the map's extent: around the incidents (where the work is), within the boundary's
    extent; the whole municipality when nothing was placed."""
    if drawn.empty:
        return list(boundary_extent)
    minx, miny, maxx, maxy = boundary_extent
    return [
        max(minx, drawn["x"].min() - margin),
        max(miny, drawn["y"].min() - margin),
        min(maxx, drawn["x"].max() + margin),
        min(maxy, drawn["y"].max() + margin),
    ]


def outline_rings(boundary) -> list[list[list[float]]]:
    """Return the outer rings of ``boundary``, simplified to 50 m, as lists of [x, y]."""
    simple = boundary.simplify(50, preserve_topology=True)
    polygons = [simple] if simple.geom_type == "Polygon" else list(simple)
    return [
        [[round(x, 1), round(y, 1)] for x, y in polygon.exterior_ring.coords]
        for polygon in polygons
    ]


def hex_corners(x: float, y: float, size: float) -> list[tuple[float, float]]:
    """Return the corners of the flat-topped hexagon ST_HexagonGrid draws around (x, y)."""
    return [
        (x + size * math.cos(math.radians(a)), y + size * math.sin(math.radians(a)))
        for a in range(0, 360, 60)
    ]


def route_map(
    extent: list[float], *, route: list[list[float]], points: list[tuple], title: str
) -> str:
    """Return a map of a route (a line of [x, y] in metres) with numbered points on it, such
    as a safety walk's findings: ``points`` are (x, y, number). The map covers ``extent``
    (minx, miny, maxx, maxy), drawn 720 px wide."""
    minx, miny, maxx, maxy = extent
    width = 720
    scale = width / max(maxx - minx, 1)
    height = round((maxy - miny) * scale)

    def xy(x, y):
        return round((x - minx) * scale, 1), round((maxy - y) * scale, 1)

    parts = [
        format_html(
            '<svg class="chart map-svg" viewBox="0 0 {} {}" role="img" aria-label="{}" '
            'xmlns="http://www.w3.org/2000/svg" font-family="sans-serif" font-size="12" '
            'overflow="hidden"><rect width="{}" height="{}" fill="#f4f6f8"/>',
            width,
            height,
            title,
            width,
            height,
        )
    ]
    if route:
        line = " ".join("{},{}".format(*xy(x, y)) for x, y in route)
        parts.append(
            format_html(
                '<polyline points="{}" fill="none" stroke="#7a3b00" stroke-width="4" '
                'stroke-linejoin="round"/>',
                line,
            )
        )
    for x, y, number in points:
        px, py = xy(x, y)
        parts.append(
            format_html(
                '<circle cx="{}" cy="{}" r="10" fill="#14507a" stroke="#ffffff" stroke-width="2"/>',
                px,
                py,
            )
        )
        parts.append(_haloed(px, py + 4, number, ink="#ffffff", halo="#14507a", width=0))
    parts.append(mark_safe("</svg>"))  # noqa: S308 - a constant
    return mark_safe("".join(parts))  # noqa: S308 - every part is escaped by format_html
