"""`python -m jobmatch.corpus check|build|render`: the corpus tools without the full CLI's dependencies."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from jobmatch.corpus.check import check_corpus
from jobmatch.corpus.loader import load_corpus


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m jobmatch.corpus")
    parser.add_argument("command", choices=["check", "build", "render"])
    parser.add_argument("--corpus", default="corpora")
    parser.add_argument("--cluster", action="append", help="check only these clusters")
    args = parser.parse_args(argv)
    if args.command == "build":
        from jobmatch.corpus.build import build_corpus
        summary = build_corpus(Path(args.corpus))
        print(summary)
        return 0
    if args.command == "render":
        from jobmatch.corpus.render import render_corpus
        print(render_corpus(Path(args.corpus)))
        return 0
    corpus = load_corpus(args.corpus)
    problems = check_corpus(corpus, set(args.cluster) if args.cluster else None)
    for problem in problems:
        print(problem)
    errors = sum(p.severity == "error" for p in problems)
    print(f"{len(corpus.documents)} documents, {errors} errors, {len(problems) - errors} warnings")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
