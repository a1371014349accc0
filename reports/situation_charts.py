"""Charts of a situation picture as inline SVG, drawn on the server from the picture's snapshot.

The same SVG goes to the page and to the PDF. No chart depends on colour alone: bars carry their
values, the matrix cells are shaded in one hue and labelled, hot spots are hatched and numbered,
and every chart has a data table next to it for screen readers.
"""

from django.utils.formats import number_format
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from .situation import hex_corners

#: One hue, light to dark (ColorBrewer Blues): readable by every kind of colour vision.
SHADES = ["#eff3ff", "#c6dbef", "#9ecae1", "#6baed6", "#3182bd", "#08519c"]
INK = "#1b1b1b"


def _shade(value: float, top: float) -> str:
    if value <= 0 or top <= 0:
        return "#ffffff"
    return SHADES[min(len(SHADES) - 1, int(value / top * (len(SHADES) - 1) + 0.999))]


def _ink_on(fill: str) -> str:
    return "#ffffff" if fill in SHADES[-2:] else INK


def _number(value: float, decimals: int = 1) -> str:
    """Return ``value`` rounded to ``decimals`` places (none for a whole number) as the active
    language writes it: 12,5 in Swedish."""
    rounded = round(value, decimals)
    if rounded == int(rounded):
        return number_format(int(rounded))
    return number_format(rounded, decimal_pos=decimals)


def bars(values: list[float], labels: list[str], *, title: str, width: int = 720) -> str:
    """Return a vertical bar chart with each bar's value written above it."""
    height, top, bottom, left = 180, 18, 28, 8
    count = len(values)
    slot = (width - 2 * left) / max(count, 1)
    largest = max(values, default=0) or 1
    # Narrow bars (the 24 hours) get whole numbers, which fit above them; the table has the rest.
    decimals = 1 if slot >= 36 else 0
    parts = [
        format_html(
            '<svg class="chart" viewBox="0 0 {} {}" role="img" aria-label="{}" '
            'xmlns="http://www.w3.org/2000/svg" font-family="sans-serif" font-size="11">',
            width,
            height,
            title,
        )
    ]
    for index, (value, label) in enumerate(zip(values, labels, strict=True)):
        bar = (height - top - bottom) * value / largest
        x = left + index * slot
        y = height - bottom - bar
        parts.append(
            format_html(
                '<rect x="{}" y="{}" width="{}" height="{}" fill="{}" '
                'stroke="{}" stroke-width="0.5"/>',
                round(x + slot * 0.15, 1),
                round(y, 1),
                round(slot * 0.7, 1),
                round(bar, 1),
                SHADES[4],
                INK,
            )
        )
        parts.append(
            format_html(
                '<text x="{}" y="{}" text-anchor="middle" fill="{}">{}</text>',
                round(x + slot / 2, 1),
                round(y - 3, 1),
                INK,
                _number(value, decimals),
            )
        )
        parts.append(
            format_html(
                '<text x="{}" y="{}" text-anchor="middle" fill="{}">{}</text>',
                round(x + slot / 2, 1),
                height - bottom + 14,
                INK,
                label,
            )
        )
    parts.append(
        format_html(
            '<line x1="{}" x2="{}" y1="{}" y2="{}" stroke="{}"/>',
            left,
            width - left,
            height - bottom,
            height - bottom,
            INK,
        )
    )
    parts.append(mark_safe("</svg>"))  # noqa: S308 - a constant
    return mark_safe("".join(parts))  # noqa: S308 - every part is escaped by format_html


def matrix(values: list[list[float]], weekdays: list[str], *, title: str) -> str:
    """Return the weekday × hour matrix: cells shaded in one hue with their values written in."""
    cell, left, top = 30, 40, 18
    width, height = left + 24 * cell + 2, top + 7 * cell + 2
    largest = max((v for row in values for v in row), default=0)
    parts = [
        format_html(
            '<svg class="chart" viewBox="0 0 {} {}" role="img" aria-label="{}" '
            'xmlns="http://www.w3.org/2000/svg" font-family="sans-serif" font-size="10">',
            width,
            height,
            title,
        )
    ]
    for hour in range(24):
        parts.append(
            format_html(
                '<text x="{}" y="{}" text-anchor="middle" fill="{}">{}</text>',
                left + hour * cell + cell / 2,
                top - 5,
                INK,
                f"{hour:02d}",
            )
        )
    for day, row in enumerate(values):
        y = top + day * cell
        parts.append(
            format_html(
                '<text x="{}" y="{}" fill="{}">{}</text>', 2, y + cell / 2 + 4, INK, weekdays[day]
            )
        )
        for hour, value in enumerate(row):
            fill = _shade(value, largest)
            x = left + hour * cell
            parts.append(
                format_html(
                    '<rect x="{}" y="{}" width="{}" height="{}" fill="{}" stroke="#8a8a8a" '
                    'stroke-width="0.5"/>',
                    x,
                    y,
                    cell,
                    cell,
                    fill,
                )
            )
            if value >= 0.05:
                parts.append(
                    format_html(
                        '<text x="{}" y="{}" text-anchor="middle" fill="{}">{}</text>',
                        x + cell / 2,
                        y + cell / 2 + 4,
                        _ink_on(fill),
                        _number(value),
                    )
                )
    parts.append(mark_safe("</svg>"))  # noqa: S308 - a constant
    return mark_safe("".join(parts))  # noqa: S308 - every part is escaped by format_html


def sparkline(values: list[int], *, title: str, width: int = 160, height: int = 36) -> str:
    """Return a small line of monthly counts with the first and last month's values written."""
    if not values:
        return ""
    largest = max(values) or 1
    step = (width - 40) / max(len(values) - 1, 1)
    points = " ".join(
        f"{20 + i * step:.1f},{height - 6 - (height - 14) * v / largest:.1f}"
        for i, v in enumerate(values)
    )
    last_y = height - 6 - (height - 14) * values[-1] / largest
    return format_html(
        '<svg class="sparkline" viewBox="0 0 {w} {h}" width="{w}" height="{h}" role="img" '
        'aria-label="{title}" xmlns="http://www.w3.org/2000/svg" font-family="sans-serif" '
        'font-size="10"><polyline points="{points}" fill="none" stroke="{ink}" '
        'stroke-width="1.5"/><circle cx="{lx}" cy="{ly}" r="2.5" fill="{ink}"/>'
        '<text x="0" y="{h2}" fill="{ink}">{first}</text>'
        '<text x="{tx}" y="{h2}" fill="{ink}">{last}</text></svg>',
        w=width,
        h=height,
        title=title,
        points=points,
        ink=INK,
        lx=round(20 + (len(values) - 1) * step, 1),
        ly=round(last_y, 1),
        h2=height / 2 + 4,
        first=values[0],
        tx=width - 16,
        last=values[-1],
    )


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


def situation_map(
    where: dict,
    *,
    centre: list[float],
    police_events: int,
    title: str,
    labelled: int = LISTED_PLACES,
) -> str:
    """Return the map of the period: hexagon counts shaded, hot spots hatched and numbered,
    repeat places as numbered rings, police events as one hollow marker at the centre (their
    positions are not known precisely). Only the first ``labelled`` hot spots and repeat places
    (the busiest, those the tables list) carry their number; the others are small unnumbered
    marks, since hundreds of numbers would cover each other (and take seconds in the PDF)."""
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
        fill = _shade(area["count"], area_top) if "count" in area else "none"
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
                _shade(cell["count"], largest),
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
            fill = _shade(cell["count"], largest)
            parts.append(
                _haloed(
                    x, float(y) + 14, cell["count"], ink=_ink_on(fill), halo=fill, width=2, size=10
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
