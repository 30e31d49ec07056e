import datetime

import factory

from giamngheo.broadcasts.models import Broadcast


class BroadcastFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Broadcast

    on = datetime.date(2023, 6, 12)
    week_start = factory.LazyAttribute(lambda b: b.on - datetime.timedelta(days=b.on.weekday()))
    title = factory.Sequence(lambda n: f"Chương trình phát thanh số {n}")
    minutes = 15
