"""Where polchan's files live, and the channel registry in force.

The registry in force is the bundled ``data/channels.yaml`` with the user's own
registry merged over it. The user's file is found, in this order, at
``--registry PATH``, ``$POLCHAN_REGISTRY``, or
``platformdirs.user_config_path("polchan")/channels.yaml``. polchan only ever
reads it: nothing here writes, moves or deletes a user's file.
"""

from __future__ import annotations

import os
from pathlib import Path

from . import gazetteer
from .registry import Registry, load_registry

__all__ = [
    "bundled_registry_path",
    "load_channels",
    "user_cache_dir",
    "user_registry_path",
]

APP = "polchan"


def bundled_registry_path() -> Path:
    return gazetteer.data_dir() / "channels.yaml"


def user_config_dir() -> Path:
    from platformdirs import user_config_path

    return user_config_path(APP)


def user_cache_dir() -> Path:
    from platformdirs import user_cache_path

    return user_cache_path(APP)


def user_registry_path(explicit: Path | None = None) -> tuple[Path | None, str]:
    """The user's registry file and where its path came from.

    Returns (path, origin) with origin one of "option", "env", "config";
    path is None when no user registry is configured or the default one does not exist.
    """
    if explicit is not None:
        return explicit, "option"
    env = os.environ.get("POLCHAN_REGISTRY")
    if env:
        return Path(env), "env"
    try:
        default = user_config_dir() / "channels.yaml"
    except Exception:  # no usable home directory: no user registry
        return None, "config"
    return (default if default.is_file() else None), "config"


def load_channels(explicit: Path | None = None) -> Registry:
    """The bundled registry, with the user's registry merged over it when there is one."""
    known = gazetteer.districts().keys()
    registry = load_registry(bundled_registry_path(), known_districts=known)
    path, _ = user_registry_path(explicit)
    if path is not None:
        registry = load_registry(path, base=registry, known_districts=known)
    return registry
