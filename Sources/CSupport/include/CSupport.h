#ifndef TRELLIS_CSUPPORT_H
#define TRELLIS_CSUPPORT_H

#include <stddef.h>

/// Atomically swaps two paths on the same file system (renameat2 RENAME_EXCHANGE).
/// Returns 0 on success, -1 with errno set otherwise.
int trellis_exchange_paths(const char *first, const char *second);

/// Writes everything pending on the file system holding `descriptor` to disk (syncfs; fsync
/// where there is no syncfs). Returns 0 on success, -1 with errno set otherwise.
int trellis_sync_file_system(int descriptor);

/// Takes an exclusive advisory lock (flock) on an open file, waiting for it when `wait` is not 0.
/// Returns 0 on success, -1 with errno set (EWOULDBLOCK: held by another process).
int trellis_lock(int descriptor, int wait);

/// Starts `program` in a session of its own with standard input and output on /dev/null, so it
/// outlives the caller and is not stopped with it. Returns the child's pid, or -1 with errno set.
int trellis_spawn_detached(const char *program, char *const arguments[]);

/// Keeps an unchanged file: hard-links `existing` at `destination` when `existing` is, without
/// following any symbolic link on its way, a regular file of this user with permissions `mode` and
/// one link that holds exactly the `length` bytes at `bytes`. Returns 1 when it linked, 0 when the
/// file differs or is not there (or was replaced while it was compared), -1 with errno set when the
/// same file could not be linked (the caller then writes the file).
int trellis_link_if_same(const char *existing, const char *destination, const void *bytes, size_t length, unsigned mode);

#endif
