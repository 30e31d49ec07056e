"""The radio episodes' sound: a few seconds of a pentatonic tune, made in Python.

No recordings ship with the code and no external tool is needed: the
standard library's ``wave`` writes 8 kHz mono 16-bit PCM, which every
browser's audio player and podcast app plays.  Each episode gets its own
tune (from its number) and a length of whole seconds, so the page's
duration is exact.
"""

from __future__ import annotations

import functools
import io
import math
import random
import sys
import wave
from array import array

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.utils.file import hash_filelike

from .publishing import collection, wrote

RATE = 8000
COLLECTION = "Chương trình phát thanh"
# The five notes of the Vietnamese pentatonic scale (C D F G A) over two octaves, in Hz.
SCALE = [261.63, 293.66, 349.23, 392.00, 440.00, 523.25, 587.33, 698.46, 783.99]
NOTES_PER_SECOND = 4


def tune(number: int, seconds: int) -> bytes:
    """A WAV file of ``seconds`` seconds: a tune drawn from ``number`` alone."""
    notes = random.Random(f"radio-tune-{number}")
    samples = array("h")
    step = 4
    for _ in range(seconds * NOTES_PER_SECOND):
        step = max(0, min(len(SCALE) - 1, step + notes.choice([-2, -1, -1, 1, 1, 2])))
        samples.extend(_note(step))
    if sys.byteorder == "big":  # WAV is little-endian
        samples.byteswap()
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(samples.tobytes())
    return buffer.getvalue()


@functools.cache
def _note(step: int) -> array:
    """One note of the scale: a tone and its octave, fading in and out so notes do not
    click (computed once per note, then reused by every tune)."""
    length = RATE // NOTES_PER_SECOND
    fade = RATE // 100  # 10 ms
    samples = array("h")
    for i in range(length):
        envelope = min(1.0, i / fade, (length - i) / fade) * (1 - 0.5 * i / length)
        phase = 2 * math.pi * SCALE[step] * i / RATE
        samples.append(int(9000 * envelope * (0.7 * math.sin(phase) + 0.2 * math.sin(2 * phase))))
    return samples


def ensure_episode_file(number: int, title: str, seconds: int):
    """The Wagtail document holding episode ``number``'s sound: found by title, else made."""
    Document = get_document_model()
    folder = collection(COLLECTION)
    document = Document.objects.filter(collection=folder, title=title).first()
    if document is not None and document.file.storage.exists(document.file.name):
        return document
    data = tune(number, seconds)
    document = document or Document(title=title, collection=folder)
    document.file = ContentFile(data, name=f"phat-thanh-{number:02d}.wav")
    document.file_size = len(data)
    document.file_hash = hash_filelike(io.BytesIO(data))
    document.save()
    wrote(document)
    return document
