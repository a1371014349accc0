"""What one request costs the web process, measured in process where the machine's load does not
distort it: CPU time (``time.process_time``) and SQL statements of a walk's finding sent as the
phone's offline queue sends it, with the 3.6 MB photo and without.

    .venv/bin/python bench/request_cost.py [--requests 30] [--database est]

Uses the development database after ``seed_demo`` (the walk and its findings are removed
afterwards). The request goes through Django's whole WSGI stack (every middleware, CSRF, the
session, the second-factor check), as gunicorn hands it over, but without the network; the
first request, which loads what the process has not used yet, is reported apart. The
statements counted include BEGIN and COMMIT: a finding has one transaction, and had a second one
for the session before the session was written at most once a minute.
"""

import argparse
import io
import re
import statistics
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from generate import database_urls  # noqa: E402
from run import session_cookie, setup_django  # noqa: E402
from walk_findings import (  # noqa: E402
    BOUNDARY,
    bench_photo,
    clean_up,
    finding_fields,
    multipart,
    prepare,
)


def wsgi_call(application, method: str, path: str, cookie: str, body=b"", **headers):
    """Return (status, headers, body) of ``application``'s answer to the request."""
    environ = {
        "REQUEST_METHOD": method,
        "PATH_INFO": path,
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "80",
        "HTTP_HOST": "127.0.0.1",
        "REMOTE_ADDR": "127.0.0.1",
        "HTTP_COOKIE": cookie,
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(body),
        "CONTENT_LENGTH": str(len(body)),
        **headers,
    }
    answer = []
    response = application(environ, lambda status, headers, *_: answer.extend([status, headers]))
    content = b"".join(response)
    response.close()  # as a server does: removes the upload's temporary file
    return answer[0], answer[1], content


def finding_costs(application, walk, category, point, photo: bytes | None, requests: int):
    """Return [(CPU ms, statements)] of ``requests`` findings posted to ``walk``."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    cookie = session_cookie("samordnare")
    path = f"/walks/{walk.pk}/walk/"
    _status, headers, page = wsgi_call(application, "GET", path, cookie)
    csrf = next(v for k, v in headers if k == "Set-Cookie" and "csrftoken=" in v)
    cookie += "; " + csrf.strip().split(";")[0]
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.decode()).group(1)
    costs = []
    for _ in range(requests):
        fields = {
            **finding_fields(category, point),
            "submission_key": uuid.uuid4(),
            "csrfmiddlewaretoken": token,
        }
        body = multipart(fields, photo)
        with CaptureQueriesContext(connection) as queries:
            began = time.process_time()
            status, _headers, _content = wsgi_call(
                application,
                "POST",
                path + "findings/",
                cookie,
                body,
                CONTENT_TYPE=f"multipart/form-data; boundary={BOUNDARY}",
                HTTP_ACCEPT="application/json",
                HTTP_REFERER="http://127.0.0.1" + path,
                HTTP_ORIGIN="http://127.0.0.1",
            )
            cpu = (time.process_time() - began) * 1e3
        assert status.startswith("200"), status
        costs.append((cpu, len(queries.captured_queries)))
    return costs


def report(name: str, costs) -> str:
    first, rest = costs[0], costs[1:]
    cpus = sorted(cpu for cpu, _n in rest)
    statements = {n for _cpu, n in rest}
    return (
        f"{name:<34} first {first[0]:6.1f} ms; then median {statistics.median(cpus):5.1f} ms, "
        f"min {cpus[0]:5.1f} ms of CPU; {min(statements)}–{max(statements)} statements"
    )


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=30)
    _maintenance, dev = database_urls("est")
    parser.add_argument("--database", default=dev.rsplit("/", 1)[1])
    args = parser.parse_args(argv)
    setup_django(args.database)
    from est.wsgi import application

    walk, category, point = prepare()
    try:
        photo = bench_photo()
        for name, file in (("finding + 3.6 MB photo", photo), ("finding, no photo", None)):
            costs = finding_costs(application, walk, category, point, file, args.requests)
            print(report(name, costs), flush=True)
    finally:
        clean_up(walk)
    print("load average:", Path("/proc/loadavg").read_text().strip())


if __name__ == "__main__":
    main()
