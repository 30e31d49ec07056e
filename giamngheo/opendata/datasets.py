"""The open data sets, in their order on the page: one definition each, from which
the page, the CSV and JSON downloads and the DCAT catalogue are built.

Add a set: write its rows and last update in ``rows.py`` (published or approved
records only, no person's name, phone or words) and describe it here.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from giamngheo.portal.events import EventPage
from giamngheo.portal.news import ArticlePage

from . import rows
from .registry import Dataset, Field, Frequency
from .registry import FieldType as T

_LEVEL = _("Level: province, district or commune (commune-level units include wards and towns)")

DATASETS: list[Dataset] = [
    Dataset(
        slug="don-vi-hanh-chinh",
        title=_("Administrative units in force today"),
        description=_(
            "The province, its districts (until 30 June 2025) and its communes and wards on "
            "the map in force today, with the national statistics code, the parent unit and "
            "the former units each one took over."
        ),
        frequency=Frequency.IRREGULAR,
        fields=(
            Field("code", T.STRING, _("National statistics code of the unit")),
            Field("name", T.STRING, _("Name of the unit")),
            Field("level", T.STRING, _LEVEL),
            Field("kind", T.STRING, _("Kind: tỉnh, thành phố, huyện, thị xã, xã, phường…")),
            Field("parent_code", T.STRING, _("Code of the unit it belongs to (empty: none)")),
            Field("valid_from", T.DATE, _("Day since which the unit has been as described")),
            Field(
                "former_codes",
                T.STRING,
                _("Codes of the former units it took over, separated by semicolons"),
            ),
        ),
        rows=rows.units_today,
        modified=rows.units_modified,
        keywords=("đơn vị hành chính", "địa giới"),
    ),
    Dataset(
        slug="ke-thua-don-vi",
        title=_("Successions of administrative units"),
        description=_(
            "Each change of the map: a former unit replaced, in whole or in part, by a "
            "successor unit on a date (mergers, renamings, the two-level map of 1 July 2025)."
        ),
        frequency=Frequency.IRREGULAR,
        fields=(
            Field("date", T.DATE, _("Day the successor took over")),
            Field("former_code", T.STRING, _("Code of the former unit")),
            Field("former_name", T.STRING, _("Name of the former unit")),
            Field("successor_code", T.STRING, _("Code of the successor unit")),
            Field("successor_name", T.STRING, _("Name of the successor unit")),
        ),
        rows=rows.successions,
        modified=rows.successions_modified,
        keywords=("đơn vị hành chính", "sáp nhập"),
    ),
    Dataset(
        slug="chi-tieu-muc-tieu",
        title=_("Indicators and targets"),
        description=_(
            "The programme's indicators and the target each must reach, per programme "
            "period or per year. A period marked draft carries targets the province has "
            "not confirmed yet."
        ),
        frequency=Frequency.ANNUAL,
        fields=(
            Field("period", T.STRING, _("Programme period")),
            Field("period_start", T.DATE, _("First day of the period")),
            Field("period_end", T.DATE, _("Last day of the period")),
            Field("period_status", T.STRING, _("confirmed, or draft: targets to confirm")),
            Field("indicator_code", T.STRING, _("Code of the indicator")),
            Field("indicator", T.STRING, _("Name of the indicator")),
            Field("unit_of_measure", T.STRING, _("Unit of measure of the target and values")),
            Field("description", T.STRING, _("What the indicator measures")),
            Field("year", T.INTEGER, _("Year of the target (empty: every year of the period)")),
            Field("target", T.NUMBER, _("Target value")),
        ),
        rows=rows.targets,
        modified=rows.indicator_values_modified,
        keywords=("chỉ tiêu", "mục tiêu"),
    ),
    Dataset(
        slug="ket-qua-chi-tieu",
        title=_("Indicator values by year and unit"),
        description=_(
            "Each indicator computed from the records for each year so far, for the whole "
            "province and for each unit the dashboard drills into that year (districts on "
            "the three-level map, communes and wards on the two-level map), against its "
            "target. The same figures as the programme results page."
        ),
        frequency=Frequency.CONTINUOUS,
        fields=(
            Field("period", T.STRING, _("Programme period")),
            Field("period_status", T.STRING, _("confirmed, or draft: targets to confirm")),
            Field("year", T.INTEGER, _("Year")),
            Field("indicator_code", T.STRING, _("Code of the indicator")),
            Field("indicator", T.STRING, _("Name of the indicator")),
            Field("unit_of_measure", T.STRING, _("Unit of measure of the target and value")),
            Field(
                "unit_code",
                T.STRING,
                _("Code of the unit (the province's code: the whole province)"),
            ),
            Field("unit_name", T.STRING, _("Name of the unit (empty: the whole province)")),
            Field("level", T.STRING, _LEVEL),
            Field("target", T.NUMBER, _("Target value for the year")),
            Field("value", T.NUMBER, _("Value computed from the records (empty: no data)")),
            Field(
                "status",
                T.STRING,
                _("met, not_met (year over), on_track or behind (year running), no_data"),
            ),
        ),
        rows=rows.indicator_values,
        modified=rows.indicator_values_modified,
        keywords=("chỉ tiêu", "kết quả"),
    ),
    Dataset(
        slug="phat-thanh-xa",
        title=_("Commune radio programmes by week and commune"),
        description=_(
            "For each commune and each ISO week that has ended: how many poverty-reduction "
            "programmes its radio broadcast, the weekly minimum the target asks for, and "
            "whether the week reached it."
        ),
        frequency=Frequency.WEEKLY,
        fields=(
            Field("iso_year", T.INTEGER, _("ISO year of the week")),
            Field("iso_week", T.INTEGER, _("ISO week number (1–53)")),
            Field("week_start", T.DATE, _("Monday of the week")),
            Field("commune_code", T.STRING, _("Code of the commune")),
            Field("commune_name", T.STRING, _("Name of the commune")),
            Field("programmes", T.INTEGER, _("Programmes broadcast that week")),
            Field("min_per_week", T.INTEGER, _("Programmes a week the target asks for")),
            Field("compliant", T.BOOLEAN, _("true when the week reached the minimum")),
        ),
        rows=rows.radio_weeks,
        modified=rows.radio_modified,
        keywords=("phát thanh", "đài truyền thanh xã"),
    ),
    Dataset(
        slug="ho-ngheo",
        title=_("Approved poverty figures"),
        description=_(
            "Households, poor and near-poor households of each unit and year, as approved by "
            "the province (figures waiting for approval are left out). Aggregates only: never "
            "a household."
        ),
        frequency=Frequency.ANNUAL,
        fields=(
            Field("year", T.INTEGER, _("Year")),
            Field("unit_code", T.STRING, _("Code of the unit")),
            Field("unit_name", T.STRING, _("Name of the unit")),
            Field("level", T.STRING, _LEVEL),
            Field("households", T.INTEGER, _("Households of the unit")),
            Field("poor_households", T.INTEGER, _("Poor households")),
            Field("near_poor_households", T.INTEGER, _("Near-poor households")),
            Field("poor_rate", T.NUMBER, _("Poor households as a percentage of households")),
            Field(
                "near_poor_rate", T.NUMBER, _("Near-poor households as a percentage of households")
            ),
            Field("poverty_standard", T.STRING, _("Poverty standard applied")),
            Field("source", T.STRING, _("Decision that approved the figures")),
        ),
        rows=rows.poverty_figures,
        modified=rows.poverty_modified,
        keywords=("hộ nghèo", "hộ cận nghèo"),
    ),
    Dataset(
        slug="hoat-dong-truyen-thong",
        title=_("Register of communication activities and products"),
        description=_(
            "Every communication product and event recorded by the units: kind, title, unit, "
            "dates, channel, audience and reach. Notes, attachments and the communicators "
            "involved are not published."
        ),
        frequency=Frequency.CONTINUOUS,
        fields=(
            Field("id", T.INTEGER, _("Number of the entry in the register")),
            Field("kind_code", T.STRING, _("Code of the kind of activity")),
            Field("kind", T.STRING, _("Kind of activity")),
            Field("group", T.STRING, _("product or event")),
            Field("title", T.STRING, _("Title")),
            Field("unit_code", T.STRING, _("Code of the unit that carried it out")),
            Field("unit_name", T.STRING, _("Name of the unit that carried it out")),
            Field("start_date", T.DATE, _("Date (first day)")),
            Field("end_date", T.DATE, _("Last day (empty: one day)")),
            Field(
                "channel",
                T.STRING,
                _("Channel: press, radio, tv, online, social, in_person, print, other"),
            ),
            Field("audience", T.STRING, _("Audience aimed at")),
            Field("audience_reached", T.INTEGER, _("People reached, as estimated")),
            Field("participants", T.INTEGER, _("Participants")),
            Field("link", T.URL, _("Address of the product online")),
        ),
        rows=rows.activities,
        modified=rows.activities_modified,
        keywords=("truyền thông", "hoạt động"),
    ),
    Dataset(
        slug="su-kien",
        title=_("Events"),
        description=_("The events published on the portal: title, kind, dates, place and link."),
        frequency=Frequency.CONTINUOUS,
        fields=(
            Field("title", T.STRING, _("Title")),
            Field(
                "kind", T.STRING, _("seminar, conference, contest, dialogue, performance, other")
            ),
            Field("starts_at", T.DATETIME, _("Start (Vietnam time)")),
            Field("ends_at", T.DATETIME, _("End (empty: not given)")),
            Field("place", T.STRING, _("Place")),
            Field("unit_code", T.STRING, _("Code of the organising unit (empty: the province)")),
            Field("url", T.URL, _("Address of the event's page")),
        ),
        rows=rows.events,
        modified=lambda: rows.pages_modified(EventPage),
        keywords=("sự kiện",),
    ),
    Dataset(
        slug="tin-tuc",
        title=_("News"),
        description=_("The news articles published on the portal: title, date, category and link."),
        frequency=Frequency.CONTINUOUS,
        fields=(
            Field("title", T.STRING, _("Title")),
            Field("date", T.DATE, _("Publication date")),
            Field("category", T.STRING, _("Category")),
            Field("url", T.URL, _("Address of the article")),
        ),
        rows=rows.news,
        modified=lambda: rows.pages_modified(ArticlePage),
        keywords=("tin tức",),
    ),
]

BY_SLUG = {dataset.slug: dataset for dataset in DATASETS}
