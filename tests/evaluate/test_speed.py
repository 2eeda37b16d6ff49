from types import SimpleNamespace

from jobmatch.evaluate.speed import extraction_speed, peak_rss_mb, speed_report


def test_extraction_speed_is_documents_over_seconds_per_kind():
    store = SimpleNamespace(seconds={"notice": 2.0, "cv": 0.0}, counts={"notice": 10, "cv": 0}, pipeline_load_seconds=1.5)
    speed = extraction_speed(store)
    assert speed["notice"] == {"documents": 10, "seconds": 2.0, "docs_per_s": 5.0}
    assert speed["cv"]["docs_per_s"] is None
    report = speed_report(store, {"recruiter": {"systems": {"bm25": {"available": True, "latency": {"p50_ms": 3.0}},
                                                            "x": {"available": False}}}}, {})
    assert report["query_latency"] == {"recruiter": {"bm25": {"p50_ms": 3.0}}}
    assert report["pipeline_load_s"] == 1.5


def test_peak_memory_is_reported_in_megabytes():
    assert 10 < peak_rss_mb() < 100_000
