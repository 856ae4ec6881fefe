"""Typed errors. Each message names the input and says how to fix it."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .model import Rejection


class NewsprismError(Exception):
    """Base class of newsprism's own errors."""


class ConfigError(NewsprismError):
    """A settings file, environment variable or flag has a bad value."""


class PipelineError(NewsprismError):
    """The language pipeline cannot be loaded."""


class RejectedInput(NewsprismError):
    """A single input given to :func:`newsprism.analyze` was rejected."""

    def __init__(self, rejection: Rejection):
        super().__init__(f"{rejection.input}: {rejection.message} [{rejection.stage}:{rejection.code}]")
        self.rejection = rejection


class StoreError(NewsprismError):
    """The store cannot be opened or written."""
