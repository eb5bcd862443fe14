"""`python -m generator` runs the grgen command line (the same as the `grgen` script)."""

from generator.cli import main

if __name__ == "__main__":
    main()
