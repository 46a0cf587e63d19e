"""Display text shared by the views: description levels, sizes, dates, finding text.

The words for SEDA codes come from ``app.labels`` (one table for the window, the CLI and the
bordereau), in the language ``app.i18n`` installed.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QLocale

from app import labels
from app.i18n import current_language


def level_label(level: str) -> str:
    """The name of a SEDA DescriptionLevel in the window's language (``app.labels``)."""
    return labels.level_label(level, current_language())


def human_size(size: int) -> str:
    """``1,2 Mo`` in French, ``1.2 MB`` in English (decimal-comma follows the locale)."""
    units = (
        QCoreApplication.translate("Sizes", "B"),
        QCoreApplication.translate("Sizes", "KB"),
        QCoreApplication.translate("Sizes", "MB"),
        QCoreApplication.translate("Sizes", "GB"),
        QCoreApplication.translate("Sizes", "TB"),
    )
    value = float(size)
    index = 0
    while value >= 1024 and index < len(units) - 1:
        value /= 1024
        index += 1
    locale = QLocale()
    if index == 0:
        return f"{locale.toString(int(size))} {units[0]}"
    return f"{locale.toString(value, 'f', 1)} {units[index]}"


def short_date(value: date | None) -> str:
    if value is None:
        return ""
    return QLocale().toString(value, QLocale.FormatType.ShortFormat)


def date_range(start: date | None, end: date | None) -> str:
    """``12/03/2019 – 05/04/2021``, one date when both are equal, "" when none."""
    if start is None and end is None:
        return ""
    if start is not None and end is not None and start == end:
        return short_date(start)
    return f"{short_date(start)} – {short_date(end)}".strip(" –") if start or end else ""


def number(n: int) -> str:
    return QLocale().toString(int(n))


def describe_finding(finding: object, lang: str) -> str:
    """A finding as a sentence, through ``app.messages`` (falls back to the code)."""
    try:
        from app.messages import describe
    except ImportError:
        describe = None
    if describe is not None:
        try:
            return describe(finding, lang)  # type: ignore[arg-type]
        except Exception:  # noqa: BLE001 - a missing message must not break the panel
            pass
    code = getattr(finding, "code", "")
    params = getattr(finding, "params", {}) or {}
    extra = ", ".join(f"{k}={v}" for k, v in params.items())
    return f"{code} ({extra})" if extra else str(code)


DISPLAY_MAX = 1000  # characters of a title/tooltip shown in a view


def short_text(text: str, limit: int = DISPLAY_MAX) -> str:
    """``text`` cut to ``limit`` characters (+ « … »): laying out a 50 MB title (a crafted
    manifest or saved work) froze the window for a minute; nobody reads past a line."""
    if len(text) <= limit:
        return text
    return text[:limit] + "…"


def count(n: int, noun: str) -> str:
    """« 1 unité », « 1 234 fichiers » in the window's language (``app.labels.count``, the
    one plural helper of the window and the CLI; ``noun`` is a key of ``labels.NOUNS``)."""
    return labels.count(n, noun, current_language(), number(n))
