"""Hot spots and repeat places among incident positions, in SWEREF 99 TM metres."""

import numpy as np
import pandas as pd
from scipy import sparse
from scipy.sparse.csgraph import connected_components
from scipy.spatial import cKDTree
from scipy.stats import norm

#: Gi* z-scores beyond these mark a hot (or cold) spot at 95 % and 99 % confidence.
Z_95, Z_99 = 1.96, 2.58


def _neighbours(x, y, distance: float) -> sparse.csr_matrix:
    """Return the binary weights matrix: 1 where two points lie within ``distance`` (self too)."""
    points = np.column_stack([x, y])
    tree = cKDTree(points)
    rows, cols = [], []
    for i, near in enumerate(tree.query_ball_point(points, r=distance)):
        rows.extend([i] * len(near))
        cols.extend(near)
    n = len(points)
    return sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(n, n))


def getis_ord_gi_star(
    cells: pd.DataFrame, *, distance: float, study_cells: int | None = None
) -> pd.DataFrame:
    """Return ``cells`` with Getis-Ord Gi* columns ``z``, ``p`` and ``spot``.

    ``cells`` has one row per grid cell with the cell centre ``x``, ``y`` and the incident
    ``count``. A cell's neighbours are the cells whose centres lie within ``distance`` (itself
    included), so for hexagons ``distance`` is a little over the distance between neighbouring
    centres. ``study_cells`` is the number of cells of the whole study area when ``cells`` holds
    only those near the data: the missing ones count zero, so the mean and spread are those of
    the whole area and every cell whose neighbours are all in ``cells`` gets the z it would get
    on the whole grid. ``spot`` is "hot99", "hot95", "cold95", "cold99" or "" (nothing beyond
    chance). With fewer than three cells or no variation, every z is 0.
    """
    result = cells.copy()
    n = len(cells) if study_cells is None else study_cells
    if n < len(cells):
        raise ValueError("study_cells is fewer than the cells given")
    counts = cells["count"].to_numpy(dtype=float)
    mean = counts.sum() / n if n else 0.0
    # The population spread over all n cells; the absent cells add (0 - mean)² each.
    std = np.sqrt(max((counts**2).sum() / n - mean**2, 0.0)) if n else 0.0
    if n < 3 or std == 0:
        result["z"], result["p"], result["spot"] = 0.0, 1.0, ""
        return result
    weights = _neighbours(cells["x"].to_numpy(), cells["y"].to_numpy(), distance)
    weight_sum = np.asarray(weights.sum(axis=1)).ravel()
    weight_squares = np.asarray(weights.multiply(weights).sum(axis=1)).ravel()
    local = weights @ counts
    denominator = std * np.sqrt((n * weight_squares - weight_sum**2) / (n - 1))
    with np.errstate(invalid="ignore", divide="ignore"):
        z = np.where(denominator > 0, (local - mean * weight_sum) / denominator, 0.0)
    result["z"] = z
    result["p"] = 2 * norm.sf(np.abs(z))
    result["spot"] = np.select(
        [z >= Z_99, z >= Z_95, z <= -Z_99, z <= -Z_95], ["hot99", "hot95", "cold99", "cold95"], ""
    )
    return result


def repeat_places(points: pd.DataFrame, *, radius: float = 50, minimum: int = 3) -> pd.DataFrame:
    """Return the places where ``minimum`` or more incidents lie close together.

    ``points`` has ``x`` and ``y`` per incident. Incidents chained within ``radius`` metres of
    each other form one place. The result has one row per place: ``x``, ``y`` (the mean
    position), ``count`` and ``members`` (the row labels of its incidents), most incidents first.
    """
    columns = ["x", "y", "count", "members"]
    if len(points) < minimum:
        return pd.DataFrame(columns=columns)
    graph = _neighbours(points["x"].to_numpy(), points["y"].to_numpy(), radius)
    _, labels = connected_components(graph, directed=False)
    grouped = points.assign(place=labels).groupby("place")
    places = pd.DataFrame(
        {
            "x": grouped["x"].mean(),
            "y": grouped["y"].mean(),
            "count": grouped.size(),
            "members": grouped.apply(lambda group: list(group.index), include_groups=False),
        }
    )
    places = places[places["count"] >= minimum]
    return places.sort_values("count", ascending=False, kind="stable").reset_index(drop=True)
