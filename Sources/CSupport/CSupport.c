#define _GNU_SOURCE
#include <fcntl.h>
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

/// Whether the open file, whose size is `length`, holds exactly the bytes `bytes`: read only as
/// far as its known size (reading on to the end took one more call per file).
static int holds_exactly(int descriptor, const unsigned char *bytes, size_t length) {
    unsigned char buffer[65536];
    size_t offset = 0;
    while (offset < length) {
        size_t wanted = length - offset < sizeof buffer ? length - offset : sizeof buffer;
        ssize_t got = read(descriptor, buffer, wanted);
        if (got < 0 && errno == EINTR) continue;
        if (got <= 0) return 0;
        if (memcmp(buffer, bytes + offset, (size_t)got) != 0) return 0;
        offset += (size_t)got;
    }
    return 1;
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
        // Linked by name, then checked: the new name must be the very file compared, not whatever
        // the old name holds by now (a symbolic link or another file is unlinked again, and the
        // caller writes the bytes). Linking through /proc/self/fd cost several procfs lookups.
        if (linkat(AT_FDCWD, existing, AT_FDCWD, destination, 0) != 0) {
            linked = -1;
        } else {
            struct stat made;
            if (fstatat(AT_FDCWD, destination, &made, AT_SYMLINK_NOFOLLOW) == 0 && made.st_ino == status.st_ino && made.st_dev == status.st_dev) {
                linked = 1;
            } else {
                unlink(destination);
                errno = 0;
            }
        }
    }
    int code = errno;
    close(descriptor);
    errno = code;
    return linked;
}
