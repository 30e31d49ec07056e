import datetime

import factory
from django.utils import timezone

from giamngheo.feedback.models import Feedback, FeedbackCategory


class FeedbackFactory(factory.django.DjangoModelFactory):
    """A case as the portal stores it; pass ``commune`` (and ``assigned_unit``)."""

    class Meta:
        model = Feedback

    category = factory.LazyFunction(lambda: FeedbackCategory.objects.get(code="policy-question"))
    text = factory.Sequence(lambda n: f"Câu hỏi số {n} về chính sách hỗ trợ hộ nghèo")
    name = "Trần Thị Bình"
    phone = "0912345678"
    email = "binh@example.vn"
    consent_at = factory.LazyFunction(timezone.now)
    consent_version = "2026-01"
    due_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=21))
    status = factory.LazyAttribute(lambda f: "assigned" if f.assigned_unit else "received")
    assigned_unit = None
