"""Run every bench, print each one's ratios with the load average, keep them in RESULTS.md.

Why: figures are only worth comparing when measured the same way, side by
side, with the machine's load beside them.  ``make bench`` runs this.  Each
bench checks its own figures against the expected values and exits non-zero
(reporting nothing) when they differ; this then records the failure, not a
figure.  The benches' Markdown output replaces the block between the
``<!-- make bench -->`` markers at the top of ``RESULTS.md``, so the file
always shows the last run in full and the sessions' analyses below it.

Add a bench: append its script (and arguments) to ``BENCHES``; a line of its
output starting with ``RATIO`` is printed in the summary.

    .venv/bin/python bench/run_all.py [--only indicators import report] [--no-write]
"""

from __future__ import annotations

import argparse
import datetime
import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "RESULTS.md"
START, END = "<!-- make bench: start -->", "<!-- make bench: end -->"
# name → command; each is a separate process (Django is set up once per process).
BENCHES: dict[str, list[str]] = {
    "indicators": ["bench_indicators.py"],
    "import": ["bench_import.py"],
    "report": ["bench_report.py"],
    "portal": ["bench_portal.py"],
    "feedback": ["bench_feedback.py"],
    "api": ["bench_api.py"],
}


def load() -> str:
    return "/".join(f"{n:.2f}" for n in os.getloadavg())


def run(name: str, command: list[str]) -> tuple[bool, str]:
    print(f"\n== {name}: load average {load()}", flush=True)
    done = subprocess.run(
        [sys.executable, str(HERE / command[0]), *command[1:]],
        capture_output=True,
        text=True,
        check=False,
    )
    output = done.stdout.strip()
    print(output)
    if done.returncode:
        print(done.stderr.strip()[-3000:], file=sys.stderr)
        return False, f"**{name}: failed, no figure reported** (exit {done.returncode}):\n\n" + (
            "```\n" + done.stderr.strip()[-1500:] + "\n```"
        )
    return True, output


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="+", choices=sorted(BENCHES), default=list(BENCHES))
    parser.add_argument("--no-write", action="store_true", help="leave RESULTS.md as it is")
    args = parser.parse_args()
    started = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    before = load()
    outputs, ratios, ok = [], [], True
    for name in args.only:
        passed, output = run(name, BENCHES[name])
        ok &= passed
        outputs.append(output)
        ratios += [line for line in output.splitlines() if line.startswith("RATIO")]
        ratios += [] if passed else [f"RATIO {name}: failed, nothing reported"]
    after = load()
    summary = "\n".join(f"- {line.removeprefix('RATIO ')}" for line in ratios)
    print(f"\n== summary (load average {before} before, {after} after)\n{summary}")
    if args.no_write:
        sys.exit(0 if ok else 1)
    block = (
        f"{START}\n## Last `make bench`: {started}\n\n"
        f"Load average {before} before, {after} after, on {os.cpu_count()} CPUs. "
        f"Ratios:\n\n{summary}\n\n" + "\n\n".join(outputs) + f"\n{END}"
    )
    text = RESULTS.read_text()
    if START in text and END in text:
        text = text[: text.index(START)] + block + text[text.index(END) + len(END) :]
    else:
        title, _, rest = text.partition("\n")
        text = f"{title}\n\n{block}\n{rest}"
    RESULTS.write_text(text)
    print(f"\n{RESULTS.relative_to(HERE.parent)} updated.")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
