"""The maklumat read aloud (issue 19 point 1).

Why espeak-ng: it runs offline (no service, no account, nothing leaves the machine), it is a maintained Debian
package (`apt-get install espeak-ng`, also installed by .ci/run) with an Indonesian voice (`-v id`) in the
package itself, so no model is downloaded at build or run time, and it writes a WAV in well under a second for
a page of text. Its voice is robotic but clear; a neural TTS would sound better at the price of a model
download and far more CPU.

The WAV is made on first request of a version and kept (`StandardVersion.audio`) while the text it was made
from stays the same: a changed agency setting changes the text (its deadlines), so the audio follows it. A
machine without espeak-ng gets None, and the pages say the audio is not available."""

from __future__ import annotations

import functools
import hashlib
import logging
import shutil
import subprocess
import tempfile
from pathlib import Path

from django.core.files import File
from django.db import transaction

from .models import StandardVersion
from .selectors import maklumat_text

log = logging.getLogger(__name__)

VOICE = "id"
WORDS_PER_MINUTE = 150  # espeak-ng's -s, a calm reading pace
TIMEOUT_SECONDS = 60


def espeak_binary() -> str | None:
    return shutil.which("espeak-ng")


def audio_available() -> bool:
    return espeak_binary() is not None


def synthesize(text: str) -> bytes | None:
    """A WAV of `text` in the Indonesian voice, or None when espeak-ng is missing or fails."""
    binary = espeak_binary()
    if binary is None:
        return None
    with tempfile.TemporaryDirectory(prefix="maklumat-") as folder:
        out = Path(folder) / "maklumat.wav"
        try:
            subprocess.run(
                [binary, "-v", VOICE, "-s", str(WORDS_PER_MINUTE), "-w", str(out), "--stdin"],
                input=text.encode("utf-8"),
                check=True,
                capture_output=True,
                timeout=TIMEOUT_SECONDS,
            )
        except (OSError, subprocess.SubprocessError):
            log.warning("espeak-ng could not read the maklumat aloud", exc_info=True)
            return None
        data = out.read_bytes() if out.exists() else b""
    return data or None


def maklumat_audio(version: StandardVersion) -> StandardVersion | None:
    """The version with its audio for the text of today's settings, made now if missing or stale; None when
    no audio can be made."""
    text = maklumat_text(version.standard.agency, version.content)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    if version.audio and version.audio_sha256 == digest and version.audio.storage.exists(version.audio.name):
        return version
    data = synthesize(text)
    if data is None:
        return None
    with transaction.atomic():
        locked = (
            StandardVersion.objects.select_for_update().select_related("standard__agency").get(pk=version.pk)
        )
        if locked.audio and locked.audio_sha256 == digest:
            return locked
        old = locked.audio.name if locked.audio else ""
        with tempfile.TemporaryFile() as handle:
            handle.write(data)
            handle.seek(0)
            locked.audio.save("maklumat.wav", File(handle), save=False)
        locked.audio_sha256 = digest
        locked.save(update_fields=["audio", "audio_sha256"])
        if old:
            transaction.on_commit(functools.partial(locked.audio.storage.delete, old))
    return locked
