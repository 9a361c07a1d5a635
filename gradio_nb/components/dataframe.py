"""``gr.Dataframe``: a table, shown windowed so that a large one costs only what is visible.

The kernel keeps the whole table (Gradio's payload ``{"headers", "data", "metadata"}``) in a
kernel-only ``value`` trait. The page asks for the rows it shows plus a margin
(``{"op": "rows", "start", "end"}``) and the kernel answers with those rows only. A cell edit
in the page travels as ``{"op": "edit", "row", "col", "value"}``; the kernel applies it and
echoes that one cell back, never the window. A value written by a function bumps ``version``:
each view drops the rows it held and asks again for the ones it shows.

A person may also change the table's shape, as Gradio's page lets them where ``row_count`` or
``column_count`` is "dynamic": ``{"op": "add_row", "at"}``, ``{"op": "delete_row", "row"}``,
``{"op": "add_column", "at"}``, ``{"op": "delete_column", "col"}``; the kernel makes the new
value (a new row or column holds ``""`` cells, as Gradio's page makes them) and the views
ask for their rows again. ``{"op": "copy"}`` asks for the whole table as CSV text, which the
page puts on the clipboard (``{"op": "copy", "text"}``).
"""

from __future__ import annotations

import datetime
import math
import re
import warnings
from collections.abc import Callable, Sequence
from typing import Any, ClassVar

import traitlets as t

from ..events import listener
from ..exceptions import Error
from ..markdown import sanitize, to_safe_html
from ..unavailable import DATA_MODEL, module_getattr
from ..widgets import LabelledView, css_size, sync_label
from .base import FormComponent

TYPES = ("pandas", "numpy", "array", "polars")
DATATYPES = ("str", "number", "bool", "date", "markdown", "html", "image", "auto")
#: Rows one ``rows`` request may ask for: a page that asks for more gets this many.
MAX_WINDOW = 1000
_SAFE_INT = 2**53  # integral floats below this come back from the page as ints (S19)


# -- cells as the page holds them ------------------------------------------------------------


def js_cell(value: Any) -> Any:
    """``value`` as it is after a JSON trip through the page (Gradio sends it with orjson).

    An integral float comes back as an int (JS has one number type), NaN and infinities as
    ``None``, numpy scalars as Python ones, datetimes as ISO text (a pandas Timestamp as its
    ``str``, as orjson's fallback gives it).
    """
    kind = type(value)
    if kind is str or kind is int or kind is bool or value is None:
        return value
    if kind is float:
        if not math.isfinite(value):
            return None
        return int(value) if value.is_integer() and abs(value) < _SAFE_INT else value
    if hasattr(value, "item") and hasattr(value, "dtype"):  # a numpy scalar
        item = value.item()
        if type(item) is int and value.dtype.kind == "M":  # datetime64[ns] gives an int
            return str(value)
        return js_cell(item) if type(item) is not type(value) else str(value)
    if kind is datetime.datetime or kind is datetime.date or kind is datetime.time:
        return value.isoformat()
    if isinstance(value, float):
        return js_cell(float(value))
    if isinstance(value, int):
        return int(value)
    if isinstance(value, (list, tuple)):
        return [js_cell(v) for v in value]
    if isinstance(value, dict):
        return {str(k): js_cell(v) for k, v in value.items()}
    if _is_missing(value):
        return None
    return str(value)


def _is_missing(value: Any) -> bool:
    try:
        import pandas as pd

        return value is pd.NaT or value is pd.NA
    except ImportError:  # pragma: no cover - pandas is a dependency
        return False


def _js_column(column: Any) -> list[Any]:
    """One pandas column as :func:`js_cell` would make each cell, vectorised where numpy can."""
    import numpy as np

    kind = column.dtype.kind
    plain = isinstance(column.dtype, np.dtype)  # not a nullable extension type (Int64, boolean)
    if kind in "iub" and plain:
        return column.to_numpy().tolist()
    if kind == "f":
        array = column.to_numpy(dtype=float, na_value=np.nan)
        cells = array.tolist()
        finite = np.isfinite(array)
        integral = finite & (array == np.trunc(np.where(finite, array, 0))) & (np.abs(np.where(finite, array, 0)) < _SAFE_INT)
        for i in np.flatnonzero(integral).tolist():
            cells[i] = int(cells[i])
        for i in np.flatnonzero(~finite).tolist():
            cells[i] = None
        return cells
    return [js_cell(v) for v in column.tolist()]


def _rows_from_pandas(frame: Any) -> list[list[Any]]:
    if frame.shape[1] == 0:
        return [[] for _ in range(frame.shape[0])]
    columns = [_js_column(frame.iloc[:, i]) for i in range(frame.shape[1])]
    return [list(row) for row in zip(*columns)]


def _js_rows(rows: list[Any]) -> list[list[Any]]:
    return [[js_cell(v) for v in row] for row in rows]


# -- Gradio's value forms --------------------------------------------------------------------


def _polars() -> Any:
    try:
        import polars  # type: ignore[import-not-found]
    except ImportError:
        return None
    return polars


def _is_styler(value: Any) -> bool:
    return type(value).__name__ == "Styler" and hasattr(value, "data")


def _is_pandas(value: Any) -> bool:
    return type(value).__module__.startswith("pandas") and type(value).__name__ == "DataFrame"


def _is_polars(value: Any) -> bool:
    pl = _polars() if type(value).__module__.startswith("polars") else None
    return pl is not None and isinstance(value, pl.DataFrame)


def _is_empty(value: Any) -> bool:
    """Gradio's ``Dataframe.is_empty``."""
    import numpy as np

    if value is None:
        return True
    if _is_pandas(value):
        return bool(value.empty)
    if _is_styler(value):
        return bool(value.data.empty)
    if isinstance(value, np.ndarray):
        return value.size == 0
    if _is_polars(value):
        return bool(value.is_empty())
    if isinstance(value, list):
        if value and isinstance(value[0], list):
            return len(value[0]) == 0
        return len(value) == 0
    if isinstance(value, dict):
        return len(value["data"]) == 0 if "data" in value else len(value) == 0
    return False


def _headers_of(value: Any) -> list[Any]:
    """The headers a value carries (none for arrays and lists)."""
    if _is_pandas(value) or _is_polars(value):
        return list(value.columns)
    if _is_styler(value):
        return list(value.data.columns)
    if isinstance(value, str):
        import pandas as pd

        return list(pd.read_csv(value, nrows=0).columns)
    if isinstance(value, dict):
        return list(value.get("headers") or [])
    return []


def _cells_of(value: Any) -> list[list[Any]]:
    """The cells of a non-empty value, row by row, as the page holds them."""
    import numpy as np

    if isinstance(value, dict):
        return _js_rows(value.get("data", [[]]))
    if isinstance(value, str):
        import pandas as pd

        return _rows_from_pandas(pd.read_csv(value))
    if _is_pandas(value):
        return _rows_from_pandas(value)
    if _is_styler(value):
        frame = value.data
        hidden = set(getattr(value, "hidden_columns", []))
        return _rows_from_pandas(frame.iloc[:, [i for i in range(frame.shape[1]) if i not in hidden]])
    if _is_polars(value):
        return _js_rows([list(row) for row in value.iter_rows()])
    if isinstance(value, (np.ndarray, list, tuple)):
        rows = value.tolist() if isinstance(value, np.ndarray) else list(value)
        if not isinstance(rows[0], (list, tuple)):
            rows = [[v] for v in rows]  # a flat list is one column
        return _js_rows(rows)
    raise Error(
        f"Dataframe: cannot show a value of type {type(value).__name__}: expected a pandas or polars "
        "DataFrame, a Styler, a numpy array, a list of lists, a dict with 'data' (and 'headers'), "
        "or the path of a CSV file."
    )


def _styler_metadata(styler: Any) -> dict[str, list[list[str]]]:
    """The display text and CSS of each visible cell of a pandas Styler."""
    translated = styler._compute()._translate(None, None)  # the Styler's own rendering model
    css: dict[str, str] = {}
    for style in translated.get("cellstyle", []):
        for selector in style.get("selectors", []):
            css[selector] = "; ".join(f"{prop}: {val}" for prop, val in style.get("props", []))
    hidden = {int(c) for c in getattr(styler, "hidden_columns", [])}
    display: list[list[str]] = []
    styling: list[list[str]] = []
    for row in translated["body"]:
        cells = [c for c in row if c["type"] == "td"]
        cells = [c for i, c in enumerate(cells) if i not in hidden]
        display.append([str(c["display_value"]) for c in cells])
        styling.append([css.get(c["id"], "") for c in cells])
    return {"display_value": display, "styling": styling}


_BRACKETS = re.compile(r"\[.*?\]|\(.*?\)")
_TRAILING_NUMBER = re.compile(r"\s*\d+\s*$")
_DTYPE_KINDS = {
    "str": "str", "object": "str", "string": "str", "utf": "str", "category": "str", "categorical": "str",
    "int": "number", "float": "number", "bool": "bool", "boolean": "bool",
    "datetime": "date", "date": "date", "timedelta": "date", "timestamp": "date",
}


def _kind_of(type_name: str) -> str:
    """Gradio's ``datatype="auto"`` rule: a dtype's name without sizes or units, mapped."""
    name = _TRAILING_NUMBER.sub("", _BRACKETS.sub("", type_name)).lower()
    return _DTYPE_KINDS.get(name, "str")


def auto_datatype(value: Any) -> str | list[str]:
    """The datatype of each column of ``value``, guessed from its dtypes (Gradio's "auto")."""
    import numpy as np

    if _is_styler(value):
        value = value.data
    if _is_pandas(value) or _is_polars(value):
        return [_kind_of(str(d)) for d in value.dtypes]
    if isinstance(value, np.ndarray):
        if value.size == 0 or value.ndim < 2:
            return "str"
        return [_kind_of(type(value[0, i]).__name__) for i in range(value.shape[1])]
    if isinstance(value, list) and value and isinstance(value[0], (list, tuple)):
        return [_kind_of(type(v).__name__) for v in value[0]]
    return "str"


def cast_cell(text: Any, datatype: str) -> Any:
    """A value typed into a cell, as the column's type: a number column gives a number.

    Text that is not a number stays text, as in Gradio's page; an emptied number cell holds
    ``None`` (pandas shows NaN).
    """
    if datatype == "number":
        if isinstance(text, bool):
            return int(text)
        if isinstance(text, (int, float)):
            return js_cell(text)
        stripped = str(text).strip()
        if stripped == "":
            return None
        try:
            return js_cell(float(stripped))
        except ValueError:
            return text
    if datatype == "bool":
        if isinstance(text, bool):
            return text
        lowered = str(text).strip().lower()
        if lowered in ("true", "1"):
            return True
        if lowered in ("false", "0"):
            return False
        return text
    return text if isinstance(text, str) else str(text)


# -- the widget ------------------------------------------------------------------------------


class DataframeWidget(LabelledView):
    """The windowed table view. Only headers, column types and the row count are synced;
    rows travel as custom messages, for the range each view shows."""

    _view_file = "dataframe"
    disabled = t.Bool(False).tag(sync=True)
    headers = t.List().tag(sync=True)
    #: One datatype per column.
    datatype = t.List(t.Unicode()).tag(sync=True)
    n_rows = t.Int(0).tag(sync=True)
    #: Rows the view lists: all of them, or those the search matches.
    shown_rows = t.Int(0).tag(sync=True)
    #: The page's sort, ``[col, "asc" | "desc"]`` or ``[]``; display only, as in Gradio.
    sort_by = t.List().tag(sync=True)
    #: The page's search text; rows with a cell containing it are listed (display only).
    query = t.Unicode("").tag(sync=True)
    show_search = t.Unicode("none").tag(sync=True)
    #: Bumped when the table is replaced: views drop their rows and ask again.
    version = t.Int(0).tag(sync=True)
    max_height = t.Unicode("500px").tag(sync=True)
    wrap = t.Bool(False).tag(sync=True)
    column_widths = t.List(t.Unicode()).tag(sync=True)
    show_row_numbers = t.Bool(False).tag(sync=True)
    pinned_columns = t.Int(0).tag(sync=True)
    max_chars = t.Int(0).tag(sync=True)
    static_columns = t.List(t.Int()).tag(sync=True)
    #: Whether a person may add and delete rows (``row_count`` "dynamic") and columns.
    row_dynamic = t.Bool(True).tag(sync=True)
    col_dynamic = t.Bool(True).tag(sync=True)
    #: The icon buttons above the table ("copy", "fullscreen"), Gradio's ``buttons``.
    buttons = t.List(t.Unicode(), ["copy", "fullscreen"]).tag(sync=True)
    #: The payload ``{"headers", "data", "metadata"}``; kept in the kernel, never sent whole.
    value = t.Dict()

    def __init__(self, **kwargs: Any) -> None:
        self.line_breaks = True
        self._local_edit = False
        self._order: list[int] | None = None  # listed rows when sorted or searched
        #: Called with each cell edit's EditData payload, after the value is updated.
        self.edit_handlers: list[Callable[[dict[str, Any]], None]] = []
        #: Called with each cell click's SelectData payload.
        self.select_handlers: list[Callable[[dict[str, Any]], None]] = []
        #: The datatypes of the columns named by a list of headers (the component's rule);
        #: a column a person adds gets its datatype from it.
        self.kinds_for: Callable[[list[Any]], list[str]] | None = None
        super().__init__(**kwargs)
        self._shape_from(self.value)
        self.observe(self._replaced, names="value")
        self.observe(self._resorted, names=["sort_by", "query"])
        self.on_msg(self._view_message)

    # -- kernel -> page --------------------------------------------------------------------
    def _shape_from(self, payload: dict[str, Any]) -> None:
        data = payload.get("data") or []
        self.n_rows = len(data)
        self.headers = [js_cell(h) for h in payload.get("headers") or []]
        self._reorder()

    def _reorder(self) -> None:
        """The rows listed, in order, for the page's search and sort (None: all, as held)."""
        data = self.value.get("data") or []
        order: list[int] | None = None
        query = self.query.strip().lower()
        if query:
            order = [i for i, row in enumerate(data) if any(query in ("" if c is None else str(c)).lower() for c in row)]
        if len(self.sort_by) == 2:
            col, direction = int(self.sort_by[0]), self.sort_by[1]

            def key(i: int) -> tuple[int, Any]:
                cell = data[i][col] if col < len(data[i]) else None
                if cell is None:
                    return (2, 0)  # empty cells last, either way
                if isinstance(cell, (int, float)) and not isinstance(cell, bool):
                    return (0, cell)
                return (1, str(cell))

            rows = order if order is not None else list(range(len(data)))
            listed = sorted((i for i in rows if key(i)[0] < 2), key=key, reverse=direction == "desc")
            order = listed + [i for i in rows if key(i)[0] == 2]
        self._order = order
        self.shown_rows = len(data) if order is None else len(order)

    def _resorted(self, _change: dict[str, Any]) -> None:
        self._reorder()
        self.version += 1

    def _replaced(self, change: dict[str, Any]) -> None:
        if self._local_edit:
            return  # the page made this change and holds it already
        self._shape_from(change["new"])
        self.version += 1

    def rows_message(self, start: int, end: int) -> dict[str, Any]:
        """The message answering a view's request for rows ``start`` to ``end`` (excluded)."""
        data = self.value.get("data") or []
        listed = len(data) if self._order is None else len(self._order)
        start = max(0, min(int(start), listed))
        end = max(start, min(int(end), listed, start + MAX_WINDOW))
        message: dict[str, Any] = {"op": "rows", "version": self.version, "start": start}
        if self._order is None:
            rows = data[start:end]
            index = list(range(start, end))
        else:
            end = max(start, min(end, len(self._order)))
            index = self._order[start:end]
            rows = [data[i] for i in index]
            message["index"] = index  # the rows' places in the table, for edits and selection
        message["rows"] = rows
        html = self._rendered(rows)
        if html:
            message["html"] = html
        metadata = self.value.get("metadata") or {}
        for key, name in (("display_value", "display"), ("styling", "styling")):
            part = metadata.get(key)
            if part:
                message[name] = [part[i] if i < len(part) else None for i in index]
        return message

    def _rendered(self, rows: list[list[Any]]) -> dict[str, list[str]]:
        """Sanitized HTML of the markdown and html columns of ``rows``, by column index."""
        html: dict[str, list[str]] = {}
        for col, kind in enumerate(self.datatype):
            if kind in ("markdown", "html"):
                html[str(col)] = [self._cell_html(row[col] if col < len(row) else "", kind) for row in rows]
        return html

    def _cell_html(self, value: Any, kind: str) -> str:
        text = "" if value is None else str(value)
        if kind == "html":
            return sanitize(text)
        if not self.line_breaks:
            return to_safe_html(text)
        return to_safe_html(text.replace("\n", "  \n"))

    # -- page -> kernel --------------------------------------------------------------------
    def _view_message(self, _widget: Any, content: Any, _buffers: Any) -> None:
        if not isinstance(content, dict):
            return
        op = content.get("op")
        if op == "rows":
            self.send(self.rows_message(content.get("start", 0), content.get("end", 0)))
        elif op == "edit":
            self.apply_edit(int(content["row"]), int(content["col"]), content.get("value"))
        elif op == "select":
            self.select_cell(int(content["row"]), int(content["col"]))
        elif op == "add_row":
            self.add_row(_index(content.get("at")))
        elif op == "delete_row":
            self.delete_row(int(content["row"]))
        elif op == "add_column":
            self.add_column(_index(content.get("at")))
        elif op == "delete_column":
            self.delete_column(int(content["col"]))
        elif op == "copy":
            self.send({"op": "copy", "text": self.copy_text()})

    # -- the table's shape, changed by a person ------------------------------------------------
    def _reshape(self, headers: list[Any], data: list[list[Any]], kinds: list[str] | None = None) -> None:
        """Replace the value with a person's reshaped table, as Gradio's page sends it (no
        metadata: a Styler's text no longer lines up); fires change and input. ``kinds``: the
        columns' datatypes when the component gives no rule (``kinds_for``)."""
        if kinds is not None:
            # Before the value: the views then redraw once, with the new columns' types.
            self.datatype = self.kinds_for(headers) if self.kinds_for is not None else kinds
        self.value = {"headers": headers, "data": data, "metadata": None}

    def add_row(self, at: int | None = None) -> None:
        """Insert an empty row (``""`` cells, as Gradio's page) before row ``at``, or last."""
        if self.disabled or not self.row_dynamic:
            return
        data = list(self.value.get("data") or [])
        width = len(data[0]) if data else len(self.headers) or 1
        at = len(data) if at is None else max(0, min(at, len(data)))
        data.insert(at, [""] * width)
        self._reshape(list(self.headers), data)

    def delete_row(self, row: int) -> None:
        """Delete row ``row``; the last row stays, as in Gradio."""
        data = list(self.value.get("data") or [])
        if self.disabled or not self.row_dynamic or len(data) <= 1 or not 0 <= row < len(data):
            return
        del data[row]
        self._reshape(list(self.headers), data)

    def add_column(self, at: int | None = None) -> None:
        """Insert a column "Header N" (N: the new column count) before column ``at``, or last."""
        if self.disabled or not self.col_dynamic:
            return
        headers = list(self.headers)
        at = len(headers) if at is None else max(0, min(at, len(headers)))
        headers.insert(at, f"Header {len(headers) + 1}")
        data = [[*row[:at], "", *row[at:]] for row in self.value.get("data") or []]
        self._shift_sort(at, 1)
        self._reshape(headers, data, [*self.datatype[:at], "str", *self.datatype[at:]])

    def delete_column(self, col: int) -> None:
        """Delete column ``col``; the last column stays, as in Gradio."""
        headers = list(self.headers)
        if self.disabled or not self.col_dynamic or len(headers) <= 1 or not 0 <= col < len(headers):
            return
        del headers[col]
        data = [[*row[:col], *row[col + 1 :]] for row in self.value.get("data") or []]
        self._shift_sort(col, -1)
        self._reshape(headers, data, [*self.datatype[:col], *self.datatype[col + 1 :]])

    def _shift_sort(self, col: int, by: int) -> None:
        """Keep the page's sort on its column when a column before it comes or goes."""
        if len(self.sort_by) == 2 and self.sort_by[0] >= col:
            if by < 0 and self.sort_by[0] == col:
                self.sort_by = []
            else:
                self.sort_by = [self.sort_by[0] + by, self.sort_by[1]]

    def copy_text(self) -> str:
        """The whole table as Gradio's copy button gives it: CSV rows of the cells, no headers."""
        return "\n".join(",".join(_csv_cell(c) for c in row) for row in self.value.get("data") or [])

    def apply_edit(self, row: int, col: int, text: Any) -> None:
        """A cell edited in the page: cast ``text`` to the column's type, update the value
        (which fires ``change`` and ``input``), echo the cell to the views, then run the
        ``edit`` handlers with Gradio's EditData payload."""
        if self.disabled or col in self.static_columns:
            return
        payload = self.value
        data = payload.get("data") or []
        if not (0 <= row < len(data)) or not (0 <= col < len(data[row])):
            return
        kind = self.datatype[col] if col < len(self.datatype) else "str"
        new = cast_cell(text, kind)
        previous = data[row][col]
        if new == previous and type(new) is type(previous):
            return
        edited = list(data[row])
        edited[col] = new
        rows = list(data)  # a new list: a new value, sharing every row but the edited one
        rows[row] = edited
        echo: dict[str, Any] = {"op": "cell", "version": self.version, "row": row, "col": col, "value": new}
        if kind in ("markdown", "html"):
            echo["html"] = self._cell_html(new, kind)
        self.send(echo)
        self._local_edit = True
        try:
            self.value = {**payload, "data": rows}
        finally:
            self._local_edit = False
        listed = self._order
        self._reorder()  # the edited value may move the row in a sorted or searched listing
        if self._order != listed:
            self.version += 1
        event = {"index": [row, col], "value": "" if text is None else str(text), "previous_value": "" if previous is None else str(previous)}
        for handler in list(self.edit_handlers):
            handler(event)

    def select_cell(self, row: int, col: int) -> None:
        """A cell clicked in the page: run the ``select`` handlers with Gradio's SelectData
        payload (the row and the column are read here, so they never cross the wire)."""
        data = self.value.get("data") or []
        if not (0 <= row < len(data)) or not (0 <= col < len(data[row])):
            return
        event = {
            "index": [row, col],
            "value": data[row][col],
            "row_value": list(data[row]),
            "col_value": [r[col] if col < len(r) else None for r in data],
        }
        for handler in list(self.select_handlers):
            handler(event)


def _index(value: Any) -> int | None:
    return None if value is None else int(value)


def _csv_cell(value: Any) -> str:
    """A cell as Gradio's copy button writes it: its text (``true``, not ``True``), quoted
    when it holds a comma, a quote or a line break."""
    text = "" if value is None else ("true" if value is True else "false" if value is False else str(value))
    return f'"{text.replace(chr(34), chr(34) * 2)}"' if any(c in text for c in ',"\n') else text


# -- the component ---------------------------------------------------------------------------


def _counts(count: Any, default: int) -> tuple[int, str]:
    """Gradio's normalised ``row_count``/``column_count``: ``(n, "dynamic" | "fixed")``."""
    if count is None:
        return (default, "dynamic")
    if isinstance(count, (int, float)):
        return (int(count), "dynamic")
    return tuple(count)  # type: ignore[return-value]


class Dataframe(FormComponent):
    """A table of values: an editable spreadsheet as an input, a table as an output.

    Takes a pandas DataFrame, a pandas Styler (its formatted text and cell CSS are shown), a
    numpy array, a polars DataFrame (if polars is installed), a list of lists (a flat list is
    one column), a dict ``{"data": [...], "headers": [...]}`` or the path of a CSV file. The
    function receives what ``type`` says, exactly as Gradio builds it: ``"pandas"`` a
    ``pd.DataFrame(data, columns=headers)``, ``"numpy"`` ``np.array(data)``, ``"array"`` the
    list of lists, ``"polars"`` a polars DataFrame.

    The page shows only the rows in view (plus a margin) and asks the kernel for more as it
    scrolls, so a table of any length opens at once. Double-click a cell (or select it and
    type) to edit it when ``interactive``; Enter or leaving the cell commits, Escape cancels.
    The kernel stores the typed text as the column's type (``datatype="number"`` gives a
    number, ``"bool"`` a boolean), then fires ``change``, ``input`` and ``edit``
    (``gr.EditData``: ``index``, ``value`` and ``previous_value`` as text). Clicking a cell
    fires ``select`` (``gr.SelectData``: ``index`` ``[row, col]``, ``value``, ``row_value``,
    ``col_value``).

    Honoured: ``headers``, ``column_count`` (``col_count``), ``datatype`` (per column or one
    for all; "auto" guesses from the dtypes; "markdown" and "html" cells are sanitized),
    ``type``, ``label``, ``show_label``, ``interactive``, ``max_height``, ``wrap``,
    ``line_breaks``, ``column_widths``, ``show_row_numbers``, ``max_chars``,
    ``pinned_columns``, ``static_columns``, ``show_search`` ("search" and "filter" both show a
    search box), ``buttons`` ("copy": the table, or the selected cell, as CSV on the clipboard;
    "fullscreen"; both by default), and whether ``row_count`` and ``column_count`` are
    "dynamic" (the default) or "fixed": where rows are dynamic an empty editable table shows
    Gradio's "+" bar, and the menu of a selected cell ("⋮" or a right click) adds rows above or
    below and deletes one; where columns are dynamic it adds and deletes columns ("Header N"),
    and each header has a menu (sort, columns). New cells hold ``""``, as Gradio's page makes
    them. A click on a header sorts by that column (ascending, descending, as given), in the
    kernel; like the search, it changes only what is shown: functions receive the table as
    held, and ``select``/``edit`` indexes are rows of that table, as in Gradio. Accepted and
    ignored: the initial ``row_count`` number (the table has as many rows as its value, as in
    Gradio), ``row_limits``, ``column_limits``, ``latex_delimiters``, ``scale``,
    ``min_width``.
    Differences from Gradio: NaN and infinite cells are ``None`` (as they are once Gradio's
    page holds them; pandas shows NaN again); an emptied number cell is ``None``.
    """

    EVENTS: ClassVar[tuple[str, ...]] = ("change", "input", "select", "edit")
    UPDATABLE = (
        "label", "show_label", "interactive", "elem_id", "elem_classes",
        "headers", "row_count", "row_limits", "col_count", "column_count", "column_limits", "datatype", "type",
        "latex_delimiters", "max_height", "scale", "min_width", "preserved_by_key", "wrap", "line_breaks",
        "column_widths", "buttons", "show_row_numbers", "max_chars", "show_search", "pinned_columns",
        "static_columns",
    )
    select = listener("select", "Run ``fn`` when the user clicks a cell (``gr.SelectData``: index [row, col], value, row_value, col_value).")
    edit = listener("edit", "Run ``fn`` after the user edits a cell (``gr.EditData``: index, value, previous_value).")

    def __init__(
        self,
        value: Any = None,
        *,
        headers: list[str] | None = None,
        row_count: int | None = None,
        row_limits: tuple[int | None, int | None] | None = None,
        col_count: Any = None,
        column_count: int | None = None,
        column_limits: tuple[int | None, int | None] | None = None,
        datatype: str | Sequence[str] = "str",
        type: str = "pandas",
        latex_delimiters: list[dict[str, str | bool]] | None = None,
        label: str | None = None,
        show_label: bool | None = None,
        every: Any = None,
        inputs: Any = None,
        max_height: int | str = 500,
        scale: int | None = None,
        min_width: int = 160,
        interactive: bool | None = None,
        visible: bool = True,
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
        render: bool = True,
        key: Any = None,
        preserved_by_key: list[str] | str | None = "value",
        wrap: bool = False,
        line_breaks: bool = True,
        column_widths: list[str | int] | None = None,
        buttons: list[str] | None = None,
        show_row_numbers: bool = False,
        max_chars: int | None = None,
        show_search: str = "none",
        pinned_columns: int | None = None,
        static_columns: list[int] | None = None,
    ) -> None:
        if col_count is not None:  # as in Gradio 6: only a warning, column_count decides
            warnings.warn(
                "The `col_count` parameter is deprecated and will be removed. Please use `column_count` instead.",
                UserWarning,
                stacklevel=2,
            )
        self.row_count = _counts(row_count, 3)
        self.row_limits = row_limits
        self.column_count = self.col_count = _counts(column_count, len(headers) if headers else 3)
        self.column_limits = column_limits
        if headers is not None and len(headers) != self.column_count[0]:
            raise ValueError(
                "The length of the headers list must be equal to the column_count.\n"
                f"The column count is set to {self.column_count[0]} but `headers` has {len(headers)} items. "
                "Check the values passed to `column_count` and `headers`."
            )
        self.headers = list(headers) if headers is not None else [str(i) for i in range(1, self.column_count[0] + 1)]
        if type not in TYPES:
            raise ValueError(f"Invalid value for parameter `type`: {type}. Please choose from one of: {list(TYPES)}")
        if type == "polars" and _polars() is None:
            raise ImportError("Polars is not installed. Please install using `pip install polars`.")
        self.type = type
        if datatype == "auto":
            self.datatype: str | Sequence[str] = auto_datatype(value() if callable(value) else value)
        else:
            self.datatype = datatype
        self.latex_delimiters = latex_delimiters if latex_delimiters is not None else [{"left": "$$", "right": "$$", "display": True}]
        self.max_height = max_height
        self.scale = scale
        self.min_width = min_width
        self.preserved_by_key = preserved_by_key
        self.wrap = wrap
        self.line_breaks = line_breaks
        self.column_widths = _widths(column_widths)
        self.buttons = buttons
        self.show_row_numbers = show_row_numbers
        self.max_chars = max_chars
        self.show_search = show_search
        self.pinned_columns = pinned_columns
        self.static_columns = list(static_columns or [])
        super().__init__(
            value,
            label=label,
            show_label=show_label,
            scale=scale,
            min_width=min_width,
            interactive=interactive,
            visible=visible,
            elem_id=elem_id,
            elem_classes=elem_classes,
            render=render,
            key=key,
            preserved_by_key=preserved_by_key,
            every=every,
            inputs=inputs,
        )

    def _after_props(self, props: dict[str, Any]) -> None:
        super()._after_props(props)
        if "column_widths" in props:
            self.column_widths = _widths(self.column_widths)
        if "type" in props and self.type not in TYPES:
            raise ValueError(f"Invalid value for parameter `type`: {self.type}. Please choose from one of: {list(TYPES)}")
        if "row_count" in props:
            self.row_count = _counts(self.row_count, 3)
        if "column_count" in props or "col_count" in props:
            count = self.column_count if "column_count" in props else self.col_count
            self.column_count = self.col_count = _counts(count, len(self.headers))

    # -- value pipeline ----------------------------------------------------------------------
    def postprocess(self, value: Any) -> dict[str, Any]:
        """Gradio's payload ``{"headers", "data", "metadata"}``, with each cell as the page
        holds it (see :func:`js_cell`)."""
        if _is_styler(value) and self.interactive:
            warnings.warn(
                "Cannot display Styler object in interactive mode. Will display as a regular pandas dataframe instead.",
                stacklevel=2,
            )
        try:
            headers = _headers_of(value) or list(self.headers)
            data = [] if _is_empty(value) else _cells_of(value)
        except Error:
            raise
        except (OSError, TypeError, ValueError, KeyError, IndexError, AttributeError) as err:
            raise Error(f"Dataframe: cannot show {type(value).__name__} value: {err}.") from None
        headers = [js_cell(h) for h in headers]
        if not data:
            return {"headers": headers, "data": [], "metadata": None}
        width = len(data[0])
        if len(headers) > width:
            headers = headers[:width]
        elif len(headers) < width:
            headers = [*headers, *(str(i) for i in range(len(headers) + 1, width + 1))]
        metadata = None
        if _is_styler(value):
            metadata = _styler_metadata(value)
        elif isinstance(value, dict):
            metadata = value.get("metadata")
        return {"headers": headers, "data": data, "metadata": metadata}

    def preprocess(self, payload: dict[str, Any] | None) -> Any:
        """What ``type`` says, built from the held table as Gradio builds it."""
        payload = payload or {"headers": list(self.headers), "data": [], "metadata": None}
        headers, data = payload.get("headers"), payload.get("data") or []
        if self.type == "pandas":
            import pandas as pd

            if headers is not None:
                return pd.DataFrame([] if data == [[]] else data, columns=headers)
            return pd.DataFrame(data)
        if self.type == "polars":
            pl = _polars()
            if headers is not None:
                return pl.DataFrame([] if data == [[]] else data, schema=headers, orient="row")
            return pl.DataFrame(data)
        if self.type == "numpy":
            import numpy as np

            return np.array(data)
        return [list(row) for row in data]  # a copy: the function may change it in place

    def initial_payload(self) -> dict[str, Any]:
        """A new session's table, with rows of its own: a copy of each row (cells are JSON
        scalars), about four times faster than the base class's deep copy for a large table."""
        if self.load_fn is not None:
            return self.postprocess(self.load_fn())
        payload = self.value
        metadata = payload.get("metadata")
        if metadata:
            metadata = {k: [list(r) for r in v] if isinstance(v, list) else v for k, v in metadata.items()}
        return {"headers": list(payload["headers"]), "data": [row[:] for row in payload["data"]], "metadata": metadata}

    # -- widget ------------------------------------------------------------------------------
    def make_widget(self, payload: Any, interactive: bool) -> DataframeWidget:
        widget = DataframeWidget(value=payload or self.postprocess(None))
        self.sync_props(widget, interactive)
        return widget

    def write_widget(self, widget: DataframeWidget, payload: Any) -> None:
        payload = payload or self.postprocess(None)
        # Types first, for the new headers: the value's change then redraws the views once.
        self._sync_datatype(widget, [js_cell(h) for h in payload.get("headers") or []], bump=False)
        widget.value = payload

    def sync_props(self, widget: DataframeWidget, interactive: bool) -> None:
        sync_label(self, widget)
        widget.disabled = not interactive
        widget.max_height = css_size(self.max_height, none="500px")
        widget.wrap = bool(self.wrap)
        widget.line_breaks = bool(self.line_breaks)
        widget.column_widths = list(self.column_widths)
        widget.show_row_numbers = bool(self.show_row_numbers)
        widget.pinned_columns = int(self.pinned_columns or 0)
        widget.max_chars = int(self.max_chars or 0)
        widget.static_columns = [int(c) for c in self.static_columns if isinstance(c, int)]
        widget.show_search = str(self.show_search or "none")
        widget.row_dynamic = self.row_count[1] == "dynamic"
        widget.col_dynamic = self.column_count[1] == "dynamic"
        widget.buttons = ["copy", "fullscreen"] if self.buttons is None else [str(b) for b in self.buttons]
        widget.kinds_for = self.kinds_for
        self._sync_datatype(widget)
        self._style_widget(widget)

    def _sync_datatype(self, widget: DataframeWidget, headers: list[Any] | None = None, bump: bool = True) -> None:
        """One datatype per column of the value shown (Gradio aligns a list by header name
        with the configured headers; unknown columns are "str"). ``bump``: make the views
        ask for their rows again (markdown and html cells are rendered by type)."""
        kinds = self.kinds_for(widget.headers if headers is None else headers)
        if kinds != widget.datatype:
            widget.datatype = kinds
            if bump:
                widget.version += 1

    def kinds_for(self, headers: list[Any]) -> list[str]:
        """The datatype of each column named by ``headers``: a list of datatypes is matched
        by header name with the configured headers, else by place; unknown columns are "str"
        (Gradio's page aligns them so)."""
        if isinstance(self.datatype, str):
            kinds = [self.datatype] * len(headers)
        else:
            by_name = dict(zip(self.headers, self.datatype))
            listed = list(self.datatype)
            kinds = [by_name.get(h, listed[i] if i < len(listed) else "str") for i, h in enumerate(headers)]
        return [k if k in DATATYPES and k != "auto" else "str" for k in kinds]

    def connect(self, widget: DataframeWidget, event: str, fire: Callable[..., None]) -> bool:
        if event == "select":
            widget.select_handlers.append(fire)
            return True
        if event == "edit":
            widget.edit_handlers.append(fire)
            return True
        return False

    def drive(self, widget: DataframeWidget, event: str, data: Any) -> bool:
        """``sess.trigger(table, "select", {"index": [row, col]})``: a click on that cell, as
        the page sends it (the kernel fills in value, row and column); a payload with more
        than the index is passed on as given."""
        if event == "select" and isinstance(data, dict) and set(data) == {"index"}:
            row, col = data["index"]
            widget.select_cell(int(row), int(col))
            return True
        return False


def _widths(widths: list[str | int] | None) -> list[str]:
    """Gradio's column widths: numbers are pixels; "px", "%" and "auto" are kept."""
    return [
        w if isinstance(w, str) and (w.endswith("px") or w.endswith("%") or w == "auto") else f"{w}px"
        for w in (widths or [])
    ]


DataFrame = Dataframe


__all__ = ["DataFrame", "Dataframe", "DataframeWidget"]

__getattr__ = module_getattr(__name__, ("DataframeData",), DATA_MODEL)
