"""Build classroom materials from the topics in source/ (see README.md)."""

from guide.cli import main_exit

if __name__ == "__main__":
    main_exit()
