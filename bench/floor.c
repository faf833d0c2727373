// The floor a cmark-based generator works against, measured on the same machine and file
// system as the build it is compared with:
//
//   floor --threads T --inputs LIST --manifest MANIFEST --out DIR
//
// 1. render: every Markdown file named in LIST (one path a line) is read, its front matter
//    (the lines between the first two `---` lines) skipped, and its body turned into HTML by
//    cmark (cmark_markdown_to_html, default options), on T threads;
// 2. write: DIR is created and filled with the files MANIFEST lists (`PATH<TAB>SIZE` a line:
//    the files and sizes a real build wrote), folders made once each, every file written with
//    one open + write + close, on T threads.
// Prints `render_s write_s total_s files bytes` on stdout. DIR must not exist.
// Build: cc -O2 -o floor floor.c -lcmark -lpthread
#define _GNU_SOURCE
#include <cmark.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static double now_s(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

static void die(const char *what, const char *path) {
    fprintf(stderr, "floor: %s %s: %s\n", what, path ? path : "", strerror(errno));
    exit(1);
}

typedef struct { char *path; long size; } Entry;

static char **inputs; static size_t n_inputs;
static Entry *files; static size_t n_files;
static char **dirs; static size_t n_dirs;
static const char *out_dir;
static char *filler; static long filler_size;
static atomic_size_t next_item;
static atomic_long html_bytes;

static char *slurp(const char *path, size_t *len) {
    int fd = open(path, O_RDONLY);
    if (fd < 0) die("cannot open", path);
    struct stat st;
    if (fstat(fd, &st) != 0) die("cannot stat", path);
    char *buf = malloc(st.st_size + 1);
    size_t got = 0;
    while (got < (size_t)st.st_size) {
        ssize_t n = read(fd, buf + got, st.st_size - got);
        if (n <= 0) die("cannot read", path);
        got += n;
    }
    close(fd);
    buf[got] = 0;
    *len = got;
    return buf;
}

static char **read_lines(const char *path, size_t *count) {
    size_t len;
    char *text = slurp(path, &len);
    size_t cap = 1024, n = 0;
    char **lines = malloc(cap * sizeof *lines);
    for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
        if (n == cap) lines = realloc(lines, (cap *= 2) * sizeof *lines);
        lines[n++] = line;
    }
    *count = n;
    return lines;
}

static void *render_worker(void *arg) {
    (void)arg;
    long bytes = 0;
    for (;;) {
        size_t i = atomic_fetch_add(&next_item, 1);
        if (i >= n_inputs) break;
        size_t len;
        char *text = slurp(inputs[i], &len);
        char *body = text;
        if (strncmp(text, "---\n", 4) == 0) {
            char *end = strstr(text + 4, "\n---\n");
            if (end) body = end + 5;
        }
        char *html = cmark_markdown_to_html(body, len - (body - text), CMARK_OPT_DEFAULT);
        bytes += strlen(html);
        free(html);
        free(text);
    }
    atomic_fetch_add(&html_bytes, bytes);
    return NULL;
}

static void *write_worker(void *arg) {
    (void)arg;
    char path[4096];
    for (;;) {
        size_t i = atomic_fetch_add(&next_item, 1);
        if (i >= n_files) break;
        snprintf(path, sizeof path, "%s/%s", out_dir, files[i].path);
        int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
        if (fd < 0) die("cannot create", path);
        long left = files[i].size;
        while (left > 0) {
            ssize_t n = write(fd, filler, left < filler_size ? left : filler_size);
            if (n <= 0) die("cannot write", path);
            left -= n;
        }
        close(fd);
    }
    return NULL;
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static void run(int threads, void *(*worker)(void *)) {
    pthread_t t[64];
    atomic_store(&next_item, 0);
    for (int i = 0; i < threads; i++) pthread_create(&t[i], NULL, worker, NULL);
    for (int i = 0; i < threads; i++) pthread_join(t[i], NULL);
}

int main(int argc, char **argv) {
    int threads = 2;
    const char *inputs_path = NULL, *manifest_path = NULL;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!strcmp(argv[i], "--threads")) threads = atoi(argv[i + 1]);
        else if (!strcmp(argv[i], "--inputs")) inputs_path = argv[i + 1];
        else if (!strcmp(argv[i], "--manifest")) manifest_path = argv[i + 1];
        else if (!strcmp(argv[i], "--out")) out_dir = argv[i + 1];
        else { fprintf(stderr, "floor: unknown argument %s\n", argv[i]); return 2; }
    }
    if (!inputs_path || !manifest_path || !out_dir || threads < 1 || threads > 64) {
        fprintf(stderr, "usage: floor --threads T --inputs LIST --manifest MANIFEST --out DIR\n");
        return 2;
    }
    inputs = read_lines(inputs_path, &n_inputs);
    char **lines = read_lines(manifest_path, &n_files);
    files = malloc(n_files * sizeof *files);
    long max_size = 1, total = 0;
    size_t dcap = 1024;
    dirs = malloc(dcap * sizeof *dirs);
    for (size_t i = 0; i < n_files; i++) {
        char *tab = strchr(lines[i], '\t');
        if (!tab) { fprintf(stderr, "floor: bad manifest line %s\n", lines[i]); return 2; }
        *tab = 0;
        files[i].path = lines[i];
        files[i].size = atol(tab + 1);
        if (files[i].size > max_size) max_size = files[i].size;
        total += files[i].size;
        // every ancestor folder of the file
        for (char *slash = strchr(lines[i], '/'); slash; slash = strchr(slash + 1, '/')) {
            if (n_dirs == dcap) dirs = realloc(dirs, (dcap *= 2) * sizeof *dirs);
            dirs[n_dirs++] = strndup(lines[i], slash - lines[i]);
        }
    }
    qsort(dirs, n_dirs, sizeof *dirs, cmp_str);  // parents sort before their children
    filler_size = max_size < (1 << 20) ? max_size : (1 << 20);
    filler = malloc(filler_size);
    memset(filler, 'x', filler_size);

    double t0 = now_s();
    run(threads, render_worker);
    double t1 = now_s();
    if (mkdir(out_dir, 0755) != 0) die("cannot create", out_dir);
    char path[4096];
    for (size_t i = 0; i < n_dirs; i++) {
        if (i > 0 && !strcmp(dirs[i], dirs[i - 1])) continue;
        snprintf(path, sizeof path, "%s/%s", out_dir, dirs[i]);
        if (mkdir(path, 0755) != 0 && errno != EEXIST) die("cannot create", path);
    }
    run(threads, write_worker);
    double t2 = now_s();
    printf("%.3f %.3f %.3f %zu %ld\n", t1 - t0, t2 - t1, t2 - t0, n_files, total);
    fprintf(stderr, "floor: %zu bodies -> %ld bytes of HTML in %.3fs; %zu files, %ld bytes written in %.3fs (%d threads)\n",
            n_inputs, (long)atomic_load(&html_bytes), t1 - t0, n_files, total, t2 - t1, threads);
    return 0;
}
