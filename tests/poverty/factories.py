import factory

from giamngheo.poverty.models import PovertyStatistic
from tests.conftest import unit


class PovertyStatisticFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PovertyStatistic

    unit = factory.LazyFunction(lambda: unit("19942"))
    year = 2023
    households = 1000
    poor_households = 40
    near_poor_households = 60
    source = "Quyết định số 123/QĐ-UBND ngày 20/12/2023"
