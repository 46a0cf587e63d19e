"""The preset's archive profiles for the window: loaded once, checked with the package.

``preset_profiles(preset)`` loads the transfer profile and archive-unit profiles a preset
names (cached while the files do not change); a file that cannot be used becomes an ERROR
finding (the window shows it in the verification, it never raises).
``check_with_preset(package, preset)`` is what the window's verification and export add to
``seda.validate.check_package``: the manifest Verso would write, against the profiles.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from seda.archive_profile import (
    ProfileError,
    TransferProfile,
    UnitProfile,
    check_package_profiles,
    load_transfer_profile,
    load_unit_profiles,
)
from seda.findings import Finding
from seda.model import Package


@dataclass(slots=True)
class PresetProfiles:
    transfer: TransferProfile | None = None
    units: list[UnitProfile] = field(default_factory=list)
    problems: list[Finding] = field(default_factory=list)  # files that cannot be used

    @property
    def any(self) -> bool:
        return self.transfer is not None or bool(self.units)


_cache: dict[tuple[Any, ...], PresetProfiles] = {}


def _stamp(path: Path | None) -> tuple[str, int, int] | None:
    if path is None:
        return None
    try:
        st = os.stat(path)
    except OSError:
        return (str(path), -1, -1)
    return (str(path), st.st_size, st.st_mtime_ns)


def preset_profiles(preset: Any) -> PresetProfiles:
    """The profiles ``preset`` (an ``app.presets.Preset``, or None) names, loaded."""
    if preset is None:
        return PresetProfiles()
    key = (
        _stamp(preset.archive_profile),
        preset.archive_profile_id,
        tuple(_stamp(u.file) for u in preset.unit_profiles),
    )
    cached = _cache.get(key)
    if cached is not None:
        return cached
    out = PresetProfiles()
    if preset.archive_profile is not None:
        try:
            out.transfer = load_transfer_profile(preset.archive_profile, preset.archive_profile_id)
        except ProfileError as exc:
            out.problems.extend(exc.findings)
    for ref in preset.unit_profiles:
        try:
            out.units.extend(load_unit_profiles(ref.file))
        except ProfileError as exc:
            out.problems.extend(exc.findings)
    _cache.clear()  # one preset at a time
    _cache[key] = out
    return out


def check_with_preset(package: Package, preset: Any) -> list[Finding]:
    """The package against the preset's profiles (empty when it names none)."""
    profiles = preset_profiles(preset)
    if not profiles.any:
        return list(profiles.problems)
    return [*profiles.problems, *check_package_profiles(package, profiles.transfer, profiles.units)]


__all__ = ["PresetProfiles", "check_with_preset", "preset_profiles"]
