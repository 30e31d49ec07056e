import factory

from giamngheo.network.models import Communicator


class CommunicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Communicator

    full_name = factory.Sequence(lambda n: f"Trần Thị Tuyên Truyền {n}")
    role = "propagandist"
    organisation = "Hội Liên hiệp Phụ nữ"
    is_active = True
