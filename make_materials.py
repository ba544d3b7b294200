"""Build classroom materials from the topics in source/ (see README.md)."""

import sys

from guide.cli import main

if __name__ == "__main__":
    sys.exit(main())
