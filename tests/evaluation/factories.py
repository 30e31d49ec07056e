import datetime

import factory

from giamngheo.evaluation.models import Recommendation, SupervisionPlan, SupervisionVisit
from tests.conftest import unit


class PlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SupervisionPlan

    year = 2023
    title = factory.Sequence(lambda n: f"Kế hoạch giám sát công tác truyền thông số {n}")
    organiser = factory.LazyFunction(lambda: unit("46"))
    reference = factory.Sequence(lambda n: f"{n}/KH-UBND")


class VisitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SupervisionVisit

    plan = factory.SubFactory(PlanFactory)
    unit = factory.LazyFunction(lambda: unit("478"))
    planned_on = datetime.date(2023, 5, 10)
    team_leader = "Nguyễn Văn Trưởng"
    team_members = "Trần Thị Một\nLê Văn Hai"


class RecommendationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Recommendation

    visit = factory.SubFactory(VisitFactory)
    text = factory.Sequence(lambda n: f"Kiện toàn đội ngũ tuyên truyền viên số {n}")
    responsible_unit = factory.LazyAttribute(lambda r: r.visit.unit)
    due_on = datetime.date(2023, 9, 30)
