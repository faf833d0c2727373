#ifndef TRELLIS_CSUPPORT_H
#define TRELLIS_CSUPPORT_H

/// Atomically swaps two paths on the same file system (renameat2 RENAME_EXCHANGE).
/// Returns 0 on success, -1 with errno set otherwise.
int trellis_exchange_paths(const char *first, const char *second);

#endif
