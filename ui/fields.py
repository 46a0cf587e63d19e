"""Small editors the unit form and the "more description" group share: a date that may be
unset, a list of strings (one per line). Their own module so that ``ui.details`` and
``ui.more_description`` both use them without importing each other."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QDate, QEvent, QLocale, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)


class WheelGuard(QObject):
    """Lets a combo box, date or number field take the mouse wheel only once focused.

    Scrolling a long form with the wheel used to change whatever field passed under the
    pointer. An unfocused field ignores the wheel, which Qt then hands to its parents (the
    form's scroll area scrolls); a click or Tab gives it the focus, and the wheel again.
    """

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Wheel and isinstance(watched, QWidget):
            if not watched.hasFocus():
                event.ignore()
                return True  # not accepted: the parents (the scroll area) get the wheel
        return False


_WHEEL_GUARD: WheelGuard | None = None


def guard_wheel(*widgets: QWidget) -> None:
    """Guard ``widgets`` and every combo box, date and number field inside them."""
    global _WHEEL_GUARD
    if _WHEEL_GUARD is None:
        _WHEEL_GUARD = WheelGuard()
    for widget in widgets:
        found: list[QWidget] = [widget] if isinstance(widget, (QComboBox, QAbstractSpinBox)) else []
        found += widget.findChildren(QComboBox) + widget.findChildren(QAbstractSpinBox)
        for field in found:
            if field.property("verso_wheel_guard"):
                continue
            field.setProperty("verso_wheel_guard", True)
            field.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # the wheel never gives focus
            field.installEventFilter(_WHEEL_GUARD)


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def _pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class DateField(QWidget):
    """An optional date: a check box ("set") and a date edit with a calendar popup."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.enabled_box = QCheckBox(self)
        self.enabled_box.setToolTip(self.tr("Set this date"))
        self.edit = QDateEdit(self)
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat(QLocale().dateFormat(QLocale.FormatType.ShortFormat))
        self.edit.setDate(QDate.currentDate())
        self.edit.setEnabled(False)
        guard_wheel(self.edit)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.enabled_box)
        layout.addWidget(self.edit, 1)
        self.enabled_box.toggled.connect(self._toggled)
        self.edit.dateChanged.connect(lambda _d: self.changed.emit())

    def _toggled(self, on: bool) -> None:
        self.edit.setEnabled(on)
        self.changed.emit()

    def value(self) -> date | None:
        return _pydate(self.edit.date()) if self.enabled_box.isChecked() else None

    def set_value(self, value: date | None) -> None:
        blockers = (self.enabled_box.blockSignals(True), self.edit.blockSignals(True))
        self.enabled_box.setChecked(value is not None)
        self.edit.setEnabled(value is not None)
        if value is not None:
            self.edit.setDate(_qdate(value))
        self.enabled_box.blockSignals(blockers[0])
        self.edit.blockSignals(blockers[1])


class StringListEditor(QWidget):
    """A short list of strings (keywords, identifiers): type and Enter to add, ✕ to remove."""

    edited = Signal(list)

    def __init__(self, placeholder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.input = QLineEdit(self)
        self.input.setPlaceholderText(placeholder)
        self.add_button = QToolButton(self)
        self.add_button.setText("+")
        self.add_button.setToolTip(self.tr("Add"))
        self.remove_button = QToolButton(self)
        self.remove_button.setText("✕")
        self.remove_button.setToolTip(self.tr("Remove the selected entry"))
        self.list = QListWidget(self)
        self.list.setMaximumHeight(76)
        row = QHBoxLayout()
        row.addWidget(self.input, 1)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addWidget(self.list)
        self.input.returnPressed.connect(self._add)
        self.add_button.clicked.connect(self._add)
        self.remove_button.clicked.connect(self._remove)

    def values(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]

    def set_values(self, values: Sequence[str]) -> None:
        self.list.clear()
        for v in values:
            self.list.addItem(QListWidgetItem(v))

    def _add(self) -> None:
        text = self.input.text().strip()
        if not text or text in self.values():
            return
        self.input.clear()
        self.edited.emit([*self.values(), text])

    def _remove(self) -> None:
        row = self.list.currentRow()
        if row < 0:
            return
        values = self.values()
        del values[row]
        self.edited.emit(values)
