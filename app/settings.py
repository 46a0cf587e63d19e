"""User settings of the desktop app, declared once with their type and default.

Every option lives in ``OPTIONS`` so a typo in a key fails loudly and a value read back from
the platform store (strings in INI files, variants in the registry) is converted to the
declared type. ``SETTINGS_VERSION`` is stored with the settings; ``MIGRATIONS`` upgrades
older stores when an option is renamed or its meaning changes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

ORGANIZATION = "Verso"
APPLICATION = "Verso"

SETTINGS_VERSION = 1

LANGUAGES = ("fr", "en")
ENGINES = ("siegfried", "fido", "magic")


@dataclass(frozen=True, slots=True)
class Option:
    """One setting: its key in the store, its Python type and its default."""

    key: str
    type: type
    default: Any
    choices: tuple[Any, ...] = ()


OPTIONS: dict[str, Option] = {
    o.key: o
    for o in (
        Option("window/geometry", QByteArray, QByteArray()),
        Option("window/state", QByteArray, QByteArray()),
        Option("window/splitter_main", QByteArray, QByteArray()),
        Option("window/splitter_side", QByteArray, QByteArray()),
        Option("window/tree_header", QByteArray, QByteArray()),
        Option("window/tree_user_sized", bool, False),  # column widths dragged by hand
        Option("folders/last_open", str, ""),
        Option("folders/last_export", str, ""),
        Option("folders/last_preset", str, ""),
        Option("folders/recent", list, []),
        Option("ui/language", str, "fr", LANGUAGES),
        Option("scan/engine", str, "siegfried", ENGINES),
        # analysis processes; 0 = one per CPU minus one, so the window keeps a core
        Option("scan/workers", int, 0),
        Option("export/seda_version", str, "2.1", ("2.1", "2.2", "2.3")),
        Option("export/verify", bool, True),
        # also write the transfer slip (bordereau de versement) next to the SIP, as a PDF
        # (to print and sign) or HTML (for a browser); Transfer › Transfer slip… too
        Option("export/bordereau", bool, True),
        Option("export/bordereau_format", str, "pdf", ("pdf", "html")),
        Option("bordereau/annex", bool, False),  # the list of every file, at the end
        Option("bordereau/depth", int, -1),  # units listed down to this level; -1: all
        # the current transfer profile (preset YAML path), reopened at start
        Option("export/preset", str, ""),
        # saved work (.verso): recent files, and the automatic recovery copy left when
        # Verso ended with unsaved changes (its path and the work file it stands for)
        Option("work/recent", list, []),
        Option("work/last_folder", str, ""),
        Option("work/recovery", str, ""),
        Option("work/recovery_of", str, ""),
    )
}

RECENT_MAX = 8


def _migrate_0_to_1(store: QSettings) -> None:
    """Version 0 is "no version key": nothing to rename yet, the hook shows the pattern."""
    legacy = store.value("language")
    if legacy is not None and store.value("ui/language") is None:
        store.setValue("ui/language", legacy)
    store.remove("language")


# from_version -> function upgrading the store to from_version + 1
MIGRATIONS: dict[int, Callable[[QSettings], None]] = {0: _migrate_0_to_1}


def _convert(option: Option, raw: Any) -> Any:
    """Turn what QSettings gives back (often a str) into the declared type."""
    if raw is None:
        return option.default
    t = option.type
    try:
        if t is bool:
            if isinstance(raw, str):
                return raw.strip().lower() in ("1", "true", "yes", "on")
            return bool(raw)
        if t is int:
            return int(raw)
        if t is str:
            value = str(raw)
            if option.choices and value not in option.choices:
                return option.default
            return value
        if t is list:
            if isinstance(raw, str):
                return [raw] if raw else []
            return [str(v) for v in raw]
        if t is QByteArray:
            return raw if isinstance(raw, QByteArray) else QByteArray(raw)
    except (TypeError, ValueError):
        return option.default
    return raw


class Settings:
    """Typed access to the options; pass a ``QSettings`` (e.g. an INI file) in tests."""

    def __init__(self, store: QSettings | None = None) -> None:
        self.store = store if store is not None else QSettings(ORGANIZATION, APPLICATION)
        self.migrate()

    def migrate(self) -> None:
        """Run the migrations from the stored version up to ``SETTINGS_VERSION``."""
        try:
            version = int(self.store.value("settings_version", 0))
        except (TypeError, ValueError):
            version = 0
        while version < SETTINGS_VERSION:
            step = MIGRATIONS.get(version)
            if step is not None:
                step(self.store)
            version += 1
        self.store.setValue("settings_version", SETTINGS_VERSION)

    @property
    def version(self) -> int:
        return int(self.store.value("settings_version", 0))

    def get(self, key: str) -> Any:
        option = OPTIONS[key]
        value = _convert(option, self.store.value(key))
        if isinstance(value, list):
            return list(value)
        return value

    def set(self, key: str, value: Any) -> None:
        option = OPTIONS[key]
        if option.choices and value not in option.choices:
            raise ValueError(f"{key}: {value!r} not in {option.choices}")
        if option.type is list and not value:
            # An empty list does not round-trip through every QSettings backend.
            self.store.remove(key)
            return
        self.store.setValue(key, value)

    def add_recent(self, folder: str, key: str = "folders/recent") -> None:
        """Remember ``folder`` (or a file) first in the recent list ``key`` (no duplicates,
        bounded)."""
        recent = [f for f in self.get(key) if f != folder]
        self.set(key, [folder, *recent][:RECENT_MAX])

    def sync(self) -> None:
        self.store.sync()
