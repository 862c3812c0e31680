"""Writes of the ppid app: one service per transition. Re-exported here so callers import `ppid.services`."""

from .approval import *  # noqa: F403
from .contributions import *  # noqa: F403
from .fees import *  # noqa: F403
from .objections import *  # noqa: F403
from .publication import *  # noqa: F403
from .requests import *  # noqa: F403
