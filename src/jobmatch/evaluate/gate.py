"""The CI gate: `eval/thresholds.toml` holds a minimum per figure path; a run passes when every
figure is at or above its minimum. Figures of an external set are checked only when that set
ran (its data is present), so a checkout without ../shared/external still passes, saying so."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from jobmatch.errors import ConfigError
from jobmatch.evaluate.report import flatten


@dataclass(frozen=True)
class GateResult:
    failures: list[str]
    skipped: list[str]
    checked: int

    @property
    def passed(self) -> bool:
        return not self.failures


def load_thresholds(path: str | Path) -> dict[str, float]:
    """{figure path: minimum} from the [minimum] table of a TOML file."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"cannot read {path}: no such file") from None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"cannot read {path}: {exc}") from None
    table = data.get("minimum")
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: no [minimum] table of figure paths")
    bad = [k for k, v in table.items() if isinstance(v, bool) or not isinstance(v, (int, float))]
    if bad:
        raise ConfigError(f"{path}: minimum of {bad[0]!r} is not a number")
    return {k: float(v) for k, v in table.items()}


def check(report: dict, thresholds: dict[str, float]) -> GateResult:
    figures = flatten(report)
    failures, skipped = [], []
    checked = 0
    for path, minimum in sorted(thresholds.items()):
        parts = path.split(".")
        if parts[0] == "external" and len(parts) > 1:
            ran = report.get("external", {}).get(parts[1], {})
            if ran.get("status") != "ok":
                skipped.append(f"{path}: skipped ({ran.get('reason') or f'--external {parts[1]} was not run'})")
                continue
        value = figures.get(path)
        checked += 1
        if value is None:
            failures.append(f"{path}: not in the report (minimum {minimum:g})")
        elif value < minimum:
            failures.append(f"{path}: {value:.4f} is below the minimum {minimum:g}")
    return GateResult(failures, skipped, checked)
