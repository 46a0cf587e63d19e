"""First start: when Qt cannot open a window, a French sentence and exit 2, never an abort."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from app import cli, display

ROOT = Path(__file__).resolve().parents[2]
linux = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux display checks")


def _env(**values: str) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    env["PYTHONPATH"] = str(ROOT)
    env.update(values)
    return env


@linux
def test_no_display_is_explained() -> None:
    problem = display.window_problem({})
    assert problem is not None
    assert "ne peut pas ouvrir sa fenêtre" in problem and "DISPLAY" in problem
    assert "verso --help" in problem


@linux
@pytest.mark.parametrize("platform", ["offscreen", "minimal", "vnc:size=800x600"])
def test_platforms_needing_no_screen_are_not_checked(platform: str) -> None:
    assert display.window_problem({"QT_QPA_PLATFORM": platform}) is None


@linux
def test_wayland_session_is_trusted() -> None:
    assert display.window_problem({"WAYLAND_DISPLAY": "wayland-0"}) is None


@linux
def test_missing_library_is_named(tmp_path: Path) -> None:
    """The xcb plugin copied away from Qt's libraries cannot load: the library is named."""
    plugin = display.xcb_plugin()
    if not plugin:
        pytest.skip("PySide6 has no xcb plugin here")
    lonely = tmp_path / "platforms" / "libqxcb.so"
    lonely.parent.mkdir()
    shutil.copy(plugin, lonely)
    missing = display.missing_library(str(lonely))
    assert missing.startswith("lib") and ".so" in missing


@linux
def test_every_window_library_has_its_package() -> None:
    for package in ("libxcb-icccm4", "libxcb-keysyms1", "libxcb-cursor0", "libxkbcommon-x11-0"):
        assert package in display.APT_LINE
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [p for p in sorted(set(display.WINDOW_LIBRARIES.values())) if p not in readme]
    assert not missing, f"README's package list lacks {missing}"


@linux
@pytest.mark.parametrize("screen", ["", ":87"])
def test_verso_without_a_usable_screen_exits_2_in_french(screen: str, tmp_path: Path) -> None:
    """No display at all, or a display nobody answers: exit 2 and a sentence (Qt used to
    abort with exit 134 and 'could not load the Qt platform plugin')."""
    pytest.importorskip("PySide6")
    done = subprocess.run(
        [sys.executable, "-m", "app.cli"],
        env=_env(DISPLAY=screen, HOME=str(tmp_path)),
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )
    assert done.returncode == 2, done.stderr
    assert "Verso ne peut pas ouvrir sa fenêtre" in done.stderr
    assert "Traceback" not in done.stderr


def test_paths_alone_open_the_window(tmp_path: Path) -> None:
    folder = tmp_path / "Arrêtés"
    folder.mkdir()
    assert cli._window_paths([str(folder)])
    assert not cli._window_paths(["scan", str(folder)])
    assert not cli._window_paths([str(folder), "--workers", "0"])
    assert not cli._window_paths([str(tmp_path / "absent")])
    assert not cli._window_paths([])
