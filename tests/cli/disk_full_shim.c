// An LD_PRELOAD shim for the tests: a full disk, without root or a small file system.
//   WRIT_FULL_PATH=/abs/prefix  every write to a file whose path starts with the prefix
//                               (a store and its -wal, -shm and -journal files) fails
//                               with ENOSPC, as on a full disk
// SQLite writes with pwrite64() and write(); everything else is written as usual.
#define _GNU_SOURCE
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <unistd.h>

// Whether `fd` is a file on the "full disk".
static int full(int fd) {
  const char* prefix = getenv("WRIT_FULL_PATH");
  if (prefix == NULL) return 0;
  char link[64];
  char target[PATH_MAX];
  snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
  const ssize_t n = readlink(link, target, sizeof target - 1);
  if (n < 0) return 0;
  target[n] = '\0';
  return strncmp(target, prefix, strlen(prefix)) == 0;
}

ssize_t write(int fd, const void* buffer, size_t count) {
  if (count > 0 && full(fd)) {
    errno = ENOSPC;
    return -1;
  }
  return syscall(SYS_write, fd, buffer, count);
}

ssize_t pwrite64(int fd, const void* buffer, size_t count, off_t offset) {
  if (count > 0 && full(fd)) {
    errno = ENOSPC;
    return -1;
  }
  return syscall(SYS_pwrite64, fd, buffer, count, offset);
}

ssize_t pwrite(int fd, const void* buffer, size_t count, off_t offset) { return pwrite64(fd, buffer, count, offset); }
