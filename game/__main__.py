"""``python -m game`` runs the ``citizen`` command."""

import sys

from game.cli import main

sys.exit(main())
