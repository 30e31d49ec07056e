"""Text messages, through a backend chosen by the ``SMS_BACKEND`` setting.

Like Django's e-mail backends: the console backend (development) prints the
message, the memory backend (tests) keeps it in ``outbox``. To send real
messages, write a class with ``send_messages(messages) -> int`` that calls
the provider's HTTP API (a Vietnamese SMS brandname gateway, for instance),
read its credentials from the environment in its ``__init__``, and point
``SMS_BACKEND`` at it (docs/operations.md).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass

from django.conf import settings
from django.utils.module_loading import import_string


@dataclass(frozen=True)
class SmsMessage:
    to: str
    text: str


class BaseSmsBackend:
    def send_messages(self, messages: list[SmsMessage]) -> int:
        """Send ``messages``; return how many were sent."""
        raise NotImplementedError


class ConsoleSmsBackend(BaseSmsBackend):
    def send_messages(self, messages: list[SmsMessage]) -> int:
        for message in messages:
            sys.stdout.write(f"SMS to {message.to}: {message.text}\n")
        sys.stdout.flush()
        return len(messages)


outbox: list[SmsMessage] = []


class MemorySmsBackend(BaseSmsBackend):
    def send_messages(self, messages: list[SmsMessage]) -> int:
        outbox.extend(messages)
        return len(messages)


def get_backend() -> BaseSmsBackend:
    return import_string(settings.SMS_BACKEND)()


def send_sms(to: str, text: str) -> int:
    return get_backend().send_messages([SmsMessage(to=to, text=text)])
