"""Build hook (the rest of the configuration is in pyproject.toml).

The wheel must carry compiled ``.qm`` translations, which are not committed: they are
compiled from the ``.ts`` sources into the build folder by ``app/qm.py`` (pure Python, so the
build needs no Qt). Editable installs skip this: they compile at first start (``app.i18n``).
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent


def _qm_compiler():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("_verso_qm", HERE / "app" / "qm.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


class BuildPyWithTranslations(build_py):
    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False) or self.dry_run:
            return
        out = Path(self.build_lib) / "resources" / "i18n"
        for qm in _qm_compiler().compile_dir(HERE / "resources" / "i18n", out):
            print(f"compiled {qm.relative_to(self.build_lib)}")


setup(cmdclass={"build_py": BuildPyWithTranslations})
