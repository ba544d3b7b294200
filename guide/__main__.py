"""``python -m guide`` runs the command line."""

from guide.cli import main_exit

main_exit()
