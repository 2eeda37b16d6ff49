"""`python -m jobmatch` runs the CLI."""

from jobmatch.cli import main

main()
