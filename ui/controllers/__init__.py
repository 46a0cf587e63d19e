"""The window's controllers: one concern each, wired by ``ui.main_window.MainWindow``.

Each controller owns its ``QAction``s (``act_*``, added to menus by the window), the slots
behind them and the state of its concern; it reaches the package through the model and the
undo stack, and the window's shared services (settings, task runner, status bar, message
boxes) through ``Controller``. See docs/architecture.md, "Where to change X".
"""
