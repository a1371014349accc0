"""Helpers for the browser tests: what a person does with a mouse on a map."""


def draw_square_on_map(page, container, half: int = 40) -> None:
    """Draw a square of 2 × ``half`` pixels in the middle of the Leaflet map ``container`` with
    its polygon tool, clicking each corner and finishing on the first."""
    container.scroll_into_view_if_needed()
    container.locator(".leaflet-draw-draw-polygon").click()
    box = container.bounding_box()
    cx, cy = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    for dx, dy in [(-half, -half), (half, -half), (half, half), (-half, half), (-half, -half)]:
        page.mouse.move(cx + dx, cy + dy)
        page.mouse.down()
        page.mouse.up()
        page.wait_for_timeout(150)  # two quick clicks would read as a double-click
