#!/usr/bin/env python3
"""Puts the JNI functions of JavaCPP-generated C++ sources in a fixed order.

JavaCPP emits one JNIEXPORT function per native method in the order
Class.getDeclaredMethods() returns, which HotSpot leaves unspecified: about
one run in twenty moved Java_org_bytedeco_javacpp_Pointer_asDirectBuffer
elsewhere in jnijavacpp.cpp, which changed the order of the library's code
and dynamic symbols, so the release library was not reproducible.

This rewrites each file in place: every maximal run of consecutive JNIEXPORT
function *definitions* (a line starting with "JNIEXPORT " up to the next
line that is exactly "}") is sorted by its text. Everything else, including
JNIEXPORT declarations (lines ending in ";"), stays where it is and ends a
run, so a declaration is never moved after a use. Reordering definitions is
safe in these files because the generated JNI functions do not call each
other; if one ever did, the compiler would reject the file, not miscompile.

  canonical-jni-source.py FILE.cpp...
"""
import sys


def is_definition_start(line):
    return line.startswith("JNIEXPORT ") and not line.rstrip().endswith(";")


def canonical(text):
    lines = text.split("\n")
    out = []
    i = 0
    while i < len(lines):
        if not is_definition_start(lines[i]):
            out.append(lines[i])
            i += 1
            continue
        run = []
        while i < len(lines) and is_definition_start(lines[i]):
            end = lines.index("}", i)
            run.append(lines[i:end + 1])
            i = end + 1
            # blank lines between two definitions belong to the run
            k = i
            while k < len(lines) and lines[k] == "":
                k += 1
            if k < len(lines) and is_definition_start(lines[k]):
                i = k
        run.sort(key=lambda block: "\n".join(block))
        for block in run:
            out.extend(block)
            out.append("")
    return "\n".join(out)


def main():
    for name in sys.argv[1:]:
        with open(name, encoding="utf-8") as f:
            text = f.read()
        result = canonical(text)
        if result != text:
            with open(name, "w", encoding="utf-8") as f:
                f.write(result)


if __name__ == "__main__":
    main()
