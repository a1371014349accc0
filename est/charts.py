"""Charts as inline SVG, drawn on the server: they need no script, print in PDFs, and carry
their numbers as text so they read without colour. Each chart is paired with a data table in
the page for screen readers; the SVG itself is hidden from them."""

from dataclasses import dataclass

from django.utils.formats import number_format
from django.utils.html import format_html, format_html_join

BAR = "#14507a"  # the house blue: 9:1 contrast on white, distinct in every colour-vision type


@dataclass(frozen=True)
class Bar:
    label: str
    value: float


def bar_chart_svg(bars: list[Bar], *, width: int = 560, height: int = 180) -> str:
    """Return an SVG column chart of ``bars``, each value written above its column and each
    label below it (empty for no bars). The SVG is ``aria-hidden``: pair it with a table."""
    if not bars:
        return ""
    top, bottom, gap = 18, 34, 6
    baseline = height - bottom
    highest = max(bar.value for bar in bars) or 1
    column = (width - gap) / len(bars)

    def geometry(index, bar):
        bar_height = (baseline - top) * bar.value / highest
        x, middle = index * column + gap, index * column + gap + (column - gap) / 2
        decimals = 0 if float(bar.value).is_integer() else 1
        return (
            f"{x:.1f}", f"{baseline - bar_height:.1f}", f"{column - gap:.1f}", f"{bar_height:.1f}",
            f"{middle:.1f}", f"{baseline - bar_height - 4:.1f}", number_format(bar.value, decimals),
            f"{middle:.1f}", f"{baseline + 14:.1f}", bar.label,
        )  # fmt: skip

    columns = format_html_join(
        "",
        '<rect x="{}" y="{}" width="{}" height="{}" fill="' + BAR + '"/>'
        '<text x="{}" y="{}" text-anchor="middle" font-size="11">{}</text>'
        '<text x="{}" y="{}" text-anchor="middle" font-size="10">{}</text>',
        (geometry(index, bar) for index, bar in enumerate(bars)),
    )
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {} {}" width="100%" '
        'aria-hidden="true" focusable="false" class="chart">'
        '<line x1="0" y1="{}" x2="{}" y2="{}" stroke="#4a5560"/>{}</svg>',
        width, height, baseline, width, baseline, columns,
    )  # fmt: skip
