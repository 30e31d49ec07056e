"""Mappings as province staff would enter them, with ids shaped like DHIS2 UIDs."""

from pathlib import Path

from giamngheo.indicators.models import Indicator
from giamngheo.opendata.models import DataElementMapping, OrgUnitMapping, PeriodType

FIXTURES = Path(__file__).parent / "fixtures"
RADIO_YEAR, RADIO_WEEK, TRAINING_YEAR = "rAdIoYeAr01", "rAdIoWeEk01", "tRaInInG001"
HUE_OU, PHU_VANG_OU = "hUeOrGuNiT1", "pHuVaNgOu01"


def indicator(rule: str) -> Indicator:
    return Indicator.objects.get(rule=rule)


def map_our_indicators() -> None:
    radio = indicator(Indicator.Rule.RADIO_COMPLIANCE)
    DataElementMapping.objects.create(indicator=radio, data_element=RADIO_YEAR)
    DataElementMapping.objects.create(
        indicator=radio, data_element=RADIO_WEEK, period_type=PeriodType.WEEKLY
    )
    DataElementMapping.objects.create(
        indicator=indicator(Indicator.Rule.TRAINING_TURNS), data_element=TRAINING_YEAR
    )
    OrgUnitMapping.objects.create(unit_code="46", org_unit=HUE_OU)
    OrgUnitMapping.objects.create(unit_code="478", org_unit=PHU_VANG_OU)


def fixture_bytes(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()
