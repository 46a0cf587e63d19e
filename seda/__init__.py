"""Verso's core: the SEDA package model, scanning, manifests, SIP zips, referentials.

Pure Python. Never imports Qt, ``app`` or ``ui``.
"""

__version__ = "0.1.0"
