"""Reports of a run: report.json (every figure), report.md (tables a person reads), PNG plots,
and the change of each figure against an older report.json."""

from __future__ import annotations

import json
import math
from pathlib import Path

from jobmatch.errors import JobmatchError
from jobmatch.evaluate.extraction import LABELS
from jobmatch.evaluate.settings import RANKING_METRICS

METRIC_TITLES = {"ndcg@5": "nDCG@5", "ndcg@10": "nDCG@10", "mrr": "MRR", "map": "MAP",
                 "recall@10": "R@10", "precision@5": "P@5"}


# --- figures as paths ------------------------------------------------------------------------

def flatten(report: dict, prefix: str = "") -> dict[str, float]:
    """Every number of a report under its dotted path (`ranking.recruiter.systems.bm25.metrics.ndcg@10.mean`)."""
    out: dict[str, float] = {}
    for key, value in report.items():
        path = f"{prefix}.{key}" if prefix else str(key)
        if isinstance(value, dict):
            out.update(flatten(value, path))
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            out[path] = float(value)
    return out


def load_report(path: str | Path) -> dict:
    path = Path(path)
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise JobmatchError(f"cannot read {path}: no such file") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise JobmatchError(f"cannot read {path}: not a report.json ({exc})") from None


def compare_reports(old: dict, new: dict, skip: tuple[str, ...] = ("meta.", "speed.", "eligibility.")) -> list[tuple[str, float | None, float | None]]:
    """(path, old, new) for every figure that changed, appeared or disappeared (timings left out)."""
    before, after = flatten(old), flatten(new)
    rows = []
    for path in sorted(set(before) | set(after)):
        if path.startswith(skip) or ".latency." in path or path.endswith("_per_s"):
            continue
        a, b = before.get(path), after.get(path)
        if a is None or b is None or not math.isclose(a, b, abs_tol=1e-9):
            rows.append((path, a, b))
    return rows


def format_changes(rows: list[tuple[str, float | None, float | None]]) -> str:
    if not rows:
        return "no figure changed"
    lines = []
    for path, a, b in rows:
        if a is None:
            lines.append(f"{path}: new {b:.4g}")
        elif b is None:
            lines.append(f"{path}: gone (was {a:.4g})")
        else:
            lines.append(f"{path}: {a:.4g} -> {b:.4g} ({b - a:+.4g})")
    return "\n".join(lines)


# --- markdown --------------------------------------------------------------------------------

def _f(value, digits: int = 3) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    return ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|",
            *("| " + " | ".join(row) + " |" for row in rows), ""]


def _extraction_md(extraction: dict) -> list[str]:
    spans = extraction["all"]["spans"]
    lines = ["## Extraction", "",
             f"Spans of the {spans['documents']} documents of the split against the gold spans. Strict: exact "
             "boundaries and label. Partial (nervaluate): an exact span counts 1, an overlapping span of the "
             "same label 0.5.", ""]
    rows = []
    for label, row in spans["labels"].items():
        rows.append([label, str(row["gold"]), str(row["predicted"]),
                     *(_f(row[s][m]) for s in ("strict", "partial") for m in ("precision", "recall", "f1"))])
    for name in ("micro", "macro"):
        block = spans[name]
        rows.append([f"**{name}**", "", "", *(_f(block[s][m]) for s in ("strict", "partial")
                                                for m in ("precision", "recall", "f1"))])
    lines += _table(["label", "gold", "predicted", "strict P", "strict R", "strict F1", "partial P",
                     "partial R", "partial F1"], rows)
    groups = list(extraction)
    lines += ["Per kind and document language (micro F1; macro over labels):", ""]
    rows = [[g, str(extraction[g]["spans"]["documents"]), _f(extraction[g]["spans"]["micro"]["strict"]["f1"]),
             _f(extraction[g]["spans"]["micro"]["partial"]["f1"]), _f(extraction[g]["spans"]["macro"]["strict"]["f1"])]
            for g in groups]
    lines += _table(["documents", "n", "strict F1", "partial F1", "macro strict F1"], rows)
    per_label = [[label, *(_f(extraction[g]["spans"]["labels"].get(label, {}).get("strict", {}).get("f1"))
                           for g in groups)] for label in LABELS]
    lines += ["Strict F1 per label and group:", ""]
    lines += _table(["label", *groups], per_label)
    lines += ["Normalised attributes: on spans, among the gold spans that a predicted span of the same label "
              "overlaps; per document, against the corpus' document-level gold (years of a CV within the "
              "tolerance in the settings, a notice's years exactly). Accuracy (n):", ""]
    rows = []
    for scope in ("span", "notice", "cv"):
        names = sorted({n for g in groups for n in extraction[g]["attributes"].get(scope, {})},
                       key=list(extraction["all"]["attributes"].get(scope, {})).index
                       if scope in extraction["all"]["attributes"] else None)
        for name in names:
            cells = []
            for g in groups:
                figure = extraction[g]["attributes"].get(scope, {}).get(name)
                cells.append(f"{_f(figure['accuracy'])} ({figure['n']})" if figure else "")
            rows.append([f"{scope}: {name}", *cells])
    lines += _table(["attribute", *groups], rows)
    return lines


def _peers_md(peers: dict) -> list[str]:
    if not peers:
        return []
    lines = ["## Peers on COMPETENCY spans", "", "Same documents, same measures (nervaluate, COMPETENCY only).", ""]
    rows, missing = [], []
    for name, peer in peers.items():
        if not peer["available"]:
            missing.append(f"- **{name}** ({peer['description']}): could not run: `{peer['reason']}`")
            continue
        s = peer["scores"]
        rows.append([name, *(_f(s[k][m]) for k in ("strict", "partial") for m in ("precision", "recall", "f1")),
                     _f(peer.get("docs_per_s"), 1) if peer.get("docs_per_s") else "see speed"])
    lines += _table(["system", "strict P", "strict R", "strict F1", "partial P", "partial R", "partial F1", "docs/s"], rows)
    return lines + missing + ([""] if missing else [])


def _ranking_md(ranking: dict, meta: dict) -> list[str]:
    grade = meta["settings"]["relevant_grade"]
    lines = ["## Matching", "",
             f"Each query ranks the whole pool of the split; documents not judged for a query count as grade 0. "
             f"nDCG uses the grades 0-3 as gains; MRR, MAP, R@10 and P@5 count grade >= {grade} (meets the "
             f"minimum requirements) as relevant. Queries without any relevant document are left out (their "
             f"measures are undefined). Mean [95% bootstrap CI over queries, "
             f"{meta['settings']['bootstrap_resamples']} resamples]; * = differs from the reference system with "
             f"p < {meta['settings']['max_p']} ({meta['settings']['stat_test']} paired test, ranx).", ""]
    for direction, block in ranking.items():
        title = "notice ranks CVs" if direction == "recruiter" else "CV ranks notices"
        lines += [f"### {direction.capitalize()} direction ({title})", "",
                  f"{block['queries']} queries ({block['queries_without_relevant']} without a relevant document left "
                  f"out), pool of {block['pool']} documents; reference system: {block['reference']}.", ""]
        rows, missing = [], []
        for name, figures in block["systems"].items():
            if not figures["available"]:
                missing.append(f"- **{name}**: {figures['reason']}")
                continue
            cells = []
            for metric in RANKING_METRICS:
                m = figures["metrics"][metric]
                star = "*" if figures.get("vs_reference", {}).get(metric, {}).get("significant") else ""
                cells.append(f"{_f(m['mean'])}{star} [{_f(m['ci_low'], 2)}, {_f(m['ci_high'], 2)}]")
            p = figures.get("vs_reference", {}).get("ndcg@10", {}).get("p_value")
            rows.append([name, *cells, _f(p, 4) if p is not None else "ref"])
        lines += _table(["system", *(METRIC_TITLES[m] for m in RANKING_METRICS), "p (nDCG@10)"], rows)
        lines += missing + ([""] if missing else [])
        lines += _by_language_md(block.get("by_query_language") or {})
    return lines


def _by_language_md(groups: dict) -> list[str]:
    """nDCG@10 and MRR per language of the query: the cross-lingual queries on their own."""
    if not groups:
        return []
    systems = list(next(iter(groups.values()))["systems"])
    header = ["system", *(f"{lang} ({g['queries']}) {METRIC_TITLES[m]}" for lang, g in groups.items()
                          for m in ("ndcg@10", "mrr"))]
    rows = [[name, *(_f(g["systems"][name][m]) for g in groups.values() for m in ("ndcg@10", "mrr"))]
            for name in systems]
    return ["By language of the query (mean; queries in brackets):", "", *_table(header, rows)]


def _eligibility_md(eligibility: dict) -> list[str]:
    lines = ["## Eligibility filter", ""]
    if not eligibility:
        return lines + ["Not measured: no jobmatch matcher ran (see Matching).", ""]
    rows = [[name, str(f["pairs"]), _f(f["precision"]), _f(f["recall"]), _f(f["score_average_precision"])]
            for name, f in eligibility.items()]
    return lines + ["`Match.eligible` against grade >= 2 on the judged pairs of the split.", "",
                    *_table(["system", "pairs", "precision", "recall", "AP of the score"], rows)]


def _speed_md(speed: dict, cache: str) -> list[str]:
    ex = speed["extraction"]
    rows = [[kind, str(f["documents"]), _f(f["docs_per_s"], 1)] for kind, f in ex.items()]
    load = speed.get("pipeline_load_s")
    lines = ["## Speed", "", "Read + extract in one `nlp.pipe` stream per kind, one process, the machine's other load "
             f"included{f'; loading the pipeline took {load:.1f} s before' if load is not None else ''}:", "",
             *_table(["kind", "documents", "docs/s"], rows),
             f"Peak resident memory of the run: {speed['peak_rss_mb']:.0f} MB; whole run {speed['total_s']:.1f} s.", ""]
    rows = []
    for direction, systems in speed["query_latency"].items():
        for name, lat in systems.items():
            rows.append([direction, name, _f(lat.get("p50_ms"), 2), _f(lat.get("p95_ms"), 2), _f(lat.get("p99_ms"), 2)])
    lines += ["Query latency (one query over the whole pool, ms):", "",
              *_table(["direction", "system", "p50", "p95", "p99"], rows)]
    for name, m in speed.get("matcher", {}).items():
        encoded = (f"; encoded {m['encoded_documents']} documents at {m['encode_docs_per_s']:.1f}/s with "
                   f"{m['embedding_model']} (model load included; embedding cache: {cache})" if "encode_docs_per_s" in m else "")
        lines.append(f"- {name}: documents to Vacancy/Candidate {m['to_model_docs_per_s']:.1f}/s{encoded}")
    return lines + [""]


def _external_md(external: dict) -> list[str]:
    if not external:
        return []
    from jobmatch.evaluate.external.markdown import external_markdown
    return external_markdown(external)


PLOT_TITLES = {"extraction_f1.png": "Extraction F1 per label", "ranking_ndcg10.png": "nDCG@10 per system, 95% CI",
               "eligibility_pr.png": "Eligibility filter: precision-recall"}


def markdown_report(report: dict, plots: list[str] | tuple[str, ...] = ()) -> str:
    meta = report["meta"]
    git = meta["git"]
    models = meta["models"]
    lines = ["# jobmatch evaluation report", "",
             f"Generated by `jobmatch eval` on {meta['date']} from commit `{(git.get('commit') or 'unknown')[:12]}`"
             f"{' (with uncommitted changes)' if git.get('dirty') else ''}; corpus {meta['corpus']['name']} "
             f"{meta['corpus']['version']} ({meta['corpus']['status']}), split **{meta['split']}** "
             f"({meta['documents']['notice']} notices, {meta['documents']['cv']} CVs).", "",
             f"Extraction: {models['extraction']}. Matcher: {models['matcher']}.", ""]
    lines += _extraction_md(report["extraction"])
    lines += _peers_md(report["peers"])
    lines += _ranking_md(report["ranking"], meta)
    lines += _eligibility_md(report["eligibility"])
    lines += _speed_md(report["speed"], meta["settings"].get("embedding_cache", ""))
    lines += _external_md(report["external"])
    if plots:
        lines += ["## Plots", "", *(f"![{PLOT_TITLES.get(name, name)}]({name})" for name in plots), ""]
    return "\n".join(lines).rstrip() + "\n"


# --- plots -----------------------------------------------------------------------------------

def write_plots(report: dict, out: Path) -> list[Path]:
    """Per-label F1 bars, nDCG@10 per system with CI error bars, and the eligibility PR curve."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    written = []
    labels = report["extraction"]["all"]["spans"]["labels"]
    fig, ax = plt.subplots(figsize=(8, 4))
    names = list(labels)
    width = 0.4
    for i, scheme in enumerate(("strict", "partial")):
        ax.bar([x + (i - 0.5) * width for x in range(len(names))], [labels[n][scheme]["f1"] for n in names],
               width, label=scheme)
    ax.set_xticks(range(len(names)), names, rotation=30, ha="right")
    ax.set_ylim(0, 1)
    ax.set_ylabel("F1")
    ax.set_title(f"Extraction F1 per label ({report['meta']['split']} split)")
    ax.legend()
    fig.tight_layout()
    written.append(out / "extraction_f1.png")
    fig.savefig(written[-1], dpi=110)
    plt.close(fig)

    fig, axes = plt.subplots(1, len(report["ranking"]), figsize=(10, 4), sharey=True)
    for ax, (direction, block) in zip(axes, report["ranking"].items()):
        shown = {n: f["metrics"]["ndcg@10"] for n, f in block["systems"].items() if f["available"]}
        means = [m["mean"] for m in shown.values()]
        errors = [[m["mean"] - m["ci_low"] for m in shown.values()], [m["ci_high"] - m["mean"] for m in shown.values()]]
        ax.bar(list(shown), means, yerr=errors, capsize=4, color="tab:blue")
        ax.set_title(f"{direction}: nDCG@10, 95% CI")
        ax.set_ylim(0, 1)
        ax.tick_params(axis="x", rotation=30)
    fig.tight_layout()
    written.append(out / "ranking_ndcg10.png")
    fig.savefig(written[-1], dpi=110)
    plt.close(fig)

    if report["eligibility"]:
        fig, ax = plt.subplots(figsize=(5, 4))
        for name, f in report["eligibility"].items():
            ax.plot(f["curve"]["recall"], f["curve"]["precision"], label=f"{name} score")
            ax.scatter([f["recall"]], [f["precision"]], marker="o", label=f"{name} eligible flag")
        ax.set_xlabel("recall")
        ax.set_ylabel("precision")
        ax.set_title("Eligibility vs grade >= 2")
        ax.legend()
        fig.tight_layout()
        written.append(out / "eligibility_pr.png")
        fig.savefig(written[-1], dpi=110)
        plt.close(fig)
    return written


def write_report(report: dict, out: Path, plots: bool = True) -> list[Path]:
    """report.json, report.md and the plots into OUT."""
    from jobmatch.corpus.build import write_atomic

    out.mkdir(parents=True, exist_ok=True)
    plotted = write_plots(report, out) if plots else []
    write_atomic(out / "report.json", json.dumps(report, indent=1, ensure_ascii=False) + "\n")
    write_atomic(out / "report.md", markdown_report(report, [p.name for p in plotted]))
    return [out / "report.json", out / "report.md", *plotted]
