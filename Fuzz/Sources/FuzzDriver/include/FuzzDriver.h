#ifndef TRELLIS_FUZZ_DRIVER_H
#define TRELLIS_FUZZ_DRIVER_H

#include <stddef.h>
#include <stdint.h>

/// Runs libFuzzer's driver (flags, corpus folders, -runs, -max_total_time ...) on `test`.
///
/// SwiftPM renames an executable's `main` to `<Module>_main` and links with
/// `--defsym main=<Module>_main`, so libFuzzer's own `main` is never used: each target defines
/// `<Module>_main` and calls this.
int fuzz_driver_run(int argc, char **argv, int (*test)(const uint8_t *data, size_t size));

#endif
