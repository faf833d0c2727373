#ifndef TRELLIS_CSUPPORT_H
#define TRELLIS_CSUPPORT_H

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

#endif
