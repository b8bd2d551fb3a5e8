/* An embedder in C: builds against an installed writ with
**   cc path_query.c $(pkg-config --cflags --libs writ)
** and prints the answers to path(1, X), one per line. Exit status 1 on any error. */
#include <stdio.h>

#include <writ/writ.h>

int main(void) {
  writ_kb* kb = NULL;
  writ_result* result = NULL;
  size_t row;
  if (writ_open(NULL, &kb) != WRIT_OK) {
    fprintf(stderr, "%s", writ_errmsg(kb));
    writ_close(kb);
    return 1;
  }
  if (writ_load_text(kb, "graph",
                     "edge(1, 2). edge(2, 3). edge(3, 4). edge(5, 6).\n"
                     "path(X, Y) :- edge(X, Y).\n"
                     "path(X, Z) :- path(X, Y), edge(Y, Z).\n") != WRIT_OK ||
      writ_query(kb, "path(1, X)", &result) != WRIT_OK) {
    fprintf(stderr, "%s", writ_errmsg(kb));
    writ_close(kb);
    return 1;
  }
  for (row = 0; row < writ_result_row_count(result); ++row) {
    if (writ_value_type(result, row, 0) != WRIT_INTEGER) return 1;
    printf("%s = %lld\n", writ_result_column_name(result, 0), (long long)writ_value_int64(result, row, 0));
  }
  writ_result_free(result);
  writ_close(kb);
  return 0;
}
