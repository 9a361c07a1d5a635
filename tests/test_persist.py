"""``gradio_nb.persist``: the JSON check and the SQLite file behind ``gr.State(persist=...)``.

Headless, on real files under ``tmp_path``; "a kernel restart" is a new Store object on the
same file, or a separate Python process.
"""

from __future__ import annotations

import collections
import dataclasses
import enum
import json
import math
import os
import re
import sqlite3
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gradio_nb import persist
from gradio_nb.persist import DEFAULT_FILE, PersistError, Store, decode, encode, store_for

ROOT = Path(__file__).resolve().parent.parent
WHERE = "gr.State(persist='cart')"


def same(a: Any, b: Any) -> bool:
    """Equal and of the same types all the way down (floats by repr, so -0.0 is not 0.0)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, float):
        return repr(a) == repr(b)
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    if isinstance(a, dict):
        return list(a) == list(b) and all(same(a[k], b[k]) for k in a)
    return a == b


@pytest.fixture
def store(tmp_path: Path) -> Any:
    s = Store(tmp_path / "state.sqlite")
    yield s
    s.close()


@pytest.fixture(autouse=True)
def fresh_stores(monkeypatch: pytest.MonkeyPatch) -> Any:
    """A private registry for ``store_for``, its connections closed after the test."""
    stores: dict[Path, Store] = {}
    monkeypatch.setattr(persist, "_stores", stores)
    yield
    for s in stores.values():
        s.close()


def load_fresh(path: Path, name: str) -> tuple[bool, Any]:
    """``name`` as a restarted kernel sees it: through a new Store, closed afterwards."""
    s = Store(path)
    try:
        return s.load(name)
    finally:
        s.close()


def run_python(code: str, *args: str) -> subprocess.Popen[str]:
    """Start ``python -c code args...`` with this checkout importable."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    return subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(code), *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


# --- encode / decode: what comes back ------------------------------------------------------

shared = [1, "two"]
ALLOWED = [
    None,
    True,
    False,
    0,
    -1,
    2**64,
    -(3**200),
    1.5,
    -0.0,
    1e308,
    5e-324,
    0.1,
    "",
    "plain",
    "héllo wörld ✓ 日本語 🎉",
    "quote \" backslash \\ newline \n tab \t nul \x00",
    "\ud800 lone surrogate",
    [],
    {},
    [None, True, 1, 1.0, "1", [], {}],
    {"a": 1, "b": [1, 2, {"c": None}], "ü": {"": [[[]]]}},
    {"z": 1, "a": 2, "m": 3},  # key order kept
    {"1": "str key that looks like an int", "True": False},
    [shared, shared],  # shared twice is not a cycle
    [[[[[[["deep"]]]]]]],
]


@pytest.mark.parametrize("value", ALLOWED, ids=lambda v: repr(v)[:40])
def test_allowed_values_round_trip_equal_and_same_type(value: Any) -> None:
    text = encode(value, WHERE)
    assert isinstance(text, str)
    assert same(decode(text), value)
    json.loads(text)  # plain JSON that any reader accepts


@pytest.mark.parametrize("value", ALLOWED, ids=lambda v: repr(v)[:40])
def test_allowed_values_round_trip_through_the_file(store: Store, value: Any) -> None:
    store.save("v", encode(value, WHERE))
    found, back = load_fresh(store.path, "v")
    assert found and same(back, value)


def test_negative_zero_keeps_its_sign() -> None:
    back = decode(encode(-0.0, WHERE))
    assert back == 0.0 and math.copysign(1.0, back) == -1.0


@dataclasses.dataclass
class Point:
    x: int
    y: int


class Colour(enum.IntEnum):
    RED = 1


class Name(str):
    pass


class Items(list):  # type: ignore[type-arg]
    pass


class Opaque:
    pass


REJECTED = [
    # (value, path in the message, type name in the message, advice in the message)
    ({"items": [1, 2, {3}]}, "value['items'][2]", "set", "store a list"),
    ({"tags": frozenset({"a"})}, "value['tags']", "frozenset", "store a list"),
    ((1, 2), "value", "tuple", "come back as a list"),
    ([[0, (1, 2)]], "value[0][1]", "tuple", "store a list"),
    ({"a": {1: "x"}}, "value['a']", "int", "str keys"),
    ({True: "x"}, "value", "bool", "str keys"),
    ({None: "x"}, "value", "NoneType", "str keys"),
    ({(1, 2): "x"}, "value", "tuple", "str keys"),
    ({"blob": b"\x00\x01"}, "value['blob']", "bytes", "store a str"),
    ([bytearray(b"x")], "value[0]", "bytearray", "store a str"),
    ({"x": float("nan")}, "value['x']", "float", "not valid JSON"),
    ([1.0, float("inf")], "value[1]", "float", "not valid JSON"),
    (float("-inf"), "value", "float", "not valid JSON"),
    ({"p": Point(1, 2)}, "value['p']", "Point", "asdict"),
    ([Opaque()], "value[0]", "Opaque", "only None, bool, int, float, str, list and dict"),
    ({"c": 1j}, "value['c']", "complex", "only None, bool, int"),
    ({"c": Colour.RED}, "value['c']", "Colour", "plain int"),
    ([Name("n")], "value[0]", "Name", "plain str"),
    ({"l": Items([1])}, "value['l']", "Items", "plain list"),
    ([collections.OrderedDict(a=1)], "value[0]", "OrderedDict", "plain dict"),
    ({"d": collections.defaultdict(list)}, "value['d']", "defaultdict", "plain dict"),
    ({"x": 10**5000}, "value['x']", "int", "digits"),
    ({"f": len}, "value['f']", "builtin_function_or_method", "only None"),
    ({"it": iter([1])}, "value['it']", "list_iterator", "only None"),
]


@pytest.mark.parametrize(("value", "path", "type_name", "advice"), REJECTED, ids=[f"{r[2]}@{r[1]}" for r in REJECTED])
def test_rejected_values_name_where_path_type_and_advice(value: Any, path: str, type_name: str, advice: str) -> None:
    with pytest.raises(PersistError) as caught:
        encode(value, WHERE)
    message = str(caught.value)
    assert WHERE in message
    assert f"{path} " in message  # the whole path, not a prefix of a longer one
    assert type_name in message
    assert advice in message


def test_persist_error_is_a_type_error() -> None:
    assert issubclass(PersistError, TypeError)
    with pytest.raises(TypeError):
        encode({1, 2}, WHERE)


def test_the_first_offending_part_in_document_order_is_reported() -> None:
    with pytest.raises(PersistError, match=r"value\[1\] is a set"):
        encode([1, {2}, b"x", (3,)], WHERE)
    with pytest.raises(PersistError, match=r"value\['a'\]\['b'\] is a bytes"):
        encode({"a": {"b": b"", "c": {1}}, "d": (1,)}, WHERE)


def test_a_huge_int_just_under_the_digit_limit_is_allowed() -> None:
    limit = sys.get_int_max_str_digits()
    big = 10 ** (limit - 1)
    assert decode(encode({"n": big}, WHERE)) == {"n": big}


# --- cycles, depth, cost -------------------------------------------------------------------


CYCLES = """
    import json
    from gradio_nb.persist import PersistError, encode

    loop = [1]
    loop.append(loop)  # a list that contains itself
    inner = {}
    looped = {"a": [0, {"b": inner}]}
    inner["back"] = looped  # a dict cycle deep inside
    top = node = []
    for _ in range(20_000):  # far below the recursion limit
        node.append([])
        node = node[0]
    node.append(top)
    messages = []
    for value in (loop, looped, top):
        try:
            encode(value, "gr.State(persist='cart')")
            messages.append("no error")
        except PersistError as err:
            messages.append(str(err))
    print(json.dumps(messages))
"""


def test_cycles_are_persist_errors() -> None:
    # In a child process: a missed cycle loops for ever, and is killed rather than hanging the run.
    child = run_python(CYCLES)
    try:
        out, err = child.communicate(timeout=60)
    finally:
        child.kill()
    assert child.returncode == 0, err
    self_loop, dict_loop, deep_loop = json.loads(out)
    assert WHERE in self_loop and "value[1] is a list" in self_loop and "cycle" in self_loop
    assert "value['a'][1]['b']['back'] is a dict" in dict_loop and "cycle" in dict_loop
    # 20,000 levels down, then `top` once more:
    assert "value" + "[0]" * 20_001 + " is a list" in deep_loop and "cycle" in deep_loop


def test_a_list_shared_by_two_branches_is_not_a_cycle() -> None:
    leaf = {"x": [1]}
    value = {"a": [leaf, leaf], "b": {"c": leaf}}
    assert decode(encode(value, WHERE)) == {"a": [{"x": [1]}, {"x": [1]}], "b": {"c": {"x": [1]}}}


def test_nesting_too_deep_for_json_is_a_persist_error_not_a_recursion_error() -> None:
    value: list[Any] = []
    for _ in range(sys.getrecursionlimit() * 20):
        value = [value]
    with pytest.raises(PersistError, match=re.escape(WHERE) + ".*nested too deeply"):
        encode(value, WHERE)


# --- Store -----------------------------------------------------------------------------------


def test_save_load_delete_and_names(store: Store) -> None:
    assert store.load("cart") == (False, None)
    assert store.names() == []
    store.save("cart", encode(["apple"], WHERE))
    store.save("b-name", encode(0, WHERE))
    assert store.load("cart") == (True, ["apple"])
    assert store.load("b-name") == (True, 0)
    assert store.names() == ["b-name", "cart"]
    store.save("cart", encode(["apple", "pear"], WHERE))  # an upsert, not a second row
    assert store.load("cart") == (True, ["apple", "pear"])
    assert store.names() == ["b-name", "cart"]
    store.delete("cart")
    store.delete("cart")  # deleting what is not there is fine
    store.delete("never-saved")
    assert store.load("cart") == (False, None)
    assert store.names() == ["b-name"]


def test_a_saved_none_is_found(store: Store) -> None:
    store.save("n", encode(None, WHERE))
    assert store.load("n") == (True, None)


def test_names_are_not_confused_by_sql_or_unicode(store: Store) -> None:
    odd = ["it's", "a; DROP TABLE states; --", "ü🎉", "", "%", "_"]
    for i, name in enumerate(odd):
        store.save(name, encode(i, WHERE))
    assert store.names() == sorted(odd)
    assert [store.load(name) for name in odd] == [(True, i) for i in range(len(odd))]
    assert store.load("x") == (False, None)  # "_" and "%" are not patterns


def test_the_file_holds_one_row_per_name_with_json_and_a_timestamp(store: Store) -> None:
    before = time.time()
    store.save("cart", encode({"n": 1}, WHERE))
    store.save("cart", encode({"n": 2}, WHERE))
    with sqlite3.connect(store.path) as db:
        rows = db.execute("SELECT name, value, updated FROM states").fetchall()
    assert len(rows) == 1
    name, value, updated = rows[0]
    assert name == "cart" and json.loads(value) == {"n": 2}
    assert before - 1 <= updated <= time.time() + 1


def test_reading_a_missing_file_does_not_create_it(tmp_path: Path) -> None:
    path = tmp_path / "missing.sqlite"
    s = Store(path)
    assert s.load("x") == (False, None)
    assert s.names() == []
    s.delete("x")
    s.close()
    assert not path.exists()
    assert list(tmp_path.iterdir()) == []
    s.save("x", encode(1, WHERE))
    assert path.is_file()
    assert s.load("x") == (True, 1)
    s.close()


def test_a_missing_folder_is_a_clear_error_and_not_created(tmp_path: Path) -> None:
    s = Store(tmp_path / "no" / "such" / "dir" / "state.sqlite")
    assert s.load("x") == (False, None)
    with pytest.raises(FileNotFoundError, match="folder does not exist"):
        s.save("x", "1")
    assert not (tmp_path / "no").exists()


def test_the_store_path_is_absolute_and_resolved_at_construction(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    s = Store("rel.sqlite")
    assert s.path == (tmp_path / "rel.sqlite").resolve()
    (tmp_path / "elsewhere").mkdir()
    monkeypatch.chdir(tmp_path / "elsewhere")
    s.save("x", "1")  # still the first folder: a chdir does not move the file
    s.close()
    assert (tmp_path / "rel.sqlite").is_file() and not (tmp_path / "elsewhere" / "rel.sqlite").exists()


def test_values_survive_a_new_store_on_the_same_file(store: Store) -> None:
    store.save("cart", encode({"items": ["apple"], "total": 1.25}, WHERE))
    store.close()  # the kernel goes away
    after_restart = Store(str(store.path))
    assert after_restart.load("cart") == (True, {"items": ["apple"], "total": 1.25})
    assert after_restart.names() == ["cart"]
    after_restart.close()


def test_the_file_is_in_wal_mode_so_readers_do_not_block_a_writer(store: Store) -> None:
    store.save("a", "1")
    with sqlite3.connect(store.path) as db:
        assert db.execute("PRAGMA journal_mode").fetchone() == ("wal",)


def test_two_open_stores_on_one_file_see_each_others_writes(store: Store) -> None:
    other = Store(store.path)
    store.save("a", "1")
    assert other.load("a") == (True, 1)
    other.save("a", "2")
    assert store.load("a") == (True, 2)
    other.close()


def test_close_then_use_again_reopens(store: Store) -> None:
    store.save("a", "1")
    store.close()
    store.close()  # twice is fine
    assert store.load("a") == (True, 1)


def test_close_leaves_one_self_contained_file(store: Store) -> None:
    store.save("a", "1")
    wal = store.path.with_name(store.path.name + "-wal")
    assert wal.exists()  # open: writes may still sit in the write-ahead log
    store.close()
    assert not wal.exists()  # closed: checkpointed into the file, which can be copied alone


def test_closing_while_other_threads_read_and_write(store: Store) -> None:
    errors: list[BaseException] = []
    done = threading.Event()

    def work(tag: int) -> None:
        try:
            for i in range(300):
                store.save(f"t{tag}", encode(i, WHERE))
                assert store.load(f"t{tag}") == (True, i)
        except BaseException as err:  # noqa: BLE001 - reported below
            errors.append(err)

    def closer() -> None:
        while not done.is_set():
            store.close()  # e.g. the kernel shutting down while a callback saves

    workers = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    closing = threading.Thread(target=closer)
    closing.start()
    for t in workers:
        t.start()
    for t in workers:
        t.join()
    done.set()
    closing.join()
    assert errors == []
    assert [store.load(f"t{n}") for n in range(4)] == [(True, 299)] * 4


def test_a_value_written_by_another_process_is_read_here(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite"
    child = run_python(
        """
        import sys
        from gradio_nb.persist import Store, encode
        store = Store(sys.argv[1])
        store.save("cart", encode({"items": ["apple", "pear"], "n": 2, "ü": None}, "test"))
        store.close()
        """,
        str(path),
    )
    _, err = child.communicate(timeout=60)
    assert child.returncode == 0, err
    assert load_fresh(path, "cart") == (True, {"items": ["apple", "pear"], "n": 2, "ü": None})


def test_a_value_written_here_is_read_by_another_process(store: Store) -> None:
    store.save("cart", encode(["x", 1, None], WHERE))
    child = run_python(
        """
        import json, sys
        from gradio_nb.persist import Store
        print(json.dumps(Store(sys.argv[1]).load("cart")))
        """,
        str(store.path),
    )
    out, err = child.communicate(timeout=60)
    assert child.returncode == 0, err
    assert json.loads(out) == [True, ["x", 1, None]]


WRITER = """
    import os, sys, time
    from gradio_nb.persist import Store, encode
    path, tag, go = sys.argv[1:]
    while not os.path.exists(go):  # both processes start writing at once, on a missing file
        time.sleep(0.001)
    store = Store(path)
    for i in range(200):
        store.save("own-" + tag, encode(i, "test"))
        store.save("shared", encode([tag, i], "test"))
        found, value = store.load("shared")
        assert found and value[1] in range(200), value
    store.close()
    print("done", tag)
"""


def test_two_processes_writing_the_same_file_at_once_never_see_database_is_locked(tmp_path: Path) -> None:
    path, go = tmp_path / "state.sqlite", tmp_path / "go"
    children = [run_python(WRITER, str(path), tag, str(go)) for tag in ("a", "b")]
    time.sleep(0.5)  # let both interpreters reach the waiting loop
    go.touch()
    results = [child.communicate(timeout=120) for child in children]
    for child, (out, err) in zip(children, results):
        assert "locked" not in err
        assert child.returncode == 0, err
        assert out.startswith("done")
    s = Store(path)
    assert s.names() == ["own-a", "own-b", "shared"]
    assert s.load("own-a") == (True, 199) and s.load("own-b") == (True, 199)
    assert s.load("shared") in [(True, ["a", 199]), (True, ["b", 199])]
    s.close()


def test_threads_sharing_one_store(store: Store) -> None:
    errors: list[BaseException] = []

    def work(tag: int) -> None:
        try:
            for i in range(100):
                store.save(f"t{tag}", encode(i, WHERE))
                store.save("shared", encode(tag, WHERE))
                assert store.load(f"t{tag}") == (True, i)
                store.names()
        except BaseException as err:  # noqa: BLE001 - reported below
            errors.append(err)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert store.names() == sorted([*(f"t{n}" for n in range(8)), "shared"])
    assert all(store.load(f"t{n}") == (True, 99) for n in range(8))


def test_a_row_of_corrupt_json_warns_and_counts_as_not_found(store: Store) -> None:
    store.save("good", "[1]")
    store.save("cart", '{"items": [1, 2')  # e.g. written by hand or by a broken tool
    with pytest.warns(UserWarning) as caught:
        assert store.load("cart") == (False, None)
    message = str(caught[0].message)
    assert str(store.path) in message and "'cart'" in message
    assert store.load("good") == (True, [1])


def test_a_null_value_warns_and_counts_as_not_found(store: Store) -> None:
    store.save("cart", "1")
    with sqlite3.connect(store.path) as db:
        db.execute("UPDATE states SET value = NULL")
    with pytest.warns(UserWarning, match="cart"):
        assert store.load("cart") == (False, None)


def test_a_file_that_is_not_sqlite_is_a_value_error_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_text("These are my notes, not a database.\n" * 200)
    s = Store(path)
    for call in (lambda: s.load("x"), lambda: s.save("x", "1"), s.names, lambda: s.delete("x")):
        with pytest.raises(ValueError, match="not a SQLite database") as caught:
            call()
        assert str(path) in str(caught.value)
        assert isinstance(caught.value.__cause__, sqlite3.DatabaseError)
    assert path.read_text().startswith("These are my notes")  # left as it was
    s.close()


def test_an_empty_file_is_an_empty_database(tmp_path: Path) -> None:
    path = tmp_path / "empty.sqlite"
    path.touch()
    s = Store(path)
    assert s.load("x") == (False, None)
    s.save("x", "1")
    assert s.load("x") == (True, 1)
    s.close()


def test_another_apps_sqlite_file_gets_its_own_table(tmp_path: Path) -> None:
    path = tmp_path / "app.sqlite"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE users (id INTEGER)")
    s = Store(path)
    assert s.load("x") == (False, None)
    s.save("x", "1")
    assert s.names() == ["x"]
    s.close()
    with sqlite3.connect(path) as db:
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert tables == {"users", "states"}


# --- store_for -------------------------------------------------------------------------------


def test_store_for_gives_one_store_per_resolved_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(tmp_path)
    a = store_for(tmp_path / "s.sqlite")
    assert store_for(str(tmp_path / "s.sqlite")) is a
    assert store_for("s.sqlite") is a
    assert store_for("sub/../s.sqlite") is a
    assert store_for(Path("./s.sqlite")) is a
    assert store_for("other.sqlite") is not a
    assert a.path == (tmp_path / "s.sqlite").resolve()


def test_store_for_defaults_to_the_file_in_the_current_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    one.mkdir()
    two.mkdir()
    monkeypatch.chdir(one)
    first = store_for(None)
    assert first.path == (one / DEFAULT_FILE).resolve()
    assert DEFAULT_FILE == "gradio_nb_state.sqlite"
    assert store_for(None) is first
    assert store_for(DEFAULT_FILE) is first
    assert not (one / DEFAULT_FILE).exists()  # nothing written yet
    monkeypatch.chdir(two)  # resolved at call time, not at import
    second = store_for(None)
    assert second is not first and second.path == (two / DEFAULT_FILE).resolve()
    second.save("x", "1")
    assert (two / DEFAULT_FILE).is_file() and not (one / DEFAULT_FILE).exists()


def test_store_for_is_one_store_across_threads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    class SlowStore(Store):  # widens the window between "not made yet" and "made"
        def __init__(self, path: Any) -> None:
            time.sleep(0.05)
            super().__init__(path)

    monkeypatch.setattr(persist, "Store", SlowStore)
    got: list[Store] = []
    start = threading.Barrier(16)

    def get() -> None:
        start.wait()
        got.append(store_for(tmp_path / "t.sqlite"))

    threads = [threading.Thread(target=get) for _ in range(16)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(got) == 16 and all(s is got[0] for s in got)


# --- properties ------------------------------------------------------------------------------

json_safe = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(),
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=8), inner, max_size=5),
    max_leaves=40,
)


@settings(max_examples=300, database=None, deadline=None)
@given(json_safe)
def test_every_json_safe_value_round_trips(value: Any) -> None:
    assert same(decode(encode(value, WHERE)), value)


@settings(max_examples=100, database=None, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(value=json_safe)
def test_every_json_safe_value_round_trips_through_a_new_store(tmp_path: Path, value: Any) -> None:
    path = tmp_path / "prop.sqlite"
    writer = Store(path)
    writer.save("v", encode(value, WHERE))
    writer.close()
    reader = Store(path)
    found, back = reader.load("v")
    reader.close()
    assert found and same(back, value)


BAD_LEAVES = [(1, 2), {1}, b"x", float("nan"), Point(0, 0), Opaque()]


@settings(max_examples=200, database=None, deadline=None)
@given(st.lists(st.integers(0, 3) | st.text(max_size=5), max_size=6), st.sampled_from(BAD_LEAVES), json_safe)
def test_the_reported_path_leads_to_the_bad_part(keys: list[Any], bad: Any, filler: Any) -> None:
    value: Any = bad
    for key in reversed(keys):  # wrap the bad part so that value[k0][k1]... is it
        if isinstance(key, int):
            value = [filler] * key + [value]
        else:
            value = {key: value}
    path = "value" + "".join(f"[{k!r}]" for k in keys)
    with pytest.raises(PersistError) as caught:
        encode(value, WHERE)
    assert f"{path} is a " in str(caught.value) and type(bad).__qualname__ in str(caught.value)
