"""Engines for the per-article map: parse and extract each article, results in input order.

Articles are independent until the corpus-wide steps (actors merged, places resolved), so the map can run anywhere:

- `local` (the default): in this process (`workers` == 1) or in a pool of `workers` processes on this machine.
- `dask`: as tasks on a `dask.distributed` cluster, the one at `scheduler` (an address such as
  `tcp://10.0.0.5:8786`) or a `LocalCluster` of `workers` processes started for the build. Each worker process
  loads the spaCy model once (`load_nlp` is cached per process) and parses and extracts a task of a few articles;
  only the extractions (small dataclasses) travel back. A task whose worker dies is retried by Dask on another
  worker (the scheduler's `distributed.scheduler.allowed-failures`); when it keeps failing, its articles are tried
  one per task, and the one that still kills its worker is reported as a problem naming its file.

Reading the files and the cache look-up stay with the caller (the cache key needs each article's text); the engines
get `Article`s and give back `ArticleExtraction`s or `Problem`s. Every engine gives the same results in the same
order, so the package does not depend on the engine (`tests/test_engines.py`).
"""

from __future__ import annotations

import logging
import multiprocessing
import threading
from collections import deque
from collections.abc import Callable, Iterator

from tidynews.articles import Article
from tidynews.errors import Problem, TidynewsError
from tidynews.extract import extract_article
from tidynews.extract.common import ArticleExtraction
from tidynews.nlp import ParsedArticle, load_nlp, parse_articles

ENGINES = ("local", "dask")
# Articles per worker task: enough blocks for spaCy to batch well, small enough to keep both workers busy to the end.
ARTICLES_PER_TASK = 8
# Dask tasks submitted ahead of the one being gathered, per worker: keeps every worker busy without sending the
# whole corpus to the scheduler at once.
TASKS_IN_FLIGHT_PER_WORKER = 4
SCHEDULER_TIMEOUT = "10s"
# The local cluster's configuration (to connect to a scheduler given by address, configure its workers so).
# The diagnostics a dashboard shows are off or slower, since nobody watches this cluster's: each worker's statistical
# profiler (a thread walking the running task's stack every 10 ms), the event loops' 20 ms tick and the 100 ms memory
# polls. With them a Dask build of 160 bench articles took 37.1 s of CPU against 25.7 s for the local engine; without
# them 29.3 s (local 25.1 s), all processes counted.
LOCAL_CLUSTER_CONFIG = {
    # A worker holds only the task it runs (no queue of its own): when it dies, no task that merely waited there is
    # counted as a suspect, so an innocent article is never reported for another's crash.
    "distributed.scheduler.worker-saturation": 1.0,
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.worker.memory.monitor-interval": "1s",
    # distributed's default also puts MALLOC_TRIM_THRESHOLD_=65536 in each worker's environment. Setting that
    # variable freezes glibc's mmap threshold at 128 KiB, so every array above it that spaCy allocates is mapped and
    # unmapped again: seven times the page faults of a pool worker and about 12 % more CPU for the same parse. The
    # workers get the pool's allocator (glibc's defaults) and keep one thread for numerical libraries.
    "distributed.nanny.pre-spawn-environ": {"OMP_NUM_THREADS": 1, "MKL_NUM_THREADS": 1, "OPENBLAS_NUM_THREADS": 1},
}

Result = ArticleExtraction | Problem
BatchTask = Callable[[list[Article]], list[Result]]


def extract_or_problem(parsed: ParsedArticle) -> Result:
    """The article's extraction, or the problem naming its file when a rule raised (a bug in a rule must not hide
    the other articles' problems)."""
    try:
        return extract_article(parsed)
    except Exception as exc:  # noqa: BLE001 -- reported with the file, never as a traceback
        return Problem(
            "extract-error",
            f"extraction failed ({type(exc).__name__}: {exc}); this is a bug in "
            "tidynews: report it with this file, or build with --skip-bad",
            file=parsed.article.source_file,
        )


def extract_batch(batch: list[Article]) -> list[Result]:
    """Parse and extract a few articles in this process (a worker's task); one result per article, in order."""
    return [extract_or_problem(parsed) for parsed in parse_articles(batch, load_nlp())]


def worker_tasks(articles: list[Article], size: int | None = None) -> list[list[Article]]:
    """The articles cut into the workers' tasks, `size` (default ARTICLES_PER_TASK) each, in input order."""
    size = size or ARTICLES_PER_TASK
    return [articles[i : i + size] for i in range(0, len(articles), size)]


# --- local --------------------------------------------------------------------------------------------------------


def worker_context() -> multiprocessing.context.BaseContext:
    """'forkserver' where there is one (Linux), else 'spawn'.

    Not a plain fork of this process: it runs the progress bar's thread, and a fork taken while that thread holds
    the stderr lock can hang the child. The server imports nothing itself (preloading spaCy there would add one more
    process holding spaCy, about 200 MB, to the build's memory); each worker imports spaCy and loads the model once,
    both workers at the same time. That start-up costs about 2 s per build, against about 1 s for a plain fork.
    """
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload([])  # not even __main__ (the default): the workers import what they need
        return context
    return multiprocessing.get_context("spawn")


# A short article of our own that every extractor reads: a worker extracts it once when it starts.
WARM_UP_TEXT = (
    "Ferry service resumes\n\n"
    "LONDON (Reuters) - Two ferries crossed to Calais on Monday after a strike that stranded 300 travellers, the "
    'operator said. "We are glad to be back," said Ana Ruiz, its chief executive.\n'
)


def warm_up() -> None:
    """Load the model and every extractor's data in this process, as its first article would (a pool's initializer:
    started early, the workers do it while the build reads the corpus)."""
    from tidynews.sources import article_from_text

    extract_batch([article_from_text(WARM_UP_TEXT, "warm-up", "warm-up.txt", "utf-8")])


class LocalPool:
    """`workers` processes of the local engine, started (model and extraction data loaded) before the build reads
    the corpus, so that their start overlaps the reading; then given every article, even a single task (the workers
    are ready by then). `close()` stops them."""

    def __init__(self, workers: int) -> None:
        self._pool = worker_context().Pool(workers, initializer=warm_up)

    def results(self, articles: list[Article]) -> Iterator[Result]:
        for results in self._pool.imap(extract_batch, worker_tasks(articles)):
            yield from results

    def close(self, wait: bool = True) -> None:
        """Stop the workers (at once: a terminated pool's workers are gone in milliseconds, `wait` or not)."""
        del wait
        self._pool.terminate()
        self._pool.join()


def local_results(articles: list[Article], workers: int = 1, pool: LocalPool | None = None) -> Iterator[Result]:
    """One result per article, in input order, streaming.

    workers == 1: parse and extract here, one `nlp.pipe` stream. workers > 1: that many processes, each loading the
    model once and doing parse AND extract for a task of a few articles, so N processes share N cores (parsing in
    workers while extracting here ran three processes on two cores); only the small, picklable extractions travel
    back, never spaCy Docs. `imap` returns the tasks in order, so the output is identical to workers == 1.
    A pool started here is not worth its start-up (about 2 s) for a single task (an incremental build of a few new
    articles); `pool`, one the build started before reading the corpus, is used for any number of tasks (and left
    open).
    """
    if pool is not None:
        yield from pool.results(articles)
        return
    tasks = worker_tasks(articles)
    if workers <= 1 or len(tasks) <= 1:
        for parsed in parse_articles(articles, load_nlp()):
            yield extract_or_problem(parsed)
        return
    with worker_context().Pool(min(workers, len(tasks)), initializer=load_nlp) as pool:
        for results in pool.imap(extract_batch, tasks):
            yield from results


# --- dask ---------------------------------------------------------------------------------------------------------


def worker_died(article: Article, attempts: int) -> Problem:
    return Problem(
        "worker-died",
        f"the worker process died on each of {attempts} attempts to extract this article (out of memory, or a "
        "crash in spaCy or a rule); build with --skip-bad to leave it out, and report it with this file",
        file=article.source_file,
    )


def import_distributed() -> None:
    """Import the parts of dask.distributed the engine uses, in the calling thread. Two threads importing its
    modules at once (the connecting thread and the build's) can each find the other's module half-initialised and
    fail with a circular import error."""
    import dask  # noqa: F401
    import distributed  # noqa: F401
    import distributed.client  # noqa: F401
    import distributed.scheduler  # noqa: F401


def connect_dask(workers: int, scheduler: str | None):
    """(client, cluster): a client of the scheduler at `scheduler` (cluster None), or of a `LocalCluster` of
    `workers` processes with one thread each (one spaCy model per process) started here."""
    import dask
    from distributed import Client, LocalCluster

    if scheduler:
        try:
            return Client(scheduler, timeout=SCHEDULER_TIMEOUT), None
        except OSError as exc:
            raise TidynewsError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
    with dask.config.set(LOCAL_CLUSTER_CONFIG):
        cluster = LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=":0",  # any free port: two builds at once must not fight over 8787
            silence_logs=logging.ERROR,
        )
    try:
        return Client(cluster), cluster
    except BaseException:
        cluster.close()
        raise


class DaskConnection:
    """A Dask client (and the local cluster it started, if any), connected in a background thread and closed in one.

    A build starts it before it reads the corpus, so that the cluster's start (a scheduler, nannies and worker
    processes: seconds) overlaps the reading, and closes it in the background once the last result is in, while it
    writes and validates the package; `close()` then waits for the end. An error while connecting (an unreachable
    scheduler) is raised where the client is first needed.
    """

    def __init__(self, workers: int = 2, scheduler: str | None = None) -> None:
        import_distributed()  # here, not in the thread: see import_distributed
        self._client = self._cluster = None
        self._error: BaseException | None = None
        self._closer: threading.Thread | None = None
        self._starter = threading.Thread(
            target=self._connect, args=(workers, scheduler), name="tidynews-dask-connect", daemon=True
        )
        self._starter.start()

    def _connect(self, workers: int, scheduler: str | None) -> None:
        try:
            self._client, self._cluster = connect_dask(workers, scheduler)
        except BaseException as exc:  # noqa: BLE001 -- raised again in the thread that asks for the client
            self._error = exc

    def client(self):
        """The connected client; waits for the connection, raises its error."""
        self._starter.join()
        if self._error is not None:
            raise self._error
        return self._client

    def close(self, wait: bool = True) -> None:
        """Close the client, then the local cluster: in a background thread, waited for if `wait` (any number of
        calls; the first starts the closing)."""
        if self._closer is None:
            self._closer = threading.Thread(target=self._close, name="tidynews-dask-close")
            self._closer.start()
        if wait:
            self._closer.join()

    def _close(self) -> None:
        self._starter.join()
        if self._client is not None:
            self._client.close()
        if self._cluster is not None:
            self._cluster.close()


def dask_results(
    articles: list[Article],
    workers: int = 2,
    scheduler: str | None = None,
    task: BatchTask = extract_batch,
    articles_per_task: int | None = None,
    connection: DaskConnection | None = None,
) -> Iterator[Result]:
    """One result per article, in input order, streaming, from tasks on a dask.distributed cluster.

    `scheduler`: the address of a running scheduler whose workers have this tidynews installed; None starts a
    `LocalCluster` of `workers` processes with one thread each (one spaCy model per process) and stops it after.
    `connection`: one already started (by the build, before it read the corpus), used instead and left open: its
    owner closes it. `task` is what a worker runs on a list of articles (tests pass one that kills its worker).
    """
    if not articles:
        return
    import dask
    from distributed.client import FutureCancelledError
    from distributed.scheduler import KilledWorker

    own = connection is None
    connection = connection or DaskConnection(workers, scheduler)
    try:
        client = connection.client()
        attempts = 1 + scheduler_allowed_failures(client, dask.config.get("distributed.scheduler.allowed-failures"))
        in_flight = max(1, len(client.scheduler_info(n_workers=-1)["workers"])) * TASKS_IN_FLIGHT_PER_WORKER
        batches = deque(worker_tasks(articles, articles_per_task))
        pending: deque = deque()
        while batches or pending:
            while batches and len(pending) < in_flight:
                batch = batches.popleft()
                pending.append((batch, client.submit(task, batch, pure=False)))
            batch, future = pending.popleft()
            try:
                results = future.result()
            except (KilledWorker, FutureCancelledError):
                if len(batch) == 1:
                    results = [worker_died(batch[0], attempts)]
                else:  # which article killed the workers? each alone, so the others still come back
                    results = [one_by_one(client, task, article, attempts) for article in batch]
            del future  # let the cluster forget the task's result
            yield from results
    finally:
        if own:
            connection.close()


def scheduler_allowed_failures(client, default: int) -> int:
    """How many times the scheduler lets a task's worker die before it gives the task up."""
    try:
        return int(client.run_on_scheduler(lambda dask_scheduler: dask_scheduler.allowed_failures))
    except Exception:  # noqa: BLE001 -- an older or locked-down scheduler: its config is probably the default
        return int(default)


def one_by_one(client, task: BatchTask, article: Article, attempts: int) -> Result:
    """Retry one article of a task whose worker kept dying, alone: its result, or the problem naming its file."""
    from distributed.client import FutureCancelledError
    from distributed.scheduler import KilledWorker

    try:
        (result,) = client.submit(task, [article], pure=False).result()
        return result
    except (KilledWorker, FutureCancelledError):
        return worker_died(article, attempts)


def check_engine(engine: str, scheduler: str | None) -> None:
    """Raise a clear error for an unknown engine or a scheduler without the dask engine."""
    if engine not in ENGINES:
        raise TidynewsError(f"--engine must be one of {', '.join(ENGINES)}, not {engine!r}")
    if scheduler and engine != "dask":
        raise TidynewsError("--scheduler needs --engine dask")


def extracted_articles(
    articles: list[Article],
    workers: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
    connection: DaskConnection | LocalPool | None = None,
) -> Iterator[Result]:
    """One result per article, in input order, streaming, from the chosen engine; `connection`: the engine's
    processes the build started before reading the corpus (see dask_results, local_results)."""
    check_engine(engine, scheduler)
    if engine == "dask":
        dask_connection = connection if isinstance(connection, DaskConnection) else None
        return dask_results(articles, workers=max(workers, 1), scheduler=scheduler, connection=dask_connection)
    return local_results(articles, workers, connection if isinstance(connection, LocalPool) else None)
