"""Charts as inline SVG, drawn on the server: the one way the pages and the PDFs draw bars, the
weekday × hour matrix and trend lines. They need no script, print in PDFs, and carry their
numbers as text so they read without colour (one hue, ColorBrewer Blues, readable by every kind
of colour vision); each chart has a data table next to it for screen readers."""

from django.utils.formats import number_format
from django.utils.html import format_html
from django.utils.safestring import mark_safe

#: One hue, light to dark (ColorBrewer Blues).
SHADES = ["#eff3ff", "#c6dbef", "#9ecae1", "#6baed6", "#3182bd", "#08519c"]
INK = "#1b1b1b"


def shade(value: float, top: float) -> str:
    """Return the fill of ``value`` on a scale up to ``top``: white for nothing."""
    if value <= 0 or top <= 0:
        return "#ffffff"
    return SHADES[min(len(SHADES) - 1, int(value / top * (len(SHADES) - 1) + 0.999))]


def ink_on(fill: str) -> str:
    """Return the colour text is written in on ``fill``: white on the two darkest shades."""
    return "#ffffff" if fill in SHADES[-2:] else INK


def number_text(value: float, decimals: int = 1) -> str:
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
                number_text(value, decimals),
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
            fill = shade(value, largest)
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
                        ink_on(fill),
                        number_text(value),
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


def change_text(change: dict) -> str:
    """Return a change as people write it: "+3 (+60 %)", "−2 (−40 %)", "+4" from nothing."""
    difference = round(change["difference"])
    sign = "+" if difference > 0 else ("−" if difference < 0 else "±")
    text = f"{sign}{abs(difference)}"
    if change["percent"] is not None:
        percent = change["percent"]
        text += f" ({'+' if percent > 0 else '−' if percent < 0 else '±'}{abs(percent)} %)"
    return text
