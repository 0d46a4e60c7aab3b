"""Data as a script: `CALL({...});`, for the .js files that search and graphs load by <script> tag."""

from __future__ import annotations

import json

# JSON is valid JavaScript, but a few characters are better written as escapes: `<` so that no
# `</script>` or `<!--` from data ends or comments out a script if the data is ever inlined in
# a page, and U+2028/U+2029, which older JavaScript engines take for line ends inside strings.
_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026", 0x2028: "\\u2028", 0x2029: "\\u2029"}


def js_call(call: str, payload: object) -> str:
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    # str.replace per character: str.translate takes its slow path on non-ASCII text (10 times slower here)
    for code, escape in _ESCAPES.items():
        char = chr(code)
        if char in text:
            text = text.replace(char, escape)
    return f"{call}({text});\n"
