"""Where polchan's files live, and the channel registry in force.

The registry in force is the bundled ``data/channels.yaml`` with the user's own
registry merged over it. The user's file is found, in this order, at
``--registry PATH``, ``$POLCHAN_REGISTRY``, or
``platformdirs.user_config_path("polchan")/channels.yaml``. polchan only ever
reads it: nothing here writes, moves or deletes a user's file.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from . import gazetteer
from .normalize import name_key
from .registry import (
    Registry,
    RegistryChecks,
    broken_link,
    folder_trouble,
    load_registry,
    parse_registry,
    read_registry_text,
    unreadable_kind,
)

__all__ = [
    "bundled_registry_path",
    "district_states",
    "home_expanded",
    "load_channels",
    "municipality_spelling",
    "path_state",
    "registry_checks",
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
    path is None when no user registry is configured or nothing is at the default path.
    """
    # "~/my.yaml" in quotes, or after "--registry=", reaches polchan unexpanded; its
    # messages write the home directory as "~" too, so it must mean the same.
    if explicit is not None:
        return home_expanded(explicit), "option"
    env = os.environ.get("POLCHAN_REGISTRY")
    if env and env.strip():  # set to spaces alone, as to nothing: not set
        return home_expanded(Path(env)), "env"
    try:
        default = user_config_dir() / "channels.yaml"
    except Exception:  # no usable home directory: no user registry
        return None, "config"
    # Anything at the default path, even a directory, a dangling link or a folder
    # polchan may not read, is the user's registry: reading it reports the mistake,
    # where skipping it would silently answer from the bundled data the user meant
    # to override. So is a file or a link to nothing where its folder should be.
    try:
        os.lstat(default)
    except (FileNotFoundError, NotADirectoryError):
        if folder_trouble(default) is None:
            return None, "config"
    except OSError:
        pass
    return default, "config"


def home_expanded(path: Path) -> Path:
    """``path`` with a leading ``~`` or ``~user`` expanded, or as written where there is
    no such home (``~nosuchuser/x.yaml``, or ``~`` without a home directory), as a
    shell leaves it: reading it then says no such file, naming it as typed."""
    try:
        return path.expanduser()
    except RuntimeError:
        return path


def path_state(path: Path | None, *, registry: bool = False) -> str:
    """What is at ``path``, in the user's language: "exists" or "does not exist".

    For the user's registry (``registry=True``) also what a command reading it
    would object to: a directory, a link to nothing, a file polchan may not read.
    For the cache, a file where its folder should be. Where the system cannot tell
    (a name too long, a folder it may not search), why not.
    """
    from .i18n import gettext, os_reason

    if path is None:
        return gettext("does not exist")
    if registry and (trouble := folder_trouble(path)):
        return gettext(trouble[0]).format(**trouble[1])
    try:
        os.lstat(path)
    except FileNotFoundError:
        return gettext("does not exist")
    except OSError as exc:
        return os_reason(exc)
    try:
        if registry and path.exists() and (kind := unreadable_kind(path.stat().st_mode)):
            return gettext(kind)  # a directory, a device: what reading it says
        if not path.exists():  # a link to nothing, or into a loop
            if not registry:
                return gettext("does not exist")
            if broken := broken_link(path):
                return gettext(broken[0]).format(**broken[1])
            os.stat(path)  # a chain longer than the system follows: why, as it says
        if registry and not os.access(path, os.R_OK):
            return gettext("exists, but may not be read")
        if not registry and not path.is_dir():
            if path.is_file():
                return gettext("is a file, not a directory")
            return gettext("is not a directory")  # a FIFO, a socket, a device
        return gettext("exists")
    except OSError as exc:
        return os_reason(exc)


def district_states() -> dict[str, str]:
    """Each German district key with its state, to check a registry's channels against."""
    return {key: d.state for key, d in gazetteer.districts().items()}


def municipality_spelling(district: str, name: str) -> str | None:
    """How the gazetteer writes the district's municipality of that name ("Dannenberg
    (Elbe)" for "Dannenberg", 03354), or None if the district has no such one."""
    spellings = [
        p.name
        for p in gazetteer.places_by_key(name_key(name))
        if p.kind == "municipality" and p.district == district
    ]
    return name if name in spellings else next(iter(spellings), None)


def registry_checks() -> RegistryChecks:
    """What a registry file is checked against, as keyword arguments of
    :func:`~polchan_cli.registry.parse_registry`: the districts with their states,
    and how the gazetteer writes each municipality."""
    return RegistryChecks(known_districts=district_states(), spelling=municipality_spelling)


def load_channels(explicit: Path | None = None) -> Registry:
    """The bundled registry, with the user's registry merged over it when there is one.

    A validated registry is cached as JSON in the user cache directory, keyed by
    the package version and the exact bytes of the files it came from, so that
    a run parses no YAML unless a registry file changed. A missing, corrupt or
    unwritable cache only costs the parse.
    """
    path, _ = user_registry_path(explicit)
    # Read once: the cache key and the parse must see the same text, also when the
    # "file" is a pipe that can be read only once (--registry <(curl …)).
    text = read_registry_text(path) if path is not None else None
    key = _cache_key(path, text)
    cached = _read_cache(key) if key else None
    if cached is not None:
        return cached
    checks = registry_checks()
    registry = load_registry(bundled_registry_path(), **checks)
    if path is not None and text is not None:
        registry = parse_registry(text, str(path), base=registry, **checks)
    if key:
        _write_cache(key, registry)
    return registry


def _cache_key(user: Path | None, user_text: str | None) -> str | None:
    import zlib

    from . import __version__

    def digest(data: bytes) -> str:
        return f"{len(data)}.{zlib.crc32(data):08x}.{zlib.adler32(data):08x}"

    try:
        bundled = bundled_registry_path().read_bytes()
        districts = (gazetteer.data_dir() / "districts.tsv").stat()
    except OSError:
        return None  # let the real load report the problem
    # "No user file" must not share a key with an empty (invalid) one, and the path is
    # part of what is cached (the registry's file names).
    user_part = "none" if user is None else f"{user}:{digest((user_text or '').encode())}"
    return "-".join(
        [__version__, digest(bundled), user_part, f"{districts.st_size}.{districts.st_mtime_ns}"]
    )


def _cache_file(key: str) -> Path:
    import zlib

    # One file per key: two installs (or versions) side by side do not evict each other.
    return user_cache_dir() / f"registry-{zlib.crc32(key.encode()):08x}.json"


def _read_cache(key: str) -> Registry | None:
    import json

    from .registry import registry_from_dicts

    try:
        data = json.loads(_cache_file(key).read_text(encoding="utf-8"))
        if data.get("key") != key:
            return None
        return registry_from_dicts(data["channels"], data["disabled"])
    except Exception:  # missing, unreadable or corrupt: rebuild
        return None


def _write_cache(key: str, registry: Registry) -> None:
    import json
    import tempfile

    data = {
        "key": key,
        "channels": [c.to_dict() for c in registry.channels],
        "disabled": [c.to_dict() for c in registry.disabled],
    }
    try:
        target = _cache_file(key)
        home = Path.home()
        if home in target.parents and not home.is_dir():
            # HOME=/nonexistent, as services run: a cache is not worth making a home
            # (run as root, at the top of the file system).
            return
        target.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(
            "w",
            encoding="utf-8",
            dir=target.parent,
            prefix=".registry-",
            suffix=".tmp",
            delete=False,
        ) as fh:
            json.dump(data, fh, ensure_ascii=False)
        os.replace(fh.name, target)
    except Exception:  # read-only or missing home: work without a cache
        with contextlib.suppress(Exception):
            os.unlink(fh.name)  # type: ignore[possibly-undefined]
        return
    _prune_cache(target)


STALE_AFTER_SECONDS = 30 * 24 * 3600


def _prune_cache(keep: Path) -> None:
    """Remove cache files not rewritten for 30 days (old versions, old registry edits)."""
    import time

    cutoff = time.time() - STALE_AFTER_SECONDS
    with contextlib.suppress(OSError):
        for old in keep.parent.glob("registry-*.json"):
            with contextlib.suppress(OSError):
                if old != keep and old.stat().st_mtime < cutoff:
                    old.unlink()
