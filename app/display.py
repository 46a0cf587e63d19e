"""Can Qt open a window here? Checked before ``QApplication``, which aborts the process.

Without a display, or with one of the X11 libraries Qt's ``xcb`` plugin needs missing (a
plain Debian/Ubuntu desktop lacks ``libxcb-icccm4``, ``libxcb-keysyms1``...), Qt prints a
misleading "could not load the Qt platform plugin" and aborts (exit 134). ``window_problem``
finds the cause first and words it in French for the person, with the packages to install.

Linux only: Windows' and macOS' platform plugins need nothing outside the program.
"""

from __future__ import annotations

import ctypes
import os
import re
import sys

# Every Debian/Ubuntu package the window needs (Qt's xcb plugin and QtGui), by library.
WINDOW_LIBRARIES: dict[str, str] = {
    "libGL.so.1": "libgl1",
    "libEGL.so.1": "libegl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libdbus-1.so.3": "libdbus-1-3",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb.so.1": "libxcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xinerama.so.0": "libxcb-xinerama0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    # Qt's wayland plugin (Wayland desktop sessions; xcb through XWayland otherwise)
    "libwayland-cursor.so.0": "libwayland-cursor0",
    "libwayland-egl.so.1": "libwayland-egl1",
}
APT_LINE = "sudo apt-get install " + " ".join(sorted(set(WINDOW_LIBRARIES.values())))

_HEAD = "Verso ne peut pas ouvrir sa fenêtre : "
_TAIL = "La ligne de commande reste disponible : verso --help"
# platforms that need no screen or no system library of ours to check
_NO_CHECK = {"offscreen", "minimal", "minimalegl", "vnc", "linuxfb", "eglfs", "vkkhrdisplay"}


def window_problem(environ: os._Environ[str] | dict[str, str] | None = None) -> str | None:
    """None when a window can open, else the French explanation (what is missing)."""
    if not sys.platform.startswith("linux"):
        return None
    env = os.environ if environ is None else environ
    platforms = [p.split(":")[0].strip() for p in env.get("QT_QPA_PLATFORM", "").split(";")]
    platforms = [p for p in platforms if p]
    if platforms and any(p in _NO_CHECK for p in platforms):
        return None
    wants_wayland = not platforms or "wayland" in platforms
    wants_xcb = not platforms or "xcb" in platforms
    if wants_wayland and env.get("WAYLAND_DISPLAY"):
        return None  # Qt's wayland plugin needs only what QtGui needs
    display = env.get("DISPLAY", "")
    if not wants_xcb:
        return None  # a platform we do not know: let Qt try
    if not display:
        return (
            _HEAD + "aucun écran graphique n'est disponible ici (ni DISPLAY ni WAYLAND_DISPLAY : "
            "session sans bureau, connexion à distance…).\n"
            "Lancez Verso depuis une session de bureau. " + _TAIL
        )
    missing = missing_library()
    if missing:
        package = WINDOW_LIBRARIES.get(missing, "")
        which = f" (paquet {package})" if package else ""
        return (
            _HEAD + f"la bibliothèque système « {missing} » manque{which}.\n"
            "Un administrateur peut installer d'un coup toutes celles dont la fenêtre a besoin :\n"
            f"  {APT_LINE}\n" + _TAIL
        )
    if not x_server_answers(display):
        return (
            _HEAD + f"l'écran « {display} » (variable DISPLAY) ne répond pas.\n"
            "Vérifiez que la session de bureau est ouverte. " + _TAIL
        )
    return None


_MISSING_RE = re.compile(r"([\w.+-]+\.so(?:\.\d+)*): cannot open shared object")


def xcb_plugin() -> str:
    """Path of Qt's xcb platform plugin (empty when PySide6 has none).

    Raises ImportError when QtCore itself cannot load (e.g. ``libglib-2.0.so.0`` missing).
    """
    try:
        from PySide6.QtCore import QLibraryInfo
    except ModuleNotFoundError:  # no PySide6 at all: the CLI says so itself
        return ""
    plugins = QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)
    path = os.path.join(plugins, "platforms", "libqxcb.so")
    return path if os.path.isfile(path) else ""


def missing_library(plugin: str | None = None) -> str:
    """The first library QtCore or the xcb plugin cannot find ("" when they load)."""
    try:
        plugin = xcb_plugin() if plugin is None else plugin
        if not plugin:
            return ""
        ctypes.CDLL(plugin, mode=os.RTLD_LAZY | os.RTLD_LOCAL)
    except (ImportError, OSError) as exc:
        found = _MISSING_RE.search(str(exc))
        return found.group(1) if found else str(exc)
    return ""


def x_server_answers(display: str) -> bool:
    """Whether the X server named by ``display`` accepts a connection (libxcb)."""
    try:
        xcb = ctypes.CDLL("libxcb.so.1")
    except OSError:
        return True  # the plugin check has spoken already; let Qt say more
    xcb.xcb_connect.restype = ctypes.c_void_p
    xcb.xcb_connect.argtypes = [ctypes.c_char_p, ctypes.c_void_p]
    xcb.xcb_connection_has_error.argtypes = [ctypes.c_void_p]
    xcb.xcb_disconnect.argtypes = [ctypes.c_void_p]
    conn = xcb.xcb_connect(display.encode(), None)
    try:
        return bool(conn) and xcb.xcb_connection_has_error(conn) == 0
    finally:
        if conn:
            xcb.xcb_disconnect(conn)
