"""``python -m app.cli``: the ``verso`` command."""

import sys

from app.cli import main

sys.exit(main())
