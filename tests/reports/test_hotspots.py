import numpy as np
import pandas as pd

from reports.analysis.hotspots import getis_ord_gi_star, repeat_places


def grid(size=10, spacing=100.0):
    xs, ys = np.meshgrid(np.arange(size) * spacing, np.arange(size) * spacing)
    return pd.DataFrame({"x": xs.ravel(), "y": ys.ravel(), "count": 0})


def test_a_cluster_of_counts_is_a_hot_spot_and_the_rest_is_not():
    cells = grid()
    rng = np.random.default_rng(1)
    cells["count"] = rng.poisson(1, len(cells))
    centre = (cells["x"].between(400, 600)) & (cells["y"].between(400, 600))
    cells.loc[centre, "count"] = 12
    result = getis_ord_gi_star(cells, distance=150)
    assert set(result.loc[centre, "spot"]) <= {"hot95", "hot99"}
    assert result.loc[(cells["x"] == 500) & (cells["y"] == 500), "spot"].item() == "hot99"
    far = (cells["x"] <= 100) & (cells["y"] <= 100)
    assert not result.loc[far, "spot"].str.startswith("hot").any()


def test_no_variation_means_no_hot_spots():
    cells = grid(5)
    cells["count"] = 3
    result = getis_ord_gi_star(cells, distance=150)
    assert (result["z"] == 0).all()
    assert (result["spot"] == "").all()


def test_repeat_places_chain_close_incidents():
    points = pd.DataFrame(
        {
            "x": [0, 20, 40, 1000, 1010, 5000],
            "y": [0, 0, 0, 1000, 1000, 5000],
        },
        index=[11, 12, 13, 14, 15, 16],
    )
    places = repeat_places(points, radius=30, minimum=2)
    assert list(places["count"]) == [3, 2]
    assert places.loc[0, "members"] == [11, 12, 13]
    assert (places.loc[0, "x"], places.loc[0, "y"]) == (20, 0)
    assert repeat_places(points, radius=30, minimum=4).empty
