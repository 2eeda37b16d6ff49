"""`python -m jobmatch.pipeline [OUT_DIR] [--tagger DIR]`: build the pipeline and save it."""

from __future__ import annotations

import argparse

from jobmatch.pipeline.build import assemble
from jobmatch.settings import DEFAULT_PIPELINE_DIR

parser = argparse.ArgumentParser(prog="python -m jobmatch.pipeline", description=__doc__)
parser.add_argument("out_dir", nargs="?", default=str(DEFAULT_PIPELINE_DIR))
parser.add_argument("--tagger", default=None, help="a trained jobmatch_competency_tagger pipeline folder")
args = parser.parse_args()
print(assemble(args.out_dir, args.tagger))
