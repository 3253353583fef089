"""Import article datasets (JSON Lines, JSON, CSV) as ArticleDrafts.

Each record is judged on its own: with a lenient `RecordReport` a bad record (broken JSON line,
not an object, no or empty text, text of the wrong type, a row with too many fields) is skipped
and named in the report; without one (or with `strict=True`) the first bad record fails the
whole file. A file whose records are all bad fails either way; limits always fail the file.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from dataclasses import field as dc_field
from datetime import datetime
from typing import Any

import orjson
import regex

from annotator.dates import DHAKA, parse_datetime
from annotator.ingest import limits
from annotator.ingest.errors import IngestError
from annotator.models import ArticleDraft

# Canonical field -> accepted names, best first; matched ignoring case, spaces, '_' and '-'.
FIELD_ALIASES: dict[str, tuple[str, ...]] = {
    "text": (
        "body",
        "text",
        "content",
        "article",
        "article_body",
        "articleBody",
        "full_text",
        "story",
        "news",
        "maintext",
        "article_text",
        "body_text",
        "news_body",
        "news_content",
        "news_text",
        "contents",
        # Last resorts (a summary may be all there is); never used beside a real body field.
        "desc",
        "summary",
        "description",
    ),
    "title": ("title", "headline", "heading", "news_title", "article_title", "name"),
    "published": (
        "published",
        "date",
        "published_at",
        "publish_date",
        "pub_date",
        "datePublished",
        "published_date",
        "publication_date",
        "time",
        "datetime",
        "published_time",
        "publish_time",
        "posted_at",
        "timestamp",
    ),
    "updated": (
        "updated",
        "modified",
        "updated_at",
        "dateModified",
        "modified_at",
        "last_modified",
    ),
    "url": ("url", "link", "source_url", "article_url", "news_url", "permalink", "href"),
    "outlet": (
        "outlet",
        "source",
        "site",
        "publisher",
        "newspaper",
        "sitename",
        "source_name",
        "src",
        "paper",
    ),
    "byline": ("byline", "author", "reporter", "authors", "writer", "journalist", "author_name"),
}
# Text aliases used only when a record has no other text field.
WEAK_TEXT_ALIASES = ("desc", "summary", "description")
_WEAK_TEXT = frozenset(WEAK_TEXT_ALIASES)  # already in _norm_key form
# Keys of a JSON object that wrap the list of articles.
CONTAINER_KEYS = ("articles", "data", "items", "records", "results", "rows", "docs", "documents")
_DELIMITERS = (",", ";", "\t")
_SEPARATORS = regex.compile(r"[\s_\-]+")
_DIGITS = regex.compile(r"\d{10}(?:\d{3})?")
_LETTERS = regex.compile(r"[\p{L}\p{M}]")
_BENGALI = regex.compile(r"[\u0980-\u09FF]")
GUESS_ROWS = 50  # records looked at to choose a text column by content
MIN_GUESS_LENGTH = 20  # mean characters a column needs to be taken as the text


@dataclass
class RecordReport:
    """What a lenient parse left out (`skipped`: one line per bad record) and chose (`notes`).

    With `strict`, the first bad record raises instead, as the old all-or-nothing import did.
    """

    strict: bool = False
    skipped: list[str] = dc_field(default_factory=list)
    notes: list[str] = dc_field(default_factory=list)

    def skip(self, exc: IngestError) -> None:
        """Record a bad record; re-raise it when strict or when it is over a limit."""
        if self.strict or isinstance(exc, limits.LimitError):
            raise exc
        self.skipped.append(str(exc))

    def finish(self, drafts: list[ArticleDraft]) -> list[ArticleDraft]:
        """The drafts; one-line IngestError when every record was bad."""
        if not drafts:
            if not self.skipped:
                raise IngestError("no records")
            first, n = self.skipped[0], len(self.skipped)
            raise IngestError(first if n == 1 else f"{first} (all {n} records bad)")
        return drafts


def parse_jsonl(
    raw: str,
    source: str = "",
    field_map: dict[str, str] | None = None,
    report: RecordReport | None = None,
) -> list[ArticleDraft]:
    """One article per non-blank line of JSON Lines text; bad lines go to `report`."""
    report = RecordReport(strict=True) if report is None else report
    wanted = _check_field_map(field_map)
    raw = raw.removeprefix("\ufeff")
    lines = raw.split("\n")
    numbered = [(n, line.strip()) for n, line in enumerate(lines, 1) if line.strip()]
    if not numbered:
        raise IngestError("no records")
    last = numbered[-1][0]
    count = limits.Counter("records", limits.current().records)
    parsed: list[tuple[int, str, Any]] = []
    for n, line in numbered:
        count.add()
        limits.check_record(line, f"line {n}")
        cut = n == last and not raw.endswith("\n")
        try:
            parsed.append((n, line, _load_line(line, n, truncated=cut)))
        except IngestError as exc:
            if cut and "truncated" in str(exc):  # a cut-off file is damaged, not a bad record
                raise IngestError(f"{exc}; the file looks cut off, nothing imported") from None
            report.skip(exc)
    if len(numbered) == 1 and parsed and isinstance(parsed[0][2], dict):
        items = _container_items(parsed[0][2])
        if items is not None:  # a minified {"articles": [...]} on one line
            return _from_items(items, source, wanted, report)
    objects = [obj for _, _, obj in parsed if isinstance(obj, dict)]
    plans = _Planner(wanted, _guess_text_key(objects, wanted, report))
    drafts = []
    for n, line, obj in parsed:
        try:
            if not isinstance(obj, dict):
                raise IngestError(f"line {n}: expected a JSON object, got {_json_kind(obj)}")
            plan = plans.plan(obj.keys())
            drafts.append(_draft(obj, plan, n, f"line {n}", line, source, wanted))
        except IngestError as exc:
            report.skip(exc)
    return report.finish(drafts)


def parse_json(
    raw: str,
    source: str = "",
    field_map: dict[str, str] | None = None,
    report: RecordReport | None = None,
) -> list[ArticleDraft]:
    """Articles from a JSON array of objects, or from {"articles"/"data"/"items": [...]}."""
    report = RecordReport(strict=True) if report is None else report
    wanted = _check_field_map(field_map)
    raw = raw.removeprefix("\ufeff")
    if not raw.strip():
        raise IngestError("no records")
    # The whole array is parsed at once: bound the objects it can build (ten per record
    # allowed, for nested metadata) before parsing, at the cost of one count.
    most = 10 * limits.current().records
    if raw.count("{") > most:
        raise limits.too_many("JSON objects", most)
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        first = raw.lstrip().split("\n", 1)[0].strip()
        if first.startswith("{") and _is_object(first):  # JSON Lines saved as .json
            return parse_jsonl(raw, source, field_map, report)
        line, col = exc.lineno, exc.colno
        hint = " (truncated?)" if exc.pos >= len(raw.rstrip()) else ""
        raise IngestError(f"line {line}: invalid JSON: {exc.msg} at column {col}{hint}") from None
    if isinstance(data, dict):
        items = _container_items(data)
        if items is None:
            if _Planner(wanted).plan(data.keys()).get("text"):
                items = [data]
            else:
                keys = _show_list(list(data))
                raise IngestError(
                    "JSON object holds no article list (expected an array, or an "
                    f"'articles', 'data' or 'items' list); its keys: {keys}"
                )
    elif isinstance(data, list):
        items = data
    else:
        raise IngestError(f"expected a JSON array of articles, got {_json_kind(data)}")
    return _from_items(items, source, wanted, report)


def parse_csv(
    raw: str,
    source: str = "",
    field_map: dict[str, str] | None = None,
    report: RecordReport | None = None,
) -> list[ArticleDraft]:
    """One article per row of a CSV/TSV file with a header row (',', ';' or tab delimited)."""
    report = RecordReport(strict=True) if report is None else report
    wanted = _check_field_map(field_map)
    raw = raw.removeprefix("\ufeff")
    if not raw.strip():
        raise IngestError("no records")
    caps = limits.current()
    count = limits.Counter("records", caps.records)
    # A cell longer than a whole record cannot be right; the csv module counts characters.
    csv.field_size_limit(caps.record_bytes)
    delimiter = _sniff_delimiter(raw)
    consumed: list[str] = []
    position = {"line": 0, "start": 1}

    def physical_lines() -> Iterator[str]:
        for line in io.StringIO(raw, newline=""):
            position["line"] += 1
            if not consumed:
                position["start"] = position["line"]
            consumed.append(line)
            yield line

    reader = csv.reader(physical_lines(), delimiter=delimiter)
    header: list[str] | None = None
    rows: list[tuple[int, str, str, dict[str, str]]] = []  # number, where, raw, record
    last_row = (0, 0, "")
    try:
        for row in reader:
            start, text, spanned = position["start"], "".join(consumed), len(consumed)
            consumed.clear()
            if not any(cell.strip() for cell in row):
                continue
            if header is None:
                header = _header(row)
                _plan_csv(header, wanted, delimiter, guess=True)  # a bad field map fails here
                continue
            count.add()
            number = count.count
            where = f"row {number} (line {start})"
            limits.check_record(text, where)
            text = text.rstrip("\r\n")
            last_row = (start, spanned, text)
            if len(row) > len(header):
                if any(cell.strip() for cell in row[len(header) :]):
                    report.skip(
                        IngestError(
                            f"{where}: {len(row)} fields but the header has {len(header)}"
                            f" (unquoted {_name(delimiter)} in a field?)"
                        )
                    )
                    continue
                row = row[: len(header)]
            rows.append((number, where, text, dict(zip(header, row, strict=False))))
    except csv.Error as exc:
        if "field larger than field limit" in str(exc):
            raise limits.too_large(
                f"line {position['line']}: one cell", None, caps.record_bytes
            ) from None
        raise IngestError(f"line {position['line']}: bad CSV: {exc}") from None
    if header is None:
        raise IngestError("no records")
    start, spanned, text = last_row
    if spanned > 1 and text.count('"') % 2:
        raise IngestError(f"line {start}: unterminated quoted field (runs to the end of the file)")
    plan = _plan(header, wanted)
    if not plan["text"]:
        chosen = _guess_text_key([r for *_, r in rows], wanted, report, "column")
        if chosen is not None:
            plan["text"] = [chosen]
    plan = _plan_csv(header, wanted, delimiter, plan=plan)
    drafts: list[ArticleDraft] = []
    for number, where, text, record in rows:
        try:
            drafts.append(_draft(record, plan, number, where, text, source, wanted))
        except IngestError as exc:
            report.skip(exc)
    return report.finish(drafts)


# --- shared record handling -------------------------------------------------------------


class _Planner:
    """Caches which keys feed which canonical field, per distinct key set."""

    def __init__(self, wanted: dict[str, str], fallback: str | None = None) -> None:
        self.wanted = wanted
        self.fallback = fallback  # the text key chosen by content, when no alias fits
        self.cache: dict[tuple[str, ...], dict[str, list[str]]] = {}

    def plan(self, keys: Iterable[str]) -> dict[str, list[str]]:
        """Canonical field -> candidate keys, best first."""
        key_tuple = tuple(keys)
        if key_tuple not in self.cache:
            plan = _plan(list(key_tuple), self.wanted)
            taken = {k for ks in plan.values() for k in ks}
            if not plan["text"] and self.fallback in key_tuple and self.fallback not in taken:
                plan["text"] = [self.fallback]
            self.cache[key_tuple] = plan
        return self.cache[key_tuple]


def _plan(keys: list[str], wanted: dict[str, str]) -> dict[str, list[str]]:
    """Map each canonical field to the record's keys that may hold it, in priority order."""
    plan: dict[str, list[str]] = {}
    taken: set[str] = set()
    for field, column in wanted.items():
        match = _find_key(keys, column)
        plan[field] = [match] if match is not None else []
        taken.update(plan[field])
    normalised = [(_norm_key(k), k) for k in keys]
    for field, aliases in FIELD_ALIASES.items():
        if field in wanted:
            continue
        found: list[str] = []
        for alias in aliases:
            target = _norm_key(alias)
            found += [
                k for nk, k in normalised if nk == target and k not in taken and k not in found
            ]
        if field == "text":  # a summary is the text only when there is no body field
            strong = [k for k in found if _norm_key(k) not in _WEAK_TEXT]
            found = strong or found
        plan[field] = found
        taken.update(found)
    return plan


def _plan_csv(
    header: list[str],
    wanted: dict[str, str],
    delimiter: str,
    plan: dict[str, list[str]] | None = None,
    guess: bool = False,
) -> dict[str, list[str]]:
    """The header's plan; IngestError for a field-map column it lacks or (unless a text column
    may still be chosen by content, `guess`) for no text column."""
    plan = _plan(header, wanted) if plan is None else plan
    columns = _show_list(header)
    for field, column in wanted.items():
        if not plan[field]:
            raise IngestError(
                f"no column {_show(column)!r} (from the field map); columns: {columns}"
            )
    if not plan["text"] and not (guess and "text" not in wanted):
        hint = "" if len(header) > 1 else f" (is {_name(delimiter)} the delimiter?)"
        raise IngestError(
            f"no text column (looked for {', '.join(FIELD_ALIASES['text'])}); "
            f"columns: {columns}{hint}"
        )
    return plan


def _draft(
    record: dict[str, Any],
    plan: dict[str, list[str]],
    n: int,
    where: str,
    raw: str,
    source: str,
    wanted: dict[str, str],
) -> ArticleDraft:
    """Build one draft from a record and its key plan; errors name `where`."""
    values: dict[str, Any] = {}
    used: set[str] = set()
    for field, keys in plan.items():
        for key in keys:
            value = record.get(key)
            if _is_empty(value):
                continue
            used.add(key)
            if field != "text" and _is_placeholder(value):  # "Unknown", "N/A": no value
                continue
            values[field] = value
            break
    if "text" not in values:
        if plan["text"]:
            raise IngestError(f"{where}: empty text (field {_show_list(plan['text'])})")
        looked = [wanted["text"]] if "text" in wanted else list(FIELD_ALIASES["text"])
        raise IngestError(f"{where}: no text field (looked for {_show_list(looked)})")
    value = values["text"]
    if isinstance(value, list) and all(isinstance(v, str) or v is None for v in value):
        pass  # paragraphs
    elif not isinstance(value, str):
        key = next(k for k in plan["text"] if k in used)
        raise IngestError(f"{where}: field {_show(key)!r} holds {_json_kind(value)}, not text")
    text = _as_text(value, "\n\n")
    if not text:
        raise IngestError(f"{where}: empty text (field {_show_list(plan['text'])})")
    limits.check_text(text, where)

    meta: dict[str, Any] = {}
    for key, value in record.items():
        if key in used or _is_empty(value):
            continue
        if key == "meta" and isinstance(value, dict):
            for k, v in value.items():
                meta.setdefault(str(k), v)
            continue
        meta[str(key) if key != "record" else "record_field"] = (
            value.strip() if isinstance(value, str) else value
        )
    published = _date(values.get("published"), "published", meta)
    updated = _date(values.get("updated"), "updated", meta)
    meta["record"] = n
    return ArticleDraft(
        text=text,
        raw=raw,
        title=_as_text(values.get("title"), " "),
        outlet=_as_text(values.get("outlet"), ", "),
        byline=_as_text(values.get("byline"), ", "),
        url=_as_text(values.get("url"), " "),
        published=published,
        updated=updated,
        source_file=source,
        meta=meta,
    )


def _from_items(
    items: list[Any], source: str, wanted: dict[str, str], report: RecordReport
) -> list[ArticleDraft]:
    if not items:
        raise IngestError("no records")
    if len(items) > limits.current().records:
        raise limits.too_many("records", limits.current().records)
    objects = [obj for obj in items if isinstance(obj, dict)]
    plans = _Planner(wanted, _guess_text_key(objects, wanted, report))
    drafts = []
    for n, obj in enumerate(items, 1):
        if not isinstance(obj, dict):
            report.skip(IngestError(f"record {n}: expected a JSON object, got {_json_kind(obj)}"))
            continue
        raw = orjson.dumps(obj).decode("utf-8")
        limits.check_record(raw, f"record {n}")
        try:
            drafts.append(
                _draft(obj, plans.plan(obj.keys()), n, f"record {n}", raw, source, wanted)
            )
        except IngestError as exc:
            report.skip(exc)
    return report.finish(drafts)


def _guess_text_key(
    records: list[dict[str, Any]],
    wanted: dict[str, str],
    report: RecordReport,
    kind: str = "field",
) -> str | None:
    """When no alias names the text, the key whose values over the first records are longest
    and mostly Bengali letters (U+0980-U+09FF); None when it is another field's or none fits.
    The choice is added to `report.notes`."""
    if "text" in wanted:
        return None
    sample = records[:GUESS_ROWS]
    planner = _Planner(wanted)
    if not sample or all(planner.plan(r.keys())["text"] for r in sample):
        return None
    lengths: dict[str, int] = {}
    letters: dict[str, int] = {}
    bengali: dict[str, int] = {}
    for record in sample:
        for key, value in record.items():
            if not isinstance(value, str):
                continue
            lengths[key] = lengths.get(key, 0) + len(value.strip())
            letters[key] = letters.get(key, 0) + len(_LETTERS.findall(value))
            bengali[key] = bengali.get(key, 0) + len(_BENGALI.findall(value))
    fits = [k for k in lengths if letters[k] and bengali[k] >= 0.5 * letters[k]]
    if not fits:
        return None
    best = max(fits, key=lambda k: lengths[k])
    taken = {k for r in sample for ks in planner.plan(r.keys()).values() for k in ks}
    if best in taken or lengths[best] < MIN_GUESS_LENGTH * len(sample):
        return None
    report.notes.append(f"text taken from {kind} {_show(best)!r} (longest Bengali {kind})")
    return best


def _container_items(data: dict[str, Any]) -> list[Any] | None:
    """The article list of a wrapper object ({"articles": [{...}, ...]}), if it is one."""
    lowered = {str(k).lower(): v for k, v in data.items()}
    for key in CONTAINER_KEYS:
        items = lowered.get(key)
        if isinstance(items, list) and all(isinstance(i, dict) for i in items):
            return items
    return None


def _check_field_map(field_map: dict[str, str] | None) -> dict[str, str]:
    """Turn a CLI field map (alias -> column) into canonical field -> column."""
    wanted: dict[str, str] = {}
    for name, column in (field_map or {}).items():
        field = _canonical(name)
        if field is None:
            raise IngestError(
                f"unknown field {_show(name)!r} in the field map (expected one of "
                f"{', '.join(FIELD_ALIASES)})"
            )
        if not str(column).strip():
            raise IngestError(f"empty column name for field {_show(name)!r} in the field map")
        wanted[field] = str(column).strip()
    return wanted


def _canonical(name: str) -> str | None:
    target = _norm_key(name)
    for field, aliases in FIELD_ALIASES.items():
        if target == field or any(_norm_key(a) == target for a in aliases):
            return field
    return None


def _find_key(keys: list[str], column: str) -> str | None:
    if column in keys:
        return column
    folded = [k for k in keys if k.casefold() == column.casefold()]
    if folded:
        return folded[0]
    target = _norm_key(column)
    return next((k for k in keys if _norm_key(k) == target), None)


def _norm_key(key: Any) -> str:
    return _SEPARATORS.sub("", str(key)).casefold()


_PLACEHOLDERS = frozenset({"unknown", "n/a", "na", "none", "null", "nil", "-", "--", "অজানা"})


def _is_placeholder(value: Any) -> bool:
    """A filler a scraper writes for a missing byline, outlet or date ("Unknown", "N/A")."""
    return isinstance(value, str) and value.strip().casefold() in _PLACEHOLDERS


def _is_empty(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not value or value.isspace()
    if isinstance(value, list | dict):
        return not value
    return False


def _as_text(value: Any, joiner: str) -> str:
    """A field value as one stripped string; lists joined, {'name': ...} objects named."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, list):
        parts = [_as_text(v, ", ") for v in value]
        return joiner.join(p for p in parts if p)
    if isinstance(value, dict):
        for key in ("name", "text", "value", "url", "@id"):
            if isinstance(value.get(key), str) and value[key].strip():
                return value[key].strip()
        return orjson.dumps(value).decode("utf-8")
    return str(value).strip()


def _date(value: Any, field: str, meta: dict[str, Any]) -> str | None:
    """ISO 8601 for a date value, or None with the original kept in meta[f'{field}_raw']."""
    if _is_empty(value):
        return None
    iso = _epoch(value)
    text = _as_text(value, " ")
    if iso is None:
        try:
            iso = parse_datetime(text, to_dhaka=True)  # stored in Asia/Dhaka time
        except Exception:  # noqa: BLE001 - an unparsable date is kept raw, never fatal
            iso = None
    if iso is None:
        meta[f"{field}_raw"] = text
    return iso


def _epoch(value: Any) -> str | None:
    """Unix timestamps (seconds or milliseconds, as numbers or digit strings) in Dhaka time."""
    if isinstance(value, str) and _DIGITS.fullmatch(value.strip()):
        value = int(value.strip())
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    seconds = value / 1000 if 1e12 <= value < 1e13 else value
    if not 1e8 <= seconds < 1e10:
        return None
    return datetime.fromtimestamp(seconds, DHAKA).isoformat(timespec="seconds")


def _load_line(line: str, n: int, truncated: bool) -> Any:
    try:
        return orjson.loads(line)
    except orjson.JSONDecodeError as exc:
        # Python's json accepts NaN/Infinity (as written by json.dumps); map them to null.
        try:
            obj = json.loads(line, parse_constant=lambda _: None)
            orjson.dumps(obj)  # rejects lone surrogates and oversized integers
            return obj
        except Exception:  # noqa: BLE001 - fall through to orjson's reason
            pass
        hint = " (truncated last line?)" if truncated and exc.pos >= len(line) - 1 else ""
        raise IngestError(
            f"line {n}: invalid JSON: {exc.msg} at column {exc.colno}{hint}"
        ) from None


def _is_object(line: str) -> bool:
    try:
        return isinstance(orjson.loads(line), dict)
    except orjson.JSONDecodeError:
        return False


def _json_kind(value: Any) -> str:
    kinds = {
        list: "an array",
        dict: "an object",
        str: "a string",
        bool: "a boolean",
        type(None): "null",
    }
    return kinds.get(type(value), "a number")


def _header(row: list[str]) -> list[str]:
    names: list[str] = []
    for i, cell in enumerate(row, 1):
        name = cell.strip().removeprefix("\ufeff").strip() or f"column_{i}"
        names.append(name if name not in names else f"{name}_{i}")
    return names


def _sniff_delimiter(raw: str) -> str:
    """The delimiter seen most often (outside quotes) on the header line; ',' by default."""
    line = next((ln for ln in raw.split("\n") if ln.strip()), "")
    counts = dict.fromkeys(_DELIMITERS, 0)
    quoted = False
    for ch in line:
        if ch == '"':
            quoted = not quoted
        elif not quoted and ch in counts:
            counts[ch] += 1
    best = max(_DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


def _show(name: Any) -> str:
    """A column or key name fit for a one-line message."""
    text = " ".join(str(name).split())
    return text if len(text) <= 40 else text[:39] + "…"


def _show_list(names: list[Any], limit: int = 20) -> str:
    shown = ", ".join(_show(n) for n in names[:limit])
    if len(names) > limit:
        shown += f", … ({len(names)} in all)"
    return shown or "none"


def _name(delimiter: str) -> str:
    return {",": "','", ";": "';'", "\t": "tab"}[delimiter]
