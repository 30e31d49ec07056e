import datetime

import factory

from giamngheo.training.models import Attendance, Cadre, TrainingCourse


class CadreFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Cadre

    full_name = factory.Sequence(lambda n: f"Nguyễn Văn Cán Bộ {n}")
    level = factory.LazyAttribute(lambda cadre: cadre.unit.level)
    position = "Công chức Văn hóa - Xã hội"


class CourseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TrainingCourse

    title = factory.Sequence(lambda n: f"Tập huấn truyền thông giảm nghèo số {n}")
    level = factory.LazyAttribute(lambda course: course.organising_unit.level)
    start_date = datetime.date(2023, 6, 12)
    end_date = factory.LazyAttribute(lambda course: course.start_date + datetime.timedelta(days=1))
    place = "Hội trường Ủy ban nhân dân"


class AttendanceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Attendance

    attended = True
