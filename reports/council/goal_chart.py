"""A goal's chart: its indicator per tertial as bars, with the baseline and the target as
labelled lines, drawn on the server as inline SVG like the house charts (est.charts). A tertial
without a value has no bar and a dash, never a zero bar; the table beside it says why."""

from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from est.charts import INK, SHADES, number_text

WIDTH, HEIGHT, TOP, BOTTOM, LEFT, RIGHT = 720, 190, 20, 30, 8, 110


def _line(y: float, label: str, dash: str, label_y: float | None = None) -> str:
    return format_html(
        '<line x1="{}" x2="{}" y1="{}" y2="{}" stroke="{}" stroke-width="1.5" '
        'stroke-dasharray="{}"/><text x="{}" y="{}" fill="{}">{}</text>',
        LEFT,
        WIDTH - RIGHT,
        y,
        y,
        INK,
        dash,
        WIDTH - RIGHT + 4,
        (y if label_y is None else label_y) + 4,
        INK,
        label,
    )


def goal_chart(goal: dict, rows: list[dict]) -> str:
    """Return the SVG chart of ``goal`` (as gathered) over its measured ``rows``."""
    values = [row["value"] for row in rows]
    largest = max([goal["baseline"], goal["target"], *(v for v in values if v is not None)])
    largest = largest or 1
    plot = HEIGHT - TOP - BOTTOM

    def y_of(value: float) -> float:
        return round(HEIGHT - BOTTOM - plot * value / largest, 1)

    slot = (WIDTH - LEFT - RIGHT) / max(len(rows), 1)
    title = _("Goal %(number)s: %(title)s") % goal
    parts = [
        format_html(
            '<svg class="chart" viewBox="0 0 {} {}" role="img" aria-label="{}" '
            'xmlns="http://www.w3.org/2000/svg" font-family="sans-serif" font-size="11">',
            WIDTH,
            HEIGHT,
            title,
        )
    ]
    for index, row in enumerate(rows):
        x = LEFT + index * slot
        value = row["value"]
        if value is not None:
            parts.append(
                format_html(
                    '<rect x="{}" y="{}" width="{}" height="{}" fill="{}" stroke="{}" '
                    'stroke-width="0.5"/>',
                    round(x + slot * 0.15, 1),
                    y_of(value),
                    round(slot * 0.7, 1),
                    round(HEIGHT - BOTTOM - y_of(value), 1),
                    SHADES[2],
                    INK,
                )
            )
        parts.append(
            format_html(
                '<text x="{}" y="{}" text-anchor="middle" fill="{}">{}</text>'
                '<text x="{}" y="{}" text-anchor="middle" fill="{}">{}</text>',
                round(x + slot / 2, 1),
                (y_of(value) if value is not None else HEIGHT - BOTTOM) - 3,
                INK,
                number_text(value) if value is not None else "–",
                round(x + slot / 2, 1),
                HEIGHT - BOTTOM + 14,
                INK,
                row["tertial"],
            )
        )
    baseline_y, target_y = y_of(goal["baseline"]), y_of(goal["target"])
    # Labels of lines close together are moved apart, the target's above the baseline's or below.
    apart = 13 if target_y >= baseline_y else -13
    target_label_y = baseline_y + apart if abs(target_y - baseline_y) < 13 else target_y
    parts.append(_line(baseline_y, _("baseline"), "2 3"))
    parts.append(_line(target_y, _("target"), "8 4", target_label_y))
    parts.append(mark_safe("</svg>"))  # noqa: S308 - a constant
    return mark_safe("".join(parts))  # noqa: S308 - every part is escaped by format_html
