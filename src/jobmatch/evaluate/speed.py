"""Speed figures: extraction documents per second per kind, peak memory, matcher latency."""

from __future__ import annotations

import resource
import sys

from jobmatch.evaluate.dataset import DocumentStore


def peak_rss_mb(children: bool = False) -> float:
    """Peak resident memory of this process, or with `children` of its largest exited child (a
    forked worker); ru_maxrss is KiB on Linux, bytes on macOS."""
    peak = resource.getrusage(resource.RUSAGE_CHILDREN if children else resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def extraction_speed(store: DocumentStore) -> dict:
    """Read + extract throughput over every document the run touched, per kind."""
    out = {}
    for kind in ("notice", "cv"):
        seconds, count = store.seconds[kind], store.counts[kind]
        out[kind] = {"documents": count, "seconds": seconds, "docs_per_s": count / seconds if seconds else None}
    return out


def speed_report(store: DocumentStore, ranking: dict, matcher_seconds: dict) -> dict:
    latency = {direction: {name: figures.get("latency", {}) for name, figures in block["systems"].items()
                           if figures.get("available")}
               for direction, block in ranking.items()}
    return {"extraction": extraction_speed(store), "pipeline_load_s": store.pipeline_load_seconds,
            "peak_rss_mb": peak_rss_mb(),
            "query_latency": latency, "matcher": matcher_seconds}
