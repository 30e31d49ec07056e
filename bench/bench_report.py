"""Time the province's annual report (sections, XLSX and PDF), cold and warm.

Why: the goal is the province's annual report in under 1.5 s, the fonts and
styles loaded once per process (``reports/pdf.py``), not once per report.

On its own PostgreSQL database (``BENCH_REPORT_DATABASE_URL``, default
``giamngheo_bench_report``) with the demo data (``load_demo``), it runs the
report task's own function (``reports.services.generate``) for the province
several times in one process: run 1 is cold (the fonts are loaded), the others
warm.  The files go to a temporary folder.  It checks that every run is done
and holds the same figures (the text of every PDF page and every XLSX cell
equal to run 1's), and that the PDF's text is the same as one written with the
fonts loaded afresh; otherwise it reports nothing.

    .venv/bin/python bench/bench_report.py [--runs 5] [--year 2025]
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import io
import os
import statistics
import sys
import tempfile
import time

import benchdb

GOAL_SECONDS = 1.5


def prepare() -> None:
    from django.core.management import call_command

    from giamngheo.units.models import Unit

    # Quietly: the demo's notification e-mails go to the console in these settings.
    with contextlib.redirect_stdout(io.StringIO()):
        call_command("migrate", verbosity=0)
        if not Unit.objects.exists():
            call_command("import_units", verbosity=0)
        call_command("load_demo", verbosity=0)  # does nothing when the demo is loaded


def pdf_text(data: bytes) -> list[str]:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(data)
    return [page.get_textpage().get_text_range() for page in document]


def xlsx_values(data: bytes) -> list:
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(data), read_only=True)
    return [list(sheet.iter_rows(values_only=True)) for sheet in book.worksheets]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="run 1 cold, the others warm")
    parser.add_argument("--year", type=int, default=2025)
    args = parser.parse_args()
    url = os.environ.get(
        "BENCH_REPORT_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/giamngheo_bench_report"
    )
    benchdb.ensure_postgres_database(url)
    benchdb.setup_url(url)
    prepare()
    from django.conf import settings
    from django.test.utils import override_settings
    from django.utils import translation

    from giamngheo.accounts.models import User
    from giamngheo.reports import pdf
    from giamngheo.reports.models import GeneratedReport
    from giamngheo.reports.services import generate
    from giamngheo.units.divisions import province_code
    from giamngheo.units.models import Unit

    province = Unit.objects.filter(code=province_code(settings.PROVINCE_CODE)).latest("valid_from")
    by = User.objects.filter(is_superuser=True).first() or User.objects.first()
    seconds, texts, sheets, failures, afresh = [], [], [], [], 0.0
    with tempfile.TemporaryDirectory() as media, override_settings(MEDIA_ROOT=media):
        translation.activate("vi")
        for _run in range(args.runs):
            report = GeneratedReport.objects.create(
                year=args.year,
                unit=province,
                requested_by=by,
                signer_name="Nguyễn Văn A",
                issued_on=datetime.date(args.year + 1, 1, 15),
            )
            started = time.perf_counter()
            generate(report)
            seconds.append(time.perf_counter() - started)
            if report.status != GeneratedReport.Status.DONE:
                failures.append(f"report not done: {report.error}")
                break
            texts.append(pdf_text(report.pdf.read()))
            sheets.append(xlsx_values(report.xlsx.read()))
            report.pdf.close()
            report.xlsx.close()
            GeneratedReport.objects.filter(pk=report.pk).delete()
        if not failures:
            # The same report with the fonts loaded afresh, as before they were cached.
            pdf._loaded.css = None
            report = GeneratedReport.objects.create(
                year=args.year,
                unit=province,
                requested_by=by,
                signer_name="Nguyễn Văn A",
                issued_on=datetime.date(args.year + 1, 1, 15),
            )
            started = time.perf_counter()
            generate(report)
            afresh = time.perf_counter() - started
            fresh = pdf_text(report.pdf.read())
            report.pdf.close()
            GeneratedReport.objects.filter(pk=report.pk).delete()
            if fresh != texts[0]:
                failures.append("the PDF's text differs from one written with fonts loaded afresh")
            for i in range(1, len(texts)):
                if texts[i] != texts[0] or sheets[i] != sheets[0]:
                    failures.append(f"run {i + 1} differs from run 1")
            if not any("%" in page for page in texts[0]) or len(sheets[0]) < 2:
                failures.append("the report holds no figures")
    if failures:
        sys.exit("bench_report: figures not as expected, nothing reported:\n" + "\n".join(failures))
    warm = statistics.median(seconds[1:]) if len(seconds) > 1 else seconds[0]
    print(f"\n### Annual report of the province ({province.name}, {args.year}), PDF + XLSX\n")
    print(
        f"{datetime.date.today()}, {args.runs} runs in one process; load average "
        f"{benchdb.load_average()} on {os.cpu_count()} CPUs; {len(texts[0])} PDF pages, "
        f"{len(sheets[0])} sheets, the same text and cells in every run.\n"
    )
    print("| run | seconds |")
    print("|---|---:|")
    for i, value in enumerate(seconds, start=1):
        print(f"| {i}{' (cold: fonts loaded)' if i == 1 else ''} | {value:.2f} |")
    print(f"| the same with the fonts loaded afresh (as before) | {afresh:.2f} |")
    print(
        f"\nRATIO report warm median / goal {GOAL_SECONDS} s: {warm / GOAL_SECONDS:.2f} "
        f"({warm:.2f} s; cold {seconds[0]:.2f} s; fonts loaded afresh {afresh:.2f} s)"
    )


if __name__ == "__main__":
    main()
