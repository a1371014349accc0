"""Time the map data in process, per zoom, from the kept cells and counted from the incidents:
CPU time (time.process_time, which a loaded machine does not inflate) and wall time.

    .venv/bin/python bench/map_profile.py [--user bench_city_coordinator] [--municipality 1480]
        [--filter all|year|category|both] [--views 90] [--counted]

Seed the database first (bench/generate.py, bench/big_city.py). The views are random, centred in
the municipality's extent at zoom 8-16, seeded (--seed): the same views with and without
--counted, which skips the kept cells (map_cells.cell_selection) and counts every view.
"""

import argparse
import datetime
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import random_view, setup_django, today  # noqa: E402


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", default="est_bench")
    parser.add_argument("--user", default="bench_city_coordinator")
    parser.add_argument("--municipality", default="1480")
    parser.add_argument("--filter", choices=["all", "year", "category", "both"], default="all")
    parser.add_argument("--views", type=int, default=90)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--counted", action="store_true", help="count, never the kept cells")
    args = parser.parse_args(argv)
    setup_django(args.database)
    from django.contrib.auth import get_user_model
    from django.test import RequestFactory

    from est.models import Municipality
    from reports.incidents.filters import IncidentFilter
    from reports.incidents.map_cells import cell_selection
    from reports.incidents.map_data import map_data, map_view_from
    from reports.incidents.models import Category, Incident

    user = get_user_model().objects.get(username=args.user)
    municipality = Municipality.objects.get(code=args.municipality)
    extent = municipality.boundary.transform(4326, clone=True).extent
    year = {"start": (today() - datetime.timedelta(days=365)).isoformat(), "end": today()}
    category = Category.objects.filter(municipality=municipality).order_by("pk").first().name
    filters = {
        "all": {},
        "year": year,
        "category": {"category": category},
        "both": {**year, "category": category},
    }[args.filter]
    rng = random.Random(args.seed)  # noqa: S311 (random views, not secrets)
    by_zoom = {}
    for _ in range(args.views):
        bbox, zoom = random_view(rng, extent, list(range(8, 17)))
        request = RequestFactory().get("/", {**filters, "bbox": bbox, "zoom": str(zoom)})
        request.user = user
        cpu, wall = time.process_time(), time.perf_counter()
        queryset = Incident.objects.for_user(user)
        filterset = IncidentFilter(request.GET, queryset=queryset, request=request)
        selection = None if args.counted else cell_selection(filterset, user)
        map_data(filterset.qs, map_view_from(request.GET), selection)
        by_zoom.setdefault(zoom, []).append(
            ((time.process_time() - cpu) * 1000, (time.perf_counter() - wall) * 1000)
        )
    how = "counted" if args.counted else "kept cells"
    for zoom in sorted(by_zoom):
        cpu = [c for c, _w in by_zoom[zoom]]
        wall = [w for _c, w in by_zoom[zoom]]
        print(
            f"{how:<10} {args.filter:<8} zoom {zoom:2} n={len(cpu):3} "
            f"CPU median {statistics.median(cpu):6.1f} ms  "
            f"wall median {statistics.median(wall):6.1f} ms max {max(wall):7.1f} ms",
            flush=True,
        )


if __name__ == "__main__":
    main()
