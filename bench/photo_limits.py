"""What a small file of many pixels costs the web process, refused now against decoded in full.

Generates the photos (in memory, nothing on disk): the issue's 7000 x 7000 PNG of one colour
(transparent RGBA, under 200 KB) and an ordinary 4032 x 3024 phone JPEG of noise. Each case
runs in a fresh Python process so that its peak memory (``ru_maxrss``) is its own:

- ``bomb refused``: ``photo_clean`` on the 7000 x 7000 PNG, as a filing does now (the size is
  read from the header, nothing is decoded);
- ``bomb decoded``: ``photo_clean`` with the limits it had before (50 megapixels, Pillow's
  default cap), which let the same file through to be decoded, flattened and re-encoded;
- ``phone photo``: ``photo_clean`` on the 12-megapixel JPEG (re-encoded, thumbnail made).

    .venv/bin/python bench/photo_limits.py [--rounds 3]
"""

import argparse
import io
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _photo(case: str) -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    if case == "phone photo":
        Image.effect_noise((4032, 3024), 40).convert("RGB").save(buffer, "JPEG", quality=90)
    else:
        Image.new("RGBA", (7000, 7000)).save(buffer, "PNG")
    return buffer.getvalue()


def _run(case: str) -> dict:
    """Run one case in this process; return its seconds, peak memory and input size."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "est.settings.base")
    import django

    django.setup()
    from django.core.exceptions import ValidationError
    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    from reports.incidents import photos

    data = _photo(case)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    if case == "bomb decoded":
        photos.MAX_PIXELS = 50_000_000
        Image.MAX_IMAGE_PIXELS = 89_478_485
    try:
        photos.photo_clean(SimpleUploadedFile("photo", data))
        outcome = "cleaned"
    except ValidationError:
        outcome = "refused"
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "case": case,
        "outcome": outcome,
        "bytes": len(data),
        "seconds": seconds,
        "extra_mb": (peak - before) / 1024,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--case", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.case:
        print(json.dumps(_run(args.case)))
        return
    with open("/proc/loadavg") as loadavg:
        print("load average:", " ".join(loadavg.read().split()[:3]))
    print(f"{'case':<14} {'outcome':<8} {'file':>9} {'time':>9} {'memory +':>10}")
    for case in ("bomb refused", "bomb decoded", "phone photo"):
        for _ in range(args.rounds):
            result = json.loads(
                subprocess.run(  # noqa: S603 - runs this very script
                    [sys.executable, __file__, "--case", case],
                    capture_output=True,
                    text=True,
                    check=True,
                ).stdout.splitlines()[-1]
            )
            print(
                f"{case:<14} {result['outcome']:<8} {result['bytes'] / 1024:>6.0f} KB "
                f"{result['seconds'] * 1000:>6.0f} ms {result['extra_mb']:>7.0f} MB"
            )


if __name__ == "__main__":
    main()
