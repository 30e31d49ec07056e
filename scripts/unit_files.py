"""Read systemd unit files as systemd does, for scripts/prod_local.py.

Only what deploy/systemd uses: sections of repeated keys, environment files,
``ExecStart=`` expansion of ``${VAR}`` and ``$VAR``, and the next time an
``OnCalendar=`` expression elapses (computed by ``systemd-analyze calendar``,
which needs no running systemd).
"""

from __future__ import annotations

import datetime
import os
import re
import subprocess


def parse_unit(text: str) -> dict[str, list[tuple[str, str]]]:
    """A unit file's sections as (key, value) lists: systemd keys may repeat."""
    sections: dict[str, list[tuple[str, str]]] = {}
    current = None
    for raw in text.replace("\\\n", " ").splitlines():
        line = raw.strip()
        if not line or line[0] in "#;":
            continue
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], [])
        elif current is not None and "=" in line:
            key, value = line.split("=", 1)
            current.append((key.strip(), value.strip()))
    return sections


def values(unit: dict, section: str, key: str) -> list[str]:
    return [value for name, value in unit.get(section, []) if name == key]


def parse_env_file(text: str) -> dict[str, str]:
    env = {}
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line[0] in "#;" or "=" not in line:
            continue
        key, value = line.split("=", 1)
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
            value = value[1:-1]
        env[key.strip()] = value
    return env


def expand(word: str, env: dict[str, str]) -> list[str]:
    """systemd's ExecStart expansion: ``${VAR}`` stays one word, a lone ``$VAR`` splits."""
    whole = re.fullmatch(r"\$([A-Za-z_][A-Za-z0-9_]*)", word)
    if whole:
        return env.get(whole.group(1), "").split()
    return [re.sub(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}", lambda m: env.get(m.group(1), ""), word)]


def next_elapse(calendar: str) -> datetime.datetime:
    output = subprocess.run(
        ["systemd-analyze", "calendar", calendar],
        check=True, capture_output=True, text=True, env={**os.environ, "TZ": "UTC"},
    ).stdout  # fmt: skip
    stamp = re.search(r"Next elapse: \w+ (\S+ \S+) UTC", output)[1]
    return datetime.datetime.fromisoformat(stamp).replace(tzinfo=datetime.UTC)
