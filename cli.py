"""Run the command-line interface from a checkout: `python cli.py annotate minutes.txt`."""

from acronyms.cli import main

if __name__ == "__main__":
    main()
