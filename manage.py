#!/usr/bin/env python
"""Django's command-line utility for EST."""

import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "est.settings.base")
    from django.core.management import execute_from_command_line

    from est.outages import ServiceUnavailable, explain_unavailable

    try:
        execute_from_command_line(sys.argv)
    except ServiceUnavailable as error:
        # One clear sentence instead of a traceback when PostgreSQL or Redis cannot be reached.
        sys.stderr.write(explain_unavailable(error) + "\n")
        sys.exit(1)


if __name__ == "__main__":
    main()
