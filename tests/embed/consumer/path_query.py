#!/usr/bin/env python3
"""An embedder in Python: the shared library through ctypes.

Usage: path_query.py LIBWRIT   (the path of libwrit.so.0)
Prints the answers to path(1, X), one per line; exit status 1 on any error.
"""
import ctypes
import sys

WRIT_OK, WRIT_INTEGER = 0, 1

lib = ctypes.CDLL(sys.argv[1])
kb_p, result_p = ctypes.c_void_p, ctypes.c_void_p
lib.writ_version.restype = ctypes.c_char_p
lib.writ_open.argtypes = [ctypes.c_char_p, ctypes.POINTER(kb_p)]
lib.writ_close.argtypes = [kb_p]
lib.writ_errmsg.argtypes = [kb_p]
lib.writ_errmsg.restype = ctypes.c_char_p
lib.writ_load_text.argtypes = [kb_p, ctypes.c_char_p, ctypes.c_char_p]
lib.writ_query.argtypes = [kb_p, ctypes.c_char_p, ctypes.POINTER(result_p)]
lib.writ_result_free.argtypes = [result_p]
lib.writ_result_row_count.argtypes = [result_p]
lib.writ_result_row_count.restype = ctypes.c_size_t
lib.writ_result_column_name.argtypes = [result_p, ctypes.c_size_t]
lib.writ_result_column_name.restype = ctypes.c_char_p
lib.writ_value_type.argtypes = [result_p, ctypes.c_size_t, ctypes.c_size_t]
lib.writ_value_int64.argtypes = [result_p, ctypes.c_size_t, ctypes.c_size_t]
lib.writ_value_int64.restype = ctypes.c_int64


def fail(kb):
    sys.stderr.write(lib.writ_errmsg(kb).decode())
    lib.writ_close(kb)
    sys.exit(1)


kb = kb_p()
if lib.writ_open(None, ctypes.byref(kb)) != WRIT_OK:
    fail(kb)
program = b"""edge(1, 2). edge(2, 3). edge(3, 4). edge(5, 6).
path(X, Y) :- edge(X, Y).
path(X, Z) :- path(X, Y), edge(Y, Z).
"""
if lib.writ_load_text(kb, b"graph", program) != WRIT_OK:
    fail(kb)
result = result_p()
if lib.writ_query(kb, b"path(1, X)", ctypes.byref(result)) != WRIT_OK:
    fail(kb)
column = lib.writ_result_column_name(result, 0).decode()
for row in range(lib.writ_result_row_count(result)):
    if lib.writ_value_type(result, row, 0) != WRIT_INTEGER:
        sys.exit(1)
    print(f"{column} = {lib.writ_value_int64(result, row, 0)}")
lib.writ_result_free(result)
lib.writ_close(kb)
