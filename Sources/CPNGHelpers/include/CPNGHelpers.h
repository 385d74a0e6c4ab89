#pragma once
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/// Outcome of a libpng call made through these helpers. libpng reports errors by longjmp, which
/// Swift cannot survive; the helpers catch them inside C and hand back a status and the message.
typedef enum reel_png_status {
    REEL_PNG_OK = 0,
    REEL_PNG_FAILED = 1,
    /// The file is valid but needs a conversion the row reader does not make (interlacing, 16-bit
    /// samples, a gamma other than sRGB's): decode it whole instead.
    REEL_PNG_UNSUPPORTED = 2,
} reel_png_status;

/// Receives one decoded row: `width` RGBA pixels (8-bit, not premultiplied), rows in order.
typedef void (*reel_png_row_sink)(void *context, const uint8_t *rgba, int y);

/// Reads a non-interlaced PNG of at most 8 bits a sample from `file` one row at a time, handing
/// each row as RGBA to `sink`, then reads to the end chunk (so a cut-short file fails). Never
/// holds more than one row. `max_side` bounds the declared size before anything is allocated.
reel_png_status reel_png_read_rows(FILE *file, int max_side, int *width, int *height, reel_png_row_sink sink,
                                   void *context, char *message, size_t message_capacity);
