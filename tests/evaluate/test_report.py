import copy
import json

from jobmatch.evaluate.report import compare_reports, flatten, format_changes, markdown_report, write_report


def test_flatten_gives_dotted_paths_of_numbers_only(fake_report):
    figures = flatten(fake_report)
    assert figures["ranking.recruiter.systems.bm25.metrics.ndcg@10.mean"] == 0.8
    assert "ranking.recruiter.systems.random.vs_reference.mrr.significant" not in figures  # booleans are not figures
    assert all(isinstance(v, float) for v in figures.values())


def test_compare_lists_each_changed_figure_and_ignores_timings(fake_report):
    new = copy.deepcopy(fake_report)
    new["ranking"]["candidate"]["systems"]["bm25"]["metrics"]["mrr"]["mean"] = 0.9
    new["speed"]["total_s"] = 99.0
    rows = compare_reports(fake_report, new)
    assert rows == [("ranking.candidate.systems.bm25.metrics.mrr.mean", 0.8, 0.9)]
    assert "0.8 -> 0.9 (+0.1)" in format_changes(rows)
    assert format_changes([]) == "no figure changed"


def test_markdown_has_the_tables_and_says_what_could_not_run(fake_report):
    text = markdown_report(fake_report)
    assert "| DEGREE | 10 | 10 | 0.800 |" in text
    assert "| bm25 | 0.800 [0.70, 0.90]" in text
    assert "| random | 0.800* [0.70, 0.90]" in text
    assert "**jobmatch**: not available: ModuleNotFoundError: x" in text
    assert "skillner** (y): could not run: `ConnectionError: offline`" in text
    assert "skillspan: skipped (../shared/external/skillspan is not present)" in text


def test_write_report_writes_json_markdown_and_plots(fake_report, tmp_path):
    written = write_report(fake_report, tmp_path)
    names = {p.name for p in written}
    assert {"report.json", "report.md", "extraction_f1.png", "ranking_ndcg10.png"} <= names
    assert json.loads((tmp_path / "report.json").read_text())["meta"]["split"] == "test"
    assert (tmp_path / "ranking_ndcg10.png").read_bytes()[:4] == b"\x89PNG"
    assert "![nDCG@10 per system, 95% CI](ranking_ndcg10.png)" in (tmp_path / "report.md").read_text()


def test_summary_copy_writes_report_json_and_plots_and_tolerates_a_summary_inside_out(tmp_path):
    from jobmatch.evaluate import copy_summary

    out = tmp_path / "out"
    out.mkdir()
    for name, text in (("report.md", "# r"), ("report.json", "{}"), ("ranking_ndcg10.png", "png")):
        (out / name).write_text(text)
    plots = [out / "ranking_ndcg10.png"]
    summary = tmp_path / "eval" / "REPORT.md"
    copied = copy_summary(out, plots, summary)
    assert copied == [summary, summary.with_suffix(".json"), summary.parent / "ranking_ndcg10.png"]
    assert summary.read_text() == "# r" and (summary.parent / "ranking_ndcg10.png").read_text() == "png"
    # asking for the summary inside --out must not fail on copying a plot onto itself
    inside = copy_summary(out, plots, out / "REPORT.md")
    assert (out / "REPORT.md").read_text() == "# r" and (out / "ranking_ndcg10.png").read_text() == "png"
    assert inside[-1] == out / "ranking_ndcg10.png"
