"""The external benchmarks' sections of report.md."""

from __future__ import annotations


def _f(value, digits: int = 3) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    return ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|",
            *("| " + " | ".join(row) + " |" for row in rows), ""]


def skillspan_markdown(block: dict) -> list[str]:
    lines = [f"### SkillSpan ({block['split']}: {block['sentences']} sentences, {block['gold_spans']['SKILL']} SKILL "
             f"and {block['gold_spans']['KNOWLEDGE']} KNOWLEDGE spans)", "",
             f"Mapping: {block['mapping']}. Sentences are the tokens joined by single spaces; a predicted span "
             "counts as the tokens it overlaps. Published: " + block["published"]["source"] + ".", ""]
    rows = []
    for name, system in block["systems"].items():
        if not system["available"]:
            continue
        for layer in ("merged", "SKILL", "KNOWLEDGE"):
            if layer in system:
                row = system[layer]
                label = f"{name} ({system['tagger']})" if name == "jobmatch" and system.get("tagger") else name
                rows.append([label, layer, *(_f(row[s][m]) for s in ("strict", "partial") for m in ("precision", "recall", "f1")),
                             _f(system.get("sentences_per_s"), 0) if layer == "merged" else "",
                             _f(system.get("tagger_sentences_per_s"), 0) if layer == "merged" else ""])
    rows.append(["published (best BERT)", "merged", "", "", _f(block["published"]["merged_strict_f1"], 1), "", "", "", "",
                 ""])
    lines += _table(["system", "layer", "strict P", "strict R", "strict F1", "partial P", "partial R", "partial F1",
                     "sentences/s", "tagger alone, sentences/s"], rows)
    pipeline = block["systems"].get("jobmatch", {}).get("pipeline")
    if pipeline:
        lines += [f"jobmatch pipeline: {pipeline}.", ""]
    for name, system in block["systems"].items():
        if not system["available"]:
            lines.append(f"- **{name}** could not run: `{system['reason']}`")
    return lines + [""]


def _mapping_text(mapping: dict[str, list[str]]) -> str:
    """The level mapping as the run applied it, so the report cannot drift from the code."""
    return ", ".join(f"{declared} = {' or '.join(levels)}" for declared, levels in mapping.items())


def rekrute_markdown(block: dict) -> list[str]:
    lines = [f"### rekrute-2021 ({block['postings']} real postings, employer-declared study level and experience band)", "",
             "Coverage: share of postings where a minimum number of years / a degree level is read. Agreement: among "
             "those, share whose years fall inside the declared band / whose level matches the declared study level "
             f"({_mapping_text(block['mapping'])}; other declared levels have no level of ours and are not counted).", ""]
    rows = []
    for name, s in block["systems"].items():
        rows.append([name, _f(s["years"]["coverage"]), f"{_f(s['years']['agreement'])} ({s['years']['n']})",
                     _f(s["level"]["coverage"]), f"{_f(s['level']['agreement'])} ({s['level']['n']})",
                     _f(s.get("postings_per_s"), 0) if s.get("postings_per_s") else ""])
    lines += _table(["system", "years coverage", "years agreement (n)", "level coverage", "level agreement (n)",
                     "postings/s"], rows)
    for name, s in block["systems"].items():
        reads = ("secondary", "short_cycle", "bachelor", "master", "doctorate", "none")
        lines += [f"Level confusion, {name} (rows: declared, columns: read):", ""]
        lines += _table(["declared", *reads], [[declared, *(str(counts.get(r, 0)) for r in reads)]
                                               for declared, counts in s["confusion"].items()])
    return lines


def external_markdown(external: dict) -> list[str]:
    lines = ["## External benchmarks", ""]
    for name, block in external.items():
        if block.get("status") != "ok":
            lines += [f"- {name}: skipped ({block.get('reason')})", ""]
        elif name == "skillspan":
            lines += skillspan_markdown(block)
        else:
            lines += rekrute_markdown(block)
    return lines
