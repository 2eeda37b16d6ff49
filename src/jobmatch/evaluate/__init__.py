"""The evaluation harness: extraction, peers, ranking systems, speed and external benchmarks on a
gold corpus, with reports and a CI gate. `jobmatch eval` is a thin layer over `evaluate_command`."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from jobmatch.errors import ConfigError
from jobmatch.evaluate.settings import EXTERNAL_SETS, EvalSettings

__all__ = ["EvalSettings", "evaluate_command", "run_evaluation"]


def run_evaluation(settings: EvalSettings, external: Sequence[str] = ()) -> dict:
    from jobmatch.evaluate.run import run_evaluation as run
    return run(settings, external)


def evaluate_command(corpus: Path, split: str, out: Path, check: bool = False, compare: Path | None = None,
                     external: Sequence[str] = (), thresholds: Path = Path("eval/thresholds.toml"),
                     peers: bool = True, write_summary: Path | None = None, embedding_cache: Path | None = None,
                     echo: Callable[[str], None] = print) -> int:
    """Run, write the reports, optionally compare and gate; returns the exit code (1: gate failed)."""
    from jobmatch.evaluate.gate import check as gate_check
    from jobmatch.evaluate.gate import load_thresholds
    from jobmatch.evaluate.report import compare_reports, format_changes, load_report, write_report

    # Read what can be wrong before the run, not after minutes of work.
    unknown = [name for name in external if name not in EXTERNAL_SETS]
    if unknown:
        raise ConfigError(f"--external must be one of {', '.join(EXTERNAL_SETS)}, not {unknown[0]!r}")
    minimum = load_thresholds(thresholds) if check else {}
    old = load_report(compare) if compare else None
    settings = replace(EvalSettings(), corpus=corpus, split=split, out=out, thresholds=thresholds, peers=peers,
                       embedding_cache=embedding_cache)
    report = run_evaluation(settings, external)
    written = write_report(report, out, settings.plots)
    for path in written:
        echo(f"wrote {path}")
    if write_summary:
        for target in copy_summary(out, written, write_summary):
            echo(f"wrote {target}")
    for name, block in report["external"].items():
        if block.get("status") != "ok":
            echo(f"external {name}: skipped ({block['reason']})")
    if old is not None:
        echo(f"changes against {compare}:")
        echo(format_changes(compare_reports(old, report)))
    if not check:
        return 0
    result = gate_check(report, minimum)
    for line in result.skipped:
        echo(f"gate: {line}")
    for line in result.failures:
        echo(f"gate: FAIL {line}")
    echo(f"gate: {'passed' if result.passed else 'failed'}: {result.checked} figures checked against {thresholds}, "
         f"{len(result.failures)} below, {len(result.skipped)} skipped")
    return 0 if result.passed else 1


def copy_summary(out: Path, written: list[Path], summary: Path) -> list[Path]:
    """The committed summary: REPORT.md to read, REPORT.json beside it for `--compare` and the
    test that keeps eval/thresholds.toml below the committed figures, and the plots it links.
    A summary asked for inside `--out` itself is not copied onto its own source."""
    summary.parent.mkdir(parents=True, exist_ok=True)
    copies = [(out / "report.md", summary), (out / "report.json", summary.with_suffix(".json")),
              *((p, summary.parent / p.name) for p in written if p.suffix == ".png")]
    copied = []
    for source, target in copies:
        if source.resolve() != target.resolve():
            shutil.copyfile(source, target)
        copied.append(target)
    return copied
