"""Benchmark: handing a large stored file (a camera clip) from an S3-compatible bucket to the
person downloading it, the two ways a view can.

``storage.open`` is what views did before est/stored_files.py: django-storages' S3File, which
downloads the whole object (into memory up to 2.5 MB, a temporary file beyond) before the
response's first byte. ``stored_file_response`` streams the object's body as it is sent.

The bucket is moto's S3 server in a process of its own (as MinIO would be), on a free loopback
port; nothing else is needed. For each way, ``--rounds`` downloads of a ``--megabytes`` file
after one that is not counted; prints per round the time to the first byte and to the last and
the CPU time of this process (the web process's share; the S3 server's is not in it), then the
medians. Wall-clock times move with the machine's load (printed before and after); CPU time
much less.

    .venv/bin/python bench/stored_files.py --megabytes 100 --rounds 5
"""

import argparse
import os
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import boto3

ACCESS_KEY, SECRET_KEY, REGION, BUCKET = "bench", "bench-secret", "eu-north-1", "est-bench"
CLIP = "footage/bench.mp4"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def s3_server() -> tuple[subprocess.Popen, str]:
    """Start moto's S3 server in a process of its own; return it and its URL once it answers."""
    port = _free_port()
    moto = Path(sys.executable).with_name("moto_server")
    server = subprocess.Popen(  # noqa: S603 -- our own command line
        [str(moto), "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 30
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return server, f"http://127.0.0.1:{port}"
        except OSError:
            if time.monotonic() > deadline:
                server.kill()
                raise SystemExit("moto_server did not answer in 30 s") from None
            time.sleep(0.2)


def timed(respond) -> dict:
    """Make a response with ``respond()`` and read it to its end as a WSGI server would;
    return its timings."""
    start, cpu = time.perf_counter(), time.process_time()
    response = respond()
    chunks = iter(response.streaming_content)
    size = len(next(chunks))
    first = time.perf_counter() - start
    for chunk in chunks:
        size += len(chunk)
    response.close()
    return {
        "first byte s": first,
        "last byte s": time.perf_counter() - start,
        "cpu s": time.process_time() - cpu,
        "bytes": size,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--megabytes", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=5)
    arguments = parser.parse_args()

    server, endpoint = s3_server()
    try:
        os.environ.update(
            S3_BUCKET=BUCKET,
            S3_ENDPOINT_URL=endpoint,
            S3_ACCESS_KEY_ID=ACCESS_KEY,
            S3_SECRET_ACCESS_KEY=SECRET_KEY,
            S3_REGION=REGION,
        )
        client = boto3.client(
            "s3",
            endpoint_url=endpoint,
            aws_access_key_id=ACCESS_KEY,
            aws_secret_access_key=SECRET_KEY,
            region_name=REGION,
        )
        client.create_bucket(
            Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": REGION}
        )
        client.put_object(Bucket=BUCKET, Key=CLIP, Body=os.urandom(arguments.megabytes << 20))
        run(arguments)
    finally:
        server.terminate()
        server.wait()


def run(arguments):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "est.settings.base")
    import django

    django.setup()
    from django.http import FileResponse

    from cameras.models import Footage
    from est.stored_files import stored_file_response

    stored = Footage(file=CLIP).file
    ways = {
        "storage.open (before)": lambda: FileResponse(stored.storage.open(stored.name, "rb")),
        "stored_file_response": lambda: stored_file_response(stored),
    }
    print(f"load average {os.getloadavg()}; {arguments.megabytes} MB, {arguments.rounds} rounds")
    for name, respond in ways.items():
        timed(respond)  # not counted: connections and imports
        rounds = [timed(respond) for _ in range(arguments.rounds)]
        print(f"\n{name}")
        for number, measured in enumerate(rounds, 1):
            print(f"  {number}: " + ", ".join(f"{k} {v:.3f}" for k, v in measured.items()))
        medians = {k: statistics.median(r[k] for r in rounds) for k in rounds[0]}
        print("  median: " + ", ".join(f"{k} {v:.3f}" for k, v in medians.items()))
    print(f"\nload average {os.getloadavg()}")


if __name__ == "__main__":
    main()
