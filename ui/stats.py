"""Package counts for the status bar and the formats chart, computed in slices.

``Package.stats()`` walks every unit: ~0.1 s per 20,000 units, too long for one event-loop
turn while a scan runs. ``StatsJob`` walks in slices of at most ``budget`` seconds and
publishes once done; a new request restarts it. Thread affinity: main thread.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, QTimer

from seda.model import Package, PackageStats


@dataclass(slots=True)
class StatsResult:
    stats: PackageStats = field(default_factory=PackageStats)
    names: dict[str, str] = field(default_factory=dict)  # puid -> "name (puid)"


def iter_stats(package: Package, result: StatsResult, chunk: int = 500) -> Iterator[None]:
    """Fill ``result`` while walking; yields every ``chunk`` units so callers can pause."""
    st = result.stats
    names = result.names
    formats = st.formats
    n = 0
    for unit in package.walk():
        st.units += 1
        for obj in unit.objects:
            st.files += 1
            st.total_size += obj.size
            fmt = obj.format
            key = fmt.puid if fmt.known else ""
            if not key:
                st.unknown_formats += 1
            elif key not in names:
                names[key] = f"{fmt.name} ({key})" if fmt.name else key
            count, size = formats.get(key, (0, 0))
            formats[key] = (count + 1, size + obj.size)
        n += 1
        if n >= chunk:
            n = 0
            yield


def compute_stats(package: Package) -> StatsResult:
    result = StatsResult()
    for _ in iter_stats(package, result):
        pass
    return result


class StatsJob(QObject):
    """Recompute in slices of ``budget`` seconds; ``on_done(result)`` at the end."""

    def __init__(
        self,
        package_getter: Callable[[], Package],
        on_done: Callable[[StatsResult], None],
        budget: float = 0.012,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._package = package_getter
        self._on_done = on_done
        self.budget = budget
        self._steps: Iterator[None] | None = None
        self._result = StatsResult()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._step)

    def start(self) -> None:
        """(Re)start from scratch."""
        self._result = StatsResult()
        self._steps = iter_stats(self._package(), self._result)
        self._timer.start()

    @property
    def running(self) -> bool:
        return self._steps is not None

    def _step(self) -> None:
        steps = self._steps
        if steps is None:
            return
        deadline = time.perf_counter() + self.budget
        try:
            while time.perf_counter() < deadline:
                next(steps)
        except StopIteration:
            self._steps = None
            self._on_done(self._result)
            return
        self._timer.start()
