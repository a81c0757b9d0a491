"""``python -m acupath`` runs the command line."""

from acupath.cli import run

run()
