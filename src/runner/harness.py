# The test harness for ML coding rounds. Pure Python (no third-party modules), so the same file
# runs in Pyodide in the browser, in Pyodide under Node for check:rounds, and in CPython.
#
# Entry point: run_suite(request_json) -> result_json. The request names the person's source,
# the entry point and the tests; every test is data (arguments -> expected value, a sequence of
# calls on a class, or a property checked by a function from the template's checker).

import json
import math
import random
import sys
import time
import traceback

USER_FILE = "<solution>"
CHECKER_FILE = "<checker>"
DEFAULT_OUTPUT_CAP = 100_000
DEFAULT_SEED = 20240601
RECURSIVE_CUTOFF = 3  # as traceback._RECURSIVE_CUTOFF


# ---------- values in and out ---------------------------------------------------------------
# JSON has no inf or NaN, and writes the float 1000.0 as the int 1000: such floats travel as
# {"$float": "inf" | "-inf" | "nan" | "1000.0"}, both ways.


def decode(value):
    if isinstance(value, list):
        return [decode(v) for v in value]
    if isinstance(value, dict):
        if len(value) == 1 and "$float" in value:
            return float(value["$float"])
        if len(value) == 1 and "$tuple" in value:
            return tuple(decode(v) for v in value["$tuple"])
        return {k: decode(v) for k, v in value.items()}
    return value


def encode(value, depth=0):
    """A JSON-safe picture of any value, for showing what the code returned."""
    if depth > 20:
        return {"$repr": "…"}
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, int):
        return value if abs(value) < 2**53 else {"$repr": repr(value)}
    if isinstance(value, float):
        if math.isnan(value):
            return {"$float": "nan"}
        if math.isinf(value):
            return {"$float": "inf" if value > 0 else "-inf"}
        if value.is_integer():
            return {"$float": repr(value)}
        return value
    if isinstance(value, (list, tuple)):
        items = [encode(v, depth + 1) for v in value[:10_000]]
        return {"$tuple": items} if isinstance(value, tuple) else items
    if isinstance(value, dict):
        return {str(k): encode(v, depth + 1) for k, v in list(value.items())[:10_000]}
    text = repr(value)
    return {"$repr": text if len(text) < 2000 else text[:2000] + "…"}


# ---------- comparison ----------------------------------------------------------------------


def _is_number(x):
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def _fmt(x):
    text = repr(x)
    return text if len(text) <= 80 else text[:77] + "..."


def compare(got, expected, rel, abs_, path="", mismatches=None, limit=20):
    """Collects (path, message) for every place where got differs from expected.

    Numbers compare like math.isclose(rel_tol=rel, abs_tol=abs_); NaN equals NaN and an
    infinity equals the same infinity. A tuple equals a list with equal items. Dicts compare
    by key. Everything else compares with ==.
    """
    if mismatches is None:
        mismatches = []
    if len(mismatches) >= limit:
        return mismatches
    where = path or "value"
    if _is_number(expected):
        if not _is_number(got):
            mismatches.append((path, f"{where}: expected a number {_fmt(expected)}, got {_fmt(got)}"))
        elif isinstance(expected, float) and math.isnan(expected):
            if not (isinstance(got, float) and math.isnan(got)):
                mismatches.append((path, f"{where}: expected nan, got {_fmt(got)}"))
        elif isinstance(got, float) and math.isnan(got):
            mismatches.append((path, f"{where}: expected {_fmt(expected)}, got nan"))
        elif math.isinf(expected) or math.isinf(got):
            if got != expected:
                mismatches.append((path, f"{where}: expected {_fmt(expected)}, got {_fmt(got)}"))
        elif not math.isclose(got, expected, rel_tol=rel, abs_tol=abs_):
            mismatches.append(
                (path, f"{where}: expected {_fmt(expected)}, got {_fmt(got)} (off by {abs(got - expected):.3g})")
            )
        return mismatches
    if isinstance(expected, (list, tuple)):
        if not isinstance(got, (list, tuple)):
            mismatches.append((path, f"{where}: expected a list, got {type(got).__name__} {_fmt(got)}"))
            return mismatches
        if len(got) != len(expected):
            mismatches.append((path, f"{where}: expected {len(expected)} items, got {len(got)}"))
            return mismatches
        for i, (g, e) in enumerate(zip(got, expected)):
            compare(g, e, rel, abs_, f"{path}[{i}]", mismatches, limit)
        return mismatches
    if isinstance(expected, dict):
        if not isinstance(got, dict):
            mismatches.append((path, f"{where}: expected a dict, got {type(got).__name__} {_fmt(got)}"))
            return mismatches
        missing = [k for k in expected if k not in got]
        extra = [k for k in got if k not in expected]
        if missing:
            mismatches.append((path, f"{where}: missing keys {_fmt(missing)}"))
        if extra:
            mismatches.append((path, f"{where}: unexpected keys {_fmt(extra)}"))
        for k in expected:
            if k in got:
                compare(got[k], expected[k], rel, abs_, f"{path}[{k!r}]", mismatches, limit)
        return mismatches
    if type(got) is not type(expected) or got != expected:
        mismatches.append((path, f"{where}: expected {_fmt(expected)}, got {_fmt(got)}"))
    return mismatches


# ---------- output capture ------------------------------------------------------------------


class CappedOutput:
    """Collects what the code prints, up to a cap shared by the whole run."""

    def __init__(self, cap):
        self.cap = cap
        self.used = 0
        self.parts = []
        self.truncated = False

    def write(self, text):
        if not isinstance(text, str):
            text = str(text)
        room = self.cap - self.used
        if room <= 0:
            self.truncated = True
            return len(text)
        piece = text[:room]
        if len(piece) < len(text):
            self.truncated = True
        self.parts.append(piece)
        self.used += len(piece)
        return len(text)

    def flush(self):
        pass

    def take(self):
        text = "".join(self.parts)
        self.parts = []
        return text


# ---------- errors --------------------------------------------------------------------------


def describe_error(exc):
    """Type, message and the traceback limited to the person's own frames and line numbers."""
    if isinstance(exc, SyntaxError) and exc.filename == USER_FILE:
        line = (exc.text or "").rstrip("\n")
        pointer = ""
        if exc.offset and line:
            pointer = "\n    " + " " * (exc.offset - 1) + "^"
        return {
            "type": type(exc).__name__,
            "message": exc.msg,
            "line": exc.lineno,
            "traceback": f'  line {exc.lineno}\n    {line.strip()}{pointer}\n{type(exc).__name__}: {exc.msg}',
        }
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename == USER_FILE]
    lines = []
    # Runaway recursion repeats one frame ~1,000 times: show it 3 times and count the rest, as
    # CPython does.
    i = 0
    while i < len(frames):
        f = frames[i]
        run = 1
        while i + run < len(frames) and (frames[i + run].lineno, frames[i + run].name) == (f.lineno, f.name):
            run += 1
        for _ in range(min(run, RECURSIVE_CUTOFF)):
            lines.append(f"  line {f.lineno}, in {f.name}")
            if f.line:
                lines.append(f"    {f.line.strip()}")
        if run > RECURSIVE_CUTOFF:
            more = run - RECURSIVE_CUTOFF
            lines.append(f"  [Previous line repeated {more} more time{'s' if more > 1 else ''}]")
        i += run
    message = str(exc)
    lines.append(f"{type(exc).__name__}: {message}" if message else type(exc).__name__)
    return {
        "type": type(exc).__name__,
        "message": message,
        "line": frames[-1].lineno if frames else None,
        "traceback": "\n".join(lines),
    }


class _SourceLines:
    """Makes traceback show the person's lines for code compiled from a string."""

    def __init__(self, name, source):
        import linecache

        linecache.cache[name] = (len(source), None, source.splitlines(True), name)


# ---------- running -------------------------------------------------------------------------


def load_module(source, filename):
    _SourceLines(filename, source)
    namespace = {"__name__": "__solution__" if filename == USER_FILE else "__checker__"}
    exec(compile(source, filename, "exec"), namespace)
    return namespace


def _call_sequence(namespace, entry, calls):
    """[["ClassName", [args]], ["method", [args]], ...] -> the list of results."""
    results = []
    obj = None
    for i, step in enumerate(calls):
        name, args = step[0], decode(step[1])
        if i == 0:
            cls = namespace.get(name)
            if cls is None:
                raise NameError(f"class {name!r} is not defined")
            obj = cls(*args)
            results.append(None)
        else:
            results.append(getattr(obj, name)(*args))
    return results


# ---------- the person's own input -----------------------------------------------------------
# "Try your own input": arguments typed as Python literals, one per line (a literal may go on
# over several lines inside brackets). Parsed with ast.literal_eval, never eval; inf and nan are
# allowed as names, since that is how Python prints them.


class ArgumentProblem(Exception):
    pass


def _literal(chunk, line):
    import ast

    try:
        tree = ast.parse(chunk.strip(), mode="eval")
    except SyntaxError as exc:
        raise ArgumentProblem(f"line {line}: not a Python literal ({exc.msg}): {chunk.strip()}")

    class _Names(ast.NodeTransformer):
        def visit_Name(self, node):
            if node.id in ("inf", "nan"):
                return ast.copy_location(ast.Constant(float(node.id)), node)
            return node

    try:
        return ast.literal_eval(_Names().visit(tree).body)
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        raise ArgumentProblem(
            f"line {line}: {chunk.strip()} is not a literal: write numbers, strings, True, False, "
            "None, inf, nan, and lists, tuples, dicts or sets of them"
        )


def parse_arguments(text):
    """One literal per logical line -> the list of values; blank lines are skipped."""
    import io
    import tokenize

    values = []
    chunk, first = "", None
    lines = text.splitlines()
    for number, line in enumerate(lines, 1):
        if first is None:
            if not line.strip():
                continue
            first = number
        chunk += line + "\n"
        try:
            list(tokenize.generate_tokens(io.StringIO(chunk).readline))
        except tokenize.TokenError:
            continue  # an open bracket or string: the literal goes on
        except (SyntaxError, ValueError):
            pass  # a bad token: _literal names it
        values.append(_literal(chunk, first))
        chunk, first = "", None
    if first is not None:
        raise ArgumentProblem(f"line {first}: not finished: a bracket or a quote is left open")
    return values


def _bind(fn, name, args):
    import inspect

    try:
        signature = inspect.signature(fn)
    except (TypeError, ValueError):
        return
    try:
        signature.bind(*args)
    except TypeError as exc:
        given = f"{len(args)} argument{'s' if len(args) != 1 else ''}"
        raise ArgumentProblem(f"{name}{signature}: {exc}; you gave {given}, one per line")


def run_custom(namespace, request, test, out):
    """Runs the person's input through the entry: what it returns and prints, no verdict."""
    entry = request["entry"]
    result = {"name": test["name"], "visible": True, "custom": True, "passed": False}
    try:
        values = parse_arguments(test["custom"]["text"])
        if test["custom"].get("calls"):
            for i, step in enumerate(values):
                if not (
                    isinstance(step, (list, tuple))
                    and len(step) == 2
                    and isinstance(step[0], str)
                    and isinstance(step[1], (list, tuple))
                ):
                    raise ArgumentProblem(f'step {i + 1}: write each step as ["method", [arguments]]')
            if not values or values[0][0] != entry:
                raise ArgumentProblem(f'the first step constructs the class: ["{entry}", [arguments]]')
            result["input"] = encode([[name, list(args)] for name, args in values])
        else:
            fn = namespace.get(entry)
            if fn is None:
                raise NameError(f"{entry!r} is not defined: keep the function name from the starter")
            _bind(fn, entry, values)
            result["input"] = encode(values)
    except ArgumentProblem as exc:
        result["badInput"] = True
        result["error"] = {"type": "ArgumentError", "message": str(exc), "line": None, "traceback": str(exc)}
        return result
    except Exception as exc:
        result["error"] = describe_error(exc)
        return result
    random.seed(test.get("seed", DEFAULT_SEED))
    started = time.perf_counter()
    try:
        if test["custom"].get("calls"):
            got = _call_sequence(namespace, entry, [[name, list(args)] for name, args in values])
        else:
            got = fn(*values)
    except Exception as exc:  # the person's code may raise anything
        result["ms"] = (time.perf_counter() - started) * 1000
        result["stdout"] = out.take()
        result["error"] = describe_error(exc)
        return result
    result["ms"] = (time.perf_counter() - started) * 1000
    result["stdout"] = out.take()
    result["got"] = encode(got)
    return result


def run_one(namespace, request, test, checker, out):
    if "custom" in test:
        return run_custom(namespace, request, test, out)
    entry = request["entry"]
    tol = test.get("tolerance") or request.get("tolerance") or {}
    rel = tol.get("rel", 1e-6)
    abs_ = tol.get("abs", 1e-9)
    result = {"name": test["name"], "visible": bool(test.get("visible")), "passed": False}
    args = decode(test.get("args", []))
    if "calls" in test:
        result["input"] = encode(test["calls"])
    else:
        result["input"] = encode(args)
    random.seed(test.get("seed", DEFAULT_SEED))
    started = time.perf_counter()
    try:
        if "calls" in test:
            got = _call_sequence(namespace, entry, test["calls"])
        elif "property" in test:
            fn = namespace.get(entry)
            if fn is None:
                raise NameError(f"{entry!r} is not defined")
            check = checker.get(test["property"]) if checker else None
            if check is None:
                raise RuntimeError(f"the template's checker has no {test['property']!r}")
            got = None
            problem = check(fn, *args)
            result["ms"] = (time.perf_counter() - started) * 1000
            result["stdout"] = out.take()
            if problem:
                result["mismatches"] = [{"path": "", "message": str(problem)}]
            else:
                result["passed"] = True
            return result
        else:
            fn = namespace.get(entry)
            if fn is None:
                raise NameError(f"{entry!r} is not defined: keep the function name from the starter")
            got = fn(*args)
        result["ms"] = (time.perf_counter() - started) * 1000
    except Exception as exc:  # the person's code may raise anything
        result["ms"] = (time.perf_counter() - started) * 1000
        result["stdout"] = out.take()
        expected_error = test.get("raises")
        if expected_error and any(c.__name__ == expected_error for c in type(exc).__mro__):
            result["passed"] = True
            result["got"] = {"$repr": f"raised {type(exc).__name__}"}
            result["expected"] = {"$repr": f"raises {expected_error}"}
            return result
        result["error"] = describe_error(exc)
        if expected_error:
            result["expected"] = {"$repr": f"raises {expected_error}"}
        elif "expected" in test:
            result["expected"] = test["expected"]
        return result
    result["stdout"] = out.take()
    result["got"] = encode(got)
    if "raises" in test:
        result["expected"] = {"$repr": f"raises {test['raises']}"}
        result["mismatches"] = [{"path": "", "message": f"expected {test['raises']} to be raised, got {_fmt(got)}"}]
        return result
    expected = decode(test.get("expected"))
    result["expected"] = test.get("expected")
    result["tolerance"] = {"rel": rel, "abs": abs_}
    mismatches = compare(got, expected, rel, abs_)
    result["mismatches"] = [{"path": p, "message": m} for p, m in mismatches]
    result["passed"] = not mismatches
    return result


def _timed_call(namespace, entry, args):
    fn = namespace.get(entry)
    if fn is None:
        raise NameError(f"{entry!r} is not defined")
    started = time.perf_counter()
    value = fn(*args)
    return value, (time.perf_counter() - started) * 1000


def run_scale(namespace, request, test, out):
    """Runs a large input through the reference and the person's code; the person's run must
    match and take at most factor x the reference's time (plus a small floor for timer noise)."""
    result = {"name": test["name"], "visible": False, "scale": True, "passed": False}
    random.seed(test.get("seed", DEFAULT_SEED))
    try:
        args = eval(test["setup"], {"random": random, "math": math})
    except Exception as exc:
        result["error"] = {"type": "SetupError", "message": f"scale test setup failed: {exc}", "line": None, "traceback": ""}
        return result
    result["input"] = {"$repr": test.get("describe", "a large input")}
    reference = load_module(request["reference"], "<reference>")
    ref_value, ref_ms = _timed_call(reference, request["entry"], [_copy(a) for a in args])
    factor = test.get("factor", 10)
    floor_ms = test.get("floorMs", 100)
    budget = max(ref_ms * factor, floor_ms)
    result["budgetMs"] = budget
    result["referenceMs"] = ref_ms
    try:
        got, ms = _timed_call(namespace, request["entry"], args)
    except Exception as exc:
        result["stdout"] = out.take()
        result["error"] = describe_error(exc)
        return result
    result["ms"] = ms
    result["stdout"] = out.take()
    tol = request.get("tolerance") or {}
    mismatches = compare(got, ref_value, tol.get("rel", 1e-6), tol.get("abs", 1e-9))
    if mismatches:
        result["mismatches"] = [{"path": p, "message": m} for p, m in mismatches[:5]]
        result["got"] = {"$repr": "output differs from the reference"}
        return result
    if ms > budget:
        result["mismatches"] = [
            {"path": "", "message": f"correct, but took {ms:.0f} ms; the budget is {budget:.0f} ms ({factor}x the reference's {ref_ms:.0f} ms)"}
        ]
        return result
    result["passed"] = True
    return result


def _copy(value):
    if isinstance(value, list):
        return [_copy(v) for v in value]
    if isinstance(value, dict):
        return {k: _copy(v) for k, v in value.items()}
    return value


def run_suite(request_json):
    """request: {source, entry, tests, scale?, reference?, checker?, tolerance?, outputCap?}
    -> {compiled, error?, results: [...], stdout, stdoutTruncated, stopped?}

    Stopped at the time limit (KeyboardInterrupt from the page), it still returns what it has:
    the finished results, the test it was in with what that test printed, and stopped: true."""
    request = json.loads(request_json)
    out = CappedOutput(request.get("outputCap", DEFAULT_OUTPUT_CAP))
    saved = sys.stdout, sys.stderr
    sys.stdout = sys.stderr = out
    report = {"compiled": False, "results": [], "stdoutTruncated": False}
    current = None
    try:
        checker = load_module(request["checker"], CHECKER_FILE) if request.get("checker") else None
        try:
            namespace = load_module(request["source"], USER_FILE)
        except Exception as exc:
            report["error"] = describe_error(exc)
            report["stdout"] = out.take()
            return json.dumps(report)
        report["compiled"] = True
        report["stdout"] = out.take()
        for test in request["tests"]:
            current = test
            report["results"].append(run_one(namespace, request, test, checker, out))
        for test in request.get("scale") or []:
            current = dict(test, scale=True)
            report["results"].append(run_scale(namespace, request, test, out))
        current = None
    except KeyboardInterrupt:
        report["stopped"] = True
        printed = out.take()
        if current is None:
            report["stdout"] = (report.get("stdout") or "") + printed
        else:
            if current.get("scale"):
                shown = {"$repr": current.get("describe", "a large input")}
            else:
                shown = encode(current["calls"] if "calls" in current else decode(current.get("args", [])))
            report["results"].append(
                {
                    "name": current["name"],
                    "visible": bool(current.get("visible")),
                    "scale": bool(current.get("scale")),
                    "passed": False,
                    "stopped": True,
                    "input": shown,
                    "stdout": printed,
                }
            )
    finally:
        sys.stdout, sys.stderr = saved
        report["stdoutTruncated"] = out.truncated
    return json.dumps(report, allow_nan=False)


if __name__ == "__main__":
    print(run_suite(sys.stdin.read()))
