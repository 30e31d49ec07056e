#!/usr/bin/env python
import os
import sys

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "giamngheo.settings.dev")
    from django.core.management import execute_from_command_line

    from giamngheo.operations.startup import guard_command

    guard_command(sys.argv)  # in production: no serving an unmigrated database
    execute_from_command_line(sys.argv)
