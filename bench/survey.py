"""Benchmark: the survey's public answer form under 100 answers a second, and the results page
of a wave with 20,000 responses (compared with a previous wave of 10,000).

    .venv/bin/python bench/survey.py [--responses 20000] [--rate 100] [--seconds 20]

Creates (once) the database ``est_survey_bench`` next to the development one, migrates it, seeds
the demo and adds two waves in Arboga with generated answers (dialogues/survey/generate.py, the
demo's generator; written with bulk_create, not through the form). Then starts gunicorn
(bench/run.py) behind "our proxy" 127.0.0.1, so that each simulated resident is a client of
its own by X-Forwarded-For (as behind the real proxy; one address would meet the rate limit),
and times, from clients over loopback:

- the form: ``--rate`` answers a second for ``--seconds`` seconds, paced open-loop by 20
  threads (a thread sends on its schedule whether or not the previous answer is back), each
  POST with the CSRF token from one GET; p50/p95 of the POSTs (302 is a stored answer);
- the public results page of the 20,000-response wave: ``--requests`` GETs after warm-up.
"""

import argparse
import datetime
import http.client
import os
import random
import re
import sys
import time
import urllib.parse
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from generate import create_database, manage  # noqa: E402
from probe import probe_summary  # noqa: E402
from run import WARM_UP, paced, server, setup_django, summary, timed_get  # noqa: E402

os.environ["TRUSTED_PROXIES"] = "127.0.0.1"
THREADS = 20


def generate(responses: int) -> int:
    """Add the benchmark's current wave (``responses``) and a previous one (half as many) to
    Arboga, unless there; return the current wave's id."""
    from django.contrib.gis.geos import MultiPoint, Point
    from django.utils import timezone

    from dialogues.survey import bank
    from dialogues.survey.forms import RESIDENTIAL_KINDS
    from dialogues.survey.generate import generated_answer, hotspots_in
    from dialogues.survey.models import SurveyResponse, SurveyWave
    from est.models import Area, Municipality

    arboga = Municipality.objects.get(code="1984")
    areas = list(Area.objects.filter(municipality=arboga, kind__in=RESIDENTIAL_KINDS))
    hotspots = hotspots_in(arboga)
    today = timezone.localdate()
    wave_id = None
    for title, days_ago, count in (
        ("Benchmark survey, previous", 400, responses // 2),
        ("Benchmark survey", 5, responses),
    ):
        wave, _created = SurveyWave.objects.get_or_create(
            municipality=arboga,
            title=title,
            defaults={
                "questions": list(bank.DEFAULT_KEYS),
                "opens_on": today - datetime.timedelta(days=days_ago),
                "closes_on": today + datetime.timedelta(days=60 - days_ago),
                "status": SurveyWave.Status.OPEN,
            },
        )
        wave_id = wave.pk
        missing = count - wave.responses.count()
        rng = random.Random(wave.pk)  # noqa: S311 - generated answers, nothing secret
        batch = []
        for _i in range(max(0, missing)):
            answer = generated_answer(rng, wave, areas, hotspots)
            places = answer.pop("places")
            batch.append(
                SurveyResponse(
                    wave=wave,
                    submission_key=uuid.uuid4(),
                    submitted_on=wave.opens_on,
                    avoided_places=MultiPoint(
                        [Point(lng, lat, srid=4326) for lat, lng in places], srid=4326
                    ).transform(3006, clone=True)
                    if places
                    else None,
                    **answer,
                )
            )
        SurveyResponse.objects.bulk_create(batch, batch_size=2000)
    return wave_id


def bench_form(port: int, wave_id: int, rate: float, seconds: float) -> None:
    path = f"/trygghetsundersokning/1984/{wave_id}/"

    def start(connection, number: int):
        connection.request("GET", path, headers={"X-Forwarded-For": f"10.{number}.0.1"})
        response = connection.getresponse()
        page = response.read().decode()
        cookie = response.getheader("Set-Cookie").split(";")[0]
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        return number, cookie, token

    def send(connection, state, rng, sent: int):
        number, cookie, token = state
        body = urllib.parse.urlencode(
            {
                "csrfmiddlewaretoken": token,
                "submission_key": str(uuid.uuid4()),
                "unsafe_evening": rng.choice(["very_safe", "fairly_safe", "fairly_unsafe"]),
                "problems": rng.sample(["litter", "drugs", "traffic", "lighting"], 2),
                "age_band": rng.choice(["", "25-44", "65-84"]),
                "website": "",
                "places": "",
            },
            doseq=True,
        )
        headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": cookie,
            # Each resident a client of their own behind the proxy.
            "X-Forwarded-For": f"10.{number}.{sent // 250}.{sent % 250 + 1}",
            "X-Bench-Sent": repr(time.time()),
        }
        connection.request("POST", path, body=body, headers=headers)
        response = connection.getresponse()
        response.read()
        return response.status

    paced(port, "form: answers", rate, seconds, start, send, threads=THREADS)


def bench_results(port: int, wave_id: int, requests: int) -> None:
    path = f"/trygghetsundersokning/1984/{wave_id}/resultat/"
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    for _ in range(WARM_UP):
        timed_get(connection, path, {})
    times, errors, size = [], 0, 0
    for _ in range(requests):
        seconds, status, body = timed_get(connection, path, {})
        errors += status != 200
        size = len(body)
        times.append(seconds)
    print(summary("results page, 20,000 responses", times, f"errors={errors} bytes={size:,}"))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", default="est_survey_bench")
    parser.add_argument("--responses", type=int, default=20_000)
    parser.add_argument("--rate", type=float, default=100)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--requests", type=int, default=100)
    # Sync workers, as in production (docker-compose.yml): with threads, each process keeps the
    # connections it accepted, and one took 851 of 1,001 answers while the others idled.
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument(
        "--probe",
        type=Path,
        help="write each request's wait, CPU and SQL to this file and summarise the answers' "
        "(bench/probe.py)",
    )
    args = parser.parse_args(argv)
    url = create_database(args.database, fresh=False)
    manage(url, "migrate", "--no-input", "-v", "0")
    manage(url, "seed_demo")
    setup_django(args.database)
    wave_id = generate(args.responses)
    with server(url, args.workers, args.threads, probe=args.probe) as port:
        bench_results(port, wave_id, args.requests)
        bench_form(port, wave_id, args.rate, args.seconds)
    if args.probe:
        print(probe_summary(args.probe))
    print("load average:", Path("/proc/loadavg").read_text().strip())


if __name__ == "__main__":
    main()
