"""The `annotator` command line: each command opens the project and calls the core.

Start-up stays light (`annotator --help` loads click and the format table only): each
command imports what it needs when it runs, so the importers (and the regex engine, the
HTML reader, dates, agreement with numpy) load only for the commands that use them
(`tests/cli/test_cli_startup.py` checks which modules a start brings in).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from annotator.formats.registry import choices as input_choices
from annotator.formats.registry import export_names
from annotator.models import GOLD

if TYPE_CHECKING:
    from annotator.ingest.inputs import ImportOptions, ImportSummary
    from annotator.store import Store

CANONICAL_FIELDS = ("text", "title", "published", "updated", "url", "outlet", "byline", "label")


def _dump(value: Any) -> None:
    click.echo(json.dumps(value, ensure_ascii=False, indent=2))


class ProjectFailure(click.ClickException):
    """A failure already worded for the user (`annotator.errors.describe`); exit status 2."""

    exit_code = 2

    def format_message(self) -> str:
        """The message as worded, without click's "Error: " prefix."""
        return self.message

    def show(self, file: Any = None) -> None:
        """Print the one line to standard error."""
        click.echo(f"annotator: {self.format_message()}", err=True)


def _failure_path(ctx: click.Context) -> Path | None:
    """The project file, for an error message (None if even that cannot be worked out)."""
    from annotator.paths import resolve_db_path  # noqa: PLC0415

    try:
        return resolve_db_path((ctx.find_root().obj or {}).get("db"))[0]
    except Exception:  # noqa: BLE001 - only for the message
        return None


class GuardedGroup(click.Group):
    """The top-level error handler: any failure in a command becomes one line (exit 2) and
    its traceback goes to the log file (`annotator.errors.log_path`)."""

    def invoke(self, ctx: click.Context) -> Any:
        """Run the command; word any failure and log its traceback."""
        from annotator.errors import configure_logging  # noqa: PLC0415

        configure_logging()
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, click.Abort, SystemExit):
            raise
        except KeyboardInterrupt:
            raise click.Abort() from None
        except Exception as exc:  # noqa: BLE001 - the one place every failure ends up
            from annotator.errors import describe, log_failure  # noqa: PLC0415

            log_failure(exc, f"annotator {' '.join(sys.argv[1:])}")
            raise ProjectFailure(describe(exc, _failure_path(ctx))) from None


def _store(ctx: click.Context, seed: bool | None = None) -> Store:
    from annotator.project import open_project  # noqa: PLC0415
    from annotator.store import StoreError  # noqa: PLC0415

    try:
        store = open_project(ctx.obj.get("db"), seed=seed)
    except StoreError as exc:
        from annotator.errors import describe, is_damage  # noqa: PLC0415

        if is_damage(exc):
            raise ProjectFailure(describe(exc, _failure_path(ctx))) from None
        raise ProjectFailure(str(exc)) from None
    ctx.call_on_close(store.close)
    return store


@click.group(
    cls=GuardedGroup,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.option(
    "--db",
    type=click.Path(dir_okay=False),
    envvar="ANNOTATOR_DB",
    help="Project database file (default: in your user data folder; env ANNOTATOR_DB).",
)
@click.option(
    "--self-check",
    is_flag=True,
    help="Check Python, Qt, SQLite, the fonts (Bengali shaping, colour emoji) and an import "
    "of the sample pages into a temporary project; print one line per check and exit "
    "(0: all passed, 1: one failed). Needs no display.",
)
@click.version_option(package_name="bengali-news-annotator")
@click.pass_context
def cli(ctx: click.Context, db: str | None, self_check: bool) -> None:
    """Read Bengali news articles and tag the claims in them.

    Without a command, opens the window. Example: annotator --db project.db import pages/
    """
    ctx.ensure_object(dict)
    ctx.obj["db"] = db
    if self_check:
        ctx.exit(_self_check())
    if ctx.invoked_subcommand is None:
        ctx.invoke(gui)


def _self_check() -> int:
    """Run every self-check (the core's, then Qt's), printing a line each; the exit status."""
    from annotator.self_check import Check, core_checks, report  # noqa: PLC0415

    def checks() -> Iterator[Check]:
        yield from core_checks()
        try:  # Qt loads only here, never for --help
            from annotator.ui.font_check import qt_checks  # noqa: PLC0415
        except ImportError as exc:
            yield Check("qt", False, f"cannot load Qt ({exc})")
            return
        yield from qt_checks()

    return report(checks(), click.echo)


@cli.command()
@click.pass_context
def gui(ctx: click.Context) -> None:
    """Open the reader and annotator window on the project.

    Example: annotator gui
    """
    from annotator.desktop_libs import advice, missing_libraries  # noqa: PLC0415

    missing = missing_libraries()  # before Qt, whose own message names the wrong library
    if missing:
        click.echo(advice(missing), err=True)
        ctx.exit(1)
    try:
        from annotator.ui.app import run  # noqa: PLC0415 - Qt loads only for the window
    except ImportError as exc:
        store = _store(ctx)
        click.echo(f"The window cannot start ({exc}); the articles are:", err=True)
        _print_articles(store)
        return
    # The window opens the project itself, so a damaged file gets a dialog offering a backup.
    db = ctx.obj.get("db")
    sys.exit(run(Path(db) if db else None))


def _parse_fields(values: tuple[str, ...]) -> dict[str, str]:
    mapping: dict[str, str] = {}
    for value in values:
        key, sep, column = value.partition("=")
        key, column = key.strip().lower(), column.strip()
        if not sep or not key or not column:
            raise click.BadParameter(f"{value!r}: expected FIELD=COLUMN, e.g. body=content")
        key = {"body": "text", "date": "published", "author": "byline", "link": "url"}.get(key, key)
        if key not in CANONICAL_FIELDS:
            raise click.BadParameter(
                f"{key!r}: unknown field; use one of {', '.join(CANONICAL_FIELDS)}"
            )
        mapping[key] = column
    return mapping


@cli.command(name="import")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option(
    "--format",
    "fmt",
    type=click.Choice(input_choices()),
    default="auto",
    show_default=True,
    help="Input format; auto decides by extension and content.",
)
@click.option(
    "--field",
    "fields",
    multiple=True,
    metavar="FIELD=COLUMN",
    help="Take FIELD from COLUMN: for datasets (JSONL/JSON/CSV) text/body, title, "
    "published/date, updated, url, outlet, byline; for doccano files text and label. "
    "Repeatable.",
)
@click.option(
    "--annotator",
    default=None,
    help="For annotation files without annotator names (doccano, brat): whose spans they are.",
)
@click.option(
    "--skip",
    "skip",
    multiple=True,
    metavar="NAME",
    help="For a colleague's project file: do not import this layer (e.g. your own). Repeatable.",
)
@click.option(
    "--strict",
    is_flag=True,
    help="A dataset's first bad record (empty text, broken line) fails the whole file, "
    "instead of being skipped and listed.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.pass_context
def import_(
    ctx: click.Context,
    paths: tuple[str, ...],
    fmt: str,
    fields: tuple[str, ...],
    annotator: str | None,
    skip: tuple[str, ...],
    strict: bool,
    as_json: bool,
) -> None:
    """Import news pages (text, HTML), article datasets (JSONL, JSON, CSV) and annotations.

    Folders are searched recursively. Each file is imported whole or not at all; a file that
    fails gets a one-line reason and the rest still import. In a dataset, a bad record (no
    text, a broken line) is skipped and listed with its line or row; --strict fails the file
    instead. Re-importing an article is a no-op.
    Annotations (our JSONL export, doccano, Label Studio, brat) are matched to articles by uid
    or identical text; every span is checked and bad ones are reported with file and line.
    A colleague's project file (SQLite, recognised by its header, or --format project) is read
    as untrusted input: their layers are brought in, and brought up to date on a re-import;
    their gold layer, --skip layers and layers with spans made in this project are left out.
    Exit code: 0 when everything imported whole (or was already there), 1 when a file failed
    or records, spans or layers were left out.

    Example: annotator import seeds/ articles.jsonl --field body=content
    Example: annotator import ravi/project.db --skip mita
    """
    try:
        field_map = _parse_fields(fields)
    except click.BadParameter as exc:
        exc.param_hint = "'--field'"
        raise
    from annotator.ingest.inputs import ImportOptions  # noqa: PLC0415

    store = _store(ctx, seed=False)
    options = ImportOptions(fmt, field_map, annotator, skip, strict, store.path)
    summary = _run_import(store, paths, options, show_progress=not as_json)
    if as_json:
        _dump(summary.as_dict())
    else:
        for line in summary.lines():
            click.echo(line)
    ctx.exit(0 if summary.ok else 1)


def _run_import(
    store: Store, paths: tuple[str, ...], options: ImportOptions, show_progress: bool
) -> ImportSummary:
    """`import_inputs`, with a progress bar on a terminal when there are several files."""
    from annotator.ingest import FileResult, iter_input_files  # noqa: PLC0415
    from annotator.ingest.inputs import import_inputs  # noqa: PLC0415

    if not (show_progress and sys.stderr.isatty()):
        return import_inputs(store, paths, options)
    total = sum(1 for _ in iter_input_files(paths))
    if total < 2:
        return import_inputs(store, paths, options)
    from rich.progress import Progress  # noqa: PLC0415

    with Progress(transient=True) as progress:
        task = progress.add_task("Importing", total=total)

        def advance(_: FileResult) -> None:
            progress.advance(task)

        return import_inputs(store, paths, options, on_file=advance)


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array of articles.")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Show at most N.")
@click.pass_context
def articles(ctx: click.Context, as_json: bool, limit: int | None) -> None:
    """List the articles: id, uid, title, outlet, published, updated, number of spans.

    Example: annotator articles --json
    """
    store = _store(ctx)
    rows = store.articles(limit=limit)
    if as_json:
        _dump([asdict(row) for row in rows])
    else:
        _print_articles(store, rows)


def _print_articles(store: Store, rows: list[Any] | None = None) -> None:
    rows = store.articles() if rows is None else rows
    if not rows:
        click.echo("No articles yet. Import some: annotator import PATH")
        return
    for row in rows:
        published = (row.published or "")[:16].replace("T", " ")
        click.echo(
            f"{row.id:>5}  {published:16}  {row.spans:>4}  {row.outlet[:14]:14}  {row.title}"
        )


def _find(store: Store, ident: str) -> Any:
    article = store.article(int(ident)) if ident.isdigit() else store.article_by_uid(ident)
    if article is None:
        raise click.ClickException(f"no article {ident!r}")
    return article


@cli.command()
@click.argument("ident", metavar="ID")
@click.option("--json", "as_json", is_flag=True, help="Print the article as JSON.")
@click.pass_context
def show(ctx: click.Context, ident: str, as_json: bool) -> None:
    """Show one article (by id or uid) with its metadata and text.

    Example: annotator show 3
    """
    store = _store(ctx)
    article = _find(store, ident)
    spans = store.spans(article.id)
    if as_json:
        data = asdict(article)
        data.pop("span_count")
        data.pop("status")
        data["spans"] = [asdict(span) for span in spans]
        _dump(data)
        return
    click.echo(article.title)
    for name in ("outlet", "byline", "published", "updated", "url", "source_file"):
        value = getattr(article, name)
        if value:
            click.echo(f"{name + ':':13} {value}")
    click.echo(f"{'uid:':13} {article.uid}")
    click.echo(f"{'spans:':13} {len(spans)}")
    click.echo()
    click.echo(article.text)


@cli.command()
@click.argument("ident", metavar="ID")
@click.option("--annotator", "layer", help="Only this annotator's claims (default: every layer).")
@click.option("--json", "as_json", is_flag=True, help="Print the frames as JSON.")
@click.pass_context
def frames(ctx: click.Context, ident: str, layer: str | None, as_json: bool) -> None:
    """Show the claim frames of one article: each claim span with its role slots (agent,
    target, location, time, source, same event) and the spans filling them.

    Example: annotator frames 3 --annotator rahim
    """
    from annotator.frames import build_frames  # noqa: PLC0415 - only for this command

    store = _store(ctx)
    article = _find(store, ident)
    spans = store.spans(article.id, layer) if layer else store.spans(article.id)
    relations = store.relations(article.id, layer)
    known = {s.id for s in spans}
    others = [t for r in relations if r.tail not in known for t in [store.span(r.tail)] if t]
    found = build_frames(spans, relations, store.labels(), store.relation_types(), layer, others)

    def filler(relation: Any, span: Any) -> dict[str, Any]:
        if span is None:
            return {"relation": relation.id, "span": relation.tail, "missing": True}
        return {"relation": relation.id, "span": span.id, "article": span.article_id,
                "start": span.start, "end": span.end, "label": span.label, "text": span.text,
                "actor_id": span.attrs.get("actor_id")}  # fmt: skip

    if as_json:
        _dump([{"claim": {"span": f.claim.id, "start": f.claim.start, "end": f.claim.end,
                          "label": f.claim.label, "annotator": f.claim.annotator,
                          "text": f.claim.text, "attrs": f.claim.attrs},
                "slots": {slot.kind.key: [filler(r, t) for r, t in slot.fillers]
                          for slot in f.slots}} for f in found])  # fmt: skip
        return
    if not found:
        click.echo("No claim spans.")
    for frame in found:
        claim = frame.claim
        click.echo(f"{claim.label} {claim.start}-{claim.end} ({claim.annotator}): {claim.text}")
        for slot in frame.slots:
            texts = [
                (t.text + (f" [{t.attrs['actor_id']}]" if t.attrs.get("actor_id") else ""))
                if t is not None else f"(span {r.tail}, gone)"
                for r, t in slot.fillers
            ]  # fmt: skip
            click.echo(f"  {slot.kind.key + ':':15} {'; '.join(texts) if texts else '-'}")


@cli.command()
@click.argument("idents", metavar="[ID]...", nargs=-1)
@click.option("--learn-from", "name", required=True, help="The annotator whose spans it learns.")
@click.option("--with-gold", is_flag=True, help="Learn from the gold layer too (it wins).")
@click.option("--evaluate", is_flag=True, help="Cross-validate instead: precision and recall.")
@click.option("--folds", type=click.IntRange(min=2), default=5, show_default=True)
@click.option("--limit", type=click.IntRange(min=1), default=None, help="At most N articles.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
def suggest(ctx: click.Context, idents: tuple[str, ...], name: str, with_gold: bool,
            evaluate: bool, folds: int, limit: int | None, as_json: bool) -> None:  # fmt: skip
    """Suggest spans learnt from NAME's labels: train NAME's tagger on their spans (kept in
    the project, for the window too), then list suggestions for the articles given, or for
    every article NAME has not tagged. With --evaluate, cross-validate over NAME's tagged
    articles and print precision, recall and F1 per label (exact and overlapping spans).

    Examples: annotator suggest --learn-from rahim 12 13
              annotator suggest --evaluate --learn-from rahim --folds 5
    """
    from annotator.suggest import evaluate as ev  # noqa: PLC0415 - only for this command
    from annotator.suggest.suggestions import Suggester  # noqa: PLC0415
    from annotator.suggest.training import (  # noqa: PLC0415
        label_groups,
        project_lexicon,
        retrain,
        training_docs,
    )  # fmt: skip

    store = _store(ctx)
    if evaluate:
        docs = training_docs(store, name, with_gold)
        try:
            result = ev.cross_validate(docs, label_groups(store.labels()),
                                       project_lexicon(store), folds)  # fmt: skip
        except ValueError as exc:
            raise click.ClickException(str(exc)) from None
        if as_json:
            _dump(ev.as_json(result))
        else:
            click.echo(f"{result.docs} articles, {result.folds}-fold cross-validation")
            click.echo("\n".join(ev.table(result)))
        return
    try:
        trained = retrain(store, name, with_gold)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from None
    if not as_json:
        click.echo(f"Learnt from {trained.spans} spans in {trained.docs} articles "
                   f"({trained.seconds} s).", err=True)  # fmt: skip
    if idents:
        ids = [_find(store, ident).id for ident in idents]
    else:
        tagged = set(store.tagged_articles([name]))
        ids = [row.id for row in store.articles() if row.id not in tagged]
    suggester = Suggester(store, name)
    found = [s for article_id in ids[:limit] for s in suggester.for_article(article_id)]
    if as_json:
        _dump([{"article": s.article_id, "start": s.start, "end": s.end, "label": s.label,
                "score": s.score, "source": s.source, "text": s.text,
                **({"actor_id": s.actor_id} if s.actor_id else {})} for s in found])  # fmt: skip
        return
    for s in found:
        click.echo(f"{s.article_id:6} {s.start:6}-{s.end:<6} {s.label:20} {s.score:.2f} "
                   f"{s.source:16} {s.text}")  # fmt: skip
    if not found:
        click.echo("No suggestions.")


@cli.command()
@click.argument("query")
@click.option("--json", "as_json", is_flag=True, help="Print matches as JSON.")
@click.option("--limit", type=click.IntRange(min=1), default=50, show_default=True)
@click.pass_context
def search(ctx: click.Context, query: str, as_json: bool, limit: int) -> None:
    """Search articles for Bengali words, best match first, with a snippet.

    A word also matches its inflected forms (কোরিয়া finds কোরিয়ার); "quoted words" match
    exactly and in order; -word excludes.

    Example: annotator search "কিম জং উন"
    """
    store = _store(ctx)
    hits = store.search(query, limit=limit)
    if as_json:
        _dump([asdict(hit) for hit in hits])
        return
    if not hits:
        click.echo("No matches.")
    for hit in hits:
        click.echo(f"{hit.id:>5}  {hit.title}")
        click.echo(f"       {' '.join(hit.snippet.split())}")


# -- the actor register (annotator.register_csv) ------------------------------------------


@cli.group()
def actors() -> None:
    """The actor register: list it, or import and export it as CSV.

    Columns: id, name, name_bn, aliases (separated by |), kind, cameo, note.
    Example: annotator actors import register.csv
    """


@actors.command(name="list")
@click.option("--json", "as_json", is_flag=True, help="Print the register as JSON.")
@click.pass_context
def actors_list(ctx: click.Context, as_json: bool) -> None:
    """List the register with how many spans link to each actor.

    Example: annotator actors list
    """
    store = _store(ctx)
    register = store.actors()
    links = store.actor_link_counts()
    if as_json:
        _dump([{**asdict(a), "links": links.get(a.id, 0)} for a in register])
        return
    if not register:
        click.echo("The register is empty.")
    for actor in register:
        names = " / ".join(n for n in (actor.name, actor.name_bn) if n)
        aliases = f"  ({', '.join(actor.aliases)})" if actor.aliases else ""
        click.echo(f"{actor.id:<12} {actor.kind:<12} {links.get(actor.id, 0):>5}  {names}{aliases}")


@actors.command(name="import")
@click.argument("file", type=click.Path(dir_okay=False))
@click.pass_context
def actors_import(ctx: click.Context, file: str) -> None:
    """Add or update register entries from a CSV file, by id (all rows or none).

    Example: annotator actors import register.csv
    """
    from annotator.register_csv import RegisterFileError, read_register  # noqa: PLC0415

    store = _store(ctx)
    try:
        entries = read_register(file)
    except RegisterFileError as exc:
        raise ProjectFailure(str(exc)) from None
    known = {a.id for a in store.actors()}
    store.save_actors(entries)
    added = sum(1 for a in entries if a.id not in known)
    click.echo(f"{added} actors added, {len(entries) - added} updated from {file}")


@actors.command(name="export")
@click.argument("file", type=click.Path(dir_okay=False))
@click.pass_context
def actors_export(ctx: click.Context, file: str) -> None:
    """Write the register to a CSV file (whole or not at all).

    Example: annotator actors export register.csv
    """
    from annotator.register_csv import write_register  # noqa: PLC0415

    store = _store(ctx)
    try:
        count = write_register(file, store.actors())
    except OSError as exc:
        raise click.ClickException(f"cannot write {file}: {exc.strerror or exc}") from None
    click.echo(f"{count} actors written to {file}")


# -- backups (annotator.backups) ---------------------------------------------------------------


def _project_path(ctx: click.Context) -> Path:
    """The project file named by --db / ANNOTATOR_DB / the default, without opening it."""
    from annotator.paths import resolve_db_path

    return resolve_db_path(ctx.obj.get("db"))[0]


@cli.command(name="backups")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array of backups.")
@click.option("--keep", type=click.IntRange(min=0), default=None, metavar="N",
              help="From now on keep the newest N daily snapshots (0: take none).")  # fmt: skip
@click.pass_context
def backups_cmd(ctx: click.Context, as_json: bool, keep: int | None) -> None:
    """List the project's backups, newest first: number, local time, kind, size, path.

    The first time a project is opened each day, a snapshot goes to PROJECT.backups/ beside
    it; the newest 7 are kept (--keep N, saved in the project). Copies made before a schema
    migration, and files kept aside by `annotator restore`, sit beside the project and are
    never deleted automatically.

    Example: annotator --db project.db backups --keep 14
    """
    from annotator.backups import KEEP_SETTING, human_size, keep_setting, list_backups

    path = _project_path(ctx)
    if keep is not None:
        if not path.exists():
            raise click.ClickException(f"no project at {path}")
        store = _store(ctx, seed=False)
        store.set_setting(KEEP_SETTING, keep)
        if not as_json:
            click.echo(f"Keeping the newest {keep_setting(store)} daily snapshots.")
    found = list_backups(path)
    if as_json:
        rows = [{"number": n, **asdict(b)} for n, b in enumerate(found, 1)]
        _dump([{**row, "created": row["created"].isoformat(), "path": str(row["path"])}
               for row in rows])  # fmt: skip
        return
    if not found:
        click.echo(f"No backups of {path} yet.")
    for n, b in enumerate(found, 1):
        when = b.created.astimezone().strftime("%Y-%m-%d %H:%M")
        click.echo(f"{n:>3}  {when}  {b.kind:14}  {human_size(b.size):>9}  {b.path}")


@cli.command(name="restore")
@click.argument("backup", metavar="BACKUP")
@click.pass_context
def restore_cmd(ctx: click.Context, backup: str) -> None:
    """Put a backup in place of the project; the current file is kept aside, path printed.

    BACKUP is a file, or a number from `annotator backups` (1 = the newest). It is checked
    first: a damaged copy, or a file that is not a project, is refused and nothing changes.
    Close the window on the project first.

    Example: annotator --db project.db restore 2
    """
    from annotator.backups import BackupError, list_backups, restore

    path = _project_path(ctx)
    chosen = Path(backup).expanduser()
    if backup.isdigit() and not chosen.exists():
        found = list_backups(path)
        if not 1 <= int(backup) <= len(found):
            raise click.ClickException(
                f"no backup number {backup} ({len(found)} listed by: annotator backups)"
            )
        chosen = found[int(backup) - 1].path
    try:
        aside = restore(path, chosen)
    except BackupError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"Restored {chosen} to {path}.")
    if aside is not None:
        click.echo(f"The previous project file is kept as {aside}")


EXPORT_FORMATS = export_names()  # the format table's written formats


@cli.command()
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), default="jsonl",
              show_default=True, help="Output format.")  # fmt: skip
@click.option("--out", "out", required=True, type=click.Path(dir_okay=True),
              help="Output file (a folder or .zip for brat).")  # fmt: skip
@click.option("--annotator", "annotators", multiple=True, help="Only this annotator's spans.")
@click.option("--gold", is_flag=True, help="Only the adjudicated (gold) layer.")
@click.option("--label", "labels", multiple=True, help="Only spans with this label key.")
@click.option("--status", type=click.Choice(["todo", "in_progress", "done"]), default=None,
              help="Only articles with this status.")  # fmt: skip
@click.option("--since", default=None, metavar="YYYY-MM-DD", help="Published on or after.")
@click.option("--until", default=None, metavar="YYYY-MM-DD", help="Published on or before.")
@click.pass_context
def export(
    ctx: click.Context,
    fmt: str,
    out: str,
    annotators: tuple[str, ...],
    gold: bool,
    labels: tuple[str, ...],
    status: str | None,
    since: str | None,
    until: str | None,
) -> None:
    """Export the labelled dataset. The file is written whole or not at all.

    Offsets are code points into the exported text, half-open.

    Example: annotator export --format jsonl --out claims.jsonl --status done
    """
    from annotator.export import ExportFilter
    from annotator.export import export as run_export

    store = _store(ctx)
    if gold:
        annotators = (*annotators, GOLD)
    flt = ExportFilter(annotators=annotators, labels=labels, status=status, since=since,
                       until=until)  # fmt: skip
    try:
        count = run_export(store, fmt, out, flt)
    except OSError as exc:
        raise click.ClickException(f"cannot write {out}: {exc.strerror or exc}") from None
    what = "claim rows" if fmt == "events" else "spans"  # events: one row per claim frame
    click.echo(f"{count} {what} written to {out} ({fmt})")


@cli.command()
@click.option("--a", "layer_a", required=True, metavar="NAME", help="First annotator (or gold).")
@click.option("--b", "layer_b", required=True, metavar="NAME", help="Second annotator (or gold).")
@click.option("--label", "labels", multiple=True, help="Only spans with this label key.")
@click.option(
    "--all",
    "all_articles",
    is_flag=True,
    help="Every article with spans from either, not only those both marked done.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
@click.option(
    "--out",
    type=click.Path(dir_okay=False),
    default=None,
    help="Also save a report: FILE.csv, FILE.json or FILE.html.",
)
@click.pass_context
def agree(
    ctx: click.Context,
    layer_a: str,
    layer_b: str,
    labels: tuple[str, ...],
    all_articles: bool,
    as_json: bool,
    out: str | None,
) -> None:
    """Inter-annotator agreement between two layers, overall, per label and per article.

    Compares the articles both marked done (--all: every article with spans from either):
    span counts, exact and overlap F1, Cohen's kappa and Krippendorff's alpha over word tokens,
    and a label confusion matrix of overlapping spans; relation precision, recall and F1 per
    type on spans both marked alike (relations on a span the other lacks are counted apart), and
    actor-link agreement of those spans. Undefined figures show as "—" (null).

    Example: annotator agree --a rahim --b karim --out agreement.html
    """
    from annotator.agreement import AgreementError, compute_agreement
    from annotator.agreement_report import report_format, save_report

    if out is not None:
        try:
            report_format(out)
        except ValueError as exc:
            raise click.BadParameter(str(exc), param_hint="'--out'") from None
    store = _store(ctx)
    try:
        result = compute_agreement(store, layer_a, layer_b, labels, all_articles, relations=True)
    except AgreementError as exc:
        click.echo(f"Error: {exc}", err=True)
        ctx.exit(2)
    if out is not None:
        try:
            save_report(result, out)
        except OSError as exc:
            raise click.ClickException(f"cannot write {out}: {exc.strerror or exc}") from None
    if as_json:
        _dump(result.as_dict())
        return
    _print_agreement(result)
    if out is not None:
        click.echo(f"Report written to {out}")


def _print_agreement(result: Any, worst: int = 10) -> None:
    from rich.console import Console  # noqa: PLC0415
    from rich.markup import escape  # noqa: PLC0415
    from rich.table import Table  # noqa: PLC0415

    from annotator.agreement_report import format_score

    console = Console(highlight=False)
    a, b = escape(result.a), escape(result.b)
    title = f"A = {a}, B = {b}: {result.articles} articles compared"
    summary = Table(title=title, title_justify="left")
    summary.add_column("", no_wrap=True)
    for name in ("spans A", "spans B", "exact F1", "overlap F1", "κ", "α"):
        summary.add_column(name, justify="right")
    keys = ("exact_f1", "overlap_f1", "cohen_kappa", "krippendorff_alpha")
    for name, s in [("overall", result.overall), *result.per_label.items()]:
        figures = (format_score(getattr(s, key)) for key in keys)
        summary.add_row(escape(name), str(s.a_spans), str(s.b_spans), *figures)
    console.print(summary)
    if result.per_article:
        rows = result.per_article[:worst]
        more = len(result.per_article) - len(rows)
        table = Table(
            title="Articles, worst first" + (f" ({more} more)" if more else ""),
            title_justify="left",
        )
        for name in ("id", "title", "spans A/B", "exact F1", "overlap F1", "κ"):
            if name == "title":
                table.add_column(name, no_wrap=True, overflow="ellipsis", max_width=40)
            else:
                table.add_column(name, justify="right")
        for r in rows:
            table.add_row(
                str(r.article_id),
                escape(r.title),
                f"{r.a_spans}/{r.b_spans}",
                format_score(r.exact_f1),
                format_score(r.overlap_f1),
                format_score(r.cohen_kappa),
            )
        console.print(table)
    labels = result.confusion_labels()
    if labels:
        matrix = Table(title="Label confusion (overlapping spans)", title_justify="left")
        matrix.add_column("A \\ B", no_wrap=True)
        for label in labels:
            matrix.add_column(escape(label), justify="right")
        for x in labels:
            row = result.confusion.get(x, {})
            matrix.add_row(escape(x), *(str(row.get(y, 0)) for y in labels))
        console.print(matrix)
    if result.relations is not None:
        _print_relation_agreement(console, result.relations)


def _print_relation_agreement(console: Any, relations: Any) -> None:
    """Relation F1 per type and actor-link agreement (`relation_agreement`)."""
    from rich.markup import escape  # noqa: PLC0415
    from rich.table import Table  # noqa: PLC0415

    from annotator.agreement_report import format_score, relation_rows

    table = Table(
        title=f"Relations on {relations.matched_spans} matched spans", title_justify="left"
    )
    table.add_column("", no_wrap=True)
    for name in ("both", "A only", "B only", "unmatched A/B", "P", "R", "F1", "strict F1"):
        table.add_column(name, justify="right")
    for _, kind, s in relation_rows(relations):
        table.add_row(
            escape(kind or "overall"), str(s.agreed), str(s.a_only), str(s.b_only),
            f"{s.a_unmatched}/{s.b_unmatched}", format_score(s.precision),
            format_score(s.recall), format_score(s.f1), format_score(s.strict_f1),
        )  # fmt: skip
    console.print(table)
    actors = relations.actors
    console.print(
        f"Actor links on {actors.spans} matched actor spans: same {actors.same}, different "
        f"{actors.different}, only A {actors.only_a}, only B {actors.only_b}, neither "
        f"{actors.neither}; same share {format_score(actors.same_share)}, raw agreement "
        f"{format_score(actors.raw_agreement)}, κ {format_score(actors.kappa)}"
    )


def main() -> None:
    """Console entry point."""
    cli(prog_name="annotator")
