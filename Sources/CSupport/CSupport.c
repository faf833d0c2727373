#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <errno.h>
#include <spawn.h>
#include <unistd.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#if defined(__linux__) && __has_include(<linux/openat2.h>)
#include <linux/openat2.h>
#define TRELLIS_HAS_OPENAT2 1
#endif
#include "CSupport.h"

extern char **environ;

int trellis_exchange_paths(const char *first, const char *second) {
#ifdef RENAME_EXCHANGE
    return renameat2(AT_FDCWD, first, AT_FDCWD, second, RENAME_EXCHANGE);
#else
    errno = ENOSYS;
    return -1;
#endif
}

int trellis_sync_file_system(int descriptor) {
#ifdef __linux__
    return syncfs(descriptor);
#else
    return fsync(descriptor);
#endif
}

int trellis_lock(int descriptor, int wait) {
    return flock(descriptor, LOCK_EX | (wait ? 0 : LOCK_NB));
}

int trellis_spawn_detached(const char *program, char *const arguments[]) {
    posix_spawn_file_actions_t actions;
    posix_spawnattr_t attributes;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    posix_spawnattr_init(&attributes);
#ifdef POSIX_SPAWN_SETSID
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSID);
#endif
    pid_t child = 0;
    int result = posix_spawn(&child, program, &actions, &attributes, arguments, environ);
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attributes);
    if (result != 0) {
        errno = result;
        return -1;
    }
    return (int)child;
}

/// Opens `path` for reading, refusing every symbolic link on the way; -1 where that cannot be asked.
static int open_without_links(const char *path) {
#if defined(TRELLIS_HAS_OPENAT2) && defined(SYS_openat2)
    struct open_how how;
    memset(&how, 0, sizeof how);
    how.flags = O_RDONLY | O_CLOEXEC | O_NOFOLLOW;
    how.resolve = RESOLVE_NO_SYMLINKS | RESOLVE_NO_MAGICLINKS;
    return (int)syscall(SYS_openat2, AT_FDCWD, path, &how, sizeof how);
#else
    (void)path;
    errno = ENOSYS;
    return -1;
#endif
}

/// Whether the open file holds exactly `length` bytes equal to `bytes`.
static int holds_exactly(int descriptor, const unsigned char *bytes, size_t length) {
    unsigned char buffer[65536];
    size_t offset = 0;
    for (;;) {
        ssize_t got = read(descriptor, buffer, sizeof buffer);
        if (got < 0 && errno == EINTR) continue;
        if (got < 0) return 0;
        if (got == 0) return offset == length;
        if ((size_t)got > length - offset || memcmp(buffer, bytes + offset, (size_t)got) != 0) return 0;
        offset += (size_t)got;
    }
}

int trellis_link_if_same(const char *existing, const char *destination, const void *bytes, size_t length, unsigned mode) {
    int descriptor = open_without_links(existing);
    if (descriptor < 0) return 0;
    struct stat status;
    int same = fstat(descriptor, &status) == 0 && S_ISREG(status.st_mode) && (status.st_mode & 07777) == mode
        && status.st_nlink == 1 && status.st_uid == geteuid() && (size_t)status.st_size == length
        && holds_exactly(descriptor, bytes, length);
    int linked = 0;
    if (same) {
        // The very file compared is linked, through its descriptor, not whatever the name holds by now.
        char name[64];
        snprintf(name, sizeof name, "/proc/self/fd/%d", descriptor);
        linked = linkat(AT_FDCWD, name, AT_FDCWD, destination, AT_SYMLINK_FOLLOW) == 0 ? 1 : -1;
    }
    int code = errno;
    close(descriptor);
    errno = code;
    return linked;
}
