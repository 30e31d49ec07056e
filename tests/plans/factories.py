import factory

from giamngheo.plans.models import ActivityType, CommunicationPlan, PlannedActivity


class CommunicationPlanFactory(factory.django.DjangoModelFactory):
    """A draft plan straight in the database, with one revision like the admin makes."""

    class Meta:
        model = CommunicationPlan
        skip_postgeneration_save = True

    year = 2023
    title = factory.Sequence(lambda n: f"Kế hoạch truyền thông số {n}")
    objectives = "Nâng cao nhận thức về giảm nghèo bền vững."
    live = False
    has_unpublished_changes = True

    @factory.post_generation
    def revision(self, create, extracted, **kwargs):
        if create:
            self.save_revision(user=extracted)


class PlannedActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PlannedActivity

    activity_type = ActivityType.RADIO
    quantity = 52
    channel = "Đài truyền thanh xã"
