// An LD_PRELOAD shim for the tests: read() fails with EIO part-way through one input, as
// a failing disk or a network file system that went away would make it fail.
//   WRIT_FAULT_PATH=/abs/file  reads of that file fail once its offset reaches
//   WRIT_FAULT_AFTER=N         N bytes (reads that would cross N are shortened to end there)
//   WRIT_FAULT_FD=0            instead of a path: that descriptor (a pipe), counting bytes
// Everything else is read as usual (through the system call: SQLite's own files, libc's).
#define _GNU_SOURCE
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <unistd.h>

static long long fd_bytes;  // bytes read so far from WRIT_FAULT_FD

// The offset of `fd` in the faulty input, or -1 when `fd` is not that input.
static long long faulty_offset(int fd) {
  const char* only_fd = getenv("WRIT_FAULT_FD");
  if (only_fd != NULL) return fd == atoi(only_fd) ? fd_bytes : -1;
  const char* path = getenv("WRIT_FAULT_PATH");
  if (path == NULL) return -1;
  char link[64];
  char target[PATH_MAX];
  snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
  const ssize_t n = readlink(link, target, sizeof target - 1);
  if (n < 0) return -1;
  target[n] = '\0';
  if (strcmp(target, path) != 0) return -1;
  const off_t at = lseek(fd, 0, SEEK_CUR);
  return at < 0 ? 0 : (long long)at;
}

ssize_t read(int fd, void* buffer, size_t count) {
  const long long at = faulty_offset(fd);
  if (at >= 0) {
    const char* after_text = getenv("WRIT_FAULT_AFTER");
    const long long after = after_text != NULL ? atoll(after_text) : 0;
    if (at >= after) {
      errno = EIO;
      return -1;
    }
    if ((long long)count > after - at) count = (size_t)(after - at);
  }
  const ssize_t n = syscall(SYS_read, fd, buffer, count);
  if (n > 0 && at >= 0 && getenv("WRIT_FAULT_FD") != NULL) fd_bytes += n;
  return n;
}

// With _FORTIFY_SOURCE, read() may be called as __read_chk().
ssize_t __read_chk(int fd, void* buffer, size_t count, size_t size) {
  (void)size;
  return read(fd, buffer, count);
}
