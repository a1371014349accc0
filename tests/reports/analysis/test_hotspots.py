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


def test_cells_near_the_data_get_the_z_of_the_whole_grid():
    whole = grid(size=60)
    rng = np.random.default_rng(7)
    busy = whole["x"].between(1000, 1800) & whole["y"].between(2000, 2600)
    whole.loc[busy, "count"] = rng.poisson(2, busy.sum())
    whole.loc[(whole["x"] == 1400) & (whole["y"] == 2300), "count"] = 15
    expected = getis_ord_gi_star(whole, distance=150)
    # Only the cells within two neighbourhoods of the data, as the compiled grid keeps them.
    near = whole["x"].between(700, 2100) & whole["y"].between(1700, 2900)
    result = getis_ord_gi_star(whole[near], distance=150, study_cells=len(whole))
    data = whole[whole["count"] > 0]
    with_data_neighbours = [
        i
        for i, cell in whole[near].iterrows()
        if ((data["x"] - cell.x) ** 2 + (data["y"] - cell.y) ** 2 <= 150**2).any()
    ]
    assert len(with_data_neighbours) > 50
    np.testing.assert_allclose(
        result.loc[with_data_neighbours, "z"], expected.loc[with_data_neighbours, "z"]
    )
    assert (
        result.loc[with_data_neighbours, "spot"] == expected.loc[with_data_neighbours, "spot"]
    ).all()
    assert "hot99" in set(result["spot"])
    # Without the whole grid's size the mean is far too high and the z-scores differ.
    alone = getis_ord_gi_star(whole[near], distance=150)
    assert not np.allclose(
        alone.loc[with_data_neighbours, "z"], expected.loc[with_data_neighbours, "z"]
    )
