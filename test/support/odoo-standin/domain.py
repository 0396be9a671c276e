"""Odoo search domains: prefix-notation lists of `(field, operator, value)` leaves joined by
'&' (default), '|' and '!'."""

import re


def raw_id(value):
    """A many2one value as an id: Odoo accepts `id` and reads back `[id, name]`."""
    if isinstance(value, (list, tuple)) and value:
        return value[0]
    return value


def _like(pattern, text, insensitive):
    if text is False or text is None:
        return False
    text = str(text)
    pattern = str(pattern)
    if insensitive:
        text, pattern = text.lower(), pattern.lower()
    return pattern in text


def _sql_like(pattern, text, insensitive):
    """PostgreSQL LIKE: `%` any run, `_` one character, backslash escapes the next one."""
    out, i = [], 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\" and i + 1 < len(pattern):
            out.append(re.escape(pattern[i + 1]))
            i += 2
            continue
        out.append(".*" if ch == "%" else "." if ch == "_" else re.escape(ch))
        i += 1
    flags = re.IGNORECASE | re.DOTALL if insensitive else re.DOTALL
    return re.fullmatch("".join(out), text, flags) is not None


def _leaf(value, op, target):
    value = raw_id(value)
    if op == "=":
        return value == target or (target is False and not value)
    if op == "!=":
        return not _leaf(value, "=", target)
    if op == "in":
        return value in target or (isinstance(value, list) and bool(set(value) & set(target)))
    if op == "not in":
        return not _leaf(value, "in", target)
    if op in ("ilike", "like"):
        return _like(target, value, op == "ilike")
    if op == "not ilike":
        return not _like(target, value, True)
    if op in ("=ilike", "=like"):
        return value is not False and _sql_like(str(target), str(value), op == "=ilike")
    if op in ("<", ">", "<=", ">="):
        if value is False or value is None:
            return False
        return {"<": value < target, ">": value > target,
                "<=": value <= target, ">=": value >= target}[op]
    raise ValueError(f"Invalid leaf operator {op!r}")


def matches(domain, get):
    """True if the record whose field values `get(name)` returns satisfies `domain`."""
    stack = []
    for item in reversed(list(domain or [])):
        if item == "!":
            stack.append(not stack.pop())
        elif item in ("&", "|"):
            a, b = stack.pop(), stack.pop()
            stack.append((a and b) if item == "&" else (a or b))
        else:
            field, op, target = item
            stack.append(_leaf(get(field), op, target))
    return all(stack)
